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
	"reflect"
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
	// Body is the JSON request body, nil when there is none. It is sent
	// again, byte for byte, on every retry.
	Body   []byte
	Header http.Header
	// Operation names the operation for hooks (its operationId).
	Operation string
	// Security lists the alternative ways the operation accepts
	// credentials (see auth.go); empty means it needs none.
	Security []Requirement
	// Retry is the policy in force (nil: no retries).
	Retry *RetryPolicy
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
	sec, err := chooseRequirement(call)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	for attempt := 1; ; attempt++ {
		resp, err := t.once(HookContext{Context: ctx, Operation: call.Operation, Attempt: attempt}, call, &cc, sec)
		if ctxErr := ctx.Err(); ctxErr != nil {
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
func (t *Transport) once(hc HookContext, call *Call, cc *CallConfig, sec Requirement) (*Response, error) {
	ctx := hc.Context
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
	defer res.Body.Close()
	out := &Response{Method: call.Method, URL: redact(call.URL), StatusCode: res.StatusCode, Status: res.Status, Header: res.Header}
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
}

// NewAPIError describes a non-2xx response.
func NewAPIError(r *Response) *APIError {
	return &APIError{Method: r.Method, URL: r.URL, StatusCode: r.StatusCode, Status: r.Status,
		Header: r.Header, Raw: r.Body, Truncated: r.Truncated}
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("%s %s: %s", e.Method, e.URL, statusText(e.StatusCode, e.Status))
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

// Message picks the human-readable message out of a JSON error body: the
// first string among "message", "error", "detail", "title". It returns ""
// when there is none.
func Message(raw []byte) string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	for _, k := range []string{"message", "error", "detail", "title"} {
		var s string
		if v, ok := m[k]; ok && json.Unmarshal(v, &s) == nil && s != "" {
			return s
		}
	}
	return ""
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
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s %s: %d response (%s) does not decode: %v; body: %s",
		e.Method, e.URL, e.StatusCode, e.ContentType, e.Err, snippet(e.Raw))
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
		de := &DecodeError{Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
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

// runtimePkg is this package's import path, which Opt and Nullable carry.
var runtimePkg = reflect.TypeFor[Opt[int]]().PkgPath()

// ParamValues renders a parameter value as strings: one for a scalar, one
// per element for a slice (form style, exploded). Named string and number
// types (enums) render as their underlying value, time.Time as RFC 3339,
// fmt.Stringers through String, a null item of a slice as "".
func ParamValues(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case time.Time:
		return []string{x.Format(time.RFC3339Nano)}
	case []byte:
		return []string{string(x)}
	case fmt.Stringer:
		return []string{x.String()}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Struct && rv.Type().PkgPath() == runtimePkg {
		// Opt and Nullable, as the items of an array parameter may be: a
		// value renders as itself, null as one empty value, absent as none.
		if n := rv.MethodByName("IsNull"); n.IsValid() && n.Call(nil)[0].Bool() {
			return []string{""}
		}
		if g := rv.MethodByName("Get"); g.IsValid() {
			out := g.Call(nil)
			if !out[1].Bool() {
				return nil
			}
			return ParamValues(out[0].Interface())
		}
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		var out []string
		for i := 0; i < rv.Len(); i++ {
			out = append(out, ParamValues(rv.Index(i).Interface())...)
		}
		return out
	case reflect.String:
		return []string{rv.String()}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return []string{strconv.FormatInt(rv.Int(), 10)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return []string{strconv.FormatUint(rv.Uint(), 10)}
	case reflect.Float32, reflect.Float64:
		return []string{strconv.FormatFloat(rv.Float(), 'f', -1, 64)}
	case reflect.Bool:
		return []string{strconv.FormatBool(rv.Bool())}
	case reflect.Invalid:
		return nil
	}
	b, _ := json.Marshal(v)
	return []string{string(b)}
}

// PathParam renders a path parameter (simple style: slices comma-joined),
// escaped as one path segment.
func PathParam(v any) string {
	return url.PathEscape(strings.Join(ParamValues(v), ","))
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
