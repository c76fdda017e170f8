package load

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// liftRequired reads a schema's required list written among its
// properties, one level too deep (Speakeasy's own test spec has it):
//
//	properties:
//	  json: {type: array}
//	  required:
//	    - json
//
// kin-openapi refuses the document (a property's schema cannot be a
// list). When the list is the last entry of a block-style properties map
// and the schema has no required list of its own, its lines are moved
// out by the extra indentation, which makes it the schema's required, as
// the author meant; a warning says so. Only columns on those lines move.
// Anything else is left for the loader's positioned error.
func (s *Spec) liftRequired(path string, root *yaml.Node, data []byte) []byte {
	if isJSON(data) {
		return data
	}
	type lift struct{ first, last, delta int }
	var lifts []lift
	rootSchema := isSchemaFile(root)
	walk(root, nil, func(n *yaml.Node, where []string) {
		if n.Kind != yaml.MappingNode || !isSchemaPath(where, rootSchema) || mapValue(n, "required") != nil {
			return
		}
		var key, props *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "properties" {
				key, props = n.Content[i], n.Content[i+1]
			}
		}
		if props == nil || props.Kind != yaml.MappingNode || props.Style&yaml.FlowStyle != 0 || len(props.Content) < 2 {
			return
		}
		k, v := props.Content[len(props.Content)-2], props.Content[len(props.Content)-1]
		if k.Value != "required" || v.Kind != yaml.SequenceNode || len(v.Content) == 0 || k.Column <= key.Column {
			return
		}
		last := k.Line
		for _, it := range v.Content {
			if it.Kind != yaml.ScalarNode || it.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || it.Line < last {
				return
			}
			last = it.Line
		}
		lifts = append(lifts, lift{k.Line, last, k.Column - key.Column})
		s.Warnings = append(s.Warnings, diag.Diagnostic{Pos: nodePos(path, k), Where: strings.Join(append(where, "properties", "required"), "."), Severity: diag.Warning,
			Msg: "a required list among the properties (indented one level too deep); read as the schema's required"})
	})
	if len(lifts) == 0 {
		return data
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	for _, l := range lifts {
		for i := l.first - 1; i < l.last && i < len(lines); i++ {
			if !bytes.HasPrefix(lines[i], bytes.Repeat([]byte(" "), l.delta)) {
				return data // not plain indentation: leave it to the loader
			}
		}
	}
	out := make([]byte, 0, len(data))
	for i, line := range lines {
		for _, l := range lifts {
			if i >= l.first-1 && i < l.last {
				line = line[l.delta:]
				break
			}
		}
		out = append(out, line...)
	}
	return out
}
