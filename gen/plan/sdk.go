package plan

// What a vendor SDK gives besides the calls themselves, planned once every
// operation and security scheme is: response metadata and typed response
// headers, timeouts, global parameters (x-speakeasy-globals) and server
// selection (servers, their variables, per-path and per-operation
// servers). The emitters (emit/sdk.go) only render what is decided here.

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// SDK is the plan of the client's SDK features.
type SDK struct {
	// Names are the package-level identifiers these features declare,
	// claimed after every other client name.
	Names SDKNames
	// Globals are the parameters set once on the client (Options fields)
	// that operations with a parameter of the same name, location and type
	// send unless the call sets it, in x-speakeasy-globals order.
	Globals []*Global
	// ServerChoice says the client chooses among servers: more than one
	// entry, server variables, or servers of a path or operation. Without
	// it NewAPIClient takes Options.ServerURL or DefaultServerURL alone.
	ServerChoice bool
	// ServerVars are the variables of every server (the spec's and the
	// operations'), one Options field each, by first appearance.
	ServerVars []*ServerVar
	// Groups are the sub-clients (groups.go), parents before children, in
	// first appearance; TopGroups those reached from APIClient itself.
	Groups, TopGroups []*Group
}

// SDKNames are SDK's package-level identifiers.
type SDKNames struct {
	HTTPMeta, WithHTTPMeta, WithResponseHeaders, WithTimeout, TimeoutError, WithServerURL string
}

// Global is a parameter of x-speakeasy-globals.
type Global struct {
	Name, In string
	// Field is its Options field (an oas.Opt[Type]) and ClientField the
	// APIClient field the value is kept in.
	Field, ClientField string
	Type               *Ref
	Doc                string
	// Uses counts the operation parameters it stands in for, Hidden those
	// of them a call cannot set (x-speakeasy-globals-hidden).
	Uses, Hidden int
}

// ServerVar is one server variable as an Options field.
type ServerVar struct {
	Name  string // as in the URL template
	Field string // the Options field (a string)
	Doc   string
	// Consts name the enum values (package constants <Field><Value>), in
	// the order of the first server that lists them.
	Consts []EnumValue
}

// ServerVarUse is a variable of one server: its default and enum.
type ServerVarUse struct {
	Var     *ServerVar
	Default string
	Enum    []string
}

// OpServers are a path's or an operation's own servers: the operation
// uses the first, with the variables' values from Options.
type OpServers struct {
	// Field is the APIClient field holding the resolved URL.
	Field   string
	Servers []Server
	Pos     diag.Pos
}

// ResponseHeaders is the struct the response headers an operation's 2xx
// responses declare decode into (<Op>ResponseHeaders).
type ResponseHeaders struct {
	Name   string
	Fields []*HeaderField
}

// HeaderField is one declared response header.
type HeaderField struct {
	Name   string // the Go field, an oas.Opt of its type
	Header string // as on the wire
	Doc    string
	// Scalar is how the value decodes (string, int64, ..., time.Time); List
	// says it is a comma-separated list of them; Enum, when set, is the
	// defined type a Scalar value converts to.
	Scalar Builtin
	List   bool
	Enum   *Type
}

// planSDK plans the SDK features; it runs after planSecurity (whose
// Options fields it keeps clear of).
func (p *planner) planSDK() {
	sdk := &p.m.SDK
	claim := func(want string) string {
		n, _ := p.names.claim(want, "the client's "+want)
		return n
	}
	sdk.Names = SDKNames{HTTPMeta: claim("HTTPMeta"), WithHTTPMeta: claim("WithHTTPMeta"),
		WithResponseHeaders: claim("WithResponseHeaders"), WithTimeout: claim("WithTimeout"), TimeoutError: claim("TimeoutError"),
		WithServerURL: claim("WithServerURL")}
	fields := map[string]bool{}
	for _, f := range optionFields {
		fields[f] = true
	}
	for _, f := range []string{"Timeout", "ServerIndex"} {
		fields[f] = true
	}
	for _, s := range p.m.Security {
		fields[s.Field] = true
	}
	i := 0
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		o := p.m.Operations[i]
		i++
		where := "paths." + pth + "." + strings.ToLower(method)
		o.ResponseHeaders = p.planResponseHeaders(o, op, where)
	})
	p.planGlobals(fields)
	p.warnHiddenNonGlobals()
	p.planServers(fields)
	p.planGroups()
	p.noteIgnoredOperations()
}

// planResponseHeaders collects the headers the 2xx responses declare
// (Content-Type aside, which OpenAPI says to ignore), first declaration
// first; nil when there are none.
func (p *planner) planResponseHeaders(o *Operation, op *openapi3.Operation, where string) *ResponseHeaders {
	if op.Responses == nil {
		return nil
	}
	codes := slices.Sorted(maps.Keys(op.Responses.Map()))
	slices.SortStableFunc(codes, func(a, b string) int { return statusRank(a) - statusRank(b) })
	rh := &ResponseHeaders{}
	seen := map[string]bool{}
	fieldNames := newNamer("DecodeHeader")
	for _, c := range codes {
		rr := op.Responses.Value(c)
		if !strings.HasPrefix(c, "2") || rr == nil || rr.Value == nil {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(rr.Value.Headers)) {
			h := rr.Value.Headers[k]
			canon := strings.ToLower(k)
			if h == nil || h.Value == nil || canon == "content-type" || seen[canon] {
				continue
			}
			seen[canon] = true
			hw := where + ".responses." + c + ".headers." + k
			pos := p.spec.Pos("paths", o.Path, strings.ToLower(o.Method), "responses", c, "headers", k)
			f := &HeaderField{Header: k, Doc: h.Value.Description}
			f.Name, _ = fieldNames.claim(orDefault(GoName(k), "Header"), k)
			f.Scalar, f.List, f.Enum = p.headerType(h.Value.Schema)
			if f.Scalar == NoneType {
				p.warn(pos, hw, "response header %s: only strings, numbers, booleans, date-times and lists of them are decoded; it is kept as text", k)
				f.Scalar = String
			}
			rh.Fields = append(rh.Fields, f)
		}
	}
	if len(rh.Fields) == 0 {
		return nil
	}
	var renamed bool
	if rh.Name, renamed = p.names.claim(o.Name+"ResponseHeaders", "response headers of operation "+o.Name); renamed {
		p.warn(p.spec.Pos("paths", o.Path, strings.ToLower(o.Method), "responses"), where+".responses",
			"type name %sResponseHeaders is already used; the response headers of %s are %s", o.Name, o.Name, rh.Name)
	}
	return rh
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// headerType is how a header of schema sr decodes: a scalar, a list of
// scalars, or a string enum type; NoneType when it cannot.
func (p *planner) headerType(sr *openapi3.SchemaRef) (Builtin, bool, *Type) {
	if sr == nil || sr.Value == nil {
		return String, false, nil
	}
	s := sr.Value
	if t := p.bySchema[s]; t != nil && t.Kind == KindEnum && t.Enum.Base == String {
		return String, false, t
	}
	if typeIs(s, "array") && s.Items != nil && s.Items.Value != nil {
		b, _, _ := p.headerType(&openapi3.SchemaRef{Value: &openapi3.Schema{Type: s.Items.Value.Type, Format: s.Items.Value.Format}})
		return b, b != NoneType, nil
	}
	switch {
	case typeIs(s, "string") && s.Format == "date-time":
		return Time, false, nil
	case typeIs(s, "string") || len(nonNullTypes(s)) == 0:
		return String, false, nil
	case typeIs(s, "integer") && s.Format == "int32":
		return Int32, false, nil
	case typeIs(s, "integer"):
		return Int64, false, nil
	case typeIs(s, "number"):
		return Float64, false, nil
	case typeIs(s, "boolean"):
		return Bool, false, nil
	}
	return NoneType, false, nil
}

// planGlobals plans x-speakeasy-globals: each parameter (query or header,
// of a scalar or enum type) becomes an Options field, and every operation
// parameter of the same name, location and type takes its value from there
// unless the call sets it. Its Args field is then optional even when the
// parameter is required: the client's value fills it.
func (p *planner) planGlobals(fields map[string]bool) {
	raw, ok := p.spec.Doc.Extensions["x-speakeasy-globals"].(map[string]any)
	if !ok {
		return
	}
	list, _ := raw["parameters"].([]any)
	for i, item := range list {
		where := "x-speakeasy-globals.parameters." + strconv.Itoa(i)
		pos := p.spec.Pos("x-speakeasy-globals", "parameters", strconv.Itoa(i))
		pv := p.globalParam(item)
		if pv == nil {
			p.warn(pos, where, "not a parameter (a name and an `in`, or a $ref to components.parameters); ignored")
			continue
		}
		if pv.In != "query" && pv.In != "header" && pv.In != "path" {
			p.warn(pos, where, "global parameter %q is in %s; only path, query and header parameters can be set on the client, so it stays a parameter of each call", pv.Name, pv.In)
			continue
		}
		hidden := false
		h, ok := pv.Extensions["x-speakeasy-globals-hidden"] // on the component parameter
		if m, isMap := item.(map[string]any); isMap {
			if v, has := m["x-speakeasy-globals-hidden"]; has { // on the entry (inline, or beside its $ref)
				h, ok = v, true
			}
		}
		if ok {
			hidden, ok = h.(bool)
			if !ok {
				p.warn(pos, where, "x-speakeasy-globals-hidden of global parameter %q is not a boolean; taken as false", pv.Name)
			}
		}
		// The type is the operations' (the first that has the parameter):
		// a global of another type than one of them does not stand in for
		// it, with a warning.
		g := &Global{Name: pv.Name, In: pv.In, Doc: pv.Description}
		g.Field = uniqueField(orDefault(GoName(pv.Name), "Global"), fields)
		g.ClientField = "global" + g.Field
		var uses []*Param
		var usedBy []*Operation
		var whereOf []string
		for _, o := range p.m.Operations {
			for _, op := range o.Params {
				if op.Name == g.Name && op.In == g.In && op.Field != nil {
					uses = append(uses, op)
					usedBy = append(usedBy, o)
					whereOf = append(whereOf, "paths."+o.Path+"."+strings.ToLower(o.Method)+".parameters."+op.Name)
				}
			}
		}
		if len(uses) > 0 && !globalType(uses[0].Type) {
			p.warn(pos, where, "global parameter %q is not a string, number, boolean or enum; only those can be set on the client, so it stays a parameter of each call", pv.Name)
			delete(fields, g.Field)
			continue
		}
		for k, op := range uses {
			if g.Type == nil {
				g.Type = op.Type
				if g.Doc == "" {
					g.Doc = op.Doc
				}
			}
			if !sameType(op.Type, g.Type) {
				p.warn(op.Pos, whereOf[k], "parameter %q has another type than the global parameter of that name (%s); the client's value is not used for it", op.Name, refLabel(g.Type))
				continue
			}
			op.Global = g
			g.Uses++
			if h := op.globalsHidden; h != nil && *h || h == nil && hidden {
				hideGlobal(usedBy[k], op)
				g.Hidden++
				continue
			}
			if f := op.Field; f.Wrap == Plain {
				f.Wrap, f.RequestRequired, f.Required = Optional, false, false
				f.Doc = strings.TrimSpace(f.Doc + "\n\nRequired by the API: when unset, the client's Options." + g.Field +
					" is sent, and with neither the call fails before sending.")
			} else {
				f.Doc = strings.TrimSpace(f.Doc + "\n\nWhen unset, the client's Options." + g.Field + " is sent.")
			}
		}
		if g.Uses == 0 {
			p.warn(pos, where, "global parameter %q is used by no operation (same name and location); it is not generated", pv.Name)
			delete(fields, g.Field)
			continue
		}
		p.m.SDK.Globals = append(p.m.SDK.Globals, g)
	}
}

// globalParam reads one entry of x-speakeasy-globals.parameters: a $ref to
// components.parameters or an inline parameter.
func (p *planner) globalParam(item any) *openapi3.Parameter {
	m, ok := item.(map[string]any)
	if !ok {
		return nil
	}
	if ref, ok := m["$ref"].(string); ok {
		key, ok := strings.CutPrefix(ref, "#/components/parameters/")
		if !ok || p.spec.Doc.Components == nil {
			return nil
		}
		if pr := p.spec.Doc.Components.Parameters[key]; pr != nil && pr.Value != nil {
			return pr.Value
		}
		return nil
	}
	name, _ := m["name"].(string)
	in, _ := m["in"].(string)
	if name == "" || in == "" {
		return nil
	}
	pv := &openapi3.Parameter{Name: name, In: in}
	pv.Description, _ = m["description"].(string)
	return pv
}

// globalType reports whether a global parameter's type can be set on the
// client: a scalar or an enum.
func globalType(r *Ref) bool {
	switch r.Kind {
	case RefBuiltin:
		return r.Builtin != RawJSON && r.Builtin != Bytes && r.Builtin != NoneType
	case RefNamed:
		return r.Named.Kind == KindEnum
	}
	return false
}

// sameType reports whether two parameter types are the same Go type.
func sameType(a, b *Ref) bool {
	if a.Kind != b.Kind || a.Nullable != b.Nullable {
		return false
	}
	switch a.Kind {
	case RefBuiltin:
		return a.Builtin == b.Builtin
	case RefNamed:
		return a.Named == b.Named || a.Named.Kind == KindEnum && b.Named.Kind == KindEnum &&
			a.Named.Enum.Base == b.Named.Enum.Base && slices.EqualFunc(a.Named.Enum.Values, b.Named.Enum.Values,
			func(x, y EnumValue) bool { return x.Value == y.Value })
	}
	return false
}

// planServers plans server selection: a named constant per server that
// has an x-speakeasy-server-id, an Options field per server variable (with
// constants for its enum values), and each path's or operation's own
// servers.
func (p *planner) planServers(fields map[string]bool) {
	sdk := &p.m.SDK
	byName := map[string]*ServerVar{}
	use := func(name string, v *openapi3.ServerVariable) ServerVarUse {
		sv := byName[name]
		if sv == nil {
			sv = &ServerVar{Name: name, Doc: v.Description}
			sv.Field = claimField(orDefault(GoName(name), "ServerVar"), fields)
			byName[name] = sv
			sdk.ServerVars = append(sdk.ServerVars, sv)
		}
		u := ServerVarUse{Var: sv, Default: v.Default, Enum: v.Enum}
		for _, e := range v.Enum {
			if !slices.ContainsFunc(sv.Consts, func(c EnumValue) bool { return c.Value == e }) {
				name, _ := p.names.claim(sv.Field+orDefault(GoName(e), "Empty"), "server variable "+name)
				sv.Consts = append(sv.Consts, EnumValue{Name: name, Value: e})
			}
		}
		return u
	}
	vars := func(sv *openapi3.Server) []ServerVarUse {
		var out []ServerVarUse
		for _, k := range slices.Sorted(maps.Keys(sv.Variables)) {
			if v := sv.Variables[k]; v != nil && strings.Contains(sv.URL, "{"+k+"}") {
				out = append(out, use(k, v))
			}
		}
		return out
	}
	n := 0 // m.Servers has the non-nil entries
	for _, sv := range p.spec.Doc.Servers {
		if sv == nil {
			continue
		}
		s := &p.m.Servers[n]
		n++
		s.Vars = vars(sv)
		if id, ok := sv.Extensions["x-speakeasy-server-id"].(string); ok && GoName(id) != "" {
			s.Const, _ = p.names.claim("Server"+GoName(id), "server "+id)
		}
	}
	sdk.ServerChoice = len(p.m.Servers) > 1 || len(sdk.ServerVars) > 0
	i := 0
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		o := p.m.Operations[i]
		i++
		list, at := op.Servers, []string{"paths", pth, strings.ToLower(method), "servers"}
		if list == nil || len(*list) == 0 {
			list, at = &item.Servers, []string{"paths", pth, "servers"}
		}
		if len(*list) == 0 {
			return
		}
		os := &OpServers{Field: "server" + o.Name, Pos: p.spec.Pos(at...)}
		for _, sv := range *list {
			if sv != nil {
				os.Servers = append(os.Servers, Server{URL: sv.URL, Description: sv.Description, Resolved: resolveServer(sv), Vars: vars(sv)})
			}
		}
		if len(os.Servers) > 1 {
			p.warn(os.Pos, strings.Join(at, "."), "%s lists %d servers; the client calls the first (Options.ServerURL replaces it)", o.Name, len(os.Servers))
		}
		o.Servers = os
		sdk.ServerChoice = true
	})
}

// claimField claims an Options field name, with a numeric suffix when
// taken.
func claimField(want string, used map[string]bool) string {
	name := want
	for i := 2; used[name]; i++ {
		name = want + strconv.Itoa(i)
	}
	used[name] = true
	return name
}

// nameOverride is the name the spec asks for: x-speakeasy-name-override,
// else x-go-name, else base.
func nameOverride(ext map[string]any, base string) string {
	for _, k := range []string{"x-speakeasy-name-override", "x-go-name"} {
		if v, ok := ext[k].(string); ok && v != "" {
			return v
		}
	}
	return base
}

// ignored reports x-speakeasy-ignore: true.
func ignored(ext map[string]any) bool {
	v, _ := ext["x-speakeasy-ignore"].(bool)
	return v
}

// deprecationMessage is x-speakeasy-deprecation-message, one line.
func deprecationMessage(ext map[string]any) string {
	v, _ := ext["x-speakeasy-deprecation-message"].(string)
	return strings.Join(strings.Fields(v), " ")
}

// noteIgnoredOperations warns about each operation x-speakeasy-ignore
// leaves out, so that the manifest records it.
func (p *planner) noteIgnoredOperations() {
	if p.spec.Doc.Paths == nil {
		return
	}
	for _, pth := range slices.Sorted(slices.Values(p.spec.Doc.Paths.InMatchingOrder())) {
		item := p.spec.Doc.Paths.Value(pth)
		if item == nil {
			continue
		}
		for _, m := range methodOrder {
			if op := item.GetOperation(m); op != nil && ignored(op.Extensions) {
				lm := strings.ToLower(m)
				p.warn(p.spec.Pos("paths", pth, lm, "x-speakeasy-ignore"), "paths."+pth+"."+lm,
					"x-speakeasy-ignore: operation %s %s is left out of the client", m, pth)
			}
		}
	}
}

// hideGlobal takes a global parameter out of its operation's Args
// (x-speakeasy-globals-hidden): only the client's value is sent. An Args
// left without fields goes too.
func hideGlobal(o *Operation, pr *Param) {
	o.Args.Fields = slices.DeleteFunc(o.Args.Fields, func(f *Field) bool { return f == pr.Field })
	pr.Field, pr.Hidden = nil, true
	if len(o.Args.Fields) == 0 {
		o.Args = nil
	}
}

// globalPaths are the names of the path parameters x-speakeasy-globals
// lists: the operations' parameters of those names are fields of their
// Args rather than method arguments, so that the client's value can stand
// in for them. Read once, before operations are planned; planGlobals
// warns about the entries it cannot honour.
func (p *planner) globalPaths() map[string]bool {
	if p.pathGlobals != nil {
		return p.pathGlobals
	}
	p.pathGlobals = map[string]bool{}
	raw, _ := p.spec.Doc.Extensions["x-speakeasy-globals"].(map[string]any)
	list, _ := raw["parameters"].([]any)
	for _, item := range list {
		if pv := p.globalParam(item); pv != nil && pv.In == "path" {
			p.pathGlobals[pv.Name] = true
		}
	}
	return p.pathGlobals
}

// warnHiddenNonGlobals warns at each operation parameter whose
// x-speakeasy-globals-hidden has no effect: no global stands in for it.
func (p *planner) warnHiddenNonGlobals() {
	for _, o := range p.m.Operations {
		for _, pr := range o.Params {
			if pr.globalsHidden != nil && pr.Global == nil {
				p.warn(pr.Pos, "paths."+o.Path+"."+strings.ToLower(o.Method)+".parameters."+pr.Name,
					"x-speakeasy-globals-hidden on parameter %q, which no global parameter (x-speakeasy-globals) stands in for; ignored", pr.Name)
			}
		}
	}
}
