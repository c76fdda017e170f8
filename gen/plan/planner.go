package plan

import (
	"encoding/json"
	"fmt"
	"go/token"
	"maps"
	"math"
	"net/http"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/load"
)

// Options are the inputs of planning that do not come from the spec.
type Options struct {
	Package  string
	SpecPath string // recorded in headers; slash-separated, relative to the output dir
	// Toolchain is the generator version, recorded in the model for the
	// client's User-Agent.
	Toolchain string
	// ImportPath is the generated package's import path, which the raw
	// package imports ("": unknown, and no raw package can be generated).
	ImportPath string
	// InferPagination gives operations without x-speakeasy-pagination
	// page iterators when they follow a common pattern (pagination.go).
	InferPagination bool
}

// Build plans the Go package for a loaded spec.
func Build(s *load.Spec, opts Options) (*Model, error) {
	p := &planner{
		spec: s,
		m: &Model{Package: opts.Package, SpecPath: opts.SpecPath, Toolchain: opts.Toolchain,
			ImportPath: opts.ImportPath, Raw: rawPackage(opts.Package)},
		names:    newNamer(),
		bySchema: map[*openapi3.Schema]*Type{},

		inferPagination: opts.InferPagination,
	}
	doc := s.Doc
	if doc.Info != nil {
		p.m.Title, p.m.Version = doc.Info.Title, doc.Info.Version
	}
	for _, sv := range doc.Servers {
		if sv != nil {
			p.m.Servers = append(p.m.Servers, Server{URL: sv.URL, Description: sv.Description, Resolved: resolveServer(sv)})
		}
	}
	p.planOperationNames()
	p.nameComponents()
	p.planClientNames()
	p.planArgsNames()
	p.fillComponents()
	p.reserveOperationTypeNames()
	p.planOperations()
	for _, check := range p.defaults {
		check()
	}
	p.planSecurity()
	p.planRawComponentKeys()
	p.m.OapiDoc = p.oapiDoc()
	sort.Slice(p.m.Types, func(i, j int) bool { return p.m.Types[i].Name < p.m.Types[j].Name })
	for _, t := range p.m.Types {
		planCtorParams(t)
	}
	p.breakCycles()
	for _, t := range p.m.Types {
		if t.Kind == KindAlias {
			e := t.Elem
			t.GoAlias = e.Nullable || e.Pointer || e.Kind == RefNamed || e.Kind == RefExternal || e.Kind == RefBuiltin && (e.Builtin == Time || e.Builtin == RawJSON || e.Builtin == NoneType)
		}
	}
	p.planStructs()
	p.planPagination()
	if len(p.errs) > 0 {
		return nil, p.errs.Sort()
	}
	p.nameFuncs()
	p.planUsage()
	p.planOapiOperationIDs(p.oapiOps)
	p.planFiles()
	p.m.Warnings = p.warnings.Sort()
	return p.m, nil
}

type planner struct {
	spec     *load.Spec
	m        *Model
	names    *namer
	bySchema map[*openapi3.Schema]*Type
	unnamed  map[*openapi3.Schema]bool // schemas refOf is inside of and has not named (see enterUnnamed)
	warnings diag.List
	// defaults are the checks of field defaults, run in order once every
	// type is planned.
	defaults []func()
	opNames  map[*openapi3.Operation]string
	// argsNames name each operation's Args struct (operations with query,
	// header or cookie parameters only).
	argsNames map[*openapi3.Operation]string
	// partsNames name each operation's Parts struct (operations whose
	// request body is sent as multipart only).
	partsNames map[*openapi3.Operation]string
	// components in key order, with their planned types
	components []componentType
	// oapiStubs are the component schemas of the document oapi-codegen
	// gets: stubs naming our types (see oapidoc.go).
	oapiStubs openapi3.Schemas
	// oapiOps are the operations of that document, in the order of
	// m.Operations.
	oapiOps []*openapi3.Operation
	// opSecurity is each operation's security list as the spec gives it,
	// planned by planSecurity once every operation is known.
	opSecurity []opSecurity
	// rawKeys are the keys of components.<section> in that document, by
	// section and spec key, and rawTaken the names oapi-codegen declares
	// for them and for its client, by oapiKey (see planRawComponentKeys).
	rawKeys  map[string]map[string]string
	rawTaken map[string]string
	// inferPagination is Options.InferPagination; errs are the spec's
	// errors found while planning (a pagination output naming nothing).
	inferPagination bool
	errs            diag.List
}

type componentType struct {
	key    string
	schema *openapi3.Schema
	t      *Type
}

func (p *planner) warn(pos diag.Pos, where, format string, args ...any) {
	p.warnings = append(p.warnings, diag.Diagnostic{Pos: pos, Where: where, Msg: fmt.Sprintf(format, args...), Severity: diag.Warning})
}

var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

// eachOperation visits operations in path order, then method order.
func (p *planner) eachOperation(fn func(path, method string, item *openapi3.PathItem, op *openapi3.Operation)) {
	if p.spec.Doc.Paths == nil {
		return
	}
	paths := p.spec.Doc.Paths.InMatchingOrder()
	sort.Strings(paths)
	for _, pth := range paths {
		item := p.spec.Doc.Paths.Value(pth)
		if item == nil {
			continue
		}
		for _, m := range methodOrder {
			if op := item.GetOperation(m); op != nil {
				fn(pth, m, item, op)
			}
		}
	}
}

// planOperationNames names every operation (reserveOapiOperationNames
// and planOapiOperationIDs deal with what oapi-codegen derives from it).
func (p *planner) planOperationNames() {
	p.opNames = map[*openapi3.Operation]string{}
	opNamer := newNamer()
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, op *openapi3.Operation) {
		base := ""
		if v, ok := op.Extensions["x-speakeasy-name-override"].(string); ok {
			base = GoName(v)
		}
		if base == "" {
			if v, ok := op.Extensions["x-go-name"].(string); ok {
				base = GoName(v)
			}
		}
		if base == "" && op.OperationID != "" {
			base = GoName(op.OperationID)
		}
		if base == "" {
			base = GoName(strings.ToLower(method) + " " + pth)
		}
		name, renamed := opNamer.claim(base, method+" "+pth)
		if renamed {
			p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
				"operation name %s is already used; this one is named %s", base, name)
		}
		p.opNames[op] = name
	})
}

// planArgsNames names each operation's Args and Parts structs, once every
// name oapi-codegen derives or takes from components is reserved, and
// before component schemas claim theirs, so that a schema cannot rename
// them.
func (p *planner) planArgsNames() {
	p.argsNames = map[*openapi3.Operation]string{}
	p.partsNames = map[*openapi3.Operation]string{}
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		name := p.opNames[op]
		if hasArgs(item.Parameters) || hasArgs(op.Parameters) {
			args, renamed := p.names.claim(name+"Args", "parameters of operation "+name)
			if renamed {
				p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
					"type name %sArgs is already used; the parameters of %s are %s", name, name, args)
			}
			p.argsNames[op] = args
		}
		if rb := op.RequestBody; rb != nil && rb.Value != nil {
			if _, kind := requestMedia(rb.Value.Content); kind == BodyMultipart {
				parts, renamed := p.names.claim(name+"Parts", "multipart body of operation "+name)
				if renamed {
					p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
						"type name %sParts is already used; the multipart body of %s is %s", name, name, parts)
				}
				p.partsNames[op] = parts
			}
		}
	})
}

// hasArgs reports whether any parameter goes into an operation's Args
// struct: any but a path parameter.
func hasArgs(ps openapi3.Parameters) bool {
	for _, pr := range ps {
		if pr != nil && pr.Value != nil && pr.Value.In != "path" {
			return true
		}
	}
	return false
}

// oapiTypeNamePrefix is the word oapi-codegen puts before a type name that
// starts with a symbol or a digit (its typeNamePrefix).
func oapiTypeNamePrefix(name string) string {
	words := map[rune]string{'-': "Minus", '+': "Plus", '&': "And", '|': "Or", '~': "Tilde", '=': "Equal",
		'>': "GreaterThan", '<': "LessThan", '#': "Hash", '.': "Dot", '*': "Asterisk", '^': "Caret", '%': "Percent",
		'_': "Underscore"}
	if name == "$" {
		return "DollarSign"
	}
	prefix := ""
	for _, r := range name {
		w, ok := words[r]
		if !ok {
			if prefix == "" && unicode.IsDigit(r) {
				return "N"
			}
			break
		}
		prefix += w
	}
	if name == "" {
		return "Empty"
	}
	return prefix
}

// nameComponents names every component schema, in key order, before
// anything else of the package is named: the spec's names win over every
// name the generator invents. fillComponents plans them once every name is
// known (so references and recursion resolve).
func (p *planner) nameComponents() {
	c := p.spec.Doc.Components
	if c == nil {
		return
	}
	keys := slices.Sorted(maps.Keys(c.Schemas))
	for _, k := range keys {
		sr := c.Schemas[k]
		if sr == nil || sr.Value == nil {
			continue
		}
		where := "components.schemas." + k
		pos := p.spec.OriginPos(sr.Value.Origin, "components", "schemas", k)
		base := k
		if v, ok := sr.Value.Extensions["x-go-name"].(string); ok && v != "" {
			base = v
		}
		want := GoName(base)
		if want == "" {
			want = "Schema"
			p.warn(pos, where, "schema name %q has no letters or digits; named %s", base, want)
		}
		if existing, ok := p.bySchema[sr.Value]; ok {
			// Two component keys for one schema (a component that is only a
			// $ref to another): an alias keeps both names.
			t := &Type{Name: p.claimType(want, where, pos), SchemaName: k, Where: where, Pos: pos, Kind: KindAlias, Docs: true,
				Elem: &Ref{Kind: RefNamed, Named: existing, C: noConstraints()}}
			t.Doc = "is the same schema as " + existing.Name + "."
			p.m.Types = append(p.m.Types, t)
			continue
		}
		t := &Type{Name: p.claimType(want, where, pos), SchemaName: k, Where: where, Pos: pos, Docs: true}
		p.bySchema[sr.Value] = t
		p.components = append(p.components, componentType{key: k, schema: sr.Value, t: t})
		p.m.Types = append(p.m.Types, t)
		p.m.ExcludeSchemas = append(p.m.ExcludeSchemas, k)
	}
}

// fillComponents plans each component schema's type, in key order.
func (p *planner) fillComponents() {
	for _, ct := range p.components {
		p.fillNamed(ct.t, ct.schema, false)
	}
}

func (p *planner) claimType(want, where string, pos diag.Pos) string {
	name, renamed := p.names.claim(want, where)
	if renamed {
		p.warn(pos, where, "Go name %s is already taken (by %s); this type is named %s", want, p.names.owner(want), name)
	}
	return name
}

func noConstraints() Constraints {
	return Constraints{MinLength: -1, MaxLength: -1, MinItems: -1, MaxItems: -1, MinProps: -1, MaxProps: -1}
}

// fillNamed decides the kind and contents of a named type from its schema.
func (p *planner) fillNamed(t *Type, s *openapi3.Schema, open bool) {
	t.Doc = docOf(s)
	t.Deprecated = annotated(s, func(a *openapi3.Schema) bool { return a.Deprecated })
	t.Example = p.exampleOf(s)
	if core, ok := soleMember(s); ok && externalRef(s) == nil {
		p.fillCore(t, s, core, open || isOpen(s))
		return
	}
	switch {
	case externalRef(s) != nil:
		t.Kind = KindAlias
		t.Elem = externalRef(s)
	case len(enumValues(s)) > 0:
		t.Kind = KindEnum
		t.Enum = p.planEnum(t, s, open)
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		if inner, ok := nullUnionMember(s); ok {
			t.Kind = KindAlias
			t.Elem = p.refOf(inner, t.Name+"Value", t.Where, open)
			return
		}
		t.Kind = KindUnion
		t.Union = p.planUnion(t, s)
	case isObject(s):
		if props, required, order := p.collectProps(s, t.Where); len(props) > 0 || len(s.AllOf) > 0 && !singleRefAllOf(s) {
			t.Kind = KindStruct
			p.planFields(t, s, props, required, order)
			return
		}
		fallthrough
	default:
		t.Kind = KindAlias
		inner := &openapi3.SchemaRef{Value: s}
		if singleRefAllOf(s) {
			inner = s.AllOf[0]
		}
		t.Elem = p.refOfNoName(inner, t.Name+"Item", t.Where, open)
	}
}

// fillCore plans t, whose schema s is a wrapper standing for core (see
// soleMember): an inline core is planned as t itself, under the wrapper's
// name and with its annotations; a named one makes t an alias of it.
func (p *planner) fillCore(t *Type, s *openapi3.Schema, core *openapi3.SchemaRef, open bool) {
	if core.Ref == "" && p.bySchema[core.Value] == nil {
		doc, ex, dep := t.Doc, t.Example, t.Deprecated
		p.fillNamed(t, core.Value, open)
		if doc != "" {
			t.Doc = doc
		}
		if ex != "" {
			t.Example = ex
		}
		t.Deprecated = t.Deprecated || dep
		return
	}
	t.Kind = KindAlias
	r := *p.refOf(core, t.Name+"Value", t.Where, open)
	// A named type never holds null itself: its uses are nullable when
	// the wrapper is (isNullable looks through it to the core).
	r.Nullable = false
	if aliasCycle(t, &r) {
		p.warn(t.Pos, t.Where, "schema is only an allOf/anyOf/oneOf of itself; generated as json.RawMessage")
		r = Ref{Kind: RefBuiltin, Builtin: RawJSON, C: noConstraints()}
	}
	t.Elem = &r
}

// aliasCycle reports whether making t an alias of r would make t its own
// underlying type (`A: {allOf: [$ref: B]}`, `B: {allOf: [$ref: A]}`), which
// Go rejects. The type planned last closes the cycle and sees it whole.
func aliasCycle(t *Type, r *Ref) bool {
	for i := 0; r != nil && r.Kind == RefNamed && !r.Pointer && i < 1000; i++ {
		if r.Named == t {
			return true
		}
		if r.Named.Kind != KindAlias {
			return false
		}
		r = r.Named.Elem
	}
	return false
}

// refOfNoName is refOf for a schema that must not itself become a named
// type (it is one already, or it is a plain array/map/scalar); itemCtx names
// inline item or value types.
func (p *planner) refOfNoName(sr *openapi3.SchemaRef, itemCtx, where string, open bool) *Ref {
	if sr.Ref != "" {
		return p.refOf(sr, itemCtx, where, open)
	}
	s := sr.Value
	r := &Ref{C: constraintsOf(s)}
	if r.C.Pattern != "" {
		if _, err := regexp.Compile(r.C.Pattern); err != nil {
			// Go's RE2 lacks lookaround and backreferences that ECMA-262
			// patterns may use; generated code must not panic compiling it.
			p.warn(p.spec.OriginPos(s.Origin), where, "pattern %q is not supported by Go's regexp (%v); it is not checked", r.C.Pattern, err)
			r.C.Pattern = ""
		}
	}
	switch {
	case typeIs(s, "array"):
		r.Kind = RefSlice
		if s.Items != nil {
			r.Elem = p.refOf(s.Items, itemCtx, where+".items", open || isOpen(s))
		} else {
			r.Elem = &Ref{Kind: RefBuiltin, Builtin: RawJSON, C: noConstraints()}
		}
	case isObject(s):
		r.Kind = RefMap
		r.Elem = p.additional(s, itemCtx, where)
		if r.Elem == nil {
			r.Kind, r.Builtin = RefBuiltin, RawJSON
		}
	default:
		r.Kind, r.Builtin = RefBuiltin, p.builtin(s, where)
		p.intBounds(s, r)
	}
	return r
}

// intBounds sets the exact integer bounds of an integer-typed value: the
// source's minimum, maximum and multipleOf when they are whole numbers the
// Go type holds. Checked as integers, a bound beyond 2^53 does not round
// (as a float64 9007199254740993 is 9007199254740992, and an int64 just
// above a float bound compares equal to it). Bounds outside the type stay
// float checks.
func (p *planner) intBounds(s *openapi3.Schema, r *Ref) {
	switch r.Builtin {
	case Int64, Int32, Uint32, Uint64:
	default:
		return
	}
	exact := func(kw string, v *float64) *int64 {
		if v == nil {
			return nil
		}
		x := p.spec.Exact(s, kw, *v)
		if n, ok := intOf(x); ok && fitsBuiltin(x, r.Builtin) {
			return &n
		}
		return nil
	}
	minKw, maxKw := "minimum", "maximum"
	if s.ExclusiveMin.Value != nil {
		minKw = "exclusiveMinimum"
	}
	if s.ExclusiveMax.Value != nil {
		maxKw = "exclusiveMaximum"
	}
	r.C.IntMin = exact(minKw, r.C.Min)
	r.C.IntMax = exact(maxKw, r.C.Max)
	if m := exact("multipleOf", r.C.MultipleOf); m != nil && *m > 0 {
		r.C.IntMultipleOf = m
	}
}

// refOf returns the Ref for a use of a schema, naming inline enums, objects
// and unions ctx.
func (p *planner) refOf(sr *openapi3.SchemaRef, ctx, where string, open bool) *Ref {
	if sr == nil || sr.Value == nil {
		return &Ref{Kind: RefBuiltin, Builtin: RawJSON, C: noConstraints()}
	}
	s := sr.Value
	// {$ref: X, nullable: true}: OpenAPI 3.0 ignores what stands next to a
	// $ref and kin-openapi drops it, but the spec's author meant the use to
	// admit null, and tooling reads it so; dropping it would reject nulls
	// the server sends.
	refNull := sr.Ref != "" && p.spec.RefSiblingTrue(sr, "nullable")
	if t, ok := p.bySchema[s]; ok {
		return &Ref{Kind: RefNamed, Named: t, Nullable: refNull || p.isNullable(s), C: noConstraints()}
	}
	// A schema naming its Go type (x-go-type) is used as that type; a
	// component with one is a Go alias of it (above).
	if r := externalRef(s); r != nil {
		return r
	}
	if p.enterUnnamed(s, where) {
		return &Ref{Kind: RefBuiltin, Builtin: RawJSON, C: noConstraints()}
	}
	defer delete(p.unnamed, s)
	if n, ok := s.Extensions["x-go-type-name"].(string); ok && GoName(n) != "" {
		ctx = n
	}
	if sr.Ref != "" && !strings.HasPrefix(sr.Ref, "#/components/schemas/") {
		// A schema from another file or another part of the document: name
		// it after the last element of the reference.
		if n := refName(sr.Ref); n != "" {
			ctx = n
		}
	}
	nullable := refNull || p.isNullable(s)
	if core, ok := soleMember(s); ok {
		r := *p.refOf(core, ctx, where, open || isOpen(s))
		r.Nullable = r.Nullable || nullable
		return &r
	}
	switch {
	case len(enumValues(s)) > 0, len(s.OneOf) > 0 || len(s.AnyOf) > 0, isObject(s) && hasProps(s):
		if inner, ok := nullUnionMember(s); ok {
			r := p.refOf(inner, ctx, where, open)
			r2 := *r
			r2.Nullable = true
			return &r2
		}
		if isObject(s) && singleRefAllOf(s) && len(s.Properties) == 0 {
			r := p.refOf(s.AllOf[0], ctx, where, open)
			r2 := *r
			r2.Nullable = r.Nullable || nullable
			return &r2
		}
		t := &Type{Name: p.claimType(GoName(ctx), where, p.spec.OriginPos(s.Origin)), Where: where, Pos: p.spec.OriginPos(s.Origin), Docs: true}
		if t.Name == "" {
			t.Name = p.claimType("Type", where, t.Pos)
		}
		p.bySchema[s] = t
		p.m.Types = append(p.m.Types, t)
		p.fillNamed(t, s, open)
		return &Ref{Kind: RefNamed, Named: t, Nullable: nullable, C: noConstraints()}
	}
	r := p.refOfNoName(&openapi3.SchemaRef{Value: s}, ctx, where, open)
	r.Nullable = nullable
	return r
}

func (p *planner) additional(s *openapi3.Schema, ctx, where string) *Ref {
	ap := s.AdditionalProperties
	if ap.Schema != nil {
		return p.refOf(ap.Schema, ctx, where+".additionalProperties", false)
	}
	return nil
}

// builtin maps a scalar schema to a Go type.
func (p *planner) builtin(s *openapi3.Schema, where string) Builtin {
	types := nonNullTypes(s)
	if len(types) > 1 {
		p.warn(p.spec.OriginPos(s.Origin), where, "schema allows several types %v; generated as json.RawMessage", types)
		return RawJSON
	}
	t := ""
	if len(types) == 1 {
		t = types[0]
	}
	switch t {
	case "string":
		switch s.Format {
		case "date-time":
			return Time
		case "byte":
			return Bytes
		}
		return String
	case "integer":
		switch s.Format {
		case "int32":
			return Int32
		case "uint32":
			return Uint32
		case "uint64":
			return Uint64
		}
		return Int64
	case "number":
		// format: float stays float64: it is a hint about the server's
		// storage, and servers that say float often send more digits than a
		// float32 keeps (the conformance run saw 0.16944904421220364 come
		// back as 0.16944905). Narrowing would change values silently; an
		// int32 or int64 format cannot, since a fraction fails to decode.
		switch s.Format {
		case "int32":
			return Int32
		case "int64":
			return Int64
		}
		return Float64
	case "boolean":
		return Bool
	}
	return RawJSON
}

// collectProps gathers properties and required names, merging allOf
// members. order lists the property names as the spec writes them: allOf
// members first, in member order, then the schema's own; each name once,
// where it first appears (names whose source cannot be found follow their
// schema's others, sorted).
func (p *planner) collectProps(s *openapi3.Schema, where string) (props map[string]*openapi3.SchemaRef, required map[string]bool, order []string) {
	props = map[string]*openapi3.SchemaRef{}
	required = map[string]bool{}
	var visit func(s *openapi3.Schema, depth int)
	seen := map[*openapi3.Schema]bool{} // allOf may be cyclic or a diamond
	visit = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > 32 || seen[s] {
			return
		}
		seen[s] = true
		for i, m := range s.AllOf {
			if m == nil || m.Value == nil {
				continue
			}
			if alts := unionAlternatives(m.Value); alts > 1 {
				// A struct has no place for "one of these shapes": the
				// alternatives' properties are not fields. Say so rather than
				// drop them silently.
				origin := m.Value.Origin
				if m.Ref != "" && m.Origin != nil {
					origin = m.Origin // the $ref, not the union it names
				}
				p.warn(p.spec.OriginPos(origin), fmt.Sprintf("%s.allOf.%d", where, i),
					"allOf member is a oneOf/anyOf of %d alternatives, which a struct cannot hold: what only they declare is not a field and is not checked", alts)
			}
			visit(m.Value, depth+1)
		}
		for _, k := range propertyOrder(p.spec.KeyOrder(s, "properties"), s.Properties) {
			if _, ok := props[k]; !ok {
				order = append(order, k)
			}
		}
		for k, v := range s.Properties {
			props[k] = v
		}
		for _, r := range s.Required {
			required[r] = true
		}
	}
	visit(s, 0)
	return props, required, order
}

// propertyOrder is the names of props in source order (src, the keys as
// the source writes them), then any src does not list, sorted.
func propertyOrder(src []string, props openapi3.Schemas) []string {
	out := make([]string, 0, len(props))
	seen := make(map[string]bool, len(props))
	for _, k := range src {
		if _, ok := props[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if len(out) == len(props) {
		return out
	}
	rest := make([]string, 0, len(props)-len(out))
	for k := range props {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func (p *planner) planFields(t *Type, s *openapi3.Schema, props map[string]*openapi3.SchemaRef, required map[string]bool, order []string) {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	xOrder := func(k string) (int, bool) {
		if v := props[k]; v != nil && v.Value != nil {
			switch x := v.Value.Extensions["x-order"].(type) {
			case float64:
				return int(x), true
			case int:
				return x, true
			}
		}
		return 0, false
	}
	sort.SliceStable(keys, func(i, j int) bool {
		oi, hi := xOrder(keys[i])
		oj, hj := xOrder(keys[j])
		if hi != hj {
			return hi
		}
		if hi && oi != oj {
			return oi < oj
		}
		return keys[i] < keys[j]
	})
	// A field may not share a name with a method of its struct, or with
	// the map that keeps additional properties.
	fieldNames := newNamer(structMethods...)
	if s.AdditionalProperties.Schema != nil || s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has {
		fieldNames.used["AdditionalProperties"] = "reserved"
	}
	for _, k := range keys {
		sr := props[k]
		if sr == nil || sr.Value == nil {
			continue
		}
		fs := sr.Value
		where := t.Where + ".properties." + k
		pos := p.spec.OriginPos(fs.Origin)
		base := k
		if v, ok := fs.Extensions["x-go-name"].(string); ok && v != "" {
			base = v
		}
		want := GoName(base)
		if want == "" {
			want = "Field"
		}
		if v, ok := fs.Extensions["x-go-name"].(string); ok && v != "" && !token.IsIdentifier(v) {
			p.warn(pos, where, "x-go-name %q is not a Go identifier; %s is used", v, want)
		}
		name, renamed := fieldNames.claim(want, k)
		if renamed {
			p.warn(pos, where, "field name %s is already used in %s; this one is named %s", want, t.Name, name)
		}
		p.checkJSONName(k, name, pos, where)
		ref := p.refOf(sr, t.Name+name, where, isOpen(fs))
		f := &Field{
			Name: name, JSONName: k, Type: ref, Required: required[k], Nullable: ref.Nullable,
			Doc: docOf(fs), Example: p.exampleOf(fs), Pos: pos,
			Deprecated: annotated(fs, func(a *openapi3.Schema) bool { return a.Deprecated }),
			ReadOnly:   annotated(fs, func(a *openapi3.Schema) bool { return a.ReadOnly }),
			WriteOnly:  annotated(fs, func(a *openapi3.Schema) bool { return a.WriteOnly }),
		}
		ref.Nullable = false // the field's wrapper carries it
		f.Wrap = wrapOf(f.Required, f.Nullable)
		f.RequestRequired = f.Required && !f.ReadOnly
		// readOnly values are not sent in requests and writeOnly ones never
		// come back, so a plain zero of either is left off the wire.
		f.OmitZero = f.Wrap != Plain || f.ReadOnly || f.WriteOnly
		if f.ReadOnly && f.WriteOnly {
			p.warn(pos, where, "property is both readOnly and writeOnly; treated as neither")
			f.ReadOnly, f.WriteOnly, f.RequestRequired, f.OmitZero = false, false, f.Required, f.Wrap != Plain
		}
		if def, owner := p.defaultOf(fs); def != nil {
			// Checked once every type is planned: the field's enum may be a
			// component that comes later in key order.
			valuePos, _ := p.spec.ValuePos(owner, "default")
			p.defaults = append(p.defaults, func() {
				if js, ok := p.checkDefault(def, ref, pos, valuePos, where); ok {
					f.Default = js
				}
			})
		}
		t.Fields = append(t.Fields, f)
	}
	t.CtorFields = ctorFields(t.Fields, order, xOrder)
	for r := range required {
		if _, ok := props[r]; !ok {
			p.warn(t.Pos, t.Where, "required property %q is not defined in properties; ignored", r)
		}
	}
	if ap := p.additional(s, t.Name+"Value", t.Where); ap != nil {
		t.Extra = ap
	} else if s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has {
		t.Extra = &Ref{Kind: RefBuiltin, Builtin: RawJSON, C: noConstraints()}
	}
}

// ctorFields are the RequestRequired fields in the order the spec lists
// their properties (order), those with an x-order first by it. Alphabetical
// order, which Fields keep, would move an argument whenever another
// required property is added or renamed.
func ctorFields(fields []*Field, order []string, xOrder func(string) (int, bool)) []*Field {
	rank := make(map[string]int, len(order))
	for i, k := range order {
		rank[k] = i
	}
	var out []*Field
	for _, fl := range fields {
		if fl.RequestRequired {
			out = append(out, fl)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, hi := xOrder(out[i].JSONName)
		oj, hj := xOrder(out[j].JSONName)
		if hi != hj {
			return hi
		}
		if hi && oi != oj {
			return oi < oj
		}
		return rank[out[i].JSONName] < rank[out[j].JSONName]
	})
	return out
}

// checkDefault keeps a default only when it fits the field's type.
func (p *planner) checkDefault(v any, r *Ref, pos, valuePos diag.Pos, where string) (string, bool) {
	ok := true
	switch r.Kind {
	case RefExternal:
		return "", false // a type we do not know how to build from JSON
	case RefBuiltin:
		switch r.Builtin {
		case String, Time:
			_, ok = v.(string)
		case Int64, Int32, Uint32, Uint64, Float64:
			ok = fitsBuiltin(v, r.Builtin)
			// An integer default is spelled as one (1.0 → 1), digit for
			// digit, so that the Go literal is exact.
			if n, isInt := intOf(v); ok && isInt && r.Builtin != Float64 {
				v = json.Number(strconv.FormatInt(n, 10))
			} else if u, isUint := uintOf(v); ok && isUint && r.Builtin == Uint64 {
				v = json.Number(strconv.FormatUint(u, 10))
			}
		case Bool:
			_, ok = v.(bool)
		case Bytes:
			_, ok = v.(string)
		}
	case RefNamed:
		if r.Named.Kind == KindEnum {
			ok = false
			for _, ev := range r.Named.Enum.Values {
				if !ok && sameValue(ev.Value, v) {
					ok, v = true, ev.Value // the constant's spelling
				}
			}
		} else if r.Named.Kind != KindAlias {
			ok = false
		}
	case RefSlice:
		_, ok = v.([]any)
	case RefMap:
		_, ok = v.(map[string]any)
	}
	if !ok {
		// load already reports a default that fails its schema, at the
		// value; one warning per problem is enough.
		reported := false
		for _, w := range p.spec.Warnings {
			reported = reported || w.Where == where+".default" || valuePos.Line > 0 && w.Pos == valuePos
		}
		if !reported {
			p.warn(pos, where, "default %s does not fit the type; no default applied", jsonOf(v))
		}
		return "", false
	}
	return jsonOf(v), true
}

func (p *planner) planEnum(t *Type, s *openapi3.Schema, open bool) *Enum {
	e := &Enum{Open: open || isOpen(s)}
	types := nonNullTypes(s)
	allStrings, allInts, allNums := true, true, true
	values := p.enumValues(s)
	for _, v := range values {
		switch {
		case isNumber(v):
			allStrings = false
			if _, ok := intOf(v); !ok { // beyond int64 two values would become one
				allInts = false
			}
		default:
			if _, ok := v.(string); ok {
				allInts, allNums = false, false
			} else {
				allStrings, allInts, allNums = false, false, false
			}
		}
	}
	switch {
	case allStrings:
		e.Base = String
	case allInts && (len(types) == 0 || types[0] == "integer"):
		e.Base = Int64
	case allNums: // a string among numbers must not reach the float64 conversion below
		e.Base = Float64
	default:
		p.warn(t.Pos, t.Where, "enum mixes value types; generated as strings of its JSON values")
		e.Base = String
	}
	var varNames []string
	if raw, ok := s.Extensions["x-enum-varnames"].([]any); ok {
		for _, v := range raw {
			str, _ := v.(string)
			varNames = append(varNames, str)
		}
	}
	constNames := newNamer()
	seen := map[string]bool{}
	for i, v := range values {
		var val any
		switch e.Base {
		case String:
			if str, ok := v.(string); ok {
				val = str
			} else {
				val = jsonOf(v)
			}
		case Int64:
			val, _ = intOf(v)
		case Float64:
			val, _ = floatOf(v)
		}
		key := fmt.Sprint(val)
		if seen[key] {
			p.warn(t.Pos, t.Where, "enum value %s is listed twice; kept once", jsonOf(v))
			continue
		}
		seen[key] = true
		suffix := ""
		if i < len(varNames) && varNames[i] != "" {
			suffix = GoName(varNames[i])
		}
		if suffix == "" {
			suffix = enumSuffix(val)
		}
		cname, _ := constNames.claim(suffix, key)
		full, renamed := p.names.claim(t.Name+cname, t.Where)
		if renamed {
			p.warn(t.Pos, t.Where, "enum constant %s%s is already taken; named %s", t.Name, cname, full)
		}
		e.Values = append(e.Values, EnumValue{Name: full, Value: val})
	}
	return e
}

func enumSuffix(v any) string {
	switch x := v.(type) {
	case string:
		if n := GoName(x); n != "" {
			return n
		}
		if x == "" {
			return "Empty"
		}
		return "Value"
	case int64:
		if x < 0 {
			return "Minus" + strconv.FormatUint(-uint64(x), 10) // -x overflows for MinInt64
		}
		return "N" + strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
		s = strings.ReplaceAll(s, ".", "_")
		if x < 0 {
			return "Minus" + s
		}
		return "N" + s
	}
	return "Value"
}

func (p *planner) planUnion(t *Type, s *openapi3.Schema) *Union {
	u := &Union{OneOf: len(s.OneOf) > 0}
	members := s.OneOf
	if !u.OneOf {
		members = s.AnyOf
	}
	if s.Discriminator != nil {
		u.Discriminator = s.Discriminator.PropertyName
	}
	varNames := newNamer()
	pinned := map[*Variant][]string{} // discriminator values members pin, without a mapping entry
	for i, m := range members {
		if m == nil || m.Value == nil || isNullOnly(m.Value) {
			continue
		}
		r := p.refOf(m, fmt.Sprintf("%s%d", t.Name, i), fmt.Sprintf("%s.oneOf.%d", t.Where, i), false)
		base := refLabel(r)
		name, _ := varNames.claim(base, strconv.Itoa(i))
		v := &Variant{Name: name, Type: r}
		if s.Discriminator != nil {
			keys := slices.Sorted(maps.Keys(s.Discriminator.Mapping))
			for _, k := range keys {
				if target := s.Discriminator.Mapping[k]; m.Ref != "" && (target.Ref == m.Ref || "#/components/schemas/"+target.Ref == m.Ref) { // a bare name is shorthand for the component
					v.Values = append(v.Values, k)
				}
			}
			if len(v.Values) == 0 {
				// No mapping entry: OpenAPI's implicit value is the schema's
				// name; specs that leave the mapping out (OpenAI's tools)
				// mean the values the member pins the property to.
				if m.Ref != "" {
					v.Values = []string{refName(m.Ref)}
				}
				if m.Value != nil {
					pinned[v] = p.pinnedValues(m.Value, s.Discriminator.PropertyName, t.Where)
				}
			}
		}
		u.Variants = append(u.Variants, v)
	}
	// A pinned value selects its member only when no other member has it
	// (OpenAI's input and output messages both pin "message"): an
	// ambiguous one is left to the members' shapes.
	owners := map[string]int{}
	for _, v := range u.Variants {
		for _, val := range v.Values {
			owners[val]++
		}
		for _, val := range slices.Compact(slices.Sorted(slices.Values(pinned[v]))) {
			owners[val]++
		}
	}
	for _, v := range u.Variants {
		for _, val := range pinned[v] {
			if owners[val] == 1 && !slices.Contains(v.Values, val) {
				v.Values = append(v.Values, val)
			}
		}
	}
	if len(u.Variants) == 0 {
		p.warn(t.Pos, t.Where, "union has no usable members; generated as raw JSON")
	}
	return u
}

// pinnedValues are the string values a union member allows for its
// discriminator property, when it pins it with an enum or a const.
func (p *planner) pinnedValues(s *openapi3.Schema, prop, where string) []string {
	props, _, _ := p.collectProps(s, where)
	ps := props[prop]
	if ps == nil || ps.Value == nil {
		return nil
	}
	vals := ps.Value.Enum
	if ps.Value.Const != nil {
		vals = []any{ps.Value.Const}
	}
	var out []string
	for _, v := range vals {
		if str, ok := v.(string); ok {
			out = append(out, str)
		}
	}
	return out
}

// refLabel is a readable name for a union variant.
func refLabel(r *Ref) string {
	switch r.Kind {
	case RefNamed:
		return r.Named.Name
	case RefSlice:
		return refLabel(r.Elem) + "List"
	case RefMap:
		return refLabel(r.Elem) + "Map"
	case RefExternal:
		return GoName(r.GoType[strings.LastIndex(r.GoType, ".")+1:])
	}
	switch r.Builtin {
	case Time:
		return "Time"
	case Bytes:
		return "Bytes"
	case RawJSON:
		return "JSON"
	}
	return GoName(string(r.Builtin))
}

func (p *planner) planOperations() {
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		name := p.opNames[op]
		where := "paths." + pth + "." + strings.ToLower(method)
		o := &Operation{ID: op.OperationID, Name: name, Method: method, Path: pth, Summary: op.Summary,
			Description: op.Description, Deprecated: op.Deprecated, Tags: op.Tags}
		for _, pr := range operationParams(item, op) {
			pw := where + ".parameters." + pr.Value.Name
			pos := p.paramPos(pr, pw)
			param := p.paramType(pr.Value, name+GoName(pr.Value.Name)+"Param", pw, pos)
			param.Pos = pos
			o.Params = append(o.Params, param)
		}
		planArgs(o.Params, p.m.Raw.ModelName)
		if args := p.argsNames[op]; args != "" {
			o.Args = p.argsType(args, name, where, p.spec.Pos("paths", pth, strings.ToLower(method)), o.Params)
		}
		pos := p.spec.Pos("paths", pth, strings.ToLower(method))
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			o.Body = p.planBody(o, op.RequestBody.Value, p.partsNames[op], where+".requestBody",
				p.spec.Pos("paths", pth, strings.ToLower(method), "requestBody"))
		}
		if op.Responses != nil {
			codes := make([]string, 0, op.Responses.Len())
			for c := range op.Responses.Map() {
				codes = append(codes, c)
			}
			sort.Slice(codes, func(i, j int) bool { return statusRank(codes[i]) < statusRank(codes[j]) })
			var dflt *Response
			for _, c := range codes {
				rr := op.Responses.Value(c)
				if rr == nil || rr.Value == nil {
					continue
				}
				resp := p.planResponse(rr.Value, name, c, where+".responses."+c, p.spec.Pos("paths", pth, strings.ToLower(method), "responses", c))
				if strings.HasPrefix(c, "2") {
					o.Successes = append(o.Successes, resp)
					continue
				}
				resp.ErrorType = p.errorTypeName(resp)
				o.Errors = append(o.Errors, resp)
				if c == "default" {
					dflt = resp
				}
			}
			if len(o.Successes) == 0 && dflt != nil && dflt.Kind != BodyNone {
				// No 2xx documented: default is "any other status", 2xx
				// included, so a 2xx body is read as default describes it.
				d := *dflt
				d.ErrorType = ""
				o.Successes = []*Response{&d}
			}
		}
		p.planResult(o, where, pos)
		p.planEvents(o, op, where)
		o.Retry = retryOf(op.Extensions)
		if o.Retry == nil {
			o.Retry = retryOf(p.spec.Doc.Extensions)
		}
		p.noteSecurity(o, op, pth, method)
		p.m.Operations = append(p.m.Operations, o)
	})
}

// operationParams are an operation's parameters with the path item's merged
// in, in order of first appearance: an operation's parameter replaces the
// path item's of the same name and location, as OpenAPI says (and as the
// document oapi-codegen gets has it).
func operationParams(item *openapi3.PathItem, op *openapi3.Operation) openapi3.Parameters {
	type key struct{ in, name string }
	var out openapi3.Parameters
	at := map[key]int{}
	for _, ps := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, pr := range ps {
			if pr == nil || pr.Value == nil {
				continue
			}
			k := key{pr.Value.In, pr.Value.Name}
			if i, ok := at[k]; ok {
				out[i] = pr
				continue
			}
			at[k] = len(out)
			out = append(out, pr)
		}
	}
	return out
}

// isStruct reports whether r is a struct or union value (not nullable),
// through Go aliases: what a client method returns by pointer.
func isStruct(r *Ref) bool {
	for r.Kind == RefNamed && !r.Nullable && r.Named.Kind == KindAlias && r.Named.GoAlias {
		r = r.Named.Elem
	}
	return r.Kind == RefNamed && !r.Nullable && (r.Named.Kind == KindStruct || r.Named.Kind == KindUnion)
}

// argsType plans an operation's Args struct: one field per query, header
// and cookie parameter, in spec order, wrapped like a model's fields
// (required: T, optional: oas.Opt[T], nullable: oas.Nullable[T]).
func (p *planner) argsType(name, op, where string, pos diag.Pos, params []*Param) *Type {
	var kinds []string
	for _, in := range []string{"query", "header", "cookie"} {
		for _, pr := range params {
			if pr.In == in {
				kinds = append(kinds, in)
				break
			}
		}
	}
	if len(kinds) > 1 {
		kinds[len(kinds)-2] += " and " + kinds[len(kinds)-1]
		kinds = kinds[:len(kinds)-1]
	}
	t := &Type{Name: name, Where: where + ".parameters", Pos: pos, Kind: KindStruct,
		Doc: "holds the " + strings.Join(kinds, ", ") + " parameters of " + op + "."}
	// The fields are oapi-codegen's <Op>Params fields too (Param.OapiName),
	// so they differ in more than case.
	fieldNames := newOapiNamer("Validate", "ValidateInto")
	for _, pr := range params {
		if pr.In == "path" {
			continue
		}
		want := pr.GoName
		if want == "" {
			want = "Param"
		}
		fname, renamed := fieldNames.claim(want, pr.In+" "+pr.Name)
		if renamed {
			by := "the " + fieldNames.used[oapiKey(want)]
			if by == "the reserved" {
				by = "a method"
			}
			p.warn(pr.Pos, where+".parameters."+pr.Name, "field name %s is already used in %s (by %s); this %s parameter's field is named %s",
				want, name, by, pr.In, fname)
		}
		pr.OapiName = fname
		ref := *pr.Type
		f := &Field{Name: fname, JSONName: pr.Name, Type: &ref, Required: pr.Required, Nullable: ref.Nullable,
			Doc: pr.Doc, Deprecated: pr.Deprecated, RequestRequired: pr.Required}
		ref.Nullable = false // the field's wrapper carries it
		f.Wrap = wrapOf(f.Required, f.Nullable)
		pr.Field = f
		t.Fields = append(t.Fields, f)
	}
	return t
}

// clientLocals are the names a generated client method uses itself.
var clientLocals = map[string]bool{"c": true, "ctx": true, "opts": true, "body": true, "payload": true,
	"u": true, "q": true, "h": true, "err": true, "call": true, "resp": true, "v": true, "s": true, "ok": true,
	"oas": true, "url": true, "http": true, "context": true, "time": true, "fmt": true, "json": true,
	"params": true, "zero": true, "ps": true, "contentType": true, "mp": true, "io": true,
	// and the page iterators (emit/paginate.go)
	"page": true, "yield": true, "next": true, "items": true, "limit": true, "np": true, "cur": true, "iter": true}

// oapiPathScope are the identifiers in scope where oapi-codegen's client
// declares a path parameter as a variable (its client methods,
// New<Op>Request* and <Op>WithResponse): their other parameters, receiver
// and locals, the packages client.gen.go imports, Go's keywords (it would
// prefix those with p, onto another parameter's name perhaps) and
// predeclared identifiers. Compared by oapiKey, which also covers the
// lowering of the first letters.
var oapiPathScope = []string{
	"c", "ctx", "server", "params", "contentType", "body", "reqEditors", "req", "rsp", "err", "serverURL",
	"operationPath", "queryURL", "queryValues", "queryFrag", "queryParamBuf", "rawQueryFragments", "bodyReader",
	"buf", "bodyBytes", "bodyStr", "encoded", "stringer", "values", "value", "headers", "response", "client",
	"qp", "ok", "r", "o", "op", "newBaseURL",
	"bytes", "context", "encoding", "errors", "fmt", "http", "io", "json", "runtime", "strings", "time", "url",
	"openapi_types", "types", "xml", "yaml", "uuid", "oas",
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
	"goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch",
	"type", "var",
	"any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
	"int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
	"make", "max", "min", "new", "panic", "print", "println", "real", "recover",
}

// oapiNumbered are the prefixes of oapi-codegen's numbered locals
// (pathParam0, headerParamBuf1), as oapiKey has them.
var oapiNumbered = []string{"pathparambuf", "pathparam", "headerparambuf", "headerparam", "cookieparambuf", "cookieparam"}

// planArgs names the client method's argument for each path parameter:
// the lower-camel Go name, made unique and kept off keywords and locals;
// and its OapiName for oapi-codegen's functions. The other parameters are
// fields of the operation's Args. model is the name the raw package
// imports the model package under, which no variable may shadow.
func planArgs(params []*Param, model string) {
	used := map[string]bool{}
	oapiNames := newOapiNamer(append([]string{model}, oapiPathScope...)...)
	for _, pr := range params {
		if pr.In != "path" {
			continue
		}
		base := pr.GoName
		if base == "" {
			base = "Param"
		}
		oapi := base
		for _, pre := range oapiNumbered {
			if rest, ok := strings.CutPrefix(oapiKey(oapi), pre); ok && strings.Trim(rest, "0123456789") == "" {
				oapi += "Arg"
				break
			}
		}
		pr.OapiName, _ = oapiNames.claim(oapi, "path parameter "+pr.Name)
		arg := lowerFirst(base)
		if token.IsKeyword(arg) || clientLocals[arg] || !token.IsIdentifier(arg) {
			arg += "Param"
		}
		for i := 2; used[arg]; i++ {
			arg = lowerFirst(base) + GoName(pr.In) + strconv.Itoa(i)
		}
		used[arg] = true
		pr.Arg = arg
	}
}

// ctorLocals are the names a generated constructor or method body uses
// itself, next to Go's keywords.
var ctorLocals = map[string]bool{"v": true, "p": true, "m": true, "oas": true, "json": true, "time": true}

// planCtorParams names the constructor's parameter for each
// RequestRequired field: lowerFirst of the field name, "_" added for a
// keyword or a local, made unique and kept apart from the type's name.
func planCtorParams(t *Type) {
	used := map[string]bool{t.Name: true}
	for _, fl := range t.CtorFields {
		base := lowerFirst(fl.Name)
		if base == "" {
			base = "v"
		}
		if token.IsKeyword(base) || ctorLocals[base] {
			base += "_"
		}
		n := base
		for k := 2; used[n]; k++ {
			n = base + strconv.Itoa(k)
		}
		used[n] = true
		fl.Param = n
	}
}

// lowerFirst lower-cases the leading initialism or letter: ID → id,
// PetID → petID, URLPath → urlPath.
func lowerFirst(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) {
		n-- // keep the capital that starts the next word
	}
	for i := 0; i < n; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// errorTypeName names the Go error type of an error response: after its
// body's type when it has a named one (BadRequestResponse →
// BadRequestResponseError), shared by every operation that uses it.
func (p *planner) errorTypeName(r *Response) string {
	if r.Body == nil || r.Body.Kind != RefNamed {
		return ""
	}
	want := r.Body.Named.Name + "Error"
	if owner, ok := p.names.used[want]; ok && owner == "error "+r.Body.Named.Name {
		return want
	}
	name, _ := p.names.claim(want, "error "+r.Body.Named.Name)
	return name
}

// resolveServer substitutes each server variable's default into the URL.
func resolveServer(sv *openapi3.Server) string {
	u := sv.URL
	names := slices.Sorted(maps.Keys(sv.Variables))
	for _, k := range names {
		if v := sv.Variables[k]; v != nil {
			u = strings.ReplaceAll(u, "{"+k+"}", v.Default)
		}
	}
	return u
}

// planClientNames names the production client's package-level
// identifiers, right after the component schemas: a schema keeps its name
// and the client's identifier takes the first free numeric suffix (a
// schema named Options makes the client's options type Options2). These
// are the generator's inventions, so giving way is no warning; the README
// documents the rule, and each one's doc comment uses its planned name.
func (p *planner) planClientNames() {
	n := &p.m.Names
	n.APIClient, _ = p.names.claim("APIClient", "the client's APIClient")
	// Its constructor follows it: APIClient2 is made by NewAPIClient2.
	for _, c := range n.all()[1:] {
		want := c.usual
		if c.field == &n.NewAPIClient {
			want = "New" + n.APIClient
		}
		*c.field, _ = p.names.claim(want, "the client's "+c.usual)
	}
}

// nameFuncs claims the names of the package-level functions generated
// for each type, after every type name: a schema called NewPet keeps its
// name and Pet's constructor becomes NewPet2, with a warning.
func (p *planner) nameFuncs() {
	claim := func(t *Type, want string) string {
		name, renamed := p.names.claim(want, "function of "+t.Name)
		if renamed {
			p.warn(t.Pos, t.Where, "function name %s is the name of %s, which keeps it; this function is named %s", want, p.names.owner(want), name)
		}
		return name
	}
	for _, t := range p.m.Types {
		switch t.Kind {
		case KindStruct:
			t.Ctor = claim(t, "New"+t.Name)
		case KindEnum:
			t.ValuesFunc = claim(t, t.Name+"Values")
		case KindUnion:
			for _, v := range t.Union.Variants {
				v.From = claim(t, t.Name+"From"+v.Name)
			}
		}
	}
}

// breakCycles makes a field hold its struct through a pointer when the
// struct would otherwise contain the field's owner by value (Node.parent of
// type Node, Employee.manager → Manager.deputy → Employee). Types and fields
// are visited in their fixed order, so the same fields get pointers on
// every run, and a cycle broken once is not broken again.
func (p *planner) breakCycles() {
	for _, t := range p.m.Types {
		if t.Kind != KindStruct {
			continue
		}
		for _, f := range t.Fields {
			if r := f.Type; r.Kind == RefNamed && !r.Pointer && holdsByValue(r.Named, t, map[*Type]bool{}) {
				r.Pointer = true
			}
		}
	}
}

// holdsByValue reports whether a value of t contains a value of target
// without a pointer, slice or map in between.
func holdsByValue(t, target *Type, seen map[*Type]bool) bool {
	if t == target {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	var refs []*Ref
	switch t.Kind {
	case KindStruct:
		for _, f := range t.Fields {
			refs = append(refs, f.Type)
		}
	case KindAlias:
		refs = append(refs, t.Elem)
	}
	for _, r := range refs {
		if r != nil && r.Kind == RefNamed && !r.Pointer && holdsByValue(r.Named, target, seen) {
			return true
		}
	}
	return false
}

// paramGoName is a parameter's Go name: its x-go-name, else its name.
func paramGoName(pv *openapi3.Parameter) string {
	if v, ok := pv.Extensions["x-go-name"].(string); ok && GoName(v) != "" {
		return GoName(v)
	}
	return GoName(pv.Name)
}

func retryOf(ext map[string]any) *Retry {
	raw, ok := ext["x-speakeasy-retries"].(map[string]any)
	if !ok {
		return nil
	}
	r := &Retry{InitialInterval: 500, MaxInterval: 60000, MaxElapsed: 3600000, Exponent: 1.5}
	if codes, ok := raw["statusCodes"].([]any); ok {
		for _, c := range codes {
			switch x := c.(type) {
			case float64:
				r.StatusCodes = append(r.StatusCodes, int(x))
			case string:
				if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
					r.StatusCodes = append(r.StatusCodes, n)
				} else if len(x) == 3 && strings.HasSuffix(strings.ToUpper(x), "XX") && x[0] >= '1' && x[0] <= '5' {
					base := int(x[0]-'0') * 100
					for i := 0; i < 100; i++ {
						r.StatusCodes = append(r.StatusCodes, base+i)
					}
				}
			}
		}
	}
	sort.Ints(r.StatusCodes)
	if b, ok := raw["backoff"].(map[string]any); ok {
		if v, ok := b["initialInterval"].(float64); ok {
			r.InitialInterval = int(v)
		}
		if v, ok := b["maxInterval"].(float64); ok {
			r.MaxInterval = int(v)
		}
		if v, ok := b["maxElapsedTime"].(float64); ok {
			r.MaxElapsed = int(v)
		}
		if v, ok := b["exponent"].(float64); ok {
			r.Exponent = v
		}
	}
	if v, ok := raw["retryConnectionErrors"].(bool); ok {
		r.ConnectionErrors = v
	} else {
		r.ConnectionErrors = true
	}
	return r
}

func statusRank(code string) int {
	if n, err := strconv.Atoi(code); err == nil {
		return n * 10
	}
	if len(code) == 3 && code[0] >= '1' && code[0] <= '5' {
		return int(code[0]-'0')*1000 + 999
	}
	return 100000 // default
}

func statusName(code string) string {
	if n, err := strconv.Atoi(code); err == nil {
		if t := http.StatusText(n); t != "" {
			return GoName(t)
		}
		return "Status" + code
	}
	return GoName(code)
}

func jsonMedia(c openapi3.Content) *openapi3.MediaType {
	if c == nil {
		return nil
	}
	if mt := c["application/json"]; mt != nil {
		return mt
	}
	keys := slices.Sorted(maps.Keys(c))
	for _, k := range keys {
		if strings.HasSuffix(strings.Split(k, ";")[0], "+json") || strings.HasPrefix(k, "application/json") {
			return c[k]
		}
	}
	return nil
}

func refName(ref string) string {
	_, frag, _ := strings.Cut(ref, "#")
	last := frag
	if i := strings.LastIndex(frag, "/"); i >= 0 {
		last = frag[i+1:]
	}
	if last == "" {
		file, _, _ := strings.Cut(ref, "#")
		last = strings.TrimSuffix(path.Base(file), path.Ext(file))
	}
	return GoName(last)
}

// docOf is the description of s, or of a describing member of its allOf
// (allOf: [{$ref: X}, {description: ...}] documents the use), else a title.
func docOf(s *openapi3.Schema) string {
	for _, a := range annotations(s) {
		if a.Description != "" {
			return a.Description
		}
	}
	for _, a := range annotations(s) {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}

// annotated reports whether s or a describing member of its allOf has the
// flag (deprecated, readOnly, writeOnly).
func annotated(s *openapi3.Schema, flag func(*openapi3.Schema) bool) bool {
	for _, a := range annotations(s) {
		if flag(a) {
			return true
		}
	}
	return false
}

// exampleOf is s's example as JSON, its numbers as the spec writes them.
func (p *planner) exampleOf(s *openapi3.Schema) string {
	for _, a := range annotations(s) {
		if a.Example != nil {
			return jsonOf(p.spec.Exact(a, "example", a.Example))
		}
		if len(a.Examples) > 0 {
			if ex, ok := p.spec.Exact(a, "examples", a.Examples).([]any); ok && len(ex) > 0 {
				return jsonOf(ex[0])
			}
			return jsonOf(a.Examples[0])
		}
	}
	return ""
}

// defaultOf is s's default (or a describing allOf member's), its numbers
// as the spec writes them (json.Number), and the schema that holds it; or
// nil.
func (p *planner) defaultOf(s *openapi3.Schema) (any, *openapi3.Schema) {
	for _, a := range annotations(s) {
		if a.Default != nil {
			return p.spec.Exact(a, "default", a.Default), a
		}
	}
	return nil, nil
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// enumValues are s's enum values (or its const), numbers exact
// (json.Number) where the source text was found.
func (p *planner) enumValues(s *openapi3.Schema) []any {
	var out []any
	if len(s.Enum) > 0 {
		for _, v := range p.spec.Exact(s, "enum", s.Enum).([]any) {
			if v != nil {
				out = append(out, v)
			}
		}
	} else if s.Const != nil {
		out = append(out, p.spec.Exact(s, "const", s.Const))
	}
	return out
}

func enumValues(s *openapi3.Schema) []any {
	var out []any
	for _, v := range s.Enum {
		if v != nil {
			out = append(out, v)
		}
	}
	if s.Const != nil && len(s.Enum) == 0 {
		out = append(out, s.Const)
	}
	return out
}

func nonNullTypes(s *openapi3.Schema) []string {
	if s.Type == nil {
		return nil
	}
	var out []string
	for _, t := range *s.Type {
		if t != "null" {
			out = append(out, t)
		}
	}
	return out
}

func typeIs(s *openapi3.Schema, t string) bool {
	for _, x := range nonNullTypes(s) {
		if x == t {
			return true
		}
	}
	return false
}

func isObject(s *openapi3.Schema) bool {
	if typeIs(s, "object") {
		return true
	}
	return len(nonNullTypes(s)) == 0 && (len(s.Properties) > 0 || len(s.AllOf) > 0 || s.AdditionalProperties.Schema != nil)
}

func hasProps(s *openapi3.Schema) bool {
	if len(s.Properties) > 0 {
		return true
	}
	for _, m := range s.AllOf {
		if m != nil && m.Value != nil && (m.Ref != "" || hasProps(m.Value)) { // a $ref first: it may lead back here
			return true
		}
	}
	return false
}

func singleRefAllOf(s *openapi3.Schema) bool {
	return len(s.AllOf) == 1 && s.AllOf[0] != nil && len(s.Properties) == 0
}

// unionAlternatives counts the oneOf/anyOf members of s (a composition
// wrapper looked through) that are not null-only.
func unionAlternatives(s *openapi3.Schema) int {
	for i := 0; i < 32; i++ {
		core, ok := soleMember(s)
		if !ok || core.Value == nil {
			break
		}
		s = core.Value
	}
	n := 0
	for _, m := range append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...) {
		if m != nil && m.Value != nil && !isNullOnly(m.Value) {
			n++
		}
	}
	return n
}

// emptyNullableObject recognises how 3.0 specs write a null schema, which
// 3.0 cannot say directly: a nullable object that allows no property
// (Box titles it "OpenAPI 3.0 null schema type"). As a union member it
// stands for null ({} is the only other value it allows, and no real API
// means that).
func emptyNullableObject(s *openapi3.Schema) bool {
	return s.Nullable && s.Type != nil && s.Type.Is("object") && len(s.Properties) == 0 &&
		s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has && s.AdditionalProperties.Schema == nil &&
		len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0
}

// isNullOnly reports whether null is the only value s admits: {type:
// null} (3.1), or an enum of nulls ({nullable: true, enum: [null]}, how
// 3.0 writes the null member of a union).
func isNullOnly(s *openapi3.Schema) bool {
	if s.Type != nil && len(*s.Type) == 1 && (*s.Type)[0] == "null" {
		return true
	}
	if emptyNullableObject(s) {
		return true
	}
	if len(s.Enum) == 0 {
		return false
	}
	for _, v := range s.Enum {
		if v != nil {
			return false
		}
	}
	return true
}

// nullUnionMember recognises `oneOf: [X, {type: null}]`: X, nullable.
func nullUnionMember(s *openapi3.Schema) (*openapi3.SchemaRef, bool) {
	members := s.OneOf
	if len(members) == 0 {
		members = s.AnyOf
	}
	if len(members) != 2 {
		return nil, false
	}
	for i, m := range members {
		if m != nil && m.Value != nil && isNullOnly(m.Value) && members[1-i] != nil {
			return members[1-i], true
		}
	}
	return nil, false
}

func isOpen(s *openapi3.Schema) bool {
	v, _ := s.Extensions["x-speakeasy-unknown-values"].(string)
	return v == "allow"
}

func constraintsOf(s *openapi3.Schema) Constraints {
	c := noConstraints()
	c.Format = s.Format
	c.Pattern = s.Pattern
	if s.MinLength > 0 {
		c.MinLength = int(s.MinLength)
	}
	if s.MaxLength != nil {
		c.MaxLength = int(*s.MaxLength)
	}
	if s.MinItems > 0 {
		c.MinItems = int(s.MinItems)
	}
	if s.MaxItems != nil {
		c.MaxItems = int(*s.MaxItems)
	}
	if s.MinProps > 0 {
		c.MinProps = int(s.MinProps)
	}
	if s.MaxProps != nil {
		c.MaxProps = int(*s.MaxProps)
	}
	c.Min, c.Max = s.Min, s.Max
	c.ExclusiveMin = s.ExclusiveMin.IsTrue()
	c.ExclusiveMax = s.ExclusiveMax.IsTrue()
	if s.ExclusiveMin.Value != nil {
		c.Min, c.ExclusiveMin = s.ExclusiveMin.Value, true
	}
	if s.ExclusiveMax.Value != nil {
		c.Max, c.ExclusiveMax = s.ExclusiveMax.Value, true
	}
	c.MultipleOf = s.MultipleOf
	c.UniqueItems = s.UniqueItems
	return c
}

func snake(name string) string {
	ws := words(name)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, "_")
}
