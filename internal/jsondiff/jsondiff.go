// Package jsondiff holds the differential checks the fuzz tests of the
// generated packages share: a generated type G must decode and encode
// exactly as encoding/json does on P, a method-less copy of it
// (type P G). Error presence is compared, not messages.
package jsondiff

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unsafe"
)

// Fast is what generated struct types implement.
type Fast interface {
	json.Marshaler
	AppendJSON([]byte) ([]byte, error)
}

// Decode decodes first (if not nil, a value both must accept) and then data
// into a G through its UnmarshalJSON and into a P through encoding/json,
// and compares errors and values. Values that decoded are then encoded
// and compared with Encode.
func Decode[G any, P any](t *testing.T, name string, first, data []byte) {
	t.Helper()
	var g G
	var p P
	gu := any(&g).(json.Unmarshaler)
	// encoding/json keeps what the second document does not mention (it
	// merges into structs and slice elements); so must we.
	if first != nil {
		errG, errP := gu.UnmarshalJSON(first), json.Unmarshal(first, &p)
		if errG != nil || errP != nil {
			t.Fatalf("%s: seed value does not decode: %v / %v", name, errG, errP)
		}
	}
	errG := gu.UnmarshalJSON(data)
	errP := json.Unmarshal(data, &p)
	if (errG == nil) != (errP == nil) {
		t.Fatalf("%s: decoding %q: generated error %v, encoding/json error %v", name, data, errG, errP)
	}
	if errG != nil {
		return
	}
	// P has G's memory layout: view it as a G to compare.
	pg := *(*G)(reflect.ValueOf(&p).UnsafePointer())
	// What the generated decoder knows beyond encoding/json (the required
	// members a document left out) is not part of the comparison.
	gc := g
	ClearAbsent(reflect.ValueOf(&gc).Elem())
	if !reflect.DeepEqual(gc, pg) {
		t.Fatalf("%s: decoding %q:\ngenerated     %#v\nencoding/json %#v", name, data, g, pg)
	}
	// Through encoding/json, which checks syntax first and then calls us.
	var viaStd G
	if first != nil {
		_ = json.Unmarshal(first, &viaStd)
	}
	if err := json.Unmarshal(data, &viaStd); err != nil || !reflect.DeepEqual(viaStd, g) {
		t.Fatalf("%s: json.Unmarshal into the generated type differs: %v", name, err)
	}
	// A decoded value leaves out on encoding the required members the
	// document left out (encoding/json writes their zero values), so the
	// encoders are compared on the value without that record.
	Encode(t, name, gc, p)
}

// Encode compares MarshalJSON and AppendJSON of g with encoding/json on p.
func Encode[G any, P any](t *testing.T, name string, g G, p P) {
	t.Helper()
	want, errW := json.Marshal(p)
	EncodeAs(t, name, g, want, errW)
}

// EncodeAs compares MarshalJSON and AppendJSON of g, and json.Marshal of
// g (which calls MarshalJSON), with the encoding an oracle gave (want, or
// an error errW).
func EncodeAs(t *testing.T, name string, g any, want []byte, errW error) {
	t.Helper()
	fj := g.(Fast)
	outG, errG := fj.MarshalJSON()
	if (errG == nil) != (errW == nil) {
		t.Fatalf("%s: encoding: generated error %v, oracle error %v", name, errG, errW)
	}
	if errG != nil {
		return
	}
	if !bytes.Equal(outG, want) {
		t.Fatalf("%s: encoding:\ngenerated %s\noracle    %s", name, outG, want)
	}
	app, err := fj.AppendJSON([]byte("prefix"))
	if err != nil || !bytes.Equal(app, append([]byte("prefix"), want...)) {
		t.Fatalf("%s: AppendJSON: %q, %v", name, app, err)
	}
	// encoding/json calling our MarshalJSON (it compacts and checks it).
	viaStd, err := json.Marshal(g)
	if err != nil || !bytes.Equal(viaStd, want) {
		t.Fatalf("%s: json.Marshal of the generated type: %s, %v", name, viaStd, err)
	}
}

// ClearAbsent zeroes, in the addressable v and everything it holds, the
// unexported "absent" fields in which generated decoders record the
// required members a document left out: encoding/json has no such state.
// Maps and slices are copied before they are changed, so a value v shares
// memory with is left alone.
func ClearAbsent(v reflect.Value) {
	clearAbsent(v, 0)
}

func clearAbsent(v reflect.Value, depth int) {
	if depth > 10000 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c := reflect.New(v.Type().Elem())
			c.Elem().Set(v.Elem())
			clearAbsent(c.Elem(), depth+1)
			v.Set(c)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
			}
			if v.Type().Field(i).Name == "absent" {
				f.SetZero()
				continue
			}
			clearAbsent(f, depth+1)
		}
	case reflect.Array:
		for i := range v.Len() {
			clearAbsent(v.Index(i), depth+1)
		}
	case reflect.Slice:
		if !v.IsNil() {
			c := reflect.MakeSlice(v.Type(), v.Len(), v.Cap())
			reflect.Copy(c, v)
			for i := range c.Len() {
				clearAbsent(c.Index(i), depth+1)
			}
			v.Set(c)
		}
	case reflect.Map:
		if !v.IsNil() {
			c := reflect.MakeMapWithSize(v.Type(), v.Len())
			it := v.MapRange()
			for it.Next() {
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(it.Value())
				clearAbsent(e, depth+1)
				c.SetMapIndex(it.Key(), e)
			}
			v.Set(c)
		}
	}
}
