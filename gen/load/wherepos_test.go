package load

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWherePos: a diagnostic's dotted path is found in the document, keys
// with dots in them included (paths, media types), Swagger 2.0's
// definitions for components.schemas, sequence indexes; what is not there
// stops at the deepest element found.
func TestWherePos(t *testing.T) {
	dir := t.TempDir()
	oas3 := `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /v1.0/pets:
    get:
      parameters:
        - {name: a, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/vnd.api+json:
              schema: {type: object}
`
	swagger := `swagger: "2.0"
info: {title: t, version: "1"}
paths: {}
definitions:
  Pet:
    type: object
    properties:
      tags: {type: array, items: {type: string}, uniqueItems: true}
`
	for _, tc := range []struct {
		doc, where, want string
	}{
		{oas3, "paths./v1.0/pets.get.responses.200.content.application/vnd.api+json.schema", "13:23"},
		{oas3, "paths./v1.0/pets.get.parameters.0", "7:11"},
		{oas3, "paths./v1.0/pets.get.responses.201", "9:9"},
		{oas3, "components.schemas.Nope", ""},
		{swagger, "components.schemas.Pet.properties.tags", "8:13"},
	} {
		p := filepath.Join(dir, "spec.yaml")
		if err := os.WriteFile(p, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(p, Options{})
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		pos, ok := s.WherePos(tc.where)
		if tc.want == "" {
			if ok {
				t.Errorf("WherePos(%s) = %s, want none", tc.where, pos)
			}
			continue
		}
		if got := pos.String(); !ok || got != p+":"+tc.want {
			t.Errorf("WherePos(%s) = %s, %v, want :%s", tc.where, got, ok, tc.want)
		}
	}
}

// TestPosThroughPathItemRef: a path item kept in a file of its own is
// looked into: an operation's element is positioned in that file, not at
// the root file's $ref.
func TestPosThroughPathItemRef(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "openapi.yaml")
	if err := os.MkdirAll(filepath.Join(dir, "paths"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		root: `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    $ref: "./paths/a.yaml"
  /b:
    $ref: "./paths/b.yaml#/item"
`,
		filepath.Join(dir, "paths", "a.yaml"): `get:
  servers:
    - url: https://one.example.com
  responses:
    "204": {description: ok}
`,
		filepath.Join(dir, "paths", "b.yaml"): `item:
  post:
    responses:
      "204": {description: ok}
`,
	} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"paths", "/a", "get", "servers"}, filepath.Join(dir, "paths", "a.yaml") + ":3:5"},
		{[]string{"paths", "/b", "post", "responses", "204"}, filepath.Join(dir, "paths", "b.yaml") + ":4:14"},
		{[]string{"paths", "/a", "put"}, root + ":5:5"},
	} {
		if got := s.Pos(tc.path...).String(); got != tc.want {
			t.Errorf("Pos(%q) = %s, want %s", tc.path, got, tc.want)
		}
	}
}
