package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNullTypeEntry: in OpenAPI 3.1, `type: [string, null]` with null
// unquoted is YAML's null, which kin-openapi keeps as ""; it is read as
// JSON Schema's "null", with a positioned warning. OpenAPI 3.0 has no type
// lists, and is left to its validation.
func TestNullTypeEntry(t *testing.T) {
	doc := `openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        s: {type: [string, null]}
        n:
          type:
            - integer
            - ~
            - "null"
        q: {type: [string, "null"]}
  requestBodies:
    B:
      content:
        application/json:
          schema: {type: [integer, null]}
webhooks:
  w:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                s: {type: [string, null]}
      responses: {"200": {description: ok}}
`
	p := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	props := s.Doc.Components.Schemas["A"].Value.Properties
	for name, want := range map[string][]string{"s": {"string", "null"}, "n": {"integer", "null"}, "q": {"string", "null"}} {
		if got := []string(*props[name].Value.Type); !slices.Equal(got, want) {
			t.Errorf("%s: type %q, want %q", name, got, want)
		}
	}
	if got := []string(*s.Doc.Components.RequestBodies["B"].Value.Content["application/json"].Schema.Value.Type); !slices.Equal(got, []string{"integer", "null"}) {
		t.Errorf("request body: type %q", got)
	}
	wh := s.Doc.Webhooks["w"].Post.RequestBody.Value.Content["application/json"].Schema.Value.Properties["s"].Value
	if got := []string(*wh.Type); !slices.Equal(got, []string{"string", "null"}) {
		t.Errorf("webhook: type %q", got)
	}
	var got []string
	for _, w := range s.Warnings {
		if strings.Contains(w.Msg, "unquoted null") {
			got = append(got, w.Pos.String())
		}
		if strings.Contains(w.Msg, "unsupported 'type'") {
			t.Errorf("validation still refuses the type: %v", w)
		}
	}
	want := []string{p + ":9:19", p + ":12:13", p + ":20:26", p + ":30:27"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
