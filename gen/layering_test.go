package gen_test

import (
	"maps"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const modPath = "github.com/oasgen/oasgen/"

// forbidden keeps the pipeline one-way (docs/architecture.md): load knows
// nothing of Go planning, plan nothing of rendering, emit nothing of disk,
// the runtime nothing of the generator. These are transitive: no path of
// imports may lead there.
var forbidden = map[string][]string{
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

// TestLayering checks the module's real import graph, test files
// included (go list -deps -test).
func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-deps", "-test", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}", modPath+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ": ")
		imports[pkg] = strings.Fields(deps)
	}
	for pkg := range forbidden {
		if _, ok := imports[modPath+pkg]; !ok {
			t.Errorf("go list did not report %s", pkg)
		}
	}
	for _, v := range layeringViolations(imports) {
		t.Error(v)
	}
}

// layeringViolations lists what breaks the layering in an import graph
// (package → its direct imports, as go list -deps -test reports them: test
// variants carry a " [x.test]" suffix).
func layeringViolations(imports map[string][]string) []string {
	base := func(p string) string { p, _, _ = strings.Cut(p, " "); return p }
	// closure is the transitive imports of a package and of its test
	// variants, by base import path.
	closure := func(pkg string) map[string]bool {
		seen := map[string]bool{}
		var walk func(string)
		walk = func(p string) {
			for _, d := range imports[p] {
				if !seen[d] {
					seen[d] = true
					seen[base(d)] = true
					walk(d)
				}
			}
		}
		walk(pkg)
		return seen
	}
	var out []string
	for _, pkg := range slices.Sorted(maps.Keys(forbidden)) {
		seen := closure(modPath + pkg)
		for _, b := range forbidden[pkg] {
			if seen[modPath+b] {
				out = append(out, pkg+" imports "+b+" (directly or not)")
			}
		}
	}
	// emit reaches load through plan (the model points at the loaded
	// document's positions), but never imports it itself.
	if slices.Contains(imports[modPath+"gen/emit"], modPath+"gen/load") {
		out = append(out, "gen/emit imports gen/load")
	}
	for _, pkg := range slices.Sorted(maps.Keys(imports)) {
		if strings.HasPrefix(base(pkg), modPath+"cmd/") || strings.HasSuffix(base(pkg), ".test") {
			continue // the CLI itself, and the test binaries' generated mains
		}
		for _, d := range imports[pkg] {
			if strings.HasPrefix(d, modPath+"cmd/") {
				out = append(out, pkg+" imports the CLI package "+base(d))
			}
		}
	}
	return out
}

// TestLayeringViolations: each rule the issue names is caught, on a made-up
// graph, and a graph that keeps the rules passes.
func TestLayeringViolations(t *testing.T) {
	ok := map[string][]string{
		modPath + "gen":       {modPath + "gen/load", modPath + "gen/plan", modPath + "gen/emit", modPath + "gen/write"},
		modPath + "gen/emit":  {modPath + "gen/plan", modPath + "gen/diag"},
		modPath + "gen/plan":  {modPath + "gen/load", modPath + "gen/diag"},
		modPath + "gen/load":  {modPath + "gen/diag"},
		modPath + "gen/write": {modPath + "gen/diag"},
		modPath + "cmd/gen":   {modPath + "gen"},
	}
	if v := layeringViolations(ok); len(v) != 0 {
		t.Fatalf("a well-layered graph is reported: %v", v)
	}
	for _, tt := range []struct {
		from, to, want string
	}{
		{"gen/load", "gen/plan", "gen/load imports gen/plan"},
		{"gen/plan", "gen/emit", "gen/plan imports gen/emit"},
		{"gen/emit", "gen/load", "gen/emit imports gen/load"},
		{"gen/emit", "gen/write", "gen/emit imports gen/write"},
		{"gen/write", "cmd/gen", "imports the CLI package"},
		{"gen/plan [github.com/oasgen/oasgen/gen/plan.test]", "cmd/gen", "imports the CLI package"},
		{"oas", "gen/diag", "oas imports gen/diag"},
	} {
		g := map[string][]string{}
		for k, v := range ok {
			g[k] = slices.Clone(v)
		}
		g[modPath+tt.from] = append(g[modPath+tt.from], modPath+tt.to)
		v := layeringViolations(g)
		if !slices.ContainsFunc(v, func(s string) bool { return strings.Contains(s, tt.want) }) {
			t.Errorf("%s → %s: violations %q, want one with %q", tt.from, tt.to, v, tt.want)
		}
	}
	// Through a package in between: load → x → plan.
	g := map[string][]string{modPath + "gen/load": {modPath + "internal/x"}, modPath + "internal/x": {modPath + "gen/plan"}}
	if v := layeringViolations(g); !slices.Contains(v, "gen/load imports gen/plan (directly or not)") {
		t.Errorf("an indirect import was missed: %q", v)
	}
}
