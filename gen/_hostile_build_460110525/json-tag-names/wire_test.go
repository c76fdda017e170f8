package hostile

import (
	"encoding/json"
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
