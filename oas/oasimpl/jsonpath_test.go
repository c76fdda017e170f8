package oasimpl

import (
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// A decode error names where in the document it is.
func TestJSONErrorPath(t *testing.T) {
	tests := []struct {
		doc  string
		want string // the path; decoding reads one object of {a: int64, l: [string]} shape
	}{
		{`{"a": "x"}`, "a"},
		{`{"n": {"m": 1}, "a": "x"}`, "a"},
		{`{"l": ["x", 2]}`, "l[1]"},
		{`{"o": {"deep": [1, {"k\"ey": tru}]}}`, `o.deep[1].k"ey`},
		{`[1, 2, "x"]`, "[2]"},
		{`{"a": 1,}`, ""},
		{`"x"`, ""},
	}
	for _, tt := range tests {
		d := NewDecoder([]byte(tt.doc))
		decodeShape(&d)
		err := d.End()
		je, ok := err.(*oas.JSONError)
		if !ok {
			t.Fatalf("%s: error %v, want a *oas.JSONError", tt.doc, err)
		}
		if je.Path != tt.want {
			t.Errorf("%s: path %q, want %q (%v)", tt.doc, je.Path, tt.want, err)
		}
	}
}

// decodeShape reads {"a": int64, "l": [string], "n"/"o": anything} or an
// array of int64, as generated code would.
func decodeShape(d *Decoder) {
	if d.peek() == '[' {
		if d.BeginArray() {
			for i := 0; d.More(i); i++ {
				d.Int64()
			}
		}
		return
	}
	if !d.BeginObject() {
		return
	}
	for first := true; ; first = false {
		key, ok := d.Key(first)
		if !ok {
			return
		}
		switch string(key) {
		case "a":
			d.Int64()
		case "l":
			if d.BeginArray() {
				for i := 0; d.More(i); i++ {
					_ = d.String()
				}
			}
		default:
			d.Skip()
		}
	}
}
