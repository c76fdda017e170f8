package oas

// The HTTP half of the runtime: what every generated client would otherwise
// repeat. A generated operation method validates its input, describes the
// call as a Call (method, URL, JSON body, auth, the spec's retry policy) and
// hands it to Do, which sends it with retries and returns the whole response
// read into memory; the method then decodes the documented body or builds the
// documented error. Nothing here knows about a particular spec.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
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

// MaxSuccessBody caps a 2xx response body; a larger body fails the call with
// a DecodeError rather than being read without bound.
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

// AuthKind is how an operation's security scheme carries the API key.
type AuthKind int

const (
	AuthBasic  AuthKind = iota + 1 // HTTP basic, the key as user name, empty password
	AuthBearer                     // Authorization: Bearer <key>
	AuthHeader                     // apiKey in a header named Param
	AuthQuery                      // apiKey in a query parameter named Param
	AuthCookie                     // apiKey in a cookie named Param
)

// Auth is one way an operation accepts credentials.
type Auth struct {
	Kind  AuthKind
	Param string
}

// Call is one operation call as a generated method describes it.
type Call struct {
	Method string
	URL    *url.URL
	// Body is the JSON request body, nil when there is none. It is sent
	// again, byte for byte, on every retry.
	Body   []byte
	Header http.Header
	// Auth lists the schemes the operation accepts; the first is used.
	Auth []Auth
	// Retry is the policy in force (nil: no retries).
	Retry *RetryPolicy

	// Operation is the generated method's name, which status errors
	// start with ("CreatePet: POST …/pet: 401 Unauthorized").
	Operation string
}

// Transport is the client-wide configuration Do needs.
type Transport struct {
	HTTPClient *http.Client
	APIKey     string
	UserAgent  string
	// Sleep waits for d or until ctx is done; nil uses a timer. Tests
	// replace it to observe the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Response is a response read in full.
type Response struct {
	Method     string
	URL        string
	StatusCode int
	Status     string
	Header     http.Header
	Body       []byte
	// Truncated reports that Body was cut at MaxErrorBody.
	Truncated bool

	Operation string // Call.Operation
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
	start := time.Now()
	for attempt := 1; ; attempt++ {
		resp, err := t.once(ctx, call)
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), ctxErr)
		}
		var wait time.Duration
		switch {
		case err != nil:
			if policy == nil || !policy.ConnectionErrors {
				return nil, err
			}
			wait = policy.backoff(attempt)
		case policy.retriesStatus(resp.StatusCode):
			wait = policy.backoff(attempt)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				wait = ra
			}
		default:
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
		if serr := t.sleep(ctx, wait); serr != nil {
			return nil, fmt.Errorf("%s %s: waiting to retry: %w", call.Method, redact(call.URL), serr)
		}
	}
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

// once sends one request and reads the whole response.
func (t *Transport) once(ctx context.Context, call *Call) (*Response, error) {
	u := *call.URL
	var body io.Reader
	if call.Body != nil {
		// A *bytes.Reader also gives the request its ContentLength and a
		// GetBody that replays the body on redirects.
		body = bytes.NewReader(call.Body)
	}
	// The URL is already parsed: the request gets a copy of it rather than
	// a string to parse again. The copy may get the key (AuthQuery), so
	// messages name call.URL.
	req, err := http.NewRequestWithContext(ctx, call.Method, "", body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), err)
	}
	u.Host = strings.TrimSuffix(u.Host, ":") // as NewRequest drops an empty port
	req.URL, req.Host = &u, u.Host
	for k, vs := range call.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	// The fixed headers' values share one allocation; each is its own
	// capacity-1 slice, so that appending to one cannot touch the next.
	fixed := [...]string{"application/json", "application/json", t.UserAgent}
	vals := fixed[:]
	if call.Body != nil {
		req.Header["Content-Type"] = vals[0:1:1]
	}
	if req.Header.Get("Accept") == "" {
		req.Header["Accept"] = vals[1:2:2]
	}
	if t.UserAgent != "" {
		req.Header["User-Agent"] = vals[2:3:3]
	}
	if len(call.Auth) > 0 && t.APIKey != "" {
		a := call.Auth[0]
		switch a.Kind {
		case AuthBasic:
			req.SetBasicAuth(t.APIKey, "")
		case AuthBearer:
			req.Header.Set("Authorization", "Bearer "+t.APIKey)
		case AuthHeader:
			req.Header.Set(a.Param, t.APIKey)
		case AuthQuery:
			// Appended, not re-encoded: parsing and encoding the query again
			// would reorder it and escape the delimiters its styles wrote.
			kv := escape(a.Param) + "=" + escape(t.APIKey)
			if req.URL.RawQuery != "" {
				kv = "&" + kv
			}
			req.URL.RawQuery += kv
		case AuthCookie:
			req.AddCookie(&http.Cookie{Name: a.Param, Value: t.APIKey})
		}
	}
	hc := t.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = redact(call.URL) // the request URL may carry the key (AuthQuery)
		}
		return nil, err
	}
	defer res.Body.Close()
	out := &Response{Operation: call.Operation, Method: call.Method, URL: redact(call.URL), StatusCode: res.StatusCode, Status: res.Status, Header: res.Header}
	limit := int64(MaxSuccessBody)
	if res.StatusCode/100 != 2 {
		limit = MaxErrorBody
	}
	out.Body, err = io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s %s: reading the %s response: %w", call.Method, out.URL, res.Status, err)
	}
	if int64(len(out.Body)) > limit {
		out.Body, out.Truncated = out.Body[:limit], true
	}
	return out, nil
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
	return &APIError{Operation: r.Operation, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode, Status: r.Status,
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
// has grown since the spec was written never fails a call.
func DecodeJSON[T any](r *Response) (*T, error) {
	out := new(T)
	var err error
	switch {
	case r.Truncated:
		err = fmt.Errorf("body larger than %d bytes", MaxSuccessBody)
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
		de := &DecodeError{Operation: r.Operation, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
			ContentType: r.Header.Get("Content-Type"), Raw: r.Body, Err: err}
		if r.StatusCode/100 != 2 {
			de.Response = NewAPIError(r)
		}
		return nil, de
	}
	return out, nil
}

// DecodeValue is DecodeJSON for results a generated method returns by
// value (slices, maps, scalars, Nullable): the zero T on error.
func DecodeValue[T any](r *Response) (T, error) {
	out, err := DecodeJSON[T](r)
	if err != nil {
		var zero T
		return zero, err
	}
	return *out, nil
}

// DecodeErrorResponse builds the documented error for a non-2xx response
// whose body is a T, or a DecodeError when the body is not one.
func DecodeErrorResponse[T any](r *Response) error {
	body, err := DecodeJSON[T](r)
	if err != nil {
		return err
	}
	return &ResponseError[T]{APIError: NewAPIError(r), Body: *body}
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
