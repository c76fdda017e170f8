package stackonecore

// Compiled against the whole vendor spec's generated package by gen's
// TestEndToEnd: nullability, enums and defaults beyond the fragment in
// spec/connect_session.yaml.

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

var (
	_ oas.Nullable[bool]                    = ConnectSessionCreate{}.Multiple
	_ oas.Nullable[string]                  = ConnectSessionCreate{}.Label
	_ oas.Nullable[float64]                 = ConnectSessionCreate{}.ExpiresIn
	_ oas.Nullable[ProxyRequestBodyMethod]  = ProxyRequestBody{}.Method
	_ oas.Nullable[json.RawMessage]         = ProxyRequestBody{}.Headers
	_ oas.Nullable[ConnectorsMetaResources] = ConnectorsMeta{}.Resources // nullable allOf of one $ref
	_ oas.Nullable[[]StatusReason]          = LinkedAccount{}.StatusReasons
	_ LinkedAccountStatus                   = LinkedAccount{}.Status
	_ json.RawMessage                       = ConnectorsMeta{}.Models
	_ oas.Nullable[json.RawMessage]         = PatchAccountExternalDto{}.Label // type: object
)

func TestVendorDefaults(t *testing.T) {
	// The constructor sends what the caller set; defaults are read with
	// the getters, and sent only after ApplyDefaults.
	c := NewConnectSessionCreate("o", "n")
	out, _ := json.Marshal(c)
	if want := `{"origin_owner_id":"o","origin_owner_name":"n"}`; string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	if c.ExpiresInOrDefault() != 1800 || c.MultipleOrDefault() {
		t.Errorf("defaults: expires_in %v, multiple %v", c.ExpiresInOrDefault(), c.MultipleOrDefault())
	}
	c.ApplyDefaults()
	out, _ = json.Marshal(c)
	if want := `{"expires_in":1800,"multiple":false,"origin_owner_id":"o","origin_owner_name":"n"}`; string(out) != want {
		t.Errorf("after ApplyDefaults got  %s\nwant %s", out, want)
	}
	p := NewProxyRequestBody()
	if m := p.MethodOrDefault(); p.Method.IsSet() || m != ProxyRequestBodyMethodGet {
		t.Errorf("method default = %q", m)
	}
}

func TestVendorEnums(t *testing.T) {
	// null is listed in the method enum: it makes the field nullable and
	// is never a constant.
	if got := ProxyRequestBodyMethodValues(); !reflect.DeepEqual(got, []ProxyRequestBodyMethod{"get", "post", "put", "delete", "patch"}) {
		t.Errorf("ProxyRequestBodyMethodValues() = %q", got)
	}
	var p ProxyRequestBody
	if err := json.Unmarshal([]byte(`{"method":null}`), &p); err != nil || !p.Method.IsNull() {
		t.Errorf("method null: %v %+v", err, p.Method)
	}
	// Every enum in this spec says x-speakeasy-unknown-values: allow.
	var a LinkedAccount
	in := `{"created_at":"2025-01-01T00:00:00Z","id":"a","origin_owner_id":"o","origin_owner_name":"n","provider":"p","status":"suspended","updated_at":"2025-01-01T00:00:00Z"}`
	if err := json.Unmarshal([]byte(in), &a); err != nil {
		t.Fatal(err)
	}
	if a.Status != "suspended" || a.Status.IsKnown() || !LinkedAccountStatusActive.IsKnown() {
		t.Errorf("status = %q known=%v", a.Status, a.Status.IsKnown())
	}
	if err := a.Validate(); err != nil {
		t.Errorf("open enum rejected: %v", err)
	}
	out, _ := json.Marshal(a)
	if string(out) != in {
		t.Errorf("round trip\n in %s\nout %s", in, out)
	}
}
