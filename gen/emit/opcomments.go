package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oasgen/oasgen/gen/plan"
)

// The doc comments of the client's methods: what each sends and returns,
// in words, from the plan.

// operationDoc is the method's doc comment: what it calls, what it returns,
// which errors are typed and when it retries.
func operationDoc(m *plan.Model, o *plan.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s calls %s %s", o.Name, o.Method, o.Path)
	if s := cleanText(o.Summary); s != "" {
		fmt.Fprintf(&b, ": %s.", strings.TrimSuffix(strings.ReplaceAll(s, "\n", " "), "."))
	} else {
		b.WriteString(".")
	}
	if d := cleanText(o.Description); d != "" {
		b.WriteString("\n\n" + d)
	}
	b.WriteString("\n\n")
	b.WriteString(bodyDoc(o))
	b.WriteString(resultDoc(o))
	b.WriteString(responseHeadersDoc(m, o))
	var typed []string
	for _, e := range o.Errors {
		if e.ErrorType != "" {
			typed = append(typed, e.Status+" *"+e.ErrorType)
		}
	}
	if len(typed) > 0 {
		fmt.Fprintf(&b, " Documented errors: %s; any other status is an *%s.", strings.Join(typed, ", "), m.Names.APIError)
	} else {
		fmt.Fprintf(&b, " Any other status is an *%s.", m.Names.APIError)
	}
	if r := o.Retry; r != nil {
		var on []string
		for _, c := range r.StatusCodes {
			on = append(on, strconv.Itoa(c))
		}
		if r.ConnectionErrors {
			on = append(on, "connection errors")
		}
		if len(on) > 0 {
			fmt.Fprintf(&b, "\n\nRetried on %s, with exponential backoff (Retry-After honoured).", strings.Join(on, ", "))
		}
	} else {
		fmt.Fprintf(&b, "\n\nNot retried unless the call passes %s.", m.Names.WithRetries)
	}
	if o.Deprecated {
		b.WriteString("\n\nDeprecated: " + deprecation(o.DeprecatedMsg, "operation"))
	}
	return b.String()
}

// bodyDoc says how the method sends its body (with a trailing space).
func bodyDoc(o *plan.Operation) string {
	bd := o.Body
	if bd == nil {
		return ""
	}
	var b strings.Builder
	if t := bd.Type; t != nil && t.Kind == plan.RefNamed && !t.Nullable {
		b.WriteString("The body is validated before anything is sent. ")
	}
	switch bd.Kind {
	case plan.BodyForm:
		fmt.Fprintf(&b, "It is sent form-encoded (%s), one field per property. ", bd.MediaType)
	case plan.BodyText:
		fmt.Fprintf(&b, "It is sent as %s. ", bd.MediaType)
	case plan.BodyMultipart:
		fmt.Fprintf(&b, "It is sent as %s, one part per set field, built in memory so that a retry sends the same bytes. ", bd.MediaType)
	case plan.BodyBinary:
		switch {
		case bd.MediaType != "":
			fmt.Fprintf(&b, "The body is sent as it reads, with contentType as its Content-Type (empty: %s", bd.MediaType)
		default:
			b.WriteString("The body is sent as it reads, with contentType as its Content-Type (required")
		}
		if len(bd.Accepts) > 0 {
			fmt.Fprintf(&b, "; it must be one of %s, or the call fails before sending", strings.Join(bd.Accepts, ", "))
		}
		b.WriteString("). ")
		if bd.Encoding != "" {
			fmt.Fprintf(&b, "The spec declares the body %s-encoded: pass the raw bytes, the client encodes them as they are sent. ", bd.Encoding)
		}
		b.WriteString("A retry sends it again from the start: an io.Seeker is sought back, any other reader is read into memory first " +
			"unless the call passes WithoutRetries. ")
	}
	return b.String()
}

// resultDoc says what the method returns on a 2xx.
func resultDoc(o *plan.Operation) string {
	if o.ResultType != "" {
		var in []string
		for _, r := range o.Successes {
			if r.Field != "" {
				in = append(in, fmt.Sprintf("%s in %s (%s)", r.Status, r.Field, bodyLabel(r)))
			}
		}
		what := "A 2xx response is"
		if st := o.NonErrorStatuses(); len(st) > 0 {
			what = "A 2xx response, or a " + strings.Join(st, ", ") + " (not errors: x-speakeasy-errors does not list them), is"
		}
		if len(in) == 0 {
			return fmt.Sprintf("%s returned as a *%s: its StatusCode.", what, o.ResultType)
		}
		return fmt.Sprintf("%s returned as a *%s: its StatusCode, and its body decoded into the field for "+
			"that status: %s. Any other 2xx sets StatusCode alone.", what, o.ResultType, strings.Join(in, ", "))
	}
	r := o.Result
	if r == nil {
		return "A 2xx response returns nil."
	}
	if o.Events != nil && o.Events.Opener == nil {
		return eventsDoc(o)
	}
	var s string
	switch {
	case r.Kind == plan.BodyText:
		s = "A 2xx response's body is returned as a string."
	case r.Kind == plan.BodyBinary:
		s = "A 2xx response's body is returned unread as an *oas.Stream (an io.ReadCloser with the response's " +
			"ContentType and Header), which the caller must close."
	case r.Body.Kind == plan.RefNamed && r.Body.Nullable:
		s = fmt.Sprintf("A 2xx response is decoded as %s, or null.", r.Body.Named.Name)
	case r.Body.Kind == plan.RefNamed:
		s = fmt.Sprintf("A 2xx response is decoded as %s.", r.Body.Named.Name)
	default:
		s = "A 2xx response is decoded from JSON."
	}
	for _, x := range o.Successes {
		if x.Kind == plan.BodyNone {
			return s + " A 2xx without a body (" + x.Status + ") gives the zero value."
		}
	}
	return s
}

// wrapText wraps each line of s at width columns, on spaces; words longer
// than width stay whole.
func wrapText(s string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Fields(line) {
			if j > 0 && n+1+len(w) > width {
				b.WriteByte('\n')
				n = 0
			} else if j > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
	}
	return b.String()
}
