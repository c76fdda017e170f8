package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/load"
)

// TestSDKWarnings: what the SDK features cannot honour is a positioned
// warning naming what happens instead.
func TestSDKWarnings(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
servers:
  - url: https://a.example.com
x-speakeasy-globals:
  parameters:
    - {name: tenant, in: path}
    - {name: unused, in: header}
    - {name: filter, in: query}
    - {name: x-account, in: header}
    - {name: sess, in: cookie}
paths:
  /t/{tenant}:
    get:
      operationId: get
      servers:
        - url: https://one.example.com
        - url: https://two.example.com
      parameters:
        - {name: tenant, in: path, required: true, schema: {type: string}}
        - {name: filter, in: query, schema: {type: object, properties: {a: {type: string}}}}
        - {name: x-account, in: header, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          headers:
            X-Page:
              schema: {type: object, properties: {next: {type: string}}}
            X-Count:
              schema: {type: integer, format: int32}
  /u:
    get:
      operationId: other
      parameters:
        - {name: x-account, in: header, schema: {type: integer}}
      responses:
        '204': {description: ok}
`)
	for _, want := range []string{
		`openapi.yaml:11:7: warning: x-speakeasy-globals.parameters.4: global parameter "sess" is in cookie; only path, query and header parameters can be set on the client`,
		`openapi.yaml:8:7: warning: x-speakeasy-globals.parameters.1: global parameter "unused" is used by no operation (same name and location); it is not generated`,
		`openapi.yaml:9:7: warning: x-speakeasy-globals.parameters.2: global parameter "filter" is not a string, number, boolean or enum`,
		`paths./u.get.parameters.x-account: parameter "x-account" has another type than the global parameter of that name (String); the client's value is not used for it`,
		`openapi.yaml:17:9: warning: paths./t/{tenant}.get.servers: Get lists 2 servers; the client calls the first (Options.ServerURL replaces it)`,
		`paths./t/{tenant}.get.responses.200.headers.X-Page: response header X-Page: only strings, numbers, booleans, date-times and lists of them are decoded; it is kept as text`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack\n  %s\ngot\n%s", want, warnings)
		}
	}
	if len(m.SDK.Globals) != 2 || m.SDK.Globals[0].Field != "Tenant" || m.SDK.Globals[1].Field != "XAccount" || m.SDK.Globals[1].Uses != 1 {
		t.Errorf("globals = %+v", m.SDK.Globals)
	}
	get := m.Operations[0]
	// The global path parameter is a field of Args, not a method argument.
	if tenant := get.Params[0]; tenant.MethodArg() || tenant.Field == nil || tenant.Field.Wrap != Optional || tenant.Global != m.SDK.Globals[0] {
		t.Errorf("tenant = %+v", tenant)
	}
	if get.Name != "Get" || get.ResponseHeaders == nil || len(get.ResponseHeaders.Fields) != 2 {
		t.Fatalf("Get's response headers = %+v", get.ResponseHeaders)
	}
	if f := get.ResponseHeaders.Fields[0]; f.Header != "X-Count" || f.Scalar != Int32 {
		t.Errorf("X-Count = %+v", f)
	}
	if !m.SDK.ServerChoice || get.Servers == nil || get.Servers.Servers[0].URL != "https://one.example.com" {
		t.Errorf("servers: choice %v, Get's %+v", m.SDK.ServerChoice, get.Servers)
	}
}

// TestNoServerChoice: one server without variables and no operation's own
// servers keep NewAPIClient's plain ServerURL-or-default.
func TestNoServerChoice(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
servers:
  - url: https://a.example.com
paths:
  /x:
    get:
      responses:
        '204': {description: ok}
`)
	if m.SDK.ServerChoice || len(m.SDK.ServerVars) != 0 || len(m.SDK.Globals) != 0 {
		t.Errorf("SDK = %+v", m.SDK)
	}
}

// TestIgnoreAndNameOverride: x-speakeasy-ignore leaves an operation or a
// property out with a warning (which the manifest keeps), and
// x-speakeasy-name-override names schemas, properties, parameters and
// operations; x-speakeasy-group nests by dots.
func TestIgnoreAndNameOverride(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      x-speakeasy-group: one.two
      x-speakeasy-name-override: fetch
      parameters:
        - {name: q, in: query, x-speakeasy-name-override: query, schema: {type: string}}
      responses:
        '204': {description: ok}
    post:
      operationId: postA
      x-speakeasy-ignore: true
      responses:
        '204': {description: ok}
components:
  schemas:
    thing_v2:
      x-speakeasy-name-override: Thing
      type: object
      properties:
        keep: {type: string, x-speakeasy-name-override: Kept}
        drop: {type: string, x-speakeasy-ignore: true}
`)
	for _, want := range []string{
		`openapi.yaml:15:27: warning: paths./a.post: x-speakeasy-ignore: operation POST /a is left out of the client`,
		`warning: components.schemas.thing_v2.properties.drop: x-speakeasy-ignore: property "drop" is left out of Thing`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack\n  %s\ngot\n%s", want, warnings)
		}
	}
	if len(m.Operations) != 1 {
		t.Fatalf("operations = %d, want 1 (postA ignored)", len(m.Operations))
	}
	o := m.Operations[0]
	if o.Name != "Fetch" || o.Selector() != "One.Two.Fetch" || o.Group.Type != "OneTwoClient" || o.Group.Parent.Type != "OneClient" {
		t.Errorf("operation %s reached as %s", o.Name, o.Selector())
	}
	if f := o.Args.Fields[0]; f.Name != "Query" || f.JSONName != "q" {
		t.Errorf("parameter field = %s (%s)", f.Name, f.JSONName)
	}
	var thing *Type
	for _, ty := range m.Types {
		if ty.SchemaName == "thing_v2" {
			thing = ty
		}
	}
	if thing == nil || thing.Name != "Thing" || len(thing.Fields) != 1 || thing.Fields[0].Name != "Kept" {
		t.Errorf("thing_v2 = %+v", thing)
	}
}

// TestGroupByTags: with the config's groups: tags, an operation without
// x-speakeasy-group goes into the sub-client of its first tag; without
// it, tags make no groups.
func TestGroupByTags(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets, animals]
      responses:
        '204': {description: ok}
  /stores:
    get:
      operationId: listStores
      tags: [shop.stores]
      x-speakeasy-group: stores
      responses:
        '204': {description: ok}
  /health:
    get:
      operationId: health
      responses:
        '204': {description: ok}
`
	path := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, byTags := range []bool{false, true} {
		m, err := Build(s, Options{Package: "p", GroupByTags: byTags})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range m.Operations {
			got = append(got, o.Selector())
		}
		want := "Health ListPets Stores.ListStores"
		if byTags {
			want = "Health Pets.ListPets Stores.ListStores"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("GroupByTags %v: %q, want %s", byTags, got, want)
		}
	}
}

// TestSDKTypeNamesRenamedWarn: an <Op>ResponseHeaders or a group's client
// type whose name a schema holds takes a numeric suffix, and says so where
// the spec asks for it.
func TestSDKTypeNamesRenamedWarn(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      x-speakeasy-group: accounts
      responses:
        '200':
          description: ok
          headers:
            X-Count: {schema: {type: integer}}
components:
  schemas:
    GetAResponseHeaders: {type: string}
    AccountsClient: {type: string}
`)
	for _, want := range []string{
		`openapi.yaml:9:9: warning: paths./a.get.responses: type name GetAResponseHeaders is already used; the response headers of GetA are GetAResponseHeaders2`,
		`openapi.yaml:7:26: warning: paths./a.get.x-speakeasy-group: type name AccountsClient is already used; the client of group "accounts" is AccountsClient2`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack\n  %s\ngot\n%s", want, warnings)
		}
	}
	if o := m.Operations[0]; o.ResponseHeaders == nil || o.ResponseHeaders.Name != "GetAResponseHeaders2" || o.Group == nil || o.Group.Type != "AccountsClient2" {
		t.Errorf("names: %+v, %+v", o.ResponseHeaders, o.Group)
	}
}
