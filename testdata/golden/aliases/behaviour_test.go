package aliases

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

var (
	_ json.RawMessage               = Free(nil)
	_ time.Time                     = When{}
	_ Shape                         = ShapeAlias{}
	_ Color                         = Paint("")
	_ oas.Nullable[json.RawMessage] = Holder{}.Nfree
)

func TestAliasesOnTheWire(t *testing.T) {
	in := `{"free":{"a":[1,2.50]},"nfree":null,"paint":"blue","shape":"s","tags":["x"],"when":"2025-01-01T00:00:00Z"}`
	var h Holder
	if err := json.Unmarshal([]byte(in), &h); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(h)
	if string(out) != in {
		t.Errorf("\n in %s\nout %s", in, out)
	}
	if p, _ := h.Paint.Get(); p.IsKnown() {
		t.Error("blue is not a known Paint")
	}
	want := `Holder is invalid: paint: "blue" is not one of ["red", "green"]`
	if err := h.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
}

func TestAliasValidation(t *testing.T) {
	want := "Holder is invalid: free: required; tags: required"
	if err := (Holder{}).Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
	h := NewHolder(Free(`{}`), Tags{"long"})
	want = "Holder is invalid: tags[0]: length 4 is greater than maxLength 3"
	if err := h.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
	if err := (Tags{}).Validate(); err == nil || err.Error() != "Tags is invalid: 0 items is less than minItems 1" {
		t.Errorf("Tags{}.Validate() = %v", err)
	}
}
