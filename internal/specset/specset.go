// Package specset holds what the measuring tools (the corpus run and the
// conformance run) share: the list of corpus specs, the repository root and
// a scratch module that builds generated packages against this working
// tree. Nothing in gen/ imports it.
package specset

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// List reads the corpus index: every file named in the first column of a
// table in INDEX.md is a standalone spec (companion fragments, the targets
// of external $refs, are listed as bullets and skipped).
func List(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "INDEX.md"))
	if err != nil {
		return nil, fmt.Errorf("reading the corpus index: %w", err)
	}
	re := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	var specs []string
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		p := m[1]
		if !strings.Contains(p, "/") {
			// Files under a sub-directory are listed with their path, except
			// in the StackOne table, which names them from the corpus root
			// too; a bare name is at the root.
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				continue
			}
		}
		specs = append(specs, p)
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("%s/INDEX.md lists no specs", dir)
	}
	return specs, nil
}

// Filter keeps the specs whose path matches the regular expression expr
// ("" keeps all).
func Filter(specs []string, expr string) ([]string, error) {
	if expr == "" {
		return specs, nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	var kept []string
	for _, s := range specs {
		if re.MatchString(s) {
			kept = append(kept, s)
		}
	}
	return kept, nil
}

// RepoRoot is the directory holding the oasgen module's go.mod, found from
// the working directory up.
func RepoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && bytes.HasPrefix(data, []byte("module github.com/oasgen/oasgen\n")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", errors.New("run from inside the oasgen module")
		}
		d = parent
	}
}

// WriteScratchModule makes a module named path that requires exactly what
// the oasgen module at root does (so generated code builds against the same
// oapi-codegen runtime and our oas package) with oasgen replaced by the
// working tree. A path under github.com/oasgen/oasgen may import the
// module's internal packages.
func WriteScratchModule(dir, root, path string) error {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, l := range strings.Split(string(mod), "\n") {
		switch {
		case strings.HasPrefix(l, "module "):
			b.WriteString("module " + path + "\n")
		case strings.HasPrefix(l, "tool "):
		default:
			b.WriteString(l + "\n")
		}
	}
	fmt.Fprintf(&b, "require github.com/oasgen/oasgen v0.0.0\n\nreplace github.com/oasgen/oasgen => %s\n", root)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

// Go runs the go command in dir (a scratch module) and returns its
// combined output, trimmed.
func Go(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// Scratch makes a scratch module named path in a new temporary directory
// (its name starting with prefix) for the oasgen module this process runs
// in. It returns the directory, the repository root and a cleanup that
// removes the directory unless keep is set.
func Scratch(prefix, path string, keep bool) (dir, root string, cleanup func(), err error) {
	root, err = RepoRoot()
	if err != nil {
		return "", "", nil, err
	}
	dir, err = os.MkdirTemp("", prefix)
	if err != nil {
		return "", "", nil, err
	}
	cleanup = func() {
		if !keep {
			os.RemoveAll(dir)
		}
	}
	if err := WriteScratchModule(dir, root, path); err != nil {
		cleanup()
		return "", "", nil, err
	}
	return dir, root, cleanup, nil
}
