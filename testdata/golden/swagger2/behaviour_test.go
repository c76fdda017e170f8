package swagger2

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"testing"
)

// What the Swagger 2.0 document became: definitions are types (the allOf
// merged into Pet), body parameters are request bodies (raw_test.go).
var (
	_ int64  = Pet{}.ID
	_ string = Pet{}.Name
	_ int32  = Error{}.Code
)

func TestPetJSON(t *testing.T) {
	var p Pet
	if err := json.Unmarshal([]byte(`{"id":7,"name":"Rex","tag":"dog"}`), &p); err != nil {
		t.Fatal(err)
	}
	if tag, _ := p.Tag.Get(); p.ID != 7 || p.Name != "Rex" || tag != "dog" {
		t.Fatalf("%+v", p)
	}
	// Required means present: a decoded pet without a name is reported,
	// one with an empty name is not (the spec sets no minLength).
	var noName Pet
	if err := json.Unmarshal([]byte(`{"id":1}`), &noName); err != nil {
		t.Fatal(err)
	}
	if err := noName.Validate(); err == nil || err.Error() != "Pet is invalid: name: required" {
		t.Fatalf("Validate of a pet without its required name = %v", err)
	}
	if err := (Pet{ID: 1}).Validate(); err != nil {
		t.Fatalf("Validate of a pet built in Go with an empty name: %v", err)
	}
}
