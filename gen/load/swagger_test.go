package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formData arrays get the encoding their collectionFormat means in the
// urlencoded body openapi2conv makes (it writes none, so every format went
// exploded); a multipart body's items are parts of their own, warned of.
func TestSwaggerFormFieldCollectionFormats(t *testing.T) {
	const doc = `swagger: "2.0"
info: {title: t, version: "1"}
parameters:
  shared: {name: shared, in: formData, type: array, items: {type: string}, collectionFormat: pipes}
paths:
  /form:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: ids, in: formData, type: array, items: {type: integer}}
        - {name: scopes, in: formData, type: array, items: {type: string}, collectionFormat: ssv}
        - {name: all, in: formData, type: array, items: {type: string}, collectionFormat: multi}
        - {name: tabs, in: formData, type: array, items: {type: string}, collectionFormat: tsv}
        - {name: one, in: formData, type: string}
        - $ref: '#/parameters/shared'
      responses: {"204": {description: ok}}
  /upload:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: tags, in: formData, type: array, items: {type: string}}
        - {name: many, in: formData, type: array, items: {type: string}, collectionFormat: multi}
      responses: {"204": {description: ok}}
`
	p := filepath.Join(t.TempDir(), "swagger.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mt := s.Doc.Paths.Value("/form").Post.RequestBody.Value.Content["application/x-www-form-urlencoded"]
	want := map[string]string{"ids": "form false", "scopes": "spaceDelimited false", "tabs": "form false", "shared": "pipeDelimited false"}
	got := map[string]string{}
	for name, e := range mt.Encoding {
		got[name] = e.Style + " " + map[bool]string{true: "true", false: "false"}[e.Explode != nil && *e.Explode]
	}
	if len(got) != len(want) {
		t.Errorf("encodings %v, want %v", got, want)
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: encoding %q, want %q", name, got[name], w)
		}
	}
	var warned []string
	for _, w := range s.Warnings {
		warned = append(warned, w.Where+": "+w.Msg)
	}
	all := strings.Join(warned, "\n")
	for _, w := range []string{
		"paths./form.post.parameters.tabs: collectionFormat tsv of form field tabs has no OpenAPI 3 style",
		"paths./upload.post.parameters.tags: form field tags (collectionFormat csv) is sent in a multipart body one part per item",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings\n%s\nsay nothing like %q", all, w)
		}
	}
	if strings.Contains(all, "many") {
		t.Errorf("a multi field in a multipart body is warned of:\n%s", all)
	}
}
