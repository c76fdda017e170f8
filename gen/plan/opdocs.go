package plan

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// OpGroup is one page of operation docs, docs/sdks/<File>/README.md, in
// the vendor SDK's layout: the group's operations, each with its
// description, a usage snippet (also an Example function), its
// parameters, its result and its errors.
type OpGroup struct {
	// Name is the page's title: the group Go-cased (x-speakeasy-group
	// "accounts.users" → AccountsUsers), or the client's type name for the
	// operations that have no group.
	Name string
	// Spec is the group as the spec gives it: the operation's
	// x-speakeasy-group, else its first tag; "" for no group.
	Spec string
	// File is the page's directory under docs/sdks: Name in lower case,
	// made unique.
	File string
	Doc  string // the tag's description
	Ops  []*OpDoc
}

// OpDoc is one operation on its group's page, and its Example function.
type OpDoc struct {
	Op *Operation
	// Anchor is the fragment GitHub gives the operation's heading (its
	// name in lower case), which the page's list of operations links to.
	Anchor string
	// Receiver is the type whose method the snippet calls (APIClient, or
	// the sub-client of the operation's x-speakeasy-group), and Example
	// the Example function that holds the snippet, so that go vet ties it
	// to that method and go test compiles it: Example<Receiver>_<Op> ("":
	// none, when the package's import path is unknown).
	Receiver, Example string
	// Events says the method returns an iterator over server-sent events,
	// which the snippet ranges over.
	Events bool
	// Call is the selector path from an APIClient value to the method:
	// [ListPets], or [Pets Photos DownloadPhoto] in a group.
	Call []string
	// Args are the arguments the snippet passes after ctx, in the order of
	// the method's signature; Params the rows of the parameters table
	// (ctx and opts included).
	Args   []*ExampleArg
	Params []*ParamDoc
	// Errors are the rows of the errors table: one per documented error
	// type (its statuses joined), then the catch-all APIError.
	Errors []*ErrorDoc
	// Usage is set when x-speakeasy-usage-example marks the operation: the
	// package doc comment shows its snippet too.
	Usage *UsageExample
	// FromEnv says the snippet's client takes its credentials from the
	// environment (OptionsFromEnv): the spec has security schemes.
	FromEnv bool
}

// ExampleArg is a value the snippet passes to the method. Exactly one of
// its cases is set.
type ExampleArg struct {
	// Ref and Value: a value of Ref's type; Value nil means its zero value.
	Ref   *Ref
	Value *Literal
	// Ctor: the body built with its constructor from CtorArgs.
	Ctor     *Type
	CtorArgs []*ExampleArg
	// Args: the operation's Args struct with its required fields set
	// (ArgFields, in field order).
	Args      *Type
	ArgFields []*ExampleField
	// Reader: a binary body, as an io.Reader over this text.
	Reader *string
	// Text: a string argument that is no model value (a binary body's
	// content type).
	Text *string
}

// ExampleField is a field the snippet sets in a struct literal.
type ExampleField struct {
	Field *Field
	Value *ExampleArg
}

// ParamDoc is one row of an operation's parameters table.
type ParamDoc struct {
	Name     string // as in the method's signature: ctx, itemID, params, params.Limit, body, opts
	Kind     ParamDocKind
	Ref      *Ref  // KindParamValue: the Go type
	Wrap     Wrap  // KindParamValue: a field's wrapper (Args fields)
	Named    *Type // KindParamArgs: the Args struct
	Required bool
	Doc      string
}

// ParamDocKind says which Go type a parameters table row shows.
type ParamDocKind int

const (
	ParamDocContext  ParamDocKind = iota // context.Context
	ParamDocValue                        // Ref, wrapped as Wrap says
	ParamDocArgs                         // the Args struct (Named)
	ParamDocReader                       // io.Reader
	ParamDocString                       // string (a binary body's content type)
	ParamDocCallOpts                     // ...CallOption
)

// ErrorDoc is one row of an operation's errors table.
type ErrorDoc struct {
	Type        string // the Go error type (documented ones, or the client's APIError)
	Statuses    []string
	ContentType string // "" for any (the APIError row)
}

// UsageExample is x-speakeasy-usage-example on an operation: true, or an
// object giving the example's title, description and position among the
// package doc's examples.
type UsageExample struct {
	Title, Description string
	Position           int // x-speakeasy-usage-example.position; 0 when not given
}

// planOpDocs groups the operations for their docs pages, in the order each
// group first appears (operations are in path then method order), and
// plans each operation's snippet, parameters table and errors table.
func (p *planner) planOpDocs() {
	tagDocs := map[string]string{}
	for _, t := range p.spec.Doc.Tags {
		if t != nil {
			tagDocs[t.Name] = t.Description
		}
	}
	var ops []*openapi3.Operation
	p.eachOperation(func(_, _ string, _ *openapi3.PathItem, op *openapi3.Operation) { ops = append(ops, op) })
	if len(ops) != len(p.m.Operations) {
		return // cannot happen: planOperations visits the same operations
	}
	byKey := map[string]*OpGroup{}
	used := map[string]bool{}
	for i, o := range p.m.Operations {
		spec := opGroup(ops[i])
		g := byKey[spec]
		if g == nil {
			name := GoName(strings.ReplaceAll(spec, ".", " "))
			if name == "" {
				name = p.m.Names.APIClient
			}
			g = &OpGroup{Name: name, Spec: spec, Doc: tagDocs[spec], File: uniqueDir(strings.ToLower(name), used)}
			byKey[spec] = g
			p.m.OpGroups = append(p.m.OpGroups, g)
		}
		d := &OpDoc{Op: o, Anchor: strings.ToLower(o.Name), Receiver: p.m.Names.APIClient, Call: []string{o.Name}}
		if o.Group != nil {
			d.Receiver = o.Group.Type
			d.Call = nil
			for g := o.Group; g != nil; g = g.Parent {
				d.Call = append([]string{g.Field}, d.Call...)
			}
			d.Call = append(d.Call, o.Name)
		}
		if p.m.ImportPath != "" {
			// The snippet names the package by its import path.
			d.Example = "Example" + d.Receiver + "_" + o.Name
		}
		d.Events = o.Events != nil && o.Events.Opener == nil
		d.FromEnv = len(p.m.Security) > 0
		d.Usage = usageExampleOf(ops[i].Extensions["x-speakeasy-usage-example"])
		p.planSnippet(d)
		p.planOpErrors(d)
		g.Ops = append(g.Ops, d)
		if d.Usage != nil {
			p.m.UsageOps = append(p.m.UsageOps, d)
		}
	}
	sort.SliceStable(p.m.UsageOps, func(i, j int) bool { return p.m.UsageOps[i].Usage.Position < p.m.UsageOps[j].Usage.Position })
}

// opGroup is the group an operation is documented in: x-speakeasy-group,
// else its first tag, else "".
func opGroup(op *openapi3.Operation) string {
	if g, ok := op.Extensions["x-speakeasy-group"].(string); ok && strings.TrimSpace(g) != "" {
		return strings.TrimSpace(g)
	}
	if len(op.Tags) > 0 {
		return op.Tags[0]
	}
	return ""
}

// uniqueDir is base, or base with the smallest numeric suffix not in used
// (two groups whose names differ only in case share a lower-case name).
func uniqueDir(base string, used map[string]bool) string {
	if base == "" {
		base = "operations"
	}
	name := base
	for i := 2; used[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	used[name] = true
	return name
}

// usageExampleOf reads x-speakeasy-usage-example: true, or {title,
// description, position}; nil when absent or false.
func usageExampleOf(v any) *UsageExample {
	switch x := v.(type) {
	case bool:
		if x {
			return &UsageExample{}
		}
	case map[string]any:
		u := &UsageExample{}
		u.Title, _ = x["title"].(string)
		u.Description, _ = x["description"].(string)
		switch n := x["position"].(type) {
		case float64:
			u.Position = int(n)
		case int:
			u.Position = n
		case json.Number:
			i, _ := n.Int64()
			u.Position = int(i)
		}
		return u
	}
	return nil
}

// planSnippet plans the arguments the operation's snippet passes and the
// rows of its parameters table, in the order of the method's signature:
// ctx, path parameters, params (the Args struct), the body, opts.
func (p *planner) planSnippet(d *OpDoc) {
	o := d.Op
	d.Params = append(d.Params, &ParamDoc{Name: "ctx", Kind: ParamDocContext, Required: true,
		Doc: "The context of the call: its deadline and cancellation end the call, retries included."})
	for _, pr := range o.Params {
		if !pr.MethodArg() {
			continue
		}
		d.Args = append(d.Args, &ExampleArg{Ref: pr.Type, Value: exampleValue(pr.Type, pr.Name, "")})
		d.Params = append(d.Params, &ParamDoc{Name: pr.Arg, Kind: ParamDocValue, Ref: pr.Type, Required: true, Doc: pr.Doc})
	}
	if o.Args != nil {
		a := &ExampleArg{Args: o.Args}
		for _, fl := range o.Args.Fields {
			if fl.RequestRequired {
				r := ctorArgRef(fl)
				a.ArgFields = append(a.ArgFields, &ExampleField{Field: fl, Value: &ExampleArg{Ref: r, Value: exampleValue(r, fl.JSONName, fl.Example)}})
			}
		}
		d.Args = append(d.Args, a)
		d.Params = append(d.Params, &ParamDoc{Name: "params", Kind: ParamDocArgs, Named: o.Args, Required: true,
			Doc: "The query, header and cookie parameters, one field each (below)."})
		for _, fl := range o.Args.Fields {
			d.Params = append(d.Params, &ParamDoc{Name: "params." + fl.Name, Kind: ParamDocValue, Ref: fl.Type, Wrap: fl.Wrap,
				Required: fl.Required, Doc: fl.Doc})
		}
	}
	if b := o.Body; b != nil {
		switch {
		case b.Kind == BodyBinary:
			text := ""
			ct := b.MediaType
			d.Args = append(d.Args, &ExampleArg{Reader: &text}, &ExampleArg{Text: &ct})
			d.Params = append(d.Params,
				&ParamDoc{Name: "body", Kind: ParamDocReader, Required: b.Required, Doc: "The request body, sent as it reads."},
				&ParamDoc{Name: "contentType", Kind: ParamDocString, Required: false, Doc: "The body's Content-Type; empty: " + b.MediaType + "."})
		case b.Type != nil && b.Type.Kind == RefNamed && !b.Type.Nullable && b.Type.Named.Kind == KindStruct && b.Type.Named.Ctor != "":
			t := b.Type.Named
			a := &ExampleArg{Ctor: t}
			for _, fl := range t.CtorFields {
				a.CtorArgs = append(a.CtorArgs, &ExampleArg{Ref: ctorArgRef(fl), Value: exampleValue(ctorArgRef(fl), fl.JSONName, fl.Example)})
			}
			d.Args = append(d.Args, a)
			d.Params = append(d.Params, &ParamDoc{Name: "body", Kind: ParamDocValue, Ref: b.Type, Required: b.Required, Doc: "The request body."})
		case b.Type != nil:
			d.Args = append(d.Args, &ExampleArg{Ref: b.Type, Value: exampleValue(b.Type, "body", "")})
			d.Params = append(d.Params, &ParamDoc{Name: "body", Kind: ParamDocValue, Ref: b.Type, Required: b.Required, Doc: "The request body."})
		}
	}
	d.Params = append(d.Params, &ParamDoc{Name: "opts", Kind: ParamDocCallOpts,
		Doc: "Options for this call only: retries, headers, query parameters, request editors."})
}

// ctorArgRef is the type of a constructor's parameter for fl: a nullable
// field's parameter is the oas.Nullable itself.
func ctorArgRef(fl *Field) *Ref {
	if fl.Wrap == NullableWrap && !fl.Type.Nullable {
		r := *fl.Type
		r.Nullable = true
		return &r
	}
	return fl.Type
}

// exampleValue is the value a snippet passes for a value of r named name:
// the spec's example (JSON) when it is a string or one of an enum's
// values, else a placeholder string ("<name>") for strings, the first
// constant of an enum, or nil (the zero value).
func exampleValue(r *Ref, name, example string) *Literal {
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		return exampleValue(&inner, name, example)
	}
	var ex any
	d := json.NewDecoder(strings.NewReader(example))
	d.UseNumber()
	if example != "" && d.Decode(&ex) == nil {
		switch ex.(type) {
		case string, json.Number:
			if l, ok := literalOf(r, ex, 0); ok && (l.String != nil || l.Const != nil || l.Number != "") {
				return l
			}
		}
	}
	switch {
	case r.Kind == RefBuiltin && isInt(r.Builtin) && r.C.IntMin != nil:
		// The smallest value the schema allows, so the example validates.
		n := *r.C.IntMin
		if r.C.ExclusiveMin {
			n++
		}
		return &Literal{Number: strconv.FormatInt(n, 10)}
	case r.Kind == RefBuiltin && r.Builtin == String:
		s := "<" + name + ">"
		return &Literal{String: &s}
	case r.Kind == RefNamed && r.Named.Kind == KindEnum && len(r.Named.Enum.Values) > 0:
		return &Literal{Const: &r.Named.Enum.Values[0]}
	case r.Kind == RefNamed && r.Named.Kind == KindAlias && !r.Named.GoAlias:
		if l := exampleValue(r.Named.Elem, name, example); l != nil && l.String != nil {
			return l
		}
	}
	return nil
}

func isInt(b Builtin) bool { return b == Int64 || b == Int32 || b == Uint32 || b == Uint64 }

// planOpErrors plans the errors table: each documented error type with its
// statuses, in the order they are documented, then the client's APIError
// for every other status. With x-speakeasy-errors making some non-2xx
// statuses results, the APIError row names the untyped error statuses and
// the results it does not cover.
func (p *planner) planOpErrors(d *OpDoc) {
	at := map[string]*ErrorDoc{}
	results := d.Op.NonErrorStatuses()
	var untyped []string
	for _, e := range d.Op.Errors {
		if e.ErrorType == "" {
			if len(results) > 0 && e.Status != "default" {
				untyped = append(untyped, e.Status)
			}
			continue
		}
		ed := at[e.ErrorType]
		if ed == nil {
			ed = &ErrorDoc{Type: e.ErrorType, ContentType: e.MediaType}
			at[e.ErrorType] = ed
			d.Errors = append(d.Errors, ed)
		}
		ed.Statuses = append(ed.Statuses, e.Status)
	}
	if len(results) > 0 {
		d.Errors = append(d.Errors, &ErrorDoc{Type: p.m.Names.APIError,
			Statuses: append(untyped, "any other status but 2XX, "+strings.Join(results, ", ")+" (results)")})
		return
	}
	d.Errors = append(d.Errors, &ErrorDoc{Type: p.m.Names.APIError, Statuses: []string{"4XX", "5XX"}})
}
