package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Exact gives back the source's digits wherever kin-openapi's float64
// spells the same number, in YAML and JSON, in flow and block style, nested
// in examples, and leaves everything else as kin-openapi decoded it.
func TestExact(t *testing.T) {
	const yamlDoc = `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    S:
      type: integer
      enum: [9007199254740993, 0x10, 2]
      default: 9007199254740993
      minimum: -9223372036854775808
      example:
        n: 9007199254740993
        list: [1.50, 12345678901234567890]
        s: "9007199254740993"
    R:
      $ref: '#/components/schemas/S'
    W:
      allOf:
        - $ref: '#/components/schemas/S'
          nullable: true
        - $ref: '#/components/schemas/S'
`
	const jsonDoc = `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
 "components": {"schemas": {"S": {"type": "integer", "enum": [9007199254740993, 2], "default": 9007199254740993,
  "minimum": -9223372036854775808, "example": {"n": 9007199254740993, "list": [1.50, 12345678901234567890], "s": "9007199254740993"}}}}}`
	for name, doc := range map[string]string{"x.yaml": yamlDoc, "x.json": jsonDoc} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Load(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			sch := s.Doc.Components.Schemas["S"].Value
			wantEnum := []any{json.Number("9007199254740993"), 16.0, json.Number("2")}
			if name == "x.json" {
				wantEnum = []any{json.Number("9007199254740993"), json.Number("2")}
			}
			for _, c := range []struct {
				kw   string
				v    any
				want any
			}{
				{"enum", sch.Enum, wantEnum}, // 0x10 is no JSON number: kept as kin-openapi read it
				{"default", sch.Default, json.Number("9007199254740993")},
				{"minimum", *sch.Min, json.Number("-9223372036854775808")},
				{"example", sch.Example, map[string]any{"n": json.Number("9007199254740993"),
					"list": []any{json.Number("1.50"), json.Number("12345678901234567890")}, "s": "9007199254740993"}},
				{"maximum", 1.0, 1.0}, // no such keyword: unchanged
			} {
				if got := s.Exact(sch, c.kw, c.v); !reflect.DeepEqual(got, c.want) {
					t.Errorf("Exact(%s) = %#v, want %#v", c.kw, got, c.want)
				}
			}
			if _, ok := sch.Example.(map[string]any)["n"].(float64); !ok {
				t.Error("Exact modified the document's value")
			}
		})
	}
}

// RefSibling finds what OpenAPI 3.0 ignores next to a $ref, and only there.
func TestRefSibling(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.yaml")
	doc := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: {type: string}\n" +
		"    R:\n      $ref: '#/components/schemas/S'\n" +
		"    W:\n      allOf:\n        - $ref: '#/components/schemas/S'\n          nullable: true\n        - $ref: '#/components/schemas/S'\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := s.Doc.Components.Schemas["W"].Value
	if !s.RefSiblingTrue(w.AllOf[0], "nullable") {
		t.Error("nullable next to the first $ref not found")
	}
	if s.RefSiblingTrue(w.AllOf[1], "nullable") || s.RefSiblingTrue(s.Doc.Components.Schemas["R"], "nullable") {
		t.Error("nullable found next to a $ref without one")
	}
}
