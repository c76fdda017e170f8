package jsonfuzz

// Unions and structs with additional properties. A union field of
// Everything is covered by the differential tests in json_fuzz_test.go
// (its method-less copy still has the union's own methods); here are the
// union's As/From methods against encoding/json on the variant, and Bag,
// whose additional properties encoding/json has no equivalent for: its
// oracle is encoding/json decoding each member, in order, into the field
// of that exact name or else into the additional properties, and encoding
// the fields followed by the additional properties sorted by name.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/oasgen/oasgen/internal/jsondiff"
	"github.com/oasgen/oasgen/oas"
)

type (
	plainBag    Bag
	plainCircle Circle
	plainSquare Square
)

// refDecodeBag is the oracle for Bag.UnmarshalJSON on a zero Bag.
func refDecodeBag(data []byte) (Bag, error) {
	var b Bag
	if !json.Valid(data) {
		return b, errors.New("invalid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return b, err
	}
	if tok == nil { // null leaves the value alone
		return b, nil
	}
	if tok != json.Delim('{') {
		return b, errors.New("not an object")
	}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return b, err
		}
		k := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return b, err
		}
		switch k {
		case "a":
			err = json.Unmarshal(raw, &b.A)
		case "b":
			err = json.Unmarshal(raw, &b.B)
		default:
			var x oas.Nullable[int64]
			if err = json.Unmarshal(raw, &x); err == nil {
				if b.AdditionalProperties == nil {
					b.AdditionalProperties = map[string]oas.Nullable[int64]{}
				}
				b.AdditionalProperties[k] = x
			}
		}
		if err != nil {
			return b, err
		}
	}
	_, err = dec.Token() // the closing brace
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errors.New("data after the value")
		}
	}
	return b, err
}

// refEncodeBag is the oracle for Bag.MarshalJSON.
func refEncodeBag(b Bag) ([]byte, error) {
	out, err := json.Marshal(plainBag(b)) // the declared fields: AdditionalProperties is json:"-"
	if err != nil {
		return nil, err
	}
	out = out[:len(out)-1]
	keys := make([]string, 0, len(b.AdditionalProperties))
	for k := range b.AdditionalProperties {
		if k != "a" && k != "b" { // a property named like a field is the field
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if len(out) > 1 {
			out = append(out, ',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(b.AdditionalProperties[k])
		if err != nil {
			return nil, err
		}
		out = append(append(append(out, kb...), ':'), vb...)
	}
	return append(out, '}'), nil
}

func checkBag(t *testing.T, data []byte) {
	t.Helper()
	var got Bag
	errG := got.UnmarshalJSON(data)
	want, errW := refDecodeBag(data)
	if (errG == nil) != (errW == nil) {
		t.Fatalf("Bag: decoding %q: generated error %v, oracle error %v", data, errG, errW)
	}
	if errG != nil {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Bag: decoding %q:\ngenerated %#v\noracle    %#v", data, got, want)
	}
	var viaStd Bag
	if err := json.Unmarshal(data, &viaStd); err != nil || !reflect.DeepEqual(viaStd, got) {
		t.Fatalf("Bag: json.Unmarshal into Bag differs: %v", err)
	}
	encodeBag(t, got)
}

func encodeBag(t *testing.T, b Bag) {
	t.Helper()
	want, errW := refEncodeBag(b)
	jsondiff.EncodeAs(t, "Bag", b, want, errW)
	if errW != nil {
		return
	}
	// The encoding decodes back.
	var back Bag
	if err := back.UnmarshalJSON(want); err != nil {
		t.Fatalf("Bag: decoding its own encoding %s: %v", want, err)
	}
}

// checkUnionAs compares the As methods of a decoded union with
// encoding/json decoding the same JSON into the variant's type.
func checkUnionAs(t *testing.T, data []byte) {
	t.Helper()
	var e Either
	if e.UnmarshalJSON(data) != nil {
		return
	}
	asDiff(t, "Either.AsString", e.Raw(), func() (any, error) { return e.AsString() }, new(string))
	asDiff(t, "Either.AsInt64", e.Raw(), func() (any, error) { return e.AsInt64() }, new(int64))
	asDiff(t, "Either.AsStringList", e.Raw(), func() (any, error) { return e.AsStringList() }, new([]string))
	var s Shape
	if s.UnmarshalJSON(data) != nil {
		return
	}
	asDiff(t, "Shape.AsCircle", s.Raw(), func() (any, error) { c, err := s.AsCircle(); return plainCircle(c), err }, new(plainCircle))
	asDiff(t, "Shape.AsSquare", s.Raw(), func() (any, error) { q, err := s.AsSquare(); return plainSquare(q), err }, new(plainSquare))
}

func asDiff[P any](t *testing.T, name string, raw []byte, as func() (any, error), want *P) {
	t.Helper()
	got, errG := as()
	errW := json.Unmarshal(raw, want)
	if (errG == nil) != (errW == nil) {
		t.Fatalf("%s of %s: generated error %v, encoding/json error %v", name, raw, errG, errW)
	}
	if errG == nil {
		// The required members a document left out are ours to know.
		v := reflect.New(reflect.TypeOf(got)).Elem()
		v.Set(reflect.ValueOf(got))
		jsondiff.ClearAbsent(v)
		got = v.Interface()
	}
	if errG == nil && !reflect.DeepEqual(got, *want) {
		t.Fatalf("%s of %s:\ngenerated     %#v\nencoding/json %#v", name, raw, got, *want)
	}
}

var extraSeeds = []string{
	`{"a":1,"b":"x","c":3,"d":null}`, `{}`, `null`, `{"A":1}`, `{"a":1,"a":2}`, `{"c":1,"c":null}`, `{"c":"x"}`,
	`{"a":"x"}`, `{"c":1.5}`, `{"c":1e2}`, `{"\u0063":4,"é":5}`, `{"a":null,"b":null}`, `[]`, `{"c":1} x`,
	`{"c":9223372036854775808}`, `{"":0}`, `"circle"`, `7`, `["a",null]`, `[1]`, `{"kind":"circle","r":1.5}`,
	`{"kind":"square","side":2}`, `{"kind":"square","side":2.5}`, `{"kind":7}`, `{"KIND":"circle"}`, `{"r":null}`,
	`{"shape":{"kind":"circle","r":2},"either":["x"],"bag":{"a":1,"z":2},"bags":[{"y":null},null,{}]}`,
	`{"shape":null,"either":null,"bag":null,"bags":null}`, `{"shape":  { "kind" : "<&>" } ,"either":"\u2028"}`,
	`{"bag":{"a":1},"bag":{"z":2}}`, `{"bags":[{"a":1}],"bags":[{"b":"x"}]}`, `{"either":5,"either":"x"}`,
}

func checkExtras(t *testing.T, data []byte) {
	checkBag(t, data)
	checkUnionAs(t, data)
	jsondiff.Decode[Circle, plainCircle](t, "Circle", nil, data)
}

func FuzzDecodeUnionsAndExtras(f *testing.F) {
	for _, s := range append(extraSeeds, seeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkExtras(t, data)
		check(t, data) // Everything holds a union, an anyOf and Bags
	})
}

func TestDecodeUnionsAndExtrasSeeds(t *testing.T) {
	for _, s := range extraSeeds {
		checkExtras(t, []byte(s))
		check(t, []byte(s))
	}
}

// FuzzEncodeUnionsAndExtras builds unions with their From functions and
// Bags with additional properties, including names that are also fields,
// invalid UTF-8 and floats encoding/json refuses.
func FuzzEncodeUnionsAndExtras(f *testing.F) {
	f.Add("a", "\xff<>&\u2028", 1.5, int64(7), uint8(0xff))
	f.Add("", "b", math.NaN(), int64(-1), uint8(0))
	f.Add("c", "a", math.Inf(1), int64(1<<62), uint8(0x55))
	f.Fuzz(func(t *testing.T, s1, s2 string, fl float64, n int64, mask uint8) {
		on := func(bit int) bool { return mask&(1<<bit) != 0 }
		b := Bag{AdditionalProperties: map[string]oas.Nullable[int64]{s1: oas.Value(n), s2: oas.Null[int64]()}}
		if on(0) {
			b.A = oas.Some(n)
			b.B = oas.Some(s2)
		}
		if on(1) {
			b.AdditionalProperties = nil
		}
		encodeBag(t, b)

		fromDiff(t, "EitherFromString", func() (Either, error) { return EitherFromString(s1) }, s1)
		fromDiff(t, "EitherFromInt64", func() (Either, error) { return EitherFromInt64(n) }, n)
		list := []string{s1, s2}
		if on(2) {
			list = nil
		}
		fromDiff(t, "EitherFromStringList", func() (Either, error) { return EitherFromStringList(list) }, list)
		c := Circle{Kind: s1, R: oas.Some(fl)}
		fromDiff(t, "ShapeFromCircle", func() (Shape, error) { return ShapeFromCircle(c) }, plainCircle(c))

		m := Everything{Tags: Tags{}, Bag: &b}
		if on(3) {
			m.Bags = oas.Some([]Bag{b, {}})
		}
		if on(4) {
			if sh, err := ShapeFromCircle(c); err == nil {
				m.Shape = oas.Some(sh)
				m.RoShape = sh
			}
		}
		if on(5) {
			if e, err := EitherFromString(s2); err == nil {
				m.Either = oas.Some(e)
			}
		}
		if on(6) {
			m.Either = oas.Some(Either{}) // unset: null
		}
		if on(7) {
			// Empty but not nil: zero by its IsZero method (which omitzero
			// uses), not by reflection.
			m.RoShape = Shape{raw: json.RawMessage{}}
		}
		jsondiff.Encode(t, "Everything", m, plainEverything(m))
	})
}

// fromDiff compares a union built from v with encoding/json's encoding of
// v, and decodes it back.
func fromDiff[U interface {
	Raw() json.RawMessage
}](t *testing.T, name string, from func() (U, error), v any) {
	t.Helper()
	u, errG := from()
	want, errW := json.Marshal(v)
	if (errG == nil) != (errW == nil) {
		t.Fatalf("%s(%#v): generated error %v, encoding/json error %v", name, v, errG, errW)
	}
	if errG == nil && !bytes.Equal(u.Raw(), want) {
		t.Fatalf("%s(%#v):\ngenerated     %s\nencoding/json %s", name, v, u.Raw(), want)
	}
}
