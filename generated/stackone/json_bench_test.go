package stackone

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The JSON numbers against ogen and plain oapi-codegen are in the bench
// module (../../bench); these are the ones that need no peer: Validate and
// the client's overhead over a hand-written net/http call.

var benchCreate = []byte(`{"account_id":"acc_123","categories":["ats","hris","crm"],"expires_in":1800,"metadata":{"source":"web"},"origin_owner_id":"owner_42","origin_owner_name":"Acme Inc","origin_username":"jane.do","provider":"workday"}`)

var benchAuthLink = []byte(`{"account_id":"acc_123","auth_link_url":"https://hub.stackone.com/connect?token=abc","categories":["ats","hris"],"created_at":"2024-05-30T12:34:56.789Z","id":42,"label":"Main","organization_id":7,"origin_owner_id":"owner_42","origin_owner_name":"Acme Inc","origin_username":"jane.d","project_id":"proj_1","provider":"workday","token":"tok_abcdef123456"}`)

func BenchmarkValidate(b *testing.B) {
	var c ConnectSessionCreate
	if err := c.UnmarshalJSON(benchCreate); err != nil {
		b.Fatal(err)
	}
	var l ConnectSessionTokenAuthLink
	if err := l.UnmarshalJSON(benchAuthLink); err != nil {
		b.Fatal(err)
	}
	b.Run("type=ConnectSessionCreate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := c.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("type=ConnectSessionTokenAuthLink", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := l.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkClient posts a ConnectSessionCreate to an httptest server and
// decodes the 201 response: by hand with net/http and encoding/json, through
// the production client (APIClient: validation, retries, typed errors) and
// through oapi-codegen's low-level ClientWithResponses, over the same
// http.Client.
func BenchmarkClient(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(benchAuthLink)
	}))
	defer srv.Close()
	hc := srv.Client()
	var body ConnectSessionCreate
	if err := json.Unmarshal(benchCreate, &body); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()

	b.Run("impl=net-http", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf, err := json.Marshal(body)
			if err != nil {
				b.Fatal(err)
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/connect_sessions", bytes.NewReader(buf))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.SetBasicAuth("key", "")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			data, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusCreated {
				b.Fatal(resp.Status, err)
			}
			var out ConnectSessionTokenAuthLink
			if err := json.Unmarshal(data, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=production", func(b *testing.B) {
		c, err := NewAPIClient(Options{ServerURL: srv.URL, HTTPClient: hc, APIKey: "key"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.CreateConnectSession(ctx, body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=oapi-codegen", func(b *testing.B) {
		c, err := NewClientWithResponses(srv.URL, WithHTTPClient(hc))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			resp, err := c.CreateConnectSessionWithResponse(ctx, body)
			if err != nil || resp.JSON201 == nil {
				b.Fatal(err)
			}
		}
	})
}
