package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplateOverride proves a file in the templates directory replaces
// oapi-codegen's template of the same name, and that it is part of the
// fingerprint.
func TestTemplateOverride(t *testing.T) {
	spec, err := filepath.Abs("../spec/connect_session.yaml")
	if err != nil {
		t.Fatal(err)
	}
	gen := func(tmplDir string) *Result {
		t.Helper()
		rs, err := Run([]Job{{Spec: spec, Package: "stackone", Output: t.TempDir(), Client: true, TemplatesDir: tmplDir, ImportPath: "example.com/stackone"}})
		if err != nil {
			t.Fatal(err)
		}
		return rs[0]
	}
	client := func(r *Result) string {
		for _, f := range r.Files {
			if f.Path == "raw/client.gen.go" {
				return string(f.Content)
			}
		}
		t.Fatal("no raw/client.gen.go")
		return ""
	}
	plain := client(gen(""))
	const marker = "request body of CreateConnectSession"
	if strings.Contains(plain, marker) {
		t.Fatalf("upstream template output unexpectedly contains %q", marker)
	}
	withRepo := client(gen("../templates"))
	if !strings.Contains(withRepo, marker) {
		t.Fatalf("override from ../templates not applied; want %q in client.gen.go", marker)
	}

	dir := t.TempDir()
	data, err := os.ReadFile("../templates/request-bodies.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "request-bodies.tmpl"), append(data, "\n// changed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	rChanged, rRepo := gen(dir), gen("../templates")
	if rChanged.Fingerprint.Config == rRepo.Fingerprint.Config {
		t.Fatal("changing a template did not change the config fingerprint")
	}
}
