package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

func TestFlowDocument(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"{\n  \"a\": 1\n}\n", "--- {\n  \"a\": 1\n}\n"},
		{"\n\r\n{  \t\r\n\"a\": 1}", "\n\r\n--- {  \t\r\n\"a\": 1}"},
		{"{\"a\": 1}", "{\"a\": 1}"},             // something follows on the brace's line: its columns would move
		{"  {\n\"a\": 1}", "  {\n\"a\": 1}"},     // not at column 0: "---" would not start a document
		{"[\n{}]", "[\n{}]"},                     // only mappings
		{"openapi: 3.0.0\n", "openapi: 3.0.0\n"}, // YAML
		{"{\n\"a\": \"\u0085\"}", "{\n\"a\": \"\u0085\"}"},
		{"{", "{"},
		{"", ""},
	} {
		if got := string(flowDocument([]byte(c.in))); got != c.want {
			t.Errorf("flowDocument(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The prefix changes nothing the YAML parser builds below the document
// node, positions included, and nothing kin-openapi loads, origins included.
func TestFlowDocumentSameDocument(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {\n")
	b.WriteString("    \"/a\": {\"get\": {\"parameters\": [{\"name\": \"q\", \"in\": \"query\", \"schema\": {\"type\": \"array\", \"items\": {\"type\": \"integer\", \"minimum\": 1.50}}}],\n")
	b.WriteString("      \"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/S0\"}}}}}}}\n  },\n")
	b.WriteString("  \"components\": {\"schemas\": {\n")
	for i := range 40 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("    \"S" + string(rune('0'+i%10)) + strings.Repeat("x", i/10) + "\": {\"type\": \"object\", \"required\": [\"id\"], \"properties\": {\n")
		b.WriteString("      \"id\": {\"type\": \"string\", \"example\": \"a\\u00e9\"}, \"n\": {\"type\": \"number\", \"default\": 1.0},\n")
		b.WriteString("      \"u\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"object\", \"additionalProperties\": {\"type\": \"integer\"}}]}}}")
	}
	b.WriteString("\n  }}\n}\n")
	data := []byte(b.String())

	var plain, flow yaml.Node
	if err := yaml.Unmarshal(data, &plain); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(flowDocument(data), &flow); err != nil {
		t.Fatal(err)
	}
	if len(flow.Content) != 1 || len(plain.Content) != 1 {
		t.Fatalf("documents hold %d and %d nodes", len(plain.Content), len(flow.Content))
	}
	// The top-level mapping starts 4 columns later, on the line it has to
	// itself: what it holds is where it was.
	if got, want := flow.Content[0].Column, plain.Content[0].Column+4; got != want {
		t.Errorf("the top-level mapping is at column %d, want %d", got, want)
	}
	flow.Content[0].Column = plain.Content[0].Column
	compareNodes(t, "", flow.Content[0], plain.Content[0])

	dir := t.TempDir()
	path := filepath.Join(dir, "openapi.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.kinLoad(path, Options{Limits: DefaultLimits}, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.kinLoad(path, Options{Limits: DefaultLimits}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got.Components.Schemas["S0"].Value.Origin == nil {
		t.Fatal("no origins recorded")
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("kin-openapi loads the document differently after flowDocument")
	}
}

// A JSON document the YAML parser refuses (a duplicate key) still loads,
// as it did without the prefix: kin-openapi reads it as JSON.
func TestFlowDocumentDuplicateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "openapi.json")
	doc := "{\n\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"paths\": {}\n}\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &Spec{Path: path, nodes: map[string]*yaml.Node{}, data: map[string][]byte{}}
	opts := Options{Limits: DefaultLimits}
	if _, err := s.kinLoad(path, opts, true); err == nil {
		t.Fatal("the YAML parser accepted a duplicate key: this test no longer covers the fallback")
	}
	if _, err := s.loadOpenAPI3(path, opts); err != nil {
		t.Fatal(err)
	}
}
