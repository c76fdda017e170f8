package main

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
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
	// fragmentTwins maps an APIClient method to another path with the
	// same method that differs from its own only by a #fragment, which no
	// request carries (see fragmentTwins).
	fragmentTwins map[string]string
	// paths are the spec's path templates by method, and opPaths each
	// APIClient method's own, for routedElsewhere.
	paths   map[string][]string
	opPaths map[string]string
	// security is each APIClient method's security alternatives (see
	// securityAlternatives).
	security map[string][][]*openapi3.SecurityScheme
}

// indexPaths fills ix.paths and ix.opPaths.
func (ix *schemaIndex) indexPaths(doc *openapi3.T, ops []*plan.Operation) {
	ix.paths, ix.opPaths = map[string][]string{}, map[string]string{}
	for _, pth := range doc.Paths.InMatchingOrder() {
		for method := range doc.Paths.Value(pth).Operations() {
			ix.paths[method] = append(ix.paths[method], pth)
		}
	}
	for _, o := range ops {
		ix.opPaths[o.Name] = o.Path
	}
}

// routedElsewhere names another path of the spec, with the same method,
// whose template also matches the URL the client sent for op (request is
// "METHOD URL"): "/collection/processed.{type}" and
// "/collection/{id}.{type}" both match /collection/processed.json, and
// OpenAPI leaves the choice between two templated paths to the tool, so
// Prism may take the other operation's. "" when there is none.
func (ix *schemaIndex) routedElsewhere(op, request string) string {
	method, raw, ok := strings.Cut(request, " ")
	own := ix.opPaths[op]
	if !ok || own == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	// What precedes the operation's own template is the server's base path.
	m := regexp.MustCompile("^(.*?)" + templateRE(own) + "$").FindStringSubmatch(u.EscapedPath())
	if m == nil {
		return ""
	}
	base := regexp.QuoteMeta(m[1])
	for _, other := range ix.paths[strings.ToUpper(method)] {
		if other != own && regexp.MustCompile("^"+base+templateRE(other)+"$").MatchString(u.EscapedPath()) {
			return other
		}
	}
	return ""
}

// templateRE matches what a path template stands for: its literal parts
// as written, each {expression} as one or more characters of one segment.
func templateRE(tmpl string) string {
	lits := templateLiterals(tmpl)
	for i, l := range lits {
		lits[i] = regexp.QuoteMeta(l)
	}
	return strings.Join(lits, "[^/]+")
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

// fragmentTwins maps each APIClient method to another path of the spec,
// with the same method, that differs from its own only by a #fragment
// (Speakeasy's /v1/conversations/{id} and /v1/conversations/{id}#stream;
// template names aside): a fragment is never sent, so both operations are
// the one URL, and a router takes one of them for both.
func fragmentTwins(doc *openapi3.T, ops []*plan.Operation) map[string]string {
	groups := map[string][]string{}
	for _, pth := range doc.Paths.InMatchingOrder() {
		k := templateShape(withoutFragment(pth))
		groups[k] = append(groups[k], pth)
	}
	twins := map[string]string{}
	for _, o := range ops {
		for _, other := range groups[templateShape(withoutFragment(o.Path))] {
			if other == o.Path || !strings.Contains(other+o.Path, "#") {
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

// withoutFragment is a path key without its #fragment.
func withoutFragment(pth string) string {
	p, _, _ := strings.Cut(pth, "#")
	return p
}

// templateShape is a path with each template expression's name left out.
func templateShape(pth string) string { return strings.Join(templateLiterals(pth), "{}") }

// templateLiterals splits a path template around its {expressions}: the
// literal text before, between and after them (an unclosed brace is
// literal).
func templateLiterals(tmpl string) []string {
	var lits []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			return append(lits, tmpl)
		}
		j := strings.IndexByte(tmpl[i+1:], '}')
		if j < 0 {
			return append(lits, tmpl)
		}
		lits = append(lits, tmpl[:i])
		tmpl = tmpl[i+1+j+1:]
	}
}

// documented reports whether op documents the status (or a range or
// default covering it).
func (ix *schemaIndex) documented(op string, status int) bool {
	o := ix.ops[op]
	return o != nil && o.Responses != nil && o.Responses.Status(status) != nil
}

// documentsNo2xx reports an operation that documents no 2xx status (nor
// 2XX, nor default): Prism can only answer one of the others.
func (ix *schemaIndex) documentsNo2xx(op string) bool {
	o := ix.ops[op]
	if o == nil || o.Responses == nil {
		return false
	}
	for code := range o.Responses.Map() {
		if code == "default" || strings.HasPrefix(code, "2") {
			return false
		}
	}
	return true
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

// declaredness is what a schema says about the member at a path.
type declaredness int

const (
	undeclared declaredness = iota // an object that names its properties, not this one
	freeForm                       // a schema that names none: kept whole
	named                          // declared by name (or by additionalProperties)
)

func declaredIn(sr *openapi3.SchemaRef, segs []string, depth int) bool {
	return declaredAt(sr, segs, depth) != undeclared
}

// declaredAt follows segs into sr. Whatever it cannot resolve counts as
// named, so that an unexplained loss stays a defect.
func declaredAt(sr *openapi3.SchemaRef, segs []string, depth int) declaredness {
	if sr == nil || sr.Value == nil || depth > 64 {
		return named
	}
	s := sr.Value
	if len(segs) == 0 {
		return named
	}
	seg := segs[0]
	if strings.HasPrefix(seg, "[") {
		if _, err := strconv.Atoi(seg[1 : len(seg)-1]); err != nil {
			return named
		}
		if s.Items != nil {
			return declaredAt(s.Items, segs[1:], depth+1)
		}
		for _, m := range members(s) {
			if m.Value != nil && m.Value.Items != nil {
				return declaredAt(m.Value.Items, segs[1:], depth+1)
			}
		}
		return named
	}
	if decls := findProps(s, seg, 0, nil); len(decls) > 0 {
		// allOf members may each declare the property: the instance meets
		// all of them, and a member is kept when any declaration names it.
		// A declaration that names nothing below (an envelope's free-form
		// `result`) keeps a member only when every declaration is such.
		all := freeForm
		for _, d := range decls {
			switch declaredAt(d, segs[1:], depth+1) {
			case named:
				return named
			case undeclared:
				all = undeclared
			}
		}
		return all
	}
	if ap := s.AdditionalProperties; ap.Schema != nil {
		return declaredAt(ap.Schema, segs[1:], depth+1)
	} else if ap.Has != nil && *ap.Has {
		return named
	}
	if !namesProps(s, 0) {
		return freeForm
	}
	return undeclared
}

// findProps appends every declaration of the property name in s and in
// the schemas it composes, each once.
func findProps(s *openapi3.Schema, name string, depth int, out []*openapi3.SchemaRef) []*openapi3.SchemaRef {
	if depth > 16 {
		return out
	}
	if p := s.Properties[name]; p != nil && !slices.Contains(out, p) {
		out = append(out, p)
	}
	for _, m := range members(s) {
		if m.Value != nil {
			out = findProps(m.Value, name, depth+1, out)
		}
	}
	return out
}

// namesProps reports whether s or a schema it composes declares a
// property.
func namesProps(s *openapi3.Schema, depth int) bool {
	if len(s.Properties) > 0 {
		return true
	}
	if depth > 16 {
		return false
	}
	for _, m := range members(s) {
		if m.Value != nil && namesProps(m.Value, depth+1) {
			return true
		}
	}
	return false
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
