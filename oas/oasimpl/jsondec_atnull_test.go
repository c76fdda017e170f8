package oasimpl

import "testing"

func TestAtNull(t *testing.T) {
	for in, want := range map[string]bool{`null`: true, `  null`: true, `"null"`: false, `1`: false, ``: false, `{}`: false} {
		d := NewDecoder([]byte(in))
		if got := d.AtNull(); got != want {
			t.Errorf("AtNull(%q) = %v, want %v", in, got, want)
		}
		// Nothing is consumed: the value still decodes.
		if want && !d.Null() {
			t.Errorf("%q: null was consumed by AtNull", in)
		}
	}
}
