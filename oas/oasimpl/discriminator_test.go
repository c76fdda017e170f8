package oasimpl

import "testing"

func TestDiscriminator(t *testing.T) {
	tests := []struct {
		raw, want string
		fails     bool
	}{
		{`{"kind":"cat","lives":9}`, "cat", false},
		{`{"lives":9,"kind":"cat"}`, "cat", false},
		{`{"kind":"cat","kind":"dog"}`, "dog", false}, // the last wins
		{`{"Kind":"cat"}`, "", false},                 // names match exactly
		{`{"k\u0069nd":"cat"}`, "cat", false},         // escapes are decoded
		{`{"kind":null}`, "", false},
		{`{"other":{"kind":"nested"}}`, "", false},
		{`null`, "", false},
		{`{}`, "", false},
		{`{"kind":7}`, "", true},
		{`"cat"`, "", true},
		{`{"kind":"cat"`, "", true},
		{`{"kind":"cat"} x`, "", true},
		{``, "", true},
	}
	for _, tt := range tests {
		got, err := Discriminator([]byte(tt.raw), "kind")
		if (err != nil) != tt.fails || got != tt.want {
			t.Errorf("Discriminator(%s) = %q, %v; want %q, error %v", tt.raw, got, err, tt.want, tt.fails)
		}
	}
}
