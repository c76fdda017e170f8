package load

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// A schema's examples keyword is a JSON Schema array of values. Some
// vendors write there the map of named Example Objects that OpenAPI allows
// on a media type, parameter or header (Codat's specs do:
// `examples: {"Example 1": {value: ...}}` on a component schema).
// kin-openapi refuses the whole document for it, naming no line. Rather
// than fail, such a map is a warning and read as no examples: examples
// only document, and the schema's type does not depend on them.

// schemaKeywords are the keywords whose value is one schema; after
// schemaMaps (and allOf/oneOf/anyOf/prefixItems, by index) the next
// key is a schema's name.
var schemaKeywords = map[string]bool{
	"items": true, "additionalProperties": true, "not": true, "schema": true, "contains": true,
	"if": true, "then": true, "else": true, "propertyNames": true, "unevaluatedItems": true,
	"unevaluatedProperties": true, "additionalItems": true, "contentSchema": true,
}

var schemaMaps = map[string]bool{"properties": true, "patternProperties": true, "dependentSchemas": true, "$defs": true, "definitions": true}

var schemaLists = map[string]bool{"allOf": true, "oneOf": true, "anyOf": true, "prefixItems": true}

// isSchemaPath reports whether document path p (keys and indexes) leads
// to a schema; rootSchema says the file's root is one (a schema of its own
// that a $ref names).
func isSchemaPath(p []string, rootSchema bool) bool {
	if inLiteral(p) || inExtension(p) {
		return false
	}
	for i, k := range p {
		// No schema is below an Example Object either.
		if k == "examples" && !(i > 0 && namedMap(p[i-1], at(p, i-2), i == 1)) {
			return false
		}
	}
	n := len(p)
	switch {
	case n == 0:
		return rootSchema
	case n == 3 && p[0] == "components" && p[1] == "schemas", n == 2 && p[0] == "definitions":
		return true
	case n >= 2 && (schemaMaps[p[n-2]] || schemaLists[p[n-2]]):
		return true
	case n >= 1 && schemaKeywords[p[n-1]]:
		// "schema" names a parameter's, header's or media type's schema;
		// a property called "items" is under properties and caught above.
		return true
	}
	return false
}

func at(p []string, i int) string {
	if i < 0 || i >= len(p) {
		return ""
	}
	return p[i]
}

// isSchemaFile reports whether a file's root mapping is a schema: no
// OpenAPI document, and a keyword only schemas have.
func isSchemaFile(root *yaml.Node) bool {
	if mapValue(root, "openapi") != nil || mapValue(root, "swagger") != nil || mapValue(root, "paths") != nil || mapValue(root, "components") != nil {
		return false
	}
	for _, k := range []string{"type", "properties", "allOf", "oneOf", "anyOf", "items", "enum"} {
		if mapValue(root, k) != nil {
			return true
		}
	}
	return false
}

// dropMapExamples blanks, in a file's text, every schema's examples that
// is a mapping (to `[]` padded with spaces, so every other line and column
// stays where it was), warning about each. It returns the text kin-openapi
// is to read, data itself when nothing changed.
func (s *Spec) dropMapExamples(path string, root *yaml.Node, data []byte) []byte {
	var out []byte
	rootSchema := isSchemaFile(root)
	walk(root, nil, func(n *yaml.Node, where []string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value != "examples" || v.Kind != yaml.MappingNode || !isSchemaPath(where, rootSchema) {
				continue
			}
			start, end, ok := valueSpan(data, k, v)
			if !ok {
				continue // left for the loader to refuse
			}
			if out == nil {
				out = append([]byte(nil), data...)
			}
			for j := start; j < end; j++ {
				if out[j] != '\n' && out[j] != '\r' {
					out[j] = ' '
				}
			}
			out[start], out[start+1] = '[', ']'
			s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: nodePos(path, v), Where: strings.Join(append(where, "examples"), "."), Severity: diag.Warning,
				Msg: fmt.Sprintf("a schema's examples must be an array of values, not a map of named examples (%d here; that form belongs to a media type, parameter or header); ignored", len(v.Content)/2)})
		}
	})
	if out == nil {
		return data
	}
	return out
}

// valueSpan is the byte range of mapping v, the value of key k: a flow
// mapping ({...}) to its closing brace, a block mapping to the end of its
// last line (the last line, before the next non-blank, non-comment line
// indented no deeper than k).
func valueSpan(data []byte, k, v *yaml.Node) (int, int, bool) {
	start, ok := offsetOf(data, v.Line, v.Column)
	if !ok {
		return 0, 0, false
	}
	if data[start] == '{' {
		end, ok := closingBrace(data, start)
		return start, end, ok && end-start >= 2
	}
	if v.Line <= k.Line || v.Style&yaml.FlowStyle != 0 {
		return 0, 0, false
	}
	end := start
	for off := start; off < len(data); {
		next := indexLineEnd(data[off:])
		line := data[off:]
		if next >= 0 {
			line = data[off : off+next]
		}
		body := strings.TrimRight(string(line), "\r\n")
		trimmed := strings.TrimLeft(body, " ")
		indent := len(body) - len(trimmed)
		if off > start && trimmed != "" && !strings.HasPrefix(trimmed, "#") && indent < k.Column {
			break
		}
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			end = off + len(body)
		}
		if next < 0 {
			break
		}
		off += next
	}
	return start, end, end-start >= 2
}
