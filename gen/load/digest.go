package load

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"maps"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Digest is what the spec at path means, for fingerprints: the value Open
// records in Spec.Digest, computed without kin-openapi and, for a JSON file
// that $refs no other file, without building its tree, so a no-op run
// stays cheap. It fails on anything it cannot read or parse and on a
// remote $ref, whose content a digest cannot know, and on a tree over the
// limits; it does not check what only decides whether loading fails (a
// $ref that resolves to nothing): a manifest it matches was written by a
// load that passed those checks on the same content.
func Digest(path string, opts Options) (string, error) {
	opts.Limits = opts.Limits.withDefaults()
	root := filepath.Clean(path)
	data := map[string][]byte{}
	nodes := map[string]*yaml.Node{}
	queue := []string{root}
	seen := map[string]bool{root: true}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		if len(seen) > opts.MaxFiles {
			return "", fmt.Errorf("more than %d files", opts.MaxFiles)
		}
		b, err := readLimited(f, opts.MaxFileBytes)
		if err != nil {
			return "", err
		}
		data[f] = b
		if isJSON(b) && !mayRefFile(b) {
			continue // no tree needed: JSON is digested from its text
		}
		n, err := parseTree(b)
		if err != nil {
			return "", err
		}
		// The digest expands aliases: bound them (and the rest) first.
		if err := checkTree(f, n, opts.Limits); err != nil {
			return "", err
		}
		nodes[f] = n
		var refErr error
		walk(n, nil, func(m *yaml.Node, where []string) {
			if m.Kind != yaml.MappingNode || refErr != nil {
				return
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				k, v := m.Content[i], m.Content[i+1]
				if k.Value != "$ref" || v.Kind != yaml.ScalarNode || notARef(where) {
					continue
				}
				file, _, _ := strings.Cut(v.Value, "#")
				switch {
				case file == "":
					continue
				case strings.Contains(file, "://") || strings.HasPrefix(file, "//"):
					refErr = fmt.Errorf("remote $ref %q", v.Value)
					return
				}
				t := refTarget(f, file)
				if !seen[t] {
					seen[t] = true
					queue = append(queue, t)
				}
			}
		})
		if refErr != nil {
			return "", refErr
		}
	}
	files := make([]string, 0, len(seen))
	for f := range seen {
		if f != root {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	return digestFiles(append([]string{root}, files...), data, nodes), nil
}

// refTarget is the file a $ref's file part names, from the file holding it
// (as checkRefs and kin-openapi resolve it).
func refTarget(from, file string) string {
	if strings.HasPrefix(file, "/") || filepath.IsAbs(filepath.FromSlash(file)) {
		return filepath.Clean(filepath.FromSlash(file))
	}
	return filepath.Clean(filepath.Join(filepath.Dir(from), filepath.FromSlash(file)))
}

// parseTree parses a file as parseFile does (JSON by our scanner, YAML by
// the YAML parser), without the checks.
func parseTree(b []byte) (*yaml.Node, error) {
	if isJSON(b) {
		if !json.Valid(b) {
			return nil, errors.New("invalid JSON")
		}
		return jsonNodes(b)
	}
	n := &yaml.Node{}
	if err := yaml.Unmarshal(b, n); err != nil {
		return nil, err
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	return n, nil
}

// mayRefFile reports whether JSON text has a "$ref" whose value names a
// file (has something before any '#'): a byte scan that may say yes too
// often (a "$ref" inside a string), never no wrongly.
func mayRefFile(b []byte) bool {
	key := []byte(`"$ref"`)
	for {
		i := bytes.Index(b, key)
		if i < 0 {
			return false
		}
		b = b[i+len(key):]
		rest := bytes.TrimLeft(b, " \t\r\n")
		if len(rest) == 0 || rest[0] != ':' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		if len(rest) < 2 || rest[0] != '"' || rest[1] != '#' {
			return true
		}
	}
}

// digest records the files read (root first, then sorted) and what they
// mean (digestFiles).
func (s *Spec) digest() {
	files := make([]string, 0, len(s.nodes))
	rootKey := filepath.Clean(s.Path)
	for f := range s.nodes {
		if f != rootKey {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	s.Files = append([]string{rootKey}, files...)
	data := s.data
	if len(s.raw) > 0 {
		data = maps.Clone(s.data)
		maps.Copy(data, s.raw)
	}
	s.Digest = digestFiles(s.Files, data, s.nodes)
}

// digestFiles digests what the files mean rather than their bytes, each
// named relative to the root's (the first file's) directory: a JSON file
// by its compacted text (json.Compact: insignificant whitespace gone), a
// YAML file by its value tree (mapping keys in document order, scalars by
// resolved tag and value, aliases expanded). Comments, whitespace, quoting
// and block or flow style do not change it, so such an edit is not drift;
// any change of a value does. Key order is kept on purpose: the order of
// properties, parameters and operations shapes the output.
func digestFiles(files []string, data map[string][]byte, nodes map[string]*yaml.Node) string {
	d := &treeDigest{h: sha256.New()}
	dir := filepath.Dir(files[0])
	for _, f := range files {
		rel, err := filepath.Rel(dir, f)
		if err != nil {
			rel = f
		}
		d.str('f', filepath.ToSlash(rel))
		if b := data[f]; isJSON(b) {
			d.str('j', "")
			d.flush()
			compactJSON(d.h, b)
			d.str('e', "")
			continue
		}
		d.node(nodes[f], 0)
	}
	d.flush()
	return "sha256:" + hex.EncodeToString(d.h.Sum(nil))[:16]
}

// compactJSON writes JSON text (which the loader has validated) without
// the whitespace between tokens, as json.Compact would, straight into the
// hash: on a 4 MB spec, compacting into a buffer first cost as much again.
func compactJSON(w io.Writer, b []byte) {
	start, inString := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case ' ', '\t', '\r', '\n':
			w.Write(b[start:i])
			for i+1 < len(b) && (b[i+1] == ' ' || b[i+1] == '\t' || b[i+1] == '\r' || b[i+1] == '\n') {
				i++
			}
			start = i + 1
		}
	}
	if start < len(b) {
		w.Write(b[start:])
	}
}

// treeDigest feeds a canonical, length-prefixed encoding of a node tree to
// a hash through a buffer (a Write per scalar would dominate).
type treeDigest struct {
	h   hash.Hash
	buf []byte
}

func (d *treeDigest) flush() {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
}

func (d *treeDigest) str(kind byte, s string) {
	d.buf = append(d.buf, kind)
	d.buf = binary.AppendUvarint(d.buf, uint64(len(s)))
	d.buf = append(d.buf, s...)
	if len(d.buf) > 32<<10 {
		d.flush()
	}
}

// node writes n. Loading has bounded the tree (checkTree: depth, and
// aliases by their expanded size), so expanding aliases here is safe; the
// depth guard only stops a cycle checkTree would have refused.
func (d *treeDigest) node(n *yaml.Node, depth int) {
	if n == nil || depth > 10000 {
		d.str('n', "")
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			d.str('n', "")
			return
		}
		d.node(n.Content[0], depth+1)
	case yaml.AliasNode:
		d.node(n.Alias, depth+1)
	case yaml.MappingNode:
		d.str('m', "")
		d.buf = binary.AppendUvarint(d.buf, uint64(len(n.Content)))
		for _, c := range n.Content {
			d.node(c, depth+1)
		}
	case yaml.SequenceNode:
		d.str('s', "")
		d.buf = binary.AppendUvarint(d.buf, uint64(len(n.Content)))
		for _, c := range n.Content {
			d.node(c, depth+1)
		}
	default:
		// ShortTag resolves an untagged plain scalar (1, true, null) the
		// way a decoder would, so "a" and a are one value and "1" and 1
		// are two.
		d.str('t', n.ShortTag())
		d.str('v', n.Value)
	}
}

// notARef reports whether a "$ref" key in the mapping at document path
// where is not a Reference Object to follow: it is inside an extension or
// a literal value, or it is a misplaced one (dropMisplacedRefs).
func notARef(where []string) bool {
	return inExtension(where) || inLiteral(where) || misplacedRef(where)
}

// inLiteral reports whether a document path runs through a literal JSON
// value of the spec: an example (`example`, an Example Object's `value`,
// the items of JSON Schema's `examples` array, Swagger 2.0's response
// `examples` by media type), a `default`, an `enum` or a `const`. Such a
// value is data, in which "$ref" is a member name like any other (SCIM
// payloads have one); kin-openapi leaves it alone too. Names in maps the
// author names (a property called "example") are not keywords, and an
// operation's `responses.default` is a response.
func inLiteral(path []string) bool {
	for i, k := range path {
		parent, grand := "", ""
		if i > 0 {
			parent = path[i-1]
		}
		if i > 1 {
			grand = path[i-2]
		}
		if i > 0 && namedMap(parent, grand, i == 1) {
			continue // k is a name
		}
		switch k {
		case "example", "enum", "const":
			return true
		case "default":
			// An operation's responses.default is a response; under a
			// property called responses, default is the keyword.
			if parent != "responses" || i > 1 && namedMap(grand, at(path, i-3), i == 2) {
				return true
			}
		case "value":
			if grand == "examples" {
				return true
			}
		case "examples":
			if parent != "" && grand == "responses" {
				return true // Swagger 2.0: examples by media type
			}
			if i+1 < len(path) && isIndex(path[i+1]) && isSchemaPath(path[:i], false) {
				return true // JSON Schema: an array of values (not examples named "1")
			}
		}
	}
	return false
}

// isIndex reports whether a path element is a sequence index.
func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// inExtension reports whether a document path runs through a specification
// extension (an `x-` key where the spec's objects allow them), whose
// content is the vendor's and no part of the document: a $ref there is
// neither followed nor digested as a file of the spec. An `x-` key in a
// map of names the spec's author chooses (properties, headers, component
// names, ...) is a name, not an extension.
func inExtension(path []string) bool {
	for i, k := range path {
		if !strings.HasPrefix(k, "x-") {
			continue
		}
		parent, grand := "", ""
		if i > 0 {
			parent = path[i-1]
		}
		if i > 1 {
			grand = path[i-2]
		}
		if namedMap(parent, grand, i == 1) {
			continue
		}
		return true
	}
	return false
}

// namedMap tells the maps whose keys are names the author chooses.
func namedMap(key, parent string, topLevel bool) bool {
	switch key {
	case "properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "schemas",
		"examples", "requestBodies", "headers", "securitySchemes", "securityDefinitions", "links",
		"callbacks", "pathItems", "content", "encoding", "variables", "mapping", "scopes", "webhooks", "dependentRequired":
		return true
	case "responses", "parameters":
		// Components' (and Swagger 2.0's top-level) maps of names; an
		// operation's responses are keyed by status code, and take
		// extensions.
		return parent == "components" || topLevel
	}
	return false
}
