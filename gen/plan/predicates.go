package plan

// Predicates: questions about a schema's shape (its types, whether it is an
// object, a union, null only, open) that the planner asks before deciding.

import (
	"github.com/getkin/kin-openapi/openapi3"
)

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
	s = unwrapped(s)
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

// unwrapped is the schema a chain of composition wrappers (soleMember)
// stands for, s itself when it is none; at most 32 deep.
func unwrapped(s *openapi3.Schema) *openapi3.Schema {
	for i := 0; i < 32; i++ {
		core, ok := soleMember(s)
		if !ok || core.Value == nil {
			break
		}
		s = core.Value
	}
	return s
}
