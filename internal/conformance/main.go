// Command conformance checks that generated clients are right on the wire:
// for every spec of the shared corpus (../shared/specs) that generates, it
// generates the package, builds a driver that calls every operation
// through APIClient against Stoplight Prism mocking that same spec (static
// mode: the spec's examples; dynamic mode, -d: responses generated from the
// schemas), and records
//
//   - request violations Prism finds in what the client sent,
//   - errors the client returns for 2xx responses Prism declares valid,
//   - round-trip losses: the raw response body against the re-encoded
//     result, compared as JSON values,
//   - every request, response and component example of the spec decoded
//     and re-encoded through the generated type.
//
// Prism's own mistakes (a generated response that breaks the spec) are
// listed apart, never counted as passes. It writes docs/conformance.md.
//
//	go run ./internal/conformance                # every spec, writes docs/conformance.md
//	go run ./internal/conformance -quick         # the CI subset, no report
//	go run ./internal/conformance -run petstore  # specs whose path matches
//	go run ./internal/conformance -max-ops 20    # at most 20 operations per spec
//	go run ./internal/conformance -assemble      # rewrite the report from saved results only
//
// Each spec's result is saved as JSON in the results directory (-results,
// default internal/conformance/results), replacing that spec's earlier
// result, and the report is assembled from every saved result: after a
// fix, rerun only the specs concerned (-run) and the report is rewritten
// with their new rows. Each row names the commit it was run at.
//
// It exits 1 when any defect is found. It is a measuring tool: nothing in
// gen/ imports it.
package main

import (
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

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/load"
	gplan "github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/internal/conformance/driver"
	"github.com/oasgen/oasgen/internal/specset"
)

// quickSpecs is the -quick subset that CI runs: small specs whose clients
// cover path, query, header and cookie parameters of every style, JSON
// bodies, several responses and the built-in StackOne API.
var quickSpecs = []string{
	"petstore-3.0.yaml",
	"petstore-expanded-3.0.yaml",
	"swagger-petstore-v3.yaml",
	"stackone/stackone-core_2025-03-05_stackone-ai-node_076766c.json",
}

// scratchModule is the driver module's path: under this module's path so
// that the driver may import internal/conformance/driver.
const scratchModule = "github.com/oasgen/oasgen/internal/conformance/scratch"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	specsDir string
	root     string
	prism    string
	scratch  string
	maxOps   int
	modes    []string
	wait     time.Duration
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("conformance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specsDir := fs.String("specs", "../shared/specs", "corpus `directory` (INDEX.md lists its specs)")
	report := fs.String("report", "", "write the Markdown report, assembled from every saved result, to `file` (default docs/conformance.md, none with -quick)")
	results := fs.String("results", "", "save each spec's result as JSON in `dir` (default internal/conformance/results, none with -quick)")
	assemble := fs.Bool("assemble", false, "run nothing: write the report from the saved results")
	quick := fs.Bool("quick", false, "run only the CI subset")
	filter := fs.String("run", "", "only specs whose path matches this `regexp`")
	maxOps := fs.Int("max-ops", 0, "call at most `n` operations per spec (0: all)")
	modes := fs.String("modes", "static,dynamic", "Prism modes to run, comma-separated")
	keep := fs.Bool("keep", false, "keep the scratch module and print its path")
	wait := fs.Duration("prism-wait", 3*time.Minute, "how long Prism may take to start on one spec")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	specs, err := specset.List(*specsDir)
	if err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	if *quick {
		specs = quickSpecs
	}
	if specs, err = specset.Filter(specs, *filter); err != nil {
		fmt.Fprintln(stderr, "conformance: -run:", err)
		return 2
	}
	if !*quick {
		if *results == "" {
			*results = filepath.Join("internal", "conformance", "results")
		}
		if *report == "" {
			*report = filepath.Join("docs", "conformance.md")
		}
	}
	if *assemble {
		if *results == "" || *report == "" {
			fmt.Fprintln(stderr, "conformance: -assemble needs -results and -report")
			return 2
		}
		all, err := specset.List(*specsDir)
		if err != nil {
			fmt.Fprintln(stderr, "conformance:", err)
			return 2
		}
		return writeReport(*results, *report, *specsDir, all, stdout, stderr)
	}
	scratch, root, cleanup, err := specset.Scratch("oasgen-conformance-", scratchModule, *keep)
	if err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	defer cleanup()
	if *keep {
		fmt.Fprintln(stderr, "conformance: scratch module in", scratch)
	}
	bin, err := prismBin(root)
	if err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	cfg := &config{specsDir: *specsDir, root: root, prism: bin, scratch: scratch, maxOps: *maxOps,
		modes: strings.Split(*modes, ","), wait: *wait}
	commit := specset.Commit(root)

	var done []*specResult
	defects := 0
	for i, s := range specs {
		r := runSpec(cfg, fmt.Sprintf("c%02d", i), s)
		r.Commit, r.Date = commit, time.Now().UTC().Format(time.RFC3339)
		r.Detail = portable(r.Detail, *specsDir)
		r.MaxOps = *maxOps
		done = append(done, r)
		if *results != "" {
			if err := specset.SaveResult(*results, r.Spec, r); err != nil {
				fmt.Fprintln(stderr, "conformance:", err)
				return 2
			}
		}
		defects += r.defectCount()
		fmt.Fprintln(stdout, r.summaryLine())
		for _, d := range r.allDefects(5) {
			fmt.Fprintln(stdout, "    "+d)
		}
	}
	if *report != "" && *results != "" {
		all, err := specset.List(*specsDir)
		if err != nil {
			fmt.Fprintln(stderr, "conformance:", err)
			return 2
		}
		if code := writeReport(*results, *report, *specsDir, all, stdout, stderr); code == 2 {
			return code
		}
	}
	if defects > 0 {
		fmt.Fprintf(stdout, "%d defects in %d specs\n", defects, len(done))
		return 1
	}
	fmt.Fprintf(stdout, "no defects in %d specs\n", len(done))
	return 0
}

// writeReport assembles the report from the saved results of every
// corpus spec.
func writeReport(dir, report, specsDir string, specs []string, stdout, stderr io.Writer) int {
	rs, err := loadResults(dir, specs)
	if err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	for _, r := range rs {
		r.Detail = portable(r.Detail, specsDir)
	}
	if err := os.WriteFile(report, []byte(renderReport(rs)), 0o644); err != nil {
		fmt.Fprintln(stderr, "conformance:", err)
		return 2
	}
	fmt.Fprintln(stdout, "wrote", report)
	return 0
}

// runSpec generates, builds and drives one spec.
func runSpec(cfg *config, dir, spec string) *specResult {
	r := &specResult{Spec: spec}
	start := time.Now()
	defer func() { r.Time = time.Since(start) }()
	path := filepath.Join(cfg.specsDir, spec)
	pkgDir := filepath.Join(cfg.scratch, dir)
	results, err := gen.Run([]gen.Job{{Spec: path, Package: "api", Output: pkgDir, Client: true}})
	if err != nil {
		r.Status, r.Detail = statusGenFailed, err.Error()
		if strings.Contains(err.Error(), "not an OpenAPI document") || strings.Contains(err.Error(), "remote references are off") {
			r.Status = statusRefused
		}
		return r
	}
	res := results[0]
	m := res.Model
	r.Ops = len(m.Operations)
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue // docs pages play no part here
		}
		p := filepath.Join(pkgDir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.Status, r.Detail = statusGenFailed, err.Error()
			return r
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			r.Status, r.Detail = statusGenFailed, err.Error()
			return r
		}
	}
	ls, err := load.Load(path, load.Options{})
	if err != nil {
		r.Status, r.Detail = statusGenFailed, err.Error()
		return r
	}
	constAsEnum(ls.Doc)
	plan, invalid, ix := planCalls(m, ls.Doc, cfg.maxOps)
	r.InvalidExamples = invalid
	for _, c := range plan.Calls {
		if c.Prefer == "" {
			r.Called++
		}
	}
	if len(plan.Calls) == 0 && len(plan.Examples) == 0 {
		r.Status = statusRan // nothing to call or round-trip
		return r
	}
	drvDir := filepath.Join(pkgDir, "driver")
	if err := os.MkdirAll(drvDir, 0o755); err != nil {
		r.Status, r.Detail = statusGenFailed, err.Error()
		return r
	}
	if err := os.WriteFile(filepath.Join(drvDir, "main.go"), []byte(driverMain(dir, m.Operations != nil, m.Names, credentialOptions(m), exampleTypes(plan))), 0o644); err != nil {
		r.Status, r.Detail = statusGenFailed, err.Error()
		return r
	}
	exe := filepath.Join(pkgDir, "driver.bin")
	if out, err := specset.Go(cfg.scratch, "build", "-o", exe, "./"+dir+"/driver"); err != nil {
		r.Status, r.Detail = statusBuildFailed, out
		return r
	}
	r.Status = statusRan
	// go vet on the generated package: what it finds (a struct tag it
	// cannot read, a JSON name given twice) is the generator's defect.
	if out, err := specset.Go(cfg.scratch, "vet", "./"+dir+"/..."); err != nil {
		r.Vet = strings.TrimSpace(out)
		if r.Vet == "" {
			r.Vet = err.Error()
		}
	}
	prismSpec := path
	if len(ls.Files) == 1 {
		if p, err := literalRemoteRefs(path, pkgDir); err != nil {
			r.Status, r.Detail = statusGenFailed, err.Error()
			return r
		} else if p != "" {
			prismSpec = p
		}
	}
	examplesChecked, triedJSON := false, false
	var jsonNote finding
	for i, mode := range cfg.modes {
		if len(plan.Calls) == 0 && i > 0 {
			break // nothing to call: the examples ran once already
		}
		mr := modeResult{Mode: mode}
		rep, crashes, err := driveMode(cfg, exe, pkgDir, prismSpec, mode == "dynamic", plan)
		var refused *prismRefused
		if errors.As(err, &refused) {
			// Prism names the file it read; the report names the spec.
			refused.Reason = strings.ReplaceAll(refused.Reason, prismSpec, spec)
		}
		if errors.As(err, &refused) && !triedJSON {
			// Prism's parser refuses some YAML that YAML and OpenAPI
			// allow (integer mapping keys): the same document as JSON.
			triedJSON = true
			if p, jerr := jsonCopy(prismSpec, pkgDir); jerr == nil && p != "" {
				rep, crashes, err = driveMode(cfg, exe, pkgDir, p, mode == "dynamic", plan)
				if err == nil {
					prismSpec = p
					jsonNote = finding{classPrismRefused, "the spec", refused.Reason + " (run on a JSON copy of the spec)"}
				}
			}
		}
		if err == nil && jsonNote.Class != "" {
			mr.PrismOwn = append(mr.PrismOwn, jsonNote)
		}
		if errors.As(err, &refused) {
			// Prism cannot load a spec oasgen's loader read: no call is
			// made, and the reason is Prism's.
			mr.PrismRefused = refused.Reason
			mr.PrismOwn = append(mr.PrismOwn, finding{classPrismRefused, "the spec", refused.Reason})
			r.Modes = append(r.Modes, mr)
			continue
		}
		if err != nil {
			mr.PrismFailed = err.Error()
			r.Modes = append(r.Modes, mr)
			continue
		}
		mr.classify(rep, ix)
		mr.PrismOwn = append(mr.PrismOwn, crashes...)
		if !examplesChecked {
			r.checkExamples(rep.Examples, ix)
			examplesChecked = true
		}
		r.Modes = append(r.Modes, mr)
	}
	if !examplesChecked && len(plan.Calls) > 0 {
		// Prism never came up (Stripe's spec): the examples need no
		// server, so they are still checked.
		p := *plan
		p.Calls = nil
		if rep, _, err := driveMode(cfg, exe, pkgDir, prismSpec, false, &p); err == nil {
			r.checkExamples(rep.Examples, ix)
		}
	}
	return r
}

// maxRestarts bounds how often one mode restarts a Prism that died.
const maxRestarts = 10

// driveMode runs the plan against Prism in one mode. When Prism dies in the
// middle (it does on some requests), the call it died on is listed as
// Prism's, Prism is started again and the calls after it go on.
func driveMode(cfg *config, exe, dir, spec string, dynamic bool, plan *driver.Plan) (*driver.Report, []finding, error) {
	if len(plan.Calls) == 0 {
		p := *plan
		p.ServerURL = "http://127.0.0.1:1" // never called: the examples only
		rep, err := drive(exe, dir, &p)
		return rep, nil, err
	}
	var all driver.Report
	var crashes []finding
	rest := plan.Calls
	for restarts := 0; len(rest) > 0; restarts++ {
		srv, err := startPrismRetry(cfg.prism, spec, dynamic, cfg.wait)
		if err != nil {
			if restarts == 0 {
				return nil, nil, err
			}
			crashes = append(crashes, notReached(rest, "not called: Prism crashed and did not restart: "+firstLine(err.Error()))...)
			break
		}
		p := *plan
		p.ServerURL, p.Calls = srv.URL, rest
		if restarts > 0 {
			p.Examples = nil // ran with the first batch
		}
		rep, err := drive(exe, dir, &p)
		if err != nil {
			srv.stop()
			return nil, nil, fmt.Errorf("driver: %w", err)
		}
		// The first call that could not reach Prism is where it died, if
		// it did: a call failing to connect is waited on, as the exit of
		// a Prism that crashed is seen a moment after its socket closes.
		k := firstTransportError(rep.Calls)
		died := srv.exitedEarly() || k < len(rep.Calls) && srv.exitedWithin(crashWait)
		srv.stop()
		all.Examples = append(all.Examples, rep.Examples...)
		if !died {
			all.Calls = append(all.Calls, rep.Calls...)
			break
		}
		all.Calls = append(all.Calls, rep.Calls[:k]...)
		if k == len(rep.Calls) {
			break
		}
		c := rep.Calls[k]
		on := "on " + c.Exchanges[0].Request + ": " + refusal(lastLines(srv.log(), 40))
		crashes = append(crashes, finding{classPrismCrash, callName(c), on})
		rest = rest[k+1:]
		if restarts == maxRestarts {
			crashes = append(crashes, notReached(rest, fmt.Sprintf("not called: Prism crashed %d times, last %s", restarts+1, on))...)
			break
		}
	}
	return &all, crashes, nil
}

// crashWait bounds the wait for Prism's exit after a call failed to
// reach it.
const crashWait = 5 * time.Second

// classPrismCrash is Prism dying on a request (a Node exception), and the
// calls it then could not answer.
const classPrismCrash = "prism crashed"

// firstTransportError is the index of the first call whose first exchange
// did not reach the server, len(calls) when every one did.
func firstTransportError(calls []driver.CallResult) int {
	for i, c := range calls {
		if len(c.Exchanges) > 0 && c.Exchanges[0].TransportE != "" {
			return i
		}
	}
	return len(calls)
}

// notReached lists calls a crashed Prism left unanswered, as Prism's.
func notReached(calls []driver.Call, why string) []finding {
	var out []finding
	for _, c := range calls {
		op := c.Op + " (" + c.Method + " " + c.Path + ")"
		if c.Prefer != "" {
			op += " Prefer " + c.Prefer
		}
		out = append(out, finding{classPrismCrash, op, why})
	}
	return out
}

func callName(c driver.CallResult) string {
	op := c.Op + " (" + c.Method + " " + c.Path + ")"
	if c.Prefer != "" {
		op += " Prefer " + c.Prefer
	}
	return op
}

// drive runs the driver binary on a plan.
func drive(exe, dir string, p *driver.Plan) (*driver.Report, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	planFile := filepath.Join(dir, "plan.json")
	if err := os.WriteFile(planFile, data, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, planFile)
	var se strings.Builder
	cmd.Stderr = &se
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, lastLines(se.String(), 20))
	}
	var rep driver.Report
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("report: %v", err)
	}
	return &rep, nil
}

// credentialOptions are the Options fields, as Go source, that give the
// client a test credential for every security scheme: the client refuses to
// send a call whose credentials are missing, and Prism checks they are there.
func credentialOptions(m *gplan.Model) string {
	var b strings.Builder
	if m.APIKeyEnv != "" {
		b.WriteString(`, APIKey: "conformance-key"`)
	}
	for _, s := range m.Security {
		switch s.Kind {
		case gplan.AuthBasic:
			fmt.Fprintf(&b, `, %s: api.%s{Username: "conformance", Password: "key"}`, s.Field, m.Names.BasicAuth)
		case gplan.AuthBearer:
			fmt.Fprintf(&b, `, %s: api.%s{Token: "conformance-token"}`, s.Field, m.Names.BearerAuth)
		case gplan.AuthOAuth2:
			fmt.Fprintf(&b, `, %s: api.%s{Token: "conformance-token"}`, s.Field, m.Names.OAuth2)
		case gplan.AuthHTTP:
			// Prism's digest check wants these parameters, quoted alphanumerics.
			fmt.Fprintf(&b, `, %s: %q`, s.Field, `Digest username="c", realm="r", nonce="n", uri="u", response="0"`)
		case gplan.AuthAPIKey:
			fmt.Fprintf(&b, `, %s: "conformance-key"`, s.Field)
		}
	}
	return b.String()
}

// driverMain is the driver program for the package in dir: the client
// constructor (retries off, test credentials for every scheme the client
// takes) and the named types the component examples need.
// The client's identifiers are the planned ones (a schema named Options
// or RetryPolicy makes them Options2, RetryPolicy2).
func driverMain(dir string, hasClient bool, names gplan.ClientNames, creds string, types []string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"net/http\"\n\t\"reflect\"\n\n")
	fmt.Fprintf(&b, "\tapi %q\n\t\"github.com/oasgen/oasgen/internal/conformance/driver\"\n)\n\n", scratchModule+"/"+dir)
	b.WriteString("var _ = http.MethodGet\n\nfunc main() {\n")
	if hasClient {
		b.WriteString("\tnewClient := func(u string, hc *http.Client) (any, error) {\n")
		fmt.Fprintf(&b, "\t\treturn api.%s(api.%s{ServerURL: u, HTTPClient: hc, Retry: &api.%s{MaxAttempts: 1}", names.NewAPIClient, names.Options, names.RetryPolicy)
		b.WriteString(creds)
		b.WriteString("})\n\t}\n")
	} else {
		b.WriteString("\tvar newClient driver.Client\n")
	}
	b.WriteString("\tdriver.Main(newClient, map[string]reflect.Type{\n")
	for _, t := range types {
		fmt.Fprintf(&b, "\t\t%q: reflect.TypeFor[api.%s](),\n", t, t)
	}
	b.WriteString("\t})\n}\n")
	return b.String()
}

// portable drops the corpus directory from a result's text, so that saved
// results and the report name specs as the corpus index does, whatever
// machine ran them.
func portable(s, specsDir string) string {
	if abs, err := filepath.Abs(specsDir); err == nil {
		s = strings.ReplaceAll(s, abs+string(filepath.Separator), "")
	}
	return strings.ReplaceAll(s, filepath.Clean(specsDir)+string(filepath.Separator), "")
}
