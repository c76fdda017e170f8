package shared

import (
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
