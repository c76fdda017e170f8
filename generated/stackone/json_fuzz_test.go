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
	"testing"
	"time"

	"github.com/oasgen/oasgen/internal/jsondiff"
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

const seedCreate = `{"account_id":"a","categories":["ats",null],"expires_in":5,"metadata":{"k":[1,2]},"origin_owner_id":"o","origin_owner_name":"n","provider":"p"}`
const seedSession = `{"account_id":null,"categories":["hris"],"created_at":"2024-01-02T03:04:05Z","id":1,"label":"l","organization_id":2,"origin_owner_id":"o","origin_owner_name":"n","project_id":"p","token":"t"}`
const seedError = `{"message":"m","statusCode":400,"timestamp":"2023-05-30T00:00:00.000Z"}`

func checkAllDecoders(t *testing.T, data []byte) {
	jsondiff.Decode[ConnectSessionCreate, plainCreate](t, "ConnectSessionCreate", nil, data)
	jsondiff.Decode[ConnectSessionCreate, plainCreate](t, "ConnectSessionCreate/merge", []byte(seedCreate), data)
	jsondiff.Decode[ConnectSession, plainSession](t, "ConnectSession", nil, data)
	jsondiff.Decode[ConnectSessionTokenAuthLink, plainAuthLink](t, "ConnectSessionTokenAuthLink", nil, data)
	jsondiff.Decode[ConnectSessionTokenAuthLink, plainAuthLink](t, "ConnectSessionTokenAuthLink/merge", []byte(seedSession), data)
	jsondiff.Decode[ConnectSessionAuthenticate, plainAuthenticate](t, "ConnectSessionAuthenticate", nil, data)
	jsondiff.Decode[BadRequestResponse, plainBadRequest](t, "BadRequestResponse", nil, data)
	jsondiff.Decode[NotImplementedResponse, plainNotImplemeted](t, "NotImplementedResponse/merge", []byte(seedError), data)
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
		jsondiff.Encode(t, "ConnectSessionCreate", m, plainCreate(m))

		l := ConnectSessionTokenAuthLink{AuthLinkURL: a, CreatedAt: ts, ID: fl, OrganizationID: -fl, Token: c}
		opt(2, func() { l.Categories = oas.Null[[]oas.Nullable[ConnectSessionTokenAuthLinkCategories]]() })
		opt(4, func() { l.Label = oas.Value(b) })
		jsondiff.Encode(t, "ConnectSessionTokenAuthLink", l, plainAuthLink(l))

		e := BadRequestResponse{Message: c, StatusCode: float64(float32(fl)), Timestamp: ts}
		jsondiff.Encode(t, "BadRequestResponse", e, plainBadRequest(e))
	})
}
