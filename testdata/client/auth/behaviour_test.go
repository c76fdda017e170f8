package auth

// Run by gen's TestEndToEnd: what each security scheme puts on
// the wire, alternatives (OR) and combinations (AND), a call that lacks
// credentials failing before it is sent, secrets never printed, the
// environment read only through OptionsFromEnv, and hooks and per-call
// options around retries.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

type wire struct {
	mu   sync.Mutex
	reqs []string
}

func (w *wire) last() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.reqs) == 0 {
		return ""
	}
	return w.reqs[len(w.reqs)-1]
}

func (w *wire) n() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.reqs)
}

func server(t *testing.T) (string, *wire) {
	t.Helper()
	w := &wire{}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		var parts []string
		if v := r.Header.Get("Authorization"); v != "" {
			parts = append(parts, "auth="+v)
		}
		if v := r.Header.Get("X-API-Key"); v != "" {
			parts = append(parts, "header="+v)
		}
		if v := r.URL.RawQuery; v != "" {
			parts = append(parts, "query="+v)
		}
		if v := r.Header.Get("Cookie"); v != "" {
			parts = append(parts, "cookie="+v)
		}
		w.mu.Lock()
		w.reqs = append(w.reqs, strings.Join(parts, " "))
		w.mu.Unlock()
		rw.Header().Set("Content-Type", "application/json")
		rw.Write([]byte(`{"name":"ok"}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, w
}

func TestSchemesOnTheWire(t *testing.T) {
	// Registered first, so it runs after the server and the client's idle
	// connections are closed.
	opts := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opts) })
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: tr}
	url, w := server(t)
	c, err := NewAPIClient(Options{ServerURL: url, HTTPClient: hc,
		Basic: BasicAuth{Username: "user", Password: "pw"}, Bearer: BearerAuth{Token: "tok"},
		Digest: "Digest x", HeaderKey: "hk", QueryKey: "qk", CookieKey: "ck", Oauth: OAuth2{Token: "ot"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		call func() (*Thing, error)
		want string
	}{
		{func() (*Thing, error) { return c.GetBasic(ctx) }, "auth=Basic dXNlcjpwdw=="},
		{func() (*Thing, error) { return c.GetBearer(ctx) }, "auth=Bearer tok"},
		{func() (*Thing, error) { return c.GetDigest(ctx) }, "auth=Digest x"},
		{func() (*Thing, error) { return c.GetHeaderKey(ctx) }, "header=hk"},
		{func() (*Thing, error) { return c.GetQueryKey(ctx) }, "query=api_key=qk"},
		{func() (*Thing, error) { return c.GetCookieKey(ctx) }, "cookie=session=ck"},
		{func() (*Thing, error) { return c.GetOAuth(ctx) }, "auth=Bearer ot"},
		{func() (*Thing, error) { return c.GetEither(ctx) }, "header=hk"},
		{func() (*Thing, error) { return c.GetBoth(ctx) }, "auth=Basic dXNlcjpwdw== header=hk"},
		{func() (*Thing, error) { return c.GetOptional(ctx) }, "header=hk"},
		{func() (*Thing, error) { return c.GetPublic(ctx) }, ""},
	} {
		if _, err := tc.call(); err != nil {
			t.Fatal(err)
		}
		if got := w.last(); got != tc.want {
			t.Errorf("sent %q, want %q", got, tc.want)
		}
	}
	// APIKey stands in for every key-like scheme without its own credential.
	k, _ := NewAPIClient(Options{ServerURL: url, HTTPClient: hc, APIKey: "shared"})
	if _, err := k.GetBasic(ctx); err != nil || w.last() != "auth=Basic c2hhcmVkOg==" {
		t.Errorf("basic from APIKey: %v, sent %q", err, w.last())
	}
	if _, err := k.GetEither(ctx); err != nil || w.last() != "header=shared" {
		t.Errorf("either from APIKey: %v, sent %q", err, w.last())
	}
}

func TestMissingCredentialsAreNotSent(t *testing.T) {
	url, w := server(t)
	c, _ := NewAPIClient(Options{ServerURL: url})
	ctx := context.Background()
	_, err := c.GetOAuth(ctx)
	var missing *MissingCredentialsError
	if !errors.As(err, &missing) || w.n() != 0 || !strings.Contains(err.Error(), "Options.Oauth") {
		t.Fatalf("err = %v after %d requests; want *MissingCredentialsError naming Options.Oauth and none sent", err, w.n())
	}
	if _, err := c.GetOptional(ctx); err != nil || w.last() != "" {
		t.Errorf("optional security without credentials: %v, sent %q", err, w.last())
	}
}

func TestSecretsNotPrinted(t *testing.T) {
	o := Options{APIKey: "s3cret", Basic: BasicAuth{Username: "u", Password: "s3cret"}, Bearer: BearerAuth{Token: "s3cret"},
		Digest: "s3cret", HeaderKey: "s3cret", QueryKey: "s3cret", CookieKey: "s3cret",
		Oauth: OAuth2{ClientID: "id", ClientSecret: "s3cret"}, Oidc: OAuth2{Token: "s3cret"}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if s := fmt.Sprintf(verb, o); strings.Contains(s, "s3cret") {
			t.Errorf("%s of Options leaks a secret: %s", verb, s)
		}
		if s := fmt.Sprintf(verb, &o); strings.Contains(s, "s3cret") {
			t.Errorf("%s of *Options leaks a secret: %s", verb, s)
		}
	}
}

func TestEnvironmentOnlyWhenAsked(t *testing.T) {
	t.Setenv(EnvAPIKey, "env-key")
	t.Setenv("EVERY_AUTH_OAUTH_CLIENT_ID", "cid")
	t.Setenv("EVERY_AUTH_BASIC_PASSWORD", "pw")
	url, w := server(t)
	c, _ := NewAPIClient(Options{ServerURL: url})
	if _, err := c.GetHeaderKey(context.Background()); err == nil || w.n() != 0 {
		t.Errorf("NewAPIClient read the environment: err %v, %d requests", err, w.n())
	}
	o := OptionsFromEnv()
	if o.APIKey != "env-key" || o.Oauth.ClientID != "cid" || o.Basic.Password != "pw" {
		t.Errorf("OptionsFromEnv = %+v", o)
	}
}

func TestHooksAndCallOptions(t *testing.T) {
	var mu sync.Mutex
	var attempts int
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts++
		n := attempts
		mu.Unlock()
		if r.Header.Get("Idempotency-Key") != "k1" || r.URL.Query().Get("trace") != "on" {
			rw.WriteHeader(400)
			return
		}
		if n == 1 {
			rw.WriteHeader(503)
			return
		}
		rw.Header().Set("Content-Type", "application/json")
		rw.Write([]byte(`{"name":"ok"}`))
	}))
	defer srv.Close()
	var log []string
	c, _ := NewAPIClient(Options{ServerURL: srv.URL, Bearer: BearerAuth{Token: "t"}, Hooks: []Hooks{{
		BeforeSend: func(hc HookContext, req *http.Request) error {
			log = append(log, fmt.Sprintf("send %s #%d", hc.Operation, hc.Attempt))
			return nil
		},
		AfterResponse: func(hc HookContext, _ *http.Request, r *Response) error {
			log = append(log, fmt.Sprintf("got %d", r.StatusCode))
			return nil
		},
	}}})
	_, err := c.GetBearer(context.Background(), WithHeader("Idempotency-Key", "k1"), WithQuery("trace", "on"),
		WithRetries(RetryPolicy{StatusCodes: []int{503}, MaxAttempts: 2}))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, ", "); got != "send getBearer #1, got 503, send getBearer #2, got 200" {
		t.Errorf("hooks ran as %q", got)
	}
}
