package plan

import (
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// Compositions that do not change a type.
//
// Specs wrap a schema in allOf to attach a description to a $ref (which
// OpenAPI 3.0 forbids next to $ref), and tools write a one-member anyOf or
// oneOf for the same reason (Stripe: `anyOf: [{$ref: X}]`, 177 times). Such
// a wrapper IS its one structural member: a union stays a union, an array
// an array, an enum an enum; the wrapper's and its describing members'
// annotations (description, default, example, nullable...) apply on top.
// Planning the wrapper as an object instead merged no properties out of a
// union and produced an empty struct that dropped every field.

// describesOnly reports whether s only annotates: it has no keyword that
// constrains the instance (type, properties, items, composition, enum,
// const, bounds, format...), only description, title, example(s),
// default, deprecated, readOnly, writeOnly, nullable, externalDocs, xml
// and x- extensions. Such an allOf member never changes the type.
func describesOnly(s *openapi3.Schema) bool {
	return s != nil && s.Type == nil && len(s.Properties) == 0 && s.Items == nil &&
		s.AdditionalProperties.Has == nil && s.AdditionalProperties.Schema == nil &&
		!composes(s) && s.Not == nil && len(s.Enum) == 0 && s.Const == nil &&
		s.Format == "" && s.Pattern == "" && s.Min == nil && s.Max == nil && s.MultipleOf == nil &&
		!s.ExclusiveMin.IsSet() && !s.ExclusiveMax.IsSet() &&
		s.MinLength == 0 && s.MaxLength == nil && s.MinItems == 0 && s.MaxItems == nil &&
		s.MinProps == 0 && s.MaxProps == nil && len(s.Required) == 0 && !s.UniqueItems &&
		s.Discriminator == nil && len(s.PrefixItems) == 0 && s.Contains == nil &&
		len(s.PatternProperties) == 0 && len(s.DependentSchemas) == 0 && s.PropertyNames == nil &&
		s.If == nil && s.Then == nil && s.Else == nil && len(s.DependentRequired) == 0 &&
		s.UnevaluatedItems.Has == nil && s.UnevaluatedItems.Schema == nil &&
		s.UnevaluatedProperties.Has == nil && s.UnevaluatedProperties.Schema == nil &&
		s.Always == nil && s.DynamicRef == "" && s.ContentSchema == nil
}

func composes(s *openapi3.Schema) bool {
	return len(s.AllOf) > 0 || len(s.AnyOf) > 0 || len(s.OneOf) > 0
}

// wrapperOnly reports whether s, apart from its allOf/anyOf/oneOf, only
// annotates. A type is tolerated (`type: object, allOf: [{$ref: X}]` is
// common and says nothing X does not), and so is a discriminator next to
// a one-member union.
func wrapperOnly(s *openapi3.Schema) bool {
	c := *s
	c.AllOf, c.AnyOf, c.OneOf, c.Type, c.Discriminator = nil, nil, nil, nil, nil
	return describesOnly(&c)
}

// soleMember returns the member a composition wrapper stands for:
//
//   - allOf with exactly one member that is not describesOnly (the others,
//     and s apart from allOf, only annotate);
//   - anyOf or oneOf with exactly one member that is not {type: null}
//     (oneOf: [X, {type: null}] is X, nullable; isNullable sees the null).
//
// A wrapper mixing allOf with anyOf/oneOf, or adding constraints of its
// own, is not one: it is planned as it always was.
func soleMember(s *openapi3.Schema) (*openapi3.SchemaRef, bool) {
	if s == nil || !wrapperOnly(s) {
		return nil, false
	}
	var members openapi3.SchemaRefs
	switch {
	case len(s.AllOf) > 0 && len(s.AnyOf) == 0 && len(s.OneOf) == 0:
		if s.Discriminator != nil {
			return nil, false
		}
		var core *openapi3.SchemaRef
		var typed []*openapi3.SchemaRef // members that name a type and only annotate
		for _, m := range s.AllOf {
			if m == nil || m.Value == nil {
				return nil, false
			}
			if m.Ref == "" && describesOnly(m.Value) {
				continue
			}
			if m.Ref == "" && (typeOnly(m.Value) || scalarOnly(m.Value)) {
				typed = append(typed, m)
				continue
			}
			if core != nil {
				return nil, false // several structural members: merged as a struct
			}
			core = m
		}
		if core == nil && len(typed) > 0 {
			core, typed = typed[0], typed[1:]
		}
		// `allOf: [{$ref: Identifier}, {type: string, readOnly: true}]`:
		// a member that repeats the core's type adds only annotations; one
		// that adds scalar constraints ({type: string, minLength: 36})
		// keeps the core's type, and warnAllOfConstraints says that what
		// it adds is not checked.
		for _, m := range typed {
			if !sameKind(m.Value, core.Value) {
				return nil, false
			}
		}
		return core, core != nil
	case len(s.AnyOf) > 0 && len(s.OneOf) == 0 && len(s.AllOf) == 0:
		members = s.AnyOf
	case len(s.OneOf) > 0 && len(s.AnyOf) == 0 && len(s.AllOf) == 0:
		members = s.OneOf
	default:
		return nil, false
	}
	var core *openapi3.SchemaRef
	for _, m := range members {
		if m == nil || m.Value == nil {
			return nil, false
		}
		if isNullOnly(m.Value) {
			continue
		}
		if core != nil || m.Ref == "" && describesOnly(m.Value) {
			// Several alternatives, or one that accepts anything (an anyOf
			// member without constraints makes the whole union accept any
			// value): a real union.
			return nil, false
		}
		core = m
	}
	return core, core != nil
}

// typeOnly reports whether s names a type and otherwise only annotates
// ({type: string, readOnly: true}).
func typeOnly(s *openapi3.Schema) bool {
	if s == nil || s.Type == nil || len(*s.Type) == 0 {
		return false
	}
	c := *s
	c.Type, c.Nullable = nil, false
	return describesOnly(&c)
}

// scalarOnly reports whether s is a scalar type with constraints of a
// scalar and otherwise only annotations ({type: string, minLength: 36}).
func scalarOnly(s *openapi3.Schema) bool {
	if s == nil || s.Type == nil || len(s.Enum) > 0 {
		return false
	}
	for _, t := range nonNullTypes(s) {
		if t != "string" && t != "number" && t != "integer" && t != "boolean" {
			return false
		}
	}
	c := *s
	c.Type, c.Nullable, c.Format, c.Pattern = nil, false, "", ""
	c.MinLength, c.MaxLength, c.Min, c.Max, c.MultipleOf = 0, nil, nil, nil, nil
	c.ExclusiveMin, c.ExclusiveMax = openapi3.ExclusiveBound{}, openapi3.ExclusiveBound{}
	return describesOnly(&c)
}

// sameKind reports whether every type t names is one core has (number
// covering integer), so that an allOf of both is core.
func sameKind(t, core *openapi3.Schema) bool {
	u := unwrapped(core)
	have := nonNullTypes(u)
	if len(have) == 0 && isObject(u) {
		have = []string{"object"}
	}
	for _, want := range nonNullTypes(t) {
		if !slices.Contains(have, want) && !(want == "number" && slices.Contains(have, "integer")) {
			return false
		}
	}
	return len(have) > 0
}

// annotations are the describing members of s's allOf: s's own
// description, default, example... come first, then theirs, in order. A
// member that only repeats the type with annotations is one too.
func annotations(s *openapi3.Schema) []*openapi3.Schema {
	out := []*openapi3.Schema{s}
	for _, m := range s.AllOf {
		if m != nil && m.Ref == "" && m.Value != nil && (describesOnly(m.Value) || typeOnly(m.Value)) {
			out = append(out, m.Value)
		}
	}
	return out
}

// Nullability of compositions.
//
// JSON Schema lets null through an allOf only when every member allows it,
// and a member with no type allows it. OpenAPI 3.0 has no null type; its
// `nullable: true` only widens the schema it sits in, and tooling reads a
// nullable next to a composition, in a describing allOf member, or next
// to a $ref as "this use may be null" (the reason such members are
// written). The rule here:
//
//   - s's own nullable, a null in its type or enum, or a {type: null}
//     member of its oneOf/anyOf: nullable;
//   - a describing allOf member that says nullable (3.0 flag, or a 3.1
//     type list with null, which describesOnly excludes, so only the flag):
//     nullable, by that convention;
//   - a $ref allOf member with nullable: true next to it (dropped by
//     kin-openapi in 3.0, where $ref replaces its object): nullable, by the
//     same convention;
//   - otherwise null passes an allOf only if every structural member allows
//     it (JSON Schema's rule; describing members allow anything) and s has
//     no type of its own that excludes it.
//
// A oneOf/anyOf of one structural member allows null when that member or
// a {type: null} beside it does.
func (p *planner) isNullable(s *openapi3.Schema) bool {
	return p.nullableDepth(s, 0)
}

func (p *planner) nullableDepth(s *openapi3.Schema, depth int) bool {
	if s == nil || depth > 32 {
		return false
	}
	if ownNullable(s) {
		return true
	}
	structural := 0
	allNull := true
	for _, m := range s.AllOf {
		if m == nil || m.Value == nil {
			continue
		}
		if m.Ref == "" && describesOnly(m.Value) {
			if m.Value.Nullable {
				return true
			}
			continue
		}
		if m.Ref != "" && p.spec.RefSiblingTrue(m, "nullable") {
			return true
		}
		structural++
		allNull = allNull && p.nullableDepth(m.Value, depth+1)
	}
	if structural > 0 && allNull && len(nonNullTypes(s)) == 0 {
		return true
	}
	if core, ok := soleMember(s); ok && len(s.AllOf) == 0 {
		return p.nullableDepth(core.Value, depth+1)
	}
	return false
}

// ownNullable reports whether s's own keywords admit null.
func ownNullable(s *openapi3.Schema) bool {
	if s.Nullable {
		return true
	}
	if s.Type != nil && s.Type.Includes("null") {
		return true
	}
	for _, v := range s.Enum {
		if v == nil {
			return true
		}
	}
	// oneOf/anyOf with a {type: null} member (of any count) admits null.
	for _, m := range append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...) {
		if m != nil && m.Value != nil && isNullOnly(m.Value) {
			return true
		}
	}
	return false
}

// distribute returns s rewritten by distributeUnion, made once per schema
// (nil when s is not an allOf over a union).
func (p *planner) distribute(s *openapi3.Schema) *openapi3.Schema {
	d, ok := p.distributed[s]
	if !ok {
		d = distributeUnion(s)
		p.distributed[s] = d
	}
	return d
}

// requiresOnly reports whether s is a union whose alternatives only
// require properties (`anyOf: [{required: [breakout]}, {required:
// [priority]}]`): it says which members must be present, and adds no
// property, type or shape.
func requiresOnly(s *openapi3.Schema) bool {
	alts := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	if len(alts) == 0 || len(s.AllOf) > 0 {
		return false
	}
	for _, a := range alts {
		if a == nil || a.Value == nil {
			return false
		}
		c := *a.Value
		if c.Type.Is("object") {
			c.Type = nil
		}
		c.Required = nil
		if !describesOnly(&c) {
			return false
		}
	}
	return true
}

// distributeUnion rewrites an allOf one of whose members is a union,
//
//	allOf: [X, Y, {oneOf: [A, B]}]  as  oneOf: [{allOf: [X, Y, A]}, {allOf: [X, Y, B]}]
//
// which validates the same instances. A struct has no place for "one of
// these shapes", so planned as an object the union's members were lost
// (what only they declare was no field); planned as a union of objects,
// each variant holds the shared members' fields and its own. The union's
// own properties, beside its oneOf, go into every variant; a null member
// stays null. Annotations of s (description, nullable, example) stay on
// the rewrite. A union that only requires (requiresOnly) is a shared
// member, not the union distributed. nil when s is not such an allOf: two
// unions (a product of them), a member that is not an object, or a discriminator, whose mapping
// names the union's members and not the variants, keep the planning they
// had (with its warning).
func distributeUnion(s *openapi3.Schema) *openapi3.Schema {
	if s == nil || len(s.AllOf) < 2 || len(s.OneOf)+len(s.AnyOf) > 0 || s.Discriminator != nil {
		return nil
	}
	var union *openapi3.Schema
	var shared openapi3.SchemaRefs
	for _, m := range s.AllOf {
		if m == nil || m.Value == nil {
			return nil
		}
		if unionAlternatives(m.Value) > 1 {
			if requiresOnly(unwrapped(m.Value)) {
				// Which properties must be present, and no shape of its
				// own: a constraint every variant shares (collectProps
				// warns that it is not checked).
				shared = append(shared, m)
				continue
			}
			if union != nil {
				return nil
			}
			union = unwrapped(m.Value) // the union a wrapper stands for
			continue
		}
		if !describesOnly(m.Value) && !isObject(m.Value) {
			return nil
		}
		shared = append(shared, m)
	}
	if union == nil || union.Discriminator != nil || len(union.AllOf) > 0 {
		return nil
	}
	alts, oneOf := union.OneOf, true
	if len(alts) == 0 {
		alts, oneOf = union.AnyOf, false
	}
	own := *union
	own.OneOf, own.AnyOf = nil, nil
	variants := make(openapi3.SchemaRefs, 0, len(alts))
	for _, a := range alts {
		if a == nil || a.Value == nil {
			return nil
		}
		if isNullOnly(a.Value) {
			variants = append(variants, a)
			continue
		}
		if !isObject(a.Value) && !describesOnly(a.Value) {
			return nil
		}
		members := append(openapi3.SchemaRefs{}, shared...)
		if !describesOnly(&own) {
			own := own
			members = append(members, &openapi3.SchemaRef{Value: &own})
		}
		members = append(members, a)
		variants = append(variants, &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: members, Origin: a.Value.Origin}})
	}
	d := *s
	d.AllOf = nil
	if oneOf {
		d.OneOf = variants
	} else {
		d.AnyOf = variants
	}
	return &d
}
