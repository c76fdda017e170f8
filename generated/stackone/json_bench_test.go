package stackone_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	. "github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/generated/stackone/raw"
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

// BenchmarkClient posts a ConnectSessionCreate and decodes the 201 response:
// by hand with net/http and encoding/json, through the production client
// (APIClient: validation, retries, typed errors) and through oapi-codegen's
// low-level raw.ClientWithResponses, all over the same http.Client. The server
// is an httptest server (a real loopback round trip, noisy on a loaded
// machine) or an in-process RoundTripper returning a canned response, which
// isolates the clients' own overhead.
func BenchmarkClient(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(benchAuthLink)
	}))
	defer srv.Close()
	var body ConnectSessionCreate
	if err := json.Unmarshal(benchCreate, &body); err != nil {
		b.Fatal(err)
	}
	b.Run("server=httptest", func(b *testing.B) { benchClients(b, srv.URL, srv.Client()) })
	b.Run("server=inproc", func(b *testing.B) {
		benchClients(b, "http://api.test", &http.Client{Transport: cannedTransport{}})
	})
}

// cannedTransport answers every request with a 201 and benchAuthLink.
type cannedTransport struct{}

func (cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusCreated, Status: "201 Created", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(benchAuthLink)),
		ContentLength: int64(len(benchAuthLink)),
		Request:       r,
	}, nil
}

func benchClients(b *testing.B, server string, hc *http.Client) {
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
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, server+"/connect_sessions", bytes.NewReader(buf))
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
		c, err := NewAPIClient(Options{ServerURL: server, HTTPClient: hc, APIKey: "key"})
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
		c, err := raw.NewClientWithResponses(server, raw.WithHTTPClient(hc))
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
