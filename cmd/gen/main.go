// Command gen generates Go types and a client from OpenAPI specs and checks
// that committed generated code is up to date.
//
// It is a thin shell over github.com/oasgen/oasgen/gen: it parses flags,
// calls the library and maps the outcome to an exit code (0 ok, 1 drift
// found, 2 usage or input error).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/apidiff"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/write"
)

const usage = `gen generates Go code from OpenAPI specs and keeps it in sync.

Usage:
  gen generate [-config FILE | -spec FILE -package NAME -out DIR] [-strict] [-force] [-format text|github]
  gen check    [-config FILE | -spec FILE -package NAME -out DIR] [-strict] [-format text|github]
  gen diff     [-package NAME | -config FILE] [-format text|json|github] [-level error|warning|info] OLD NEW
  gen version

Commands:
  generate   regenerate every package the config names (default config:
             spec/gen.yaml in this directory or a parent)
  check      write nothing; exit 0 when the files on disk are exactly what
             generate would write, 1 with a unified diff naming each stale,
             missing or orphaned file and the input that changed, 2 on bad
             input
  diff       compare two versions of a spec: breaking changes for API
             consumers (oasdiff) and for users of the generated Go package;
             exit 1 when anything breaks
  version    print the toolchain version

Examples:
  gen generate
  gen generate -config spec/gen.yaml
  gen generate -spec api/openapi.yaml -package api -out internal/api
  gen check -config spec/gen.yaml
  gen check -format github
  gen diff old/openapi.yaml openapi.yaml

Run 'gen CMD -h' for a command's flags.
`

func main() {
	// A generation run is short and allocation-heavy: on Stripe, GOGC=400
	// takes about a tenth off the CPU time of GOGC=200 (which took a
	// quarter off the default's). Its live heap stays under ~200 MiB, so a
	// 320 MiB soft limit makes the collector work harder as the heap nears
	// it instead of letting garbage pile up: Stripe's peak RSS was 0.34 GB
	// (0.86× oapi-codegen's) against 0.43 GB at 400 MiB and 0.77 GB with
	// the 1 GiB this had before, for 7 % more CPU time than with 1 GiB in
	// the same series (docs/performance.md, "Generation"). A spec whose
	// live heap passes the limit is still generated: the runtime caps the
	// collector's share of the CPU. An explicit GOGC or GOMEMLIMIT wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(320 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version":
		fmt.Fprintln(stdout, "oasgen", gen.CurrentToolchain().ID)
		return 0
	case "generate", "check":
		return runGenerate(args[0], args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func runGenerate(cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("config", "", "config `file` (default: spec/gen.yaml here or in a parent directory)")
	spec := fs.String("spec", "", "generate from this spec `file` alone, without a config")
	pkg := fs.String("package", "", "Go package `name` (with -spec)")
	out := fs.String("out", "", "output `directory` (with -spec)")
	importPath := fs.String("import-path", "", "import `path` of the generated package (with -spec; default: from the nearest go.mod above -out)")
	strict := fs.Bool("strict", false, "treat spec warnings as errors")
	docs := fs.Bool("docs", true, "write the Markdown pages (docs/models/*.md, docs/sdks/*/README.md); with -config, overrides every entry")
	client := fs.Bool("client", true, "generate the clients (APIClient, and oapi-codegen's client in <out>/raw); with -config, overrides every entry")
	rawClient := fs.Bool("raw-client", true, "with -client, also generate oapi-codegen's client in <out>/raw (false: 30-40% less to compile); with -config, overrides every entry")
	var limits limitFlags
	fs.Var(&limits, "limit", "`key=value` bound on loading the spec, as in the config's limits block (max-file-bytes, max-files, max-nodes, max-depth, max-enum-values); repeatable, overrides the config")
	force := new(bool)
	var format *string
	if cmd == "generate" {
		force = fs.Bool("force", false, "render everything even when the fingerprints say nothing changed")
		format = fs.String("format", "text", "output `format`: text, or github (also GitHub Actions annotations for the warnings)")
	} else {
		format = fs.String("format", "text", "output `format`: text (unified diffs) or github (GitHub Actions annotations)")
	}
	fs.Usage = func() {
		verb := map[string]string{
			"generate": "Generate regenerates the Go packages a config (or a single spec) describes.\nNothing is written unless every file rendered cleanly.",
			"check":    "Check compares the files on disk with what generate would write. It writes\nnothing. Exit status: 0 up to date, 1 drift (with a unified diff), 2 bad input.",
		}[cmd]
		fmt.Fprintf(stderr, "Usage: gen %s [-config FILE | -spec FILE -package NAME -out DIR] [flags]\n\n%s\n\nFlags:\n", cmd, verb)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExamples:\n  gen %[1]s\n  gen %[1]s -config spec/gen.yaml\n  gen %[1]s -spec openapi.yaml -package api -out internal/api\n", cmd)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen %s: unexpected arguments %q\n", cmd, fs.Args())
		return 2
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "gen %s: -format must be text or github, not %q\n", cmd, *format)
		return 2
	}
	jobs, err := selectJobs(*config, *spec, *pkg, *out)
	if err == nil && *importPath != "" {
		if *spec == "" {
			err = errors.New("-import-path goes with -spec (a config sets import-path per spec)")
		} else {
			jobs[0].ImportPath = *importPath
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "gen %s: %v\n", cmd, err)
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for i := range jobs {
		jobs[i].Strict = jobs[i].Strict || *strict
		if set["docs"] || *spec != "" {
			jobs[i].Docs = *docs
		}
		if set["client"] || *spec != "" {
			jobs[i].Client = *client
		}
		if set["raw-client"] || *spec != "" {
			jobs[i].NoRawClient = !*rawClient
		}
		limits.apply(&jobs[i].Limits)
	}
	cwd, _ := os.Getwd()
	start := time.Now()
	stopProgress := progress(stderr, cmd, len(jobs))
	opts := gen.Options{CacheDir: cacheDir()}
	var results []*gen.Result
	if cmd == "generate" {
		opts.Force = *force
		results, err = gen.GenerateWith(jobs, opts)
	} else {
		results, err = gen.Check(jobs, opts)
	}
	stopProgress()
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, w := range r.Warnings {
			// Relative to here, whether the run rendered (positions as the
			// paths were given) or found nothing to do (as the manifest
			// records them, joined to the output directory).
			if w.Pos.File != "" {
				w.Pos.File = rel(cwd, w.Pos.File)
			}
			fmt.Fprintln(stderr, w)
		}
		if *format == "github" && len(r.Warnings) > 0 {
			fmt.Fprint(stdout, gen.DiagnosticsGitHub(r.Warnings, cwd))
		}
	}
	if err != nil {
		// Bad input and tool failures alike leave the disk as it was; both
		// are exit 2 (1 is reserved for "found drift").
		fmt.Fprintln(stderr, err)
		if *format == "github" {
			fmt.Fprint(stdout, gen.DiagnosticsGitHub(err, cwd))
		}
		return 2
	}
	if cmd == "generate" {
		for _, r := range results {
			fmt.Fprintln(stdout, summary(r, cwd, true, time.Since(start)))
			if len(r.Changes) > 0 {
				for _, c := range r.Causes {
					fmt.Fprintf(stdout, "  %s\n", c)
				}
			}
		}
		return 0
	}
	defer func() {
		for _, r := range results {
			if r != nil {
				fmt.Fprintln(stderr, summary(r, cwd, false, time.Since(start)))
			}
		}
	}()
	drift := false
	for _, r := range results {
		if len(r.Changes) > 0 {
			drift = true
			if *format == "github" {
				fmt.Fprint(stdout, gen.ReportGitHub(r, cwd))
			} else {
				fmt.Fprint(stdout, gen.Report(r, cwd))
			}
		}
	}
	if drift {
		fmt.Fprintln(stderr, "gen check: generated code is out of date; run `gen generate` (or `go generate ./...`) and commit the result")
		return 1
	}
	return 0
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pkg := fs.String("package", "api", "Go package `name` to generate both versions as")
	config := fs.String("config", "", "take the package name, client and template settings from this config `file` (its entry for NEW, else its first)")
	format := fs.String("format", "text", "output `format`: text, json or github (Actions annotations)")
	level := fs.String("level", "info", "the least `level` of finding to show: error (breaking changes only), warning or info (everything); the exit status is the same")
	var limits limitFlags
	fs.Var(&limits, "limit", "`key=value` bound on loading the specs, as in the config's limits block; repeatable")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: gen diff [-package NAME | -config FILE] [-format text|json|github] [-level error|warning|info] OLD NEW

Diff compares two versions of a spec. It reports oasdiff's breaking changes
for consumers of the HTTP API, and what changes in the Go package oasgen
generates from each version (exported types, fields, constants, functions
and methods removed or changed). It writes nothing.
Exit status: 0 nothing breaking, 1 breaking changes found, 2 bad input.

Flags:
`)
		fs.PrintDefaults()
		fmt.Fprint(stderr, `
Examples:
  gen diff old.yaml spec/openapi.yaml
  git show origin/main:spec/openapi.yaml > /tmp/base.yaml && gen diff /tmp/base.yaml spec/openapi.yaml
  gen diff -format json old.yaml new.yaml
  gen diff -config spec/gen.yaml /tmp/base.yaml spec/connect_session.yaml
`)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "gen diff: want two specs, OLD and NEW")
		fs.Usage()
		return 2
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "gen diff: -format must be text, json or github, not %q\n", *format)
		return 2
	}
	minLevel, ok := apidiff.ParseLevel(*level)
	if !ok {
		fmt.Fprintf(stderr, "gen diff: -level must be error, warning or info, not %q\n", *level)
		return 2
	}
	if !gen.IsPackageName(*pkg) {
		fmt.Fprintf(stderr, "gen diff: -package %q is not a valid Go package name (an identifier, not a keyword)\n", *pkg)
		return 2
	}
	job := gen.Job{Package: *pkg, Client: true}
	if *config != "" {
		j, err := diffJob(*config, fs.Arg(1))
		if err != nil {
			fmt.Fprintf(stderr, "gen diff: %v\n", err)
			return 2
		}
		job = j
	}
	limits.apply(&job.Limits)
	r, err := apidiff.Compare(fs.Arg(0), fs.Arg(1), apidiff.Options{Job: job})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	r = r.AtLeast(minLevel)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	} else if *format == "github" {
		r.WriteGitHub(stdout)
	} else {
		r.WriteText(stdout)
	}
	if r.Breaking() {
		return 1
	}
	return 0
}

// diffJob picks the config's job for spec (or its first) as the template for
// generating both versions: docs are left out, they are not API.
func diffJob(config, spec string) (gen.Job, error) {
	c, err := gen.LoadConfig(config)
	if err != nil {
		return gen.Job{}, err
	}
	jobs, err := c.Jobs(config)
	if err != nil {
		return gen.Job{}, err
	}
	j := jobs[0]
	want, _ := filepath.Abs(spec)
	for _, cand := range jobs {
		if abs, _ := filepath.Abs(cand.Spec); abs == want {
			j = cand
			break
		}
	}
	j.Docs = false
	return j, nil
}

// cacheDir is where development builds remember what they generated (see
// gen.Options.CacheDir); without a usable cache directory every run renders.
func cacheDir() string {
	if d := os.Getenv("OASGEN_CACHE"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "oasgen")
}

func selectJobs(config, spec, pkg, out string) ([]gen.Job, error) {
	if spec != "" {
		if config != "" {
			return nil, errors.New("use either -config or -spec, not both")
		}
		if pkg == "" || out == "" {
			return nil, errors.New("-spec needs -package and -out")
		}
		if !gen.IsPackageName(pkg) {
			return nil, fmt.Errorf("-package %q is not a valid Go package name (an identifier, not a keyword)", pkg)
		}
		return []gen.Job{{Spec: spec, Package: pkg, Output: out, Docs: true, Client: true}}, nil
	}
	if pkg != "" || out != "" {
		return nil, errors.New("-package and -out go with -spec")
	}
	if config == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		config, err = gen.FindConfig(wd)
		if err != nil {
			return nil, err
		}
	}
	c, err := gen.LoadConfig(config)
	if err != nil {
		return nil, err
	}
	return c.Jobs(config)
}

// summary is a job's one closing line: what the package holds, what the
// run changed, its warnings and how long it took.
//
//	internal/api: 17 types, 21 files: 3 written, 18 unchanged, 1 removed; 2 warnings (0.41s)
func summary(r *gen.Result, cwd string, applied bool, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ", rel(cwd, r.Job.Output))
	if r.UpToDate {
		b.WriteString("up to date")
	} else {
		written, removed := 0, 0
		for _, c := range r.Changes {
			if c.Kind == write.Orphaned {
				removed++
			} else {
				written++
			}
		}
		if r.Model != nil {
			fmt.Fprintf(&b, "%d types, ", len(r.Model.Types))
		}
		fmt.Fprintf(&b, "%d files: %d %s, %d unchanged, %d removed", len(r.Files), written,
			map[bool]string{true: "written", false: "stale"}[applied], len(r.Files)-written, removed)
	}
	fmt.Fprintf(&b, "; %d warning%s (%.2fs)", len(r.Warnings), map[bool]string{true: "", false: "s"}[len(r.Warnings) == 1], elapsed.Seconds())
	return b.String()
}

// progress tells a person at a terminal that a run taking more than a
// couple of seconds is still going; it prints nothing when stderr is not a
// terminal (CI logs, go generate under a pipe). The returned func stops it.
func progress(stderr io.Writer, cmd string, jobs int) func() {
	f, ok := stderr.(*os.File)
	if !ok {
		return func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		start := time.Now()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(f, "\r\033[K")
				}
				return
			case <-t.C:
				shown = true
				fmt.Fprintf(f, "\rgen %s: %d package(s), %ds…", cmd, jobs, int(time.Since(start).Seconds()))
			}
		}
	}()
	return func() { close(done); <-finished }
}

// limitFlags collects -limit key=value settings; each is checked when
// parsed, so a typo is a usage error.
type limitFlags []string

func (l *limitFlags) String() string { return strings.Join(*l, ",") }

func (l *limitFlags) Set(kv string) error {
	var probe load.Limits
	if err := gen.SetLimit(&probe, kv); err != nil {
		return err
	}
	*l = append(*l, kv)
	return nil
}

func (l limitFlags) apply(dst *load.Limits) {
	for _, kv := range l {
		_ = gen.SetLimit(dst, kv) // checked by Set
	}
}

func rel(cwd, p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if r, err := filepath.Rel(cwd, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return r
		}
		return abs
	}
	return p
}
