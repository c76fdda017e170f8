package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary stand in for the gen command, so tests can
// run real concurrent processes without building anything.
func TestMain(m *testing.M) {
	if os.Getenv("OASGEN_TEST_AS_GEN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	// testdata/script/*.txtar run `exec gen ...` against this binary too.
	testscript.Main(m, map[string]func(){
		"gen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// repoRoot is the module root, two levels up from cmd/gen.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// workspace copies the repository's StackOne spec and templates/ into a
// temp dir with a config that generates them into <tmp>/generated/stackone,
// and returns the tmp dir. The memo cache is private to the test.
func workspace(t *testing.T) string {
	t.Helper()
	t.Setenv("OASGEN_CACHE", t.TempDir())
	dir := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(repoRoot(t), from))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, to), string(data))
	}
	copyFile("spec/connect_session.yaml", "spec/connect_session.yaml")
	entries, err := os.ReadDir(filepath.Join(repoRoot(t), "templates"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			copyFile(filepath.Join("templates", e.Name()), filepath.Join("templates", e.Name()))
		}
	}
	// A module, as a consuming repository is: the raw client package's
	// import of the models is derived from it.
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/ws\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "spec", "gen.yaml"), "templates: ../templates\nspecs:\n  - spec: connect_session.yaml\n    package: stackone\n    output: ../generated/stackone\n")
	return dir
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gen runs the CLI in-process and returns exit code, stdout and stderr.
func runGen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustGen(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, out, errs := runGen(t, args...)
	if code != want {
		t.Fatalf("gen %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, want, out, errs)
	}
	return out, errs
}

type fileState struct {
	content string
	mtime   time.Time
}

// snapshot records every file under dir.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	m := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = fileState{string(data), st.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func sameFiles(t *testing.T, what string, a, b map[string]fileState, mtimes bool) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d files, then %d", what, len(a), len(b))
	}
	for p, fa := range a {
		fb, ok := b[p]
		switch {
		case !ok:
			t.Errorf("%s: %s disappeared", what, p)
		case fa.content != fb.content:
			t.Errorf("%s: %s changed", what, p)
		case mtimes && !fa.mtime.Equal(fb.mtime):
			t.Errorf("%s: %s was rewritten (mtime %v → %v)", what, p, fa.mtime, fb.mtime)
		}
	}
}

// ageFiles sets every file's mtime into the past, so a rewrite is visible
// even on file systems with coarse timestamps.
func ageFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for p := range snapshot(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, filepath.FromSlash(p)), old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGenerateIsDeterministicAndIdempotent(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	out := filepath.Join(ws, "generated", "stackone")
	mustGen(t, 0, "generate", "-config", cfg)
	first := snapshot(t, out)
	if len(first) < 10 {
		t.Fatalf("only %d files generated", len(first))
	}
	mustGen(t, 0, "check", "-config", cfg)

	// Nothing changed: nothing is rewritten, not even with the same bytes.
	ageFiles(t, out)
	aged := snapshot(t, out)
	stdout, _ := mustGen(t, 0, "generate", "-config", cfg)
	if !regexp.MustCompile(`^\S*generated/stackone: up to date; \d+ warnings? \(\d+\.\d\ds\)\n$`).MatchString(stdout) {
		t.Errorf("no-op generate printed %q, want only its summary line", stdout)
	}
	sameFiles(t, "second generate", aged, snapshot(t, out), true)

	// A forced full run into a fresh directory gives identical bytes.
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	mustGen(t, 0, "generate", "-force", "-config", cfg)
	sameFiles(t, "regenerated from scratch", first, snapshot(t, out), false)
}

func TestDescriptionChangeIsDriftThatGenerateFixes(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	specPath := filepath.Join(ws, "spec", "connect_session.yaml")
	mustGen(t, 0, "generate", "-config", cfg)

	data, _ := os.ReadFile(specPath)
	const old = "description: The origin owner name"
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("spec has no %q", old)
	}
	writeFile(t, specPath, strings.Replace(string(data), old, "description: The name of the origin owner", 1))

	stdout, stderr := mustGen(t, 1, "check", "-config", cfg)
	for _, want := range []string{
		"stale: " + filepath.Join(ws, "generated", "stackone", "model_connect_session_create.gen.go"),
		"spec changed: " + specPath,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
	if !regexp.MustCompile(`(?mi)^-.*the origin owner name\n\+.*the name of the origin owner$`).MatchString(stdout) {
		t.Errorf("unified diff lacks the changed description:\n%s", stdout)
	}
	if strings.Contains(stdout, "config changed") || strings.Contains(stdout, "toolchain changed") {
		t.Errorf("check blames an input that did not change:\n%s", stdout)
	}
	if !strings.Contains(stderr, "out of date") {
		t.Errorf("stderr lacks the summary: %s", stderr)
	}

	// Only the files whose content changed are stale, plus the manifest
	// (listed last): one description is one model file and its doc page.
	stale := regexp.MustCompile(`(?m)^stale: (\S+)`).FindAllStringSubmatch(stdout, -1)
	var names []string
	for _, m := range stale {
		names = append(names, filepath.Base(m[1]))
	}
	if want := "connectsessioncreate.md model_connect_session_create.gen.go"; strings.Join(names, " ") != want {
		t.Errorf("stale files %q, want %q", names, want)
	}
	if !regexp.MustCompile(`(?m)^manifest: \S+oasgen\.gen\.go records`).MatchString(stdout) {
		t.Errorf("manifest change not listed:\n%s", stdout)
	}

	stdout, _ = mustGen(t, 1, "check", "-config", cfg, "-format", "github")
	re := regexp.MustCompile(`(?m)^::error file=[^,]*model_connect_session_create\.gen\.go,line=(\d+),title=[^:]+::stale: .*spec changed`)
	m := re.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no GitHub annotation for the stale file:\n%s", stdout)
	}
	// The annotation points at the changed description, not a header line.
	gotLine, _ := strconv.Atoi(m[1])
	cur, _ := os.ReadFile(filepath.Join(ws, "generated", "stackone", "model_connect_session_create.gen.go"))
	if l := strings.Split(string(cur), "\n"); gotLine < 3 || gotLine > len(l) || !strings.Contains(l[gotLine-1], "origin owner") {
		t.Errorf("annotation on line %d, not on the changed description", gotLine)
	}
	if n := strings.Count(stdout, "::error "); n != 2 {
		t.Errorf("%d annotations, want 2 (the model and its doc page):\n%s", n, stdout)
	}

	mustGen(t, 0, "generate", "-config", cfg)
	mustGen(t, 0, "check", "-config", cfg)
}

func TestConfigAndToolchainChangesAreNamed(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	out := filepath.Join(ws, "generated", "stackone")
	mustGen(t, 0, "generate", "-config", cfg)

	data, _ := os.ReadFile(cfg)
	// Turn docs off for the stackone entry (the first in the config).
	edited := strings.Replace(string(data), "output: ../generated/stackone\n", "output: ../generated/stackone\n    docs: false\n", 1)
	if edited == string(data) {
		t.Fatal("config has no stackone entry to edit")
	}
	writeFile(t, cfg, edited)
	stdout, _ := mustGen(t, 1, "check", "-config", cfg)
	if !strings.Contains(stdout, "config changed") || strings.Contains(stdout, "spec changed") {
		t.Errorf("want only a config change:\n%s", stdout)
	}
	if !strings.Contains(stdout, "orphaned: "+filepath.Join(out, "docs", "models", "connectsession.md")) {
		t.Errorf("docs turned off, but their pages are not reported orphaned:\n%s", stdout)
	}
	mustGen(t, 0, "generate", "-config", cfg)
	if _, err := os.Stat(filepath.Join(out, "docs", "models", "connectsession.md")); err == nil {
		t.Error("orphaned doc page survived generate")
	}

	// A package whose manifest names another toolchain version.
	p := filepath.Join(out, "oasgen.gen.go")
	data, _ = os.ReadFile(p)
	writeFile(t, p, regexp.MustCompile(`(?m)^// toolchain: \S+$`).ReplaceAllString(string(data), "// toolchain: v0.0.1"))
	stdout, _ = mustGen(t, 1, "check", "-config", cfg)
	if !strings.Contains(stdout, "toolchain changed: generated by v0.0.1") || strings.Contains(stdout, "edited by hand") {
		t.Errorf("toolchain change not named:\n%s", stdout)
	}
}

func TestHandEditIsDriftNamedAsSuch(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	p := filepath.Join(ws, "generated", "stackone", "model_connect_session.gen.go")
	mustGen(t, 0, "generate", "-config", cfg)
	data, _ := os.ReadFile(p)
	writeFile(t, p, string(data)+"\nfunc Extra() {}\n")
	stdout, _ := mustGen(t, 1, "check", "-config", cfg)
	if !strings.Contains(stdout, "1 file(s) edited by hand since they were generated: model_connect_session.gen.go") || strings.Contains(stdout, "changed:") {
		t.Errorf("hand edit not explained:\n%s", stdout)
	}
	// The no-op shortcut must not hide the edit from generate either.
	mustGen(t, 0, "generate", "-config", cfg)
	if got, _ := os.ReadFile(p); string(got) != string(data) {
		t.Error("generate did not restore the edited file")
	}
}

// A spec edit that changes no code changes only the manifest: that is the
// one stale file and the one annotation, on its spec line. A hand edit of
// the manifest itself is named and undone.
func TestManifestOnlyChanges(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	specPath := filepath.Join(ws, "spec", "connect_session.yaml")
	man := filepath.Join(ws, "generated", "stackone", "oasgen.gen.go")
	mustGen(t, 0, "generate", "-config", cfg)

	// A comment or a reformatting means the same spec: no drift at all.
	data, _ := os.ReadFile(specPath)
	writeFile(t, specPath, "# a comment\n"+strings.ReplaceAll(string(data), ": ", ":   ")+"# another\n")
	mustGen(t, 0, "check", "-config", cfg)
	// A value that shapes no code: the manifest's spec digest only.
	writeFile(t, specPath, string(data)+"x-internal-note: changes no code\n")
	stdout, _ := mustGen(t, 1, "check", "-config", cfg, "-format", "github")
	ann := regexp.MustCompile(`(?m)^::error file=([^,]*),line=(\d+),`).FindAllStringSubmatch(stdout, -1)
	manLines := strings.Split(string(must(os.ReadFile(man))), "\n")
	if len(ann) != 1 || filepath.Base(ann[0][1]) != "oasgen.gen.go" {
		t.Fatalf("want one annotation, on the manifest:\n%s", stdout)
	}
	if n, _ := strconv.Atoi(ann[0][2]); n < 1 || n > len(manLines) || !strings.HasPrefix(manLines[n-1], "// spec: ") {
		t.Errorf("annotation on manifest line %s, not its spec line", ann[0][2])
	}
	if !strings.Contains(stdout, "spec changed") {
		t.Errorf("cause not given:\n%s", stdout)
	}
	mustGen(t, 0, "generate", "-config", cfg)
	mustGen(t, 0, "check", "-config", cfg)

	orig := string(must(os.ReadFile(man)))
	edited := regexp.MustCompile(`(?m)^//\tsha256:[0-9a-f]+ api\.gen\.go$`).ReplaceAllString(orig, "//\tsha256:0000000000000000 api.gen.go")
	if edited == orig {
		t.Fatal("manifest lists no api.gen.go")
	}
	writeFile(t, man, edited)
	stdout, _ = mustGen(t, 1, "check", "-config", cfg)
	if !strings.Contains(stdout, "1 file(s) edited by hand since they were generated: oasgen.gen.go") {
		t.Errorf("manifest edit not named:\n%s", stdout)
	}
	mustGen(t, 0, "generate", "-config", cfg)
	if got := string(must(os.ReadFile(man))); got != orig {
		t.Error("generate did not restore the manifest")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBrokenSpecExits2AndTouchesNothing(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(spec string) string
		wantPos *regexp.Regexp
	}{
		{
			name: "bad $ref",
			edit: func(s string) string {
				return strings.Replace(s, "$ref: '#/components/schemas/NotImplementedResponse'", "$ref: '#/components/schemas/NoSuchSchema'", 1)
			},
			wantPos: regexp.MustCompile(`connect_session\.yaml:\d+:\d+: .*NoSuchSchema`),
		},
		{
			name:    "invalid YAML",
			edit:    func(s string) string { return strings.Replace(s, "  schemas:\n", "  schemas:\n   bad: [unclosed\n", 1) },
			wantPos: regexp.MustCompile(`connect_session\.yaml:\d+:\d+: .*YAML`),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws := workspace(t)
			cfg := filepath.Join(ws, "spec", "gen.yaml")
			specPath := filepath.Join(ws, "spec", "connect_session.yaml")
			out := filepath.Join(ws, "generated", "stackone")
			mustGen(t, 0, "generate", "-config", cfg)
			ageFiles(t, out)
			before := snapshot(t, out)

			data, _ := os.ReadFile(specPath)
			broken := tc.edit(string(data))
			if broken == string(data) {
				t.Fatal("edit did not apply")
			}
			writeFile(t, specPath, broken)
			for _, cmd := range []string{"check", "generate"} {
				_, stderr := mustGen(t, 2, cmd, "-config", cfg)
				if !tc.wantPos.MatchString(stderr) {
					t.Errorf("%s: stderr lacks file:line:col: %s", cmd, stderr)
				}
			}
			stdout, _ := mustGen(t, 2, "check", "-config", cfg, "-format", "github")
			if !regexp.MustCompile(`(?m)^::error file=[^,]*connect_session\.yaml,line=\d+,col=\d+,title=oasgen::`).MatchString(stdout) {
				t.Errorf("no positioned GitHub annotation for the broken spec:\n%s", stdout)
			}
			sameFiles(t, "after failed generate", before, snapshot(t, out), true)
		})
	}
}

func TestHandWrittenFilesAreNeverLost(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	out := filepath.Join(ws, "generated", "stackone")
	handWritten := "package stackone\n\n// Helper is ours.\nfunc Helper() {}\n"
	writeFile(t, filepath.Join(out, "helper.go"), handWritten)
	writeFile(t, filepath.Join(out, "docs", "models", "notes.md"), "# our notes\n")
	mustGen(t, 0, "generate", "-config", cfg)
	mustGen(t, 0, "generate", "-force", "-config", cfg)
	for p, want := range map[string]string{"helper.go": handWritten, "docs/models/notes.md": "# our notes\n"} {
		if got, err := os.ReadFile(filepath.Join(out, p)); err != nil || string(got) != want {
			t.Errorf("%s: hand-written file changed or removed (%v)", p, err)
		}
	}

	// A hand-written file where a generated one goes is an error, not a victim.
	victim := filepath.Join(out, "model_connect_session.gen.go")
	mine := "package stackone\n\n// ConnectSession is hand-written now.\ntype ConnectSession struct{}\n"
	writeFile(t, victim, mine)
	ageFiles(t, out)
	before := snapshot(t, out)
	_, stderr := mustGen(t, 2, "generate", "-config", cfg)
	if !strings.Contains(stderr, "refusing to overwrite hand-written file") || !strings.Contains(stderr, victim) {
		t.Errorf("stderr: %s", stderr)
	}
	sameFiles(t, "after refused generate", before, snapshot(t, out), true)
	mustGen(t, 2, "check", "-config", cfg)
}

func TestOrphanedFilesAreReportedAndRemoved(t *testing.T) {
	ws := workspace(t)
	cfg := filepath.Join(ws, "spec", "gen.yaml")
	out := filepath.Join(ws, "generated", "stackone")
	specPath := filepath.Join(ws, "spec", "connect_session.yaml")
	data, _ := os.ReadFile(specPath)
	withExtra := strings.Replace(string(data), "  schemas:\n", "  schemas:\n    Leftover:\n      type: object\n      properties:\n        id:\n          type: string\n", 1)
	writeFile(t, specPath, withExtra)
	mustGen(t, 0, "generate", "-config", cfg)
	gone := filepath.Join(out, "model_leftover.gen.go")
	if _, err := os.Stat(gone); err != nil {
		t.Fatalf("schema Leftover generated no %s: %v", gone, err)
	}
	writeFile(t, specPath, string(data)) // the schema is removed from the spec
	stdout, _ := mustGen(t, 1, "check", "-config", cfg)
	if !strings.Contains(stdout, "orphaned: "+gone) {
		t.Errorf("orphan not reported:\n%s", stdout)
	}
	mustGen(t, 0, "generate", "-config", cfg)
	if _, err := os.Stat(gone); err == nil {
		t.Error("orphaned file survived generate")
	}
	mustGen(t, 0, "check", "-config", cfg)
}

// TestConcurrentGenerations runs several real processes that generate two
// different specs into one directory at once: the lock must leave the
// directory wholly one spec's output.
func TestConcurrentGenerations(t *testing.T) {
	ws := workspace(t)
	out := filepath.Join(ws, "generated", "stackone")
	specA := filepath.Join(ws, "spec", "connect_session.yaml")
	specB := filepath.Join(ws, "spec", "variant.yaml")
	data, _ := os.ReadFile(specA)
	writeFile(t, specB, strings.Replace(strings.ReplaceAll(string(data), "description: The origin owner name", "description: Variant B"),
		"  schemas:\n", "  schemas:\n    OnlyInB:\n      type: object\n      properties:\n        id:\n          type: string\n", 1))

	const n = 6
	procs := make([]*exec.Cmd, n)
	outputs := make([]*bytes.Buffer, n)
	for i := range procs {
		spec := specA
		if i%2 == 1 {
			spec = specB
		}
		cmd := exec.Command(os.Args[0], "generate", "-force", "-spec", spec, "-package", "stackone", "-out", out)
		cmd.Env = append(os.Environ(), "OASGEN_TEST_AS_GEN=1", "OASGEN_CACHE=off")
		outputs[i] = new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = outputs[i], outputs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs[i] = cmd
	}
	for i, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Errorf("run %d: %v\n%s", i, err, outputs[i])
		}
	}
	codeA, _, _ := runGen(t, "check", "-spec", specA, "-package", "stackone", "-out", out)
	codeB, _, _ := runGen(t, "check", "-spec", specB, "-package", "stackone", "-out", out)
	if codeA != 0 && codeB != 0 {
		_, diffA, _ := runGen(t, "check", "-spec", specA, "-package", "stackone", "-out", out)
		t.Fatalf("directory matches neither spec after concurrent runs (check A: %d, B: %d):\n%s", codeA, codeB, diffA)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestDiff(t *testing.T) {
	ws := workspace(t)
	oldSpec := filepath.Join(ws, "spec", "connect_session.yaml")
	data, _ := os.ReadFile(oldSpec)
	spec := string(data)
	const enum = "enum: [ats, hris, hris-legacy, crm, iam, marketing, lms, stackone, documents, null]"
	if !strings.Contains(spec, enum) {
		t.Fatal("categories enum not found in spec")
	}
	ticketing := filepath.Join(ws, "ticketing.yaml")
	writeFile(t, ticketing, strings.ReplaceAll(spec, enum, "enum: [ats, hris, hris-legacy, crm, iam, marketing, lms, stackone, documents, ticketing, null]"))
	required := filepath.Join(ws, "required.yaml")
	const req = "        - origin_owner_name\n      properties:\n        account_id:"
	if !strings.Contains(spec, req) {
		t.Fatal("ConnectSessionCreate required list not found in spec")
	}
	writeFile(t, required, strings.Replace(spec, req, "        - origin_owner_name\n        - provider\n      properties:\n        account_id:", 1))

	stdout, _ := mustGen(t, 0, "diff", oldSpec, ticketing)
	for _, want := range []string{"request-property-enum-value-added", "const ConnectSessionCreateCategoriesTicketing added", "No breaking changes."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("ticketing diff lacks %q:\n%s", want, stdout)
		}
	}

	stdout, _ = mustGen(t, 1, "diff", oldSpec, required)
	if !regexp.MustCompile(`breaking +request-property-became-required at POST /connect_sessions \(.*required\.yaml:\d+:\d+\)`).MatchString(stdout) {
		t.Errorf("provider becoming required is not reported as breaking:\n%s", stdout)
	}

	stdout, _ = mustGen(t, 1, "diff", "-format", "json", oldSpec, required)
	if !strings.Contains(stdout, `"id": "request-property-became-required"`) || !strings.Contains(stdout, `"level": "breaking"`) {
		t.Errorf("json output:\n%s", stdout)
	}

	stdout, _ = mustGen(t, 1, "diff", "-format", "github", oldSpec, required)
	if !regexp.MustCompile(`(?m)^::error file=[^,]*required\.yaml,line=\d+,col=\d+,title=API change request-property-became-required::POST /connect_sessions: `).MatchString(stdout) {
		t.Errorf("no GitHub annotation for the breaking change:\n%s", stdout)
	}

	// With the repository's config: package stackone, its templates.
	stdout, _ = mustGen(t, 1, "diff", "-config", filepath.Join(ws, "spec", "gen.yaml"), oldSpec, required)
	if !strings.Contains(stdout, "Generated Go API (package stackone)") {
		t.Errorf("-config not used:\n%s", stdout)
	}

	// Renaming a schema: one finding for the removed type (its fields,
	// methods and constructor counted with it), one for the new one.
	renamed := filepath.Join(ws, "renamed.yaml")
	writeFile(t, renamed, strings.ReplaceAll(spec, "ForbiddenResponse", "AccessDeniedResponse"))
	stdout, _ = mustGen(t, 1, "diff", "-format", "json", oldSpec, renamed)
	var rep struct {
		Go []struct {
			ID, Where, Type string
			Members         map[string]int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range rep.Go {
		if c.Type == "ForbiddenResponse" || c.Type == "AccessDeniedResponse" {
			got = append(got, fmt.Sprintf("%s %s fields=%d methods=%d", c.ID, c.Where, c.Members["field"], c.Members["method"]))
		}
	}
	if want := "go-added type AccessDeniedResponse fields=3 methods=7,go-removed type ForbiddenResponse fields=3 methods=7"; strings.Join(got, ",") != want {
		t.Errorf("renamed schema: %q, want %q\n%s", got, want, stdout)
	}
	if len(rep.Go) > 6 {
		t.Errorf("%d Go findings for one renamed schema:\n%s", len(rep.Go), stdout)
	}

	mustGen(t, 2, "diff", oldSpec)
	_, stderr := mustGen(t, 2, "diff", oldSpec, filepath.Join(ws, "missing.yaml"))
	if !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestGoGenerateLeavesCleanTree copies the repository (its tracked files)
// to a temp dir, commits it, runs `go generate ./...` there and expects
// `git status --porcelain` to print nothing.
func TestGoGenerateLeavesCleanTree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	for _, tool := range []string{"git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on PATH", tool)
		}
	}
	root := repoRoot(t)
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = root
	list, err := ls.Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	dst := t.TempDir()
	for name := range strings.SplitSeq(strings.TrimRight(string(list), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted in the working tree
		}
		writeFile(t, filepath.Join(dst, name), string(data))
	}
	sh := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dst
		cmd.Env = append(os.Environ(), "OASGEN_CACHE=off", "GOFLAGS=-mod=mod", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	sh("git", "init", "-q")
	sh("git", "add", "-A")
	sh("git", "commit", "-q", "-m", "snapshot")
	sh("go", "generate", "./...")
	if st := sh("git", "status", "--porcelain"); st != "" {
		t.Errorf("go generate ./... changed the tree:\n%s\n%s", st, sh("git", "diff", "--stat"))
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"generate", "-h"}, {"check", "-h"}, {"diff", "-h"}} {
		code, out, errs := runGen(t, args...)
		if code != 0 || !strings.Contains(out+errs, "Usage") || !strings.Contains(out+errs, "gen ") {
			t.Errorf("gen %v: exit %d\n%s%s", args, code, out, errs)
		}
	}
	if code, _, _ := runGen(t, "check", "-format", "xml"); code != 2 {
		t.Errorf("bad -format: exit %d, want 2", code)
	}
	if code, _, _ := runGen(t, "nope"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// A bad -package is refused before anything is rendered, in one line.
func TestInvalidPackageName(t *testing.T) {
	ws := workspace(t)
	spec := filepath.Join(ws, "spec", "connect_session.yaml")
	out := filepath.Join(ws, "out")
	for _, pkg := range []string{"bad-name", "func", "_", "9lives"} {
		for _, args := range [][]string{
			{"generate", "-spec", spec, "-package", pkg, "-out", out},
			{"check", "-spec", spec, "-package", pkg, "-out", out},
			{"diff", "-package", pkg, spec, spec},
		} {
			code, stdout, stderr := runGen(t, args...)
			if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "not a valid Go package name") {
				t.Errorf("gen %v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, stdout, stderr)
			}
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output directory created for an invalid package")
	}
}

// TestInterruptedRunLeavesEachFileOldOrNew kills generations of spec B over
// spec A's output at different moments: every file must then be wholly A's
// or wholly B's, and the next run must clean up and finish the job.
func TestInterruptedRunLeavesEachFileOldOrNew(t *testing.T) {
	ws := workspace(t)
	out := filepath.Join(ws, "generated", "stackone")
	specA := filepath.Join(ws, "spec", "connect_session.yaml")
	specB := filepath.Join(ws, "spec", "variant.yaml")
	data, _ := os.ReadFile(specA)
	writeFile(t, specB, strings.ReplaceAll(string(data), "description: The origin owner name", "description: Variant B"))
	args := func(spec, dir string) []string {
		return []string{"generate", "-force", "-spec", spec, "-package", "stackone", "-out", dir}
	}
	// B's files, rendered elsewhere but from the same relative spec path
	// and for the same import path (which raw/ imports the models by).
	bDir := filepath.Join(ws, "generated", "b")
	mustGen(t, 0, append(args(specB, bDir), "-import-path", "example.com/ws/generated/stackone")...)
	wantB := snapshot(t, bDir)
	probe := filepath.Join(out, "api.gen.go") // written first: files go in path order
	for attempt := range 4 {
		os.RemoveAll(out)
		mustGen(t, 0, args(specA, out)...)
		wantA := snapshot(t, out)
		before, _ := os.ReadFile(probe)
		cmd := exec.Command(os.Args[0], args(specB, out)...)
		cmd.Env = append(os.Environ(), "OASGEN_TEST_AS_GEN=1", "OASGEN_CACHE=off")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it as soon as it starts writing (later on later attempts).
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if now, _ := os.ReadFile(probe); string(now) != string(before) {
				break
			}
			time.Sleep(200 * time.Microsecond)
		}
		time.Sleep(time.Duration(attempt) * 2 * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		delay := fmt.Sprintf("attempt %d", attempt)
		nA, nB, nTemp := 0, 0, 0
		for p, f := range snapshot(t, out) {
			if strings.HasPrefix(filepath.Base(p), ".") {
				nTemp++
				continue // a temp file of the killed run
			}
			if f.content == wantA[p].content {
				nA++
			} else if f.content == wantB[p].content {
				nB++
			}
			a, b := wantA[p], wantB[p]
			// B's headers name a different relative spec path only if the
			// dirs differ in depth; they do not, so contents compare whole.
			if f.content != a.content && f.content != b.content {
				t.Errorf("after a kill at %s: %s is neither A's nor B's", delay, p)
			}
		}
		t.Logf("killed at %s: %d files old, %d new, %d temp files", delay, nA, nB, nTemp)
		mustGen(t, 0, args(specB, out)...)
		mustGen(t, 0, "check", "-spec", specB, "-package", "stackone", "-out", out)
		for p := range snapshot(t, out) {
			if strings.HasPrefix(filepath.Base(p), ".") {
				t.Errorf("after the next run, %s is still there", p)
			}
		}
	}
}

// TestRawPackage: oapi-codegen's client goes to <out>/raw, importing the
// models by the import path the nearest go.mod gives (or -import-path);
// without either, the run stops before writing. raw/ is managed like the
// output directory: a hand-written file there is kept, one of another
// package stops the run, and the client's file goes when the client does.
func TestRawPackage(t *testing.T) {
	ws := workspace(t)
	spec := filepath.Join(ws, "spec", "connect_session.yaml")

	// Outside any module.
	loose := filepath.Join(t.TempDir(), "api")
	code, _, stderr := runGen(t, "generate", "-spec", spec, "-package", "api", "-out", loose)
	if code != 2 || !strings.Contains(stderr, loose+": no go.mod") || !strings.Contains(stderr, "-import-path") {
		t.Errorf("no module: exit %d, stderr %q; want 2 and a way out", code, stderr)
	}
	if _, err := os.Stat(loose); err == nil {
		t.Error("output written although the raw package's import path is unknown")
	}
	mustGen(t, 0, "generate", "-spec", spec, "-package", "api", "-out", loose, "-import-path", "example.com/loose/api")
	if raw, _ := os.ReadFile(filepath.Join(loose, "raw", "client.gen.go")); !strings.Contains(string(raw), `"example.com/loose/api"`) {
		t.Errorf("raw/client.gen.go does not import the -import-path:\n%.400s", raw)
	}
	if code, _, stderr := runGen(t, "generate", "-import-path", "x", "-config", filepath.Join(ws, "spec", "gen.yaml")); code != 2 || !strings.Contains(stderr, "-import-path goes with -spec") {
		t.Errorf("-import-path with -config: exit %d, stderr %q", code, stderr)
	}

	// Inside the workspace's module.
	out := filepath.Join(ws, "generated", "stackone")
	mustGen(t, 0, "generate", "-config", filepath.Join(ws, "spec", "gen.yaml"))
	raw, err := os.ReadFile(filepath.Join(out, "raw", "client.gen.go"))
	if err != nil || !strings.Contains(string(raw), "package raw\n") || !strings.Contains(string(raw), `"example.com/ws/generated/stackone"`) {
		t.Fatalf("raw/client.gen.go: %v\n%.400s", err, raw)
	}
	helper := filepath.Join(out, "raw", "helper.go")
	writeFile(t, helper, "package raw\n\n// Hand-written.\nfunc Helper() {}\n")
	writeFile(t, filepath.Join(out, "raw", "other.go"), "package other\n")
	if code, _, stderr := runGen(t, "generate", "-force", "-config", filepath.Join(ws, "spec", "gen.yaml")); code != 2 || !strings.Contains(stderr, "package other") {
		t.Errorf("another package in raw/: exit %d, stderr %q; want 2", code, stderr)
	}
	os.Remove(filepath.Join(out, "raw", "other.go"))
	mustGen(t, 0, "generate", "-client=false", "-config", filepath.Join(ws, "spec", "gen.yaml"))
	if _, err := os.Stat(filepath.Join(out, "raw", "client.gen.go")); err == nil {
		t.Error("raw/client.gen.go was not removed with the client")
	}
	if _, err := os.Stat(helper); err != nil {
		t.Errorf("hand-written raw/helper.go: %v", err)
	}
}
