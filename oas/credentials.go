package oas

// Credentials: the values a generated Options struct holds per security
// scheme, which print their secrets redacted, and the errors a missing or
// failing credential becomes. Applying them is oasimpl's.

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

const redacted = "REDACTED"

// secret prints s as REDACTED, or "" when it is empty (so that an unset
// field still reads as unset).
func secret(s string) string {
	if s == "" {
		return ""
	}
	return redacted
}

// BasicAuth is the credential of an http "basic" scheme.
type BasicAuth struct {
	Username, Password string
}

// IsZero reports that neither field is set.
func (b BasicAuth) IsZero() bool { return b.Username == "" && b.Password == "" }

// Format prints b with the password redacted, under every verb.
func (b BasicAuth) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "oas.BasicAuth{Username:%q Password:%q}", b.Username, secret(b.Password))
}

// BearerAuth is the credential of an http "bearer" scheme: a fixed Token,
// or a Source asked on every request (an oauth2.TokenSource caches and
// refreshes its token: wrap your own in oauth2.ReuseTokenSource). Source
// wins when both are set.
type BearerAuth struct {
	Token  string
	Source oauth2.TokenSource
}

// IsZero reports that neither field is set.
func (b BearerAuth) IsZero() bool { return b.Token == "" && b.Source == nil }

// Format prints b with the token redacted, under every verb.
func (b BearerAuth) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "oas.BearerAuth{Token:%q Source:%s}", secret(b.Token), sourceName(b.Source))
}

func sourceName(s oauth2.TokenSource) string {
	if s == nil {
		return "nil"
	}
	return fmt.Sprintf("%T", s)
}

// OAuth2 is the credential of an "oauth2" or "openIdConnect" scheme, in
// order of precedence:
//
//   - Source: any flow (authorization code, password, implicit, device):
//     what oauth2.Config.TokenSource or PasswordCredentialsToken give you;
//   - Token: a fixed access token;
//   - ClientID and ClientSecret: the client credentials flow, run by the
//     client itself against TokenURL, the spec's tokenUrl or, for
//     openIdConnect, the token_endpoint of the discovery document. It asks
//     for the scopes each operation needs (Scopes replaces them), caches one
//     token per set of scopes and fetches a new one shortly before it
//     expires.
type OAuth2 struct {
	Source       oauth2.TokenSource
	Token        string
	ClientID     string
	ClientSecret string
	// TokenURL overrides the token endpoint the spec gives.
	TokenURL string
	// DiscoveryURL overrides an openIdConnect scheme's openIdConnectUrl.
	DiscoveryURL string
	// Scopes, when not nil, are requested instead of the operation's.
	Scopes []string
	// EndpointParams are added to each token request (audience, resource).
	EndpointParams url.Values
	// AuthStyle says how the client id and secret reach the token endpoint;
	// the zero value tries the header, then the body, as x/oauth2 does.
	AuthStyle oauth2.AuthStyle
	// HTTPClient sends the token and discovery requests; nil means the
	// APIClient's HTTPClient.
	HTTPClient *http.Client
}

// IsZero reports that no credential is set.
func (o OAuth2) IsZero() bool { return o.Source == nil && o.Token == "" && o.ClientID == "" }

// Format prints o with the token and client secret redacted, under every
// verb.
func (o OAuth2) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "oas.OAuth2{Source:%s Token:%q ClientID:%q ClientSecret:%q TokenURL:%q Scopes:%q}",
		sourceName(o.Source), secret(o.Token), o.ClientID, secret(o.ClientSecret), o.TokenURL, o.Scopes)
}

// AuthError is a credential that could not be obtained (a token endpoint
// or token source failed). The call is not sent and not retried.
type AuthError struct {
	Scheme string
	Err    error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("security scheme %q: getting a token: %v", e.Scheme, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }

// MissingCredentialsError is an operation none of whose security
// alternatives has every credential configured. Nothing was sent.
type MissingCredentialsError struct {
	Method, URL string
	// Alternatives lists, for each way the operation accepts, the Options
	// fields it needs.
	Alternatives [][]string
}

func (e *MissingCredentialsError) Error() string {
	alts := make([]string, len(e.Alternatives))
	for i, a := range e.Alternatives {
		alts[i] = strings.Join(a, " and ")
	}
	return fmt.Sprintf("%s %s: no credentials configured: set %s", e.Method, e.URL, strings.Join(alts, ", or "))
}
