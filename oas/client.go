package oas

// The HTTP half of the runtime: what every generated client would otherwise
// repeat. A generated operation method validates its input, describes the
// call as a Call (method, URL, body, auth, the spec's retry policy) and hands
// it to Do, which sends it with retries and returns the whole response read
// into memory (or, for a download, a 2xx left unread); the method then
// decodes the documented body or builds the documented error. Nothing here
// knows about a particular spec.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// MaxErrorBody caps how much of a non-2xx response body is kept (in
// APIError.Raw); the rest is discarded so that a huge error page cannot
// exhaust memory.
const MaxErrorBody = 64 << 10

// MaxSuccessBody is the default cap on a 2xx response body
// (Transport.MaxResponseBytes): a larger body fails the call with a
// *ResponseTooLargeError rather than being read without bound.
const MaxSuccessBody = 64 << 20

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

func (p *RetryPolicy) attempts() int {
	if p == nil {
		return 1
	}
	if p.MaxAttempts <= 0 {
		return DefaultMaxAttempts
	}
	return p.MaxAttempts
}

func (p *RetryPolicy) retriesStatus(code int) bool {
	if p == nil {
		return false
	}
	for _, c := range p.StatusCodes {
		if c == code {
			return true
		}
	}
	return false
}

// backoff is the wait before retry n (1-based), with jitter.
func (p *RetryPolicy) backoff(n int) time.Duration {
	exp := p.Exponent
	if exp < 1 {
		exp = 1
	}
	d := float64(p.InitialInterval) * math.Pow(exp, float64(n-1))
	if p.MaxInterval > 0 && d > float64(p.MaxInterval) {
		d = float64(p.MaxInterval)
	}
	if d <= 0 {
		return 0
	}
	// "Equal jitter": keep half, randomise the other half, so that clients
	// throttled together do not come back together.
	return time.Duration(d/2 + rand.Float64()*d/2)
}

// CallOption changes one call.
type CallOption func(*CallConfig)

// CallConfig is what CallOptions change.
type CallConfig struct {
	// Retry replaces the retry policy for this call; RetrySet says it was set.
	Retry    *RetryPolicy
	RetrySet bool
	// Header, Query and Editors are added to every attempt's request (see
	// WithHeader, WithQuery, WithRequestEditor in hooks.go).
	Header  http.Header
	Query   url.Values
	Editors []RequestEditor
	// PageURL and ResponseHeader serve pagination (paginate.go): the URL
	// a next-page link gave, and where to store the response's headers.
	PageURL        string
	ResponseHeader *http.Header
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

// Call is one operation call as a generated method describes it.
type Call struct {
	Method string
	URL    *url.URL
	// Body is the request body, nil when there is none. It is sent again,
	// byte for byte, on every retry.
	Body []byte
	// Reader is a request body read as it is sent (binary uploads), used
	// when Body is nil. A retry replays it byte for byte: an io.Seeker is
	// sought back to where it stood, any other reader is read into memory
	// first when the call may be retried (WithoutRetries streams it).
	Reader io.Reader
	// ContentType is the body's Content-Type; "" means application/json.
	ContentType string
	// Accept is the Accept header; "" means application/json. A Header
	// value wins over both.
	Accept string
	// Stream leaves a 2xx body unread for the caller (Response.Close,
	// StreamOf); other bodies are read in full as usual.
	Stream bool
	Header http.Header
	// Operation names the operation for hooks (its operationId).
	Operation string
	// Security lists the alternative ways the operation accepts
	// credentials (see auth.go); empty means it needs none.
	Security []Requirement
	// Retry is the policy in force (nil: no retries).
	Retry *RetryPolicy

	// Func is the generated method's name, which status errors start
	// with ("CreatePet: POST …/pet: 401 Unauthorized").
	Func string
}

// Transport is the client-wide configuration Do needs.
type Transport struct {
	HTTPClient *http.Client
	UserAgent  string
	// Hooks run around every attempt (hooks.go).
	Hooks []Hooks
	// MaxResponseBytes caps a 2xx response body; 0 means MaxSuccessBody.
	MaxResponseBytes int64
	// Sleep waits for d or until ctx is done; nil uses a timer. Tests
	// replace it to observe the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Response is a response read in full, or, for a 2xx of a Call with
// Stream, one whose body is still to be read (see Close and StreamOf).
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
	stream        io.ReadCloser // the unread body of a streamed 2xx
	// Func is the generated method's name (Call.Func).
	Func string
}

// Close closes a body still unread; a response read in full or whose body
// StreamOf took is left as it is. A generated method defers it, so that a
// streamed response it does not hand over cannot hold its connection.
func (r *Response) Close() error {
	if r == nil || r.stream == nil {
		return nil
	}
	err := r.stream.Close()
	r.stream = nil
	return err
}

// buffer reads a streamed body into Body, as a response read in full would
// have been.
func (r *Response) buffer() error {
	if r.stream == nil {
		return nil
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r.stream, MaxSuccessBody+1))
	if err != nil {
		return fmt.Errorf("%s %s: reading the %s response: %w", r.Method, r.URL, statusText(r.StatusCode, r.Status), err)
	}
	r.Body = b
	if len(b) > MaxSuccessBody {
		r.Body, r.Truncated = b[:MaxSuccessBody], true
	}
	return nil
}

// Do sends call, retrying as its policy says, and returns the last response
// read in full. It returns an error only when no response was received (the
// last attempt's transport error, or the context's error), so statuses are
// the caller's to interpret.
func (t *Transport) Do(ctx context.Context, call *Call, opts []CallOption) (*Response, error) {
	var cc CallConfig
	for _, o := range opts {
		o(&cc)
	}
	policy := call.Retry
	if cc.RetrySet {
		policy = cc.Retry
	}
	if cc.PageURL != "" {
		u, err := pageURL(call.URL, cc.PageURL)
		if err != nil {
			return nil, err
		}
		c := *call
		c.URL = u
		call = &c
	}
	sec, err := chooseRequirement(call)
	if err != nil {
		return nil, err
	}
	body, err := replayable(call, policy.attempts() > 1)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), err)
	}
	start := time.Now()
	for attempt := 1; ; attempt++ {
		r, n, err := body()
		if err != nil {
			return nil, fmt.Errorf("%s %s: replaying the request body: %w", call.Method, redact(call.URL), err)
		}
		resp, err := t.once(HookContext{Context: ctx, Operation: call.Operation, Attempt: attempt}, call, &cc, sec, r, n)
		if ctxErr := ctx.Err(); ctxErr != nil {
			resp.Close()
			return nil, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), ctxErr)
		}
		var wait time.Duration
		switch perr, stop := isPermanent(err); {
		case stop:
			return nil, perr
		case err != nil:
			if policy == nil || !policy.ConnectionErrors {
				return nil, err
			}
			wait = policy.backoff(attempt)
		case policy.retriesStatus(resp.StatusCode):
			wait = policy.backoff(attempt)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				// Honoured even past MaxInterval (the server knows when it
				// will answer); MaxElapsed and the context bound it below.
				wait = ra
			}
		default:
			if cc.ResponseHeader != nil {
				*cc.ResponseHeader = resp.Header
			}
			return resp, nil
		}
		if attempt >= policy.attempts() ||
			(policy.MaxElapsed > 0 && time.Since(start)+wait > policy.MaxElapsed) {
			return resp, err
		}
		if deadline, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(deadline) {
			// The wait alone would outlast the caller's deadline: give the
			// caller the answer we have now instead of a bare timeout later.
			return resp, err
		}
		resp.Close() // a streamed 2xx that is retried
		if serr := t.sleep(ctx, wait); serr != nil {
			return nil, fmt.Errorf("%s %s: waiting to retry: %w", call.Method, redact(call.URL), serr)
		}
	}
}

// replayable returns what gives each attempt its request body and that
// body's length (-1 unknown): call.Body again, or call.Reader, sought back
// or read into memory first when the call may be retried.
func replayable(call *Call, retries bool) (func() (io.Reader, int64, error), error) {
	if call.Body != nil || call.Reader == nil {
		return func() (io.Reader, int64, error) {
			if call.Body == nil {
				return nil, 0, nil
			}
			return bytes.NewReader(call.Body), int64(len(call.Body)), nil
		}, nil
	}
	r := call.Reader
	if s, ok := r.(io.Seeker); ok {
		start, err := s.Seek(0, io.SeekCurrent)
		end, err2 := s.Seek(0, io.SeekEnd)
		if err == nil && err2 == nil {
			if _, err := s.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("request body: %w", err)
			}
			first := true
			return func() (io.Reader, int64, error) {
				if !first {
					if _, err := s.Seek(start, io.SeekStart); err != nil {
						return nil, 0, err
					}
				}
				first = false
				// Hidden behind a plain Reader: the HTTP client closes a
				// body that is an io.Closer (an *os.File), and a retry
				// needs it open.
				return struct{ io.Reader }{r}, end - start, nil
			}, nil
		}
	}
	if !retries {
		return func() (io.Reader, int64, error) { return struct{ io.Reader }{r}, -1, nil }, nil
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading the request body: %w", err)
	}
	return func() (io.Reader, int64, error) { return bytes.NewReader(b), int64(len(b)), nil }, nil
}

func (t *Transport) sleep(ctx context.Context, d time.Duration) error {
	if t.Sleep != nil {
		return t.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}

// once sends one request with body (of length n, -1 unknown) and reads the
// whole response, or, for a streamed 2xx, its head.
func (t *Transport) once(hc HookContext, call *Call, cc *CallConfig, sec Requirement, body io.Reader, n int64) (*Response, error) {
	ctx := hc.Context
	u := *call.URL
	// The URL is already parsed: the request gets a copy of it rather than
	// a string to parse again. The copy may get a key (apiKey in query), so
	// messages name call.URL.
	req, err := http.NewRequestWithContext(ctx, call.Method, "", body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), err)
	}
	if _, ok := body.(*bytes.Reader); !ok && body != nil && n >= 0 {
		// A *bytes.Reader gives the request its ContentLength and a GetBody
		// that replays it on redirects by itself; a sized stream is not sent
		// chunked.
		req.ContentLength = n
		if n == 0 {
			req.Body = http.NoBody
		}
	}
	u.Host = strings.TrimSuffix(u.Host, ":") // as NewRequest drops an empty port
	req.URL, req.Host = &u, u.Host
	for k, vs := range call.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	// The fixed headers' values share one allocation; each is its own
	// capacity-1 slice, so that appending to one cannot touch the next.
	ct, accept := call.ContentType, call.Accept
	if ct == "" {
		ct = "application/json"
	}
	if accept == "" {
		accept = "application/json"
	}
	fixed := [...]string{ct, accept, t.UserAgent}
	vals := fixed[:]
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header["Content-Type"] = vals[0:1:1]
	}
	if req.Header.Get("Accept") == "" {
		req.Header["Accept"] = vals[1:2:2]
	}
	if t.UserAgent != "" {
		req.Header["User-Agent"] = vals[2:3:3]
	}
	var sent sentCreds
	if err := t.prepare(hc, req, cc, sec, &sent); err != nil {
		return nil, err
	}
	res, err := t.client(req, &sent).Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = redact(call.URL) // the request URL may carry a key (apiKey in query)
		}
		t.onError(hc, req, err)
		return nil, err
	}
	out := &Response{Func: call.Func, Method: call.Method, URL: redact(call.URL), StatusCode: res.StatusCode, Status: res.Status, Header: res.Header,
		ContentLength: res.ContentLength}
	if call.Stream && res.StatusCode/100 == 2 {
		out.stream = res.Body
		if err := t.afterResponse(hc, req, out); err != nil {
			res.Body.Close()
			return nil, err
		}
		return out, nil
	}
	defer res.Body.Close()
	limit := t.MaxResponseBytes
	if limit <= 0 {
		limit = MaxSuccessBody
	}
	if res.StatusCode/100 != 2 {
		limit = MaxErrorBody
	}
	out.Body, err = io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		err = fmt.Errorf("%s %s: reading the %s response: %w", call.Method, out.URL, res.Status, err)
		t.onError(hc, req, err)
		return nil, err
	}
	if int64(len(out.Body)) > limit {
		if res.StatusCode/100 == 2 {
			// Not retried: the same request would get the same body.
			return nil, &permanent{&ResponseTooLargeError{Method: call.Method, URL: out.URL, StatusCode: res.StatusCode, Limit: limit}}
		}
		out.Body, out.Truncated = out.Body[:limit], true
	}
	if err := t.afterResponse(hc, req, out); err != nil {
		return nil, err
	}
	return out, nil
}

// ResponseTooLargeError is a 2xx response whose body is longer than the
// client's limit (Transport.MaxResponseBytes, MaxSuccessBody by default).
// The rest of the body is not read.
type ResponseTooLargeError struct {
	Method, URL string
	StatusCode  int
	Limit       int64
}

func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("%s %s: %d response body larger than %d bytes", e.Method, e.URL, e.StatusCode, e.Limit)
}

// redact drops credentials from a URL before it goes into an error message.
func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > math.MaxInt64/int64(time.Second) {
			n = math.MaxInt64 / int64(time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		d := at.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
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

// NewAPIError describes a non-2xx response.
func NewAPIError(r *Response) *APIError {
	return &APIError{Operation: r.Func, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode, Status: r.Status,
		Header: r.Header, Raw: r.Body, Truncated: r.Truncated}
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

// DecodeJSON decodes a response body into a new T. Unknown fields are
// ignored and enum values outside the spec's list are kept, so a server that
// has grown since the spec was written never fails a call. An empty 2xx
// body (a 204, or a 200 whose spec promised one) is nil without an error:
// there is nothing to decode, which is not a wrong body.
func DecodeJSON[T any](r *Response) (*T, error) {
	if err := r.buffer(); err != nil {
		return nil, err
	}
	out := new(T)
	var err error
	switch {
	case r.Truncated:
		err = fmt.Errorf("body larger than %d bytes", MaxSuccessBody)
	case len(bytes.TrimSpace(r.Body)) == 0 && r.StatusCode/100 == 2:
		return nil, nil
	case len(bytes.TrimSpace(r.Body)) == 0:
		err = errors.New("empty body")
	default:
		if u, ok := any(out).(fastDecoder); ok {
			// A generated model decodes as encoding/json would (the
			// differential fuzz tests hold it to that), minus the reflection
			// and the separate validity scan; its errors are *JSONError.
			err = u.UnmarshalJSON(r.Body)
		} else {
			err = json.Unmarshal(r.Body, out)
		}
	}
	if err != nil {
		de := &DecodeError{Operation: r.Func, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
			ContentType: r.Header.Get("Content-Type"), Raw: r.Body, Err: err}
		if r.StatusCode/100 != 2 {
			de.Response = NewAPIError(r)
		}
		return nil, de
	}
	return out, nil
}

// DecodeValue is DecodeJSON for results a generated method returns by
// value (slices, maps, scalars, Nullable): the zero T on error or for an
// empty body.
func DecodeValue[T any](r *Response) (T, error) {
	out, err := DecodeJSON[T](r)
	if err != nil || out == nil {
		var zero T
		return zero, err
	}
	return *out, nil
}

// DecodeText returns a text body (text/plain and the like) as a string.
func DecodeText(r *Response) (string, error) {
	if err := r.buffer(); err != nil {
		return "", err
	}
	if r.Truncated {
		return "", &DecodeError{Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
			ContentType: r.Header.Get("Content-Type"), Raw: r.Body, Err: fmt.Errorf("body larger than %d bytes", MaxSuccessBody)}
	}
	return string(r.Body), nil
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

// StreamOf hands r's body over as a Stream; r.Close no longer closes it.
func StreamOf(r *Response) *Stream {
	body := r.stream
	r.stream = nil
	if body == nil {
		// Read already (a call without Stream): the bytes in memory.
		body = io.NopCloser(bytes.NewReader(r.Body))
	}
	return &Stream{ReadCloser: body, StatusCode: r.StatusCode, ContentType: r.Header.Get("Content-Type"),
		ContentLength: r.ContentLength, Header: r.Header}
}

// DecodeErrorResponse builds the documented error for a non-2xx response
// whose body is a T. A body that is not JSON at all (an HTML page from a
// proxy, plain text, nothing) is not the documented error: it is an
// *APIError keeping the raw body. A JSON body that does not decode as a T
// is a DecodeError, which keeps it too.
func DecodeErrorResponse[T any](r *Response) error {
	if !maybeJSON(r) {
		return NewAPIError(r)
	}
	body, err := DecodeJSON[T](r)
	if err != nil {
		return err
	}
	return &ResponseError[T]{APIError: NewAPIError(r), Body: *body}
}

// maybeJSON reports whether a response may hold JSON: a body that is not
// empty, under a JSON media type or none at all.
func maybeJSON(r *Response) bool {
	if len(bytes.TrimSpace(r.Body)) == 0 {
		return false
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err != nil || strings.Contains(mt, "json")
}

// fastDecoder is a generated model with a reflection-free decoder.
type fastDecoder interface {
	UnmarshalJSON([]byte) error
	DecodeJSON(*Decoder)
}

// fastEncoder is a generated model with a reflection-free encoder.
type fastEncoder interface {
	MarshalJSON() ([]byte, error)
	AppendJSON([]byte) ([]byte, error)
}

// Encode marshals a request body.
func Encode(v any) ([]byte, error) {
	var b []byte
	var err error
	if e, ok := v.(fastEncoder); ok {
		// The bytes json.Marshal would produce (escaping included, as the
		// fuzz tests check) without its copy through a scanner.
		b, err = e.MarshalJSON()
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return nil, fmt.Errorf("encoding the request body: %w", err)
	}
	return b, nil
}

// JoinURL appends a path (already escaped) to a server URL.
func JoinURL(server *url.URL, escapedPath string) (*url.URL, error) {
	ref, err := url.Parse(strings.TrimRight(server.Path, "/") + escapedPath)
	if err != nil {
		return nil, err
	}
	u := *server
	u.Path, u.RawPath = ref.Path, ref.RawPath
	return &u, nil
}
