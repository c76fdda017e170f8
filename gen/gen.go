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
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/emit"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/gen/write"
)

// Version is the toolchain version recorded in every generated file's
// fingerprint. Bump it whenever generated output changes for the same input.
const Version = "v0.1.0"

// Job is one spec → one Go package, with every path resolved.
type Job struct {
	Spec            string
	Package         string
	Output          string
	Strict          bool
	AllowRemoteRefs bool
	Docs            bool
	Client          bool
	TemplatesDir    string
}

// Result is what generation would do for one job.
type Result struct {
	Job      Job
	Files    []write.File   // every file, finished
	Changes  []write.Change // differences from disk
	Warnings diag.List
}

// Run plans every job (in parallel) and computes its changes against disk.
// It writes nothing. The first error, in job order, is returned.
func Run(jobs []Job) ([]*Result, error) {
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
			results[i], errs[i] = runJob(j)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return results, err
		}
	}
	return results, nil
}

func runJob(j Job) (*Result, error) {
	spec, err := load.Load(j.Spec, load.Options{AllowRemoteRefs: j.AllowRemoteRefs})
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(j.Output, j.Spec)
	if err != nil {
		rel = j.Spec
	}
	m, err := plan.Build(spec, plan.Options{Package: j.Package, SpecPath: filepath.ToSlash(rel), Toolchain: Version})
	if err != nil {
		return nil, err
	}
	warnings := append(append(diag.List{}, spec.Warnings...), m.Warnings...).Sort()
	if j.Strict && len(warnings) > 0 {
		errs := make(diag.List, len(warnings))
		for i, w := range warnings {
			w.Severity = diag.Error
			w.Msg += " (an error under -strict)"
			errs[i] = w
		}
		return nil, errs
	}
	templates, tmplDigest, err := readTemplates(j.TemplatesDir)
	if err != nil {
		return nil, err
	}
	files, err := emit.All(m, emit.Options{Templates: templates, Client: j.Client, Docs: j.Docs})
	if err != nil {
		return nil, err
	}
	wf := make([]write.File, len(files))
	for i, f := range files {
		wf[i] = write.File{Path: f.Path, Content: f.Content}
	}
	finished, err := write.Finish(wf, write.Header{Source: filepath.ToSlash(rel), Fingerprint: fingerprint(spec.Digest, j, tmplDigest)})
	if err != nil {
		return nil, err
	}
	changes, err := write.Diff(j.Output, finished)
	if err != nil {
		return nil, err
	}
	return &Result{Job: j, Files: finished, Changes: changes, Warnings: warnings}, nil
}

// fingerprint digests everything the output depends on: the spec (with all
// files it references), the job's settings, the templates and the toolchain.
func fingerprint(specDigest string, j Job, tmplDigest string) string {
	h := sha256.New()
	fmt.Fprintf(h, "spec=%s\npackage=%s\nstrict=%t\nremote=%t\ndocs=%t\nclient=%t\ntemplates=%s\ntool=%s\n",
		specDigest, j.Package, j.Strict, j.AllowRemoteRefs, j.Docs, j.Client, tmplDigest, Version)
	return fmt.Sprintf("spec sha256:%s config+toolchain sha256:%s %s", specDigest[:16], hex.EncodeToString(h.Sum(nil))[:16], Version)
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

// Generate runs every job and, only when all of them planned and rendered
// without error, applies their changes.
func Generate(jobs []Job) ([]*Result, error) {
	results, err := Run(jobs)
	if err != nil {
		return results, err
	}
	for _, r := range results {
		if err := write.Apply(r.Job.Output, r.Changes); err != nil {
			return results, fmt.Errorf("writing %s: %w", r.Job.Output, err)
		}
	}
	return results, nil
}

// IsInputError reports whether err is about the input (spec, config,
// templates, a hand-written file in the way) rather than a tool failure.
func IsInputError(err error) bool {
	var ce *write.ConflictError
	return diag.IsInputError(err) || errors.As(err, &ce)
}

// Report renders changes as text: a line per file and a unified diff.
func Report(r *Result, cwd string) string {
	var b strings.Builder
	for _, c := range r.Changes {
		p := display(filepath.Join(r.Job.Output, filepath.FromSlash(c.Path)), cwd)
		switch c.Kind {
		case write.Stale:
			fmt.Fprintf(&b, "stale: %s differs from what %s generates\n", p, display(r.Job.Spec, cwd))
			b.WriteString(write.Unified("a/"+p, "b/"+p, c.Old, c.New))
		case write.Missing:
			fmt.Fprintf(&b, "missing: %s is not on disk\n", p)
			b.WriteString(write.Unified("/dev/null", "b/"+p, nil, c.New))
		case write.Orphaned:
			fmt.Fprintf(&b, "orphaned: %s is generated but no longer produced by %s\n", p, display(r.Job.Spec, cwd))
			b.WriteString(write.Unified("a/"+p, "/dev/null", c.Old, nil))
		}
	}
	return b.String()
}

func display(p, cwd string) string {
	if cwd == "" {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(cwd, abs); err == nil {
		return rel
	}
	return p
}
