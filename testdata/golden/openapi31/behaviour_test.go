package openapi31

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// Types the planner chose, checked at compile time: type arrays with null
// and oneOf/anyOf with a null member are Nullable; x-go-name renames a
// schema (User → Person) and a property (internal_code → Code); formats pick
// integer and float sizes; number without a format is float64.
var (
	_ oas.Nullable[string]     = Widget{}.Label
	_ oas.Nullable[string]     = Widget{}.Nickname
	_ oas.Nullable[WidgetMode] = Widget{}.Mode
	_ oas.Nullable[Person]     = Widget{}.Owner
	_ oas.Nullable[Person]     = Widget{}.BackupOwner
	_ oas.Opt[string]          = Widget{}.Code
	_ oas.Opt[int32]           = Widget{}.Count32
	_ oas.Opt[int64]           = Widget{}.Count64
	_ oas.Opt[int64]           = Widget{}.Count
	_ oas.Opt[uint32]          = Widget{}.CountU32
	_ oas.Opt[uint64]          = Widget{}.CountU64
	_ oas.Opt[float64]         = Widget{}.Ratio // format: float keeps every digit
	_ oas.Opt[float64]         = Widget{}.Precise
	_ oas.Opt[float64]         = Widget{}.Amount
	_ WidgetSize               = Widget{}.Size // from $defs
	_ string                   = Widget{}.ID   // allOf member Base
)

func TestEnumNullIsNotAConstant(t *testing.T) {
	if got := WidgetModeValues(); !reflect.DeepEqual(got, []WidgetMode{WidgetModeQuick, WidgetModeCareful}) {
		t.Errorf("WidgetModeValues() = %q", got)
	}
	if WidgetModeQuick != "fast" || WidgetModeCareful != "slow" {
		t.Error("x-enum-varnames not applied")
	}
	if got := WidgetKindValues(); !reflect.DeepEqual(got, []WidgetKind{"widget"}) {
		t.Errorf("const: WidgetKindValues() = %q", got)
	}
}

func newWidget() Widget {
	w := NewWidget("Gear", WidgetKindWidget, oas.Null[string](), WidgetSizeM, "s3cret")
	return w
}

func TestConstructorAndReadOnly(t *testing.T) {
	w := newWidget()
	// The constructor leaves defaults unsent; the getter reads them.
	if w.CountU64.IsSet() || w.CountU64OrDefault() != 10 {
		t.Errorf("count_u64 = %+v, default %d", w.CountU64, w.CountU64OrDefault())
	}
	// id is required but readOnly: not a constructor parameter, not
	// required by Validate, not sent while empty.
	if err := w.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	out, _ := json.Marshal(w)
	want := `{"name":"Gear","kind":"widget","nickname":null,"password":"s3cret","size":"M"}`
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

func TestWire(t *testing.T) {
	for _, in := range []string{
		`{"name":"Gear","id":"w1","kind":"widget","nickname":null,"size":"M"}`,
		`{"name":"Gear","created_by":null,"id":"w1","kind":"widget","label":null,"mode":null,"nickname":"g","owner":null,"size":"L"}`,
		`{"name":"Gear","backup_owner":{"name":"Ann"},"id":"w1","kind":"widget","mode":"fast","nickname":"g","owner":{"name":"Bob"},"size":"S"}`,
		`{"name":"Gear","either":[1,"two"],"id":"w1","internal_code":"c","kind":"widget","nickname":null,"payload":7,"shape":{"type":"circle","radius":2},"size":"XL"}`,
		`{"name":"Gear","count":9007199254740993,"count32":-5,"count64":1,"count_u32":4294967295,"count_u64":18446744073709551615,"id":"w1","kind":"widget","nickname":null,"precise":0.1,"ratio":0.5,"size":"S"}`,
	} {
		var w Widget
		if err := json.Unmarshal([]byte(in), &w); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != in {
			t.Errorf("round trip\n in %s\nout %s", in, out)
		}
	}
}

func TestNullableViaOneOf(t *testing.T) {
	var w Widget
	if err := json.Unmarshal([]byte(`{"owner":null,"backup_owner":{"name":"Ann"}}`), &w); err != nil {
		t.Fatal(err)
	}
	if !w.Owner.IsNull() {
		t.Error("owner: want null")
	}
	if p, ok := w.BackupOwner.Get(); !ok || p.Name != "Ann" {
		t.Errorf("backup_owner = %+v, %v", p, ok)
	}
	if w.Label.IsSet() {
		t.Error("label: want absent")
	}
}

func TestUnionWithNullMember(t *testing.T) {
	var w Widget
	if err := json.Unmarshal([]byte(`{"maybe_shape":null}`), &w); err != nil || !w.MaybeShape.IsNull() {
		t.Fatalf("maybe_shape null: %v %+v", err, w.MaybeShape)
	}
	if err := json.Unmarshal([]byte(`{"maybe_shape":{"type":"circle","radius":1}}`), &w); err != nil {
		t.Fatal(err)
	}
	s, _ := w.MaybeShape.Get()
	if x, err := s.Which(); err != nil || x.(Circle).Radius != 1 {
		t.Errorf("Which() = %#v, %v", x, err)
	}
}

func TestUnions(t *testing.T) {
	var w Widget
	if err := json.Unmarshal([]byte(`{"shape":{"type":"square","side":3},"payload":"text"}`), &w); err != nil {
		t.Fatal(err)
	}
	shape, _ := w.Shape.Get()
	x, err := shape.Which()
	if sq, ok := x.(Square); err != nil || !ok || sq.Side != 3 {
		t.Errorf("Which() = %#v, %v; want a Square", x, err)
	}
	payload, _ := w.Payload.Get()
	if x, err := payload.Which(); err != nil || x != "text" {
		t.Errorf("payload Which() = %#v, %v", x, err)
	}
	p, err := PayloadFromInt64(42)
	if err != nil {
		t.Fatal(err)
	}
	if x, err := p.Which(); err != nil || x != int64(42) {
		t.Errorf("PayloadFromInt64(42).Which() = %#v, %v", x, err)
	}

	bad := newWidget()
	circle, _ := ShapeFromCircle(Circle{Type: "circle", Radius: 0})
	bad.Shape.Set(circle)
	var tri Shape
	if err := json.Unmarshal([]byte(`{"type":"triangle"}`), &tri); err != nil {
		t.Fatal(err)
	}
	bad2 := newWidget()
	bad2.Shape.Set(tri)
	for _, tt := range []struct {
		w    Widget
		want string
	}{
		{bad, "Widget is invalid: shape.radius: 0 is not greater than 0"},
		{bad2, `Widget is invalid: shape: type "triangle" selects no known variant`},
	} {
		if err := tt.w.Validate(); err == nil || err.Error() != tt.want {
			t.Errorf("Validate() = %v\nwant %s", err, tt.want)
		}
	}
}

func TestUnionCopiesDoNotShareMemory(t *testing.T) {
	var a Payload
	if err := json.Unmarshal([]byte(`"first value"`), &a); err != nil {
		t.Fatal(err)
	}
	b := a
	if err := json.Unmarshal([]byte(`"other"`), &b); err != nil {
		t.Fatal(err)
	}
	if string(a.Raw()) != `"first value"` {
		t.Errorf("decoding into a copy changed the original: %s", a.Raw())
	}
}

func TestRequiredNullable(t *testing.T) {
	w := newWidget()
	w.Nickname.Unset()
	want := "Widget is invalid: nickname: required"
	if err := w.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
	w.Nickname.SetNull()
	if err := w.Validate(); err != nil {
		t.Errorf("null is a valid value of a required nullable field: %v", err)
	}
}
