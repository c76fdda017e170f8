package plan

import (
	"strings"
	"testing"
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
		`openapi.yaml:7:7: warning: x-speakeasy-globals.parameters.0: global parameter "tenant" is in path; only query and header parameters can be set on the client`,
		`openapi.yaml:8:7: warning: x-speakeasy-globals.parameters.1: global parameter "unused" is used by no operation (same name and location); it is not generated`,
		`openapi.yaml:9:7: warning: x-speakeasy-globals.parameters.2: global parameter "filter" is not a string, number, boolean or enum`,
		`paths./u.get.parameters.x-account: parameter "x-account" has another type than the global parameter of that name (String); the client's value is not used for it`,
		`openapi.yaml:16:9: warning: paths./t/{tenant}.get.servers: Get lists 2 servers; the client calls the first (Options.ServerURL replaces it)`,
		`paths./t/{tenant}.get.responses.200.headers.X-Page: response header X-Page: only strings, numbers, booleans, date-times and lists of them are decoded; it is kept as text`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack\n  %s\ngot\n%s", want, warnings)
		}
	}
	if len(m.SDK.Globals) != 1 || m.SDK.Globals[0].Field != "XAccount" || m.SDK.Globals[0].Uses != 1 {
		t.Errorf("globals = %+v", m.SDK.Globals)
	}
	get := m.Operations[0]
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
