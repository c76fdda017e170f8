package oasimpl

import "testing"

func TestFoldIndex(t *testing.T) {
	// Field names folded as the generator folds them, in field order; the
	// second "ID" folds like the first, which encoding/json prefers.
	folded := []string{FoldName("name"), FoldName("Id"), FoldName("id"), FoldName("ſkip")}
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"NAME", 0},
		{"nAmE", 0},
		{"iD", 1},
		{"SKIP", 3}, // ſ (long s) folds to S
		{"skip", 3},
		{"other", -1},
		{"", -1},
	} {
		if got := FoldIndex([]byte(tc.key), folded...); got != tc.want {
			t.Errorf("FoldIndex(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
}
