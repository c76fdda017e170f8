package swagger2

// Compiled against the generated package by gen's TestGoldenBuilds.

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
	if err := (Pet{ID: 1}).Validate(); err == nil {
		t.Fatal("Validate accepted a pet without its required name")
	}
}
