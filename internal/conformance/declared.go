package main

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasgen/oasgen/gen/plan"
)

// schemaIndex finds the schema behind a response or an example, for
// telling a lost undeclared property (by design) from a lost declared one
// (a defect), and a documented status from an unexpected one.
type schemaIndex struct {
	ops      map[string]*openapi3.Operation // APIClient method → operation
	examples map[string]*openapi3.SchemaRef // example location → its schema
	// twins maps an APIClient method to another path of the spec that
	// differs from its own only in template names ("/a/{id}" and
	// "/a/{number}") and has the same method: OpenAPI says such paths
	// MUST NOT exist (the generator warns), and a router, Prism's
	// included, can only take one of them for both.
	twins map[string]string
}

// templateTwins finds, for every operation, the other path it cannot be
// told from (schemaIndex.twins), by method name.
func templateTwins(doc *openapi3.T, ops []*plan.Operation) map[string]string {
	groups := map[string][]string{}
	for _, pth := range doc.Paths.InMatchingOrder() {
		groups[templateShape(pth)] = append(groups[templateShape(pth)], pth)
	}
	twins := map[string]string{}
	for _, o := range ops {
		for _, other := range groups[templateShape(o.Path)] {
			if other == o.Path {
				continue
			}
			if item := doc.Paths.Value(other); item != nil && item.GetOperation(o.Method) != nil {
				twins[o.Name] = other
				break
			}
		}
	}
	return twins
}

// templateShape is a path with each template expression's name left out.
func templateShape(pth string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pth, '{')
		j := strings.IndexByte(pth[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(pth)
			return b.String()
		}
		b.WriteString(pth[:i+1])
		b.WriteByte('}')
		pth = pth[i+1+j+1:]
	}
}

// documented reports whether op documents the status (or a range or
// default covering it).
func (ix *schemaIndex) documented(op string, status int) bool {
	o := ix.ops[op]
	return o != nil && o.Responses != nil && o.Responses.Status(status) != nil
}

// exampleDeclared is declared for an example's schema.
func (ix *schemaIndex) exampleDeclared(where, path string) bool {
	segs, ok := splitPath(path)
	if !ok {
		return true
	}
	return declaredIn(ix.examples[where], segs, 0)
}

// declared reports whether the property at path ("$.a.b[0].c") of op's
// response with this status is declared by the response schema (or kept by
// an explicit additionalProperties). Whatever it cannot resolve counts as
// declared, so that an unexplained loss stays a defect.
func (ix *schemaIndex) declared(op string, status int, path string) bool {
	o := ix.ops[op]
	if o == nil || o.Responses == nil {
		return true
	}
	r := o.Responses.Status(status)
	if r == nil {
		r = o.Responses.Default()
	}
	if r == nil || r.Value == nil {
		return true
	}
	mt := jsonMedia(r.Value.Content)
	if mt == nil || mt.Schema == nil {
		return true
	}
	segs, ok := splitPath(path)
	if !ok {
		return true
	}
	return declaredIn(mt.Schema, segs, 0)
}

// splitPath splits "$.a[0].b" into "a", "[0]", "b".
func splitPath(p string) ([]string, bool) {
	rest, ok := strings.CutPrefix(p, "$")
	if !ok {
		return nil, false
	}
	var segs []string
	for rest != "" {
		switch rest[0] {
		case '.':
			i := strings.IndexAny(rest[1:], ".[")
			if i < 0 {
				segs, rest = append(segs, rest[1:]), ""
			} else {
				segs, rest = append(segs, rest[1:i+1]), rest[i+1:]
			}
		case '[':
			i := strings.IndexByte(rest, ']')
			if i < 0 {
				return nil, false
			}
			segs, rest = append(segs, rest[:i+1]), rest[i+1:]
		default:
			return nil, false
		}
	}
	return segs, true
}

func declaredIn(sr *openapi3.SchemaRef, segs []string, depth int) bool {
	if len(segs) == 0 || sr == nil || sr.Value == nil || depth > 64 {
		return true
	}
	s := sr.Value
	seg := segs[0]
	if strings.HasPrefix(seg, "[") {
		if _, err := strconv.Atoi(seg[1 : len(seg)-1]); err != nil {
			return true
		}
		if s.Items != nil {
			return declaredIn(s.Items, segs[1:], depth+1)
		}
		for _, m := range members(s) {
			if m.Value != nil && m.Value.Items != nil {
				return declaredIn(m.Value.Items, segs[1:], depth+1)
			}
		}
		return true
	}
	if p := findProp(s, seg, 0); p != nil {
		return declaredIn(p, segs[1:], depth+1)
	}
	if ap := s.AdditionalProperties; ap.Schema != nil {
		return declaredIn(ap.Schema, segs[1:], depth+1)
	} else if ap.Has != nil && *ap.Has {
		return true
	}
	if len(s.Properties) == 0 && len(members(s)) == 0 {
		return true // free-form: kept whole
	}
	return false
}

// findProp finds a property by name in s or in the schemas it composes.
func findProp(s *openapi3.Schema, name string, depth int) *openapi3.SchemaRef {
	if depth > 16 {
		return nil
	}
	if p := s.Properties[name]; p != nil {
		return p
	}
	for _, m := range members(s) {
		if m.Value == nil {
			continue
		}
		if p := findProp(m.Value, name, depth+1); p != nil {
			return p
		}
	}
	return nil
}

func members(s *openapi3.Schema) openapi3.SchemaRefs {
	var out openapi3.SchemaRefs
	out = append(out, s.AllOf...)
	out = append(out, s.OneOf...)
	return append(out, s.AnyOf...)
}

// invalidResponse returns why a 2xx JSON body breaks op's response schema
// for the status, "" when it satisfies it (or when there is no schema to
// judge by). A client is judged on responses the spec allows only: Prism
// sends the vendor's example as it is, and an example that breaks its own
// schema (Xero's folder example is a JSON string holding an object) is the
// spec's mistake, listed apart.
func (ix *schemaIndex) invalidResponse(op string, status int, body string) string {
	o := ix.ops[op]
	if o == nil || o.Responses == nil {
		return ""
	}
	r := o.Responses.Status(status)
	if r == nil {
		r = o.Responses.Default()
	}
	if r == nil || r.Value == nil {
		return ""
	}
	mt := jsonMedia(r.Value.Content)
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return ""
	}
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		return "" // not JSON: the decode error stands
	}
	if err := mt.Schema.Value.VisitJSON(v, openapi3.VisitAsResponse()); err != nil {
		return firstLine(err.Error())
	}
	return impliedType(mt.Schema.Value, v, "$", 0)
}
