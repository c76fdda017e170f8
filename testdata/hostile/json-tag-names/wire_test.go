package hostile

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// A property named "-" is sent and read under that name (a bare json:"-"
// tag would drop it).
func TestDashPropertyOnTheWire(t *testing.T) {
	b, err := json.Marshal(Tags{Field: oas.Some("x"), Omitempty: oas.Some("y")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"-":"x","omitempty":"y"}`; got != want {
		t.Fatalf("marshalled %s, want %s", got, want)
	}
	var back Tags
	if err := json.Unmarshal([]byte(`{"-":"z","sp ace":"s"}`), &back); err != nil {
		t.Fatal(err)
	}
	if v, ok := back.Field.Get(); !ok || v != "z" {
		t.Errorf(`"-" decoded as %q, %v`, v, ok)
	}
	if v, ok := back.SpAce.Get(); !ok || v != "s" {
		t.Errorf(`"sp ace" decoded as %q, %v`, v, ok)
	}
}

// A property name no json struct tag carries (a comma, a quote, a
// backslash: go vet rejects "a, b,omitzero", encoding/json cuts at the
// comma) leaves the name out of the field's tag; the generated JSON
// methods still read and write it as the spec spells it.
func TestNamesNoTagCarries(t *testing.T) {
	const doc = `{"a, b":"x","a, c":7,"a,b":"ab","a'b":"q","x,omitempty":"o","say \"hi\"":"hi","back\\slash":"b"}`
	var v Tags
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var got, want map[string]any
	json.Unmarshal(out, &got)
	json.Unmarshal([]byte(doc), &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-encoded %s\nwant %s", out, doc)
	}
	tags := map[string]string{}
	ty := reflect.TypeFor[Tags]()
	for i := range ty.NumField() {
		if f := ty.Field(i); f.IsExported() {
			tags[f.Name] = f.Tag.Get("json")
		}
	}
	wantTags := map[string]string{"AB": ",omitzero", "AB2": ",omitzero", "AB3": ",omitzero", "AC": ",omitzero", "Field": "-,,omitzero",
		"Omitempty": "omitempty,omitzero", "XOmitempty": ",omitzero", "SpAce": "sp ace,omitzero", "SayHi": ",omitzero", "BackSlash": ",omitzero"}
	if !reflect.DeepEqual(tags, wantTags) {
		t.Errorf("json tags %q\nwant %q", tags, wantTags)
	}
}

// A required property's field has no omitzero: its tag is empty, so there
// is none.
func TestRequiredNameNoTagCarries(t *testing.T) {
	f, _ := reflect.TypeFor[Req]().FieldByName("AB")
	if f.Tag != "" {
		t.Errorf("tag %q, want none", f.Tag)
	}
	b, err := json.Marshal(Req{AB: "x"})
	if err != nil || string(b) != `{"a, b":"x"}` {
		t.Errorf("marshalled %s (%v)", b, err)
	}
}
