package load

// Swagger 2.0's collectionFormat after kin-openapi's openapi2conv: it maps
// an explicit csv/ssv/pipes/multi on query arrays to style and explode,
// but leaves a query array without collectionFormat (csv, comma-joined,
// by Swagger's default) exploded, which OpenAPI 3's form default is, and
// drops the formats OpenAPI 3 has no style for; on formData arrays it
// writes no encoding at all, so every format went exploded (ids=1&ids=2).
// fixCollectionFormats puts the csv default back, gives form fields the
// encoding their format means, and warns about the rest.

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

func (s *Spec) fixCollectionFormats(v2 *openapi2.T, doc *openapi3.T) {
	fix := func(p2 *openapi2.Parameter, p3 *openapi3.Parameter, at ...string) {
		if p2 == nil || p3 == nil || p2.Ref != "" || p2.Type == nil || !p2.Type.Is("array") {
			return
		}
		cf := p2.CollectionFormat
		switch {
		case p2.In == "query" && (cf == "" || cf == "csv"):
			p3.Style, p3.Explode = openapi3.SerializationForm, openapi3.Ptr(false)
		case p2.In == "query" && (cf == "ssv" || cf == "pipes" || cf == "multi"):
			// openapi2conv's mapping is right.
		case (p2.In == "path" || p2.In == "header") && (cf == "" || cf == "csv"):
			// simple, the default, is csv.
		case p2.In == "formData" || p2.In == "body":
		default:
			if p2.In == "query" {
				p3.Style, p3.Explode = openapi3.SerializationForm, openapi3.Ptr(false)
			}
			s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: s.Pos(at...), Where: strings.Join(at, "."), Severity: diag.Warning,
				Msg: "collectionFormat " + cf + " of a " + p2.In + " parameter has no OpenAPI 3 style; its items are sent comma-joined"})
		}
	}
	find := func(ps openapi3.Parameters, p2 *openapi2.Parameter) *openapi3.Parameter {
		for _, pr := range ps {
			if pr != nil && pr.Ref == "" && pr.Value != nil && pr.Value.Name == p2.Name && pr.Value.In == p2.In {
				return pr.Value
			}
		}
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(v2.Parameters)) {
		if pr := doc.Components.Parameters[name]; pr != nil {
			fix(v2.Parameters[name], pr.Value, "parameters", name)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(v2.Paths)) {
		item2, item3 := v2.Paths[path], doc.Paths.Value(path)
		if item2 == nil || item3 == nil {
			continue
		}
		for i, p2 := range item2.Parameters {
			if p2 != nil {
				fix(p2, find(item3.Parameters, p2), "paths", path, "parameters", strconv.Itoa(i))
			}
		}
		ops := item2.Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op3 := item3.GetOperation(method)
			if op3 == nil {
				continue
			}
			for i, p2 := range ops[method].Parameters {
				if p2 != nil {
					fix(p2, find(op3.Parameters, p2), "paths", path, strings.ToLower(method), "parameters", strconv.Itoa(i))
				}
			}
			s.fixFormFields(v2, slices.Concat(item2.Parameters, ops[method].Parameters), op3, "paths", path, strings.ToLower(method))
		}
	}
}

// fixFormFields gives each formData array of an operation the encoding
// its collectionFormat means in the urlencoded body openapi2conv made (csv,
// the default: form, not exploded; ssv: spaceDelimited; pipes:
// pipeDelimited; multi: form, exploded, OpenAPI 3's default), and warns
// where no encoding says it: tsv, and a multipart body, whose array items
// are parts of their own whatever the format (OpenAPI 3.0 ignores style
// there).
func (s *Spec) fixFormFields(v2 *openapi2.T, params openapi2.Parameters, op3 *openapi3.Operation, at ...string) {
	if op3.RequestBody == nil || op3.RequestBody.Value == nil {
		return
	}
	for i, p2 := range params {
		if p2 != nil && p2.Ref != "" {
			p2 = v2.Parameters[strings.TrimPrefix(p2.Ref, "#/parameters/")]
		}
		if p2 == nil || p2.In != "formData" || p2.Type == nil || !p2.Type.Is("array") {
			continue
		}
		cf := p2.CollectionFormat
		enc := &openapi3.Encoding{Style: openapi3.SerializationForm, Explode: openapi3.Ptr(false)}
		switch cf {
		case "", "csv":
		case "ssv":
			enc.Style = openapi3.SerializationSpaceDelimited
		case "pipes":
			enc.Style = openapi3.SerializationPipeDelimited
		case "multi":
			enc = nil
		default:
			s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: s.Pos(append(at, "parameters")...), Where: strings.Join(at, ".") + ".parameters." + p2.Name, Severity: diag.Warning,
				Msg: "collectionFormat " + cf + " of form field " + p2.Name + " has no OpenAPI 3 style; its items are sent comma-joined"})
		}
		for _, ct := range slices.Sorted(maps.Keys(op3.RequestBody.Value.Content)) {
			mt := op3.RequestBody.Value.Content[ct]
			if mt == nil {
				continue
			}
			switch {
			case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
				if enc != nil {
					if mt.Encoding == nil {
						mt.Encoding = map[string]*openapi3.Encoding{}
					}
					mt.Encoding[p2.Name] = enc
				}
			case strings.HasPrefix(ct, "multipart/") && cf != "multi":
				s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: s.Pos(append(at, "parameters", strconv.Itoa(i))...), Where: strings.Join(at, ".") + ".parameters." + p2.Name, Severity: diag.Warning,
					Msg: "form field " + p2.Name + " (collectionFormat " + cmp.Or(cf, "csv") + ") is sent in a multipart body one part per item, as multi would be: OpenAPI 3 has no style for multipart parts"})
			}
		}
	}
}

// swaggerTypeErrRE matches the type errors reading a Swagger 2.0 document
// gives (encoding/json's, flattened to text by kin-openapi): what the
// value was and which field of which object wanted another type.
var swaggerTypeErrRE = regexp.MustCompile(`cannot unmarshal (\w+) into field \w+\.([\w$-]+(?:\.[\w$-]+)*) of type`)

// withoutPathsExtensions returns the document with the extensions of its
// Paths Object left out (`paths: {x-minty: fresh}`): Swagger 2.0 allows
// them there, and kin-openapi's openapi2 reads every key of paths as a
// path item, refusing the document. The tree itself is not changed.
func withoutPathsExtensions(tree *yaml.Node) *yaml.Node {
	root := tree
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	paths, ok := lookupPath(root, []string{"paths"})
	if !ok || paths.Kind != yaml.MappingNode {
		return tree
	}
	var kept []*yaml.Node
	for i := 0; i+1 < len(paths.Content); i += 2 {
		if !strings.HasPrefix(paths.Content[i].Value, "x-") {
			kept = append(kept, paths.Content[i], paths.Content[i+1])
		}
	}
	if len(kept) == len(paths.Content) {
		return tree
	}
	p := *paths
	p.Content = kept
	r := *root
	r.Content = slices.Clone(root.Content)
	for i := 0; i+1 < len(r.Content); i += 2 {
		if r.Content[i].Value == "paths" {
			r.Content[i+1] = &p
		}
	}
	return &r
}

// swaggerErrPos positions an error reading a Swagger 2.0 document, which
// names a field and the JSON type it got, not a place: the first value of
// that type under a key of that name, in document order; else what the
// message quotes (quotedPos).
func (s *Spec) swaggerErrPos(tree *yaml.Node, msg string) diag.Pos {
	m := swaggerTypeErrRE.FindStringSubmatch(msg)
	if m == nil {
		if k := swaggerSchemaErrRE.FindStringSubmatch(msg); k != nil {
			// A schema keyword holding the wrong kind of value names no
			// field (go-swagger's tuples, items: [...]).
			if n, _ := firstSchemaOf(tree, k[1]); n != nil {
				return nodePos(s.Path, n)
			}
		}
		return s.quotedPos(msg)
	}
	kind, field := m[1], m[2]
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	var found *yaml.Node
	walk(tree, nil, func(n *yaml.Node, _ []string) {
		if found != nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == field && jsonKind(n.Content[i+1]) == kind {
				found = n.Content[i+1]
				return
			}
		}
	})
	if found == nil {
		return s.quotedPos(msg)
	}
	return nodePos(s.Path, found)
}

// swaggerSchemaErrRE matches encoding/json's error for a value where a
// schema belongs, which names no field.
var swaggerSchemaErrRE = regexp.MustCompile(`cannot unmarshal (\w+) into value of type openapi2\.Schema`)

// firstSchemaOf is the first value of a keyword whose value is one schema
// (items, additionalProperties, not, schema) that is of JSON kind kind,
// with the keyword.
func firstSchemaOf(tree *yaml.Node, kind string) (*yaml.Node, string) {
	var found *yaml.Node
	var keyword string
	walk(tree, nil, func(n *yaml.Node, where []string) {
		if found != nil || n.Kind != yaml.MappingNode || inLiteral(where) || inExtension(where) {
			return
		}
		if k := len(where); k > 0 && namedMap(where[k-1], at(where, k-2), k == 1) {
			return // a map of names: properties, definitions, ...
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch n.Content[i].Value {
			case "items", "additionalProperties", "not", "schema":
				if jsonKind(n.Content[i+1]) == kind {
					found, keyword = n.Content[i+1], n.Content[i].Value
					return
				}
			}
		}
	})
	return found, keyword
}

// jsonKind names a node's JSON type as encoding/json's errors do.
func jsonKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "bool"
		case "!!null":
			return "null"
		}
		return "string"
	}
	return ""
}

// nullableRefs rewrites each $ref with x-nullable: true beside it
// (go-swagger's convention for a nullable reference; draft 4 ignores a
// $ref's siblings, and openapi2conv keeps only the $ref, so null was
// dropped) as an allOf of the $ref, which openapi2conv converts with the
// x-nullable as nullable: true.
func nullableRefs(v2 *openapi2.T) {
	seen := map[*openapi2.Schema]bool{}
	var walk func(s *openapi2.Schema)
	fix := func(sr *openapi2.SchemaRef) *openapi2.SchemaRef {
		if sr == nil {
			return nil
		}
		if sr.Ref != "" {
			if null, _ := sr.Extensions["x-nullable"].(bool); null {
				return &openapi2.SchemaRef{Value: &openapi2.Schema{
					AllOf:      openapi2.SchemaRefs{{Ref: sr.Ref}},
					Extensions: map[string]any{"x-nullable": true},
				}}
			}
			return sr
		}
		walk(sr.Value)
		return sr
	}
	walk = func(s *openapi2.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for k, p := range s.Properties {
			s.Properties[k] = fix(p)
		}
		s.Items = fix(s.Items)
		for i, m := range s.AllOf {
			s.AllOf[i] = fix(m)
		}
	}
	for _, d := range v2.Definitions {
		fix(d)
	}
	params := func(ps openapi2.Parameters) {
		for _, p := range ps {
			if p != nil {
				p.Schema = fix(p.Schema)
			}
		}
	}
	responses := func(rs map[string]*openapi2.Response) {
		for _, r := range rs {
			if r != nil {
				r.Schema = fix(r.Schema)
			}
		}
	}
	for _, p := range v2.Parameters {
		if p != nil {
			p.Schema = fix(p.Schema)
		}
	}
	responses(v2.Responses)
	for _, item := range v2.Paths {
		if item == nil {
			continue
		}
		params(item.Parameters)
		for _, op := range item.Operations() {
			params(op.Parameters)
			if op.Responses != nil {
				responses(op.Responses.Map())
			}
		}
	}
}
