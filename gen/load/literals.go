package load

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// kin-openapi decodes every value a schema carries (enum, default, example,
// const, minimum...) into `any`, so each number is a float64 and an integer
// beyond 2^53 is already rounded: enum: [9007199254740993] reads as
// 9007199254740992. The source text still has the digits; Exact puts them
// back, reading the node trees parseFile kept for positions.

// Exact returns v, the value kin-openapi decoded for keyword kw of sch
// ("enum", "default", "example", "examples", "const", "minimum",
// "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"), with
// every number replaced by a json.Number holding its text as the source
// writes it. Where the source cannot be found (a document converted from
// Swagger 2.0, a value that is not where its origin says, a YAML number
// that is not JSON syntax such as 0x1f) the float64 stays: never a value
// other than kin-openapi's, only a more exact spelling of it. v itself is
// never modified (the document is shared and read-only).
func (s *Spec) Exact(sch *openapi3.Schema, kw string, v any) any {
	if sch == nil || sch.Origin == nil || !hasFloat(v, 0) {
		return v
	}
	loc, ok := sch.Origin.Fields.Lookup(kw)
	if !ok {
		return v
	}
	n := s.valueAt(loc)
	if n == nil {
		return v
	}
	return exactFrom(v, n, 0)
}

// ValuePos is the position of the value of keyword kw of sch, where
// checkValues reports a wrong example or default.
func (s *Spec) ValuePos(sch *openapi3.Schema, kw string) (diag.Pos, bool) {
	if sch == nil || sch.Origin == nil {
		return diag.Pos{}, false
	}
	loc, ok := sch.Origin.Fields.Lookup(kw)
	if !ok {
		return diag.Pos{}, false
	}
	n := s.valueAt(loc)
	if n == nil {
		return diag.Pos{}, false
	}
	file := loc.File
	if file == "" || sameFile(file, s.Path) {
		file = s.Path
	} else if rel, err := filepath.Rel(".", file); err == nil && !filepath.IsAbs(file) {
		file = rel
	}
	return nodePos(file, n), true
}

// RefSibling returns the value written next to sr's $ref under key, which
// kin-openapi drops in OpenAPI 3.0 (where $ref replaces its whole object),
// or nil. The planner honours a few such siblings by convention
// (`{$ref: X, nullable: true}`).
func (s *Spec) RefSibling(sr *openapi3.SchemaRef, key string) *yaml.Node {
	if sr == nil || sr.Ref == "" || sr.Origin == nil || sr.Origin.Key == nil {
		return nil
	}
	m := s.mappingOf(*sr.Origin.Key)
	if m == nil {
		return nil
	}
	// The origin is the $ref key's; anything else (a component key whose
	// value is the $ref) is not the object holding the siblings.
	if ref := mapValue(m, "$ref"); ref == nil || ref.Value != sr.Ref {
		return nil
	}
	return mapValue(m, key)
}

// RefSiblingTrue reports whether sr's $ref has key: true next to it.
func (s *Spec) RefSiblingTrue(sr *openapi3.SchemaRef, key string) bool {
	n := s.RefSibling(sr, key)
	return n != nil && n.Kind == yaml.ScalarNode && n.Value == "true"
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// hasFloat reports whether v holds a number anywhere (only then is the
// source worth reading).
func hasFloat(v any, depth int) bool {
	if depth > 64 {
		return false
	}
	switch x := v.(type) {
	case float64:
		return true
	case []any:
		for _, e := range x {
			if hasFloat(e, depth+1) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if hasFloat(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// jsonNumberRE is JSON's number syntax: what json.Number may hold and
// generated code may print as it is.
var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// exactFrom rebuilds v with the numbers of the node n that spell the same
// float64. Shapes that do not match keep kin-openapi's value.
func exactFrom(v any, n *yaml.Node, depth int) any {
	for n.Kind == yaml.AliasNode && n.Alias != nil && depth < 64 {
		n, depth = n.Alias, depth+1
	}
	if depth > 64 {
		return v
	}
	switch x := v.(type) {
	case float64:
		if n.Kind != yaml.ScalarNode || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || !jsonNumberRE.MatchString(n.Value) {
			return v
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err != nil || f != x {
			return v
		}
		return json.Number(n.Value)
	case []any:
		if n.Kind != yaml.SequenceNode || len(n.Content) != len(x) {
			return v
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = exactFrom(e, n.Content[i], depth+1)
		}
		return out
	case map[string]any:
		if n.Kind != yaml.MappingNode {
			return v
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = e
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if e, ok := x[n.Content[i].Value]; ok {
				out[n.Content[i].Value] = exactFrom(e, n.Content[i+1], depth+1)
			}
		}
		return out
	}
	return v
}

// tree is the parsed root of the file a location names.
func (s *Spec) tree(file string) *yaml.Node {
	if file == "" {
		return s.nodes[filepath.Clean(s.Path)]
	}
	if n, ok := s.nodes[filepath.Clean(file)]; ok {
		return n
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil
	}
	for f, n := range s.nodes {
		if a, err := filepath.Abs(f); err == nil && a == abs {
			return n
		}
	}
	return nil
}

// valueAt is the value of the mapping key at loc, or nil.
func (s *Spec) valueAt(loc openapi3.Location) *yaml.Node {
	m, i := keyAt(s.tree(loc.File), loc.Line, loc.Column)
	if m == nil {
		return nil
	}
	return m.Content[i+1]
}

// mappingOf is the mapping that holds the key at loc, or nil.
func (s *Spec) mappingOf(loc openapi3.Location) *yaml.Node {
	m, _ := keyAt(s.tree(loc.File), loc.Line, loc.Column)
	return m
}

// keyAt finds the mapping key that starts at line:col and returns its
// mapping and index. Nodes come in document order, so it descends into
// the last child that starts at or before the position: a few steps per
// level instead of an index of every key of the file.
func keyAt(n *yaml.Node, line, col int) (*yaml.Node, int) {
	before := func(c *yaml.Node) bool { return c.Line < line || c.Line == line && c.Column <= col }
	for depth := 0; n != nil && depth < 2000; depth++ {
		var next *yaml.Node
		switch n.Kind {
		case yaml.DocumentNode:
			if len(n.Content) > 0 {
				next = n.Content[0]
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Line == line && k.Column == col {
					return n, i
				}
				if !before(k) {
					break
				}
				next = n.Content[i+1]
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if !before(c) {
					break
				}
				next = c
			}
		}
		if next == nil || next.Kind == yaml.ScalarNode || next.Kind == yaml.AliasNode {
			return nil, 0
		}
		n = next
	}
	return nil, 0
}

// KeyOrder returns the keys of the mapping that keyword kw of sch holds
// ("properties"), in the order the source writes them, or nil when the
// source cannot be found (a document converted from Swagger 2.0). kin-openapi
// decodes such mappings into Go maps, which keep no order.
func (s *Spec) KeyOrder(sch *openapi3.Schema, kw string) []string {
	if sch == nil || sch.Origin == nil {
		return nil
	}
	loc, ok := sch.Origin.Fields.Lookup(kw)
	if !ok {
		return nil
	}
	n := s.valueAt(loc)
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 64; depth++ {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	keys := make([]string, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}
