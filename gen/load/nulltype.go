package load

import (
	"reflect"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// fixNullTypes reads an empty entry of an OpenAPI 3.1 type list as "null",
// in every schema of the document (components, operations, webhooks,
// callbacks, other files): YAML reads `type: [string, null]` (null
// unquoted) as a null entry, which kin-openapi keeps as "", a type nothing
// accepts. The author meant JSON Schema's "null", so that is what it
// becomes, with a warning at the list.
func (s *Spec) fixNullTypes() diag.List {
	if !s.Is31() {
		return nil
	}
	var out diag.List
	eachSchema(s.Doc, func(sch *openapi3.Schema) {
		if sch.Type == nil || len(*sch.Type) < 2 || !slices.Contains(*sch.Type, "") {
			return
		}
		var types openapi3.Types
		for _, t := range *sch.Type {
			if t == "" {
				t = "null"
			}
			if !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
		*sch.Type = types
		pos, ok := s.ValuePos(sch, "type")
		if !ok {
			pos = s.OriginPos(sch.Origin)
		}
		out = append(out, diag.Diagnostic{Pos: pos, Severity: diag.Warning,
			Msg: `type lists a null value (an unquoted null in YAML) where JSON Schema's type name is the string "null"; read as "null"`})
	})
	return out.Sort()
}

var schemaPtrType = reflect.TypeFor[*openapi3.Schema]()

// ptrKey is a pointer with its type: a struct and its first field share
// an address.
type ptrKey struct {
	t reflect.Type
	p uintptr
}

// eachSchema calls fn once for every schema the document holds, however
// it is reached. It walks kin-openapi's types by reflection: exported
// fields, maps, slices and pointers, and the entries a Map method returns.
// Values of type any (examples, extensions) are data and not entered.
func eachSchema(doc *openapi3.T, fn func(*openapi3.Schema)) {
	seen := map[ptrKey]bool{}
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			key := ptrKey{v.Type(), v.Pointer()}
			if seen[key] {
				return
			}
			seen[key] = true
			if v.Type() == schemaPtrType {
				fn(v.Interface().(*openapi3.Schema))
			}
			// Paths, Responses and Callback keep their entries in an
			// unexported map, behind Map (as plan's oapiPrep.walk follows).
			if mm := v.MethodByName("Map"); mm.IsValid() && mm.Type().NumIn() == 0 && mm.Type().NumOut() == 1 && mm.Type().Out(0).Kind() == reflect.Map {
				visit(mm.Call(nil)[0])
			}
			visit(v.Elem())
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				if t.Field(i).IsExported() {
					visit(v.Field(i))
				}
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				visit(it.Value())
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				visit(v.Index(i))
			}
		}
	}
	visit(reflect.ValueOf(doc))
}
