package main

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadDoc loads an OpenAPI document from text.
func loadDoc(t *testing.T, doc string) *openapi3.T {
	t.Helper()
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAjvFormats: examples breaking a format Prism checks and kin-openapi
// does not are refused, and the values synthesized for those formats
// pass.
func TestAjvFormats(t *testing.T) {
	y := &synth{request: true}
	for _, tc := range []struct {
		format, value string
		ok            bool
	}{
		{"duration", "TBD", false},
		{"duration", "P1DT2H", true},
		{"duration", "P", false},
		{"json-pointer", "#/a~1b", false},
		{"json-pointer", "/a~1b", true},
		{"relative-json-pointer", "2/foo/0", true},
		{"relative-json-pointer", "/foo", false},
		{"uri-template", "http://example.com/dictionary/{term:1}/{term}", true},
		{"uri-template", "http://example.com/{", false},
		{"regex", "/[Ee]xample/", true},
		{"regex", "(", false},
		{"regex", `^a\Z`, false},
		{"iri", "anything", true}, // ajv-formats has no iri
	} {
		s := &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: tc.format}
		if got := y.valid(s, tc.value); got != tc.ok {
			t.Errorf("%s %q: valid %v, want %v", tc.format, tc.value, got, tc.ok)
		}
	}
	for f := range ajvFormats {
		s := &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: f}
		if v, err := y.value(s.NewRef()); err != nil {
			t.Errorf("%s: synthesized %v: %v", f, v, err)
		}
	}
	// An example breaking the format is not used.
	s := &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "duration", Example: "TBD"}
	if v, err := y.value(s.NewRef()); err != nil || v == "TBD" {
		t.Errorf("value = %v, %v", v, err)
	}
}

// TestSynthDiscriminatorFreeString: a discriminator property that is a
// free string gets the mapping key of the alternative built, or its
// schema name when there is no mapping.
func TestSynthDiscriminatorFreeString(t *testing.T) {
	for _, mapping := range []string{
		`,"mapping":{"dog":"#/components/schemas/Dog","canine":"#/components/schemas/Dog","cat":"#/components/schemas/Cat"}`,
		`,"mapping":{"dog":"Dog","cat":"Cat"}`,
		``,
	} {
		d := loadDoc(t, `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
		  "Pet":{"oneOf":[{"$ref":"#/components/schemas/Dog"},{"$ref":"#/components/schemas/Cat"}],"discriminator":{"propertyName":"petType"`+mapping+`}},
		  "Dog":{"type":"object","required":["petType","bark"],"properties":{"petType":{"type":"string"},"bark":{"type":"boolean"}}},
		  "Cat":{"type":"object","required":["petType","meow"],"properties":{"petType":{"type":"string"},"meow":{"type":"integer"}}}}}}`)
		y := &synth{request: true}
		v, err := y.value(d.Components.Schemas["Pet"])
		if err != nil {
			t.Errorf("mapping %q: %v", mapping, err)
			continue
		}
		want := "canine" // the first key, in name order, for Dog
		if !strings.Contains(mapping, "canine") {
			want = map[bool]string{true: "dog", false: "Dog"}[mapping != ""]
		}
		if got := v.(map[string]any)["petType"]; got != want {
			t.Errorf("mapping %q: petType = %v, want %s", mapping, got, want)
		}
	}
}

// TestSynthRequiredBesideAllOf: a name required beside an allOf and
// declared by one of its members is filled, below the depth where
// optional properties are (PayPal's vault usage_type).
func TestSynthRequiredBesideAllOf(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
	  "Base":{"type":"object","properties":{"store_in_vault":{"type":"string","enum":["ON_SUCCESS"]}}},
	  "Vault":{"type":"object","required":["usage_type"],"allOf":[{"$ref":"#/components/schemas/Base"},
	    {"properties":{"description":{"type":"string"},"usage_type":{"type":"string","enum":["MERCHANT","PLATFORM"]}}}]},
	  "Deep":{"type":"object","required":["usage_type"],"allOf":[{"allOf":[{"$ref":"#/components/schemas/Base"},
	    {"properties":{"usage_type":{"type":"string"}}}]}]}}}}`)
	for _, name := range []string{"Vault", "Deep"} {
		y := &synth{request: true} // full 0: optional properties left out
		v, err := y.value(d.Components.Schemas[name])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		m := v.(map[string]any)
		if _, ok := m["usage_type"]; !ok {
			t.Errorf("%s: usage_type missing from %v", name, m)
		}
		if _, ok := m["description"]; ok {
			t.Errorf("%s: optional description filled at depth 0: %v", name, m)
		}
	}
	if r := d.Components.Schemas["Vault"].Value.AllOf[1].Value.Required; len(r) != 0 {
		t.Errorf("the member's own required was changed: %v", r)
	}
}

// TestSynthNumberIntegerFormat: a number whose format is an integer's
// is a whole number (the generated field is an int32 or int64).
func TestSynthNumberIntegerFormat(t *testing.T) {
	y := &synth{request: true}
	for _, f := range []string{"int32", "int64"} {
		s := &openapi3.Schema{Type: &openapi3.Types{"number"}, Format: f}
		if v := y.build(s, 0); v != float64(1) {
			t.Errorf("format %s: %v, want 1", f, v)
		}
	}
	s := &openapi3.Schema{Type: &openapi3.Types{"number"}, Format: "double"}
	if v := y.build(s, 0); v != 1.5 {
		t.Errorf("format double: %v, want 1.5", v)
	}
}
