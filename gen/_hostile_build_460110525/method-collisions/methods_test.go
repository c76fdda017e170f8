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
	// The schema ColorValues keeps its name; Color's value list and its
	// constant for "values" step aside.
	var _ ColorValues = "a string type"
	if got := ColorValues3(); len(got) != 3 || ColorValues2 != "values" || got[1] != ColorValues2 {
		t.Errorf("ColorValues3() = %q, ColorValues2 = %q", got, ColorValues2)
	}
}

// A property named like a default's getter keeps its name; the getter is
// renamed (LimitOrDefault2), and AppendJSON, a method, renames the field.
func TestGetterGivesWay(t *testing.T) {
	var r Record
	r.LimitOrDefault.Set(3)
	if r.LimitOrDefault2() != 10 {
		t.Errorf("LimitOrDefault2() = %d", r.LimitOrDefault2())
	}
	r.AppendJSON2.Set("x")
	if _, err := r.AppendJSON(nil); err != nil {
		t.Fatal(err)
	}
}
