package oasimpl

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

	"github.com/oasgen/oasgen/oas"
)

// Call is one operation call as a generated method describes it.
type Call struct {
	Method string
	URL    *url.URL
	// Server is the server URL that URL was joined to; a call passed
	// oas.WithServerURL swaps it for its own.
	Server *url.URL
	// Body is the request body, nil when there is none. It is sent again,
	// byte for byte, on every retry.
	Body []byte
	// Reader is a request body read as it is sent (binary uploads), used
	// when Body is nil. A retry replays it byte for byte: an io.Seeker is
	// sought back to where it stood, any other reader is read into memory
	// first when the call may be retried (oas.WithoutRetries streams it).
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
	Retry *oas.RetryPolicy

	// Func is the generated method's name, which status errors start
	// with ("CreatePet: POST …/pet: 401 Unauthorized").
	Func string
}

// Transport is the client-wide configuration Do needs.
type Transport struct {
	HTTPClient *http.Client
	UserAgent  string
	// Hooks run around every attempt (hooks.go).
	Hooks []oas.Hooks
	// MaxResponseBytes caps a 2xx response body; 0 means oas.MaxSuccessBody.
	MaxResponseBytes int64
	// Timeout bounds each call, retries included (timeout.go); 0 means
	// none besides the context's.
	Timeout time.Duration
	// Sleep waits for d or until ctx is done; nil uses a timer. Tests
	// replace it to observe the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Response is a response as Do returns it: the oas.Response that hooks and
// errors see, plus, for a 2xx of a Call with Stream, the body still to be
// read (see Close and StreamOf).
type Response struct {
	oas.Response
	stream io.ReadCloser // the unread body of a streamed 2xx
	// request and http are the exchange as net/http had it, for
	// oas.HTTPMeta (http's Body is http.NoBody; nil unless asked for).
	request *http.Request
	http    *http.Response
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
	b, err := io.ReadAll(io.LimitReader(r.stream, oas.MaxSuccessBody+1))
	if err != nil {
		return fmt.Errorf("%s %s: reading the %s response: %w", r.Method, r.URL, statusText(r.StatusCode, r.Status), err)
	}
	r.Body = b
	if len(b) > oas.MaxSuccessBody {
		r.Body, r.Truncated = b[:oas.MaxSuccessBody], true
	}
	return nil
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

// NewAPIError describes a non-2xx response. It is kept out of line: every
// generated method calls it on its error path, where inlining it copied
// the struct literal into each (part of what the generated package costs
// to compile, docs/performance.md).
//
//go:noinline
func NewAPIError(r *Response) *oas.APIError {
	return &oas.APIError{Operation: r.Func, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode, Status: r.Status,
		Header: r.Header, Raw: r.Body, Truncated: r.Truncated}
}

// DecodeJSON decodes a response body into a new T. Unknown fields are
// ignored and enum values outside the spec's list are kept, so a server that
// has grown since the spec was written never fails a call. An empty 2xx
// body (a 204, or a 200 whose spec promised one) is nil without an error:
// there is nothing to decode, which is not a wrong body.
func DecodeJSON[T any](r *Response) (*T, error) {
	out := new(T)
	if empty, err := decodeInto(r, out); empty || err != nil {
		return nil, err
	}
	return out, nil
}

// decodeInto is DecodeJSON's body for out, a *T: one function for every
// T, so that each response type costs the generated package a few
// instructions to compile rather than a copy of this. empty reports a 2xx
// response without a body.
func decodeInto(r *Response, out any) (empty bool, err error) {
	if err := r.buffer(); err != nil {
		return false, err
	}
	switch {
	case r.Truncated:
		err = fmt.Errorf("body larger than %d bytes", oas.MaxSuccessBody)
	case len(bytes.TrimSpace(r.Body)) == 0 && r.StatusCode/100 == 2:
		return true, nil
	case len(bytes.TrimSpace(r.Body)) == 0:
		err = errors.New("empty body")
	default:
		if u, ok := out.(fastDecoder); ok {
			// A generated model decodes as encoding/json would (the
			// differential fuzz tests hold it to that), minus the reflection
			// and the separate validity scan; its errors are *oas.JSONError.
			err = u.UnmarshalJSON(r.Body)
		} else {
			err = json.Unmarshal(r.Body, out)
		}
	}
	if err != nil {
		de := &oas.DecodeError{Operation: r.Func, Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
			ContentType: r.Header.Get("Content-Type"), Raw: r.Body, Err: err}
		if r.StatusCode/100 != 2 {
			de.Response = NewAPIError(r)
		}
		return false, de
	}
	return false, nil
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
		return "", &oas.DecodeError{Method: r.Method, URL: r.URL, StatusCode: r.StatusCode,
			ContentType: r.Header.Get("Content-Type"), Raw: r.Body, Err: fmt.Errorf("body larger than %d bytes", oas.MaxSuccessBody)}
	}
	return string(r.Body), nil
}

// StreamOf hands r's body over as a Stream; r.Close no longer closes it.
func StreamOf(r *Response) *oas.Stream {
	body := r.stream
	r.stream = nil
	if body == nil {
		// Read already (a call without Stream): the bytes in memory.
		body = io.NopCloser(bytes.NewReader(r.Body))
	}
	return &oas.Stream{ReadCloser: body, StatusCode: r.StatusCode, ContentType: r.Header.Get("Content-Type"),
		ContentLength: r.ContentLength, Header: r.Header}
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
func attempts(p *oas.RetryPolicy) int {
	if p == nil {
		return 1
	}
	if p.MaxAttempts <= 0 {
		return oas.DefaultMaxAttempts
	}
	return p.MaxAttempts
}

func retriesStatus(p *oas.RetryPolicy, code int) bool {
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
func backoff(p *oas.RetryPolicy, n int) time.Duration {
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

// Do sends call, retrying as its policy says, and returns the last response
// read in full. It returns an error only when no response was received (the
// last attempt's transport error, or the context's error), so statuses are
// the caller's to interpret.
func (t *Transport) Do(ctx context.Context, call *Call, opts []oas.CallOption) (*Response, error) {
	var cc oas.CallConfig
	for _, o := range opts {
		o(&cc)
	}
	timeout := t.Timeout
	if cc.TimeoutSet {
		timeout = cc.Timeout
	}
	ctx, done := withTimeout(ctx, timeout, call.Stream)
	resp, attempts, err := t.do(ctx, call, &cc)
	done(resp)
	if resp != nil {
		if cerr := capture(&cc, resp, attempts); cerr != nil {
			resp.Close()
			return nil, cerr
		}
	}
	return resp, err
}

// do is Do once the call's options are read and its timeout is in ctx; it
// also returns the number of requests sent.
func (t *Transport) do(ctx context.Context, call *Call, cc *oas.CallConfig) (*Response, int, error) {
	policy := call.Retry
	if cc.RetrySet {
		policy = cc.Retry
	}
	if cc.ServerURL != "" {
		u, err := swapServer(call, cc.ServerURL)
		if err != nil {
			return nil, 0, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), err)
		}
		c := *call
		c.URL = u
		call = &c
	}
	if cc.PageURL != "" {
		u, err := pageURL(call.URL, cc.PageURL)
		if err != nil {
			return nil, 0, err
		}
		c := *call
		c.URL = u
		call = &c
	}
	sec, err := chooseRequirement(call)
	if err != nil {
		return nil, 0, err
	}
	body, err := replayable(call, attempts(policy) > 1)
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), err)
	}
	start := time.Now()
	for attempt := 1; ; attempt++ {
		r, n, err := body()
		if err != nil {
			return nil, attempt - 1, fmt.Errorf("%s %s: replaying the request body: %w", call.Method, redact(call.URL), err)
		}
		resp, err := t.once(oas.HookContext{Context: ctx, Operation: call.Operation, Attempt: attempt}, call, cc, sec, r, n)
		if ctx.Err() != nil {
			resp.Close()
			// The cause: the caller's cancellation or deadline, or the
			// call's own timeout (an *oas.TimeoutError).
			return nil, attempt, fmt.Errorf("%s %s: %w", call.Method, redact(call.URL), context.Cause(ctx))
		}
		var wait time.Duration
		switch perr, stop := isPermanent(err); {
		case stop:
			return nil, attempt, perr
		case err != nil:
			if policy == nil || !policy.ConnectionErrors {
				return nil, attempt, err
			}
			wait = backoff(policy, attempt)
		case retriesStatus(policy, resp.StatusCode):
			wait = backoff(policy, attempt)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				// Honoured even past MaxInterval (the server knows when it
				// will answer); MaxElapsed and the context bound it below.
				wait = ra
			}
		default:
			if cc.ResponseHeader != nil {
				*cc.ResponseHeader = resp.Header
			}
			return resp, attempt, nil
		}
		if attempt >= attempts(policy) ||
			(policy.MaxElapsed > 0 && time.Since(start)+wait > policy.MaxElapsed) {
			return resp, attempt, err
		}
		if deadline, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(deadline) {
			// The wait alone would outlast the caller's deadline: give the
			// caller the answer we have now instead of a bare timeout later.
			return resp, attempt, err
		}
		resp.Close() // a streamed 2xx that is retried
		if serr := t.sleep(ctx, wait); serr != nil {
			if ctx.Err() != nil {
				serr = context.Cause(ctx)
			}
			return nil, attempt, fmt.Errorf("%s %s: waiting to retry: %w", call.Method, redact(call.URL), serr)
		}
	}
}

// once sends one request with body (of length n, -1 unknown) and reads the
// whole response, or, for a streamed 2xx, its head.
func (t *Transport) once(hc oas.HookContext, call *Call, cc *oas.CallConfig, sec Requirement, body io.Reader, n int64) (*Response, error) {
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
	// A User-Agent header parameter the operation declares (and the call
	// set) is the spec's to decide: it wins over the package's, as
	// Content-Type and Accept parameters do.
	if t.UserAgent != "" && req.Header.Get("User-Agent") == "" {
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
	out := &Response{Response: oas.Response{Func: call.Func, Method: call.Method, URL: redact(call.URL), StatusCode: res.StatusCode, Status: res.Status, Header: res.Header,
		ContentLength: res.ContentLength}, request: res.Request}
	if cc.Meta != nil {
		meta := *res
		meta.Body = http.NoBody
		out.http = &meta
	}
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
		limit = oas.MaxSuccessBody
	}
	if res.StatusCode/100 != 2 {
		limit = oas.MaxErrorBody
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
			return nil, &permanent{&oas.ResponseTooLargeError{Method: call.Method, URL: out.URL, StatusCode: res.StatusCode, Limit: limit}}
		}
		out.Body, out.Truncated = out.Body[:limit], true
	}
	if err := t.afterResponse(hc, req, out); err != nil {
		return nil, err
	}
	return out, nil
}

// DecodeErrorResponse builds the documented error for a non-2xx response
// whose body is a T. A body that is not JSON at all (an HTML page from a
// proxy, plain text, nothing) is not the documented error: it is an
// *oas.APIError keeping the raw body. A JSON body that does not decode as a T
// is an *oas.DecodeError, which keeps it too.
func DecodeErrorResponse[T any](r *Response) error {
	if !maybeJSON(r) {
		return NewAPIError(r)
	}
	body, err := DecodeJSON[T](r)
	if err != nil {
		return err
	}
	return &oas.ResponseError[T]{APIError: NewAPIError(r), Body: *body}
}

// statusText is the status line's text, or the standard one for code. (The
// same few lines as in package oas, which keeps its copy unexported.)
func statusText(code int, status string) string {
	if status != "" {
		return status
	}
	return strconv.Itoa(code) + " " + http.StatusText(code)
}

// OpError prefixes err with the operation's name, as fmt.Errorf("%s: %w")
// does (the same error type and text): generated methods call it where
// each would otherwise inline fmt.Errorf, a few hundred bytes apiece.
//
//go:noinline
func OpError(op string, err error) error { return fmt.Errorf("%s: %w", op, err) }
