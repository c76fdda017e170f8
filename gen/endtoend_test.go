package gen_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/write"
	"github.com/oasgen/oasgen/internal/npmtool"
	"github.com/oasgen/oasgen/internal/shared"
)

// The end-to-end harness: every generator case of the repository, one
// layout, one test. testdata/README.md describes the layout and how to add
// a case; `go test ./gen -run TestEndToEnd -update` rewrites every want/ and
// want.stderr from the generator's output.

var update = flag.Bool("update", false, "rewrite want/ and want.stderr of every case under testdata/ from the generator's output")

// testdataDir is the repository's testdata, seen from this package.
const testdataDir = "../testdata"

// suite is a directory testdata/<name>: its cases share how the generator is
// run (only that; what is checked follows from the files of each case).
type suite struct {
	name string
	// cli runs `gen generate` as a separate process, in a copy of the case
	// with an output directory an earlier run left (see previous), so exit
	// codes are the real ones and a crash fails one case, not the test
	// binary. Otherwise gen.Generate runs in-process.
	cli bool
	// docs and client are the job's switches in-process; package is the
	// Go package name when it is not the case's name.
	docs, client bool
	pkg          string
	// indexed suites list every case in their README.md table.
	indexed bool
	// minCases guards against a suite silently losing its cases.
	minCases int
}

var suites = []suite{
	// Whole generated packages pinned file by file, with behaviour tests.
	{name: "golden", docs: true, client: true, minCases: 10},
	// The production client: its behaviour on the wire (httptest, Prism,
	// oauth2-mock-server), and specs of the shared corpus that must build.
	{name: "client", client: true, minCases: 6},
	// Hostile and broken specs through the CLI: fail with exit 2 leaving
	// the output as it was, or generate code that builds.
	{name: "hostile", cli: true, pkg: "hostile", indexed: true, minCases: 25},
}

// testCase is testdata/<suite>/<name>.
type testCase struct {
	suite *suite
	name  string
	dir   string
	// sharedSpec is the path inside ../shared of the spec, when the case
	// names one in its shared-spec file instead of carrying it.
	sharedSpec string
}

// mustGenerate: a case with want/ or a must-build marker must generate;
// any other case must fail as bad input.
func (c testCase) mustGenerate() bool {
	return exists(filepath.Join(c.dir, "want")) || exists(filepath.Join(c.dir, "must-build"))
}

func (c testCase) pkg() string {
	if c.suite.pkg != "" {
		return c.suite.pkg
	}
	return strings.NewReplacer("_", "", "-", "").Replace(c.name)
}

// tests are the case's behaviour tests, run against its generated package.
func (c testCase) tests() []string {
	tests, _ := filepath.Glob(filepath.Join(c.dir, "*_test.go"))
	return tests
}

func loadCases(t *testing.T, s *suite) []testCase {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(testdataDir, s.name))
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c := testCase{suite: s, name: e.Name(), dir: filepath.Join(testdataDir, s.name, e.Name())}
		if b, err := os.ReadFile(filepath.Join(c.dir, "shared-spec")); err == nil {
			c.sharedSpec = strings.TrimSpace(string(b))
		}
		cases = append(cases, c)
	}
	if len(cases) < s.minCases {
		t.Errorf("testdata/%s has %d cases, fewer than the %d it is known to hold", s.name, len(cases), s.minCases)
	}
	return cases
}

// TestEndToEnd runs every case of every suite: generate, compare want/ and
// want.stderr (or rewrite them under -update), then, for a case that
// generates, go vet its package and go test it with the case's behaviour
// tests. In -short mode only the in-process comparisons run.
func TestEndToEnd(t *testing.T) {
	h := &harness{build: t.TempDir()}
	for i := range suites {
		s := &suites[i]
		t.Run(s.name, func(t *testing.T) {
			if s.cli && testing.Short() {
				t.Skip("runs the CLI binary on every case")
			}
			if s.cli {
				h.buildCLI(t)
			}
			cases := loadCases(t, s)
			if s.indexed {
				checkIndex(t, s, cases)
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) { h.run(t, c) })
			}
		})
	}
	// Not a subtest: a -run filter that picks some cases builds those.
	if len(h.pkgs) > 0 {
		h.buildAndTest(t)
	}
}

// harness holds what the cases share: the CLI binary, built once, and the
// module every generated package is copied into to be vetted and tested.
type harness struct {
	bin string
	// build is a module (oasgen.test) in a temporary directory; pkgs are
	// its generated packages ("./golden/swagger2/model"), tested those with
	// behaviour tests.
	build  string
	pkgs   []string
	tested []string
}

func (h *harness) run(t *testing.T, c testCase) {
	work := t.TempDir()
	if err := copyCase(c, work); err != nil {
		t.Fatal(err)
	}
	if c.sharedSpec != "" {
		src := shared.Path(t, c.sharedSpec)
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, filepath.Base(src)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var r outcome
	if c.suite.cli {
		r = h.runCLI(t, c, work)
	} else {
		r = runInProcess(t, c, work)
	}
	if *update {
		if err := os.WriteFile(filepath.Join(c.dir, "want.stderr"), r.stderr, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(filepath.Join(c.dir, "want.stderr")); err != nil {
		t.Errorf("every case needs a want.stderr (run with -update to create it): %v", err)
	} else if !bytes.Equal(want, r.stderr) {
		t.Errorf("diagnostics differ from want.stderr (-update accepts them):\n%s", write.Unified("want.stderr", "got.stderr", want, r.stderr))
	}
	if !c.mustGenerate() {
		if r.ok {
			t.Fatal("the case generated; it has neither want/ nor must-build, so it must fail as bad input")
		}
		return
	}
	if !r.ok {
		t.Fatalf("the case must generate:\n%s", r.stderr)
	}
	if exists(filepath.Join(c.dir, "want")) {
		compareWant(t, c, r.out, r.handWritten)
	}
	if testing.Short() {
		return
	}
	h.add(t, c, work, r)
}

// outcome is one generation of a case.
type outcome struct {
	ok     bool   // generated (exit 0)
	stderr []byte // diagnostics, positions relative to the case directory
	out    string // the output directory
	// handWritten are files of out the generator did not write.
	handWritten map[string]bool
	// importPath is the generated package's import path in work.
	importPath string
}

// runInProcess generates the case with gen.Generate into work/model. The
// module around it is oasgen.test, so the package's import path is
// oasgen.test/model whatever the machine: want/ does not depend on where
// the repository is.
func runInProcess(t *testing.T, c testCase, work string) outcome {
	t.Helper()
	spec := specFile(t, work)
	if err := writeModule(work, "oasgen.test"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "model")
	job := gen.Job{Spec: spec, Package: c.pkg(), Output: out, Docs: c.suite.docs, Client: c.suite.client}
	res, err := gen.Generate([]gen.Job{job})
	relative := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(work+string(filepath.Separator)), nil) }
	if err != nil {
		if !gen.IsInputError(err) {
			t.Fatalf("generate: %v (an internal error, not bad input)", err)
		}
		return outcome{stderr: relative([]byte(err.Error() + "\n")), out: out}
	}
	var b bytes.Buffer
	for _, w := range res[0].Warnings {
		b.WriteString(w.String())
		b.WriteByte('\n')
	}
	return outcome{ok: true, stderr: relative(b.Bytes()), out: out, importPath: "oasgen.test/model"}
}

// previous is the output directory as an earlier, successful run left it:
// a generated model, a generated doc page and a hand-written file. CLI
// cases start from it.
var previous = map[string]string{
	"generate.go":         "package hostile\n\n//go:generate go run github.com/oasgen/oasgen/cmd/gen generate\n",
	"model_old.gen.go":    "// Code generated by oasgen from ../openapi.yaml; DO NOT EDIT.\n// oasgen fingerprint: old\n\npackage hostile\n\ntype Old struct{}\n",
	"docs/models/old.md":  "<!-- Code generated by oasgen from ../openapi.yaml; DO NOT EDIT. -->\n# Old\n",
	"docs/models/hand.md": "# written by hand\n",
}

// caseTimeout bounds one run of the CLI. A hostile spec must fail fast or
// generate; a hang shows up as this timeout instead of a stuck test.
const caseTimeout = 2 * time.Minute

// runCLI runs `gen generate` in work (see suite.cli): with -config gen.yaml
// when the case has one, else -spec <spec> -package <pkg> -out out, plus
// the words of an optional args file.
func (h *harness) runCLI(t *testing.T, c testCase, work string) outcome {
	t.Helper()
	bin := h.bin
	if !exists(filepath.Join(work, "go.mod")) {
		// A module around the case, as in a real repository: the raw
		// client package imports the models by the import path it gives.
		if err := writeModule(work, "example.com/hostile"); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(work, "out")
	for p, content := range previous {
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, out)
	var args []string
	if exists(filepath.Join(work, "gen.yaml")) {
		args = []string{"-config", "gen.yaml"}
	} else {
		spec, err := filepath.Rel(work, specFile(t, work))
		if err != nil {
			t.Fatal(err)
		}
		args = []string{"-spec", filepath.ToSlash(spec), "-package", c.pkg(), "-out", "out"}
	}
	if extra, err := os.ReadFile(filepath.Join(c.dir, "args")); err == nil {
		args = append(args, strings.Fields(string(extra))...)
	}
	code, stdout, stderr := runGen(t, bin, work, append([]string{"generate"}, args...))
	r := outcome{ok: code == 0, stderr: stderr, out: out, importPath: "example.com/hostile/out",
		handWritten: map[string]bool{"generate.go": true, "docs/models/hand.md": true}}
	if code != 0 {
		if code != 2 {
			t.Errorf("exit code %d, want 0 or 2\nstderr:\n%s", code, stderr)
		}
		if len(stdout) > 0 {
			t.Errorf("a failed run printed to stdout:\n%s", stdout)
		}
		if after := snapshot(t, out); !maps.Equal(before, after) {
			t.Errorf("a failed run changed the output directory:\nbefore: %v\nafter:  %v", sortedKeys(before), sortedKeys(after))
		}
		return r
	}
	if exists(filepath.Join(out, "model_old.gen.go")) {
		t.Errorf("the orphaned generated file model_old.gen.go was not removed")
	}
	for keep := range r.handWritten {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(keep)))
		if err != nil || string(got) != previous[keep] {
			t.Errorf("hand-written %s was changed or removed (err %v)", keep, err)
		}
	}
	// A second run finds nothing to do: output is reproducible.
	if code, stdout, stderr := runGen(t, bin, work, append([]string{"check"}, args...)); code != 0 {
		t.Errorf("check after generate: exit %d, want 0\nstdout:\n%.4000s\nstderr:\n%s", code, stdout, stderr)
	}
	return r
}

// buildCLI builds cmd/gen into the suite's temporary directory, which
// outlives its cases.
func (h *harness) buildCLI(t *testing.T) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "gen")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command(goTool(t), "build", "-o", bin, "../cmd/gen").CombinedOutput(); err != nil {
		t.Fatalf("building cmd/gen: %v\n%s", err, out)
	}
	h.bin = bin
}

func runGen(t *testing.T, bin, dir string, args []string) (int, []byte, []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("gen %s did not finish within %v (a hang)\nstderr:\n%.4000s", strings.Join(args, " "), caseTimeout, stderr.String())
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.Bytes(), stderr.Bytes()
	case errors.As(err, &ee):
		if s := stderr.String(); strings.Contains(s, "goroutine ") && (strings.Contains(s, "panic") || strings.Contains(s, "fatal error")) {
			t.Fatalf("gen crashed:\n%.6000s", s)
		}
		return ee.ExitCode(), stdout.Bytes(), stderr.Bytes()
	}
	t.Fatal(err)
	return 0, nil, nil
}

// compareWant compares the output directory with want/, both ways, or
// rewrites want/ under -update. Hand-written files of the output directory
// are not the generator's and are left out.
func compareWant(t *testing.T, c testCase, out string, handWritten map[string]bool) {
	t.Helper()
	got := snapshot(t, out)
	for p := range handWritten {
		delete(got, p)
	}
	wantDir := filepath.Join(c.dir, "want")
	if *update {
		if err := os.RemoveAll(wantDir); err != nil {
			t.Fatal(err)
		}
		for p, data := range got {
			dst := filepath.Join(wantDir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := snapshot(t, wantDir)
	for _, p := range sortedKeys(got) {
		if w, ok := want[p]; !ok {
			t.Errorf("%s is generated but not in want/ (run go test ./gen -run TestEndToEnd -update)", p)
		} else if w != got[p] {
			t.Errorf("%s differs from want/ (-update accepts it):\n%s", p, write.Unified("want/"+p, "got/"+p, []byte(w), []byte(got[p])))
		}
	}
	for _, p := range sortedKeys(want) {
		if _, ok := got[p]; !ok {
			t.Errorf("want/%s is no longer generated", p)
		}
	}
}

// add copies a generated case (its input and output directory, the
// case's behaviour tests in the package) to build/<suite>/<case>/, with the
// package's import path in work replaced by the one it has there. The
// packages are vetted and tested together at the end: one go command for
// all of them costs far less than one per case.
func (h *harness) add(t *testing.T, c testCase, work string, r outcome) {
	t.Helper()
	dst := filepath.Join(h.build, c.suite.name, c.name)
	outRel, err := filepath.Rel(work, r.out)
	if err != nil {
		t.Fatal(err)
	}
	importPath := "oasgen.test/" + c.suite.name + "/" + c.name + "/" + filepath.ToSlash(outRel)
	rewrite := func(data []byte) []byte {
		return bytes.ReplaceAll(data, []byte(`"`+r.importPath), []byte(`"`+importPath))
	}
	err = filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(work, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if rel == "go.mod" || rel == "go.sum" || d.Type()&fs.ModeSymlink != 0 {
			return nil // the build module's own; a link is only spec input
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".go") {
			data = rewrite(data)
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := c.tests()
	for _, tf := range tests {
		data, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, outRel, filepath.Base(tf)), rewrite(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg := "./" + filepath.ToSlash(filepath.Join(c.suite.name, c.name, outRel))
	h.pkgs = append(h.pkgs, pkg)
	if exists(filepath.Join(r.out, "raw")) {
		h.pkgs = append(h.pkgs, pkg+"/raw")
	}
	if len(tests) > 0 {
		h.tested = append(h.tested, pkg)
	}
}

// buildAndTest vets every generated package (and its raw/ client) and runs
// the behaviour tests. The build directory is a module of its own; a
// go.work next to it adds this repository, so the packages import the oas
// runtime (and the repository's dependencies) as a user's module would,
// and nothing is written into the checkout.
func (h *harness) buildAndTest(t *testing.T) {
	t.Helper()
	goBin := goTool(t)
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	goVersion, err := moduleGoVersion(filepath.Join(repo, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if err := writeModule(h.build, "oasgen.test"); err != nil {
		t.Fatal(err)
	}
	goWork := "go " + goVersion + "\n\nuse (\n\t.\n\t" + strings.ReplaceAll(filepath.ToSlash(repo), `"`, `\"`) + "\n)\n"
	if err := os.WriteFile(filepath.Join(h.build, "go.work"), []byte(goWork), 0o644); err != nil {
		t.Fatal(err)
	}
	// A test that runs an npm tool finds it installed: one npm ci per tool,
	// whatever else runs at the same time. Without npm the test itself
	// skips (or fails under OASGEN_REQUIRE_PRISM=1).
	for prefix, tool := range map[string]string{"prism_test": "prism", "oauth_test": "oauth2-mock"} {
		if m, _ := filepath.Glob(filepath.Join(h.build, "*", "*", "*", prefix+"*.go")); len(m) > 0 {
			if err := npmtool.Install(filepath.Join(repo, "tools", tool)); err != nil && !errors.Is(err, npmtool.ErrNoNPM) {
				t.Fatal(err)
			}
		}
	}
	steps := [][]string{append([]string{"vet"}, h.pkgs...)}
	if len(h.tested) > 0 {
		// Running the tests also proves that no spec text became an init
		// function: the test binary would fail before its first test.
		steps = append(steps, append([]string{"test", "-count=1", "-vet=off"}, h.tested...))
	}
	for _, args := range steps {
		cmd := exec.Command(goBin, args...)
		cmd.Dir = h.build
		// OASGEN_REPO lets a behaviour test find the repository (tools/
		// for Prism); GOWORK makes the go.work above apply whatever the
		// caller's environment says.
		cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(h.build, "go.work"), "OASGEN_REPO="+repo)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s %s: %v\n%s", args[0], strings.Join(args[1:], " "), err, b)
		}
	}
}

func moduleGoVersion(gomod string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	f, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return "", err
	}
	if f.Go == nil {
		return "", errors.New(gomod + " has no go directive")
	}
	return f.Go.Version, nil
}

func writeModule(dir, path string) error {
	goVersion, err := moduleGoVersion("../go.mod")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+path+"\n\ngo "+goVersion+"\n"), 0o644)
}

// specFile is the spec a case without gen.yaml generates from.
func specFile(t *testing.T, work string) string {
	t.Helper()
	for _, name := range []string{"openapi.yaml", "openapi.json", "swagger.yaml", "spec/openapi.yaml"} {
		if p := filepath.Join(work, filepath.FromSlash(name)); exists(p) {
			return p
		}
	}
	// A spec named by shared-spec keeps its own file name.
	for _, pat := range []string{"*.yaml", "*.yml", "*.json"} {
		if m, _ := filepath.Glob(filepath.Join(work, pat)); len(m) == 1 {
			return m[0]
		}
	}
	t.Fatal("the case has no gen.yaml and no spec (openapi.yaml, openapi.json, swagger.yaml or shared-spec)")
	return ""
}

// caseMeta are the files of a case that describe it rather than being the
// generator's input; they are not copied next to the spec.
func caseMeta(rel string) bool {
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	switch first {
	case "want", "want.stderr", "must-build", "shared-spec", "args":
		return true
	}
	return strings.HasSuffix(rel, "_test.go") && !strings.Contains(filepath.ToSlash(rel), "/")
}

// copyCase copies the generator's input of a case (everything but its
// expectations and tests) into work. Symbolic links stay links: a case may
// test that a link out of the spec's directory is refused.
func copyCase(c testCase, work string) error {
	return filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(c.dir, p)
		if rel == "." {
			return nil
		}
		if caseMeta(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(work, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// checkIndex: every case of an indexed suite has a row in its README.md.
func checkIndex(t *testing.T, s *suite, cases []testCase) {
	t.Helper()
	index, err := os.ReadFile(filepath.Join(testdataDir, s.name, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !bytes.Contains(index, []byte("| `"+c.name+"` |")) {
			t.Errorf("case %s is not listed in testdata/%s/README.md", c.name, s.name)
		}
	}
}

// TestEndToEndDeterministic generates every in-process case with want/
// several times: the bytes must not change (a map ranged over between load
// and emit would show).
func TestEndToEndDeterministic(t *testing.T) {
	for i := range suites {
		s := &suites[i]
		if s.cli {
			continue
		}
		for _, c := range loadCases(t, s) {
			if !exists(filepath.Join(c.dir, "want")) || c.sharedSpec != "" {
				continue
			}
			t.Run(s.name+"/"+c.name, func(t *testing.T) {
				var first []write.File
				for i := range 5 {
					work := t.TempDir()
					if err := copyCase(c, work); err != nil {
						t.Fatal(err)
					}
					j := gen.Job{Spec: specFile(t, work), Package: c.pkg(), Output: filepath.Join(work, "model"),
						Docs: s.docs, Client: s.client, ImportPath: "oasgen.test/model"}
					res, err := gen.Run([]gen.Job{j})
					if err != nil {
						t.Fatal(err)
					}
					if i == 0 {
						first = res[0].Files
						continue
					}
					if len(first) != len(res[0].Files) {
						t.Fatalf("run %d produced %d files, run 0 %d", i, len(res[0].Files), len(first))
					}
					for j, f := range res[0].Files {
						if f.Path != first[j].Path || !bytes.Equal(f.Content, first[j].Content) {
							t.Fatalf("run %d differs in %s", i, f.Path)
						}
					}
				}
			})
		}
	}
}

// TestEndToEndStrict: -strict turns every warning of an in-process case
// into an error, with the same position and text, and nothing is
// generated.
func TestEndToEndStrict(t *testing.T) {
	for i := range suites {
		s := &suites[i]
		if s.cli {
			continue
		}
		for _, c := range loadCases(t, s) {
			if c.sharedSpec != "" || !c.mustGenerate() {
				continue
			}
			t.Run(s.name+"/"+c.name, func(t *testing.T) {
				wantStderr, err := os.ReadFile(filepath.Join(c.dir, "want.stderr"))
				if err != nil {
					t.Fatal(err)
				}
				work := t.TempDir()
				if err := copyCase(c, work); err != nil {
					t.Fatal(err)
				}
				j := gen.Job{Spec: specFile(t, work), Package: c.pkg(), Output: filepath.Join(work, "model"),
					Docs: s.docs, Client: s.client, ImportPath: "oasgen.test/model", Strict: true}
				res, err := gen.Run([]gen.Job{j})
				if len(wantStderr) == 0 {
					if err != nil {
						t.Fatalf("a spec without warnings fails under -strict: %v", err)
					}
					return
				}
				var l diag.List
				if !errors.As(err, &l) || !gen.IsInputError(err) {
					t.Fatalf("Run with Strict = %v, want the warnings as a diag.List input error", err)
				}
				var want []string
				for _, line := range strings.Split(strings.TrimSuffix(string(wantStderr), "\n"), "\n") {
					want = append(want, strings.Replace(line, ": warning: ", ": ", 1)+" (an error under -strict)")
				}
				got := strings.Split(strings.ReplaceAll(err.Error(), work+string(filepath.Separator), ""), "\n")
				if !slices.Equal(got, want) {
					t.Errorf("errors\n got %q\nwant %q", got, want)
				}
				if res[0] != nil {
					t.Errorf("a result was produced under -strict: %d files", len(res[0].Files))
				}
			})
		}
	}
}

// goTool is the go command that runs this test; without one the test
// cannot build what it generates.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return p
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// snapshot maps every file under dir (slash paths) to its content; a
// missing dir is empty.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	if !exists(dir) {
		return m
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
