// Package apidiff compares two versions of a spec the way their consumers
// see them: the HTTP API, judged by oasdiff's backward-compatibility
// checks, and the Go API that oasgen generates from each version (exported
// types, fields, constants, functions and methods).
//
// It reads the two specs and renders both Go packages in memory; it writes
// nothing.
package apidiff

import (
	"fmt"
	"go/token"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	oasload "github.com/oasdiff/oasdiff/load"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/load"
)

// Level orders findings. Only Breaking fails a comparison.
type Level string

const (
	Breaking Level = "breaking"
	Warning  Level = "warning"
	Info     Level = "info"
)

// Change is one finding.
type Change struct {
	Level Level  `json:"level"`
	ID    string `json:"id"`              // oasdiff rule id, or go-removed / go-changed / go-added
	Where string `json:"where,omitempty"` // "POST /path" or a Go identifier
	Text  string `json:"text"`
	Pos   string `json:"pos,omitempty"` // file:line in the new (or old) spec, when known
	// Type is the Go type a Go finding belongs to ("" for a free function
	// or constant).
	Type string `json:"type,omitempty"`
	// Members counts, by kind ("field", "method", "const", "var", "func"),
	// the declarations that went (or came) with a removed (or added) type;
	// they are not listed one by one.
	Members map[string]int `json:"members,omitempty"`
}

// Report is the outcome of Compare.
type Report struct {
	Old     string   `json:"old"`
	New     string   `json:"new"`
	Package string   `json:"package"`
	API     []Change `json:"api"` // from oasdiff
	Go      []Change `json:"go"`  // from the generated packages
}

// ParseLevel reads a -level value: error (or breaking), warning or info.
func ParseLevel(s string) (Level, bool) {
	switch s {
	case "error", "breaking":
		return Breaking, true
	case "warning", "warn":
		return Warning, true
	case "info":
		return Info, true
	}
	return "", false
}

func (l Level) rank() int {
	return map[Level]int{Breaking: 2, Warning: 1}[l]
}

// AtLeast drops the findings below level min (info < warning < breaking),
// for a report that shows only what matters to its reader. Breaking
// findings are always kept, so Breaking answers the same.
func (r *Report) AtLeast(min Level) *Report {
	keep := func(cs []Change) []Change {
		out := []Change{}
		for _, c := range cs {
			if c.Level.rank() >= min.rank() {
				out = append(out, c)
			}
		}
		return out
	}
	c := *r
	c.API, c.Go = keep(r.API), keep(r.Go)
	return &c
}

// Breaking reports whether any finding breaks consumers.
func (r *Report) Breaking() bool {
	return r.count(Breaking) > 0
}

func (r *Report) count(l Level) int {
	n := 0
	for _, c := range append(append([]Change(nil), r.API...), r.Go...) {
		if c.Level == l {
			n++
		}
	}
	return n
}

// Options select how the Go packages are generated.
type Options struct {
	// Job is the template for generating each version: Spec and Output
	// are replaced. Zero means package "api" with the client and no docs.
	Job gen.Job
}

// Compare diffs the spec at oldPath against the one at newPath.
func Compare(oldPath, newPath string, o Options) (*Report, error) {
	j := o.Job
	if j.Package == "" {
		j = gen.Job{Package: "api", Client: true}
	}
	r := &Report{Old: oldPath, New: newPath, Package: j.Package}
	api, err := compareHTTP(oldPath, newPath, load.Options{AllowRemoteRefs: j.AllowRemoteRefs, Limits: j.Limits})
	if err != nil {
		return nil, err
	}
	r.API = api
	oldAPI, oldOps, err := goAPI(oldPath, j)
	if err != nil {
		return nil, err
	}
	newAPI, newOps, err := goAPI(newPath, j)
	if err != nil {
		return nil, err
	}
	renames, oldAPI, newAPI := operationRenames(oldOps, newOps, oldAPI, newAPI)
	r.Go = append(renames, compareGo(oldAPI, newAPI)...)
	return r, nil
}

// tolerated are oasdiff rules that break clients in general but not the Go
// client oasgen generates; they are reported as warnings, with the reason.
var tolerated = map[string]string{
	"response-property-enum-value-added":            "generated Go enums decode unknown values",
	"response-mediatype-enum-value-added":           "generated Go enums decode unknown values",
	"response-write-only-property-enum-value-added": "generated Go enums decode unknown values",
}

// compareHTTP runs oasdiff's checks on the two documents, loaded (and
// validated, with positions) by our loader.
func compareHTTP(oldPath, newPath string, lo load.Options) ([]Change, error) {
	var infos [2]*oasload.SpecInfo
	for i, p := range []string{oldPath, newPath} {
		s, err := load.Load(p, lo)
		if err != nil {
			return nil, err
		}
		infos[i] = &oasload.SpecInfo{Url: p, Spec: s.Doc, Version: s.Doc.Info.Version}
	}
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), infos[0], infos[1])
	if err != nil {
		return nil, fmt.Errorf("comparing %s and %s: %w", oldPath, newPath, err)
	}
	levels := map[string]checker.Level{}
	for id := range tolerated {
		levels[id] = checker.WARN
	}
	cfg := checker.NewConfig(checker.GetAllChecks(), checker.WithSeverityLevels(levels))
	found := checker.CheckBackwardCompatibilityUntilLevel(cfg, d, sources, checker.INFO)
	l := checker.NewDefaultLocalizer()
	out := make([]Change, 0, len(found))
	for _, c := range found {
		ch := Change{ID: c.GetId(), Text: c.GetUncolorizedText(l), Level: Info}
		switch c.GetLevel() {
		case checker.ERR:
			ch.Level = Breaking
		case checker.WARN:
			ch.Level = Warning
		}
		if why, ok := tolerated[ch.ID]; ok {
			ch.Text += " (" + why + ")"
		}
		if c.GetOperation() != "" {
			ch.Where = c.GetOperation() + " " + c.GetPath()
		}
		// Where the change is: in the new spec, or in the old one for
		// something removed.
		for _, src := range []*checker.Source{c.GetRevisionSource(), c.GetBaseSource()} {
			if src != nil && src.File != "" && src.Line > 0 {
				ch.Pos = fmt.Sprintf("%s:%d", src.File, src.Line)
				if src.Column > 0 {
					ch.Pos += fmt.Sprintf(":%d", src.Column)
				}
				break
			}
		}
		out = append(out, ch)
	}
	return out, nil
}

// goAPI renders the package for one version in memory and lists its
// exported API.
// It also maps each operation ("GET /pets") to its Go method name.
func goAPI(specPath string, j gen.Job) (map[string]string, map[string]string, error) {
	j.Spec = specPath
	if j.Output == "" {
		j.Output = filepath.Dir(specPath)
	}
	if j.ImportPath == "" {
		// Only the raw package's import line names it: any path will do,
		// and the spec's directory need not be in a module.
		j.ImportPath = "oasgen.diff/" + j.Package
	}
	res, err := gen.Render(j)
	if err != nil {
		return nil, nil, err
	}
	api, err := exportedAPI(res.Files)
	ops := map[string]string{}
	for _, o := range res.Model.Operations {
		ops[o.Method+" "+o.Path] = o.Name
	}
	return api, ops, err
}

// operationRenames finds the operations whose Go name changed (same method
// and path, another operationId) and reports each as one finding, with the
// identifiers derived from its name (method, <Op>Args, oapi-codegen's
// <Op>Params, New<Op>Request, their fields, ...) counted, not listed: a
// declaration of the old API whose key and description, with the old name
// replaced by the new, is one of the new API is taken out of both. What
// changed beyond the name stays for compareGo to list.
func operationRenames(oldOps, newOps, oldAPI, newAPI map[string]string) ([]Change, map[string]string, map[string]string) {
	out := []Change{}
	oldAPI, newAPI = maps.Clone(oldAPI), maps.Clone(newAPI)
	// Longer names first: renaming Get to Fetch must not take GetAll's
	// identifiers when GetAll became FetchAll.
	ops := slices.Sorted(maps.Keys(oldOps))
	sort.SliceStable(ops, func(i, j int) bool { return len(oldOps[ops[i]]) > len(oldOps[ops[j]]) })
	for _, op := range ops {
		from, to := oldOps[op], newOps[op]
		if to == "" || to == from {
			continue
		}
		renamed := 0
		for _, k := range slices.Sorted(maps.Keys(oldAPI)) {
			if !strings.Contains(k, from) {
				continue
			}
			if _, kept := newAPI[k]; kept {
				continue // not derived from the name (or the same in both)
			}
			nk := strings.ReplaceAll(k, from, to)
			if nd, ok := newAPI[nk]; ok && nd == strings.ReplaceAll(oldAPI[k], from, to) {
				delete(oldAPI, k)
				delete(newAPI, nk)
				renamed++
			}
		}
		if renamed == 0 {
			continue
		}
		out = append(out, Change{Level: Breaking, ID: "go-operation-renamed", Where: "operation " + op,
			Text: fmt.Sprintf("operation %s renamed: %s → %s (its operationId changed), with %d identifier(s) derived from its name", op, from, to, renamed)})
	}
	return out, oldAPI, newAPI
}

// compareGo lists what changed between two exported APIs. A removed (or
// added) type is one finding: its fields, methods, constants and
// constructor go with it (counted, not listed); members are listed one by
// one only for types that exist in both versions. Findings about one type
// are adjacent, the type's own first.
func compareGo(old, new map[string]string) []Change {
	removedTypes, addedTypes := map[string]bool{}, map[string]bool{}
	for _, sides := range []struct {
		from, to map[string]string
		set      map[string]bool
	}{{old, new, removedTypes}, {new, old, addedTypes}} {
		for _, k := range slices.Sorted(maps.Keys(sides.from)) {
			if t, ok := strings.CutPrefix(k, "type "); ok {
				if _, both := sides.to[k]; !both {
					sides.set[t] = true
				}
			}
		}
	}
	// members[T] counts what went (or came) with type T, by kind.
	members := map[string]map[string]int{}
	absorb := func(types map[string]bool, api map[string]string, k string) bool {
		t := owner(k, api[k], api)
		if t == "" || !types[t] || k == "type "+t {
			return false
		}
		if members[t] == nil {
			members[t] = map[string]int{}
		}
		kind, _, _ := strings.Cut(k, " ")
		members[t][kind]++
		return true
	}
	out := []Change{} // [] rather than null in JSON
	for _, k := range slices.Sorted(maps.Keys(old)) {
		n, ok := new[k]
		switch {
		case !ok && absorb(removedTypes, old, k):
		case !ok:
			out = append(out, Change{Level: Breaking, ID: "go-removed", Where: k, Type: owner(k, old[k], old), Text: fmt.Sprintf("%s removed (was %s)", k, old[k])})
		case n != old[k]:
			out = append(out, Change{Level: Breaking, ID: "go-changed", Where: k, Type: owner(k, n, new), Text: fmt.Sprintf("%s changed: %s → %s", k, old[k], n)})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(new)) {
		if _, ok := old[k]; !ok && !absorb(addedTypes, new, k) {
			out = append(out, Change{Level: Info, ID: "go-added", Where: k, Type: owner(k, new[k], new), Text: fmt.Sprintf("%s added: %s", k, new[k])})
		}
	}
	for i, c := range out {
		if t, ok := strings.CutPrefix(c.Where, "type "); ok && c.ID != "go-changed" {
			if with := memberSummary(members[t]); with != "" {
				out[i].Text += ", with " + with
				out[i].Members = members[t]
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Where == "type "+a.Type && b.Where != "type "+b.Type
	})
	return out
}

// owner is the type a declaration belongs to: the receiver or struct of a
// method or field, the type of a typed constant or variable, for a function
// the type its first result is (T, *T or []T: constructors, <T>Values,
// Parse<T>) when that is a type of api, T itself for "type T"; else "".
func owner(key, desc string, api map[string]string) string {
	kind, name, _ := strings.Cut(key, " ")
	isType := func(t string) bool { _, ok := api["type "+t]; return ok }
	switch kind {
	case "type":
		return name
	case "field", "method":
		t, _, _ := strings.Cut(name, ".")
		return t
	case "const", "var":
		t, _, _ := strings.Cut(desc, " ")
		if token.IsIdentifier(t) && isType(t) {
			return t
		}
	case "func":
		if t, ok := strings.CutPrefix(name, "New"); ok && isType(t) {
			return t
		}
		if t := firstResult(desc); isType(t) {
			return t
		}
	}
	return ""
}

// firstResult is the named type of a signature's first result, without a
// leading * or [], from exportedAPI's "func(params) results" form; "" when
// there is none.
func firstResult(sig string) string {
	depth, end := 0, -1
	for i, r := range sig {
		if r == '(' {
			depth++
		} else if r == ')' {
			if depth--; depth == 0 {
				end = i
				break
			}
		}
	}
	if end < 0 {
		return ""
	}
	res := strings.TrimPrefix(strings.TrimSpace(sig[end+1:]), "(")
	res, _, _ = strings.Cut(res, ",")
	res = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(res, "*"), "[]"), ")")
	if !token.IsIdentifier(res) {
		return ""
	}
	return res
}

// memberSummary says what went with a type: "3 field(s), 1 method(s)".
func memberSummary(m map[string]int) string {
	var parts []string
	for _, kind := range []string{"field", "method", "const", "var", "func"} {
		if n := m[kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s(s)", n, kind))
		}
	}
	return strings.Join(parts, ", ")
}

// WriteGitHub writes GitHub Actions annotations: an error per breaking
// change and a warning per warning, on the spec line oasdiff found, then
// the text report in a collapsed group.
func (r *Report) WriteGitHub(w io.Writer) {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, c := range append(append([]Change(nil), r.API...), r.Go...) {
		kind := map[Level]string{Breaking: "error", Warning: "warning"}[c.Level]
		if kind == "" {
			continue
		}
		var props []string
		if file, line, col, ok := splitPos(c.Pos); ok {
			props = append(props, "file="+prop.Replace(file), "line="+line)
			if col != "" {
				props = append(props, "col="+col)
			}
		}
		title := "API change " + c.ID
		if strings.HasPrefix(c.ID, "go-") {
			title = "Go API change (package " + r.Package + ")"
		}
		props = append(props, "title="+prop.Replace(title))
		msg := c.Text
		if c.Where != "" && !strings.HasPrefix(c.ID, "go-") {
			msg = c.Where + ": " + msg
		}
		fmt.Fprintf(w, "::%s %s::%s\n", kind, strings.Join(props, ","), esc.Replace(msg))
	}
	fmt.Fprintln(w, "::group::oasgen diff")
	r.WriteText(w)
	fmt.Fprintln(w, "::endgroup::")
}

// splitPos takes "file:line[:col]" apart (the file may itself hold colons).
func splitPos(pos string) (file, line, col string, ok bool) {
	parts := strings.Split(pos, ":")
	isNum := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	switch n := len(parts); {
	case n >= 3 && isNum(parts[n-1]) && isNum(parts[n-2]):
		return strings.Join(parts[:n-2], ":"), parts[n-2], parts[n-1], true
	case n >= 2 && isNum(parts[n-1]):
		return strings.Join(parts[:n-1], ":"), parts[n-1], "", true
	}
	return "", "", "", false
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) {
	section := func(title string, cs []Change) {
		fmt.Fprintf(w, "%s:\n", title)
		if len(cs) == 0 {
			fmt.Fprintln(w, "  (no changes)")
			return
		}
		for _, lvl := range []Level{Breaking, Warning, Info} {
			for _, c := range cs {
				if c.Level != lvl {
					continue
				}
				fmt.Fprintf(w, "  %-8s %s", c.Level, c.ID)
				if c.Where != "" && !strings.HasPrefix(c.ID, "go-") {
					fmt.Fprintf(w, " at %s", c.Where)
				}
				if c.Pos != "" {
					fmt.Fprintf(w, " (%s)", c.Pos)
				}
				fmt.Fprintf(w, "\n           %s\n", c.Text)
			}
		}
	}
	fmt.Fprintf(w, "oasgen diff %s → %s\n\n", r.Old, r.New)
	section("HTTP API (oasdiff)", r.API)
	fmt.Fprintln(w)
	section(fmt.Sprintf("Generated Go API (package %s)", r.Package), r.Go)
	fmt.Fprintln(w)
	apiB, goB := 0, 0
	for _, c := range r.API {
		if c.Level == Breaking {
			apiB++
		}
	}
	for _, c := range r.Go {
		if c.Level == Breaking {
			goB++
		}
	}
	if apiB+goB == 0 {
		fmt.Fprintln(w, "No breaking changes.")
		return
	}
	fmt.Fprintf(w, "%d breaking change(s): %d in the HTTP API, %d in the Go API.\n", apiB+goB, apiB, goB)
}
