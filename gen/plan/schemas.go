package plan

// Schemas: naming the component schemas, then planning each schema into a
// Go type (struct fields, aliases, builtins) and each use of one into a Ref
// with its constraints; field defaults are checked against the planned type.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

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
		base := nameOverride(sr.Value.Extensions, k)
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
		p.addOrigin(sr.Value, t)
		p.components = append(p.components, componentType{key: k, schema: sr.Value, t: t})
		p.m.Types = append(p.m.Types, t)
		p.m.ExcludeSchemas = append(p.m.ExcludeSchemas, k)
	}
}

// fillComponents plans each component schema's type, in key order, except
// that the components a schema's allOf flattens are planned before it: an
// inline schema is named where it is first planned, and a component's own
// inline properties must be named after it (Base.card is BaseCard),
// not after whichever schema that includes it sorts first (AccountCard,
// then AaaCard once an unrelated Aaa includes Base too).
func (p *planner) fillComponents() {
	bySchema := make(map[*openapi3.Schema]int, len(p.components))
	for i, ct := range p.components {
		if _, dup := bySchema[ct.schema]; !dup {
			bySchema[ct.schema] = i
		}
	}
	done := make([]bool, len(p.components))
	var fill func(i int)
	fill = func(i int) {
		if done[i] {
			return
		}
		done[i] = true
		for _, s := range allOfRefs(p.components[i].schema) {
			if j, ok := bySchema[s]; ok {
				fill(j)
			}
		}
		p.fillNamed(p.components[i].t, p.components[i].schema, false)
	}
	for i := range p.components {
		fill(i)
	}
}

// allOfRefs are the schemas s's allOf members reference, through inline
// members and one-alternative unions as collectProps flattens them, in
// member order.
func allOfRefs(s *openapi3.Schema) []*openapi3.Schema {
	var out []*openapi3.Schema
	seen := map[*openapi3.Schema]bool{}
	var visit func(s *openapi3.Schema, depth int)
	visit = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > 32 || seen[s] {
			return
		}
		seen[s] = true
		for _, m := range s.AllOf {
			if m == nil || m.Value == nil {
				continue
			}
			if m.Ref != "" {
				out = append(out, m.Value)
				continue
			}
			visit(unwrapped(m.Value), depth+1)
		}
	}
	visit(s, 0)
	return out
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
	t.DeprecatedMsg = deprecationMessage(s.Extensions)
	t.Example = p.exampleOf(s)
	p.warnGoType(s, t.Where)
	p.warnStructuredEnum(s, t.Where)
	p.warnUnchecked(s, t.Where)
	if d := p.distribute(s); d != nil {
		s = d // an allOf over a union is planned as the union it is
	}
	if core, ok := soleMember(s); ok && externalRef(s) == nil {
		p.warnAllOfConstraints(s, core, t.Where)
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
		if expr, err := goPattern(r.C.Pattern); err != nil {
			// Go's RE2 lacks lookaround and backreferences that ECMA-262
			// patterns may use; generated code must not panic compiling it.
			p.warn(p.spec.OriginPos(s.Origin), where, "pattern %q is not supported by Go's regexp (%v); it is not checked", r.C.Pattern, err)
			r.C.Pattern = ""
		} else {
			r.C.Pattern = expr
		}
	}
	switch {
	case typeIs(s, "array"):
		r.Kind = RefSlice
		if items := p.itemsOf(s, where); items != nil {
			r.Elem = p.refOf(items, itemCtx, where+".items", open || isOpen(s))
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
	if t := p.sameOrigin(s); t != nil {
		p.bySchema[s] = t
		return &Ref{Kind: RefNamed, Named: t, Nullable: refNull || p.isNullable(s), C: noConstraints()}
	}
	// A schema naming its Go type (x-go-type) is used as that type; a
	// component with one is a Go alias of it (above).
	p.warnGoType(s, where)
	p.warnStructuredEnum(s, where)
	p.warnUnchecked(s, where)
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
		// it as it would be named where the reference leads.
		if n := p.refCtx(sr.Ref); n != "" {
			ctx = n
		}
	}
	nullable := refNull || p.isNullable(s)
	if d := p.distribute(s); d != nil {
		s = d // an allOf over a union is planned as the union it is
	}
	if core, ok := soleMember(s); ok {
		p.warnAllOfConstraints(s, core, where)
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
		if isObject(s) && singleRefAllOf(s) && len(s.Properties) == 0 && (s.AllOf[0].Ref != "" || wrapperOnly(s)) {
			// An inline member with the wrapper's own keywords beside it
			// (required: gerermesaffaires's request bodies) is planned as
			// the struct the two make, below; a $ref member stays its type.
			if len(s.Required) > 0 && !wrapperOnly(s) {
				p.warn(p.spec.OriginPos(s.Origin, strings.Split(where, ".")...), where+".required",
					"required %q beside an allOf of one $ref is not applied: the value is typed as %s, whose own required list is checked", s.Required, refName(s.AllOf[0].Ref))
			}
			r := p.refOf(s.AllOf[0], ctx, where, open)
			r2 := *r
			r2.Nullable = r.Nullable || nullable
			return &r2
		}
		if c := p.sameComponent(GoName(ctx), s); c != nil {
			return &Ref{Kind: RefNamed, Named: c, Nullable: nullable, C: noConstraints()}
		}
		t := &Type{Name: p.claimType(GoName(ctx), where, p.spec.OriginPos(s.Origin)), Where: where, Pos: p.spec.OriginPos(s.Origin), Docs: true}
		if t.Name == "" {
			t.Name = p.claimType("Type", where, t.Pos)
		}
		p.bySchema[s] = t
		p.bySchema[sr.Value] = t // s's rewrite, if it has one, is the same type
		p.addOrigin(s, t)
		p.m.Types = append(p.m.Types, t)
		p.fillNamed(t, s, open)
		return &Ref{Kind: RefNamed, Named: t, Nullable: nullable, C: noConstraints()}
	}
	r := p.refOfNoName(&openapi3.SchemaRef{Value: s}, ctx, where, open)
	r.Nullable = nullable
	return r
}

// sameComponent is the type of the component schema that already has the
// Go name an inline schema s wants, when s is a copy of it (bundlers and
// converters inline copies: Card.properties.configuration repeating
// CardConfiguration). The copy is then that type, rather than a second
// one named CardConfiguration2. Annotations (description, title,
// examples, extensions) may differ; everything else must be the same.
func (p *planner) sameComponent(want string, s *openapi3.Schema) *Type {
	owner, ok := strings.CutPrefix(p.names.owner(want), "components.schemas.")
	if !ok {
		return nil
	}
	for _, ct := range p.components {
		if ct.key == owner && ct.t.Name == want {
			if sameSchema(ct.schema, s) {
				return ct.t
			}
			return nil
		}
	}
	return nil
}

// originKey is where a schema is written: its file, line and column.
type originKey struct {
	file      string
	line, col int
}

type plannedAt struct {
	s *openapi3.Schema
	t *Type
}

// originOf is where s is written; false when kin-openapi recorded nothing.
func originOf(s *openapi3.Schema) (originKey, bool) {
	if s.Origin == nil || s.Origin.Key == nil || s.Origin.Key.Line == 0 {
		return originKey{}, false
	}
	return originKey{s.Origin.Key.File, s.Origin.Key.Line, s.Origin.Key.Column}, true
}

// addOrigin records t as the type planned for s, by where s is written.
func (p *planner) addOrigin(s *openapi3.Schema, t *Type) {
	k, ok := originOf(s)
	if !ok {
		return
	}
	if p.byOrigin == nil {
		p.byOrigin = map[originKey][]plannedAt{}
	}
	p.byOrigin[k] = append(p.byOrigin[k], plannedAt{s, t})
}

// sameOrigin is the type already planned for the schema written where s
// is, with the same content: kin-openapi resolves each $ref into another
// file to a new copy of what it names, so a schema file referenced from
// two places (Pet.yaml from two operations; SendGrid's error response
// from 65) would otherwise be planned, and named, once per reference (Pet,
// Pet2, ...). The planner's own rewrites of a schema keep its origin but
// not its content, hence the comparison. nil when there is none.
func (p *planner) sameOrigin(s *openapi3.Schema) *Type {
	k, ok := originOf(s)
	if !ok {
		return nil
	}
	for _, c := range p.byOrigin[k] {
		if c.s == s || sameSchema(c.s, s) {
			return c.t
		}
	}
	return nil
}

// sameSchema compares two schemas as JSON, without their top-level
// annotations.
func sameSchema(a, b *openapi3.Schema) bool {
	strip := func(s *openapi3.Schema) ([]byte, error) {
		c := *s
		c.Description, c.Title, c.Example, c.Examples, c.Extensions = "", "", nil, nil, nil
		return json.Marshal(&c)
	}
	ja, err1 := strip(a)
	jb, err2 := strip(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
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
	} else if boolEnum(s) {
		t = "boolean" // enum [true, false] without a type: a bool on the wire
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
	decls := map[string][]*openapi3.SchemaRef{} // each property's declarations, once each
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
				// Once per member: the variants of a distributed union
				// each hold a shared one, and several paths plan a schema.
				if key := (memberKey{origin, m.Value}); !p.memberWarned[key] {
					p.memberWarned[key] = true
					msg := "allOf member is a oneOf/anyOf of %d alternatives, which a struct cannot hold: what only they declare is not a field and is not checked"
					if requiresOnly(unwrapped(m.Value)) {
						msg = "allOf member is a oneOf/anyOf of %d alternatives that only require properties; which of them must be present is not checked"
					}
					p.warn(p.spec.OriginPos(origin), fmt.Sprintf("%s.allOf.%d", where, i), msg, alts)
				}
			}
			// A member that is a one-alternative union ({oneOf: [X]}) is X.
			visit(unwrapped(m.Value), depth+1)
		}
		for _, k := range propertyOrder(p.spec.KeyOrder(s, "properties"), s.Properties) {
			if _, ok := props[k]; !ok {
				order = append(order, k)
			}
		}
		for k, v := range s.Properties {
			if v != nil && !slices.Contains(decls[k], v) {
				decls[k] = append(decls[k], v)
			}
			props[k] = v
		}
		for _, r := range s.Required {
			required[r] = true
		}
	}
	visit(s, 0)
	for k, ds := range decls {
		if len(ds) > 1 {
			props[k] = p.mergeDeclarations(ds)
		}
	}
	return props, required, order
}

// mergeDeclarations is the schema of a property that several allOf
// members declare (an envelope's `result: {type: object}` and a
// response's `result: {$ref: Policy}`): an instance meets every
// declaration, so the property's value does too. Declarations that
// constrain nothing a type holds (loose) give way to the others; several
// object declarations with properties become their allOf, a struct with
// the fields of each (made once per set, so every use plans one type).
// Otherwise the last declaration stands, as it always has.
func (p *planner) mergeDeclarations(ds []*openapi3.SchemaRef) *openapi3.SchemaRef {
	var kept []*openapi3.SchemaRef
	for _, d := range ds {
		if d.Value != nil && !loose(d.Value, 0) {
			kept = append(kept, d)
		}
	}
	switch {
	case len(kept) == 0:
		return ds[len(ds)-1]
	case len(kept) == 1:
		return kept[0]
	}
	for _, d := range kept {
		if u := unwrapped(d.Value); !isObject(u) || !hasProps(u) || len(u.OneOf)+len(u.AnyOf) > 0 {
			return kept[len(kept)-1]
		}
	}
	for _, m := range p.merged {
		if slices.Equal(m.of, kept) {
			return m.merged
		}
	}
	last := kept[len(kept)-1].Value
	merged := &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type: &openapi3.Types{"object"}, AllOf: kept, Origin: last.Origin,
	}}
	p.merged = append(p.merged, mergedProperty{of: kept, merged: merged})
	return merged
}

// warnAllOfConstraints says, once per member, that the scalar
// constraints an allOf member adds beside the core s is planned as
// (soleMember) are not checked: `allOf: [{type: string, minLength: 36},
// {$ref: UUID}]` is a UUID, and Validate checks UUID's own constraints.
func (p *planner) warnAllOfConstraints(s *openapi3.Schema, core *openapi3.SchemaRef, where string) {
	for i, m := range s.AllOf {
		if m == core || m == nil || m.Value == nil || m.Ref != "" || typeOnly(m.Value) || !scalarOnly(m.Value) {
			continue
		}
		key := memberKey{m.Value.Origin, m.Value}
		if p.memberWarned[key] {
			continue
		}
		p.memberWarned[key] = true
		p.warn(p.spec.OriginPos(m.Value.Origin), fmt.Sprintf("%s.allOf.%d", where, i),
			"allOf member adds constraints to the type another member has; the value is planned as that member, and what this one adds is not checked")
	}
}

// memberKey is an allOf member by where it is written and what it is.
type memberKey struct {
	origin *openapi3.Origin
	schema *openapi3.Schema
}

// mergedProperty is one merge of property declarations (mergeDeclarations).
type mergedProperty struct {
	of     []*openapi3.SchemaRef
	merged *openapi3.SchemaRef
}

// loose reports whether s admits every value of the kind it names, so an
// intersection with another declaration is that declaration: annotations
// only, an object naming no property, an array of loose items, a scalar
// type without constraints, or a union of loose alternatives.
func loose(s *openapi3.Schema, depth int) bool {
	if depth > 16 {
		return false
	}
	if describesOnly(s) {
		return true
	}
	c := *s
	c.Type, c.Nullable, c.Items, c.OneOf, c.AnyOf = nil, false, nil, nil, nil
	if !describesOnly(&c) {
		return false // constraints, properties, allOf, additionalProperties...
	}
	if len(s.OneOf)+len(s.AnyOf) > 0 {
		for _, m := range append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...) {
			if m == nil || m.Value == nil || !loose(m.Value, depth+1) {
				return false
			}
		}
		return true
	}
	if s.Items != nil {
		return s.Items.Value != nil && loose(s.Items.Value, depth+1)
	}
	return true
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
		if sr.Ref != "" && sr.Origin != nil {
			// The property's own $ref, not the component it names.
			pos = p.spec.OriginPos(sr.Origin)
		}
		if ignored(fs.Extensions) {
			p.warn(pos, where, "x-speakeasy-ignore: property %q is left out of %s (decoding skips it, nothing sends it)", k, t.Name)
			continue
		}
		base := nameOverride(fs.Extensions, k)
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
		if !required[k] && p.spec.Is31() && describesOnly(fs) && ref.Kind == RefBuiltin && ref.Builtin == RawJSON {
			// {} in OpenAPI 3.1 is any value, null included (Discourse's
			// category_setting): an optional one holds null apart from
			// absent (a required one's json.RawMessage holds it as is).
			ref.Nullable = true
		}
		f := &Field{
			Name: name, JSONName: k, Type: ref, Required: required[k], Wrap: wrapOf(required[k], ref.Nullable),
			Doc: docOf(fs), Example: p.exampleOf(fs), Pos: pos,
			Deprecated:    annotated(fs, func(a *openapi3.Schema) bool { return a.Deprecated }),
			DeprecatedMsg: deprecationMessage(fs.Extensions),
			ReadOnly:      annotated(fs, func(a *openapi3.Schema) bool { return a.ReadOnly }),
			WriteOnly:     annotated(fs, func(a *openapi3.Schema) bool { return a.WriteOnly }),
		}
		ref.Nullable = false // the field's wrapper carries it
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
		} else if r.Named.Kind == KindStruct || r.Named.Kind == KindUnion {
			// The value may well be one; a default is written as a Go
			// value only for scalars, enums and their lists and maps.
			p.warn(pos, where, "default %s is not applied: a default of %s (%s) cannot be written as a Go value; ApplyDefaults leaves the field alone and it has no OrDefault getter",
				jsonOf(v), map[TypeKind]string{KindStruct: "an object", KindUnion: "a union"}[r.Named.Kind], r.Named.Name)
			return "", false
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
