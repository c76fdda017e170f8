package emit_test

import (
	"go/format"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/emit"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/internal/shared"
)

// emitClient emits the package for spec, as if its import path were
// example.com/<pkg> (which only raw/client.gen.go names).
func emitClient(t *testing.T, spec, pkg string) []emit.File {
	t.Helper()
	return emitClientAt(t, spec, pkg, "example.com/"+pkg)
}

func emitClientAt(t *testing.T, spec, pkg, importPath string) []emit.File {
	t.Helper()
	s, err := load.Load(spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := plan.Build(s, plan.Options{Package: pkg, SpecPath: "openapi.yaml", Toolchain: "v0.0.0-test", ImportPath: importPath, Client: true, RawClient: true})
	if err != nil {
		t.Fatal(err)
	}
	files, err := emit.All(m, emit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// find returns the file named name, gofmt-formatted as the write stage
// leaves it (emit renders unformatted).
func find(files []emit.File, name string) []byte {
	for _, f := range files {
		if f.Path == name {
			if out, err := format.Source(f.Content); err == nil {
				return out
			}
			return f.Content
		}
	}
	return nil
}

// TestClientRetriesOnlyWhereAllowed: an operation without
// x-speakeasy-retries gets no retry policy; one with it gets exactly the
// spec's.
func TestClientRetriesOnlyWhereAllowed(t *testing.T) {
	t.Run("petstore", func(t *testing.T) {
		spec := shared.Path(t, "specs/petstore-3.0.yaml")
		pet := string(find(emitClient(t, spec, "petstore"), "api.gen.go"))
		if !strings.Contains(pet, "func (c *APIClient) ListPets(") || strings.Contains(pet, "Retry:") {
			t.Errorf("petstore declares no retries, but its client has a retry policy")
		}
	})
	so := string(find(emitClient(t, "../../spec/connect_session.yaml", "stackone"), "api.gen.go"))
	for _, want := range []string{"StatusCodes:      []int{408, 429}", "InitialInterval:  500 * time.Millisecond", "Exponent:         1.5", "ConnectionErrors: true"} {
		if strings.Count(so, want) != 2 {
			t.Errorf("stackone client: %q not in both operations' policies", want)
		}
	}
	if !strings.Contains(so, `const EnvAPIKey = "STACKONE_API_KEY"`) || !strings.Contains(so, `"stackone/1.0.0 oasgen/v0.0.0-test"`) {
		t.Errorf("stackone client lacks EnvAPIKey or the toolchain's User-Agent")
	}
}

// TestRawClientIsSecondary: oapi-codegen's client is package raw, under its
// own names, importing the model package for the types; the model package
// declares none of its identifiers, so APIClient is its only client.
func TestRawClientIsSecondary(t *testing.T) {
	files := emitClient(t, "../../testdata/client/params/openapi.yaml", "params")
	raw := string(find(files, "raw/client.gen.go"))
	for _, want := range []string{"package raw\n", `model "example.com/params"` /* params is a local of its functions */, "type Client struct",
		"func NewClient(server string, opts ...ClientOption) (*Client, error)", "func NewClientWithResponses("} {
		if !strings.Contains(raw, want) {
			t.Errorf("raw/client.gen.go lacks %q", want)
		}
	}
	if find(files, "client.gen.go") != nil {
		t.Error("client.gen.go is still emitted into the model package")
	}
	for _, f := range files {
		if strings.Contains(f.Path, "/") {
			continue
		}
		for _, gone := range []string{"type Client struct", "func NewClient(", "Params struct", "func Parse"} {
			if strings.Contains(string(f.Content), gone) {
				t.Errorf("%s has %q", f.Path, gone)
			}
		}
	}
}
