package oas

// Response metadata and typed response headers: what a call can give
// besides its typed result, asked for per call (WithHTTPMeta,
// WithResponseHeaders) so that the generated methods keep returning the
// plain result. Speakeasy's Go SDKs return an HTTPMeta with every
// response; here it is opt-in, so a call that does not ask pays nothing.

import "net/http"

// HTTPMeta is what a call captures about its last exchange when it passes
// WithHTTPMeta: filled whenever a response arrived, 2xx or not (so it
// also describes the response behind a returned error), untouched when
// none did.
type HTTPMeta struct {
	// StatusCode and Header are the last response's.
	StatusCode int
	Header     http.Header
	// Request is the last request sent (after redirects), and Response the
	// response to it. Its Body is http.NoBody: the client has read the
	// body into the typed result (or, for a streamed result, handed it
	// over as that result).
	Request  *http.Request
	Response *http.Response
	// Attempts is how many requests the call sent, retries included.
	Attempts int
}

// WithHTTPMeta makes one call fill *dst with its status code, headers and
// the raw *http.Request/*http.Response, without changing its result.
func WithHTTPMeta(dst *HTTPMeta) CallOption {
	return func(c *CallConfig) { c.Meta = dst }
}

// HeaderDecoder is a generated <Op>ResponseHeaders struct: the response
// headers an operation's spec declares, typed.
type HeaderDecoder interface {
	DecodeHeader(h http.Header) error
}

// WithResponseHeaders makes one call decode the headers of its 2xx
// response into dst. A declared header whose value does not parse as its
// type fails the call with a *DecodeError naming the header.
func WithResponseHeaders(dst HeaderDecoder) CallOption {
	return func(c *CallConfig) { c.Headers = append(c.Headers, dst) }
}
