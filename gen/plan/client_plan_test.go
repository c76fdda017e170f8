package plan

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
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
	planArgs(ps)
	// Query and header parameters are fields of the Args struct, not
	// method arguments.
	want := []string{"petID", "typeParam", "bodyParam", "id", "idPath2", "urlPath", "paramsParam", "", ""}
	for i, p := range ps {
		if p.Arg != want[i] {
			t.Errorf("param %d (%s): Arg = %q, want %q", i, p.GoName, p.Arg, want[i])
		}
	}
}
