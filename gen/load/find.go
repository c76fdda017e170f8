package load

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

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

// quotedPos positions a message that names what it is about in double
// quotes (kin-openapi's `bad data in "#/info"`): the first quoted string
// that occurs as a scalar in the spec gives the position, else the root
// file.
func (s *Spec) quotedPos(msg string) diag.Pos {
	for i := strings.IndexByte(msg, '"'); i >= 0; {
		q, err := strconv.QuotedPrefix(msg[i:])
		if err != nil {
			next := strings.IndexByte(msg[i+1:], '"')
			if next < 0 {
				break
			}
			i += 1 + next
			continue
		}
		if v, err := strconv.Unquote(q); err == nil && v != "" {
			if pos, ok := s.FindScalar(v); ok {
				return pos
			}
		}
		next := strings.IndexByte(msg[i+len(q):], '"')
		if next < 0 {
			break
		}
		i += len(q) + next
	}
	return diag.Pos{File: s.Path}
}
