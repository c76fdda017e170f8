package oasimpl

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

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

// fieldsOf builds a Fields as the generator writes it (gen/emit's
// genJSONFields, through FieldsOrder).
func fieldsOf(names []string, fold bool) *Fields {
	f := &Fields{}
	for _, i := range FieldsOrder(names) {
		f.Sorted = append(f.Sorted, names[i])
		f.Index = append(f.Index, int32(i))
	}
	if fold {
		for _, n := range names {
			f.Folded = append(f.Folded, FoldName(n))
		}
	}
	return f
}

// Lookup finds what the string switch it replaced found: the field of
// that exact name, else (with Folded) FoldIndex's answer, else -1.
func TestFieldsLookup(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	letters := []string{"a", "b", "A", "_", "é", "ſ", "K", "k"}
	word := func() string {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(letters[r.IntN(len(letters))])
		}
		return b.String()
	}
	for range 2000 {
		seen := map[string]int{}
		var names []string
		for range r.IntN(12) {
			n := word()
			if _, dup := seen[n]; !dup {
				seen[n] = len(names)
				names = append(names, n)
			}
		}
		for _, fold := range []bool{false, true} {
			f := fieldsOf(names, fold)
			for range 20 {
				key := word()
				if r.IntN(3) == 0 && len(names) > 0 {
					key = names[r.IntN(len(names))]
				}
				want, ok := seen[key]
				if !ok {
					want = -1
					if fold {
						want = FoldIndex([]byte(key), f.Folded...)
					}
				}
				if got := f.Lookup([]byte(key)); got != want {
					t.Fatalf("names %q (fold %v): Lookup(%q) = %d, want %d", names, fold, key, got, want)
				}
			}
		}
	}
	if got := (&Fields{}).Lookup([]byte("a")); got != -1 {
		t.Errorf("empty Fields: Lookup = %d, want -1", got)
	}
}

func TestDecodeSlice(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		old      []string
		want     []string
		wantNil  bool
	}{
		{name: "null sets nil", in: `null`, old: []string{"a"}, wantNil: true},
		{name: "empty array is empty, not nil", in: `[]`, want: []string{}},
		{name: "elements", in: `["x","y"]`, want: []string{"x", "y"}},
		// encoding/json decodes into the existing elements: a null element
		// leaves the old string there.
		{name: "into the existing elements", in: `[null,"y"]`, old: []string{"a", "b", "c"}, want: []string{"a", "y"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder([]byte(tc.in))
			s := tc.old
			DecodeStrings(&s, &d)
			if err := d.End(); err != nil {
				t.Fatal(err)
			}
			if tc.wantNil != (s == nil) || !slices.Equal(s, tc.want) && !tc.wantNil {
				t.Errorf("got %#v, want %#v (nil: %v)", s, tc.want, tc.wantNil)
			}
		})
	}
	// Not an array: the slice is left alone and the error kept.
	d := NewDecoder([]byte(`{}`))
	s := []string{"a"}
	DecodeStrings(&s, &d)
	if d.Err() == nil || len(s) != 1 || s[0] != "a" {
		t.Errorf("object into a slice: err %v, slice %q", d.Err(), s)
	}
}

func TestDecodeOptNullable(t *testing.T) {
	var o oas.Opt[int64]
	var n oas.Nullable[int64]
	for _, tc := range []struct {
		in       string
		optSet   bool
		nullNull bool
	}{
		{`7`, true, false},
		{`null`, false, true},
	} {
		d := NewDecoder([]byte(tc.in))
		o = oas.Some[int64](1)
		DecodeOptInt64(&d, &o)
		d2 := NewDecoder([]byte(tc.in))
		n = oas.Value[int64](1)
		DecodeNullableInt64(&d2, &n)
		if err := errors.Join(d.End(), d2.End()); err != nil {
			t.Fatal(err)
		}
		if o.IsSet() != tc.optSet || n.IsNull() != tc.nullNull {
			t.Errorf("%s: Opt set %v, Nullable null %v", tc.in, o.IsSet(), n.IsNull())
		}
		if v, ok := o.Get(); ok && v != 7 {
			t.Errorf("%s: Opt holds %d", tc.in, v)
		}
	}
}

func TestAppendSlices(t *testing.T) {
	if got := string(AppendStrings([]byte("x"), nil)); got != "xnull" {
		t.Errorf("nil strings: %s", got)
	}
	if got := string(AppendStrings(nil, []string{"a", "<"})); got != `["a","\u003c"]` {
		t.Errorf("strings: %s", got)
	}
	if got, err := AppendSliceOf[rawItem](nil, []rawItem{"1", "{}"}); err != nil || string(got) != `[1,{}]` {
		t.Errorf("items: %s, %v", got, err)
	}
	if got, err := AppendSliceOf[rawItem](nil, nil); err != nil || string(got) != `null` {
		t.Errorf("nil items: %s, %v", got, err)
	}
	if _, err := AppendSliceOf[rawItem](nil, []rawItem{"1", ""}); err == nil {
		t.Error("an element's error is not returned")
	}
}

// rawItem appends itself; empty is an error.
type rawItem string

func (r rawItem) AppendJSON(dst []byte) ([]byte, error) {
	if r == "" {
		return nil, errors.New("empty")
	}
	return append(dst, r...), nil
}
