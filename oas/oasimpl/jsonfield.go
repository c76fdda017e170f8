package oasimpl

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// Shared decoders for the common shapes of a generated DecodeJSON: an
// optional or nullable field, a slice of a type with DecodeJSON or of a
// builtin. Before, the generator unrolled each of them at every field, and
// those copies were most of what a generated package cost to compile (see
// docs/performance.md). One generic function per element type, instantiated
// once per package, does the same work; the element decoders are passed as
// function values (a method expression or one of the functions below), so
// nothing allocates.
//
// Each one keeps the semantics of the code it replaces, which are
// encoding/json's: null leaves a string, number, boolean, time or struct
// alone and sets a slice, map or []byte to nil; a slice decodes into its
// existing elements.

// DecodeOpt decodes one member into an optional field: null makes it
// absent; a value is decoded into a new T, which replaces the old one.
func DecodeOpt[T any](d *Decoder, o *oas.Opt[T], dec func(*T, *Decoder)) {
	if d.Null() {
		o.Unset()
		return
	}
	var x T
	dec(&x, d)
	o.Set(x)
}

// DecodeNullable decodes one member into a nullable field: null makes it
// null; a value is decoded into a new T, which replaces the old one.
func DecodeNullable[T any](d *Decoder, n *oas.Nullable[T], dec func(*T, *Decoder)) {
	if d.Null() {
		n.SetNull()
		return
	}
	var x T
	dec(&x, d)
	n.Set(x)
}

// DecodeSlice decodes a JSON array into *p with dec per element: null sets
// *p to nil; otherwise the existing elements are decoded into (as
// encoding/json does), a new slice is allocated once at its final length,
// and [] gives an empty, non-nil slice. When the value is not an array, *p
// is left alone and the error is kept in d.
func DecodeSlice[T any](p *[]T, d *Decoder, dec func(*T, *Decoder)) {
	if d.Null() {
		*p = nil
		return
	}
	if !d.BeginArray() {
		return
	}
	s := (*p)[:0]
	if cap(s) == 0 {
		s = make([]T, 0, d.ArrayLen())
	}
	for i := 0; d.More(i); i++ {
		if len(s) == cap(s) {
			s = slices.Grow(s, 1)
		}
		s = s[:len(s)+1]
		dec(&s[i], d)
	}
	if len(s) == 0 {
		s = []T{}
	}
	*p = s
}

// decodable is a generated type with a DecodeJSON method.
type decodable[T any] interface {
	*T
	DecodeJSON(*Decoder)
}

// DecodeSliceOf decodes a JSON array of generated values into *p, as
// DecodeSlice with each element's DecodeJSON; as a function value
// (DecodeSliceOf[T]) it is the element decoder of an optional slice field.
func DecodeSliceOf[T any, P decodable[T]](p *[]T, d *Decoder) {
	DecodeSlice(p, d, func(x *T, d *Decoder) { P(x).DecodeJSON(d) })
}

// DecodeStrings decodes a JSON array of strings into *p, as DecodeSlice.
func DecodeStrings(p *[]string, d *Decoder) { DecodeSlice(p, d, DecodeString) }

// DecodeString decodes a string into *p; null leaves it alone.
func DecodeString(p *string, d *Decoder) {
	if !d.Null() {
		*p = d.String()
	}
}

// DecodeInt64 decodes an int64 into *p; null leaves it alone.
func DecodeInt64(p *int64, d *Decoder) {
	if !d.Null() {
		*p = d.Int64()
	}
}

// DecodeInt32 decodes an int32 into *p; null leaves it alone.
func DecodeInt32(p *int32, d *Decoder) {
	if !d.Null() {
		*p = d.Int32()
	}
}

// DecodeUint64 decodes a uint64 into *p; null leaves it alone.
func DecodeUint64(p *uint64, d *Decoder) {
	if !d.Null() {
		*p = d.Uint64()
	}
}

// DecodeUint32 decodes a uint32 into *p; null leaves it alone.
func DecodeUint32(p *uint32, d *Decoder) {
	if !d.Null() {
		*p = d.Uint32()
	}
}

// DecodeFloat64 decodes a float64 into *p; null leaves it alone.
func DecodeFloat64(p *float64, d *Decoder) {
	if !d.Null() {
		*p = d.Float64()
	}
}

// DecodeBool decodes a bool into *p; null leaves it alone.
func DecodeBool(p *bool, d *Decoder) {
	if !d.Null() {
		*p = d.Bool()
	}
}

// DecodeTime decodes a time.Time into *p as its UnmarshalJSON does (null
// leaves it alone).
func DecodeTime(p *time.Time, d *Decoder) { d.Time(p) }

// DecodeBytes decodes a []byte into *p as encoding/json does: null sets it
// to nil, otherwise Bytes.
func DecodeBytes(p *[]byte, d *Decoder) {
	if d.Null() {
		*p = nil
		return
	}
	*p = d.Bytes(*p)
}

// DecodeRawMessage decodes any value into *p as json.RawMessage's
// UnmarshalJSON does (null is kept as null).
func DecodeRawMessage(p *json.RawMessage, d *Decoder) { *p = d.RawMessage(*p) }

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
		var err error
		if dst, err = x.AppendJSON(dst); err != nil {
			return nil, err
		}
	}
	return append(dst, ']'), nil
}

// AppendStrings appends s as a JSON array of strings (null for a nil slice).
func AppendStrings(dst []byte, s []string) []byte {
	if s == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, x := range s {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendString(dst, x)
	}
	return append(dst, ']')
}
