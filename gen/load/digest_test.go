package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const digestBase = `openapi: 3.0.3
info: {title: Pets, version: "1.0"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: {$ref: "schemas.yaml#/Pet"}
`

// TestDigestMeansValues: comments, whitespace, quoting, flow or block
// style and JSON for YAML leave the digest alone; a changed value, key
// order or a $ref'd file's edit changes it; the quick digest is the
// loader's.
func TestDigestMeansValues(t *testing.T) {
	dir := t.TempDir()
	put := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const pet = "Pet:\n  type: object\n  properties:\n    name: {type: string}\n    age: {type: integer}\n"
	digest := func(root, schemas string) string {
		t.Helper()
		put("openapi.yaml", root)
		put("schemas.yaml", schemas)
		d, err := Digest(filepath.Join(dir, "openapi.yaml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := Load(filepath.Join(dir, "openapi.yaml"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Digest != d || len(s.Files) != 2 {
			t.Fatalf("loader digest %s over %q, quick %s", s.Digest, s.Files, d)
		}
		return d
	}
	base := digest(digestBase, pet)
	same := map[string][2]string{
		"comment":               {"# Our pets.\n" + digestBase, pet},
		"whitespace":            {strings.ReplaceAll(digestBase, "{title: Pets", "{ title:   Pets") + "\n\n", pet},
		"quoting":               {strings.Replace(digestBase, `version: "1.0"`, `version: '1.0'`, 1), pet},
		"block style":           {strings.Replace(digestBase, `info: {title: Pets, version: "1.0"}`, "info:\n  title: Pets\n  version: \"1.0\"", 1), pet},
		"$ref'd file":           {digestBase, "# a comment\n" + pet},
		"quoted string":         {strings.Replace(digestBase, "description: the pets", `description: "the pets"`, 1), pet},
		"a ref in an extension": {digestBase + "x-vendor:\n  $ref: other.yaml\n", pet},
	}
	for name, tc := range same {
		if d := digest(tc[0], tc[1]); d == base && name == "a ref in an extension" {
			t.Errorf("%s: digest unchanged, but the extension's value changed", name)
		} else if d != base && name != "a ref in an extension" {
			t.Errorf("%s: digest changed", name)
		}
	}
	different := map[string][2]string{
		"number for string": {digestBase + "x-level: 1\n", pet},
		"description":       {strings.Replace(digestBase, "the pets", "all pets", 1), pet},
		"string for number": {digestBase + "x-level: \"1\"\n", pet},
		"key order":         {digestBase, "Pet:\n  type: object\n  properties:\n    age: {type: integer}\n    name: {type: string}\n"},
		"$ref'd file":       {digestBase, strings.Replace(pet, "integer", "number", 1)},
	}
	for name, tc := range different {
		if digest(tc[0], tc[1]) == base {
			t.Errorf("%s: digest unchanged", name)
		}
	}
	if digest(digestBase+"x-level: \"1\"\n", pet) == digest(digestBase+"x-level: 1\n", pet) {
		t.Error(`"1" and 1 digest alike`)
	}
}

// TestRefsInExtensionsAreNotFollowed: a $ref inside an x- extension is the
// vendor's business (here it names no file at all); one under a property
// or header the author named x-… is a real one.
func TestRefsInExtensionsAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	doc := `openapi: 3.0.3
info: {title: t, version: "1"}
x-codegen: {$ref: "missing.yaml"}
paths:
  /a:
    get:
      x-internal: {$ref: "missing.yaml#/X"}
      responses:
        x-vendor: {$ref: "missing.yaml"}
        "200":
          description: ok
          headers:
            x-rate-limit: {$ref: "#/components/headers/RateLimit"}
components:
  headers:
    RateLimit: {schema: {type: integer}}
  schemas:
    A:
      type: object
      x-go: {$ref: "missing.yaml"}
      properties:
        x-id: {$ref: "#/components/schemas/B"}
    B: {type: string}
`
	p := filepath.Join(dir, "openapi.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(s.Files) != 1 {
		t.Errorf("files read: %q", s.Files)
	}
	if _, err := Digest(p, Options{}); err != nil {
		t.Errorf("Digest: %v", err)
	}
	// A dangling ref outside an extension is still an error.
	bad := strings.Replace(doc, `x-id: {$ref: "#/components/schemas/B"}`, `x-id: {$ref: "#/components/schemas/C"}`, 1)
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, Options{}); err == nil || !strings.Contains(err.Error(), "schemas/C") {
		t.Errorf("Load of a dangling property ref = %v", err)
	}
}

// TestRefsInLiteralsAreNotFollowed: "$ref" inside an example, a default, an
// enum or a const is a member of a JSON value (SCIM payloads, as in
// GitHub's spec, have one), not a reference; one under a property, a
// parameter or a response named like those keywords is a real reference.
func TestRefsInLiteralsAreNotFollowed(t *testing.T) {
	dir := t.TempDir()
	doc := `openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters:
        - name: q
          in: query
          schema: {type: object}
          example: {$ref: "https://example.com/users/1"}
          examples:
            one: {value: {members: [{$ref: "https://example.com/users/2"}]}}
            two: {$ref: "#/components/examples/Group"}
      responses:
        default: {$ref: "#/components/responses/Err"}
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/A"}
              example: {$ref: "missing.yaml"}
components:
  examples:
    Group: {value: {$ref: "https://example.com/groups/1"}}
  responses:
    Err: {description: error}
  schemas:
    A:
      type: object
      default: {$ref: "https://example.com/a"}
      examples: [{$ref: "missing.yaml#/X"}]
      enum: [{$ref: "https://example.com/e"}]
      properties:
        example: {$ref: "#/components/schemas/B"}
        default: {$ref: "#/components/schemas/B"}
        const: {const: {$ref: "https://example.com/c"}}
    B: {type: string}
`
	p := filepath.Join(dir, "openapi.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(s.Files) != 1 {
		t.Errorf("files read: %q", s.Files)
	}
	if _, err := Digest(p, Options{}); err != nil {
		t.Errorf("Digest: %v", err)
	}
	for _, bad := range []struct{ from, to string }{
		{`example: {$ref: "#/components/schemas/B"}`, `example: {$ref: "#/components/schemas/C"}`},
		{`default: {$ref: "#/components/responses/Err"}`, `default: {$ref: "#/components/responses/Nope"}`},
		{`two: {$ref: "#/components/examples/Group"}`, `two: {$ref: "https://example.com/g"}`},
	} {
		text := strings.Replace(doc, bad.from, bad.to, 1)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p, Options{}); err == nil {
			t.Errorf("Load with %s: no error", bad.to)
		}
	}
}

func TestInLiteral(t *testing.T) {
	for _, c := range []struct {
		path string
		want bool
	}{
		{"components.schemas.A.example", true},
		{"components.schemas.A.properties.example", false},
		{"components.schemas.example", false},
		{"paths./a.get.responses.default", false},
		{"paths./a.get.responses.200.examples.application/json.members.0", true}, // Swagger 2.0
		{"paths./a.get.responses.200.content.application/json.examples.one", false},
		{"paths./a.get.responses.200.content.application/json.examples.one.value", true},
		{"components.examples.value.value", true},
		{"components.schemas.A.examples.0", true},
		{"components.schemas.A.properties.examples.properties.value", false},
		{"components.schemas.A.enum.0", true},
		{"components.schemas.A.properties.enum.items", false},
		{"paths./a.get.responses.200.content.application/json.examples.1", false},
		{"components.examples.1", false},
		{"components.schemas.A.properties.p.examples.0", true},
		{"components.schemas.A.properties.responses.default", true},
		{"paths./a.get.responses.default.content", false},
	} {
		if got := inLiteral(strings.Split(c.path, ".")); got != c.want {
			t.Errorf("inLiteral(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}
