// Command corpus runs every spec of the shared corpus (../shared/specs)
// through generate → go build → go vet in a scratch module and writes the
// results to docs/corpus.md: per spec its status, time, output size, how
// many component schemas became types, and the warnings.
//
//	go run ./internal/corpus             # whole corpus, writes docs/corpus.md
//	go run ./internal/corpus -quick      # a handful of small specs (CI), no report
//	go run ./internal/corpus -run stripe # specs whose path matches a regexp
//
// Each spec is generated in a child process (this binary again, with
// -child), so a crash or a runaway spec cannot take the run down and its
// time is measured on its own. It is a measuring tool, not part of the
// library: nothing here is imported by gen/.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/oasgen/oasgen/internal/specset"
)

// quickSpecs is the -quick subset: small specs that between them cover
// 3.0, 3.1, webhooks, multi-file refs, name collisions, unions, Swagger-era
// oddities and a fragment that must be refused. Under a minute in total.
var quickSpecs = []string{
	"petstore-3.0.yaml",
	"petstore-expanded-3.0.json",
	"webhook-example-3.1.yaml",
	"kin-openapi/recursiveRef/openapi.yml",
	"kin-openapi/schema618.yml",
	"oapi-codegen/naming/conflicts/spec.yaml",
	"oapi-codegen/aggregates/oneof/spec_components.yaml",
	"stackone/stackone-core_2025-03-05_stackone-ai-node_076766c.json",
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specsDir := fs.String("specs", "../shared/specs", "corpus `directory` (INDEX.md lists its specs)")
	report := fs.String("report", "", "write the Markdown report, assembled from every saved result, to `file` (default docs/corpus.md, none with -quick)")
	results := fs.String("results", "", "save each spec's result as JSON in `dir` (default internal/corpus/results, none with -quick)")
	assemble := fs.Bool("assemble", false, "run nothing: write the report from the saved results")
	quick := fs.Bool("quick", false, "run only the quick subset")
	filter := fs.String("run", "", "only specs whose path matches this `regexp`")
	keep := fs.Bool("keep", false, "keep the scratch module and print its path")
	timeout := fs.Duration("timeout", 10*time.Minute, "per-spec generation time limit")
	child := fs.Bool("child", false, "internal: generate one spec (used by the runner itself)")
	spec := fs.String("spec", "", "internal: with -child, the spec")
	out := fs.String("out", "", "internal: with -child, the output directory")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *child {
		return runChild(*spec, *out, stdout)
	}

	specs, err := specset.List(*specsDir)
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 2
	}
	if *quick {
		specs = quickSpecs
	}
	if specs, err = specset.Filter(specs, *filter); err != nil {
		fmt.Fprintln(stderr, "corpus: -run:", err)
		return 2
	}
	if !*quick {
		if *results == "" {
			*results = filepath.Join("internal", "corpus", "results")
		}
		if *report == "" {
			*report = filepath.Join("docs", "corpus.md")
		}
	}
	if *assemble {
		if *results == "" || *report == "" {
			fmt.Fprintln(stderr, "corpus: -assemble needs -results and -report")
			return 2
		}
		return writeReport(*results, *report, *specsDir, stdout, stderr)
	}

	scratch, root, cleanup, err := specset.Scratch("oasgen-corpus-", "corpus.example/scratch", *keep)
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 2
	}
	defer cleanup()
	if *keep {
		fmt.Fprintln(stderr, "corpus: scratch module in", scratch)
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 2
	}

	commit := specset.Commit(root)
	ran, failed := 0, 0
	for i, s := range specs {
		pkgDir := fmt.Sprintf("p%02d", i)
		r := runOne(exe, scratch, pkgDir, *specsDir, s, *timeout)
		r.Commit = commit
		ran++
		if *results != "" {
			if err := specset.SaveResult(*results, r.Spec, r); err != nil {
				fmt.Fprintln(stderr, "corpus:", err)
				return 2
			}
		}
		fmt.Fprintf(stdout, "%-70s %-8s %6.1fs  types %d/%d  warnings %d\n", s, r.Status, r.total().Seconds(), r.SchemasPresent, r.Schemas, r.WarningCount)
		if !r.ok() {
			failed++
			if r.Detail != "" {
				fmt.Fprintln(stdout, indent(firstLines(r.Detail, 8)))
			}
		}
	}
	if *report != "" && *results != "" {
		if code := writeReport(*results, *report, *specsDir, stdout, stderr); code == 2 {
			return code
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "%d of %d specs failed\n", failed, ran)
		return 1
	}
	fmt.Fprintf(stdout, "all %d specs passed (or were refused on purpose)\n", ran)
	return 0
}

// writeReport assembles the report from the saved result of every spec
// the corpus lists; a spec with none is "not run".
func writeReport(dir, report, specsDir string, stdout, stderr io.Writer) int {
	all, err := specset.List(specsDir)
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 2
	}
	var rs []*Result
	for _, s := range all {
		r := &Result{Spec: s, Status: StatusNotRun}
		found, err := specset.LoadResult(dir, s, r)
		if err != nil {
			fmt.Fprintln(stderr, "corpus:", err)
			return 2
		}
		if found && r.Spec != s {
			fmt.Fprintf(stderr, "corpus: %s: holds the result of %s\n", specset.ResultFile(dir, s), r.Spec)
			return 2
		}
		rs = append(rs, r)
	}
	if err := os.WriteFile(report, []byte(renderReport(rs)), 0o644); err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 2
	}
	fmt.Fprintln(stdout, "wrote", report)
	return 0
}

// runOne generates one spec in a child process, then builds and vets the
// package in the scratch module.
func runOne(exe, scratch, pkgDir, specsDir, spec string, timeout time.Duration) *Result {
	r := &Result{Spec: spec}
	out := filepath.Join(scratch, pkgDir)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "-child", "-spec", filepath.Join(specsDir, spec), "-out", out)
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	start := time.Now()
	err := cmd.Run()
	r.GenTime = time.Since(start)
	if err != nil {
		r.Status = StatusGenFailed
		r.Detail = strings.TrimSpace(se.String() + "\n" + err.Error())
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			r.Detail = fmt.Sprintf("generation took longer than %s\n%s", timeout, r.Detail)
		}
		return r
	}
	var cr childResult
	if err := json.Unmarshal(so.Bytes(), &cr); err != nil {
		r.Status = StatusGenFailed
		r.Detail = fmt.Sprintf("child output: %v\n%s", err, se.String())
		return r
	}
	r.childResult = cr
	if cr.Error != "" {
		r.Status = StatusGenFailed
		if refusedOnPurpose(cr.Error) {
			r.Status = StatusRefused
		}
		r.Detail = cr.Error
		return r
	}
	for _, step := range []struct {
		args   []string
		status Status
		dur    *time.Duration
	}{
		{[]string{"build", "./" + pkgDir + "/..."}, StatusBuildFailed, &r.BuildTime},
		{[]string{"vet", "./" + pkgDir + "/..."}, StatusVetFailed, &r.VetTime},
	} {
		start := time.Now()
		msg, err := specset.Go(scratch, step.args...)
		*step.dur = time.Since(start)
		if err != nil {
			r.Status = step.status
			r.Detail = msg
			return r
		}
	}
	if msg := ignoredFiles(scratch, pkgDir); msg != "" {
		r.Status = StatusPlatform
		r.Detail = msg
		return r
	}
	if len(cr.Missing) > 0 {
		r.Status = StatusIncomplete
		r.Detail = "component schemas without a type: " + strings.Join(cr.Missing, ", ")
		return r
	}
	r.Status = StatusPass
	return r
}

// platforms are the GOOS/GOARCH pairs on which every generated file must
// be part of the package: a file name ending in _windows, _arm64, _test
// and the like would silently leave its types out elsewhere.
var platforms = [][2]string{{"linux", "amd64"}, {"windows", "amd64"}, {"darwin", "arm64"}, {"js", "wasm"}}

// ignoredFiles lists, per platform, the package's files the go command
// leaves out; "" when there are none.
func ignoredFiles(scratch, pkgDir string) string {
	var bad []string
	for _, p := range platforms {
		cmd := exec.Command("go", "list", "-f", "{{range .IgnoredGoFiles}}{{.}} {{end}}", "./"+pkgDir)
		cmd.Dir = scratch
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOOS="+p[0], "GOARCH="+p[1])
		out, err := cmd.CombinedOutput()
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s/%s: go list: %v: %s", p[0], p[1], err, strings.TrimSpace(string(out))))
			continue
		}
		if s := strings.TrimSpace(string(out)); s != "" {
			bad = append(bad, fmt.Sprintf("%s/%s ignores %s", p[0], p[1], s))
		}
	}
	return strings.Join(bad, "\n")
}

// refusedOnPurpose tells the refusals the issue asks for (a document
// without an `openapi` key, a remote $ref while remote refs are off) from
// real failures.
func refusedOnPurpose(msg string) bool {
	return strings.Contains(msg, "not an OpenAPI document") || strings.Contains(msg, "remote references are off")
}

func firstLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = append(ls[:n], fmt.Sprintf("… (%d more lines)", len(ls)-n))
	}
	return strings.Join(ls, "\n")
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
