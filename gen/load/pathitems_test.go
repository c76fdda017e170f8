package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComponentsPathItems: OpenAPI 3.1's components.pathItems is no
// validation finding, and does not hide one elsewhere in components.
func TestComponentsPathItems(t *testing.T) {
	doc := `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /foo: {$ref: "#/components/pathItems/Foo"}
components:
  pathItems:
    Foo:
      get:
        responses: {"200": {description: ok}}
  schemas:
    Bad: {type: strin}
`
	p := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if s.Doc.Paths.Value("/foo") == nil || s.Doc.Paths.Value("/foo").Get == nil {
		t.Error("the path item's $ref was not resolved")
	}
	var all []string
	found := false
	for _, w := range s.Warnings {
		all = append(all, w.Msg)
		if strings.Contains(w.Msg, "pathItems") {
			t.Errorf("warning about pathItems: %v", w)
		}
		found = found || strings.Contains(w.Msg, `"strin"`)
	}
	if !found {
		t.Errorf("the bad schema type is not reported:\n%s", strings.Join(all, "\n"))
	}
}
