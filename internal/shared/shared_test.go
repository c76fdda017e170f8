package shared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLocateOverride(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("OASGEN_SHARED", dir)
	got, err := Locate()
	if err != nil || got != dir {
		t.Fatalf("Locate() = %q, %v; want %q", got, err, dir)
	}
	t.Setenv("OASGEN_SHARED", filepath.Join(dir, "missing"))
	if _, err := Locate(); err == nil {
		t.Fatal("Locate() found a directory that does not exist")
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	// This package is internal/shared under the root.
	if want := filepath.Dir(filepath.Dir(wd)); root != want {
		t.Fatalf("moduleRoot() = %q, want %q", root, want)
	}
}
