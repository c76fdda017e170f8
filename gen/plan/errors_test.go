package plan

import (
	"strings"
	"testing"
)

// TestErrorStatuses: x-speakeasy-errors merges down from the document and
// the path item to the operation (override replaces), a documented
// status it does not list becomes a result, a listed code a result class
// would take is tested as an error first, the docs' APIError row says
// what it covers, and malformed values are positioned warnings. (Without
// the extension nothing changes: every other test case holds that.)
func TestErrorStatuses(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
x-speakeasy-errors: {statusCodes: ["5XX"]}
paths:
  x-speakeasy-errors: {statusCodes: [401]}
  /a:
    x-speakeasy-errors: {override: true, statusCodes: ["409"]}
    get:
      operationId: a
      x-speakeasy-errors: {statusCodes: ["404", "4X", "201"], override: 1}
      responses:
        "200": {description: ok}
        "401": {description: a result (overridden)}
        "404": {description: an error}
        4XX: {description: a result}
        "500": {description: a result (overridden)}
        default: {description: always an error}
  /b:
    get:
      operationId: b
      x-speakeasy-errors: "5XX"
      responses:
        "200": {description: ok}
        "401": {description: an error}
        "404": {description: a result}
        "503": {description: an error}
  /c:
    get:
      operationId: c
      responses:
        "200": {description: ok}
        "404": {description: a result (the document's and the paths' lists merged)}
        "503": {description: an error (the document's list)}
`)
	statuses := func(rs []*Response) string {
		var out []string
		for _, r := range rs {
			s := r.Status
			if r.Shadowed {
				s += "!"
			}
			out = append(out, s)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		op, successes, errors, docRow string
	}{
		{"A", "200 401 4XX 500", "404! 409! default", "404, 409, any other status but 2XX, 401, 4XX, 500 (results)"},
		{"B", "200 404", "401 503", "401, 503, any other status but 2XX, 404 (results)"},
		{"C", "200 404", "503", "503, any other status but 2XX, 404 (results)"},
	} {
		var o *Operation
		for _, x := range m.Operations {
			if x.Name == tc.op {
				o = x
			}
		}
		if o == nil {
			t.Fatalf("no operation %s", tc.op)
		}
		if got := statuses(o.Successes); got != tc.successes {
			t.Errorf("%s: successes %q, want %q", tc.op, got, tc.successes)
		}
		if got := statuses(o.Errors); got != tc.errors {
			t.Errorf("%s: errors %q, want %q", tc.op, got, tc.errors)
		}
		if o.ResultType == "" {
			t.Errorf("%s: no ResultType, though a non-2xx status is a result", tc.op)
		}
		var row string
		for _, g := range m.OpGroups {
			for _, d := range g.Ops {
				if d.Op == o {
					e := d.Errors[len(d.Errors)-1]
					row = strings.Join(e.Statuses, ", ")
				}
			}
		}
		if row != tc.docRow {
			t.Errorf("%s: APIError row %q, want %q", tc.op, row, tc.docRow)
		}
	}
	for _, want := range []string{
		`openapi.yaml:10:73: warning: paths./a.get.x-speakeasy-errors.override: x-speakeasy-errors.override is not a boolean; taken as false`,
		`paths./a.get.x-speakeasy-errors.statusCodes.1: x-speakeasy-errors: 4X is not a status code (100 to 599) or class (4XX); ignored`,
		`paths./a.get.x-speakeasy-errors.statusCodes.2: x-speakeasy-errors: 201 is a success status, which the client always returns as a result; ignored`,
		`paths./b.get.x-speakeasy-errors: x-speakeasy-errors is not an object ({statusCodes: [...], override: true|false}); ignored`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack\n  %s\ngot\n%s", want, warnings)
		}
	}
}
