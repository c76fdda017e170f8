package main

import (
	"reflect"

	"github.com/getkin/kin-openapi/openapi3"
)

// constAsEnum gives every schema of doc with a const (OpenAPI 3.1) and no
// enum the one-value enum it means. kin-openapi's validator, which the
// synthesizer and the example checks use, reads enum but not const, so a
// oneOf of consts (Discord's integer and string enums) would match every
// value of its type and refuse each as matching more than one member. doc
// is the run's own copy, loaded for it; the generator never sees it.
func constAsEnum(doc *openapi3.T) {
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			if s, ok := v.Interface().(*openapi3.Schema); ok && s.Const != nil && len(s.Enum) == 0 {
				s.Enum = []any{s.Const}
			}
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(doc))
}
