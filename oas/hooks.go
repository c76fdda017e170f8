package oas

// Hooks and per-call additions: the ways a user changes what is sent
// without writing an http.RoundTripper. Per call: WithHeader, WithQuery and
// WithRequestEditor. Per client: Hooks around each attempt. The order on
// every attempt (a retry is a new attempt and runs all of it again):
//
//  1. the request is built from the Call: URL, body (the same bytes every
//     time), the operation's headers;
//  2. per-call query values and headers, then credentials, then request
//     editors (so an editor sees and may sign the final request);
//  3. each Hooks.BeforeSend, in order;
//  4. the request is sent; redirects are followed inside this step;
//  5. each Hooks.AfterResponse with the response read in full, or each
//     Hooks.OnError with the transport error;
//  6. only then is the retry decided, and the wait before it made.

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
)

// WithHeader adds a header to one call's requests (every attempt). It is
// added to the operation's own headers, before credentials, so a security
// scheme's header wins over it.
func WithHeader(key, value string) CallOption {
	return func(c *CallConfig) {
		if c.Header == nil {
			c.Header = http.Header{}
		}
		c.Header.Add(key, value)
	}
}

// WithQuery adds a query parameter to one call's requests (every attempt).
func WithQuery(key, value string) CallOption {
	return func(c *CallConfig) {
		if c.Query == nil {
			c.Query = url.Values{}
		}
		c.Query.Add(key, value)
	}
}

// RequestEditor changes a request just before it is sent: like
// oapi-codegen's RequestEditorFn. An error fails the call without retrying.
type RequestEditor func(ctx context.Context, req *http.Request) error

// WithRequestEditor runs fn on each of one call's requests (every attempt),
// after credentials are applied.
func WithRequestEditor(fn RequestEditor) CallOption {
	return func(c *CallConfig) { c.Editors = append(c.Editors, fn) }
}

// HookContext describes the attempt a hook runs for.
type HookContext struct {
	Context context.Context
	// Operation is the operationId (or, without one, the method name).
	Operation string
	// Attempt counts from 1; a retry has Attempt > 1.
	Attempt int
}

// Hooks run around every attempt of every call of a client (see the order
// above). Any may be nil. An error from BeforeSend or AfterResponse fails
// the call with that error and stops retries.
type Hooks struct {
	// BeforeSend may change the request: tracing headers, signatures,
	// idempotency keys (the same key on every attempt is the caller's to
	// keep, e.g. in the context).
	BeforeSend func(hc HookContext, req *http.Request) error
	// AfterResponse sees the response, body read; it runs before the retry
	// decision, so it sees the 429s and 503s that are retried as well.
	AfterResponse func(hc HookContext, req *http.Request, resp *Response) error
	// OnError sees an attempt that got no response (refused, reset,
	// timed out, body cut short).
	OnError func(hc HookContext, req *http.Request, err error)
}

// permanent marks an error that ends the call however the retry policy
// reads: credentials, hooks and editors failing, a response over the size
// limit.
type permanent struct{ err error }

func (p *permanent) Error() string { return p.err.Error() }
func (p *permanent) Unwrap() error { return p.err }

// isPermanent unwraps a permanent error.
func isPermanent(err error) (error, bool) {
	var p *permanent
	if errors.As(err, &p) {
		return p.err, true
	}
	return err, false
}

// prepare applies a call's per-call additions, credentials, editors and
// BeforeSend hooks to req.
func (t *Transport) prepare(hc HookContext, req *http.Request, cc *CallConfig, r Requirement, sent *sentCreds) error {
	for _, k := range slices.Sorted(maps.Keys(cc.Query)) {
		for _, v := range cc.Query[k] {
			appendQuery(req.URL, k, v)
		}
	}
	for k, vs := range cc.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if err := authorize(hc.Context, req, r, sent); err != nil {
		return &permanent{err}
	}
	for _, ed := range cc.Editors {
		if err := ed(hc.Context, req); err != nil {
			return &permanent{err}
		}
	}
	for _, h := range t.Hooks {
		if h.BeforeSend != nil {
			if err := h.BeforeSend(hc, req); err != nil {
				return &permanent{err}
			}
		}
	}
	return nil
}

// client is t's http.Client with a CheckRedirect that also takes the
// credentials off a redirect to another origin. It is a shallow copy: the
// Transport (and its connection pool) is shared.
func (t *Transport) client(first *http.Request, sent *sentCreds) *http.Client {
	hc := t.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	c := *hc
	check := hc.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if check != nil {
			if err := check(req, via); err != nil {
				return err
			}
		} else if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		dropOnRedirect(req, first, sent)
		return nil
	}
	return &c
}

// afterResponse runs the AfterResponse hooks.
func (t *Transport) afterResponse(hc HookContext, req *http.Request, resp *Response) error {
	for _, h := range t.Hooks {
		if h.AfterResponse != nil {
			if err := h.AfterResponse(hc, req, resp); err != nil {
				return &permanent{err}
			}
		}
	}
	return nil
}

// onError runs the OnError hooks.
func (t *Transport) onError(hc HookContext, req *http.Request, err error) {
	for _, h := range t.Hooks {
		if h.OnError != nil {
			h.OnError(hc, req, err)
		}
	}
}
