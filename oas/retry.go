package oas

// Retries and per-call options: the policy a call is retried by, and the
// CallOption values that change one call.

import (
	"net/http"
	"net/url"
	"time"
)

// RetryPolicy says when and how a call is retried. The zero value, and any
// policy with MaxAttempts 1, never retries.
type RetryPolicy struct {
	// StatusCodes are the response statuses that are retried.
	StatusCodes []int
	// ConnectionErrors retries when the request could not be sent or the
	// response could not be read (refused, reset, dropped connection).
	ConnectionErrors bool
	// InitialInterval is the wait before the first retry; each later wait is
	// multiplied by Exponent, capped at MaxInterval, with random jitter of
	// up to half the wait taken off.
	InitialInterval time.Duration
	MaxInterval     time.Duration
	Exponent        float64
	// MaxElapsed bounds the whole call, waits included: a retry whose wait
	// would end after it is not made. 0 means no bound besides the context.
	MaxElapsed time.Duration
	// MaxAttempts bounds the number of requests sent, first one included. 0
	// means DefaultMaxAttempts.
	MaxAttempts int
}

// DefaultMaxAttempts is the attempt bound of a policy that does not set one.
const DefaultMaxAttempts = 5

// CallOption changes one call.
type CallOption func(*CallConfig)

// CallConfig is what CallOptions change.
type CallConfig struct {
	// Retry replaces the retry policy for this call; RetrySet says it was set.
	Retry    *RetryPolicy
	RetrySet bool
	// Header, Query and Editors are added to every attempt's request (see
	// WithHeader, WithQuery, WithRequestEditor).
	Header  http.Header
	Query   url.Values
	Editors []RequestEditor
	// Meta and Headers receive the response's metadata and typed headers
	// (meta.go); Timeout replaces the client's timeout, TimeoutSet says it
	// was set (timeout.go).
	Meta       *HTTPMeta
	Headers    []HeaderDecoder
	Timeout    time.Duration
	TimeoutSet bool
	// PageURL and ResponseHeader serve the page iterators of generated
	// clients (oasimpl.WithPageURL, oasimpl.WithResponseHeader): the URL a
	// next-page link gave, and where to store the response's headers.
	PageURL        string
	ResponseHeader *http.Header
	// ServerURL replaces the server the call is sent to (WithServerURL).
	ServerURL string
}

// WithRetries makes a call use p instead of the spec's (or the client's)
// retry policy, even for an operation the spec does not mark as retryable.
func WithRetries(p RetryPolicy) CallOption {
	return func(c *CallConfig) { c.Retry, c.RetrySet = &p, true }
}

// WithoutRetries makes a call send its request once.
func WithoutRetries() CallOption {
	return func(c *CallConfig) { c.Retry, c.RetrySet = nil, true }
}
