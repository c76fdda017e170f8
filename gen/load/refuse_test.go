package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRefusedDocuments: what is refused on purpose is refused with a
// positioned error that says why.
func TestRefusedDocuments(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"fragment", "components:\n  schemas:\n    A: {type: string}\n",
			"x.yaml:1:1: not an OpenAPI document: no `openapi` or `swagger` field at the top level (a fragment"},
		{"misspelled key", "info: {title: t, version: '1'}\neopenapi: 3.0.0\npaths: {}\n",
			"x.yaml:2:1: not an OpenAPI document: no `openapi` or `swagger` field at the top level (is \"eopenapi\" a misspelling of `openapi`?)"},
		{"remote ref", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'https://example.com/a.json#/A'}\n",
			"x.yaml:6:15: components.schemas.A: remote $ref \"https://example.com/a.json#/A\" refused: remote references are off"},
		{"request body as a response", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    put:\n      responses:\n        '200': {$ref: '#/components/requestBodies/B'}\ncomponents:\n  requestBodies:\n    B:\n      content:\n        application/json: {schema: {type: string}}\n",
			"x.yaml:7:23: paths./a.put.responses.200: $ref \"#/components/requestBodies/B\" names a request body where a response belongs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.yaml")
			if err := os.WriteFile(p, []byte(tt.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p, Options{})
			if err == nil {
				t.Fatal("Load succeeded")
			}
			msg := strings.ReplaceAll(err.Error(), filepath.Dir(p)+string(filepath.Separator), "")
			if !strings.Contains(msg, tt.want) {
				t.Fatalf("error\n%s\nwant it to contain\n%s", msg, tt.want)
			}
		})
	}
}

// TestResponseNotAnObject: a response with no object (`200:` and nothing)
// is refused at its position, in OpenAPI 3 and Swagger 2.0 alike; a
// property called responses is not a map of responses.
func TestResponseNotAnObject(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ doc, want string }{
		"oas3": {"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        200:\n        404: nope\n",
			"x.yaml:7:13: paths./a.get.responses.200: a response must be an object (a Response Object or a $ref), not empty\nx.yaml:8:14: paths./a.get.responses.404: a response must be an object (a Response Object or a $ref), not \"nope\""},
		"swagger": {"swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        200: []\n",
			"x.yaml:7:14: paths./a.get.responses.200: a response must be an object (a Response Object or a $ref), not a sequence"},
	} {
		p := filepath.Join(dir, "x.yaml")
		if err := os.WriteFile(p, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p, Options{})
		if err == nil || strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "") != tc.want {
			t.Errorf("%s: Load error\n%v\nwant\n%s", name, err, tc.want)
		}
	}
	ok := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        responses:\n          type: object\n          properties: {n: {type: integer}}\n"
	p := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(p, []byte(ok), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, Options{}); err != nil {
		t.Errorf("a property called responses: %v", err)
	}
}

// TestSwaggerTuple: go-swagger's tuples (items: [...]) are refused at the
// array, saying why.
func TestSwaggerTuple(t *testing.T) {
	dir := t.TempDir()
	doc := "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  Pair:\n    type: array\n    items:\n      - type: string\n      - type: integer\n"
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p, Options{})
	want := "x.yaml:8:7: reading Swagger 2.0 document: a schema must be an object, not an array (Swagger 2.0 has no tuples: items is one schema)"
	if err == nil || strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "") != want {
		t.Errorf("Load error\n%v\nwant\n%s", err, want)
	}
}

// TestBareNameRefHint: a $ref that is a bare definition name (Swagger
// 1.2's form) names a file that is not there; the error says which local
// reference it probably meant.
func TestBareNameRefHint(t *testing.T) {
	dir := t.TempDir()
	doc := "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  pet: {type: object}\n  newPet:\n    allOf:\n      - $ref: pet\n"
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p, Options{})
	if err == nil || !strings.Contains(err.Error(), `x.yaml:8:15: definitions.newPet.allOf.0: $ref "pet": `) || !strings.HasSuffix(err.Error(), `(did you mean "#/definitions/pet"?)`) {
		t.Errorf("Load error: %v", err)
	}
}

// TestSwaggerPathsExtension: Swagger 2.0 allows extensions among the
// paths (kin-openapi's reader took them for path items and refused the
// document); they are left out, and the paths are read.
func TestSwaggerPathsExtension(t *testing.T) {
	dir := t.TempDir()
	doc := "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  x-minty: fresh\n  /pets:\n    x-potato: man\n    get:\n      responses:\n        '200': {description: ok}\n"
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if s.Doc.Paths.Value("/pets") == nil || s.Doc.Paths.Len() != 1 {
		t.Errorf("paths: %v", s.Doc.Paths.InMatchingOrder())
	}
	if _, ok := lookupPath(s.nodes[filepath.Clean(p)], []string{"paths", "x-minty"}); !ok {
		t.Error("the parsed tree lost the extension (positions are read from it)")
	}
}

// TestKinErrorsPositioned: kin-openapi's loading errors that quote nothing
// of the document are positioned by the pointer they name, or by the
// construct they describe.
func TestKinErrorsPositioned(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ doc, want string }{
		"sequence for a schema": {"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Two:\n      type: object\n      properties:\n        anyOf:\n          - {type: string}\n", "x.yaml:10:11: "},
		"schema and content":    {"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          schema: {type: string}\n          content: {application/json: {schema: {type: string}}}\n      responses: {'200': {description: ok}}\n", "x.yaml:7:11: cannot contain both schema and content in a parameter"},
	} {
		p := filepath.Join(dir, "x.yaml")
		if err := os.WriteFile(p, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p, Options{})
		if err == nil || !strings.HasPrefix(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""), tc.want) {
			t.Errorf("%s: Load error %v, want it to start %q", name, err, tc.want)
		}
	}
}

// TestResponsesNamedLikeKeywords: "responses" as a property name, in
// dependentRequired, or with a YAML merge key is no map of responses to
// refuse.
func TestResponsesNamedLikeKeywords(t *testing.T) {
	dir := t.TempDir()
	doc := `openapi: 3.1.0
info: {title: t, version: '1'}
x-common: &common
  '404': {description: missing}
paths:
  /a:
    get:
      responses:
        <<: *common
        '200': {description: ok}
components:
  schemas:
    A:
      type: object
      properties:
        responses: {type: integer}
        total: {type: integer}
      dependentRequired:
        responses: [total]
`
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, Options{}); err != nil && strings.Contains(err.Error(), "a response must be an object") {
		t.Errorf("Load: %v", err)
	}
}
