package stackone

// Differential tests: the generated MarshalJSON/UnmarshalJSON/AppendJSON
// must behave exactly as encoding/json does on a method-less copy of the
// same type (type plainX X drops X's methods; the oas wrappers keep their
// reflection-based ones, so the copy is what the code did before).
//
// Compared: error presence (messages differ by design), decoded values,
// decoding on top of an already decoded value (encoding/json merges), and
// the encoded bytes of every successfully decoded value.

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

type (
	plainCreate        ConnectSessionCreate
	plainSession       ConnectSession
	plainAuthLink      ConnectSessionTokenAuthLink
	plainAuthenticate  ConnectSessionAuthenticate
	plainBadRequest    BadRequestResponse
	plainNotImplemeted NotImplementedResponse
)

// fastJSON is what the generated types implement.
type fastJSON interface {
	json.Marshaler
	AppendJSON([]byte) ([]byte, error)
}

// diffCase checks one generated type G against its plain copy P.
func diffCase[G any, P any](t *testing.T, name string, first, data []byte) {
	t.Helper()
	var g G
	var p P
	gu := any(&g).(json.Unmarshaler)
	// Decode a known value first, then data on top of it: encoding/json
	// keeps fields data does not mention, and so must we.
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
	// Same memory layout: view the plain value as the generated type.
	pg := *(*G)(reflect.ValueOf(&p).UnsafePointer())
	if !reflect.DeepEqual(g, pg) {
		t.Fatalf("%s: decoding %q:\ngenerated     %#v\nencoding/json %#v", name, data, g, pg)
	}
	// Through encoding/json, which validates first and then calls us.
	var viaStd G
	if first != nil {
		_ = json.Unmarshal(first, &viaStd)
	}
	if err := json.Unmarshal(data, &viaStd); err != nil || !reflect.DeepEqual(viaStd, g) {
		t.Fatalf("%s: json.Unmarshal into the generated type differs: %v", name, err)
	}
	diffEncode(t, name, g, p)
}

// diffEncode compares the generated encoders of g with encoding/json on p.
func diffEncode[G any, P any](t *testing.T, name string, g G, p P) {
	t.Helper()
	fj := any(g).(fastJSON)
	outG, errG := fj.MarshalJSON()
	outP, errP := json.Marshal(p)
	if (errG == nil) != (errP == nil) {
		t.Fatalf("%s: encoding: generated error %v, encoding/json error %v", name, errG, errP)
	}
	if errG != nil {
		return
	}
	if !bytes.Equal(outG, outP) {
		t.Fatalf("%s: encoding:\ngenerated     %s\nencoding/json %s", name, outG, outP)
	}
	prefix := []byte("prefix")
	app, err := fj.AppendJSON(prefix)
	if err != nil || !bytes.Equal(app, append([]byte("prefix"), outP...)) {
		t.Fatalf("%s: AppendJSON: %q, %v", name, app, err)
	}
	// encoding/json calling our MarshalJSON (compacts and checks it).
	viaStd, err := json.Marshal(g)
	if err != nil || !bytes.Equal(viaStd, outP) {
		t.Fatalf("%s: json.Marshal of the generated type: %s, %v", name, viaStd, err)
	}
}

const seedCreate = `{"account_id":"a","categories":["ats",null],"expires_in":5,"metadata":{"k":[1,2]},"origin_owner_id":"o","origin_owner_name":"n","provider":"p"}`
const seedSession = `{"account_id":null,"categories":["hris"],"created_at":"2024-01-02T03:04:05Z","id":1,"label":"l","organization_id":2,"origin_owner_id":"o","origin_owner_name":"n","project_id":"p","token":"t"}`
const seedError = `{"message":"m","statusCode":400,"timestamp":"2023-05-30T00:00:00.000Z"}`

func checkAllDecoders(t *testing.T, data []byte) {
	diffCase[ConnectSessionCreate, plainCreate](t, "ConnectSessionCreate", nil, data)
	diffCase[ConnectSessionCreate, plainCreate](t, "ConnectSessionCreate/merge", []byte(seedCreate), data)
	diffCase[ConnectSession, plainSession](t, "ConnectSession", nil, data)
	diffCase[ConnectSessionTokenAuthLink, plainAuthLink](t, "ConnectSessionTokenAuthLink", nil, data)
	diffCase[ConnectSessionTokenAuthLink, plainAuthLink](t, "ConnectSessionTokenAuthLink/merge", []byte(seedSession), data)
	diffCase[ConnectSessionAuthenticate, plainAuthenticate](t, "ConnectSessionAuthenticate", nil, data)
	diffCase[BadRequestResponse, plainBadRequest](t, "BadRequestResponse", nil, data)
	diffCase[NotImplementedResponse, plainNotImplemeted](t, "NotImplementedResponse/merge", []byte(seedError), data)
}

// decodeSeeds are hand-picked edge cases; testdata/fuzz holds more.
var decodeSeeds = []string{
	seedCreate, seedSession, seedError,
	`{}`, `null`, ` {"token" : "x" } `, `[]`, `"s"`, `1`, ``, ` `, `{`, `{"token":}`, `{"token":"x",}`, `{"token":"x"} x`,
	`{"TOKEN":"upper","Token":"mixed"}`, `{"token":"a","token":"b"}`, `{"toKen":"fold","token":"exact"}`,
	`{"origin_owner_\u0069d":"escaped key"}`, `{"ſcope":1,"K":2}`, `{"categories":null,"account_id":null,"expires_in":null}`,
	`{"origin_owner_id":null,"id":null,"created_at":null}`, `{"expires_in":1e400}`, `{"expires_in":-0}`, `{"id":1.7976931348623157e308}`,
	`{"expires_in":"1"}`, `{"origin_owner_id":1}`, `{"categories":"ats"}`, `{"categories":[1]}`, `{"categories":[]}`,
	`{"categories":["x-unknown","hris-legacy",null]}`, `{"metadata":  { "a" : [ true , null ] } }`, `{"metadata":null}`,
	`{"token":"\ud800\udc00 \ud800 \udc00\ud800 \u00e9 \"\\\/\b\f\n\r\t"}`, "{\"token\":\"\xff\xfe bad utf8 \xc3\"}",
	"{\"token\":\"ctl\x01\"}", `{"token":"\x"}`, `{"token":"\u12"}`, `{"created_at":"2024-13-01T00:00:00Z"}`,
	`{"created_at":"2024-01-01T00:00:00+01:00"}`, `{"created_at":1}`, `{"unknown":{"deep":[[[{}]]]},"token":"t"}`,
	`{"unknown":[1,2,}`, `{"unknown":tru}`, `{"unknown":nul}`, `{"unknown":01}`, `{"unknown":-}`, `{"unknown":1.}`, `{"unknown":1e}`,
	`{"id":123456789012345678901234567890}`, `{"token":"<script>&amp;\u2028\u2029"}`, `{"metadata":"<>&\u2028"}`,
}

func FuzzDecode(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAllDecoders(t, data)
	})
}

func TestDecodeSeeds(t *testing.T) {
	for _, s := range decodeSeeds {
		checkAllDecoders(t, []byte(s))
	}
}

// TestDecodeDepth: encoding/json rejects nesting deeper than 10000.
func TestDecodeDepth(t *testing.T) {
	for _, n := range []int{9999, 10000, 10001} {
		data := []byte(`{"metadata":` + string(bytes.Repeat([]byte("["), n-1)) + string(bytes.Repeat([]byte("]"), n-1)) + `}`)
		checkAllDecoders(t, data)
	}
}

// FuzzEncode builds values decoding cannot produce (invalid UTF-8, NaN,
// times outside RFC 3339, raw JSON that is not JSON) and compares the
// encoders.
func FuzzEncode(f *testing.F) {
	f.Add("a", "<b>&", "\xff\u2028", 1.5, int64(0), []byte(`{"a" : 1}`), uint8(0))
	f.Add("", "", "", math.NaN(), int64(-1<<62), []byte(`not json`), uint8(255))
	f.Add("x", "y", "z", 1e21, int64(253402300800), []byte(``), uint8(7))
	f.Add("\x00\x1f\x7f", "\"\\", "é", 1e-7, int64(-62135596801), []byte(" [ \"<\u2029>\" ] "), uint8(3))
	f.Add("s", "t", "u", math.Inf(1), int64(1), []byte(nil), uint8(1))
	f.Fuzz(func(t *testing.T, a, b, c string, fl float64, sec int64, raw []byte, mask uint8) {
		ts := time.Unix(sec, int64(mask)*1e6).In(time.FixedZone("z", int(mask)*60))
		cats := []oas.Nullable[ConnectSessionCreateCategories]{oas.Value(ConnectSessionCreateCategories(a)), oas.Null[ConnectSessionCreateCategories]()}
		if mask&64 != 0 {
			cats = nil
		}
		m := ConnectSessionCreate{OriginOwnerID: a, OriginOwnerName: b}
		opt := func(bit uint8, set func()) {
			if mask&bit != 0 {
				set()
			}
		}
		opt(1, func() { m.AccountID = oas.Value(c) })
		opt(2, func() { m.Categories = oas.Value(cats) })
		opt(4, func() { m.ExpiresIn = oas.Value(fl) })
		opt(8, func() { m.Metadata = oas.Value(json.RawMessage(raw)) })
		opt(16, func() { m.OriginUsername = oas.Null[string]() })
		opt(32, func() { m.Provider = oas.Value(a + b) })
		opt(128, func() { m.AccountID = oas.Null[string]() })
		diffEncode(t, "ConnectSessionCreate", m, plainCreate(m))

		l := ConnectSessionTokenAuthLink{AuthLinkURL: a, CreatedAt: ts, ID: fl, OrganizationID: -fl, Token: c}
		opt(2, func() { l.Categories = oas.Null[[]oas.Nullable[ConnectSessionTokenAuthLinkCategories]]() })
		opt(4, func() { l.Label = oas.Value(b) })
		diffEncode(t, "ConnectSessionTokenAuthLink", l, plainAuthLink(l))

		e := BadRequestResponse{Message: c, StatusCode: float64(float32(fl)), Timestamp: ts}
		diffEncode(t, "BadRequestResponse", e, plainBadRequest(e))
	})
}
