package plan

// Unions: oneOf/anyOf schemas as Go union types, their variants and the
// discriminator values that select each.

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

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
		return GoName(r.Go.Name[strings.LastIndex(r.Go.Name, ".")+1:])
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

// planUnionTags finds, once every type is planned, each discriminated
// variant whose struct holds the discriminator as a free string (Ory
// Kratos's login bodies: method: {type: string} under a mapping) and that
// one value selects: its From constructor fills that value in when the
// caller left it empty (Variant.TagField).
func (p *planner) planUnionTags() {
	for _, t := range p.m.Types {
		if t.Kind != KindUnion || t.Union == nil || t.Union.Discriminator == "" {
			continue
		}
		for _, v := range t.Union.Variants {
			if len(v.Values) != 1 {
				continue
			}
			r := v.Type
			if r.Nullable || r.Pointer {
				continue // From takes an oas.Nullable or a pointer: no field to set
			}
			for r.Kind == RefNamed && r.Named.Kind == KindAlias && r.Named.GoAlias {
				r = r.Named.Elem
			}
			if r.Kind != RefNamed || r.Named.Kind != KindStruct || r.Nullable || r.Pointer {
				continue
			}
			for _, f := range r.Named.Fields {
				if f.JSONName != t.Union.Discriminator {
					continue
				}
				if f.Type.Kind == RefBuiltin && f.Type.Builtin == String && (f.Wrap == Plain || f.Wrap == Optional) {
					v.TagField, v.TagOptional = f.Name, f.Wrap == Optional
				}
				break
			}
		}
	}
}
