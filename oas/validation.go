package oas

import "strings"

// Violation is one broken constraint, with the JSON path of the value that
// broke it ("categories[2]", "metadata.owner").
type Violation struct {
	Path    string
	Message string
}

func (v Violation) Error() string {
	if v.Path == "" {
		return v.Message
	}
	return v.Path + ": " + v.Message
}

// ValidationError is what a generated Validate method returns: every
// violation found, in field order. Open it with errors.As:
//
//	var verr *oas.ValidationError
//	if errors.As(err, &verr) {
//		for _, v := range verr.Violations { ... }
//	}
type ValidationError struct {
	// Type is the Go name of the validated type.
	Type       string
	Violations []Violation
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Type)
	b.WriteString(" is invalid: ")
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.Error())
	}
	return b.String()
}

// Unwrap returns the violations, so errors.As can also reach a Violation.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Violations))
	for i, v := range e.Violations {
		errs[i] = v
	}
	return errs
}
