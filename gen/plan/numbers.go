package plan

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
)

// Spec numbers reach the planner as float64 (kin-openapi's decoding) or,
// where load.Spec.Exact found the source text, as json.Number. Every
// decision about a number (is it whole, does it fit int64, is it this enum
// value) is made on its exact value, so 9007199254740993 stays itself.

// ratOf is v's exact value when v is a number.
func ratOf(v any) (*big.Rat, bool) {
	switch x := v.(type) {
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, false
		}
		return new(big.Rat).SetFloat64(x), true
	case json.Number:
		r, ok := new(big.Rat).SetString(string(x))
		return r, ok
	}
	return nil, false
}

// isNumber reports whether v is a spec number.
func isNumber(v any) bool {
	_, ok := ratOf(v)
	return ok
}

// intOf is v as an int64 when it is a whole number in int64's range.
func intOf(v any) (int64, bool) {
	r, ok := ratOf(v)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// uintOf is v as a uint64 when it is a whole number in uint64's range.
func uintOf(v any) (uint64, bool) {
	r, ok := ratOf(v)
	if !ok || !r.IsInt() || !r.Num().IsUint64() {
		return 0, false
	}
	return r.Num().Uint64(), true
}

// floatOf is v as the nearest float64.
func floatOf(v any) (float64, bool) {
	r, ok := ratOf(v)
	if !ok {
		return 0, false
	}
	f, _ := r.Float64()
	return f, true
}

// fitsBuiltin reports whether the number v is a value of the integer or
// float Go type b (an int32 default of 1e10 is not).
func fitsBuiltin(v any, b Builtin) bool {
	switch b {
	case Int64:
		_, ok := intOf(v)
		return ok
	case Int32:
		n, ok := intOf(v)
		return ok && n >= math.MinInt32 && n <= math.MaxInt32
	case Uint64:
		_, ok := uintOf(v)
		return ok
	case Uint32:
		n, ok := uintOf(v)
		return ok && n <= math.MaxUint32
	case Float64:
		return isNumber(v)
	}
	return false
}

// sameValue reports whether an enum constant's value and a spec value are
// the same JSON value (numbers compared exactly, whatever their spelling).
func sameValue(a, b any) bool {
	if ra, ok := ratOf(toSpecNumber(a)); ok {
		rb, ok := ratOf(b)
		return ok && ra.Cmp(rb) == 0
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// toSpecNumber turns an enum constant's int64 into a json.Number, so that
// ratOf reads it exactly.
func toSpecNumber(v any) any {
	if n, ok := v.(int64); ok {
		return json.Number(fmt.Sprint(n))
	}
	return v
}
