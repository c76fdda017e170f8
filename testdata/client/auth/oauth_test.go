package auth

// Run by gen's TestEndToEnd: the client credentials flow against
// a real, independent OAuth2/OpenID Connect server, oauth2-mock-server
// (tools/oauth2-mock, started through its launch.mjs). The API is an
// httptest server that reads the scope claim of each bearer JWT.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// scopeAPI answers every operation and records each token's scope claim.
func scopeAPI(t *testing.T) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		parts := strings.Split(tok, ".")
		var claims struct {
			Scope string `json:"scope"`
		}
		if len(parts) == 3 {
			b, _ := base64.RawURLEncoding.DecodeString(parts[1])
			json.Unmarshal(b, &claims)
		}
		mu.Lock()
		seen = append(seen, fmt.Sprintf("%s %s", r.URL.Path, claims.Scope))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"name":"ok"}`))
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

func TestClientCredentialsAgainstOAuth2MockServer(t *testing.T) {
	launcher := npmTool(t, "oauth2-mock", "launch.mjs")
	port := freePort(t)
	issuer := "http://127.0.0.1:" + port
	mock := start(t, "oauth2-mock-server listening", "node", launcher, port)
	api, seen := scopeAPI(t)
	ctx := context.Background()

	c, err := NewAPIClient(Options{ServerURL: api.URL,
		Oauth: OAuth2{ClientID: "client", ClientSecret: "secret", TokenURL: issuer + "/token"},
		Oidc:  OAuth2{ClientID: "client", ClientSecret: "secret", DiscoveryURL: issuer + "/.well-known/openid-configuration"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.GetOAuth(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := mock.count("token issued"); n != 1 {
		t.Errorf("%d tokens issued for 3 calls, want 1 (cached)", n)
	}
	if _, err := c.PostOAuth(ctx, Thing{Name: "x"}); err != nil {
		t.Fatal(err)
	}
	if n := mock.count("scope=read write"); n != 1 {
		t.Errorf("the read+write operation got %d tokens for its scopes", n)
	}
	if _, err := c.GetOidc(ctx); err != nil {
		t.Fatal(err)
	}
	if n := mock.count("scope=openid"); n != 1 {
		t.Errorf("OIDC (discovered token endpoint): %d tokens with scope openid", n)
	}
	want := []string{"/oauth read", "/oauth read", "/oauth read", "/oauth read write", "/oidc openid"}
	if got := seen(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("the API saw scopes %q, want %q", got, want)
	}

	// Tokens that expire (within x/oauth2's 10s margin) are fetched again.
	fmt.Fprintln(mock.stdin, "expires_in 1")
	mock.waitFor(t, "expires_in=1", 0)
	e, err := NewAPIClient(Options{ServerURL: api.URL,
		Oauth: OAuth2{ClientID: "client", ClientSecret: "secret", TokenURL: issuer + "/token"}})
	if err != nil {
		t.Fatal(err)
	}
	before := mock.count("token issued")
	for range 2 {
		if _, err := e.GetOAuth(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := mock.count("token issued") - before; n != 2 {
		t.Errorf("%d tokens issued for 2 calls with expiring tokens, want 2", n)
	}
}
