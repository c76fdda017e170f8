package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/oas/oasimpl"
)

// checkValues checks every schema's example, examples and default against
// the schema itself. kin-openapi's document validation stops at the first
// schema that fails and names no line; vendors ship many wrong examples and
// code generated from the schema is still right, so each wrong value is its
// own warning, positioned at the value.
//
// Schemas are visited in document order of their paths (sorted keys), each
// once, so the output is stable. $refs are not followed: the schema is
// checked where it is defined.
func (s *Spec) checkValues() diag.List {
	c := &valueChecker{s: s, seen: map[*openapi3.Schema]bool{}, formats: FormatValidation()}
	doc := s.Doc
	if doc.Components != nil {
		for _, k := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			c.schema(doc.Components.Schemas[k], "components", "schemas", k)
		}
		for _, k := range slices.Sorted(maps.Keys(doc.Components.Parameters)) {
			if p := doc.Components.Parameters[k]; p != nil && p.Ref == "" && p.Value != nil {
				c.schema(p.Value.Schema, "components", "parameters", k, "schema")
			}
		}
	}
	if doc.Paths != nil {
		paths := doc.Paths.InMatchingOrder()
		sort.Strings(paths)
		for _, pth := range paths {
			item := doc.Paths.Value(pth)
			if item == nil || item.Ref != "" {
				continue
			}
			for i, p := range item.Parameters {
				if p != nil && p.Ref == "" && p.Value != nil {
					c.schema(p.Value.Schema, "paths", pth, "parameters", strconv.Itoa(i), "schema")
				}
			}
			ops := item.Operations()
			for _, m := range slices.Sorted(maps.Keys(ops)) {
				op, at := ops[m], []string{"paths", pth, strings.ToLower(m)}
				for i, p := range op.Parameters {
					if p != nil && p.Ref == "" && p.Value != nil {
						c.schema(p.Value.Schema, append(at, "parameters", strconv.Itoa(i), "schema")...)
					}
				}
				if rb := op.RequestBody; rb != nil && rb.Ref == "" && rb.Value != nil {
					for _, ct := range slices.Sorted(maps.Keys(rb.Value.Content)) {
						if mt := rb.Value.Content[ct]; mt != nil { // `application/json:` with no value
							c.schema(mt.Schema, append(at, "requestBody", "content", ct, "schema")...)
						}
					}
				}
				if op.Responses != nil {
					resps := op.Responses.Map()
					for _, code := range slices.Sorted(maps.Keys(resps)) {
						r := resps[code]
						if r == nil || r.Ref != "" || r.Value == nil {
							continue
						}
						for _, ct := range slices.Sorted(maps.Keys(r.Value.Content)) {
							if mt := r.Value.Content[ct]; mt != nil {
								c.schema(mt.Schema, append(at, "responses", code, "content", ct, "schema")...)
							}
						}
					}
				}
			}
		}
	}
	return c.out
}

type valueChecker struct {
	s       *Spec
	seen    map[*openapi3.Schema]bool
	out     diag.List
	formats openapi3.SchemaValidationOption
}

// checkedFormats are the string formats the generated Validate methods
// check (oasimpl.FormatOK); an example they would refuse is warned about
// here, as kin-openapi checks none of them by default (a uuid example
// with a short group passed, then the client refused to send it).
var checkedFormats = []string{"date", "time", "email", "uuid", "uri", "hostname", "ipv4", "ipv6"}

// FormatValidation is the option for kin-openapi's VisitJSON that checks
// each of checkedFormats with oasimpl.FormatOK, as the generated Validate
// does, per validation (kin-openapi's global formats are left alone).
func FormatValidation() openapi3.SchemaValidationOption {
	m := map[string]openapi3.StringFormatValidator{}
	for _, f := range checkedFormats {
		m[f] = openapi3.NewCallbackValidator(func(v string) error {
			if !oasimpl.FormatOK(v, f) {
				return fmt.Errorf("not a valid %s", f)
			}
			return nil
		})
	}
	return openapi3.WithStringFormatValidators(m)
}

func (c *valueChecker) schema(sr *openapi3.SchemaRef, path ...string) {
	if sr == nil || sr.Ref != "" || sr.Value == nil || c.seen[sr.Value] || len(path) > 200 {
		return
	}
	s := sr.Value
	c.seen[s] = true
	path = path[:len(path):len(path)] // appends below must not share memory
	if s.Example != nil {
		c.value(s, s.Example, append(path, "example"))
	}
	for i, ex := range s.Examples {
		c.value(s, ex, append(path, "examples", strconv.Itoa(i)))
	}
	if s.Default != nil {
		c.value(s, s.Default, append(path, "default"))
	}
	for _, k := range slices.Sorted(maps.Keys(s.Properties)) {
		c.schema(s.Properties[k], append(path, "properties", k)...)
	}
	c.schema(s.Items, append(path, "items")...)
	c.schema(s.AdditionalProperties.Schema, append(path, "additionalProperties")...)
	c.schema(s.Not, append(path, "not")...)
	for _, kw := range []struct {
		name    string
		members openapi3.SchemaRefs
	}{{"allOf", s.AllOf}, {"anyOf", s.AnyOf}, {"oneOf", s.OneOf}} {
		for i, m := range kw.members {
			c.schema(m, append(path, kw.name, strconv.Itoa(i))...)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(s.Defs)) {
		c.schema(s.Defs[k], append(path, "$defs", k)...)
	}
}

// value checks one example or default. Every failure inside it (an item
// outside its enum, a missing property) is its own warning at the failing
// value's position.
func (c *valueChecker) value(s *openapi3.Schema, v any, path []string) {
	err := s.VisitJSON(v, openapi3.MultiErrors(), c.formats)
	if err == nil {
		return
	}
	kind := path[len(path)-1]
	if kind != "default" && kind != "example" {
		kind = "example"
	}
	for _, se := range schemaErrors(err) {
		ptr := se.JSONPointer()
		at := append(path[:len(path):len(path)], ptr...)
		where := strings.Join(path, ".")
		msg := fmt.Sprintf("%s does not match its schema: %s", kind, reason(se))
		if len(ptr) > 0 {
			msg = fmt.Sprintf("%s value at /%s does not match its schema: %s", kind, strings.Join(ptr, "/"), reason(se))
		}
		c.out = append(c.out, diag.Diagnostic{Pos: c.pos(s, at), Where: where, Msg: msg, Severity: diag.Warning})
	}
}

// pos is the position of a document path in the root file, or of the
// schema in the file it came from when it is not in the root file.
func (c *valueChecker) pos(s *openapi3.Schema, path []string) diag.Pos {
	if s.Origin != nil && s.Origin.Key != nil && s.Origin.Key.File != "" && !sameFile(s.Origin.Key.File, c.s.Path) {
		return c.s.OriginPos(s.Origin)
	}
	return c.s.Pos(path...)
}

// schemaErrors flattens kin-openapi's error tree into its leaves.
func schemaErrors(err error) []*openapi3.SchemaError {
	var out []*openapi3.SchemaError
	var me openapi3.MultiError
	if errors.As(err, &me) {
		for _, e := range me {
			out = append(out, schemaErrors(e)...)
		}
		return out
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		return []*openapi3.SchemaError{se}
	}
	return nil
}

// reason words a failure; enum failures list the allowed values as JSON
// (kin-openapi prints null as <nil>).
func reason(se *openapi3.SchemaError) string {
	if se.SchemaField == "enum" && se.Schema != nil {
		vals := make([]string, len(se.Schema.Enum))
		for i, v := range se.Schema.Enum {
			vals[i] = jsonText(v)
		}
		return fmt.Sprintf("%s is not one of [%s]", jsonText(se.Value), strings.Join(vals, ", "))
	}
	if se.Reason != "" {
		return se.Reason
	}
	return "does not match \"" + se.SchemaField + "\""
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func sameFile(a, b string) bool {
	return filepath.Clean(a) == filepath.Clean(b)
}
