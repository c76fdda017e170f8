package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// jsonNodeCases are documents whose trees must match yaml.Unmarshal's.
var jsonNodeCases = []string{
	`{}`,
	` [ ] `,
	"\n\n  {\"a\": 1}\n",
	`{"a": [1, -0, 1.5, -1E+2, 0.0e-0, 1e400, 12345678901234567890, 123456789012345678901234567890, true, false, null]}`,
	`{"é": "ü", "k": "a\"b\\c\/d\b\f\n\r\t\u00e9\u0041", "k": {"dup": []}}`,
	"{\"a\":\r\n\"b\",\r\"c\":\n[\t{}\t]}",
	`{"$ref": "#/components/schemas/A", "x-ü": {"long": "` + strings.Repeat("ẞ", 300) + `", "n": 7}}`,
	`"just a string"`,
	`3`,
	`[[[[[[["deep"]]]]]]]`,
}

func compareNodes(t *testing.T, where string, got, want *yaml.Node) {
	t.Helper()
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Line != want.Line || got.Column != want.Column || len(got.Content) != len(want.Content) {
		t.Fatalf("%s: got kind=%d style=%d tag=%s value=%q at %d:%d with %d children\n want kind=%d style=%d tag=%s value=%q at %d:%d with %d children",
			where, got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column, len(got.Content),
			want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column, len(want.Content))
	}
	for i := range got.Content {
		compareNodes(t, fmt.Sprintf("%s/%d", where, i), got.Content[i], want.Content[i])
	}
}

// yamlReadsAsJSON reports whether YAML reads data as JSON does: it does
// not for the characters YAML takes as line breaks and for surrogate-pair
// escapes, which yaml.Unmarshal refuses (jsonNodes follows JSON there).
func yamlReadsAsJSON(data []byte) bool {
	return !bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) &&
		!bytes.Contains(data, []byte("\u2029")) && !bytes.Contains(bytes.ToLower(data), []byte(`\ud`))
}

func TestJSONNodesMatchYAML(t *testing.T) {
	docs := map[string][]byte{}
	for i, c := range jsonNodeCases {
		docs[fmt.Sprintf("case %d", i)] = []byte(c)
	}
	// Every JSON spec of the corpus (CI has it beside the clone).
	specs, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "specs", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "specs", "*", "*.json"))
	for _, p := range append(specs, more...) {
		if strings.Contains(p, "stripe") && testing.Short() {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if json.Valid(data) && yamlReadsAsJSON(data) {
			docs[p] = data
		}
	}
	for name, data := range docs {
		if !json.Valid(data) {
			t.Fatalf("%s: not JSON", name)
		}
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: yaml: %v", name, err)
		}
		got, err := jsonNodes(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compareNodes(t, name, got, &want)
	}
}

// Where YAML reads JSON otherwise, the tree holds what JSON means.
func TestJSONNodesFollowJSON(t *testing.T) {
	doc := "{\"emoji\": \"\\ud83d\\ude00\", \"lone\": \"\\ud800\", \"ls\": \"a\u2028b\", \"after\": 1}"
	root, err := jsonNodes([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	m := root.Content[0]
	for i, want := range []string{"😀", "\uFFFD", "a\u2028b"} {
		if got := m.Content[2*i+1].Value; got != want {
			t.Errorf("value %d = %q, want %q", i, got, want)
		}
	}
	if after := m.Content[6]; after.Line != 1 {
		t.Errorf("a raw U+2028 ended a line: \"after\" is on line %d", after.Line)
	}
	// The loader takes such a document (yaml.Unmarshal refused it).
	p := filepath.Join(t.TempDir(), "s.json")
	spec := `{"openapi": "3.0.0", "info": {"title": "\ud83d\ude00", "version": "1"}, "paths": {}}`
	if err := os.WriteFile(p, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, Options{}); err != nil {
		t.Fatalf("Load: %v", err)
	}
}

func FuzzJSONNodes(f *testing.F) {
	for _, c := range jsonNodeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		got, err := jsonNodes(data)
		if err != nil {
			t.Fatalf("jsonNodes refused valid JSON: %v", err)
		}
		if !yamlReadsAsJSON(data) {
			return
		}
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			return // YAML refuses some JSON (e.g. a tab where it wants a space); not ours to match
		}
		compareNodes(t, "doc", got, &want)
	})
}
