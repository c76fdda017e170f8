package plan

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// A spec may refer to itself in ways that name nothing (`Loop: {allOf:
// [{$ref: '#/Loop'}]}`, an array whose items are the array); planning such a
// schema would recurse forever, so the use is raw JSON, with a warning.
// (Types that would contain themselves by value are breakCycles' job.)

// enterUnnamed records that refOf is working on s without having named it,
// and reports whether it already was: a schema that reaches itself before
// becoming a named type has no Go shape, so that use is raw JSON.
func (p *planner) enterUnnamed(s *openapi3.Schema, where string) bool {
	if p.unnamed == nil {
		p.unnamed = map[*openapi3.Schema]bool{}
	}
	if p.unnamed[s] {
		p.warn(p.spec.OriginPos(s.Origin), where, "schema refers to itself through allOf/oneOf/anyOf/items without any type in between; generated as json.RawMessage")
		return true
	}
	p.unnamed[s] = true
	return false
}

// holdOptionalStructsByPointer makes every optional, not nullable property
// whose value is one of the package's structs a pointer to it (*T, nil
// when absent) instead of an oas.Opt[T]. Go code reaches into nested
// objects through pointers (job.Spec.Template.Spec, changed in place), as
// Kubernetes' and protobuf's Go types do; and a package compiles every
// distinct Opt[T]'s whole method set for every struct T it wraps, each
// method copying T: for a spec of deeply nested optional objects that was
// over a third of the package's machine code and a quarter of its build
// time. Scalars, slices, maps and unions keep oas.Opt, which tells an
// absent value from a zero one; a nullable struct keeps oas.Nullable,
// which has three states. The field's Ref says Pointer, as breakCycles'
// do, so the field is spelled, decoded and reached through like theirs;
// Wrap says that nil means absent. It runs once every type's kind is
// final, before breakCycles: a struct held by pointer does not contain its
// owner.
func (p *planner) holdOptionalStructsByPointer() {
	for _, t := range p.m.Types {
		if t.Kind != KindStruct {
			continue
		}
		for _, f := range t.Fields {
			if r := f.Type; f.Wrap == Optional && r.Kind == RefNamed && r.Named.Kind == KindStruct {
				// Its own Ref: the same one may be shared with uses that
				// hold the struct by value.
				own := *r
				own.Pointer = true
				f.Wrap, f.Type = OptionalPointer, &own
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

// pointToAliasTargets makes a field that holds a Go alias of a named type
// through breakCycles' pointer name the alias's target instead. A pointer
// to an alias (a one-variant union named after its schema: type AUnion =
// ALeaf) in such a cycle, inside oas.Opt, panics Go 1.26's type checker
// ("internal compiler error: panic: nil"; kin-openapi's issue1205 spec);
// the alias is the same type, so only the spelling changes. It runs once
// GoAlias is decided.
func (p *planner) pointToAliasTargets() {
	for _, t := range p.m.Types {
		if t.Kind != KindStruct {
			continue
		}
		for _, f := range t.Fields {
			r := f.Type
			for r.Kind == RefNamed && r.Pointer && r.Named.Kind == KindAlias && r.Named.GoAlias &&
				r.Named.Elem.Kind == RefNamed && !r.Named.Elem.Pointer && !r.Named.Elem.Nullable {
				r.Named = r.Named.Elem.Named
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
