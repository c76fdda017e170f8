package load

import (
	"path/filepath"
	"sort"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// FindScalar returns the position of the first scalar (a mapping key or a
// value) whose text is exactly v, looking in the root file and then in the
// other files in name order. Tools that report a bad value but not where it
// came from (oapi-codegen's checks) are positioned this way.
func (s *Spec) FindScalar(v string) (diag.Pos, bool) {
	files := make([]string, 0, len(s.nodes))
	root := filepath.Clean(s.Path)
	for f := range s.nodes {
		if f != root {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	files = append([]string{root}, files...)
	for _, f := range files {
		var found *yaml.Node
		walk(s.nodes[f], nil, func(n *yaml.Node, _ []string) {
			if found != nil || n.Kind != yaml.MappingNode {
				return
			}
			for _, c := range n.Content {
				if c.Kind == yaml.ScalarNode && c.Value == v {
					found = c
					return
				}
			}
		})
		if found == nil {
			// Sequence items are not mapping children.
			walk(s.nodes[f], nil, func(n *yaml.Node, _ []string) {
				if found == nil && n.Kind == yaml.SequenceNode {
					for _, c := range n.Content {
						if c.Kind == yaml.ScalarNode && c.Value == v {
							found = c
							return
						}
					}
				}
			})
		}
		if found != nil {
			file := f
			if f == root {
				file = s.Path
			}
			return nodePos(file, found), true
		}
	}
	return diag.Pos{}, false
}
