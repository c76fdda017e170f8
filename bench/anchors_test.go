package bench

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/bytedance/sonic"
	"github.com/go-faster/jx"
	gojson "github.com/goccy/go-json"

	"github.com/oasgen/oasgen/bench/oapi"
	"github.com/oasgen/oasgen/bench/ogen"
	"github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/oas/oasimpl"
)

// The general-purpose anchors: sonic and goccy/go-json, the fastest
// reflection/JIT-based JSON libraries for Go, on hand-written structs the
// way a careful Go programmer writes them (pointer optionals, the free-form
// metadata kept raw as ours keeps it).

type handCreate struct {
	AccountID       *string         `json:"account_id,omitempty"`
	Categories      *[]string       `json:"categories,omitempty"`
	ExpiresIn       *float64        `json:"expires_in,omitempty"`
	Metadata        json.RawMessage `json:"metadata,omitempty"`
	OriginOwnerID   string          `json:"origin_owner_id"`
	OriginOwnerName string          `json:"origin_owner_name"`
	OriginUsername  *string         `json:"origin_username,omitempty"`
	Provider        *string         `json:"provider,omitempty"`
}

type handSession struct {
	AccountID       *string   `json:"account_id,omitempty"`
	Categories      *[]string `json:"categories,omitempty"`
	CreatedAt       time.Time `json:"created_at"`
	ID              float64   `json:"id"`
	Label           *string   `json:"label,omitempty"`
	OrganizationID  float64   `json:"organization_id"`
	OriginOwnerID   string    `json:"origin_owner_id"`
	OriginOwnerName string    `json:"origin_owner_name"`
	OriginUsername  *string   `json:"origin_username,omitempty"`
	ProjectID       string    `json:"project_id"`
	Provider        *string   `json:"provider,omitempty"`
}

type handAuthLink struct {
	handSession
	AuthLinkURL string `json:"auth_link_url"`
	Token       string `json:"token"`
}

// listJSON is a list of 1,000 ConnectSessions (about 300 KB), the large
// response of the table, reported in MB/s. Times are whole seconds because
// ogen writes date-times without their fraction.
var listJSON = func() []byte {
	b := []byte{'['}
	for i := range 1000 {
		if i > 0 {
			b = append(b, ',')
		}
		n := strconv.Itoa(i)
		b = append(b, `{"account_id":"acc_`+n+`","categories":["ats","hris","crm"],"created_at":"2024-05-30T12:34:56Z","id":`+n+
			`,"label":"Main account number `+n+`","organization_id":7,"origin_owner_id":"owner_`+n+`","origin_owner_name":"Acme Inc \u00e9quipe `+n+
			`","origin_username":"jane.doe+`+n+`@example.com","project_id":"proj_`+n+`","provider":"workday"}`...)
	}
	return append(b, ']')
}()

// decodeList decodes a JSON array of ConnectSessions the way a generated
// slice field does: one slice at its final length, each element's
// DecodeJSON on the same decoder.
func decodeList(data []byte) ([]stackone.ConnectSession, error) {
	d := oasimpl.NewDecoder(data)
	var s []stackone.ConnectSession
	if !d.Null() && d.BeginArray() {
		s = make([]stackone.ConnectSession, d.ArrayLen())
		for i := 0; d.More(i); i++ {
			if i == len(s) {
				s = append(s, stackone.ConnectSession{})
			}
			s[i].DecodeJSON(&d)
		}
	}
	return s, d.End()
}

// appendList encodes a list as a generated slice field does: with
// oasimpl.AppendSliceOf, which generated code calls for a slice of
// generated types.
func appendList(dst []byte, s []stackone.ConnectSession) ([]byte, error) {
	return oasimpl.AppendSliceOf(dst, s)
}

func decodeOgenList(data []byte) ([]ogen.ConnectSession, error) {
	var s []ogen.ConnectSession
	err := jx.DecodeBytes(data).Arr(func(d *jx.Decoder) error {
		var v ogen.ConnectSession
		if err := v.Decode(d); err != nil {
			return err
		}
		s = append(s, v)
		return nil
	})
	return s, err
}

func encodeOgenList(s []ogen.ConnectSession) []byte {
	e := jx.Encoder{}
	e.ArrStart()
	for i := range s {
		s[i].Encode(&e)
	}
	e.ArrEnd()
	return e.Bytes()
}

func BenchmarkDecodeAnchors(b *testing.B) {
	decodeAnchors(b, "ConnectSessionCreate", createJSON, func() any { return new(handCreate) })
	decodeAnchors(b, "ConnectSessionTokenAuthLink", authLinkJSON, func() any { return new(handAuthLink) })
}

func decodeAnchors(b *testing.B, typ string, data []byte, v func() any) {
	b.Run("type="+typ+"/impl=sonic", func(b *testing.B) {
		loop(b, func() error { return sonic.Unmarshal(data, v()) })
	})
	b.Run("type="+typ+"/impl=go-json", func(b *testing.B) {
		loop(b, func() error { return gojson.Unmarshal(data, v()) })
	})
}

func BenchmarkEncodeAnchors(b *testing.B) {
	var c handCreate
	var a handAuthLink
	if err := json.Unmarshal(createJSON, &c); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(authLinkJSON, &a); err != nil {
		b.Fatal(err)
	}
	for _, x := range []struct {
		typ string
		v   any
	}{{"ConnectSessionCreate", &c}, {"ConnectSessionTokenAuthLink", &a}} {
		b.Run("type="+x.typ+"/impl=sonic", func(b *testing.B) {
			loop(b, func() error { _, err := sonic.Marshal(x.v); return err })
		})
		b.Run("type="+x.typ+"/impl=go-json", func(b *testing.B) {
			loop(b, func() error { _, err := gojson.Marshal(x.v); return err })
		})
	}
}

// BenchmarkList is the large payload, decoded and encoded by every
// implementation; b.SetBytes makes it report MB/s.
func BenchmarkList(b *testing.B) {
	const typ = "type=ConnectSessionList1000"
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(listJSON)))
			loop(b, f)
		})
	}
	run("op=decode/"+typ+"/impl=oapi-codegen", func() error {
		var s []oapi.ConnectSession
		return json.Unmarshal(listJSON, &s)
	})
	run("op=decode/"+typ+"/impl=ogen", func() error { _, err := decodeOgenList(listJSON); return err })
	run("op=decode/"+typ+"/impl=sonic", func() error {
		var s []handSession
		return sonic.Unmarshal(listJSON, &s)
	})
	run("op=decode/"+typ+"/impl=go-json", func() error {
		var s []handSession
		return gojson.Unmarshal(listJSON, &s)
	})
	run("op=decode/"+typ+"/impl=oasgen", func() error { _, err := decodeList(listJSON); return err })

	var plain []oapi.ConnectSession
	var hand []handSession
	if err := json.Unmarshal(listJSON, &plain); err != nil {
		b.Fatal(err)
	}
	if err := json.Unmarshal(listJSON, &hand); err != nil {
		b.Fatal(err)
	}
	og, err := decodeOgenList(listJSON)
	if err != nil {
		b.Fatal(err)
	}
	ours, err := decodeList(listJSON)
	if err != nil {
		b.Fatal(err)
	}
	run("op=encode/"+typ+"/impl=oapi-codegen", func() error { _, err := json.Marshal(plain); return err })
	run("op=encode/"+typ+"/impl=ogen", func() error { encodeOgenList(og); return nil })
	run("op=encode/"+typ+"/impl=sonic", func() error { _, err := sonic.Marshal(hand); return err })
	run("op=encode/"+typ+"/impl=go-json", func() error { _, err := gojson.Marshal(hand); return err })
	run("op=encode/"+typ+"/impl=oasgen", func() error { _, err := appendList(nil, ours); return err })
	buf := make([]byte, 0, 2*len(listJSON))
	run("op=encode/"+typ+"/impl=oasgen-append", func() error { _, err := appendList(buf[:0], ours); return err })
}

// TestListSame checks that every implementation reads the large payload
// as the same document, so the benchmark compares like with like.
func TestListSame(t *testing.T) {
	ours, err := decodeList(listJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(listJSON) < 250_000 || len(ours) != 1000 {
		t.Fatalf("list: %d bytes, %d items", len(listJSON), len(ours))
	}
	out, err := appendList(nil, ours)
	if err != nil {
		t.Fatal(err)
	}
	var want, got, viaOgen []handSession
	if err := json.Unmarshal(listJSON, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	og, err := decodeOgenList(listJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(encodeOgenList(og), &viaOgen); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(want)
	for name, x := range map[string][]handSession{"oasgen": got, "ogen": viaOgen} {
		if c, _ := json.Marshal(x); string(c) != string(a) {
			t.Errorf("%s: re-encoded list differs", name)
		}
	}
}
