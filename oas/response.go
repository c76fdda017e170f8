package oas

// What a call returns besides its result: the response as hooks see it, a
// download handed over unread, and the errors a status or a body becomes.

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Response is a response read in full, as the AfterResponse hooks see it
// (a 2xx download handed over as a Stream has no Body here).
type Response struct {
	Method     string
	URL        string
	StatusCode int
	Status     string
	Header     http.Header
	Body       []byte
	// Truncated reports that Body was cut at MaxErrorBody.
	Truncated bool
	// ContentLength is the body's length as the response announced it, -1
	// when unknown.
	ContentLength int64
	// Func is the generated method's name, which status errors start with.
	Func string
}

// MaxErrorBody caps how much of a non-2xx response body is kept (in
// APIError.Raw); the rest is discarded so that a huge error page cannot
// exhaust memory.
const MaxErrorBody = 64 << 10

// MaxSuccessBody is the default cap on a 2xx response body (a generated
// client's Options.MaxResponseBytes overrides it): a larger body fails the
// call with a *ResponseTooLargeError rather than being read without bound.
const MaxSuccessBody = 64 << 20

// ResponseTooLargeError is a 2xx response whose body is longer than the
// client's limit (Options.MaxResponseBytes, MaxSuccessBody by default).
// The rest of the body is not read.
type ResponseTooLargeError struct {
	Method, URL string
	StatusCode  int
	Limit       int64
}

func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("%s %s: %d response body larger than %d bytes", e.Method, e.URL, e.StatusCode, e.Limit)
}

// APIError is a non-2xx response: the generic error for statuses the spec
// does not document, and the part every documented error type shares.
type APIError struct {
	Method     string
	URL        string
	StatusCode int
	Status     string
	Header     http.Header
	// Raw is the response body, at most MaxErrorBody bytes of it.
	Raw       []byte
	Truncated bool

	Operation string // the generated method's name ("" when unknown)
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("%s%s %s: %s", opPrefix(e.Operation), e.Method, e.URL, statusText(e.StatusCode, e.Status))
	if m := Message(e.Raw); m != "" {
		return msg + ": " + m
	}
	if len(e.Raw) > 0 {
		return msg + ": " + snippet(e.Raw)
	}
	return msg
}

func statusText(code int, status string) string {
	if status != "" {
		return status
	}
	return strconv.Itoa(code) + " " + http.StatusText(code)
}

func snippet(b []byte) string {
	const n = 200
	s := strings.ToValidUTF8(string(b[:min(len(b), n)]), "\uFFFD")
	if len(b) > n {
		s += "…"
	}
	return strconv.Quote(s)
}

// ResponseError is a documented error response: the status and headers in
// the embedded APIError, the body decoded as the spec describes it. Generated
// packages name one per error body type, e.g.
//
//	type BadRequestResponseError = oas.ResponseError[BadRequestResponse]
//
// so that errors.As(err, &e) with e *BadRequestResponseError finds it, and
// errors.As with *oas.APIError finds the shared part.
type ResponseError[T any] struct {
	*APIError
	Body T
}

func (e *ResponseError[T]) Error() string { return e.APIError.Error() }

// Unwrap returns the APIError, so errors.As can reach it.
func (e *ResponseError[T]) Unwrap() error { return e.APIError }

// DecodeError is a response whose body did not decode as the spec says. Raw
// keeps the bytes; for a non-2xx response Response holds the status.
type DecodeError struct {
	Method      string
	URL         string
	StatusCode  int
	ContentType string
	Raw         []byte
	Err         error
	// Response is set for non-2xx responses.
	Response *APIError

	Operation string // the generated method's name ("" when unknown)
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s%s %s: %d response (%s) does not decode: %v; body: %s",
		opPrefix(e.Operation), e.Method, e.URL, e.StatusCode, e.ContentType, e.Err, snippet(e.Raw))
}

// Unwrap returns the decoding error and, for non-2xx responses, the APIError.
func (e *DecodeError) Unwrap() []error {
	if e.Response != nil {
		return []error{e.Err, e.Response}
	}
	return []error{e.Err}
}

// Stream is a response body handed over unread (binary and other non-JSON
// downloads): an io.ReadCloser the caller reads and must close, with the
// response's status and headers. Reading it is still bound by the call's
// context.
type Stream struct {
	io.ReadCloser
	StatusCode  int
	ContentType string
	// ContentLength is the body's announced length, -1 when unknown.
	ContentLength int64
	Header        http.Header
}
