package hostile

import (
	"encoding/json"
	"slices"
	"testing"
)

// Every enum value reaches the code exactly as the spec wrote it, and
// round-trips through JSON unchanged.
func TestWeirdValuesKeptVerbatim(t *testing.T) {
	want := []Weird{"*/ panic(1) /*", "a\"b", "back`tick", "back\\slash", "new\nline", "sep\u2028arator", "nul\x00byte",
		"", "!!!", "...", "a-b", "a_b", "A B", "1st", "type", "func", "%d %s %v", "名前", "😀"}
	if got := WeirdValues(); !slices.Equal(got, want) {
		t.Fatalf("WeirdValues() = %q\nwant %q", got, want)
	}
	for _, v := range want {
		if !v.IsKnown() {
			t.Errorf("%q is not known", v)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back Weird
		if err := json.Unmarshal(b, &back); err != nil || back != v {
			t.Errorf("%q round-trips as %q (%v)", v, back, err)
		}
	}
	if Weird("*/").IsKnown() {
		t.Error("an unlisted value is known")
	}
}
