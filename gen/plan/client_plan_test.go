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
	m, _ := buildSpec(t, "openapi.yaml", spec)
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

// TestPlanResults: what each operation's method returns, decided from its
// 2xx responses.
func TestPlanResults(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: R, version: "1"}
paths:
  /same:
    get:
      operationId: same
      responses:
        "200": {description: a, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
        "201": {description: b, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
        "204": {description: c, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /differ:
    get:
      operationId: differ
      responses:
        "200": {description: a, content: {application/json: {schema: {type: array, items: {type: string}}}}}
        "2XX": {description: b, content: {text/plain: {schema: {type: string}}}}
  /dflt:
    get:
      operationId: dflt
      responses:
        default: {description: a, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /events:
    get:
      operationId: events
      responses:
        "200": {description: a, content: {text/event-stream: {schema: {type: string}}}}
components:
  schemas:
    Pet: {type: object, properties: {id: {type: integer}}}
`
	m, _ := buildSpec(t, "openapi.yaml", spec)
	ops := map[string]*Operation{}
	for _, o := range m.Operations {
		ops[o.Name] = o
	}
	// One body type for every 2xx that has one; the 204's declared body is
	// dropped with a warning.
	if o := ops["Same"]; o.ResultType != "" || o.Result == nil || o.Result.Body.Named.Name != "Pet" || !o.ResultPointer || o.Successes[2].Kind != BodyNone {
		t.Errorf("Same: result %+v, type %q", o.Result, o.ResultType)
	}
	if !strings.Contains(m.Warnings.Error(), "a 204 response has no body") {
		t.Errorf("no warning about the 204 body: %v", m.Warnings)
	}
	// Different bodies: a result struct, a slice held by value, text by
	// pointer, the range named Status2XX; text asked for in Accept.
	o := ops["Differ"]
	if o.ResultType != "DifferResult" || o.Successes[0].Field != "OK" || o.Successes[0].Pointer ||
		o.Successes[1].Field != "Status2XX" || !o.Successes[1].Pointer || o.Accept != "application/json, text/plain" {
		t.Errorf("Differ: type %q, successes %+v %+v, Accept %q", o.ResultType, o.Successes[0], o.Successes[1], o.Accept)
	}
	// No 2xx documented: default describes them.
	if o := ops["Dflt"]; o.Result == nil || o.Result.Body.Named.Name != "Pet" || len(o.Errors) != 1 {
		t.Errorf("Dflt: result %+v, errors %d", o.Result, len(o.Errors))
	}
	// Server-sent events are a stream, not a string read to the end.
	if o := ops["Events"]; o.Result == nil || o.Result.Kind != BodyBinary || !o.Stream {
		t.Errorf("Events: result %+v, stream %v", o.Result, o.Stream)
	}
}

// TestSecurityWarnings: a scheme the client cannot send is a positioned
// warning, and the requirement using it is dropped, never silently kept.
func TestSecurityWarnings(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: W, version: "1"}
paths:
  /a:
    get:
      security: [{badKey: []}, {undeclared: []}, {ok: [read]}]
      responses: {"204": {description: none}}
  /b:
    get:
      security: [{badKey: []}]
      responses: {"204": {description: none}}
components:
  securitySchemes:
    badKey: {type: apiKey, in: body, name: k}
    ok:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: "https://x/token", scopes: {read: r}}}
`
	dir := t.TempDir()
	path := filepath.Join(dir, "openapi.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(s, Options{Package: "w"})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range m.Warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"components.securitySchemes.badKey: apiKey scheme needs a name and in",
		`paths./a.get.security: requirement using "badKey" dropped`,
		`paths./a.get.security: security scheme "undeclared" is not declared`,
		"paths./b.get.security: GetB: no security requirement can be met",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning containing %q in\n%s", want, all)
		}
	}
	for _, w := range m.Warnings {
		if w.Pos.Line == 0 {
			t.Errorf("warning without a position: %v", w)
		}
	}
	a := m.Operations[0]
	if len(a.Security) != 1 || a.Security[0][0].Scheme.Field != "Ok" || a.Security[0][0].Scopes[0] != "read" ||
		a.Security[0][0].Scheme.TokenURL != "https://x/token" {
		t.Errorf("GetA security = %+v", a.Security)
	}
}
