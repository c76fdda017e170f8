package oasimpl

// Security: how a generated client puts the credentials the user configured
// on a request, for every kind of OpenAPI security scheme. The generated
// NewAPIClient builds one Authorizer per scheme of the spec (from the
// Options field named after it) and gives each operation its security
// requirements: alternatives (OR), each a set of schemes that must all be
// applied (AND), with the OAuth2 scopes the operation needs. Do picks the
// first alternative whose every scheme is configured; an operation none of
// whose alternatives is configured fails before anything is sent, naming the
// options that would satisfy it, rather than going out without credentials.
//
// No secret is ever part of an error, and every credential type prints
// redacted under any fmt verb.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/oasgen/oasgen/oas"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Authorizer is one security scheme of the spec with the credential
// configured for it. Generated code builds them with AuthBasic, AuthBearer,
// AuthHTTP, AuthAPIKey and AuthOAuth2.
type Authorizer struct {
	// Scheme is the scheme's name in the spec; Option the Options field
	// that configures it. Both are for messages.
	Scheme, Option string
	// apply puts the credential on req; nil when none is configured.
	apply func(ctx context.Context, req *http.Request, scopes []string, sent *sentCreds) error
}

// Configured reports whether a credential is set for the scheme.
func (a *Authorizer) Configured() bool { return a != nil && a.apply != nil }

// Format prints the scheme's name and whether it is configured, never the
// credential.
func (a *Authorizer) Format(f fmt.State, verb rune) {
	if a == nil {
		fmt.Fprint(f, "<nil>")
		return
	}
	fmt.Fprintf(f, "oasimpl.Authorizer{Scheme:%q Configured:%t}", a.Scheme, a.Configured())
}

// AuthUse is one scheme of a security requirement with the OAuth2 scopes the
// operation needs from it.
type AuthUse struct {
	Auth   *Authorizer
	Scopes []string
}

// Requirement is one entry of an operation's security list: schemes that
// must all be applied. An empty Requirement means "no credentials needed".
type Requirement []AuthUse

// sentCreds records where credentials went on a request, so that a redirect
// to another host can take them off.
type sentCreds struct {
	headers []string
	query   []string
}

// AuthHTTP is an http scheme other than basic and bearer: value is the
// whole Authorization header ("Digest username=...", "HOBA ...").
func AuthHTTP(scheme, option, value string) *Authorizer {
	a := &Authorizer{Scheme: scheme, Option: option}
	if value != "" {
		a.apply = headerApply("Authorization", value)
	}
	return a
}

// AuthAPIKey is an "apiKey" scheme: key goes in the header, query
// parameter or cookie (in) called name.
func AuthAPIKey(scheme, option, in, name, key string) *Authorizer {
	a := &Authorizer{Scheme: scheme, Option: option}
	if key == "" {
		return a
	}
	switch in {
	case "header":
		a.apply = headerApply(name, key)
	case "query":
		a.apply = func(_ context.Context, req *http.Request, _ []string, sent *sentCreds) error {
			if hasQuery(req.URL, name) {
				// The operation declares a query parameter of the key's
				// name (SoundCloud's client_id) and the caller set it:
				// its value stands; a second pair would make the
				// parameter an array, which the server refuses.
				return nil
			}
			appendQuery(req.URL, name, key)
			sent.query = append(sent.query, name)
			return nil
		}
	case "cookie":
		a.apply = func(_ context.Context, req *http.Request, _ []string, sent *sentCreds) error {
			req.AddCookie(&http.Cookie{Name: name, Value: key})
			sent.headers = append(sent.headers, "Cookie")
			return nil
		}
	}
	return a
}

func headerApply(name, value string) func(context.Context, *http.Request, []string, *sentCreds) error {
	return func(_ context.Context, req *http.Request, _ []string, sent *sentCreds) error {
		req.Header.Set(name, value)
		sent.headers = append(sent.headers, name)
		return nil
	}
}

func sourceApply(scheme string, src oauth2.TokenSource) func(context.Context, *http.Request, []string, *sentCreds) error {
	return func(_ context.Context, req *http.Request, _ []string, sent *sentCreds) error {
		tok, err := src.Token()
		if err != nil {
			return &oas.AuthError{Scheme: scheme, Err: err}
		}
		tok.SetAuthHeader(req)
		sent.headers = append(sent.headers, "Authorization")
		return nil
	}
}

// OAuth2Spec is what the spec says about an oauth2 or openIdConnect
// scheme that the client needs to run the client credentials flow.
type OAuth2Spec struct {
	// TokenURL is the clientCredentials flow's tokenUrl ("" when the spec
	// has no such flow).
	TokenURL string
	// OpenIDConnectURL is an openIdConnect scheme's discovery document.
	OpenIDConnectURL string
}

// AuthOAuth2 is an "oauth2" or "openIdConnect" scheme. hc sends token and
// discovery requests when cred.HTTPClient is nil.
func AuthOAuth2(scheme, option string, spec OAuth2Spec, cred oas.OAuth2, hc *http.Client) *Authorizer {
	a := &Authorizer{Scheme: scheme, Option: option}
	switch {
	case cred.Source != nil:
		a.apply = sourceApply(scheme, cred.Source)
	case cred.Token != "":
		a.apply = headerApply("Authorization", "Bearer "+cred.Token)
	case cred.ClientID != "":
		if cred.HTTPClient == nil {
			cred.HTTPClient = hc
		}
		cc := &clientCreds{scheme: scheme, cred: cred, spec: spec, tokens: map[string]*cachedToken{}}
		a.apply = func(ctx context.Context, req *http.Request, scopes []string, sent *sentCreds) error {
			if cred.Scopes != nil {
				scopes = cred.Scopes
			}
			tok, err := cc.token(ctx, scopes)
			if err != nil {
				return &oas.AuthError{Scheme: scheme, Err: err}
			}
			tok.SetAuthHeader(req)
			sent.headers = append(sent.headers, "Authorization")
			return nil
		}
	}
	return a
}

// clientCreds runs the client credentials flow: one cached token per set of
// scopes, fetched again when it is about to expire (x/oauth2's Token.Valid
// allows for clock skew). Each fetch uses the context of the call that
// needs it, so a call's deadline bounds its token request too.
type clientCreds struct {
	scheme string
	cred   oas.OAuth2
	spec   OAuth2Spec

	mu       sync.Mutex
	tokenURL string // resolved once (discovery)
	tokens   map[string]*cachedToken
}

type cachedToken struct {
	mu  sync.Mutex // held while fetching, so concurrent calls share one request
	tok *oauth2.Token
}

func (c *clientCreds) token(ctx context.Context, scopes []string) (*oauth2.Token, error) {
	scopes = slices.Clone(scopes)
	slices.Sort(scopes)
	scopes = slices.Compact(scopes)
	key := strings.Join(scopes, " ")
	c.mu.Lock()
	ct := c.tokens[key]
	if ct == nil {
		ct = &cachedToken{}
		c.tokens[key] = ct
	}
	c.mu.Unlock()

	ct.mu.Lock()
	defer ct.mu.Unlock()
	if ct.tok.Valid() {
		return ct.tok, nil
	}
	tokenURL, err := c.endpoint(ctx)
	if err != nil {
		return nil, err
	}
	cfg := clientcredentials.Config{ClientID: c.cred.ClientID, ClientSecret: c.cred.ClientSecret,
		TokenURL: tokenURL, Scopes: scopes, EndpointParams: c.cred.EndpointParams, AuthStyle: c.cred.AuthStyle}
	if hc := c.cred.HTTPClient; hc != nil {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, hc)
	}
	tok, err := cfg.Token(ctx)
	if err != nil {
		return nil, err
	}
	ct.tok = tok
	return tok, nil
}

// endpoint is the token URL: the option, the spec's, or the discovery
// document's (fetched once; a failure is tried again on the next call).
func (c *clientCreds) endpoint(ctx context.Context) (string, error) {
	if c.cred.TokenURL != "" {
		return c.cred.TokenURL, nil
	}
	if c.spec.TokenURL != "" {
		return c.spec.TokenURL, nil
	}
	doc := c.spec.OpenIDConnectURL
	if c.cred.DiscoveryURL != "" {
		doc = c.cred.DiscoveryURL
	}
	if doc == "" {
		return "", errors.New("the spec gives no token URL for the client credentials flow; set TokenURL")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tokenURL != "" {
		return c.tokenURL, nil
	}
	u, err := discoverTokenURL(ctx, c.cred.HTTPClient, doc)
	if err != nil {
		return "", err
	}
	c.tokenURL = u
	return u, nil
}

// discoverTokenURL reads token_endpoint from an OpenID Connect discovery
// document.
func discoverTokenURL(ctx context.Context, hc *http.Client, docURL string) (string, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, docURL, nil)
	if err != nil {
		return "", fmt.Errorf("OpenID Connect discovery: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	res, err := hc.Do(req)
	if err != nil {
		return "", fmt.Errorf("OpenID Connect discovery: %w", err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("OpenID Connect discovery %s: %w", docURL, err)
	}
	if res.StatusCode/100 != 2 {
		return "", fmt.Errorf("OpenID Connect discovery %s: %s", docURL, res.Status)
	}
	var doc struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(body, &doc); err != nil || doc.TokenEndpoint == "" {
		return "", fmt.Errorf("OpenID Connect discovery %s: no token_endpoint in the document", docURL)
	}
	return doc.TokenEndpoint, nil
}

// chooseRequirement is the first alternative whose every scheme is
// configured; nil (send nothing) when the operation needs no credentials or
// accepts none (an empty alternative).
func chooseRequirement(call *Call) (Requirement, error) {
	anonymous := len(call.Security) == 0
	for _, r := range call.Security {
		if len(r) == 0 {
			anonymous = true
			continue
		}
		ok := true
		for _, u := range r {
			ok = ok && u.Auth.Configured()
		}
		if ok {
			return r, nil
		}
	}
	if anonymous {
		return nil, nil
	}
	e := &oas.MissingCredentialsError{Method: call.Method, URL: redact(call.URL)}
	for _, r := range call.Security {
		var need []string
		for _, u := range r {
			if u.Auth != nil {
				need = append(need, u.Auth.Option)
			}
		}
		e.Alternatives = append(e.Alternatives, need)
	}
	return nil, e
}

// authorize applies each scheme of r to req.
func authorize(ctx context.Context, req *http.Request, r Requirement, sent *sentCreds) error {
	for _, u := range r {
		if err := u.Auth.apply(ctx, req, u.Scopes, sent); err != nil {
			return err
		}
	}
	return nil
}

// dropOnRedirect removes the credentials recorded in sent from a redirected
// request that leaves the original origin (scheme, host and port): net/http
// itself keeps custom headers and, within one domain, Authorization too.
func dropOnRedirect(req *http.Request, first *http.Request, sent *sentCreds) {
	if sameOrigin(req.URL, first.URL) {
		return
	}
	for _, h := range sent.headers {
		req.Header.Del(h)
	}
	if len(sent.query) > 0 {
		dropQuery(req.URL, sent.query)
	}
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}

// AuthBasic is an http "basic" scheme. With cred zero it sends apiKey (when
// set) as the user name with an empty password, the convention of APIs that
// hand out one key.
func AuthBasic(scheme, option string, cred oas.BasicAuth, apiKey string) *Authorizer {
	a := &Authorizer{Scheme: scheme, Option: option}
	if cred.IsZero() && apiKey != "" {
		cred = oas.BasicAuth{Username: apiKey}
	}
	if !cred.IsZero() {
		a.apply = func(_ context.Context, req *http.Request, _ []string, sent *sentCreds) error {
			req.SetBasicAuth(cred.Username, cred.Password)
			sent.headers = append(sent.headers, "Authorization")
			return nil
		}
	}
	return a
}

// AuthBearer is an http "bearer" scheme. With cred zero it sends apiKey (when
// set) as the token.
func AuthBearer(scheme, option string, cred oas.BearerAuth, apiKey string) *Authorizer {
	if cred.IsZero() && apiKey != "" {
		cred.Token = apiKey
	}
	a := &Authorizer{Scheme: scheme, Option: option}
	switch {
	case cred.Source != nil:
		a.apply = sourceApply(scheme, cred.Source)
	case cred.Token != "":
		a.apply = headerApply("Authorization", "Bearer "+cred.Token)
	}
	return a
}
