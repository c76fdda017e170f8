package extensions

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/oasgen/oasgen/oas"
)

var (
	_ uuid.UUID               = Item{}.ID   // x-go-type with its import
	_ ThingID                 = uuid.UUID{} // the component is an alias
	_ Wait                    = time.Second
	_ oas.Opt[map[string]any] = Item{}.Raw
	_ oas.Opt[string]         = Item{}.Code // x-go-name on a property
	_ *Dimensions             = Item{}.Size // x-go-type-name
	_                         = []ItemLevel{ItemLevelLow, ItemLevelHigh}
)

// TestExternalTypeJSON: a uuid.UUID field keeps uuid's own JSON encoding,
// and x-order puts zeta before alpha on the wire.
func TestExternalTypeJSON(t *testing.T) {
	id := uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	it := NewItem(id)
	it.Zeta.Set("z")
	it.Alpha.Set("a")
	out, err := json.Marshal(it)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"zeta":"z","alpha":"a","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}`
	if string(out) != want {
		t.Fatalf("got  %s\nwant %s", out, want)
	}
}

// TestIgnoredGoType: an object whose x-go-type (string) cannot hold it is
// planned from its schema, so the object the server sends decodes and
// encodes back unchanged.
func TestIgnoredGoType(t *testing.T) {
	in := `{"id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8","tally":[1,2],"widget":{"id":"w1"}}`
	var it Item
	if err := json.Unmarshal([]byte(in), &it); err != nil {
		t.Fatal(err)
	}
	if w := it.Widget; w == nil || w.ID.Or("") != "w1" {
		t.Fatalf("widget: got %+v", it.Widget)
	}
	out, err := json.Marshal(it)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Fatalf("got  %s\nwant %s", out, in)
	}
}
