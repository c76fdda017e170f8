package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// Limits bound what one load may cost, so that any file can be pointed at
// safely: a YAML alias bomb, absurd nesting or a huge enum fails fast with a
// positioned error instead of exhausting memory or the stack. Zero fields
// take the defaults below, which are far above what real specs need (the
// largest in our corpus, Stripe's, has 4 MB, nesting 23 and an enum of 594
// values).
type Limits struct {
	// MaxFileBytes bounds each file read (default 64 MiB).
	MaxFileBytes int64
	// MaxFiles bounds how many files $refs may pull in (default 1000).
	MaxFiles int
	// MaxNodes bounds the YAML nodes of each file with every alias
	// expanded, which is what a YAML alias bomb inflates (default 10
	// million).
	MaxNodes int
	// MaxDepth bounds the nesting of mappings and sequences (default 256).
	MaxDepth int
	// MaxEnumValues bounds the length of any enum (default 10000).
	MaxEnumValues int
}

// DefaultLimits are the limits a zero Limits field means.
var DefaultLimits = Limits{MaxFileBytes: 64 << 20, MaxFiles: 1000, MaxNodes: 10_000_000, MaxDepth: 256, MaxEnumValues: 10_000}

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultLimits.MaxFileBytes
	}
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultLimits.MaxFiles
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultLimits.MaxNodes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxEnumValues <= 0 {
		l.MaxEnumValues = DefaultLimits.MaxEnumValues
	}
	return l
}

// readLimited reads at most max bytes of path, failing when there are more.
// It reads rather than trusting the size stat reports, which says nothing
// for pipes and devices.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	} else if err == nil && st.Size() < max {
		buf.Grow(int(st.Size()) + bytes.MinRead) // one allocation, not a doubling series
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file is larger than the limit of %d bytes (limits.max-file-bytes)", max)
	}
	return data, nil
}

// checkUTF8 reports the first invalid UTF-8 sequence with its position.
func checkUTF8(path string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			line, col := lineCol(data, i)
			return diag.Errorf(diag.Pos{File: path, Line: line, Col: col}, "", "invalid UTF-8 (byte 0x%02x): the file must be UTF-8 text", data[i])
		}
		i += n
	}
	return nil
}

// checkTree enforces the depth, size and enum limits on a parsed file and
// rejects duplicate mapping keys (which YAML forbids and a decoder would
// otherwise resolve silently, last one wins).
func checkTree(path string, doc *yaml.Node, l Limits) error {
	c := &treeChecker{path: path, l: l, expanded: map[*yaml.Node]int{}}
	c.visit(doc, 0)
	return c.err
}

type treeChecker struct {
	path     string
	l        Limits
	nodes    int
	expanded map[*yaml.Node]int // anchor -> its size with aliases expanded; -1 while being computed
	err      error
}

func (c *treeChecker) fail(n *yaml.Node, format string, args ...any) {
	if c.err == nil {
		c.err = diag.Errorf(nodePos(c.path, n), "", format, args...)
	}
}

// visit counts n's subtree (aliases expanded) into c.nodes and returns its
// expanded size. It stops at the first error.
func (c *treeChecker) visit(n *yaml.Node, depth int) int {
	if n == nil || c.err != nil {
		return 0
	}
	if depth > c.l.MaxDepth {
		c.fail(n, "nesting deeper than %d levels (limits.max-depth)", c.l.MaxDepth)
		return 0
	}
	if n.Kind == yaml.AliasNode {
		size := c.aliasSize(n)
		c.add(n, size)
		return size
	}
	c.add(n, 1)
	size := 1
	switch n.Kind {
	case yaml.MappingNode:
		keys := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode {
				if first, dup := keys[k.Value]; dup {
					c.fail(k, "duplicate key %q (first at line %d)", k.Value, first)
					return size
				}
				keys[k.Value] = k.Line
				if k.Value == "enum" && v.Kind == yaml.SequenceNode && len(v.Content) > c.l.MaxEnumValues {
					c.fail(k, "enum has %d values, more than the limit of %d (limits.max-enum-values)", len(v.Content), c.l.MaxEnumValues)
					return size
				}
			}
			size += c.visit(k, depth+1) + c.visit(v, depth+1)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, e := range n.Content {
			size += c.visit(e, depth+1)
		}
	}
	return size
}

func (c *treeChecker) add(n *yaml.Node, size int) {
	c.nodes += size
	if c.nodes > c.l.MaxNodes {
		c.fail(n, "more than %d YAML nodes with aliases expanded (limits.max-nodes): an alias bomb, or raise the limit", c.l.MaxNodes)
	}
}

// aliasSize is the expanded size of an alias's anchor, computed once per
// anchor without adding to the count (the alias's use adds it).
func (c *treeChecker) aliasSize(n *yaml.Node) int {
	a := n.Alias
	if a == nil {
		return 1
	}
	if size, ok := c.expanded[a]; ok {
		if size < 0 {
			c.fail(n, "alias *%s refers to its own anchor", n.Value)
			return 0
		}
		return size
	}
	c.expanded[a] = -1
	sub := &treeChecker{path: c.path, l: c.l, expanded: c.expanded}
	size := sub.visit(a, 0)
	if sub.err != nil && c.err == nil {
		c.err = sub.err
	}
	c.expanded[a] = size
	return size
}

// insideRoot reports whether target lies in the spec's directory tree,
// after resolving symbolic links on both sides, so a link inside the tree
// cannot lead out of it.
func (s *Spec) insideRoot(target string) bool {
	root, err := filepath.Abs(filepath.Dir(s.Path))
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	} else if !errors.Is(err, os.ErrNotExist) {
		return false
	}
	rel, err := filepath.Rel(root, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
