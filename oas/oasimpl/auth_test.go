package oasimpl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/oasgen/oasgen/oas"
	"golang.org/x/oauth2"
)

// apiServer records the Authorization header, the X-Key header and the
// query of each request.
func apiServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Get("Authorization")+"|"+r.Header.Get("X-Key")+"|"+r.URL.RawQuery+"|"+r.Header.Get("X-Trace"))
		mu.Unlock()
		w.WriteHeader(200)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

func TestSecurityAlternatives(t *testing.T) {
	srv, got := apiServer(t)
	u, _ := url.Parse(srv.URL + "/x")
	bearer := AuthBearer("bearer", "Options.Bearer", oas.BearerAuth{Token: "t"}, "")
	key := AuthAPIKey("key", "Options.Key", "header", "X-Key", "k")
	unset := AuthAPIKey("other", "Options.Other", "query", "o", "")
	tr := &Transport{}
	for _, tc := range []struct {
		name string
		sec  []Requirement
		want string // what the server saw, "" when nothing must be sent
	}{
		{"first configured alternative", []Requirement{{{Auth: unset}}, {{Auth: bearer}, {Auth: key}}}, "Bearer t|k||"},
		{"AND sends both", []Requirement{{{Auth: bearer}, {Auth: key}}}, "Bearer t|k||"},
		{"optional credentials are sent when set", []Requirement{{}, {{Auth: key}}}, "|k||"},
		{"optional credentials, none set", []Requirement{{}, {{Auth: unset}}}, "|||"},
		{"no security", nil, "|||"},
		{"missing", []Requirement{{{Auth: unset}}, {{Auth: unset}, {Auth: key}}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(got())
			_, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Security: tc.sec}, nil)
			if tc.want == "" {
				var m *oas.MissingCredentialsError
				if !errors.As(err, &m) || len(got()) != before {
					t.Fatalf("err = %v, %d requests sent; want *oas.MissingCredentialsError and none", err, len(got())-before)
				}
				if want := "set Options.Other, or Options.Other and Options.Key"; !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := got()[len(got())-1]; g != tc.want {
				t.Errorf("server saw %q, want %q", g, tc.want)
			}
		})
	}
}

// An operation's own query parameter of an apiKey's name, when set, is
// sent once with its value; unset, the key fills it.
func TestQueryKeyAndSameNamedParameter(t *testing.T) {
	srv, got := apiServer(t)
	key := AuthAPIKey("ClientId", "Options.ClientID", "query", "client_id", "k")
	tr := &Transport{}
	for _, tc := range []struct{ query, want string }{
		{"client_id=mine&state=s", "client_id=mine&state=s"},
		{"state=s", "state=s&client_id=k"},
		{"client_idx=1", "client_idx=1&client_id=k"},
	} {
		u, _ := url.Parse(srv.URL + "/connect?" + tc.query)
		if _, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Security: []Requirement{{{Auth: key}}}}, nil); err != nil {
			t.Fatal(err)
		}
		if g := got()[len(got())-1]; g != "||"+tc.want+"|" {
			t.Errorf("query %s: server saw %q, want query %q", tc.query, g, tc.want)
		}
	}
}

func TestCredentialsNeverPrinted(t *testing.T) {
	values := []any{
		oas.BasicAuth{Username: "u", Password: "hunter2"},
		oas.BearerAuth{Token: "hunter2"},
		oas.OAuth2{Token: "hunter2", ClientID: "id", ClientSecret: "hunter2"},
		AuthBasic("b", "Options.B", oas.BasicAuth{Username: "u", Password: "hunter2"}, ""),
		&oas.MissingCredentialsError{Method: "GET", URL: "http://x/", Alternatives: [][]string{{"Options.B"}}},
	}
	for _, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			if s := fmt.Sprintf(verb, v); strings.Contains(s, "hunter2") {
				t.Errorf("%s of %T leaks the secret: %s", verb, v, s)
			}
		}
	}
	// A query key never reaches an error message.
	u, _ := url.Parse("http://127.0.0.1:1/x")
	_, err := (&Transport{}).Do(context.Background(), &Call{Method: "GET", URL: u,
		Security: []Requirement{{{Auth: AuthAPIKey("q", "Options.Q", "query", "k", "hunter2")}}}}, nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v", err)
	}
}

// tokenServer is an OAuth2 token endpoint (and OIDC discovery document)
// that counts what it is asked; the failure cases the real mock server in
// the generated client's tests cannot produce.
type tokenServer struct {
	*httptest.Server
	mu        sync.Mutex
	requests  []string // scope of each token request
	expiresIn int
	fail      bool
}

func newTokenServer(t *testing.T, expiresIn int) *tokenServer {
	ts := &tokenServer{expiresIn: expiresIn}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/.well-known/openid-configuration" {
			json.NewEncoder(w).Encode(map[string]string{"token_endpoint": ts.URL + "/token"})
			return
		}
		r.ParseForm()
		id, secret, _ := r.BasicAuth()
		ts.mu.Lock()
		ts.requests = append(ts.requests, r.Form.Get("scope"))
		n, fail := len(ts.requests), ts.fail
		ts.mu.Unlock()
		if fail || id != "cid" || secret != "csecret" || r.Form.Get("grant_type") != "client_credentials" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(401)
			w.Write([]byte(`{"error":"invalid_client"}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"access_token": fmt.Sprintf("tok%d", n), "token_type": "Bearer", "expires_in": ts.expiresIn})
	}))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *tokenServer) scopes() []string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]string(nil), ts.requests...)
}

func TestClientCredentials(t *testing.T) {
	srv, got := apiServer(t)
	u, _ := url.Parse(srv.URL + "/x")
	cred := oas.OAuth2{ClientID: "cid", ClientSecret: "csecret"}
	do := func(a *Authorizer, scopes ...string) error {
		_, err := (&Transport{}).Do(context.Background(), &Call{Method: "GET", URL: u, Security: []Requirement{{{Auth: a, Scopes: scopes}}}}, nil)
		return err
	}
	t.Run("cached per scope set", func(t *testing.T) {
		ts := newTokenServer(t, 3600)
		a := AuthOAuth2("o", "Options.O", OAuth2Spec{TokenURL: ts.URL + "/token"}, cred, nil)
		for _, sc := range [][]string{{"read", "write"}, {"write", "read"}, {"read"}, {"read", "write"}} {
			if err := do(a, sc...); err != nil {
				t.Fatal(err)
			}
		}
		if s := ts.scopes(); len(s) != 2 || s[0] != "read write" || s[1] != "read" {
			t.Errorf("token requests asked for %q, want one per scope set", s)
		}
		if g := got(); g[len(g)-1] != "Bearer tok1|||" {
			t.Errorf("last request carried %q", g[len(g)-1])
		}
	})
	t.Run("fetched again when expired", func(t *testing.T) {
		ts := newTokenServer(t, 1) // inside x/oauth2's 10s expiry margin
		a := AuthOAuth2("o", "Options.O", OAuth2Spec{TokenURL: ts.URL + "/token"}, cred, nil)
		for range 3 {
			if err := do(a); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(ts.scopes()); n != 3 {
			t.Errorf("%d token requests for 3 calls with expiring tokens", n)
		}
	})
	t.Run("OpenID Connect discovery, TokenURL override", func(t *testing.T) {
		ts := newTokenServer(t, 3600)
		a := AuthOAuth2("o", "Options.O", OAuth2Spec{OpenIDConnectURL: ts.URL + "/.well-known/openid-configuration"}, cred, nil)
		if err := do(a, "openid"); err != nil || len(ts.scopes()) != 1 {
			t.Fatalf("err %v, token requests %q", err, ts.scopes())
		}
		c := cred
		c.TokenURL = ts.URL + "/token"
		b := AuthOAuth2("o", "Options.O", OAuth2Spec{TokenURL: "http://127.0.0.1:1/never"}, c, nil)
		if err := do(b); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("token endpoint failure", func(t *testing.T) {
		ts := newTokenServer(t, 3600)
		ts.fail = true
		a := AuthOAuth2("o", "Options.O", OAuth2Spec{TokenURL: ts.URL + "/token"}, cred, nil)
		before := len(got())
		err := do(a)
		var ae *oas.AuthError
		var re *oauth2.RetrieveError
		if !errors.As(err, &ae) || !errors.As(err, &re) || len(got()) != before {
			t.Fatalf("err = %v; want *oas.AuthError wrapping *oauth2.RetrieveError and no API request", err)
		}
		if strings.Contains(err.Error(), "csecret") {
			t.Errorf("error leaks the client secret: %v", err)
		}
	})
	t.Run("a token source", func(t *testing.T) {
		a := AuthOAuth2("o", "Options.O", OAuth2Spec{}, oas.OAuth2{Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "st"})}, nil)
		if err := do(a); err != nil {
			t.Fatal(err)
		}
		if g := got(); g[len(g)-1] != "Bearer st|||" {
			t.Errorf("request carried %q", g[len(g)-1])
		}
	})
}

func TestHooksAndCallOptions(t *testing.T) {
	srv, got := apiServer(t)
	u, _ := url.Parse(srv.URL + "/x?a=1")
	var order []string
	tr := &Transport{Hooks: []oas.Hooks{{
		BeforeSend: func(hc oas.HookContext, req *http.Request) error {
			order = append(order, fmt.Sprintf("before %s #%d auth=%q", hc.Operation, hc.Attempt, req.Header.Get("Authorization")))
			return nil
		},
		AfterResponse: func(hc oas.HookContext, _ *http.Request, r *oas.Response) error {
			order = append(order, fmt.Sprintf("after #%d %d", hc.Attempt, r.StatusCode))
			return nil
		},
	}}}
	call := &Call{Method: "GET", URL: u, Operation: "getX",
		Security: []Requirement{{{Auth: AuthBearer("b", "Options.B", oas.BearerAuth{Token: "t"}, "")}}}}
	editor := oas.WithRequestEditor(func(_ context.Context, req *http.Request) error {
		order = append(order, "editor auth="+req.Header.Get("Authorization"))
		return nil
	})
	if _, err := tr.Do(context.Background(), call, []oas.CallOption{oas.WithHeader("X-Trace", "tr"), oas.WithQuery("b", "2"), editor}); err != nil {
		t.Fatal(err)
	}
	if g := got(); g[0] != "Bearer t||a=1&b=2|tr" {
		t.Errorf("server saw %q", g[0])
	}
	want := []string{"editor auth=Bearer t", `before getX #1 auth="Bearer t"`, "after #1 200"}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("order\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	// A failing hook stops the call, not retried.
	boom := errors.New("boom")
	tr.Hooks = []oas.Hooks{{BeforeSend: func(oas.HookContext, *http.Request) error { return boom }}}
	before := len(got())
	if _, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Retry: fast()}, nil); !errors.Is(err, boom) || len(got()) != before {
		t.Errorf("err = %v, %d requests", err, len(got())-before)
	}
}
