package load

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

func nodePos(file string, n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: file}
	}
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a sequence"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "empty"
}

func topLevelString(root *yaml.Node, key string) string {
	if n, ok := lookupPath(root, []string{key}); ok && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// walk visits every node with its document path (keys and indexes).
func walk(n *yaml.Node, path []string, fn func(*yaml.Node, []string)) {
	walkDepth(n, path, fn, 0)
}

func walkDepth(n *yaml.Node, path []string, fn func(*yaml.Node, []string), depth int) {
	if n == nil || depth > 2000 {
		return
	}
	fn(n, path)
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkDepth(n.Content[i+1], append(path[:len(path):len(path)], n.Content[i].Value), fn, depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkDepth(c, append(path[:len(path):len(path)], strconv.Itoa(i)), fn, depth+1)
		}
	}
}

// PointerTokens splits a JSON pointer ("/paths/~1pets/get") into its
// reference tokens, unescaped (RFC 6901: ~1 is /, ~0 is ~).
func PointerTokens(ptr string) []string {
	parts := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

// lookup resolves a JSON pointer fragment ("/components/schemas/Foo").
func lookup(root *yaml.Node, frag string) (*yaml.Node, bool) {
	if frag == "" || frag == "/" {
		return root, true
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, false
	}
	if n, ok := lookupPath(root, PointerTokens(frag)); ok || !strings.Contains(frag, "%") {
		return n, ok
	}
	// In a URI, the pointer is percent-encoded (RFC 6901, section 6):
	// #/paths/~1pets~1%7Bid%7D names the path /pets/{id}.
	dec, err := url.PathUnescape(frag)
	if err != nil {
		return nil, false
	}
	return lookup(root, dec)
}

func lookupPath(n *yaml.Node, path []string) (*yaml.Node, bool) {
	for _, p := range path {
		if n = child(n, p); n == nil {
			return nil, false
		}
	}
	return n, n != nil
}

// child is the value of key in mapping n, or the item at index key in
// sequence n; nil when there is none.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(key); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// yamlToJSON converts a node tree to JSON (used for Swagger 2.0 input).
func yamlToJSON(n *yaml.Node) ([]byte, error) {
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, err
	}
	v, err := stringKeys(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func stringKeys(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			c, err := stringKeys(e)
			if err != nil {
				return nil, err
			}
			x[k] = c
		}
		return x, nil
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			c, err := stringKeys(e)
			if err != nil {
				return nil, err
			}
			m[fmt.Sprint(k)] = c
		}
		return m, nil
	case []any:
		for i, e := range x {
			c, err := stringKeys(e)
			if err != nil {
				return nil, err
			}
			x[i] = c
		}
		return x, nil
	}
	return v, nil
}

// misspelledVersionKey finds a top-level key one or two edits away from
// `openapi` or `swagger` ("eopenapi:"), for a helpful message.
func misspelledVersionKey(root *yaml.Node) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		for _, want := range []string{"openapi", "swagger"} {
			if d := editDistance(strings.ToLower(k.Value), want); d > 0 && d <= 2 {
				return k
			}
		}
	}
	return nil
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
