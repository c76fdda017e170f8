package paramnames_test

// Compiled against the generated package by gen's TestEndToEnd: that
// client.gen.go compiles at all is the first check; these check that
// every parameter still goes out under its wire name from both clients
// (oapi-codegen's in the raw subpackage; TestEndToEnd generates the
// package at import path oasgen.test/model).

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"

	. "oasgen.test/model"
	"oasgen.test/model/raw"
)

// request is what the server saw: the path, the query, and the headers
// and cookies the test asks about.
type request struct {
	Path    string
	Query   url.Values
	Header  map[string]string
	Cookies map[string]string
}

// capture serves one request and reports it.
func capture(t *testing.T, headers, cookies []string, send func(server string) error) request {
	t.Helper()
	var got request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = request{Path: r.URL.Path, Query: r.URL.Query(), Header: map[string]string{}, Cookies: map[string]string{}}
		for _, h := range headers {
			got.Header[h] = r.Header.Get(h)
		}
		for _, c := range cookies {
			if ck, err := r.Cookie(c); err == nil {
				got.Cookies[c] = ck.Value
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	if err := send(srv.URL); err != nil {
		t.Fatal(err)
	}
	return got
}

func ptr[T any](v T) *T { return &v }

func TestGetAccountWireNames(t *testing.T) {
	want := request{
		Path: "/accounts/a/b",
		Query: url.Values{"limit": {"5"}, "x-account-id": {"q"}, "StartTime": {"s0"}, "StartTime<": {"s1"},
			"StartTime>": {"s2"}, "other": {"7"}, "2fa-code": {"f1"}, "2FaCode": {"f2"}, "validate": {"v"}},
		Header:  map[string]string{"X-Account-Id": "h"},
		Cookies: map[string]string{"x_account_id": "k"},
	}
	headers, cookies := []string{"X-Account-Id"}, []string{"x_account_id"}
	api := capture(t, headers, cookies, func(server string) error {
		c, err := NewAPIClient(Options{ServerURL: server})
		if err != nil {
			return err
		}
		return c.GetAccount(context.Background(), "a", "b", GetAccountArgs{
			Limit: oas.Some[int64](5), XAccountID: "h", XAccountID2: oas.Some("q"), XAccountID3: oas.Some("k"),
			StartTime: oas.Some("s0"), StartTime2: oas.Some("s1"), StartTime3: oas.Some("s2"), XAccountID4: oas.Some[int64](7),
			X2faCode: oas.Some("f1"), X2FaCode2: oas.Some("f2"), Validate2: oas.Some("v"),
		})
	})
	if !reflect.DeepEqual(api, want) {
		t.Errorf("APIClient sent\n%+v\nwant\n%+v", api, want)
	}
	low := capture(t, headers, cookies, func(server string) error {
		c, err := raw.NewClient(server)
		if err != nil {
			return err
		}
		resp, err := c.GetAccount(context.Background(), "a", "b", &raw.GetAccountParams{
			Limit: ptr[int64](5), XAccountID: "h", XAccountID2: ptr("q"), XAccountID3: ptr("k"),
			StartTime: ptr("s0"), StartTime2: ptr("s1"), StartTime3: ptr("s2"), XAccountID4: ptr[int64](7),
			X2FaCode: ptr("f1"), X2FaCode2: ptr("f2"), Validate2: ptr("v"),
		})
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
	if !reflect.DeepEqual(low, want) {
		t.Errorf("raw.Client sent\n%+v\nwant\n%+v", low, want)
	}
}

func TestPostThingWireNames(t *testing.T) {
	want := request{
		Path:    "/things/u/s/t/cc/p0/b/9",
		Query:   url.Values{"X-Foo": {"q"}, "acct-id": {"a1"}},
		Header:  map[string]string{"X-Foo": "h", "acct_id": "a2"},
		Cookies: map[string]string{"X-Foo": "k"},
	}
	headers, cookies := []string{"X-Foo", "acct_id"}, []string{"X-Foo"}
	body := NewPostThingBody()
	body.A.Set("x")
	api := capture(t, headers, cookies, func(server string) error {
		c, err := NewAPIClient(Options{ServerURL: server})
		if err != nil {
			return err
		}
		return c.PostThing(context.Background(), "u", "s", "t", "cc", "p0", "b", 9,
			PostThingArgs{XFoo: "h", XFoo2: oas.Some("q"), XFoo3: oas.Some("k"), AcctID: oas.Some("a1"), AcctID2: oas.Some("a2")}, body)
	})
	if !reflect.DeepEqual(api, want) {
		t.Errorf("APIClient sent\n%+v\nwant\n%+v", api, want)
	}
	low := capture(t, headers, cookies, func(server string) error {
		c, err := raw.NewClient(server)
		if err != nil {
			return err
		}
		resp, err := c.PostThing(context.Background(), "u", "s", "t", "cc", "p0", "b", 9,
			&raw.PostThingParams{XFoo: "h", XFoo2: ptr("q"), XFoo3: ptr("k"), AcctID: ptr(raw.Acct("a1")), AcctID2: ptr("a2")}, body)
		if err == nil {
			resp.Body.Close()
		}
		return err
	})
	if !reflect.DeepEqual(low, want) {
		t.Errorf("raw.Client sent\n%+v\nwant\n%+v", low, want)
	}
}
