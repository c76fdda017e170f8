package hostile

import (
	"encoding/json"
	"testing"
)

// Properties named after generated methods keep their JSON names and leave
// the methods working.
func TestFieldsNamedLikeMethods(t *testing.T) {
	var r Alias
	if err := json.Unmarshal([]byte(`{"validate":"v","validate_into":"i","apply_defaults":"a","additional_properties":"p"}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.Validate2 != "v" {
		t.Errorf("validate decoded as %q", r.Validate2)
	}
	if v, _ := r.ApplyDefaults2.Get(); v != "a" {
		t.Errorf("apply_defaults decoded as %q", v)
	}
	if err := r.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	r.ApplyDefaults()
	if len(ColorValues()) != 3 || ColorValues3 != "values" {
		t.Errorf("ColorValues() = %q, ColorValues3 = %q", ColorValues(), ColorValues3)
	}
}
