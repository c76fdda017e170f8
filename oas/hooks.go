package oas

// Hooks and per-call additions: the ways a user changes what is sent
// without writing an http.RoundTripper. Per call: WithHeader, WithQuery and
// WithRequestEditor. Per client: Hooks around each attempt. The order on
// every attempt (a retry is a new attempt and runs all of it again):
//
//  1. the request is built from the operation's call: URL, body (the same
//     bytes every time), the operation's headers;
//  2. per-call query values and headers, then credentials, then request
//     editors (so an editor sees and may sign the final request);
//  3. each Hooks.BeforeSend, in order;
//  4. the request is sent; redirects are followed inside this step;
//  5. each Hooks.AfterResponse with the response read in full, or each
//     Hooks.OnError with the transport error;
//  6. only then is the retry decided, and the wait before it made.

import (
	"context"
	"net/http"
	"net/url"
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
