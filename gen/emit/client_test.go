package emit_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/emit"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/internal/npmtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/client")

// clientCases are specs other than the built-in one whose client must
// compile; golden ones also pin the emitted client byte for byte.
var clientCases = []struct {
	name, spec string
	golden     bool
}{
	{"petstore", "../../../shared/specs/petstore-3.0.yaml", true},
	{"swaggerpetstore", "../../../shared/specs/swagger-petstore-v3.yaml", false},
	{"twiliooauth", "../../../shared/specs/twilio-oauth-v2.yaml", false},
	{"petstoreexpanded", "../../../shared/specs/petstore-expanded-3.0.yaml", true},
	{"spotify", "../../../shared/specs/spotify-web-api-fixed.yml", false},
	{"stackonecore", "../../../shared/specs/stackone/stackone-core_2025-03-05_stackone-ai-node_076766c.json", false},
	// Every kind of parameter and result; its behaviour_test.go.txt runs
	// against the generated package.
	{"params", "testdata/client/params/openapi.yaml", true},
	// Bodies other than one JSON value: several 2xx, uploads (binary,
	// multipart, form, text), downloads, empty and non-JSON bodies.
	{"bodies", "testdata/client/bodies/openapi.yaml", true},
	// Every security scheme, alternatives and combinations; its tests run
	// the client against Prism, oauth2-mock-server and a faulty network.
	{"auth", "testdata/client/auth/openapi.yaml", true},
	// A PATCH with defaults: its behaviour_test.go.txt checks on the wire
	// that a request carries only what the caller set.
	{"patch", "testdata/client/patch/openapi.yaml", true},
	// x-speakeasy-pagination of every type: its behaviour_test.go.txt
	// pages through httptest servers, counting requests.
	// Inferred patterns too (infer-pagination: true).
	{"sdk-pagination", "testdata/client/sdk-pagination/openapi.yaml", true},
	// Server-sent events: typed, text and Speakeasy's envelope, a
	// sentinel, streams with delays and cut short.
	{"sdk-sse", "testdata/client/sdk-sse/openapi.yaml", true},
}

// inferCases are generated with plan.Options.InferPagination (the
// config's infer-pagination: true).
var inferCases = map[string]bool{"sdk-pagination": true}

// pkgName is a case's Go package name: its name without hyphens
// (sdk-pagination is package sdkpagination).
func pkgName(name string) string { return strings.ReplaceAll(name, "-", "") }

// emitClient emits the package for spec, as if its import path were
// example.com/<pkg> (which only raw/client.gen.go names).
func emitClient(t *testing.T, spec, pkg string) []emit.File {
	t.Helper()
	return emitClientAt(t, spec, pkg, "example.com/"+pkg, false)
}

func emitClientAt(t *testing.T, spec, pkg, importPath string, infer bool) []emit.File {
	t.Helper()
	s, err := load.Load(spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := plan.Build(s, plan.Options{Package: pkg, SpecPath: "openapi.yaml", Toolchain: "v0.0.0-test", ImportPath: importPath,
		InferPagination: infer})
	if err != nil {
		t.Fatal(err)
	}
	files, err := emit.All(m, emit.Options{Client: true})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func find(files []emit.File, name string) []byte {
	for _, f := range files {
		if f.Path == name {
			return f.Content
		}
	}
	return nil
}

// TestClientCompiles emits whole packages for other specs and runs go vet
// on them, so the client generator is known to work beyond StackOne.
func TestClientCompiles(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	for _, tc := range clientCases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.spec); err != nil {
				t.Skipf("spec corpus not present: %v", err)
			}
			// Inside the module (so the oas import resolves) but under
			// testdata, which ./... patterns never match.
			dir, err := os.MkdirTemp("testdata", "compile-"+tc.name+"-")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.RemoveAll(dir) })
			files := emitClientAt(t, tc.spec, pkgName(tc.name), "github.com/oasgen/oasgen/gen/emit/"+filepath.ToSlash(dir), inferCases[tc.name])
			if find(files, "api.gen.go") == nil || find(files, "raw/client.gen.go") == nil {
				t.Fatal("no api.gen.go or raw/client.gen.go emitted")
			}
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".go") {
					continue
				}
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err := exec.Command(goBin, "vet", "./"+filepath.ToSlash(dir), "./"+filepath.ToSlash(dir)+"/raw").CombinedOutput()
			if err != nil {
				t.Fatalf("go vet of the generated %s package: %v\n%s", tc.name, err, out)
			}
			// Hand-written tests of the generated package (<name>_test.go.txt)
			// run with it.
			tests, err := filepath.Glob(filepath.Join("testdata", "client", tc.name, "*_test.go.txt"))
			if err != nil || len(tests) == 0 {
				return
			}
			for _, tf := range tests {
				// A test that runs an npm tool finds it installed: one npm ci
				// per tool, whatever else runs at the same time.
				for prefix, tool := range map[string]string{"prism_test": "prism", "oauth_test": "oauth2-mock"} {
					if strings.HasPrefix(filepath.Base(tf), prefix) {
						if err := npmtool.Install(filepath.Join("..", "..", "tools", tool)); err != nil && !errors.Is(err, npmtool.ErrNoNPM) {
							t.Fatal(err)
						}
					}
				}
				b, err := os.ReadFile(tf)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(tf), ".txt")), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err = exec.Command(goBin, "test", "-count=1", "./"+filepath.ToSlash(dir)).CombinedOutput()
			if err != nil {
				t.Fatalf("go test of the generated %s package: %v\n%s", tc.name, err, out)
			}
		})
	}
}

// TestClientGolden pins the emitted client for small specs (-update
// rewrites), and that emitting twice gives the same bytes.
func TestClientGolden(t *testing.T) {
	for _, tc := range clientCases {
		if !tc.golden {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.spec); err != nil {
				t.Skipf("spec corpus not present: %v", err)
			}
			files := emitClientAt(t, tc.spec, pkgName(tc.name), "example.com/"+pkgName(tc.name), inferCases[tc.name])
			again := emitClientAt(t, tc.spec, pkgName(tc.name), "example.com/"+pkgName(tc.name), inferCases[tc.name])
			for _, name := range []string{"api.gen.go", "errors.gen.go"} {
				got := find(files, name)
				if !bytes.Equal(got, find(again, name)) {
					t.Errorf("%s differs between two runs", name)
				}
				golden := filepath.Join("testdata", "client", tc.name, name+".golden")
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (run go test ./gen/emit -run TestClientGolden -update)", name, golden)
				}
			}
		})
	}
}

// TestClientRetriesOnlyWhereAllowed: an operation without
// x-speakeasy-retries gets no retry policy; one with it gets exactly the
// spec's.
func TestClientRetriesOnlyWhereAllowed(t *testing.T) {
	if _, err := os.Stat(clientCases[0].spec); err == nil {
		pet := string(find(emitClient(t, clientCases[0].spec, "petstore"), "api.gen.go"))
		if !strings.Contains(pet, "func (c *APIClient) ListPets(") || strings.Contains(pet, "Retry:") {
			t.Errorf("petstore declares no retries, but its client has a retry policy")
		}
	}
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
	files := emitClient(t, "testdata/client/params/openapi.yaml", "params")
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
