package emit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestDeprecatedReportedByStaticcheck: OpenAPI's deprecated and
// x-speakeasy-deprecation-message become // Deprecated: paragraphs that
// staticcheck reports (SA1019) where another package uses the operation,
// schema, property or parameter.
func TestDeprecatedReportedByStaticcheck(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	// A module of its own in a temporary directory, using this repository
	// (replace) with its go.sum, checked by the repository's staticcheck.
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module oasgen.test\n\ngo 1.26\n\nrequire github.com/oasgen/oasgen v0.0.0\n\nreplace github.com/oasgen/oasgen => " + filepath.ToSlash(repo) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	importPath := "oasgen.test/model"
	for _, f := range emitClientAt(t, "../../testdata/client/sdk-all/openapi.yaml", "sdkall", importPath) {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		p := filepath.Join(dir, "model", filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	use := `package use

import (
	"context"

	"github.com/oasgen/oasgen/oas"

	api "` + importPath + `"
)

func Use(c *api.APIClient) (api.LegacyThing, string) {
	_, _ = c.LegacyPing(context.Background())
	var it api.Item
	_, _ = c.Items.Notes.ListNotes(context.Background(), "a", api.ListNotesArgs{Sort: oas.Some("new")})
	return api.LegacyThing{}, it.OldName.Or("")
}
`
	if err := os.MkdirAll(filepath.Join(dir, "use"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "use", "use.go"), []byte(use), 0o644); err != nil {
		t.Fatal(err)
	}
	bin, err := exec.Command(goBin, "tool", "-n", "staticcheck").Output()
	if err != nil {
		t.Fatalf("go tool -n staticcheck: %v", err)
	}
	tidy := exec.Command(goBin, "mod", "tidy")
	tidy.Dir = dir
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	cmd := exec.Command(strings.TrimSpace(string(bin)), "-checks", "SA1019", "./use")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if i := strings.Index(l, ": "); i >= 0 && strings.Contains(l, "SA1019") {
			got = append(got, strings.ReplaceAll(l[i+2:], importPath+".", "api."))
		}
	}
	sort.Strings(got)
	want := []string{
		"api.LegacyThing is deprecated: the spec marks this schema deprecated.  (SA1019)", // the result type
		"api.LegacyThing is deprecated: the spec marks this schema deprecated.  (SA1019)", // the literal
		"(api.Item).OldName is deprecated: Use Title.  (SA1019)",
		"(*api.APIClient).LegacyPing is deprecated: Use Slow instead.  (SA1019)",
		"(api.ListNotesArgs).Sort is deprecated: Notes are always newest first.  (SA1019)",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("staticcheck reports\n%s\nwant\n%s\n(output: %s)", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}
