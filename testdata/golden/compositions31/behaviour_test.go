package compositions31

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// A member whose type list has "null" makes its allOf's use nullable; a
// member that does not keeps the use plain.
var (
	_ oas.Nullable[HolderInline] = Holder{}.Inline
	_ oas.Nullable[MaybeCat]     = Holder{}.Maybe
	_ *Cat                       = Holder{}.Cat
	_ oas.Nullable[Cat]          = Holder{}.Either
	_ oas.Opt[string]            = HolderInline{}.Name
)

func TestNullSurvives31(t *testing.T) {
	const in = `{"cat":{"lives":9},"either":null,"inline":null,"maybe":null}`
	var h Holder
	if err := json.Unmarshal([]byte(in), &h); err != nil {
		t.Fatal(err)
	}
	if !h.Inline.IsNull() || !h.Maybe.IsNull() || !h.Either.IsNull() || h.Cat == nil || h.Cat.Lives != 9 {
		t.Errorf("decoded %+v", h)
	}
	out, err := json.Marshal(h)
	if err != nil || string(out) != in {
		t.Errorf("encoded %s, %v; want %s", out, err, in)
	}
	const values = `{"either":{"lives":1},"inline":{"name":"n"},"maybe":{"lives":2}}`
	h = Holder{}
	if err := json.Unmarshal([]byte(values), &h); err != nil {
		t.Fatal(err)
	}
	if out, err := json.Marshal(h); err != nil || string(out) != values {
		t.Errorf("encoded %s, %v; want %s", out, err, values)
	}
}
