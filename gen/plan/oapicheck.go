package plan

import (
	"fmt"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/load"
)

// prepareOapi readies m.OapiDoc for oapi-codegen, which copies some spec
// text into client.gen.go itself:
//
//   - descriptions, summaries and titles lose what Go source cannot hold
//     even inside a // comment (NUL, a byte-order mark, invalid UTF-8) and
//     bidi controls; oapi-codegen already splits lines into // comments;
//   - an x-go-name that is not a Go identifier is replaced by the name the
//     plan derives from it (as the plan does for its own types), and
//     x-go-type-import, which would import any package the spec names into
//     the generated code, is dropped; both with a warning;
//   - a parameter whose schema is a component does not see the component's
//     x-go-name (see unnameParamSchemas);
//   - a media type written with no value becomes an empty one, which
//     oapi-codegen can read;
//   - what oapi-codegen would still refuse (a quote in a parameter name, a
//     newline in a path) is reported here as a positioned error instead of
//     its unpositioned message after planning.
//
// Build runs it only when the raw client is generated (Model.RawClient).
func prepareOapi(s *load.Spec, m *Model) (diag.List, error) {
	if m.OapiDoc == nil {
		return nil, nil
	}
	pr := &oapiPrep{spec: s, seen: map[oapiSeenKey]bool{}}
	pr.walk(reflect.ValueOf(m.OapiDoc))
	unnameParamSchemas(m.OapiDoc)
	if err := codegen.ValidateSpec(m.OapiDoc); err != nil {
		return pr.warnings.Sort(), positionOapiErrors(s, err)
	}
	return pr.warnings.Sort(), nil
}

type oapiSeenKey struct {
	t reflect.Type
	p uintptr
}

type oapiPrep struct {
	spec     *load.Spec
	seen     map[oapiSeenKey]bool
	warnings diag.List
}

var (
	extensionsType = reflect.TypeOf(map[string]any{})
	originType     = reflect.TypeOf((*openapi3.Origin)(nil))
	mediaTypeType  = reflect.TypeOf((*openapi3.MediaType)(nil))
)

// walk visits every object reachable from v once. kin-openapi keeps paths,
// responses and callbacks in unexported maps behind a Map method, which is
// followed instead.
func (pr *oapiPrep) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		k := oapiSeenKey{v.Type(), v.Pointer()}
		if pr.seen[k] {
			return
		}
		pr.seen[k] = true
		if mm := v.MethodByName("Map"); mm.IsValid() && mm.Type().NumIn() == 0 && mm.Type().NumOut() == 1 && mm.Type().Out(0).Kind() == reflect.Map {
			pr.walk(mm.Call(nil)[0])
		}
		pr.walk(v.Elem())
	case reflect.Struct:
		t := v.Type()
		var origin *openapi3.Origin
		if f := v.FieldByName("Origin"); f.IsValid() && f.Type() == originType && f.CanInterface() {
			origin, _ = f.Interface().(*openapi3.Origin)
		}
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			f := v.Field(i)
			switch {
			case sf.Name == "Extensions" && sf.Type == extensionsType:
				pr.extensions(f, origin)
			case sf.Name == "Description" || sf.Name == "Summary" || sf.Name == "Title":
				pr.text(f)
			case sf.Name == "Origin", sf.Type.Kind() == reflect.Interface:
				// Origins are positions; interface values are examples,
				// defaults and enum values, which oapi-codegen checks or
				// quotes itself.
			default:
				pr.walk(f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			pr.walk(v.Index(i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if e := it.Value(); e.Kind() == reflect.Pointer && e.IsNil() && e.Type() == mediaTypeType {
				// `application/json:` with no value: oapi-codegen dereferences
				// it, and it means what an empty media type means.
				v.SetMapIndex(it.Key(), reflect.ValueOf(&openapi3.MediaType{}))
				continue
			}
			pr.walk(it.Value())
		}
	}
}

// text cleans a string or *string in place.
func (pr *oapiPrep) text(f reflect.Value) {
	if f.Kind() == reflect.Pointer && !f.IsNil() {
		f = f.Elem()
	}
	if f.Kind() != reflect.String || !f.CanSet() {
		return
	}
	if s := f.String(); s != cleanSourceText(s) {
		f.SetString(cleanSourceText(s))
	}
}

// cleanSourceText removes what Go source may not contain anywhere (NUL, a
// byte-order mark, invalid UTF-8) and bidi controls, keeping everything
// else, line breaks included.
func cleanSourceText(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if r == 0 || r == '\uFEFF' || isBidi(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == 0 || r == '\uFEFF' || isBidi(r) {
			return -1
		}
		return r
	}, s)
}

func isBidi(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' || r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

func (pr *oapiPrep) extensions(f reflect.Value, origin *openapi3.Origin) {
	ext, _ := f.Interface().(map[string]any)
	if len(ext) == 0 {
		return
	}
	pos := pr.spec.OriginPos(origin)
	if v, ok := ext["x-go-name"].(string); ok && !token.IsIdentifier(v) {
		if n := GoName(v); n != "" {
			ext["x-go-name"] = n
			pr.warn(pos, "x-go-name %q is not a Go identifier; %s is used", v, n)
		} else {
			delete(ext, "x-go-name")
			pr.warn(pos, "x-go-name %q is not a Go identifier; ignored", v)
		}
	}
	if v, ok := ext["x-go-type-import"]; ok {
		delete(ext, "x-go-type-import")
		pr.warn(pos, "x-go-type-import %s ignored: the spec may not add imports to generated code", jsonOf(v))
	}
}

func (pr *oapiPrep) warn(pos diag.Pos, format string, args ...any) {
	pr.warnings = append(pr.warnings, diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...), Severity: diag.Warning})
}

// positionOapiErrors turns oapi-codegen's ValidateSpec errors into
// diagnostics. Each message ends with the offending value, quoted; its first
// occurrence in the spec's files gives the position.
func positionOapiErrors(s *load.Spec, err error) diag.List {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var out diag.List
	for _, e := range errs {
		msg := e.Error()
		pos := diag.Pos{File: s.Path, Line: 1, Col: 1}
		if v, ok := trailingQuoted(msg); ok {
			if p, found := s.FindScalar(v); found {
				pos = p
			}
		}
		out = append(out, diag.Diagnostic{Pos: pos, Msg: "oapi-codegen cannot generate the raw client (raw-client: false generates without it): " + msg})
	}
	if len(out) == 0 {
		return diag.List{{Pos: diag.Pos{File: s.Path}, Msg: "oapi-codegen cannot generate the raw client (raw-client: false generates without it): " + err.Error()}}
	}
	return out.Sort()
}

// trailingQuoted returns the Go-quoted string a message ends with.
func trailingQuoted(msg string) (string, bool) {
	for i := strings.LastIndex(msg, `: "`); i >= 0; i = strings.LastIndex(msg[:i], `: "`) {
		q := msg[i+2:]
		if v, err := strconv.Unquote(q); err == nil {
			return v, true
		}
	}
	return "", false
}

// unnameParamSchemas gives every parameter whose schema is a $ref a copy of
// the target without x-go-name. oapi-codegen names the parameter's field in
// <Op>Params after the x-go-name of the parameter's schema but refers to it
// by the parameter's own name, so `filter: {$ref: Status}` (Status carrying
// the x-go-name the planner set) declared Status and used Filter, which
// does not compile. The type still resolves through the $ref.
func unnameParamSchemas(doc *openapi3.T) {
	fix := func(params openapi3.Parameters) {
		for _, p := range params {
			if p == nil || p.Value == nil || p.Value.Schema == nil {
				continue
			}
			sr := p.Value.Schema
			if sr.Ref == "" || sr.Value == nil {
				continue
			}
			if _, ok := sr.Value.Extensions["x-go-name"]; !ok {
				continue
			}
			v := *sr.Value
			v.Extensions = map[string]any{}
			for k, e := range sr.Value.Extensions {
				if k != "x-go-name" {
					v.Extensions[k] = e
				}
			}
			p.Value.Schema = &openapi3.SchemaRef{Ref: sr.Ref, Extensions: sr.Extensions, Value: &v}
		}
	}
	if doc.Paths != nil {
		for _, item := range doc.Paths.Map() {
			if item == nil {
				continue
			}
			fix(item.Parameters)
			for _, op := range item.Operations() {
				if op != nil {
					fix(op.Parameters)
				}
			}
		}
	}
	if doc.Components != nil {
		for _, p := range doc.Components.Parameters {
			fix(openapi3.Parameters{p})
		}
	}
}
