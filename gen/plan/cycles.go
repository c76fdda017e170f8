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
