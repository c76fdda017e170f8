package oasimpl

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// Shared JSON helpers for the common shapes of generated code: an optional
// or nullable field of a builtin type, a slice of strings or of generated
// types, encoding/json's case-insensitive member match. Before, the
// generator unrolled each of them at every field, and those copies were
// most of what a generated package cost to compile (docs/performance.md).
// Each keeps the semantics of the code it replaces, which are
// encoding/json's.

// Per-kind decoders for optional and nullable fields, one call per field.
// They are plain functions, not a generic one taking the reader as a
// function value: a *Decoder handed to a function value escapes, and the
// Decoder of every UnmarshalJSON would then be allocated. They are kept out
// of line (go:noinline) so that a field costs the compiler one call, not
// the inlined body; decoding a field pays one call for it.

// Per-kind decoders for plain fields (no Opt or Nullable wrapper), one
// call per field, as the ones for wrapped fields below: null leaves the
// field as it is, as encoding/json does. Each reports whether the member
// held a value (was not null), which a required member's presence bit
// records: null is no value for a field that cannot hold it.

// DecodePlainString decodes one member into a field of type string and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainString(d *Decoder, f *string) bool {
	if d.isNull() {
		return false
	}
	*f = d.String()
	return true
}

// DecodePlainInt64 decodes one member into a field of type int64 and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainInt64(d *Decoder, f *int64) bool {
	if d.isNull() {
		return false
	}
	*f = d.Int64()
	return true
}

// DecodePlainInt32 decodes one member into a field of type int32 and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainInt32(d *Decoder, f *int32) bool {
	if d.isNull() {
		return false
	}
	*f = d.Int32()
	return true
}

// DecodePlainUint64 decodes one member into a field of type uint64 and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainUint64(d *Decoder, f *uint64) bool {
	if d.isNull() {
		return false
	}
	*f = d.Uint64()
	return true
}

// DecodePlainUint32 decodes one member into a field of type uint32 and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainUint32(d *Decoder, f *uint32) bool {
	if d.isNull() {
		return false
	}
	*f = d.Uint32()
	return true
}

// DecodePlainFloat64 decodes one member into a field of type float64 and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainFloat64(d *Decoder, f *float64) bool {
	if d.isNull() {
		return false
	}
	*f = d.Float64()
	return true
}

// DecodePlainBool decodes one member into a field of type bool and
// reports whether it held a value: null leaves the field alone.
//
//go:noinline
func DecodePlainBool(d *Decoder, f *bool) bool {
	if d.isNull() {
		return false
	}
	*f = d.Bool()
	return true
}

// DecodePlainTime decodes one member into a time.Time field as its
// UnmarshalJSON does and reports whether it held a value: null leaves the
// field alone.
//
//go:noinline
func DecodePlainTime(d *Decoder, f *time.Time) bool {
	if d.isNull() {
		return false
	}
	d.Time(f)
	return true
}

// DecodeOptString decodes one member into an optional string field: null makes
// it absent.
//
//go:noinline
func DecodeOptString(d *Decoder, f *oas.Opt[string]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.String())
}

// DecodeNullableString decodes one member into a nullable string field: null makes
// it null.
//
//go:noinline
func DecodeNullableString(d *Decoder, f *oas.Nullable[string]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.String())
}

// DecodeOptInt64 decodes one member into an optional int64 field: null makes
// it absent.
//
//go:noinline
func DecodeOptInt64(d *Decoder, f *oas.Opt[int64]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Int64())
}

// DecodeNullableInt64 decodes one member into a nullable int64 field: null makes
// it null.
//
//go:noinline
func DecodeNullableInt64(d *Decoder, f *oas.Nullable[int64]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Int64())
}

// DecodeOptInt32 decodes one member into an optional int32 field: null makes
// it absent.
//
//go:noinline
func DecodeOptInt32(d *Decoder, f *oas.Opt[int32]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Int32())
}

// DecodeNullableInt32 decodes one member into a nullable int32 field: null makes
// it null.
//
//go:noinline
func DecodeNullableInt32(d *Decoder, f *oas.Nullable[int32]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Int32())
}

// DecodeOptUint64 decodes one member into an optional uint64 field: null makes
// it absent.
//
//go:noinline
func DecodeOptUint64(d *Decoder, f *oas.Opt[uint64]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Uint64())
}

// DecodeNullableUint64 decodes one member into a nullable uint64 field: null makes
// it null.
//
//go:noinline
func DecodeNullableUint64(d *Decoder, f *oas.Nullable[uint64]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Uint64())
}

// DecodeOptUint32 decodes one member into an optional uint32 field: null makes
// it absent.
//
//go:noinline
func DecodeOptUint32(d *Decoder, f *oas.Opt[uint32]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Uint32())
}

// DecodeNullableUint32 decodes one member into a nullable uint32 field: null makes
// it null.
//
//go:noinline
func DecodeNullableUint32(d *Decoder, f *oas.Nullable[uint32]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Uint32())
}

// DecodeOptFloat64 decodes one member into an optional float64 field: null makes
// it absent.
//
//go:noinline
func DecodeOptFloat64(d *Decoder, f *oas.Opt[float64]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Float64())
}

// DecodeNullableFloat64 decodes one member into a nullable float64 field: null makes
// it null.
//
//go:noinline
func DecodeNullableFloat64(d *Decoder, f *oas.Nullable[float64]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Float64())
}

// DecodeOptBool decodes one member into an optional bool field: null makes
// it absent.
//
//go:noinline
func DecodeOptBool(d *Decoder, f *oas.Opt[bool]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Bool())
}

// DecodeNullableBool decodes one member into a nullable bool field: null makes
// it null.
//
//go:noinline
func DecodeNullableBool(d *Decoder, f *oas.Nullable[bool]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Bool())
}

// DecodeOptTime decodes one member into an optional time.Time field: null makes
// it absent.
//
//go:noinline
func DecodeOptTime(d *Decoder, f *oas.Opt[time.Time]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(readTime(d))
}

// DecodeNullableTime decodes one member into a nullable time.Time field: null makes
// it null.
//
//go:noinline
func DecodeNullableTime(d *Decoder, f *oas.Nullable[time.Time]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(readTime(d))
}

// DecodeOptBytes decodes one member into an optional []byte field: null makes
// it absent.
//
//go:noinline
func DecodeOptBytes(d *Decoder, f *oas.Opt[[]byte]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.Bytes(nil))
}

// DecodeNullableBytes decodes one member into a nullable []byte field: null makes
// it null.
//
//go:noinline
func DecodeNullableBytes(d *Decoder, f *oas.Nullable[[]byte]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.Bytes(nil))
}

// DecodeOptRawMessage decodes one member into an optional json.RawMessage field: null makes
// it absent.
//
//go:noinline
func DecodeOptRawMessage(d *Decoder, f *oas.Opt[json.RawMessage]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(d.RawMessage(nil))
}

// DecodeNullableRawMessage decodes one member into a nullable json.RawMessage field: null makes
// it null.
//
//go:noinline
func DecodeNullableRawMessage(d *Decoder, f *oas.Nullable[json.RawMessage]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(d.RawMessage(nil))
}

// DecodeOptStrings decodes one member into an optional []string field: null makes
// it absent.
//
//go:noinline
func DecodeOptStrings(d *Decoder, f *oas.Opt[[]string]) {
	if d.isNull() {
		f.Unset()
		return
	}
	f.Set(readStrings(d))
}

// DecodeNullableStrings decodes one member into a nullable []string field: null makes
// it null.
//
//go:noinline
func DecodeNullableStrings(d *Decoder, f *oas.Nullable[[]string]) {
	if d.isNull() {
		f.SetNull()
		return
	}
	f.Set(readStrings(d))
}

// readTime reads a time.Time as its UnmarshalJSON does (the caller handles
// null).
func readTime(d *Decoder) time.Time {
	var t time.Time
	d.Time(&t)
	return t
}

// readStrings reads a JSON array of strings into a new slice, as
// DecodeStrings (the caller handles null).
func readStrings(d *Decoder) []string {
	var s []string
	DecodeStrings(&s, d)
	return s
}

// DecodeStrings decodes a JSON array of strings into *p as encoding/json
// does: null sets *p to nil; otherwise the existing elements are decoded
// into (a null element leaves one alone), a new slice is allocated once at
// its final length, and [] gives an empty, non-nil slice. When the value is
// not an array, *p is left alone and the error is kept in d.
//
//go:noinline
func DecodeStrings(p *[]string, d *Decoder) {
	if d.isNull() {
		*p = nil
		return
	}
	if !d.BeginArray() {
		return
	}
	s := (*p)[:0]
	if cap(s) == 0 {
		s = make([]string, 0, d.ArrayLen())
	}
	for i := 0; d.More(i); i++ {
		if len(s) == cap(s) {
			s = slices.Grow(s, 1)
		}
		s = s[:len(s)+1]
		if !d.isNull() {
			s[i] = d.String()
		}
	}
	if len(s) == 0 {
		s = []string{}
	}
	*p = s
}

// FoldIndex is encoding/json's case-insensitive fallback for an object key
// no field name matched exactly: the index of the first of folded (field
// names folded by FoldName, in field order) equal to the key folded by
// FoldKey, or -1. A table instead of a second string switch per struct:
// the fallback only runs for unknown members, and the switch cost as much
// to compile as the exact one.
func FoldIndex(key []byte, folded ...string) int {
	var buf [64]byte
	k := FoldKey(buf[:0], key)
	for i, f := range folded {
		if f == string(k) {
			return i
		}
	}
	return -1
}

// Fields is a struct's member names, for DecodeJSON's lookup of a name
// Decoder.KeyIs did not guess: data in place of a string switch per
// struct, which cost as much to compile as the rest of the decoder.
// Sorted holds the names by length, then bytes (the order a Go string
// switch searches in), and Index the field of each; Folded holds them
// folded by FoldName, in field order, for encoding/json's case-insensitive
// fallback, or is nil for a struct that takes any other name as an
// additional property (names are exact in JSON Schema).
type Fields struct {
	Sorted []string
	Index  []int32
	Folded []string
}

// FieldsOrder returns the indexes of names (a struct's member names, in
// field order) in the order Fields.Sorted holds them, which Lookup's
// binary search relies on: by length, then bytes. The generator builds
// each struct's table with it.
func FieldsOrder(names []string) []int {
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(names[a]), len(names[b])), strings.Compare(names[a], names[b]))
	})
	return order
}

// Lookup returns the index of the field key names, exactly or else (with
// Folded) as encoding/json matches a name case-insensitively, or -1.
func (f *Fields) Lookup(key []byte) int {
	lo, hi := 0, len(f.Sorted)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s := f.Sorted[mid]; len(s) < len(key) || len(s) == len(key) && s < string(key) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(f.Sorted) && f.Sorted[lo] == string(key) {
		return int(f.Index[lo])
	}
	if f.Folded == nil {
		return -1
	}
	return FoldIndex(key, f.Folded...)
}

// appendable is a generated type with an AppendJSON method.
type appendable interface {
	AppendJSON([]byte) ([]byte, error)
}

// AppendSliceOf appends s as a JSON array of generated values (null for a
// nil slice), as encoding/json encodes a slice; shared instead of a loop
// unrolled at every slice field.
func AppendSliceOf[T appendable](dst []byte, s []T) ([]byte, error) {
	if s == nil {
		return append(dst, "null"...), nil
	}
	dst = append(dst, '[')
	for i, x := range s {
		if i > 0 {
			dst = append(dst, ',')
		}
		start := len(dst)
		var err error
		if dst, err = x.AppendJSON(dst); err != nil {
			return nil, err
		}
		if i == 0 && len(s) > 1 {
			// Room for the rest, guessed from the first: a long slice
			// then grows once instead of a dozen times, each a copy.
			dst = slices.Grow(dst, (len(dst)-start+1)*(len(s)-1)*9/8+1)
		}
	}
	return append(dst, ']'), nil
}

// AppendStrings appends s as a JSON array of strings (null for a nil slice).
func AppendStrings(dst []byte, s []string) []byte {
	if s == nil {
		return append(dst, "null"...)
	}
	n := 2
	for _, x := range s {
		n += len(x) + 3 // quotes and comma; escapes may need more
	}
	dst = slices.Grow(dst, n)
	dst = append(dst, '[')
	for i, x := range s {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendString(dst, x)
	}
	return append(dst, ']')
}
