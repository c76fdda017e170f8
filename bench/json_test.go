// Package bench compares the JSON code oasgen generates with plain
// oapi-codegen types (encoding/json) and ogen's generated code, for the same
// spec, in one run. It is a separate module so that the main module never
// depends on ogen.
package bench

import (
	"encoding/json"
	"testing"

	"github.com/oasgen/oasgen/bench/oapi"
	"github.com/oasgen/oasgen/bench/ogen"
	"github.com/oasgen/oasgen/generated/stackone"
)

// createJSON is a typical ConnectSessionCreate request (213 bytes).
var createJSON = []byte(`{"account_id":"acc_123","categories":["ats","hris","crm"],"expires_in":1800,"metadata":{"source":"web"},"origin_owner_id":"owner_42","origin_owner_name":"Acme Inc","origin_username":"jane.do","provider":"workday"}`)

// authLinkJSON is a typical ConnectSessionTokenAuthLink response (353 bytes).
var authLinkJSON = []byte(`{"account_id":"acc_123","auth_link_url":"https://hub.stackone.com/connect?token=abc","categories":["ats","hris"],"created_at":"2024-05-30T12:34:56.789Z","id":42,"label":"Main","organization_id":7,"origin_owner_id":"owner_42","origin_owner_name":"Acme Inc","origin_username":"jane.d","project_id":"proj_1","provider":"workday","token":"tok_abcdef123456"}`)

func BenchmarkDecode(b *testing.B) {
	b.Run("type=ConnectSessionCreate/impl=oapi-codegen", func(b *testing.B) {
		loop(b, func() error {
			var v oapi.ConnectSessionCreate
			return json.Unmarshal(createJSON, &v)
		})
	})
	b.Run("type=ConnectSessionCreate/impl=ogen", func(b *testing.B) {
		loop(b, func() error {
			var v ogen.ConnectSessionCreate
			return v.UnmarshalJSON(createJSON)
		})
	})
	b.Run("type=ConnectSessionCreate/impl=oasgen", func(b *testing.B) {
		loop(b, func() error {
			var v stackone.ConnectSessionCreate
			return v.UnmarshalJSON(createJSON)
		})
	})
	b.Run("type=ConnectSessionTokenAuthLink/impl=oapi-codegen", func(b *testing.B) {
		loop(b, func() error {
			var v oapi.ConnectSessionTokenAuthLink
			return json.Unmarshal(authLinkJSON, &v)
		})
	})
	b.Run("type=ConnectSessionTokenAuthLink/impl=ogen", func(b *testing.B) {
		loop(b, func() error {
			var v ogen.ConnectSessionTokenAuthLink
			return v.UnmarshalJSON(authLinkJSON)
		})
	})
	b.Run("type=ConnectSessionTokenAuthLink/impl=oasgen", func(b *testing.B) {
		loop(b, func() error {
			var v stackone.ConnectSessionTokenAuthLink
			return v.UnmarshalJSON(authLinkJSON)
		})
	})
}

func decoded[T any](b *testing.B, data []byte) T {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	return v
}

func BenchmarkEncode(b *testing.B) {
	{
		a := decoded[oapi.ConnectSessionCreate](b, createJSON)
		var o ogen.ConnectSessionCreate
		if err := o.UnmarshalJSON(createJSON); err != nil {
			b.Fatal(err)
		}
		s := decoded[stackone.ConnectSessionCreate](b, createJSON)
		bench3(b, "ConnectSessionCreate", a, o.MarshalJSON, s)
	}
	{
		a := decoded[oapi.ConnectSessionTokenAuthLink](b, authLinkJSON)
		var o ogen.ConnectSessionTokenAuthLink
		if err := o.UnmarshalJSON(authLinkJSON); err != nil {
			b.Fatal(err)
		}
		s := decoded[stackone.ConnectSessionTokenAuthLink](b, authLinkJSON)
		bench3(b, "ConnectSessionTokenAuthLink", a, o.MarshalJSON, s)
	}
}

type appender interface {
	MarshalJSON() ([]byte, error)
	AppendJSON([]byte) ([]byte, error)
}

func bench3(b *testing.B, name string, plain any, ogenMarshal func() ([]byte, error), ours appender) {
	run := func(sub string, f func() ([]byte, error)) {
		b.Run("type="+name+"/impl="+sub, func(b *testing.B) {
			loop(b, func() error { _, err := f(); return err })
		})
	}
	run("oapi-codegen", func() ([]byte, error) { return json.Marshal(plain) })
	run("ogen", ogenMarshal)
	run("oasgen", ours.MarshalJSON)
	buf := make([]byte, 0, 1024)
	run("oasgen-append", func() ([]byte, error) { return ours.AppendJSON(buf[:0]) })
}
