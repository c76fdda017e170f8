package plan

// Usage: the names the package doc comment's example is written with, so
// that it reads like the code a user writes. planUsage (structs.go) picks
// the operation and body; the example's own variables are named here.

import (
	"go/token"
	"strings"
)

// planUsageNames picks the optional string field the example sets, and
// names the variable the example's error response goes in after its type
// (BadRequestResponseError → badRequest).
func (p *planner) planUsageNames() {
	u := &p.m.Usage
	if u.Body != nil {
		for _, fl := range u.Body.Fields {
			if !fl.RequestRequired && !fl.ReadOnly && fl.Wrap == Optional && fl.Type.Kind == RefBuiltin && fl.Type.Builtin == String {
				u.SetField = fl
				break
			}
		}
	}
	if u.ErrorType != "" {
		v := strings.TrimSuffix(strings.TrimSuffix(u.ErrorType, "Error"), "Response")
		if v == "" || !isASCIIName(v) {
			v = "respErr"
		}
		if v = exampleLower(v); token.IsKeyword(v) {
			v += "Err"
		}
		u.ErrorVar = v
	}
}

// exampleLower lowers the leading capital of a Go name for a variable in the
// example: BadRequestResponseError → badRequestResponseError.
func exampleLower(s string) string {
	if s == "" {
		return s
	}
	i := 1
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' && (i+1 == len(s) || s[i+1] >= 'A' && s[i+1] <= 'Z') {
		i++
	}
	return strings.ToLower(s[:i]) + s[i:]
}

// isASCIIName reports whether s is ASCII letters and digits, so that
// exampleLower makes a plain variable name of it.
func isASCIIName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
