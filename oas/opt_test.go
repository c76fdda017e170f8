package oas

import (
	"encoding/json"
	"testing"
)

type wire struct {
	Req  string                       `json:"req"`
	Opt  Opt[int64]                   `json:"opt,omitzero"`
	Null Nullable[string]             `json:"null,omitzero"`
	List Nullable[[]Nullable[string]] `json:"list,omitzero"`
}

func TestWrappersOnTheWire(t *testing.T) {
	tests := []struct {
		in, out string // out "" means: the same as in
		opt     string // "absent" or "value"
		null    string // "absent", "null" or "value"
	}{
		{in: `{"req":"r"}`, opt: "absent", null: "absent"},
		{in: `{"req":"r","opt":0}`, opt: "value", null: "absent"},
		{in: `{"req":"r","null":null}`, opt: "absent", null: "null"},
		{in: `{"req":"r","null":""}`, opt: "absent", null: "value"},
		{in: `{"req":"r","opt":-7,"null":"x"}`, opt: "value", null: "value"},
		{in: `{"req":"r","list":[null,"a"]}`, opt: "absent", null: "absent"},
		{in: `{"req":"r","list":null}`, opt: "absent", null: "absent"},
		// A server sending null for an optional non-nullable field does not
		// fail the call: the field reads as absent (and is omitted again).
		{in: `{"req":"r","opt":null}`, out: `{"req":"r"}`, opt: "absent", null: "absent"},
		{in: `{"req":"r", "opt" : 5 }`, out: `{"req":"r","opt":5}`, opt: "value", null: "absent"},
	}
	for _, tt := range tests {
		var w wire
		if err := json.Unmarshal([]byte(tt.in), &w); err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		opt := map[bool]string{false: "absent", true: "value"}[w.Opt.IsSet()]
		null := "absent"
		switch {
		case w.Null.IsNull():
			null = "null"
		case w.Null.IsSet():
			null = "value"
		}
		if opt != tt.opt || null != tt.null {
			t.Errorf("%s: opt %s, null %s; want %s, %s", tt.in, opt, null, tt.opt, tt.null)
		}
		out, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		want := tt.out
		if want == "" {
			want = tt.in
		}
		if string(out) != want {
			t.Errorf("%s: round trip gave %s, want %s", tt.in, out, want)
		}
	}
}

func TestWrapperAccessors(t *testing.T) {
	var o Opt[string]
	if v, ok := o.Get(); ok || v != "" || o.Or("d") != "d" || !o.IsZero() {
		t.Errorf("zero Opt: %q %v", v, ok)
	}
	o.Set("x")
	if v, ok := o.Get(); !ok || v != "x" || o.Or("d") != "x" || o.IsZero() {
		t.Errorf("set Opt: %q %v", v, ok)
	}
	o.Unset()
	if o.IsSet() {
		t.Error("Unset left the Opt set")
	}
	if Some(3) != (Opt[int]{value: 3, set: true}) {
		t.Error("Some")
	}

	n := Null[int]()
	if !n.IsNull() || !n.IsSet() || n.IsZero() || n.Or(9) != 9 {
		t.Errorf("Null: %+v", n)
	}
	n.Set(0)
	if v, ok := n.Get(); !ok || v != 0 || n.IsNull() {
		t.Errorf("Set(0): %v %v", v, ok)
	}
	n.SetNull()
	if _, ok := n.Get(); ok || !n.IsNull() {
		t.Error("SetNull")
	}
	n.Unset()
	if n.IsSet() || n.IsNull() || !n.IsZero() {
		t.Error("Unset")
	}
	// On their own (not as a struct field), absent encodes as null.
	for _, v := range []any{Opt[int]{}, Nullable[int]{}, Null[int]()} {
		if b, _ := json.Marshal(v); string(b) != "null" {
			t.Errorf("%#v encodes as %s", v, b)
		}
	}
	if err := json.Unmarshal([]byte(`"x"`), &n); err == nil {
		t.Error("decoding a string into Nullable[int] succeeded")
	}
}
