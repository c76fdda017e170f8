package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validationSpec has a component schema reached from several operations,
// an inline response schema holding a reference, and, per case, one
// problem kin-openapi's validation reports.
const validationSpec = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, schema: {$ref: '#/components/schemas/Thing'}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
  /b:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '200':
          description: ok
          headers:
            X-Count: {schema: {$ref: '#/components/schemas/Count'}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                  INLINE
components:
  schemas:
    Count: {type: integer}
    Thing:
      type: object
      properties:
        id: {type: string}
        COMPONENT
`

func openValidation(t *testing.T, inline, component string) *Spec {
	t.Helper()
	doc := strings.Replace(strings.Replace(validationSpec, "INLINE", inline, 1), "COMPONENT", component, 1)
	p := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(); err != nil {
		t.Fatal(err)
	}
	return s
}

// The view finds what validating the whole document finds: a problem in a
// component schema that operations reference, under components; one in
// an inline schema of a response, under paths.
func TestValidationViewFindsTheSameProblems(t *testing.T) {
	for _, c := range []struct {
		name, inline, component, want string
	}{
		{"valid", "more: {type: string}", "n: {type: integer}", ""},
		{"component", "more: {type: string}", "tags: {type: array}", "invalid components: schema \"Thing\""},
		{"inline", "more: {type: array}", "n: {type: integer}", "invalid paths: invalid path /b: invalid operation POST"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openValidation(t, c.inline, c.component)
			var got []string
			for _, w := range s.Warnings {
				got = append(got, w.Msg)
			}
			all := strings.Join(got, "\n")
			if c.want == "" {
				if all != "" {
					t.Fatalf("warnings %q, want none", all)
				}
				return
			}
			if !strings.Contains(all, c.want) || !strings.Contains(all, "items") {
				t.Fatalf("warnings %q, want %q about the missing items", all, c.want)
			}
			// The problem inside Thing is reported once, where Thing is
			// defined, not again from each operation that reaches it.
			if c.name == "component" && strings.Contains(all, "invalid paths") {
				t.Fatalf("warnings %q: Thing's problem reported under paths too", all)
			}
		})
	}
}

// The view stands in for references to component schemas in paths and
// leaves the document as it was.
func TestValidationViewLeavesTheDocument(t *testing.T) {
	s := openValidation(t, "more: {type: string}", "n: {type: integer}")
	thing := s.Doc.Components.Schemas["Thing"].Value
	view := validationView(s.Doc)
	if view == s.Doc || view.Components != s.Doc.Components {
		t.Fatal("the view is the document, or has other components")
	}
	orig := s.Doc.Paths.Value("/a").Get
	got := view.Paths.Value("/a").Get
	if orig.Responses.Value("200").Value.Content["application/json"].Schema.Value != thing ||
		orig.Parameters[0].Value.Schema.Value != thing {
		t.Fatal("validationView changed the document")
	}
	if s := got.Responses.Value("200").Value.Content["application/json"].Schema; s.Value == thing || s.Ref != "#/components/schemas/Thing" {
		t.Fatalf("the view's response schema is %+v, want the reference to an empty schema", s)
	}
	if got.Parameters[0].Value.Schema.Value == thing {
		t.Fatal("the view's parameter still reaches Thing")
	}
	post := view.Paths.Value("/b").Post
	inline := post.Responses.Value("200").Value.Content["application/json"].Schema.Value
	if inline.Properties["data"].Value.Items.Value == thing || inline.Properties["more"] == nil {
		t.Fatal("the view's inline schema still reaches Thing, or lost a property")
	}
	if post.RequestBody.Value.Content["application/json"].Schema.Value == thing {
		t.Fatal("the view's request body still reaches Thing")
	}
	if h := post.Responses.Value("200").Value.Headers["X-Count"].Value.Schema.Value; h == s.Doc.Components.Schemas["Count"].Value {
		t.Fatal("the view's header still reaches Count")
	}
	if s.Doc.Paths.Value("/b").Post.Responses.Value("200").Value.Content["application/json"].Schema.Value.Properties["data"].Value.Items.Value != thing {
		t.Fatal("validationView changed the document's inline schema")
	}
}
