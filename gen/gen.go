// Package gen is the oasgen library: it runs the pipeline
//
//	spec file ──load──▶ validated document ──plan──▶ Go model ──emit──▶ files ──write──▶ disk
//
// for each configured spec. The stages live in the sub-packages load, plan,
// emit and write; this package wires them together, handles the config and
// decides what changes on disk. The CLI in cmd/gen only parses flags and
// calls Generate or Check.
package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/emit"
	"github.com/oasgen/oasgen/gen/internal/par"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/gen/write"
)

// Version is the toolchain version recorded in every generated file's
// fingerprint (a released build records its module version instead; see
// CurrentToolchain). Bump it whenever generated output changes for the same
// input, so that `gen check` can say "toolchain changed".
const Version = "v0.23.0"

// Job is one spec → one Go package, with every path resolved.
type Job struct {
	Spec            string
	Package         string
	Output          string
	Strict          bool
	AllowRemoteRefs bool
	Docs            bool
	Client          bool
	// GroupByTags groups operations by their first tag (config groups:
	// tags); omitted from the settings digest while false, so that configs
	// without it keep their fingerprint.
	GroupByTags  bool `json:",omitempty"`
	TemplatesDir string
	// InferPagination is the config's infer-pagination (omitted from the
	// settings digest when off, so turning it on is the only change).
	InferPagination bool `json:",omitempty"`
	// NoRawClient leaves out oapi-codegen's client in raw/ (the config's
	// raw-client: false, -raw-client=false): the APIClient stays, and the
	// output costs 30–40 % less to compile. Omitted from the settings
	// digest while false, so that configs without it keep their
	// fingerprint.
	NoRawClient bool `json:",omitempty"`
	// ImportPath is the generated package's import path, which the raw
	// client package imports; "" derives it from the nearest go.mod (see
	// importpath.go).
	ImportPath string
	// Limits bound what loading the spec may cost; zero fields are defaults.
	// They decide only whether generation fails, so the fingerprint's
	// digest of the settings (a JSON encoding of Job) leaves them out.
	Limits load.Limits `json:"-"`
	// ConfigWarnings are problems found in the job's config entry; they
	// are reported with the spec's warnings.
	ConfigWarnings diag.List `json:"-"`
}

// Result is what generation would do for one job.
type Result struct {
	Job      Job
	Files    []write.File   // every file, finished; nil when UpToDate
	Changes  []write.Change // differences from disk
	Warnings diag.List
	// UpToDate is set when the files on disk already carry this generation's
	// fingerprint and match it, so nothing was loaded, planned or rendered.
	UpToDate bool
	// Fingerprint is what this generation's files record.
	Fingerprint write.Fingerprint
	// Causes says, when there are changes, which input changed (spec,
	// config, toolchain) or that the files were edited.
	Causes []string
	// Model is the plan the files were emitted from (for reports such as
	// the corpus run: which schema became which type); nil when UpToDate.
	Model *plan.Model
}

// Options tune Generate and Check.
type Options struct {
	// CacheDir is where a development build of the toolchain (whose version
	// does not change when its code does) remembers what it wrote, so that
	// an unchanged run can skip generating. "" turns that off; released
	// builds skip without it.
	CacheDir string
	// Force renders everything even when the fingerprints say nothing
	// changed.
	Force bool
}

// Run plans every job (in parallel) and computes its changes against disk.
// It writes nothing and always renders. The first error, in job order, is
// returned.
func Run(jobs []Job) ([]*Result, error) {
	return runJobs(jobs, Options{Force: true}, false)
}

// Generate runs every job and, only when all of them planned and rendered
// without error, applies their changes.
func Generate(jobs []Job) ([]*Result, error) {
	return runJobs(jobs, Options{}, true)
}

// GenerateWith is Generate with options. A job whose files are up to date
// (see Result.UpToDate) is not rendered and nothing of it is rewritten.
func GenerateWith(jobs []Job, o Options) ([]*Result, error) {
	return runJobs(jobs, o, true)
}

// Check computes every job's changes against disk, writing nothing.
func Check(jobs []Job, o Options) ([]*Result, error) {
	return runJobs(jobs, o, false)
}

func runJobs(jobs []Job, o Options, apply bool) ([]*Result, error) {
	tc := CurrentToolchain()
	m := memo{dir: o.CacheDir}
	if !tc.Released && o.CacheDir != "" {
		m.exe, _ = executableDigest()
	}
	jobs = slices.Clone(jobs)
	for i := range jobs {
		// Resolved first, so the no-op check's digest sees a module move;
		// render reports a failure if the client needs the path.
		jobs[i], _ = withImportPath(jobs[i])
	}
	results := make([]*Result, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if !o.Force {
				if r := upToDate(j, tc, m); r != nil {
					results[i] = r
					return
				}
			}
			results[i], errs[i] = render(j, tc)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return results, err
		}
	}
	// Every job rendered: only now look at (and touch) the disk. A
	// hand-written file in the way of any job, or a Go file of another
	// package in its directory, stops them all before one byte is written.
	for _, r := range results {
		if err := foreignPackage(r.Job); err != nil {
			return results, err
		}
	}
	if apply {
		for _, r := range results {
			if !r.UpToDate {
				if _, err := write.Diff(r.Job.Output, r.Files); err != nil {
					return results, err
				}
			}
		}
	}
	for _, r := range results {
		if r.UpToDate {
			continue
		}
		if err := settle(r, apply); err != nil {
			return results, err
		}
		if apply || len(r.Changes) == 0 {
			m.record(sourcePath(r.Job), r.Fingerprint)
		}
	}
	return results, nil
}

// foreignPackage fails when a hand-written Go file in the job's output
// directory declares another package: the directory would no longer build
// once the generated files are there. External tests (package <pkg>_test in
// a _test.go file) and files built only with the ignore tag are fine.
func foreignPackage(j Job) error {
	if err := foreignPackageIn(j.Output, j.Package); err != nil || !j.Client || j.NoRawClient {
		return err
	}
	return foreignPackageIn(filepath.Join(j.Output, plan.RawDir), plan.RawPackageName)
}

// foreignPackageIn is foreignPackage for the package pkg in dir. The files
// are looked at in parallel, and a generated one only as far as its first
// line: Stripe's 4,313 model files took 0.3 s, a third of a no-op run,
// read whole one after the other.
func foreignPackageIn(dir, pkg string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // a missing directory holds no other package
	}
	errs := make([]error, len(entries))
	par.For(len(entries), func(i int) {
		name := entries[i].Name()
		if entries[i].IsDir() || !strings.HasSuffix(name, ".go") {
			return
		}
		errs[i] = foreignFile(filepath.Join(dir, name), pkg)
	})
	for _, err := range errs {
		if err != nil {
			return err // the first in directory order, as before
		}
	}
	return nil
}

// foreignFile reports the Go file at path when it is no generated file and
// declares a package other than pkg (or pkg_test, for a test).
func foreignFile(path, pkg string) error {
	if generatedHeader(path) {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil || write.IsGenerated(src) {
		return nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		return nil // the go command reports a broken file better
	}
	if ignoredBuild(f) {
		return nil
	}
	if got := f.Name.Name; got == pkg || (strings.HasSuffix(path, "_test.go") && got == pkg+"_test") {
		return nil
	}
	pos := fset.Position(f.Name.Pos())
	return diag.Errorf(diag.Pos{File: path, Line: pos.Line, Col: pos.Column}, "",
		"package %s, but %s is generated as package %s: a directory holds one Go package (rename the package, or generate into another directory)",
		f.Name.Name, filepath.Dir(path), pkg)
}

// generatedHeader reports whether the file at path starts with our header
// line, reading no more than its first 4 KiB.
func generatedHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var buf [4096]byte
	n, _ := io.ReadFull(f, buf[:])
	head := buf[:n]
	return bytes.IndexByte(head, '\n') >= 0 && write.IsGenerated(head)
}

// ignoredBuild reports a `//go:build ignore` file (a generator script, say),
// which is no part of the package.
func ignoredBuild(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if expr, err := constraint.Parse(c.Text); err == nil && strings.Contains(expr.String(), "ignore") {
				return true
			}
		}
	}
	return false
}

// settle diffs a rendered job against disk and, when apply is set, writes
// the changes under the output directory's lock.
func settle(r *Result, apply bool) error {
	if !apply {
		old, oldBytes, oldOK := write.ReadManifest(r.Job.Output)
		changes, err := write.Diff(r.Job.Output, r.Files)
		r.Changes = changes
		r.Causes = explain(r, old, oldOK, oldBytes)
		return err
	}
	unlock, err := write.Lock(r.Job.Output)
	if err != nil {
		return fmt.Errorf("locking %s: %w", r.Job.Output, err)
	}
	err = write.RemoveTemp(r.Job.Output)
	var changes []write.Change
	old, oldBytes, oldOK := write.ReadManifest(r.Job.Output)
	if err == nil {
		changes, err = write.Diff(r.Job.Output, r.Files)
	}
	if err == nil {
		r.Changes = changes
		r.Causes = explain(r, old, oldOK, oldBytes)
		err = write.Apply(r.Job.Output, changes)
		if err != nil {
			err = fmt.Errorf("writing %s: %w", r.Job.Output, err)
		}
	}
	if uerr := unlock(); err == nil && uerr != nil {
		err = fmt.Errorf("unlocking %s: %w", r.Job.Output, uerr)
	}
	return err
}

// sourcePath is the spec as the generated files name it: relative to the
// output directory, slash-separated.
func sourcePath(j Job) string {
	// Both absolute: Rel cannot relate "../api" to "openapi.yaml" (a run
	// from the spec's directory into a sibling one) without the cwd.
	spec, out := j.Spec, j.Output
	if a, err := filepath.Abs(spec); err == nil {
		spec = a
	}
	if a, err := filepath.Abs(out); err == nil {
		out = a
	}
	rel, err := filepath.Rel(out, spec)
	if err != nil {
		rel = j.Spec
	}
	return filepath.ToSlash(rel)
}

// upToDate is the no-op check: without loading the spec, it digests the
// inputs and compares them with the output directory's manifest, and every
// generated file on disk with the digest the manifest records for it (so a
// hand edit, a missing or an extra file is seen). It returns nil whenever
// anything is off or unknown, and the caller renders.
func upToDate(j Job, tc Toolchain, m memo) *Result {
	if j.Strict && len(j.ConfigWarnings) > 0 {
		return nil // -strict fails on them: render, which says so
	}
	// What the spec means, not its bytes: an edit of a comment or of the
	// formatting finds the manifest up to date (and a full run would
	// record the same digest).
	specD, err := load.Digest(j.Spec, load.Options{Limits: j.Limits})
	if err != nil {
		return nil
	}
	_, tmplD, err := readTemplates(j.TemplatesDir)
	if err != nil {
		return nil
	}
	want := write.Fingerprint{Spec: specD, Config: configDigest(j, tmplD), Toolchain: tc.ID}
	man, manBytes, ok := write.ReadManifest(j.Output)
	src := sourcePath(j)
	if !ok || man.Source != src || man.Package != j.Package || !man.Fingerprint.SameInputs(want) || !man.Consistent(manBytes) {
		return nil
	}
	disk, err := write.Scan(j.Output)
	if err != nil || len(disk) != len(man.Files)+1 {
		return nil
	}
	recorded := make(map[string]string, len(man.Files))
	for _, f := range man.Files {
		recorded[f.Path] = f.Digest
	}
	// Every file on disk is one the manifest records, with its digest (and
	// as many of them): the set is the recorded one, whose output digest
	// Consistent has checked against the fingerprint.
	if !write.DigestsMatch(disk, recorded) {
		return nil
	}
	if !tc.Released && !m.has(src, man.Fingerprint) {
		return nil
	}
	if j.Strict && len(man.Warnings) > 0 {
		return nil // -strict fails on them: render, which says so
	}
	warnings := append(append(diag.List{}, j.ConfigWarnings...), manifestWarnings(man.Warnings, j.Output)...).Sort()
	return &Result{Job: j, UpToDate: true, Fingerprint: man.Fingerprint, Warnings: warnings}
}

// Render loads, plans, emits and finishes one job in memory. It neither
// reads nor writes the output directory (whose path only shapes the
// headers).
func Render(j Job) (*Result, error) {
	return render(j, CurrentToolchain())
}

func render(j Job, tc Toolchain) (*Result, error) {
	spec, err := load.Open(j.Spec, load.Options{AllowRemoteRefs: j.AllowRemoteRefs, Limits: j.Limits})
	if err != nil {
		return nil, err
	}
	// kin-openapi validates the document while it is planned and emitted
	// (which only read it). Its verdict comes first: a document it rejects
	// is reported as such, whatever planning made of it.
	r, err := renderSpec(j, tc, spec)
	if verr := spec.Wait(); verr != nil {
		return nil, verr
	}
	if err != nil {
		return nil, err
	}
	specWarnings := append(append(diag.List{}, spec.Warnings...), r.Warnings...).Sort()
	warnings := append(append(diag.List{}, j.ConfigWarnings...), specWarnings...).Sort()
	if j.Strict && len(warnings) > 0 {
		errs := make(diag.List, len(warnings))
		for i, w := range warnings {
			w.Severity = diag.Error
			w.Msg += " (an error under -strict)"
			errs[i] = w
		}
		return nil, errs
	}
	r.Warnings = warnings
	// The spec's warnings go in the manifest, so a run that finds nothing
	// to do (and `gen check`) reports them too; the config's are found
	// afresh on every run.
	for i, f := range r.Files {
		if f.Path == write.ManifestName {
			m, ok := write.ParseManifest(f.Content)
			if !ok {
				return nil, fmt.Errorf("internal error: the manifest just written does not parse")
			}
			m.Warnings = relativeWarnings(specWarnings, j.Output)
			r.Files[i].Content = m.Bytes()
		}
	}
	return r, nil
}

// relativeWarnings names each warning's file relative to the output
// directory, slash-separated (as the manifest records them), and sorts
// them in that form, so the manifest is the same from any working
// directory.
func relativeWarnings(l diag.List, out string) diag.List {
	absOut, err := filepath.Abs(out)
	res := make(diag.List, len(l))
	for i, w := range l {
		if w.Pos.File != "" && err == nil {
			if abs, err := filepath.Abs(w.Pos.File); err == nil {
				if rel, err := filepath.Rel(absOut, abs); err == nil {
					w.Pos.File = filepath.ToSlash(rel)
				}
			}
		}
		res[i] = w
	}
	return res.Sort()
}

// manifestWarnings turns the warnings a manifest records back into
// positions usable from here: joined to the output directory.
func manifestWarnings(l diag.List, out string) diag.List {
	res := make(diag.List, len(l))
	for i, w := range l {
		if w.Pos.File != "" && !filepath.IsAbs(filepath.FromSlash(w.Pos.File)) {
			w.Pos.File = filepath.Join(out, filepath.FromSlash(w.Pos.File))
		}
		res[i] = w
	}
	return res
}

// renderSpec plans, emits and finishes a loaded spec. The Result's Warnings
// are the planner's only: render adds the loader's once validation is done.
func renderSpec(j Job, tc Toolchain, spec *load.Spec) (*Result, error) {
	rel := sourcePath(j)
	j, importErr := withImportPath(j)
	m, err := plan.Build(spec, plan.Options{Package: j.Package, SpecPath: rel, Toolchain: Version, ImportPath: j.ImportPath,
		Client: j.Client, RawClient: !j.NoRawClient, Docs: j.Docs, GroupByTags: j.GroupByTags, InferPagination: j.InferPagination})
	if err != nil {
		return nil, err
	}
	if m.Client && importErr != nil {
		return nil, importErr
	}
	warnings := append(diag.List{}, m.Warnings...)
	templates, tmplDigest, err := readTemplates(j.TemplatesDir)
	if err != nil {
		return nil, err
	}
	files, err := emit.All(m, emit.Options{Templates: templates})
	if err != nil {
		return nil, err
	}
	wf := make([]write.File, len(files))
	for i, f := range files {
		wf[i] = write.File{Path: f.Path, Content: f.Content}
	}
	fp := write.Fingerprint{Spec: spec.Digest, Config: configDigest(j, tmplDigest), Toolchain: tc.ID}
	finished, err := write.Finish(wf, write.Header{Source: rel, Package: j.Package, Fingerprint: fp})
	if err != nil {
		return nil, err
	}
	fp.Output = write.OutputDigest(finished)
	return &Result{Job: j, Files: finished, Warnings: warnings, Fingerprint: fp, Model: m}, nil
}

// explain says why a job's files differ from disk: which inputs changed
// since the manifest on disk was written (spec, config, toolchain), and
// which files were edited by hand (their digest no longer matches the
// manifest's).
func explain(r *Result, old write.Manifest, oldOK bool, oldBytes []byte) []string {
	if len(r.Changes) == 0 {
		return nil
	}
	var out []string
	oldExists := oldBytes != nil
	missing, generated, regenerated := 0, 0, 0
	var edited []string
	if oldOK && !old.Consistent(oldBytes) {
		edited = append(edited, write.ManifestName)
	}
	for _, c := range r.Changes {
		if c.Path == write.ManifestName {
			continue
		}
		generated++
		switch {
		case c.Old == nil:
			missing++
		case oldOK && old.Lookup(c.Path) != write.Digest(c.Old):
			edited = append(edited, c.Path)
		default:
			regenerated++
		}
	}
	switch {
	case !oldExists && missing == generated:
		// Nothing generated here yet: a first generation, not drift.
		out = append(out, "first generation: nothing was generated here before")
		missing = 0
	case !oldExists:
		out = append(out, fmt.Sprintf("no %s manifest: written by an older oasgen, or deleted", write.ManifestName))
	case !oldOK:
		out = append(out, fmt.Sprintf("%s is unreadable: written by an older oasgen, or edited", write.ManifestName))
	default:
		o, n := old.Fingerprint, r.Fingerprint
		if o.Spec != n.Spec {
			out = append(out, fmt.Sprintf("spec changed: %s or a file it $refs (%s → %s)", r.Job.Spec, o.Spec, n.Spec))
		}
		if o.Config != n.Config {
			out = append(out, fmt.Sprintf("config changed: package settings or template overrides (%s → %s)", o.Config, n.Config))
		}
		if o.Toolchain != n.Toolchain {
			out = append(out, fmt.Sprintf("toolchain changed: generated by %s, this is %s", o.Toolchain, n.Toolchain))
		}
		if o.SameInputs(n) && regenerated > 0 {
			out = append(out, "files differ although spec, config and toolchain are unchanged: the generator changed without a version bump")
		}
	}
	if len(edited) > 0 {
		names := edited
		if len(names) > 3 {
			names = append(names[:3:3], "…")
		}
		out = append(out, fmt.Sprintf("%d file(s) edited by hand since they were generated: %s", len(edited), strings.Join(names, ", ")))
	}
	if missing > 0 {
		out = append(out, fmt.Sprintf("%d file(s) missing from disk", missing))
	}
	return out
}

// readTemplates loads <name>.tmpl files from dir as oapi-codegen template
// overrides.
func readTemplates(dir string) (map[string]string, string, error) {
	if dir == "" {
		return nil, "", nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", diag.Errorf(diag.Pos{File: dir}, "", "reading templates: %v", err)
	}
	out := map[string]string{}
	var names []string
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".tmpl" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, "", err
		}
		out[e.Name()] = string(data)
		names = append(names, e.Name())
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00%s", n, len(out[n]), out[n])
	}
	return out, hex.EncodeToString(h.Sum(nil)), nil
}

// IsInputError reports whether err is about the input (spec, config,
// templates, a hand-written file in the way) rather than a tool failure.
func IsInputError(err error) bool {
	var ce *write.ConflictError
	return diag.IsInputError(err) || errors.As(err, &ce)
}

// Report renders changes as text: why they happened, then a line per file
// and a unified diff.
func Report(r *Result, cwd string) string {
	var b strings.Builder
	for _, c := range r.Causes {
		fmt.Fprintf(&b, "%s: %s\n", display(r.Job.Output, cwd), c)
	}
	for _, c := range manifestLast(r.Changes) {
		p := display(filepath.Join(r.Job.Output, filepath.FromSlash(c.Path)), cwd)
		fmt.Fprintf(&b, "%s\n", changeLine(r, c, p, cwd))
		switch c.Kind {
		case write.Stale:
			b.WriteString(write.Unified("a/"+p, "b/"+p, c.Old, c.New))
		case write.Missing:
			b.WriteString(write.Unified("/dev/null", "b/"+p, nil, c.New))
		case write.Orphaned:
			b.WriteString(write.Unified("a/"+p, "/dev/null", c.Old, nil))
		}
	}
	return b.String()
}

// manifestLast orders the manifest after the files it describes: it
// changes with every input change, the files that matter come first.
func manifestLast(changes []write.Change) []write.Change {
	out := make([]write.Change, 0, len(changes))
	var man []write.Change
	for _, c := range changes {
		if c.Path == write.ManifestName {
			man = append(man, c)
		} else {
			out = append(out, c)
		}
	}
	return append(out, man...)
}

func changeLine(r *Result, c write.Change, p, cwd string) string {
	if c.Path == write.ManifestName && c.Kind == write.Stale {
		return fmt.Sprintf("manifest: %s records other inputs or files than %s generates", p, display(r.Job.Spec, cwd))
	}
	switch c.Kind {
	case write.Stale:
		return fmt.Sprintf("stale: %s differs from what %s generates", p, display(r.Job.Spec, cwd))
	case write.Missing:
		return fmt.Sprintf("missing: %s is not on disk", p)
	default:
		return fmt.Sprintf("orphaned: %s is generated but no longer produced by %s", p, display(r.Job.Spec, cwd))
	}
}

// ReportGitHub renders changes as GitHub Actions workflow commands: an error
// annotation per changed file (on its first differing line) saying why, and
// the unified diff in a collapsed group. The manifest gets an annotation
// only when nothing else changed (GitHub shows few annotations per step:
// they go to the files whose code changed).
func ReportGitHub(r *Result, cwd string) string {
	var b strings.Builder
	why := strings.Join(r.Causes, "; ")
	for _, c := range manifestLast(r.Changes) {
		if c.Path == write.ManifestName && len(r.Changes) > 1 {
			continue
		}
		p := filepath.ToSlash(display(filepath.Join(r.Job.Output, filepath.FromSlash(c.Path)), cwd))
		line := 1
		if c.Kind == write.Stale {
			line = max(write.FirstChangedLine(c.Old, c.New), 1)
		}
		msg := changeLine(r, c, p, cwd) + ". Run `go generate ./...` (or `gen generate`) and commit the result."
		if why != "" {
			msg += "\n" + why
		}
		fmt.Fprintf(&b, "::error file=%s,line=%d,title=%s::%s\n", ghProperty(p), line, ghProperty("generated code out of date"), ghData(msg))
	}
	if len(r.Changes) > 0 {
		fmt.Fprintf(&b, "::group::diff of %s\n", display(r.Job.Output, cwd))
		b.WriteString(Report(r, cwd))
		b.WriteString("::endgroup::\n")
	}
	return b.String()
}

// DiagnosticsGitHub renders positioned diagnostics (spec errors, or
// warnings) as GitHub Actions annotations; other errors become one
// annotation without a file.
func DiagnosticsGitHub(err error, cwd string) string {
	var l diag.List
	if !errors.As(err, &l) {
		return "::error title=oasgen::" + ghData(err.Error()) + "\n"
	}
	var b strings.Builder
	for _, d := range l {
		kind := "error"
		if d.Severity == diag.Warning {
			kind = "warning"
		}
		var props []string
		if d.Pos.File != "" {
			props = append(props, "file="+ghProperty(filepath.ToSlash(display(d.Pos.File, cwd))))
		}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		}
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
		msg := d.Msg
		if d.Where != "" {
			msg = d.Where + ": " + msg
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", kind, strings.Join(append(props, "title=oasgen"), ","), ghData(msg))
	}
	return b.String()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func display(p, cwd string) string {
	if cwd == "" {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	// Relative to the working directory when inside it (as CI logs and
	// annotations want), else absolute.
	if rel, err := filepath.Rel(cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return abs
}
