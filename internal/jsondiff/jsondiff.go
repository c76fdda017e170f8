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
	if !reflect.DeepEqual(g, pg) {
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
	Encode(t, name, g, p)
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
