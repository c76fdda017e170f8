package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// Some specs put a $ref where the format allows none, mostly to pull a
// Markdown file into a description (`description: {$ref: ./pets.md}`, a
// Redocly convention). OpenAPI's Reference Object is allowed only where a
// schema, response, parameter, ... may stand, never for a string. Rather
// than fail the whole spec on it, such a $ref is a warning and the field
// is read as empty.

// stringFields are fields that OpenAPI and Swagger 2.0 define as strings.
var stringFields = map[string]bool{"description": true, "summary": true, "title": true, "termsOfService": true}

// misplacedRef reports whether a mapping at document path where, holding
// a $ref, is the value of a string field (not a property or other
// author-named entry that happens to be called "description").
func misplacedRef(where []string) bool {
	n := len(where)
	if n == 0 || !stringFields[where[n-1]] {
		return false
	}
	parent, grand := "", ""
	if n > 1 {
		parent = where[n-2]
	}
	if n > 2 {
		grand = where[n-3]
	}
	return !namedMap(parent, grand, n == 2)
}

// dropMisplacedRefs blanks every misplaced $ref of a file in its text (to
// `""` padded with spaces, so every other line and column stays where it
// was) and warns about it. The tree is left as parsed; it returns the text
// kin-openapi is to read.
func (s *Spec) dropMisplacedRefs(path string, root *yaml.Node, data []byte) []byte {
	var out []byte
	walk(root, nil, func(n *yaml.Node, where []string) {
		if n.Kind != yaml.MappingNode || !misplacedRef(where) {
			return
		}
		ref := mapValue(n, "$ref")
		if ref == nil || ref.Kind != yaml.ScalarNode {
			return
		}
		start, end, ok := mappingSpan(data, n, ref)
		if !ok {
			return // left for the loader to refuse, with its position
		}
		if out == nil {
			out = append([]byte(nil), data...)
		}
		for i := start; i < end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		// The empty string goes where two columns of one line are free
		// (a "{" may end its line); line breaks before a value are fine.
		at := -1
		for i := start; i+1 < end && at < 0; i++ {
			if out[i] == ' ' && out[i+1] == ' ' {
				at = i
			}
		}
		if at < 0 {
			copy(out[start:end], data[start:end])
			return
		}
		out[at], out[at+1] = '"', '"'
		s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: nodePos(path, ref), Where: strings.Join(where, "."), Severity: diag.Warning,
			Msg: fmt.Sprintf("$ref %q where the spec allows none (%s is a string, not a Reference Object); not followed, read as empty", ref.Value, where[len(where)-1])})
	})
	if out == nil {
		return data
	}
	return out
}

// mappingSpan is the byte range of a mapping in data: a flow mapping
// ({...}, JSON's or YAML's) to its closing brace, a block mapping of the
// one key $ref with its value on the same line to that line's end.
func mappingSpan(data []byte, n, ref *yaml.Node) (int, int, bool) {
	start, ok := offsetOf(data, n.Line, n.Column)
	if !ok {
		return 0, 0, false
	}
	if data[start] == '{' {
		end, ok := closingBrace(data, start)
		return start, end, ok
	}
	if len(n.Content) != 2 || ref.Line != n.Line || ref.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, 0, false
	}
	end := start
	for end < len(data) && data[end] != '\n' && data[end] != '\r' {
		end++
	}
	return start, end, end-start >= 2
}

// offsetOf turns a 1-based line and column (in characters, as the parsers
// count them) into a byte offset.
func offsetOf(data []byte, line, col int) (int, bool) {
	if line < 1 || col < 1 {
		return 0, false
	}
	off := 0
	for l := 1; l < line; l++ {
		i := indexLineEnd(data[off:])
		if i < 0 {
			return 0, false
		}
		off += i
	}
	for c := 1; c < col; c++ {
		if off >= len(data) || data[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off, off < len(data)
}

// indexLineEnd is the offset just past the first line break (\n, \r\n or
// \r), or -1.
func indexLineEnd(b []byte) int {
	for i, c := range b {
		switch c {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
	}
	return -1
}

// closingBrace is the offset just past the } closing the { at start,
// skipping quoted text ("..." with backslash escapes, '...' with a
// doubled quote for a quote).
func closingBrace(data []byte, start int) (int, bool) {
	depth := 0
	for i := start; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(data); i++ {
				if data[i] == '\'' {
					if i+1 < len(data) && data[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return i + 1, c == '}'
			}
		}
	}
	return 0, false
}

// componentKinds names what each section of components holds, for
// wrongSection's message.
var componentKinds = map[string]string{
	"schemas": "a schema", "responses": "a response", "parameters": "a parameter",
	"examples": "an example", "requestBodies": "a request body", "headers": "a header",
	"securitySchemes": "a security scheme", "links": "a link", "callbacks": "a callback",
	"pathItems": "a path item",
}

// wrongSection explains a local $ref, at document path where, that stands
// for a response but names another kind of component (a request body, as
// PagerDuty's spec does): kin-openapi refuses it with only the target's
// name, and no generator can tell what response was meant, since a request
// body has no description or headers and the spec is invalid. It returns
// "" when the $ref is not a response's or names a response (or something
// other than a component, which kin-openapi judges itself).
func wrongSection(where []string, frag string) string {
	n := len(where)
	isResponse := n >= 2 && where[n-2] == "responses" &&
		(n == 3 && where[0] == "components" || n >= 3 && httpMethods[strings.ToLower(where[n-3])])
	if !isResponse {
		return ""
	}
	section, ok := strings.CutPrefix(frag, "/components/")
	if !ok {
		return ""
	}
	section, _, _ = strings.Cut(section, "/")
	kind, known := componentKinds[section]
	if !known || section == "responses" {
		return ""
	}
	return "names " + kind + " where a response belongs: a response's $ref must point into components.responses (the spec is invalid; point it at a response component)"
}

// notASchema explains a local $ref that stands for a schema but names
// something else, a response or a parameter (rev.ai's, Rumble's and
// Enode's specs do): kin-openapi refuses it as "bad data". "" when the
// $ref is not a schema's or its target could be a schema.
func notASchema(where []string, frag string) string {
	if !isSchemaPath(where, false) {
		return ""
	}
	p := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	kind := ""
	switch {
	case len(p) == 3 && p[0] == "components" && p[1] != "schemas":
		kind = componentKinds[p[1]]
	case len(p) >= 4 && p[0] == "paths" && p[len(p)-2] == "parameters":
		kind = "a parameter"
	case len(p) == 5 && p[0] == "paths" && p[3] == "responses":
		kind = "a response"
	case len(p) == 4 && p[0] == "paths" && p[3] == "requestBody":
		kind = "a request body"
	}
	if kind == "" {
		return ""
	}
	return "names " + kind + " where a schema belongs: a schema's $ref must point at a schema (the spec is invalid; point it at the schema inside, or at a component schema)"
}

var httpMethods = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true}

// dropDanglingMappings blanks, in a file's text, every discriminator
// mapping value that names a file which does not exist (or lies outside
// the spec's directory): bundlers leave such entries behind
// (DigitalOcean's spec as APIs.guru ships it maps A to
// models/domain_record_types.yml#/domain_record_a, a file it does not
// hold). kin-openapi would refuse the whole document; the entry's value is
// overwritten with underscores, a name no member has, so the entry selects
// nothing and the members' own values stand, and a warning says so. Only
// quoted values are rewritten (the quotes keep the text a string of the
// same length, so no position moves); others are left for the loader's
// positioned error.
func (s *Spec) dropDanglingMappings(path string, root *yaml.Node, data []byte) []byte {
	var out []byte
	walk(root, nil, func(n *yaml.Node, where []string) {
		if n.Kind != yaml.MappingNode || len(where) < 2 || where[len(where)-1] != "mapping" || where[len(where)-2] != "discriminator" || inLiteral(where) {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			file, _, _ := strings.Cut(v.Value, "#")
			if v.Kind != yaml.ScalarNode || !strings.Contains(v.Value, "/") || file == "" || strings.Contains(file, "://") ||
				v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 || strings.ContainsAny(v.Value, "\\'\"") {
				continue
			}
			target := filepath.Join(filepath.Dir(path), filepath.FromSlash(file))
			if _, err := os.Stat(target); err == nil && s.insideRoot(target) {
				continue
			}
			start, ok := offsetOf(data, v.Line, v.Column)
			end := start + 1 + len(v.Value)
			if !ok || end >= len(data) || data[start] != '"' && data[start] != '\'' || data[end] != data[start] {
				continue
			}
			if out == nil {
				out = append([]byte(nil), data...)
			}
			for j := start + 1; j < end; j++ {
				out[j] = '_'
			}
			s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: nodePos(path, v), Where: strings.Join(append(where, k.Value), "."), Severity: diag.Warning,
				Msg: fmt.Sprintf("discriminator mapping %q names %q, a file that does not exist; the entry is ignored", k.Value, v.Value)})
		}
	})
	if out == nil {
		return data
	}
	return out
}
