package gen_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/write"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/want and want.stderr from the generator's output")

// vendorSpec is the whole StackOne spec, not only the fragment the
// repository's built-in spec keeps. It lives next to the repository.
const vendorSpec = "../../shared/specs/stackone/stackone-core_2025-03-05_stackone-ai-node_076766c.json"

// goldenCase is testdata/golden/<name>: openapi.yaml (or .json), want/ with
// every generated file, want.stderr with the warnings, and optionally
// *_test.go files that TestGoldenBuilds runs against the generated package.
type goldenCase struct {
	name, dir, spec string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob("testdata/golden/*")
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, d := range dirs {
		for _, s := range []string{"openapi.yaml", "openapi.json"} {
			if _, err := os.Stat(filepath.Join(d, s)); err == nil {
				cases = append(cases, goldenCase{name: filepath.Base(d), dir: d, spec: filepath.Join(d, s)})
			}
		}
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases under testdata/golden")
	}
	return cases
}

// job generates the case into out. The import path is fixed, so want/
// does not depend on where the repository is (TestGoldenBuilds derives it
// from go.mod instead).
func (c goldenCase) job(out string) gen.Job {
	return gen.Job{Spec: c.spec, Package: strings.ReplaceAll(c.name, "_", ""), Output: out, Docs: true, Client: true,
		ImportPath: goldenImportPath}
}

// goldenImportPath is the import path golden cases are generated under;
// their hand-written tests import the package (and its raw/) by it, and
// TestGoldenBuilds rewrites it to where the package really is.
const goldenImportPath = "oasgen.test/model"

func warningsText(l diag.List) []byte {
	var b bytes.Buffer
	for _, w := range l {
		b.WriteString(w.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// TestGolden generates each case and compares every file, and the warnings,
// with what is committed. Run with -update to accept new output.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			wantDir := filepath.Join(c.dir, "want")
			res, err := gen.Run([]gen.Job{c.job(wantDir)})
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			got := map[string][]byte{}
			for _, f := range res[0].Files {
				got[f.Path] = f.Content
			}
			stderr := warningsText(res[0].Warnings)
			if *update {
				if err := os.RemoveAll(wantDir); err != nil {
					t.Fatal(err)
				}
				for p, data := range got {
					dst := filepath.Join(wantDir, filepath.FromSlash(p))
					if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(dst, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.WriteFile(filepath.Join(c.dir, "want.stderr"), stderr, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string][]byte{}
			err = filepath.WalkDir(wantDir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				rel, _ := filepath.Rel(wantDir, p)
				want[filepath.ToSlash(rel)] = data
				return err
			})
			if err != nil {
				t.Fatalf("reading want (run with -update to create it): %v", err)
			}
			for p, data := range got {
				if w, ok := want[p]; !ok {
					t.Errorf("%s is generated but not in want/ (run go test ./gen -run TestGolden -update)", p)
				} else if !bytes.Equal(w, data) {
					t.Errorf("%s differs from want/ (run with -update to accept):\n%s", p, write.Unified("want/"+p, "got/"+p, w, data))
				}
			}
			for p := range want {
				if _, ok := got[p]; !ok {
					t.Errorf("want/%s is no longer generated", p)
				}
			}
			wantStderr, _ := os.ReadFile(filepath.Join(c.dir, "want.stderr"))
			if !bytes.Equal(wantStderr, stderr) {
				t.Errorf("warnings differ:\n%s", write.Unified("want.stderr", "got.stderr", wantStderr, stderr))
			}
		})
	}
}

// TestGoldenDeterministic generates every case several times: the bytes
// must not change (a map ranged over between load and emit would show).
func TestGoldenDeterministic(t *testing.T) {
	for _, c := range goldenCases(t) {
		var first []write.File
		for i := range 5 {
			res, err := gen.Run([]gen.Job{c.job(t.TempDir())})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if i == 0 {
				first = res[0].Files
				continue
			}
			if len(first) != len(res[0].Files) {
				t.Fatalf("%s: run %d produced %d files, run 0 %d", c.name, i, len(res[0].Files), len(first))
			}
			for j, f := range res[0].Files {
				if f.Path != first[j].Path || !bytes.Equal(f.Content, first[j].Content) {
					t.Fatalf("%s: run %d differs in %s", c.name, i, f.Path)
				}
			}
		}
	}
}

// TestGoldenBuilds writes every golden case, and the whole vendor spec, as
// packages inside this module, then runs go vet on them and go test on the
// cases that carry behaviour tests. The directory starts with "_" so that
// ./... in a parallel run never sees it.
func TestGoldenBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages with the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	tmp, err := os.MkdirTemp("..", "_goldenbuild")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	var jobs []gen.Job
	for _, c := range goldenCases(t) {
		out := filepath.Join(tmp, c.name)
		j := c.job(out)
		j.ImportPath = "" // from go.mod
		jobs = append(jobs, j)
		copyTests(t, c.dir, out, "github.com/oasgen/oasgen/"+filepath.Base(tmp)+"/"+c.name)
	}
	if _, err := os.Stat(vendorSpec); err != nil {
		t.Fatalf("the vendor spec must be at %s (../shared/specs from the repository root): %v", vendorSpec, err)
	}
	vendorOut := filepath.Join(tmp, "stackonecore")
	jobs = append(jobs, gen.Job{Spec: vendorSpec, Package: "stackonecore", Output: vendorOut, Docs: true, Client: true})
	copyTests(t, "testdata/vendor", vendorOut, "github.com/oasgen/oasgen/"+filepath.Base(tmp)+"/stackonecore")
	if _, err := gen.Generate(jobs); err != nil {
		t.Fatalf("generate: %v", err)
	}
	// Packages are named one by one: "..." does not descend into a
	// directory whose name starts with "_".
	var pkgs []string
	for _, j := range jobs {
		pkg := "./" + filepath.ToSlash(filepath.Join(filepath.Base(tmp), filepath.Base(j.Output)))
		pkgs = append(pkgs, pkg)
		if _, err := os.Stat(filepath.Join(j.Output, "raw")); err == nil {
			pkgs = append(pkgs, pkg+"/raw")
		}
	}
	for _, args := range [][]string{append([]string{"vet"}, pkgs...), append([]string{"test", "-count=1", "-vet=off"}, pkgs...)} {
		cmd := exec.Command(goCmd, args...)
		cmd.Dir = ".."
		out, err := cmd.CombinedOutput()
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatal(err)
			}
			t.Fatalf("go %s failed:\n%s", strings.Join(args, " "), out)
		}
	}
}

// TestStrict: -strict turns every warning of a case into an error, with the
// same position and text, and nothing is generated.
func TestStrict(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			wantStderr, err := os.ReadFile(filepath.Join(c.dir, "want.stderr"))
			if err != nil {
				t.Fatal(err)
			}
			j := c.job(t.TempDir())
			j.Strict = true
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
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
				t.Errorf("errors\n got %q\nwant %q", got, want)
			}
			if res[0] != nil {
				t.Errorf("a result was produced under -strict: %d files", len(res[0].Files))
			}
		})
	}
}

// copyTests copies the *_test.go files of dir into out, with
// goldenImportPath replaced by importPath.
func copyTests(t *testing.T, dir, out, importPath string) {
	t.Helper()
	tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, tf := range tests {
		data, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if importPath != "" {
			data = bytes.ReplaceAll(data, []byte(`"`+goldenImportPath), []byte(`"`+importPath))
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(tf)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
