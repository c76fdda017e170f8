// Package shared finds the read-only spec corpus and seed that live next to
// the repository, in ../shared (specs/, with INDEX.md, and seed/). The
// repository does not carry them, so a checkout may lack them; every test
// that needs them goes through Dir, which handles that one way: the test
// skips with a message naming the place it looked, unless
// OASGEN_REQUIRE_SHARED=1 (set by .ci/run), where it fails.
//
// OASGEN_SHARED, when set, is used instead of ../shared.
package shared

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/oasgen/oasgen/internal/specset"
)

// Locate returns the shared directory, or an error saying where it was
// looked for. It does not depend on the caller's working directory inside
// the module: ../shared is taken relative to the directory holding the
// oasgen module's go.mod (specset.RepoRoot).
func Locate() (string, error) {
	if d := os.Getenv("OASGEN_SHARED"); d != "" {
		return existing(d, "OASGEN_SHARED")
	}
	root, err := specset.RepoRoot()
	if err != nil {
		return "", err
	}
	return existing(filepath.Join(filepath.Dir(root), "shared"), "../shared next to the repository")
}

// Dir returns the shared directory, or ends the test: Skip normally,
// Fatal when OASGEN_REQUIRE_SHARED=1.
func Dir(t testing.TB) string {
	t.Helper()
	d, err := Locate()
	if err == nil {
		return d
	}
	if Required() {
		t.Fatalf("the shared spec corpus is required (OASGEN_REQUIRE_SHARED=1): %v", err)
	}
	t.Skipf("the shared spec corpus is not here (set OASGEN_SHARED, or OASGEN_REQUIRE_SHARED=1 to fail instead): %v", err)
	return ""
}

// Path is Dir joined with a slash-separated path inside it; the file must
// exist (a missing file in a present corpus is a failure, not a skip).
func Path(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Dir(t), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("the shared corpus lacks %s: %v", rel, err)
	}
	return p
}

func existing(d, what string) (string, error) {
	abs, err := filepath.Abs(d)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s: no directory at %s", what, abs)
	}
	return abs, nil
}

// Required reports whether OASGEN_REQUIRE_SHARED=1: a missing corpus is
// then a failure.
func Required() bool { return os.Getenv("OASGEN_REQUIRE_SHARED") == "1" }
