package specset

import (
	"path/filepath"
	"testing"
)

// TestResults: a saved result reads back under its spec's path, a second
// save replaces it, and a spec never saved is not found.
func TestResults(t *testing.T) {
	type res struct{ Spec, Status string }
	dir := t.TempDir()
	for _, st := range []string{"fail", "pass"} {
		if err := SaveResult(dir, "kin-openapi/a.yml", res{"kin-openapi/a.yml", st}); err != nil {
			t.Fatal(err)
		}
	}
	var got res
	if found, err := LoadResult(dir, "kin-openapi/a.yml", &got); err != nil || !found || got.Status != "pass" {
		t.Errorf("LoadResult = %v, %v, %+v; want the second save", found, err, got)
	}
	if filepath.Dir(ResultFile(dir, "kin-openapi/a.yml")) != dir {
		t.Error("a spec in a sub-directory is saved outside the results directory")
	}
	if found, err := LoadResult(dir, "b.yml", &got); found || err != nil {
		t.Errorf("never saved: %v, %v", found, err)
	}
}
