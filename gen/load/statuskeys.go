package load

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasgen/oasgen/gen/diag"
)

// normalizeStatusRanges upper-cases response keys written as a lower-case
// range ("4xx"): OpenAPI allows only the upper-case wildcard ("4XX"), but
// real specs (Cloudflare's) write it in lower case, and oapi-codegen
// refuses the whole document over it. The meaning is not in doubt, so the
// key is read as its upper-case range with a positioned warning; when the
// operation also has that range, the lower-case one is left out, warned
// about too.
func (s *Spec) normalizeStatusRanges(doc *openapi3.T) {
	if doc == nil || doc.Paths == nil {
		return
	}
	for _, pth := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(pth)
		if item == nil {
			continue
		}
		for _, method := range slices.Sorted(maps.Keys(item.Operations())) {
			op := item.GetOperation(method)
			if op == nil || op.Responses == nil {
				continue
			}
			for _, key := range slices.Sorted(maps.Keys(op.Responses.Map())) {
				if !lowerRange(key) {
					continue
				}
				m := strings.ToLower(method)
				pos := s.Pos("paths", pth, m, "responses", key)
				where := "paths." + pth + "." + m + ".responses." + key
				up := strings.ToUpper(key)
				r := op.Responses.Value(key)
				op.Responses.Delete(key)
				if op.Responses.Value(up) != nil {
					s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: pos, Where: where, Severity: diag.Warning,
						Msg: "response key " + key + " is not a status range (OpenAPI's wildcard is an upper-case X) and " + up + " is documented too; ignored"})
					continue
				}
				op.Responses.Set(up, r)
				s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: pos, Where: where, Severity: diag.Warning,
					Msg: "response key " + key + " read as the range " + up + " (OpenAPI's wildcard is an upper-case X)"})
			}
		}
	}
}

// lowerRange reports whether a response key is a status range written
// with a lower-case x ("4xx", "4Xx").
func lowerRange(key string) bool {
	return len(key) == 3 && key[0] >= '1' && key[0] <= '5' && strings.EqualFold(key[1:], "XX") && key[1:] != "XX"
}
