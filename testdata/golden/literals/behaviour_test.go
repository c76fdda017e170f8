package literals

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// Enum and const constants hold the spec's digits, beyond 2^53 too, and
// encode as exactly those digits.
func TestEnumConstantsAreExact(t *testing.T) {
	if BigN9007199254740993 != 9007199254740993 || BigN9223372036854775807 != math.MaxInt64 || BigMinus9223372036854775808 != math.MinInt64 {
		t.Errorf("constants %d %d %d", BigN9007199254740993, BigN9223372036854775807, BigMinus9223372036854775808)
	}
	if AnswerN9007199254740995 != 9007199254740995 {
		t.Errorf("const = %d", AnswerN9007199254740995)
	}
	for v, want := range map[any]string{
		BigN9007199254740993:    "9007199254740993",
		AnswerN9007199254740995: "9007199254740995",
		RatioN0_1:               "0.1",
	} {
		got, err := json.Marshal(v)
		if err != nil || string(got) != want {
			t.Errorf("encode %v = %s, %v; want %s", v, got, err, want)
		}
	}
	var b Big
	if err := json.Unmarshal([]byte("9007199254740993"), &b); err != nil || b != BigN9007199254740993 || !b.IsKnown() {
		t.Errorf("decode = %d, %v", b, err)
	}
	// The neighbour a float64 would confuse it with is not in the enum.
	if Big(9007199254740992).IsKnown() {
		t.Error("9007199254740992 is known")
	}
}

// Defaults keep their digits: int64 and uint64 beyond 2^53, an enum
// default beyond 2^53, a whole number written 12.0.
func TestDefaultsAreExact(t *testing.T) {
	var a Account
	a.ApplyDefaults()
	if a.Limit.Or(0) != 9007199254740993 || a.Unsigned.Or(0) != math.MaxUint64 || a.Big.Or(0) != BigN9007199254740993 ||
		a.Whole.Or(0) != 12 || a.Ratio.Or(0) != 0.30000000000000004 {
		t.Errorf("defaults %+v", a)
	}
	out, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"big":9007199254740993,"limit":9007199254740993,"ratio":0.30000000000000004,"unsigned":18446744073709551615,"whole":12}`
	if string(out) != want {
		t.Errorf("encoded\n %s\nwant\n %s", out, want)
	}
}

// Integer bounds compare exactly: one below a minimum of 2^53+1 fails,
// exclusive bounds beyond 2^53 exclude exactly their own value, and a
// multipleOf beyond 2^52 is checked on integers.
func TestBoundsAreExact(t *testing.T) {
	for _, c := range []struct {
		name string
		a    func(*Account)
		ok   bool
	}{
		{"id at minimum", func(a *Account) { a.ID.Set(9007199254740993) }, true},
		{"id below minimum", func(a *Account) { a.ID.Set(9007199254740992) }, false},
		{"id at maximum", func(a *Account) { a.ID.Set(math.MaxInt64) }, true},
		{"window at exclusive minimum", func(a *Account) { a.Window.Set(9007199254740992) }, false},
		{"window inside", func(a *Account) { a.Window.Set(9007199254740993) }, true},
		{"window below exclusive maximum", func(a *Account) { a.Window.Set(9007199254740994) }, true},
		{"window at exclusive maximum", func(a *Account) { a.Window.Set(9007199254740995) }, false},
		{"step multiple", func(a *Account) { a.Step.Set(2 * 4503599627370497) }, true},
		{"step off by one", func(a *Account) { a.Step.Set(2*4503599627370497 + 1) }, false},
		{"small in range", func(a *Account) { a.Small.Set(-5) }, true},
		{"small above maximum", func(a *Account) { a.Small.Set(1001) }, false},
	} {
		var a Account
		c.a(&a)
		err := a.Validate()
		var verr *oas.ValidationError
		if c.ok && err != nil || !c.ok && !errors.As(err, &verr) {
			t.Errorf("%s: Validate() = %v", c.name, err)
		}
	}
}

// Values beyond 2^53 round-trip through the struct exactly.
func TestRoundTrip(t *testing.T) {
	const in = `{"id":9007199254740995,"limit":9223372036854775807,"unsigned":18446744073709551615}`
	var a Account
	if err := json.Unmarshal([]byte(in), &a); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(a)
	if err != nil || string(out) != in {
		t.Errorf("round trip = %s, %v", out, err)
	}
}
