package specset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestList: table rows of INDEX.md are specs, bullet-listed companion
// fragments are not, and a name that is not on disk is skipped.
func TestList(t *testing.T) {
	dir := t.TempDir()
	index := "# Corpus\n\n| File | OAS |\n|---|---|\n| `a.yaml` | 3.0 |\n| `sub/b.json` | 3.1 |\n| `gone.yaml` | 3.0 |\n\n" +
		"## Companions\n\n- `sub/frag.yml` (12 B)\n"
	for name, content := range map[string]string{"INDEX.md": index, "a.yaml": "openapi: 3.0.0", "sub/b.json": "{}", "sub/frag.yml": "x: 1"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a.yaml,sub/b.json" {
		t.Fatalf("listSpecs = %q, want [a.yaml sub/b.json]", got)
	}
	if _, err := List(t.TempDir()); err == nil {
		t.Fatal("listSpecs without INDEX.md succeeded")
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	// This package is internal/specset under the root.
	if want := filepath.Dir(filepath.Dir(wd)); root != want {
		t.Fatalf("RepoRoot() = %q, want %q", root, want)
	}
}
