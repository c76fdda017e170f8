package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLiftRequired: a required list written as the last entry of the
// properties (one level too deep) becomes the schema's required, with a
// warning at it; positions of everything else stay. Where it cannot be
// lifted (not last, a required of the schema's own) the loader's
// positioned error stands.
func TestLiftRequired(t *testing.T) {
	dir := t.TempDir()
	doc := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        json:
          type: array
          items: {type: string}
        required:
        - json
    B:
      type: object
      properties:
        x: {type: string}
        required: [x]
`
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for name, want := range map[string][]string{"A": {"json"}, "B": {"x"}} {
		sch := s.Doc.Components.Schemas[name].Value
		if !slices.Equal(sch.Required, want) || sch.Properties["required"] != nil {
			t.Errorf("%s: required %q, properties %v", name, sch.Required, len(sch.Properties))
		}
	}
	var got []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Msg, "required list among the properties") {
			got = append(got, strings.TrimPrefix(w.Pos.String(), dir+string(filepath.Separator))+" "+w.Where)
		}
	}
	if want := "x.yaml:12:9 components.schemas.A.properties.required|x.yaml:18:9 components.schemas.B.properties.required"; strings.Join(got, "|") != want {
		t.Errorf("warnings %q, want %q", strings.Join(got, "|"), want)
	}
	if pos := s.Pos("components", "schemas", "B", "properties", "x"); pos.Line != 17 || pos.Col != 12 {
		t.Errorf("a position moved: %v", pos)
	}

	for _, bad := range []string{
		strings.Replace(doc, "        required:\n        - json\n", "        required:\n        - json\n        other: {type: string}\n", 1),
		strings.Replace(doc, "    A:\n      type: object\n", "    A:\n      type: object\n      required: [json]\n", 1),
	} {
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p, Options{}); err == nil || !strings.Contains(err.Error(), "x.yaml:") {
			t.Errorf("not lifted: want the loader's positioned error, got %v", err)
		}
	}
}
