package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/load"
)

func TestAPIKeyEnv(t *testing.T) {
	for _, c := range []struct{ title, pkg, want string }{
		{"StackOne", "stackone", "STACKONE_API_KEY"},
		{"Swagger Petstore - OpenAPI 3.0", "pet", "SWAGGER_PETSTORE_OPENAPI_3_0_API_KEY"},
		{"", "api", "API_API_KEY"},
		{"42 things", "things", "THINGS_API_KEY"},
		{"Café API", "cafe", "CAF_API_API_KEY"},
	} {
		if got := apiKeyEnv(c.title, c.pkg); got != c.want {
			t.Errorf("apiKeyEnv(%q, %q) = %q, want %q", c.title, c.pkg, got, c.want)
		}
	}
}

func TestResolveServer(t *testing.T) {
	sv := &openapi3.Server{URL: "https://{region}.example.com/{version}", Variables: map[string]*openapi3.ServerVariable{
		"region": {Default: "eu"}, "version": {Default: "v2"}}}
	if got := resolveServer(sv); got != "https://eu.example.com/v2" {
		t.Errorf("resolveServer = %q", got)
	}
}

func TestPlanArgs(t *testing.T) {
	ps := []*Param{
		{GoName: "PetID", In: "path"}, {GoName: "Type", In: "path"}, {GoName: "Body", In: "path"},
		{GoName: "ID", In: "path"}, {GoName: "ID", In: "path"}, {GoName: "URLPath", In: "path"},
		{GoName: "Params", In: "path"}, {GoName: "Limit", In: "query"}, {GoName: "XTrace", In: "header"},
	}
	planArgs(ps, "api")
	// Query and header parameters are fields of the Args struct, not
	// method arguments.
	want := []string{"petID", "typeParam", "bodyParam", "id", "idPath2", "urlPath", "paramsParam", "", ""}
	for i, p := range ps {
		if p.Arg != want[i] {
			t.Errorf("param %d (%s): Arg = %q, want %q", i, p.GoName, p.Arg, want[i])
		}
	}
}

// TestArgsNameCollision: an operation's Args struct, a name the generator
// invents, yields to a schema of the same name, with a warning; a component
// parameter of that name (oapi-codegen's, in the raw package) takes nothing.
func TestArgsNameCollision(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: C, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: "#/components/parameters/ListPetsArgs"
        - {name: X-Trace, in: header, required: true, schema: {type: string}}
      responses:
        "204": {description: ok}
components:
  parameters:
    ListPetsArgs: {name: limit, in: query, schema: {type: integer}}
  schemas:
    ListPetsArgs: {type: string}
`
	path := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	o := m.Operations[0]
	if o.Args == nil || o.Args.Name != "ListPetsArgs2" {
		t.Fatalf("Args = %+v, want ListPetsArgs2", o.Args)
	}
	if f := o.Params[1].Field; f == nil || f.Name != "XTrace" || f.Wrap != Plain || o.Params[1].Arg != "" {
		t.Errorf("header param: field %+v, arg %q", f, o.Params[1].Arg)
	}
	if f := o.Params[0].Field; f == nil || f.Wrap != Optional {
		t.Errorf("query param: field %+v", f)
	}
	if !strings.Contains(m.Warnings.Error(), "ListPetsArgs is already used") {
		t.Errorf("no warning about the Args name: %v", m.Warnings)
	}
}
