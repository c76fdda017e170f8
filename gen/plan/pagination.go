package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// This file plans pagination: x-speakeasy-pagination (offsetLimit, cursor
// and url, as Speakeasy documents them) and, when the config asks, the
// common undeclared patterns (a next cursor or link in the body, a Link
// header). Its JSONPath outputs are resolved here against the typed
// response, so a path is a chain of Go field selections and indexes that
// the emitter only writes out: a path that names nothing is an error, one
// beyond the subset Speakeasy uses ($, .name, ['name'], [n], [-1]) a
// warning, and the operation then gets no iterators.

// PageKind says how the next page is asked for.
type PageKind int

const (
	PageOffset PageKind = iota // offsetLimit with an offset input: offset += len(results)
	PageNumber                 // offsetLimit with a page input: page++
	PageCursor                 // the input takes the nextCursor output
	PageURL                    // the next request goes to the nextUrl output
	PageLink                   // the next request goes to the Link header's rel="next"
)

// Pagination is how an operation's pages follow each other. The client
// gets <Op>Pages, an iterator over the pages, and, when the pages' items
// are known (Results), <Op>All over the items.
type Pagination struct {
	Kind PageKind
	// Pages and All are the methods' names; All is "" without Results.
	Pages, All string
	// Input is the offset, page or cursor input (nil for PageURL and
	// PageLink), Limit the limit input (nil when none is declared).
	Input, Limit *PageInput
	// Results is the page's items, NumPages the page count (PageNumber
	// only), Next the next cursor (PageCursor) or URL (PageURL); nil when
	// not declared.
	Results, NumPages, Next *Accessor
	// Item is the type of Results' elements.
	Item *Ref
	// Page is the type of a page (the operation's result), PagePointer
	// says the method returns it as *Page.
	Page        *Ref
	PagePointer bool
	// Start is the offset (0) or page (1) a request that sets none asks
	// for, from which the next one is counted.
	Start int64
	// ZeroEnds says a zero next value ("" for a string cursor or URL)
	// means there is no next page, as an absent one does.
	ZeroEnds bool
	// Convert says Next's Go type is not the cursor input's (or, for a
	// URL, string) but converts to it: a defined type over the same
	// builtin.
	Convert bool
}

// PageIn says where a pagination input is set.
type PageIn int

const (
	InArgs PageIn = iota // a field of the operation's Args (query, header, cookie)
	InPath               // a path parameter, a method argument
	InBody               // a field of the JSON request body
)

// PageInput is a pagination input: a parameter or body property.
type PageInput struct {
	Name string // as in the spec
	In   PageIn
	// Arg is the path argument (InPath); Field the Args or body field.
	Arg   string
	Field *Field
	// Type is the value's type (not wrapped).
	Type *Ref
}

// Accessor is a JSONPath output resolved against the page's Go type.
type Accessor struct {
	Path  string // as the spec writes it
	Steps []Step
	// Type is the value at the end of the path.
	Type *Ref
}

// Step is one selection of an Accessor: a field of a struct or an element
// of a slice.
type Step struct {
	// Field is the struct field selected (nil for an index step); its
	// Wrap says whether the value needs Get, its Type.Pointer whether it
	// may be nil.
	Field *Field
	// Index is the element selected (-1: the last); Elem is the slice's
	// element type, whose Nullable says the element needs Get.
	Index int
	Elem  *Ref
}

// pathStep is one parsed JSONPath step.
type pathStep struct {
	name  string
	index int
	isIdx bool
}

// errUnsupported marks a JSONPath feature outside the subset.
type errUnsupported struct{ msg string }

func (e errUnsupported) Error() string { return e.msg }

// parseJSONPath parses the subset of JSONPath Speakeasy's outputs use.
func parseJSONPath(path string) ([]pathStep, error) {
	if !strings.HasPrefix(path, "$") {
		return nil, fmt.Errorf("JSONPath %q does not start with $", path)
	}
	rest := path[1:]
	var steps []pathStep
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, ".."):
			return nil, errUnsupported{"recursive descent (..) is not supported"}
		case rest[0] == '.':
			rest = rest[1:]
			i := strings.IndexAny(rest, ".[")
			if i < 0 {
				i = len(rest)
			}
			name := rest[:i]
			if name == "" {
				return nil, fmt.Errorf("JSONPath %q: empty name", path)
			}
			if name == "*" {
				return nil, errUnsupported{"wildcards are not supported"}
			}
			steps, rest = append(steps, pathStep{name: name}), rest[i:]
		case rest[0] == '[':
			end := strings.IndexByte(rest, ']')
			if q := rest[1:]; len(q) > 0 && (q[0] == '\'' || q[0] == '"') {
				// A quoted name may hold ']'.
				close := strings.IndexByte(q[1:], q[0])
				if close < 0 || len(q) < close+3 || q[close+2] != ']' {
					return nil, fmt.Errorf("JSONPath %q: unterminated name", path)
				}
				steps, rest = append(steps, pathStep{name: q[1 : close+1]}), q[close+3:]
				continue
			}
			if end < 0 {
				return nil, fmt.Errorf("JSONPath %q: unterminated [", path)
			}
			in := strings.TrimSpace(rest[1:end])
			n, err := strconv.Atoi(in)
			switch {
			case err == nil && n >= -1:
				steps = append(steps, pathStep{index: n, isIdx: true})
			case err == nil:
				return nil, errUnsupported{"negative indexes other than [-1] are not supported"}
			case in == "*" || strings.ContainsAny(in, "?:,("):
				return nil, errUnsupported{fmt.Sprintf("[%s] (wildcards, filters, slices, unions) is not supported", in)}
			default:
				return nil, fmt.Errorf("JSONPath %q: [%s] is not an index", path, in)
			}
			rest = rest[end+1:]
		default:
			return nil, fmt.Errorf("JSONPath %q: unexpected %q", path, rest[:1])
		}
	}
	return steps, nil
}

// unalias follows named aliases (type Pets []Pet, type A = B) to the type
// they stand for.
func unalias(r *Ref) *Ref {
	// Bounded: the planner breaks alias cycles, but a pager must not hang
	// on one it missed.
	for i := 0; i < 64 && r.Kind == RefNamed && r.Named.Kind == KindAlias && r.Named.Elem != nil; i++ {
		r = r.Named.Elem
	}
	return r
}

// resolvePath resolves a JSONPath against a page of type root.
func resolvePath(root *Ref, path string) (*Accessor, error) {
	steps, err := parseJSONPath(path)
	if err != nil {
		return nil, err
	}
	a := &Accessor{Path: path}
	cur := root
	at := "$"
	for _, s := range steps {
		u := unalias(cur)
		if s.isIdx {
			if u.Kind != RefSlice {
				return nil, fmt.Errorf("%s: %s is not an array, so [%d] selects nothing", path, at, s.index)
			}
			a.Steps = append(a.Steps, Step{Index: s.index, Elem: u.Elem})
			cur = u.Elem
			at += "[" + strconv.Itoa(s.index) + "]"
			continue
		}
		if u.Kind == RefBuiltin && u.Builtin == RawJSON || u.Kind == RefMap || u.Kind == RefNamed && u.Named.Kind == KindUnion {
			return nil, errUnsupported{fmt.Sprintf("%s is a free-form object, map or union, whose %q has no Go field", at, s.name)}
		}
		if u.Kind != RefNamed || u.Named.Kind != KindStruct {
			return nil, fmt.Errorf("%s: %s is not an object, so it has no property %q", path, at, s.name)
		}
		var f *Field
		for _, fl := range u.Named.Fields {
			if fl.JSONName == s.name {
				f = fl
			}
		}
		if f == nil {
			if u.Named.Extra != nil {
				return nil, errUnsupported{fmt.Sprintf("%q is not a declared property of %s (only additionalProperties)", s.name, u.Named.Name)}
			}
			return nil, fmt.Errorf("%s: %s (%s) has no property %q", path, at, u.Named.Name, s.name)
		}
		a.Steps = append(a.Steps, Step{Field: f, Index: 0})
		cur = f.Type
		at += "." + s.name
	}
	a.Type = cur
	return a, nil
}

// pageError reports a bad pagination declaration: an error (kind: the
// spec is wrong) or, for what is merely unsupported, a warning.
func (p *planner) pageProblem(pos diag.Pos, where string, err error) {
	if u, ok := err.(errUnsupported); ok {
		p.warn(pos, where, "%s; the operation gets no page iterators", u.msg)
		return
	}
	p.errs = append(p.errs, diag.Diagnostic{Pos: pos, Where: where, Msg: err.Error(), Severity: diag.Error})
}

// planPagination plans every paginated operation's iterators, once types
// are final (pointers placed), in operation order, and names the <Op>Events
// methods of operations that stream events beside their JSON.
func (p *planner) planPagination() {
	methods := newNamer()
	for _, o := range p.m.Operations {
		methods.claim(o.Name, "operation "+o.Name)
	}
	i := 0
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, op *openapi3.Operation) {
		o := p.m.Operations[i]
		i++
		lm := strings.ToLower(method)
		where := "paths." + pth + "." + lm
		if ev := o.Events; ev != nil && ev.Method == "" {
			var renamed bool
			if ev.Method, renamed = methods.claim(o.Name+"Events", "events of "+o.Name); renamed {
				p.warn(p.spec.Pos("paths", pth, lm), where, "method name %sEvents is already used; the event iterator of %s is %s", o.Name, o.Name, ev.Method)
			}
			// Errors and hooks name the method the caller called.
			ev.Opener.Name = ev.Method
		}
		var pg *Pagination
		if raw, ok := op.Extensions["x-speakeasy-pagination"]; ok {
			pg = p.declaredPagination(o, raw, where+".x-speakeasy-pagination", func(k ...string) diag.Pos {
				return p.spec.Pos(append([]string{"paths", pth, lm, "x-speakeasy-pagination"}, k...)...)
			})
		} else if p.inferPagination {
			pg = p.inferredPagination(o, op)
		}
		if pg == nil {
			return
		}
		pos := p.spec.Pos("paths", pth, lm)
		var renamed bool
		if pg.Pages, renamed = methods.claim(o.Name+"Pages", "pages of "+o.Name); renamed {
			p.warn(pos, where, "method name %sPages is already used; the page iterator of %s is %s", o.Name, o.Name, pg.Pages)
		}
		if pg.Results != nil {
			if pg.All, renamed = methods.claim(o.Name+"All", "items of "+o.Name); renamed {
				p.warn(pos, where, "method name %sAll is already used; the item iterator of %s is %s", o.Name, o.Name, pg.All)
			}
		}
		o.Pagination = pg
	})
}

// pageable reports why an operation cannot be paginated ("" when it can):
// its method must return one JSON type.
func pageable(o *Operation) string {
	switch {
	case o.Events != nil && o.Events.Opener == nil:
		return "its response is an event stream"
	case len(o.NonErrorStatuses()) > 0:
		return "x-speakeasy-errors makes " + strings.Join(o.NonErrorStatuses(), ", ") + " a result, which a page iterator has no place for"
	case o.ResultType != "" || o.Result == nil || o.Result.Kind != BodyJSON:
		return "its 2xx responses are not one JSON type"
	case o.Body != nil && o.Body.Kind == BodyBinary:
		return "its request body is a stream, which cannot be sent twice"
	}
	return ""
}

// declaredPagination plans x-speakeasy-pagination; nil (with the problem
// reported) when the operation gets no iterators.
func (p *planner) declaredPagination(o *Operation, raw any, where string, pos func(...string) diag.Pos) *Pagination {
	ext, ok := raw.(map[string]any)
	if !ok {
		p.pageProblem(pos(), where, fmt.Errorf("x-speakeasy-pagination is not an object"))
		return nil
	}
	if why := pageable(o); why != "" {
		p.warn(pos(), where, "pagination is not supported here: %s; the operation gets no page iterators", why)
		return nil
	}
	pg := &Pagination{Page: o.Result.Body, PagePointer: o.ResultPointer}
	typ, _ := ext["type"].(string)
	inputs := map[string]*PageInput{}
	list, _ := ext["inputs"].([]any)
	for i, in := range list {
		m, _ := in.(map[string]any)
		name, _ := m["name"].(string)
		loc, _ := m["in"].(string)
		kind, _ := m["type"].(string)
		iw := fmt.Sprintf("%s.inputs[%d]", where, i)
		ip := pos("inputs", strconv.Itoa(i))
		switch kind {
		case "offset", "page", "cursor", "limit":
		default:
			p.pageProblem(ip, iw, fmt.Errorf("input type %q is not offset, page, cursor or limit", kind))
			return nil
		}
		input, err := p.pageInput(o, name, loc)
		if err != nil {
			p.pageProblem(ip, iw, err)
			return nil
		}
		inputs[kind] = input
	}
	outputs, _ := ext["outputs"].(map[string]any)
	output := func(key string) (*Accessor, bool) {
		s, ok := outputs[key].(string)
		if !ok {
			return nil, true
		}
		a, err := resolvePath(pg.Page, s)
		if err != nil {
			p.pageProblem(pos("outputs", key), where+".outputs."+key, err)
			return nil, false
		}
		return a, true
	}
	var ok1, ok2 bool
	if pg.Results, ok1 = output("results"); pg.Results != nil {
		u := unalias(pg.Results.Type)
		if u.Kind != RefSlice {
			p.pageProblem(pos("outputs", "results"), where+".outputs.results", fmt.Errorf("%s is not an array", pg.Results.Path))
			return nil
		}
		pg.Item = u.Elem
	}
	pg.Limit = inputs["limit"]
	if pg.Limit != nil && !integerRef(pg.Limit.Type) {
		p.warn(pos("inputs"), where+".inputs", "the limit input %q is not an integer; it is not used to find the last page", pg.Limit.Name)
		pg.Limit = nil
	}
	switch typ {
	case "offsetLimit":
		pg.NumPages, ok2 = output("numPages")
		pg.Kind, pg.Input = PageOffset, inputs["offset"]
		if pg.Input == nil {
			pg.Kind, pg.Input, pg.Start = PageNumber, inputs["page"], 1
		}
		switch {
		case !ok1 || !ok2:
			return nil
		case pg.Input == nil:
			p.pageProblem(pos("inputs"), where+".inputs", fmt.Errorf("offsetLimit pagination needs an offset or page input"))
			return nil
		case !integerRef(pg.Input.Type):
			p.warn(pos("inputs"), where+".inputs", "the %s input %q is not an integer; the operation gets no page iterators", inputKind(pg.Kind), pg.Input.Name)
			return nil
		case pg.Kind == PageOffset && pg.Results == nil:
			p.pageProblem(pos("outputs"), where+".outputs", fmt.Errorf("offset pagination needs a results output, to count the items"))
			return nil
		case pg.Results == nil && pg.NumPages == nil:
			p.pageProblem(pos("outputs"), where+".outputs", fmt.Errorf("page pagination needs a results or numPages output"))
			return nil
		case pg.NumPages != nil && (pg.Kind != PageNumber || !integerRef(pg.NumPages.Type)):
			p.warn(pos("outputs", "numPages"), where+".outputs.numPages", "numPages is used with an integer value and a page input only; it is ignored")
			pg.NumPages = nil
			if pg.Results == nil {
				return nil
			}
		}
	case "cursor":
		pg.Next, ok2 = output("nextCursor")
		pg.Kind, pg.Input = PageCursor, inputs["cursor"]
		switch {
		case !ok1 || !ok2:
			return nil
		case pg.Input == nil:
			p.pageProblem(pos("inputs"), where+".inputs", fmt.Errorf("cursor pagination needs a cursor input"))
			return nil
		case pg.Next == nil:
			p.pageProblem(pos("outputs"), where+".outputs", fmt.Errorf("cursor pagination needs a nextCursor output"))
			return nil
		}
		in, out := unalias(pg.Input.Type), unalias(pg.Next.Type)
		if in.Kind != RefBuiltin || out.Kind != RefBuiltin || in.Builtin != out.Builtin || in.Builtin == RawJSON {
			p.warn(pos("outputs", "nextCursor"), where+".outputs.nextCursor", "nextCursor %s is not of the cursor input %q's type; the operation gets no page iterators",
				pg.Next.Path, pg.Input.Name)
			return nil
		}
		pg.ZeroEnds = in.Builtin == String
		pg.Convert = !sameRef(nonNullRef(pg.Input.Type), nonNullRef(pg.Next.Type))
	case "url":
		pg.Next, ok2 = output("nextUrl")
		pg.Kind = PageURL
		switch {
		case !ok1 || !ok2:
			return nil
		case pg.Next == nil:
			p.pageProblem(pos("outputs"), where+".outputs", fmt.Errorf("url pagination needs a nextUrl output"))
			return nil
		}
		if u := unalias(pg.Next.Type); u.Kind != RefBuiltin || u.Builtin != String {
			p.pageProblem(pos("outputs", "nextUrl"), where+".outputs.nextUrl", fmt.Errorf("nextUrl %s is not a string", pg.Next.Path))
			return nil
		}
		pg.ZeroEnds = true
		pg.Convert = pg.Next.Type.Kind != RefBuiltin
	default:
		p.pageProblem(pos("type"), where+".type", fmt.Errorf("pagination type %q is not offsetLimit, cursor or url", typ))
		return nil
	}
	return pg
}

func inputKind(k PageKind) string {
	if k == PageOffset {
		return "offset"
	}
	return "page"
}

// integerRef reports whether r is an integer (through aliases).
func integerRef(r *Ref) bool {
	u := unalias(r)
	switch u.Builtin {
	case Int64, Int32, Uint32, Uint64:
		return u.Kind == RefBuiltin
	}
	return false
}

// pageInput finds a pagination input: a parameter ("parameters") or a
// property of the JSON request body ("requestBody").
func (p *planner) pageInput(o *Operation, name, in string) (*PageInput, error) {
	switch in {
	case "parameters":
		for _, pr := range o.Params {
			if pr.Name != name {
				continue
			}
			switch {
			case pr.In == "path":
				return &PageInput{Name: name, In: InPath, Arg: pr.Arg, Type: pr.Type}, nil
			case pr.Field == nil:
				return nil, errUnsupported{fmt.Sprintf("parameter %q (in %s) is not an argument of the method", name, pr.In)}
			}
			return &PageInput{Name: name, In: InArgs, Field: pr.Field, Type: pr.Field.Type}, nil
		}
		return nil, fmt.Errorf("the operation has no parameter %q", name)
	case "requestBody":
		if strings.ContainsAny(name, ".[") {
			return nil, errUnsupported{fmt.Sprintf("input %q is nested in the request body; only top-level properties are supported", name)}
		}
		b := o.Body
		if b == nil || b.Kind != BodyJSON {
			return nil, fmt.Errorf("input %q is in the request body, but the operation has no JSON body", name)
		}
		if u := unalias(b.Type); u.Kind == RefNamed && u.Named.Kind == KindStruct && !b.Type.Nullable && !b.Type.Pointer {
			for _, f := range u.Named.Fields {
				if f.JSONName == name {
					return &PageInput{Name: name, In: InBody, Field: f, Type: f.Type}, nil
				}
			}
			return nil, fmt.Errorf("the request body (%s) has no property %q", u.Named.Name, name)
		}
		return nil, errUnsupported{fmt.Sprintf("input %q is in a request body that is not an object", name)}
	}
	return nil, fmt.Errorf("input %q: in is %q, not parameters or requestBody", name, in)
}

// cursorParams are the query parameter names the inferred patterns take
// for a next cursor from the body.
var cursorParams = []string{"cursor", "next", "after", "starting_after", "page_token", "pageToken", "next_token", "continuation"}

// inferredPagination recognises, when the config asks, the common
// undeclared patterns: a string property next in the response body (a
// cursor when the operation has a cursor-like query parameter, else the
// next page's URL) or a Link header the 2xx response declares. The items
// are the body itself when it is an array, else its only array property.
func (p *planner) inferredPagination(o *Operation, op *openapi3.Operation) *Pagination {
	if pageable(o) != "" {
		return nil
	}
	pg := &Pagination{Page: o.Result.Body, PagePointer: o.ResultPointer}
	root := unalias(pg.Page)
	var next *Field
	switch {
	case root.Kind == RefSlice:
		pg.Results, pg.Item = &Accessor{Path: "$", Type: pg.Page}, root.Elem
	case root.Kind == RefNamed && root.Named.Kind == KindStruct:
		var arrays []*Field
		for _, f := range root.Named.Fields {
			if unalias(f.Type).Kind == RefSlice {
				arrays = append(arrays, f)
			}
			if u := unalias(f.Type); f.JSONName == "next" && u.Kind == RefBuiltin && u.Builtin == String {
				next = f
			}
		}
		if len(arrays) == 1 {
			pg.Results = &Accessor{Path: "$." + arrays[0].JSONName, Steps: []Step{{Field: arrays[0]}}, Type: arrays[0].Type}
			pg.Item = unalias(arrays[0].Type).Elem
		}
	}
	if next != nil {
		pg.Next = &Accessor{Path: "$.next", Steps: []Step{{Field: next}}, Type: next.Type}
		pg.Kind, pg.ZeroEnds, pg.Convert = PageURL, true, next.Type.Kind != RefBuiltin
		for _, name := range cursorParams {
			for _, pr := range o.Params {
				if pr.In == "query" && pr.Name == name && pg.Input == nil && pr.Field != nil {
					if u := unalias(pr.Field.Type); u.Kind == RefBuiltin && u.Builtin == String {
						pg.Kind, pg.Input = PageCursor, &PageInput{Name: name, In: InArgs, Field: pr.Field, Type: pr.Field.Type}
						pg.Convert = !sameRef(nonNullRef(pr.Field.Type), nonNullRef(next.Type))
					}
				}
			}
		}
		return pg
	}
	if resp := op.Responses.Value(o.Result.Status); resp != nil && resp.Value != nil {
		for h := range resp.Value.Headers {
			if strings.EqualFold(h, "Link") {
				pg.Kind = PageLink
				return pg
			}
		}
	}
	return nil
}

// nonNullRef is r without its nullability: the value Get returns.
func nonNullRef(r *Ref) *Ref {
	c := *r
	c.Nullable = false
	return &c
}
