package gen_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering keeps the pipeline one-way: load knows nothing of Go
// planning, plan nothing of rendering, emit nothing of loading or disk, the
// runtime nothing of the generator, and nothing imports the CLI.
func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	const mod = "github.com/oasgen/oasgen/"
	forbidden := map[string][]string{
		"gen/load":  {"gen/plan", "gen/emit", "gen/write", "gen"},
		"gen/plan":  {"gen/emit", "gen/write", "gen"},
		"gen/emit":  {"gen/write", "gen"},
		"gen/write": {"gen/load", "gen/plan", "gen/emit", "gen"},
		"gen/diag":  {"gen/load", "gen/plan", "gen/emit", "gen/write", "gen"},
		"oas":       {"gen", "gen/load", "gen/plan", "gen/emit", "gen/write", "gen/diag", "oas/oasimpl"},
		// oasimpl builds on oas (its errors, wrappers and options); oas, the
		// users' package, never reaches back into it.
		"oas/oasimpl": {"gen", "gen/load", "gen/plan", "gen/emit", "gen/write", "gen/diag"},
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", mod+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ": ")
		imports[pkg] = strings.Fields(deps)
	}
	// deps is the transitive closure of a package's imports.
	var deps func(pkg string, seen map[string]bool)
	deps = func(pkg string, seen map[string]bool) {
		for _, d := range imports[pkg] {
			if !seen[d] {
				seen[d] = true
				deps(d, seen)
			}
		}
	}
	for pkg, bad := range forbidden {
		seen := map[string]bool{}
		deps(mod+pkg, seen)
		if len(imports[mod+pkg]) == 0 && !seen[mod+"gen/diag"] && pkg != "gen/diag" && pkg != "oas" {
			t.Errorf("go list did not report %s's imports", pkg)
		}
		for _, b := range bad {
			if seen[mod+b] {
				t.Errorf("%s imports %s (directly or not)", pkg, b)
			}
		}
	}
	// emit reaches load through plan (the model points at the loaded
	// document's positions), but never imports it itself.
	for _, d := range imports[mod+"gen/emit"] {
		if d == mod+"gen/load" {
			t.Error("gen/emit imports gen/load")
		}
	}
	for pkg, ds := range imports {
		for _, d := range ds {
			if strings.HasPrefix(d, mod+"cmd/") {
				t.Errorf("%s imports the CLI package %s", pkg, d)
			}
		}
	}
}
