package oasimpl

import (
	"errors"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestFormatOK(t *testing.T) {
	tests := []struct {
		format string
		ok     []string
		bad    []string
	}{
		{"date-time", []string{"2025-03-05T10:00:00Z", "2025-03-05T10:00:00.123+01:00"}, []string{"2025-03-05", "2025-03-05 10:00:00Z", ""}},
		{"date", []string{"2025-03-05"}, []string{"2025-3-5", "2025-02-30", "x"}},
		{"time", []string{"10:00:00Z", "23:59:59.5+02:00"}, []string{"25:00:00Z", "10:00"}},
		{"email", []string{"a@example.com", "first.last+tag@sub.example.org", `"quoted name"@example.com`},
			[]string{"a", "@example.com", "a@", "a..b@example.com", ".a@example.com", "a@localhost", "A <a@example.com>", "a b@example.com"}},
		{"uuid", []string{"7f0e9a6c-1c2b-4d3e-8f90-123456789abc", "7F0E9A6C-1C2B-4D3E-8F90-123456789ABC"},
			[]string{"7f0e9a6c1c2b4d3e8f90123456789abc", "7f0e9a6c-1c2b-4d3e-8f90-123456789abx", ""}},
		{"uri", []string{"https://api.stackone.com/v1?x=1#f", "urn:isbn:0451450523", "mailto:a@example.com", "http://[::1]:80/%20"},
			[]string{"/relative/path", "example.com", "1http://x", "http://a b", "http://x/%zz", ":nothing", ""}},
		{"hostname", []string{"example.com", "a-b.example.com.", "localhost"}, []string{"-a.com", "a..com", "a_b.com", ""}},
		{"ipv4", []string{"192.0.2.1"}, []string{"::1", "192.0.2.256"}},
		{"ipv6", []string{"::1", "2001:db8::1"}, []string{"192.0.2.1", "2001:db8:::1"}},
		{"unknown-format", []string{"anything", ""}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			for _, s := range tt.ok {
				if !FormatOK(s, tt.format) {
					t.Errorf("FormatOK(%q) = false, want true", s)
				}
			}
			for _, s := range tt.bad {
				if FormatOK(s, tt.format) {
					t.Errorf("FormatOK(%q) = true, want false", s)
				}
			}
		})
	}
}

// TestValidValuesAllocateNothing: generated Validate methods promise no
// allocation for valid values, so every check they call must keep it.
func TestValidValuesAllocateNothing(t *testing.T) {
	checks := map[string]func(v *Validator){
		"formats": func(v *Validator) {
			p := (*Path)(nil).Key("f")
			for _, c := range [][2]string{{"date-time", "2025-03-05T10:00:00Z"}, {"date", "2025-03-05"}, {"email", "a.b@example.com"},
				{"uuid", "7f0e9a6c-1c2b-4d3e-8f90-123456789abc"}, {"uri", "https://example.com/a?b=c"}, {"hostname", "api.example.com"},
				{"ipv4", "192.0.2.1"}, {"ipv6", "2001:db8::1"}} {
				v.Format(&p, c[1], c[0])
			}
		},
		"bounds": func(v *Validator) {
			root := (*Path)(nil).Key("a")
			p := root.Index(3)
			v.StringLen(&p, "héllo", 1, 5)
			v.Items(&p, 2, 1, 3)
			v.Properties(&p, 2, 0, 2)
			v.Minimum(&p, 1, 1, false)
			v.Maximum(&p, 1, 2, true)
			v.MultipleOf(&p, 1.5, 0.5)
		},
		"mark and rewind": func(v *Validator) { v.Rewind(v.Mark()) },
	}
	for name, check := range checks {
		var v Validator
		check(&v)
		if err := v.Err("T"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := testing.AllocsPerRun(50, func() { check(&v) }); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", name, n)
		}
	}
}

func TestViolationMessages(t *testing.T) {
	root := (*Path)(nil).Key("order")
	items := root.Key("lines")
	item := items.Index(2)
	sku := item.Key("sku")
	var v Validator
	v.Required(&sku)
	v.StringLen(&item, "abc", 4, -1)
	v.StringLen(&item, "abcdef", -1, 5)
	v.Items(&items, 0, 1, -1)
	v.Items(&items, 4, -1, 3)
	v.Properties(&root, 3, -1, 2)
	v.Minimum(&sku, 0.5, 1, false)
	v.Minimum(&sku, 1, 1, true)
	v.Maximum(&sku, 101, 100, false)
	v.Maximum(&sku, 100, 100, true)
	v.MultipleOf(&sku, 0.3, 0.5)
	v.Pattern(&sku, "ab", "^[A-Z]{3}$")
	v.NotInEnum(&item, "x", `["a", "b"]`)
	v.NotInEnum(&item, int64(7), `[1, 2, 3]`)
	v.NotInEnum(&item, 2.5, `[1.5]`)
	v.Format(&sku, "nope", "email")
	v.Required(nil)
	v.RequiredKey(&item, "qty")
	v.RequiredKey(nil, "id")
	want := []oas.Violation{
		{Path: "order.lines[2].sku", Message: "required"},
		{Path: "order.lines[2]", Message: "length 3 is less than minLength 4"},
		{Path: "order.lines[2]", Message: "length 6 is greater than maxLength 5"},
		{Path: "order.lines", Message: "0 items is less than minItems 1"},
		{Path: "order.lines", Message: "4 items is more than maxItems 3"},
		{Path: "order", Message: "3 properties is more than maxProperties 2"},
		{Path: "order.lines[2].sku", Message: "0.5 is less than minimum 1"},
		{Path: "order.lines[2].sku", Message: "1 is not greater than 1"},
		{Path: "order.lines[2].sku", Message: "101 is greater than maximum 100"},
		{Path: "order.lines[2].sku", Message: "100 is not less than 100"},
		{Path: "order.lines[2].sku", Message: "0.3 is not a multiple of 0.5"},
		{Path: "order.lines[2].sku", Message: `"ab" does not match pattern "^[A-Z]{3}$"`},
		{Path: "order.lines[2]", Message: `"x" is not one of ["a", "b"]`},
		{Path: "order.lines[2]", Message: `7 is not one of [1, 2, 3]`},
		{Path: "order.lines[2]", Message: `2.5 is not one of [1.5]`},
		{Path: "order.lines[2].sku", Message: `"nope" is not a valid email`},
		{Path: "", Message: "required"},
		{Path: "order.lines[2].qty", Message: "required"},
		{Path: "id", Message: "required"},
	}
	err := v.Err("Order")
	var verr *oas.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Err returned %T", err)
	}
	if verr.Type != "Order" || !reflect.DeepEqual(verr.Violations, want) {
		t.Errorf("got %s %q\nwant %q", verr.Type, verr.Violations, want)
	}
	if got := (&oas.ValidationError{Type: "T", Violations: want[:2]}).Error(); got != "T is invalid: order.lines[2].sku: required; order.lines[2]: length 3 is less than minLength 4" {
		t.Errorf("Error() = %s", got)
	}
}

func TestRewind(t *testing.T) {
	var v Validator
	p := (*Path)(nil).Key("a")
	v.Required(&p)
	mark := v.Mark()
	v.Required(&p)
	v.Required(&p)
	v.Rewind(mark)
	if v.Mark() != 1 {
		t.Fatalf("after Rewind: %d violations, want 1", v.Mark())
	}
	v.Rewind(5) // out of range: ignored
	if v.Mark() != 1 {
		t.Fatalf("Rewind(5) changed the count to %d", v.Mark())
	}
}

func TestMultipleOfPrecision(t *testing.T) {
	var v Validator
	p := (*Path)(nil).Key("price")
	// 0.3 / 0.1 is 2.9999999999999996 in float64: a decimal step must
	// still count as a multiple.
	for _, x := range []float64{0.3, 1.1, 19.99} {
		v.MultipleOf(&p, x, 0.01)
	}
	v.MultipleOf(&p, 0.3, 0.1)
	if err := v.Err("T"); err != nil {
		t.Errorf("%v", err)
	}
}

func TestUniqueItems(t *testing.T) {
	p := (*Path)(nil).Key("tags")
	var v Validator
	UniqueItems(&v, &p, []string{"a", "b", "a", "c", "b", "a"})
	UniqueItems(&v, &p, []oas.Nullable[int]{oas.Null[int](), oas.Value(1), oas.Null[int]()})
	long := make([]int, 100)
	for i := range long {
		long[i] = i
	}
	long[99] = 5
	UniqueItems(&v, &p, long)
	want := []oas.Violation{
		{Path: "tags", Message: "items 0 and 2 are equal (uniqueItems)"},
		{Path: "tags", Message: "items 1 and 4 are equal (uniqueItems)"},
		{Path: "tags", Message: "items 0 and 5 are equal (uniqueItems)"},
		{Path: "tags", Message: "items 0 and 2 are equal (uniqueItems)"},
		{Path: "tags", Message: "items 5 and 99 are equal (uniqueItems)"},
	}
	if !reflect.DeepEqual(v.violations, want) {
		t.Errorf("got %q\nwant %q", v.violations, want)
	}
	ok := []string{"a", "b", "c"}
	var v2 Validator
	if n := testing.AllocsPerRun(50, func() { UniqueItems(&v2, &p, ok) }); n != 0 || v2.Mark() != 0 {
		t.Errorf("unique items: %v allocations, %d violations", n, v2.Mark())
	}
}
