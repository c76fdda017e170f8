package oas

import (
	"bytes"
	"encoding/json"
)

// Opt is an optional field that is either absent or holds a value. Its zero
// value is absent. On the wire an absent Opt is omitted (the generated struct
// tags carry `omitzero`), a present one is encoded as its value.
//
// Opt never holds JSON null: a schema that allows null is generated as
// Nullable instead.
type Opt[T any] struct {
	value T
	set   bool
}

// Some returns a present Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{value: v, set: true} }

// Get returns the value and whether it is present.
func (o Opt[T]) Get() (T, bool) { return o.value, o.set }

// IsSet reports whether the value is present.
func (o Opt[T]) IsSet() bool { return o.set }

// IsZero reports whether the value is absent; encoding/json's omitzero uses it.
func (o Opt[T]) IsZero() bool { return !o.set }

// Or returns the value when present and def otherwise.
func (o Opt[T]) Or(def T) T {
	if o.set {
		return o.value
	}
	return def
}

// Set makes the value present and equal to v.
func (o *Opt[T]) Set(v T) { o.value, o.set = v, true }

// Unset makes the value absent.
func (o *Opt[T]) Unset() { *o = Opt[T]{} }

// MarshalJSON encodes the value. An absent Opt is normally omitted by its
// struct tag; encoded on its own it is null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if !o.set {
		return []byte("null"), nil
	}
	return json.Marshal(o.value)
}

// UnmarshalJSON decodes a present value. JSON null is accepted and leaves the
// value absent, as encoding/json does for a missing key, so that a server
// sending null for a non-nullable optional field does not fail a call.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		*o = Opt[T]{}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	o.value, o.set = v, true
	return nil
}

// Nullable is a field whose schema allows JSON null. It has three states:
// absent (the zero value), null, and a value. Each survives a decode/encode
// round trip unchanged: absent stays omitted, null stays null.
type Nullable[T any] struct {
	value T
	state nullState
}

type nullState uint8

const (
	nullAbsent nullState = iota
	nullNull
	nullValue
)

// Value returns a Nullable holding v.
func Value[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: nullValue} }

// Null returns a Nullable that is explicitly null.
func Null[T any]() Nullable[T] { return Nullable[T]{state: nullNull} }

// Get returns the value and whether there is one (false when absent or null).
func (n Nullable[T]) Get() (T, bool) { return n.value, n.state == nullValue }

// IsNull reports whether the value is explicitly null.
func (n Nullable[T]) IsNull() bool { return n.state == nullNull }

// IsSet reports whether the field is present, as a value or as null.
func (n Nullable[T]) IsSet() bool { return n.state != nullAbsent }

// IsZero reports whether the field is absent; encoding/json's omitzero uses it.
func (n Nullable[T]) IsZero() bool { return n.state == nullAbsent }

// Or returns the value when there is one and def otherwise.
func (n Nullable[T]) Or(def T) T {
	if n.state == nullValue {
		return n.value
	}
	return def
}

// Set makes the field hold v.
func (n *Nullable[T]) Set(v T) { n.value, n.state = v, nullValue }

// SetNull makes the field explicitly null.
func (n *Nullable[T]) SetNull() { *n = Nullable[T]{state: nullNull} }

// Unset makes the field absent.
func (n *Nullable[T]) Unset() { *n = Nullable[T]{} }

// MarshalJSON encodes null or the value. An absent Nullable is omitted by its
// struct tag; encoded on its own it is null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != nullValue {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON decodes null or a value. It is only called for keys present
// in the input, so a missing key stays absent.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		*n = Nullable[T]{state: nullNull}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	n.value, n.state = v, nullValue
	return nil
}

func isNull(data []byte) bool {
	return string(bytes.TrimSpace(data)) == "null"
}
