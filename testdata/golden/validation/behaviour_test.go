package validation

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

func validOrder() Order {
	o := NewOrder("7f0e9a6c-1c2b-4d3e-8f90-123456789abc", StatusPaid, 3, []Line{{Sku: "s-1"}})
	o.Priority.Set(PriorityHigh)
	o.Tags.Set([]OrderTags{OrderTagsRed, OrderTagsBlue})
	o.Price.Set(9.5)
	o.Weight.Set(1.25)
	o.Email.Set("a@example.com")
	o.Code.Set("ABC")
	o.Name.Set("abc")
	o.Comment.SetNull()
	o.Counts.Set(map[string]int64{"a": 1, "b": 0})
	o.Created.Set(time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC))
	return o
}

// Integer formats and number formats pick the Go type.
var (
	_ int32   = Order{}.Quantity
	_ float64 = Order{}.Weight.Or(0) // format: float keeps every digit
	_ float64 = Order{}.Price.Or(0)
)

func decoded(js string) Order {
	var o Order
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		panic(err)
	}
	return o
}

func TestIntegerEnumIsInt64(t *testing.T) {
	if k := reflect.TypeOf(PriorityHigh).Kind(); k != reflect.Int64 {
		t.Errorf("Priority is over %v, want int64", k)
	}
}

func TestValidOrder(t *testing.T) {
	o := validOrder()
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = o.Validate() }); n != 0 {
		t.Errorf("Validate of a valid Order allocates %v times, want 0", n)
	}
}

func TestViolations(t *testing.T) {
	o := validOrder()
	o.ID = "not-a-uuid"
	o.Status = "lost"
	o.Priority.Set(7)
	o.Tags.Set([]OrderTags{"red", "blue", "pink", "green"})
	o.Quantity = 101
	o.Price.Set(0)
	o.Email.Set("nope")
	o.Code.Set("ab")
	o.Name.Set("a")
	o.Lines = []Line{{Sku: "ok"}, {}, {Sku: "s", Status: oas.Some[Status]("gone")}}
	o.Counts.Set(map[string]int64{"z": -1, "a": -2, "m": 0})
	want := []oas.Violation{
		{Path: "code", Message: `"ab" does not match pattern "^[A-Z]{3}$"`},
		{Path: "counts", Message: "3 properties is more than maxProperties 2"},
		{Path: "counts.a", Message: "-2 is less than minimum 0"},
		{Path: "counts.z", Message: "-1 is less than minimum 0"},
		{Path: "email", Message: `"nope" is not a valid email`},
		{Path: "id", Message: `"not-a-uuid" is not a valid uuid`},
		{Path: "lines[1].sku", Message: "length 0 is less than minLength 1"},
		{Path: "lines[2].status", Message: `"gone" is not one of ["pending", "paid", "shipped"]`},
		{Path: "name", Message: "length 1 is less than minLength 2"},
		{Path: "price", Message: "0 is not greater than 0"},
		{Path: "priority", Message: "7 is not one of [1, 2, 3]"},
		{Path: "quantity", Message: "101 is greater than maximum 100"},
		{Path: "status", Message: `"lost" is not one of ["pending", "paid", "shipped"]`},
		{Path: "tags", Message: "4 items is more than maxItems 3"},
		{Path: "tags[2]", Message: `"pink" is not one of ["red", "green", "blue"]`},
	}
	for run := range 20 { // map order is random: the report must not be
		err := o.Validate()
		var verr *oas.ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("Validate() = %v, want *oas.ValidationError", err)
		}
		if verr.Type != "Order" || !reflect.DeepEqual(verr.Violations, want) {
			t.Fatalf("run %d:\n got %q\nwant %q", run, verr.Violations, want)
		}
	}
}

func TestRequiredAndBounds(t *testing.T) {
	tests := []struct {
		name string
		m    interface{ Validate() error }
		want string
	}{
		// Built in Go, every plain field is sent: "" and 0 are values, checked
		// as such; a nil slice would be sent as null.
		{"zero Order", Order{}, `Order is invalid: id: "" is not a valid uuid; lines: required; quantity: 0 is less than minimum 1; status: "" is not one of ["pending", "paid", "shipped"]`},
		// Decoded, the document's missing members are reported as such.
		{"decoded empty Order", decoded(`{}`), "Order is invalid: id: required; lines: required; quantity: required; status: required"},
		{"decoded empty strings", decoded(`{"id":"","lines":[],"quantity":1,"status":""}`), `Order is invalid: id: "" is not a valid uuid; status: "" is not one of ["pending", "paid", "shipped"]`},
		{"missing but set since", func() Order {
			o := decoded(`{"lines":[],"status":"paid"}`)
			o.ID = "7f0e9a6c-1c2b-4d3e-8f90-123456789abc"
			o.Quantity = 2
			return o
		}(), ""},
		{"empty lines is present", NewOrder("7f0e9a6c-1c2b-4d3e-8f90-123456789abc", StatusPending, 1, []Line{}), ""},
		{"price not a multiple", func() Order { o := validOrder(); o.Price.Set(1.25); return o }(), "Order is invalid: price: 1.25 is not a multiple of 0.5"},
		{"repeated tags", func() Order { o := validOrder(); o.Tags.Set([]OrderTags{"red", "blue", "red"}); return o }(), "Order is invalid: tags: items 0 and 2 are equal (uniqueItems)"},
		{"too few tags", func() Order { o := validOrder(); o.Tags.Set([]OrderTags{}); return o }(), "Order is invalid: tags: 0 items is less than minItems 1"},
		{"name too long in characters", func() Order { o := validOrder(); o.Name.Set("éééééé"); return o }(), "Order is invalid: name: length 6 is greater than maxLength 5"},
		{"name of five runes", func() Order { o := validOrder(); o.Name.Set("ééééé"); return o }(), ""},
		{"closed enum on its own", Status("x"), `Status is invalid: "x" is not one of ["pending", "paid", "shipped"]`},
		{"line", Line{}, "Line is invalid: sku: length 0 is less than minLength 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.m.Validate()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate()\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestUnknownEnumKept: decoding never rejects a value outside a closed enum;
// IsKnown tells it apart and Validate reports it.
func TestUnknownEnumKept(t *testing.T) {
	in := `{"id":"7f0e9a6c-1c2b-4d3e-8f90-123456789abc","lines":[],"priority":4,"quantity":1,"status":"refunded","tags":["red","ultraviolet"]}`
	var o Order
	if err := json.Unmarshal([]byte(in), &o); err != nil {
		t.Fatal(err)
	}
	if o.Status != "refunded" || o.Status.IsKnown() || !StatusPaid.IsKnown() {
		t.Errorf("status = %q known=%v", o.Status, o.Status.IsKnown())
	}
	if p, _ := o.Priority.Get(); p != 4 || p.IsKnown() {
		t.Errorf("priority = %v known=%v", p, p.IsKnown())
	}
	out, _ := json.Marshal(o)
	if string(out) != in {
		t.Errorf("round trip\n in %s\nout %s", in, out)
	}
	want := `Order is invalid: priority: 4 is not one of [1, 2, 3]; status: "refunded" is not one of ["pending", "paid", "shipped"]; tags[1]: "ultraviolet" is not one of ["red", "green", "blue"]`
	if err := o.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v\nwant %s", err, want)
	}
}

// TestOptional: an optional non-nullable field is absent or a value.
func TestOptional(t *testing.T) {
	o := NewOrder("7f0e9a6c-1c2b-4d3e-8f90-123456789abc", StatusPending, 1, []Line{})
	// The constructor sends no default; the getter and ApplyDefaults give it.
	if o.Note.IsSet() || o.NoteOrDefault() != "none" {
		t.Errorf("note = %+v, default %q", o.Note, o.NoteOrDefault())
	}
	o.Quantity = 0
	out, _ := json.Marshal(o)
	if want := `{"id":"7f0e9a6c-1c2b-4d3e-8f90-123456789abc","lines":[],"quantity":0,"status":"pending"}`; string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	o.Note.Set("")
	out, _ = json.Marshal(o)
	if want := `{"id":"7f0e9a6c-1c2b-4d3e-8f90-123456789abc","lines":[],"note":"","quantity":0,"status":"pending"}`; string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}
