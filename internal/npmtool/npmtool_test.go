package npmtool

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestInstallOnceInstalled: a directory whose packages are installed is
// left alone, by any number of callers at once, and no lock file is left.
func TestInstallOnceInstalled(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "node_modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "node_modules", ".package-lock.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", "") // npm must not be needed
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := Install(dir); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestInstallWithoutNPM: a missing install without npm says so, and
// leaves no lock file.
func TestInstallWithoutNPM(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", "")
	if err := Install(dir); err != ErrNoNPM {
		t.Fatalf("err = %v, want ErrNoNPM", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
