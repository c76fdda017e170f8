package plan

// Enums: the value set of an enum schema and the Go constants naming it.

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

func (p *planner) planEnum(t *Type, s *openapi3.Schema, open bool) *Enum {
	e := &Enum{Open: open || isOpen(s)}
	types := nonNullTypes(s)
	allStrings, allInts, allNums := true, true, true
	values := p.enumValues(s)
	if len(types) == 1 && (types[0] == "integer" || types[0] == "number") && numericStrings(values) {
		// WhatsApp's shards: type integer, enum ["1", "2", ...], and an
		// example of 32. No string is an integer, so the type says what
		// goes on the wire: the values are read as the numbers they spell.
		p.warn(t.Pos, t.Where, "enum of type %s lists its values as strings (%s); generated as the numbers they spell, as the type says", types[0], jsonOf(values[0]))
		nums := make([]any, len(values))
		for i, v := range values {
			nums[i] = json.Number(v.(string))
		}
		values = nums
	}
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

// numericStrings reports enum values that are all strings spelling JSON
// numbers ("1", "2.5").
func numericStrings(values []any) bool {
	for _, v := range values {
		str, ok := v.(string)
		if !ok || !json.Valid([]byte(str)) || !isNumber(json.Number(str)) {
			return false
		}
		if _, err := strconv.ParseFloat(str, 64); err != nil {
			return false
		}
	}
	return len(values) > 0
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

// enumValues are s's enum values (or its const), numbers exact
// (json.Number) where the source text was found.
func (p *planner) enumValues(s *openapi3.Schema) []any {
	if structuredEnum(s) || boolEnum(s) || arrayEnum(s) {
		return nil
	}
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
	if structuredEnum(s) || boolEnum(s) || arrayEnum(s) {
		return nil
	}
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

// arrayEnum reports an array schema whose enum (or const) lists scalars
// only (Vimeo's content_filter: type array, items string, enum [drugs,
// language, ...]). No array equals a scalar, so as written no value is
// valid; what the values say is what the items may be, and itemsOf plans
// them so (warning of it).
func arrayEnum(s *openapi3.Schema) bool {
	if types := nonNullTypes(s); len(types) != 1 || types[0] != "array" {
		return false
	}
	vals := s.Enum
	if len(vals) == 0 && s.Const != nil {
		vals = []any{s.Const}
	}
	n := 0
	for _, v := range vals {
		switch v.(type) {
		case nil:
		case map[string]any, []any:
			return false
		default:
			n++
		}
	}
	return n > 0
}

// itemsOf is the items schema of the array schema s. For an arrayEnum it
// is the items with the array's enum moved onto them (one copy per s, so
// that planning s again names no second type), unless they have an enum
// of their own; either way it is warned of once.
func (p *planner) itemsOf(s *openapi3.Schema, where string) *openapi3.SchemaRef {
	if s.Items == nil || !arrayEnum(s) {
		return s.Items
	}
	if r, ok := p.arrayEnumItems[s]; ok {
		return r
	}
	if p.arrayEnumItems == nil {
		p.arrayEnumItems = map[*openapi3.Schema]*openapi3.SchemaRef{}
	}
	pos := p.spec.OriginPos(s.Origin, strings.Split(where, ".")...)
	items := s.Items.Value
	if items == nil || len(items.Enum) > 0 || items.Const != nil {
		p.warn(pos, where+".enum", "enum of an array lists scalars, which no array equals, and its items have an enum of their own: the array's enum is not checked")
		p.arrayEnumItems[s] = s.Items
		return s.Items
	}
	p.warn(pos, where+".enum", "enum of an array lists scalars, which no array equals: read as the enum of its items")
	c := *items
	c.Enum, c.Const = s.Enum, s.Const
	r := &openapi3.SchemaRef{Value: &c}
	p.arrayEnumItems[s] = r
	return r
}

// structuredEnum reports an enum (or const) with an object or array among
// its values (Docker's ExposedPorts values: enum [{}]). No Go constant
// holds one, so the type is planned from the rest of the schema and the
// enum is not checked (warnStructuredEnum says so).
func structuredEnum(s *openapi3.Schema) bool {
	vals := s.Enum
	if len(vals) == 0 && s.Const != nil {
		vals = []any{s.Const}
	}
	for _, v := range vals {
		switch v.(type) {
		case map[string]any, []any:
			return true
		}
	}
	return false
}

// boolEnum reports an enum (or const) whose values are all booleans
// (ExaVault's enum [true, false] on type boolean). It is not a Go enum:
// the value is a bool on the wire, so the type is planned from the schema
// (a bool), and an enum that leaves one of the two values out is not
// checked (warnStructuredEnum says so).
func boolEnum(s *openapi3.Schema) bool {
	vals := s.Enum
	if len(vals) == 0 && s.Const != nil {
		vals = []any{s.Const}
	}
	n := 0
	for _, v := range vals {
		switch v.(type) {
		case nil:
		case bool:
			n++
		default:
			return false
		}
	}
	return n > 0
}

// boolEnumChecks reports a boolean enum that allows only one of true and
// false, a constraint the bool it is planned as does not check.
func boolEnumChecks(s *openapi3.Schema) bool {
	if !boolEnum(s) {
		return false
	}
	seen := map[bool]bool{}
	if len(s.Enum) == 0 {
		seen[s.Const.(bool)] = true
	}
	for _, v := range s.Enum {
		if b, ok := v.(bool); ok {
			seen[b] = true
		}
	}
	return len(seen) < 2
}

// warnStructuredEnum warns, once per schema, that an enum of objects or
// arrays, or a boolean enum of one value, is not checked.
func (p *planner) warnStructuredEnum(s *openapi3.Schema, where string) {
	structured, oneBool := structuredEnum(s), boolEnumChecks(s)
	if !structured && !oneBool || p.enumWarned[s] {
		return
	}
	if p.enumWarned == nil {
		p.enumWarned = map[*openapi3.Schema]bool{}
	}
	p.enumWarned[s] = true
	msg := "enum lists objects or arrays, which no Go constant holds: the type is planned from the schema and the enum is not checked"
	if oneBool {
		msg = "enum allows one boolean only: generated as a bool, and the enum is not checked"
	}
	p.warn(p.spec.OriginPos(s.Origin, strings.Split(where, ".")...), where+".enum", "%s", msg)
}

// uncheckedKeywords are the assertions of s that no Go type or Validate
// holds: JSON Schema's conditional, negated and name-pattern keywords
// (3.1's propertyNames on Vercel's maps, say). The value is typed from
// the rest of the schema; these are warned of, not dropped silently.
func uncheckedKeywords(s *openapi3.Schema) []string {
	var out []string
	add := func(ok bool, k string) {
		if ok {
			out = append(out, k)
		}
	}
	add(s.Not != nil, "not")
	add(s.If != nil, "if")
	add(s.Contains != nil, "contains")
	add(len(s.PrefixItems) > 0, "prefixItems")
	add(s.PropertyNames != nil, "propertyNames")
	add(len(s.PatternProperties) > 0, "patternProperties")
	add(len(s.DependentRequired) > 0, "dependentRequired")
	add(len(s.DependentSchemas) > 0, "dependentSchemas")
	add(s.UnevaluatedProperties.Schema != nil || s.UnevaluatedProperties.Has != nil && !*s.UnevaluatedProperties.Has, "unevaluatedProperties")
	add(s.UnevaluatedItems.Schema != nil || s.UnevaluatedItems.Has != nil && !*s.UnevaluatedItems.Has, "unevaluatedItems")
	return out
}

// warnUnchecked warns, once per schema, of the assertions Validate does
// not check (uncheckedKeywords).
func (p *planner) warnUnchecked(s *openapi3.Schema, where string) {
	ks := uncheckedKeywords(s)
	if len(ks) == 0 || p.uncheckedWarned[s] {
		return
	}
	if p.uncheckedWarned == nil {
		p.uncheckedWarned = map[*openapi3.Schema]bool{}
	}
	p.uncheckedWarned[s] = true
	p.warn(p.spec.OriginPos(s.Origin, strings.Split(where, ".")...), where+"."+ks[0],
		"%s: not checked by Validate (the type is planned from the rest of the schema)", strings.Join(ks, ", "))
}
