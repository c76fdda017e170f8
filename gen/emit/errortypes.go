package emit

// errors.gen.go: one error type per documented error body.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/oasgen/oasgen/gen/plan"
)

// genErrorTypes declares one error type per error body type:
//
//	type BadRequestResponseError = oas.ResponseError[BadRequestResponse]
//
// It reports whether there was any.
func genErrorTypes(f *jen.File, m *plan.Model) bool {
	type use struct {
		body  *plan.Ref
		where []string
	}
	uses := map[string]*use{}
	for _, o := range m.Operations {
		for _, e := range o.Errors {
			if e.ErrorType == "" {
				continue
			}
			u := uses[e.ErrorType]
			if u == nil {
				u = &use{body: e.Body}
				uses[e.ErrorType] = u
			}
			u.where = append(u.where, e.Status+" from "+o.Name)
		}
	}
	names := make([]string, 0, len(uses))
	for n := range uses {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		u := uses[n]
		comment(f, wrapText(fmt.Sprintf("%s is the documented error response whose body is %s: %s. Its APIError holds the status, headers and raw body; Body the decoded one.",
			n, u.body.Named.Name, strings.Join(u.where, ", ")), 77))
		f.Type().Id(n).Op("=").Qual(oasPkg, "ResponseError").Types(goType(u.body))
	}
	return len(names) > 0
}
