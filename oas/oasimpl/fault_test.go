package oasimpl

// The transport against a network that misbehaves: an httptest server
// whose handlers refuse, reset, truncate, stall, redirect, throttle and
// stream without end. Every test checks that no goroutine outlives it
// (goleak) and that every response body the client was given got closed.
// Policies and deadlines are milliseconds, so the whole file runs in well
// under a second.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
	"go.uber.org/goleak"
)

// fast retries quickly on 503 and connection errors.
func fast() *oas.RetryPolicy {
	return &oas.RetryPolicy{StatusCodes: []int{429, 503}, ConnectionErrors: true, InitialInterval: time.Millisecond,
		MaxInterval: 2 * time.Millisecond, Exponent: 2, MaxAttempts: 4}
}

// bodyCounter counts response bodies handed out and closed.
type bodyCounter struct {
	rt             http.RoundTripper
	opened, closed atomic.Int32
}

type countedBody struct {
	io.ReadCloser
	once sync.Once
	c    *bodyCounter
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.c.closed.Add(1) })
	return b.ReadCloser.Close()
}

func (c *bodyCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	res, err := c.rt.RoundTrip(r)
	if err == nil {
		c.opened.Add(1)
		res.Body = &countedBody{ReadCloser: res.Body, c: c}
	}
	return res, err
}

// faultEnv is a server with per-attempt handlers and a transport whose
// bodies and goroutines the test checks at the end.
type faultEnv struct {
	t        *testing.T
	srv      *httptest.Server
	tr       *Transport
	bodies   *bodyCounter
	mu       sync.Mutex
	attempts int
	received [][]byte
}

func newFaultEnv(t *testing.T, handlers ...http.HandlerFunc) *faultEnv {
	t.Helper()
	// Registered first, so it runs last: after the server and the idle
	// connections are closed.
	opts := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opts) })
	e := &faultEnv{t: t}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		e.mu.Lock()
		n := e.attempts
		e.attempts++
		e.received = append(e.received, b)
		e.mu.Unlock()
		handlers[min(n, len(handlers)-1)](w, r)
	}))
	base := &http.Transport{}
	e.bodies = &bodyCounter{rt: base}
	e.tr = &Transport{HTTPClient: &http.Client{Transport: e.bodies}}
	t.Cleanup(func() {
		e.srv.Close()
		base.CloseIdleConnections()
		if o, c := e.bodies.opened.Load(), e.bodies.closed.Load(); o != c {
			t.Errorf("%d response bodies opened, %d closed", o, c)
		}
	})
	return e
}

func (e *faultEnv) call(method, path string, body []byte, p *oas.RetryPolicy) *Call {
	u, err := url.Parse(e.srv.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	return &Call{Method: method, URL: u, Body: body, Retry: p}
}

func (e *faultEnv) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.attempts
}

// reset drops the connection with a TCP RST, before any response byte.
func reset(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// cutBody promises 100 bytes, sends 10 and drops the connection.
func cutBody(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Length", "100")
	w.WriteHeader(200)
	w.Write([]byte(`{"a":"1234`))
	w.(http.Flusher).Flush()
	reset(w, nil)
}

func status(code int, kv ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(kv); i += 2 {
			w.Header().Set(kv[i], kv[i+1])
		}
		w.WriteHeader(code)
		w.Write([]byte(`{"ok":true}`))
	}
}

func TestFaultConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	opts := goleak.IgnoreCurrent()
	defer goleak.VerifyNone(t, opts)
	base := &http.Transport{}
	defer base.CloseIdleConnections()
	for _, p := range []*oas.RetryPolicy{nil, fast()} {
		var errs atomic.Int32
		tr := &Transport{HTTPClient: &http.Client{Transport: base},
			Hooks: []oas.Hooks{{OnError: func(oas.HookContext, *http.Request, error) { errs.Add(1) }}}}
		u, _ := url.Parse("http://" + addr + "/x")
		_, err := tr.Do(context.Background(), &Call{Method: "POST", URL: u, Body: []byte("{}"), Retry: p}, nil)
		want := int32(1)
		if p != nil {
			want = int32(p.MaxAttempts)
		}
		if err == nil || !strings.Contains(err.Error(), "refused") || errs.Load() != want {
			t.Errorf("policy %v: err = %v after %d attempts, want refused after %d", p != nil, err, errs.Load(), want)
		}
	}
}

func TestFaultResetAndTruncation(t *testing.T) {
	payload := []byte(`{"name":"naïve","n":[1,2,3]}`)
	for _, tc := range []struct {
		name  string
		first http.HandlerFunc
	}{
		{"reset before the response", reset},
		{"reset during the body", cutBody},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newFaultEnv(t, tc.first, tc.first, status(200))
			resp, err := e.tr.Do(context.Background(), e.call("PUT", "/x", payload, fast()), nil)
			if err != nil || resp.StatusCode != 200 || e.count() != 3 {
				t.Fatalf("resp %v, err %v after %d attempts; want 200 after 3", resp, err, e.count())
			}
			for i, b := range e.received {
				if !bytes.Equal(b, payload) {
					t.Errorf("attempt %d sent %q, want %q", i+1, b, payload)
				}
			}
		})
		t.Run(tc.name+", not retryable", func(t *testing.T) {
			e := newFaultEnv(t, tc.first, status(200))
			_, err := e.tr.Do(context.Background(), e.call("POST", "/x", payload, nil), nil)
			if err == nil || e.count() != 1 {
				t.Fatalf("err %v after %d attempts; want an error after 1 (the operation is not retryable)", err, e.count())
			}
		})
	}
	t.Run("truncated body is an unexpected EOF", func(t *testing.T) {
		e := newFaultEnv(t, cutBody)
		_, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, nil), nil)
		if !errors.Is(err, io.ErrUnexpectedEOF) && !strings.Contains(fmtErr(err), "reset") {
			t.Errorf("err = %v, want an unexpected EOF or a reset", err)
		}
	})
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestFaultSlowServerAgainstDeadline(t *testing.T) {
	stall := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	slowBody := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(200)
		w.Write([]byte("{"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}
	for name, h := range map[string]http.HandlerFunc{"slow headers": stall, "slow body": slowBody} {
		t.Run(name, func(t *testing.T) {
			e := newFaultEnv(t, h)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := e.tr.Do(ctx, e.call("POST", "/x", []byte("{}"), fast()), nil)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want context.DeadlineExceeded", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("returned after %v", d)
			}
			if e.count() != 1 {
				t.Errorf("%d attempts after the deadline", e.count())
			}
		})
	}
}

func TestFault5xxBurst(t *testing.T) {
	e := newFaultEnv(t, status(503), status(503), status(503), status(200))
	var seen []int
	var mu sync.Mutex
	e.tr.Hooks = []oas.Hooks{{AfterResponse: func(hc oas.HookContext, _ *http.Request, r *oas.Response) error {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, hc.Attempt*1000+r.StatusCode)
		return nil
	}}}
	resp, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, fast()), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("resp %v, err %v", resp, err)
	}
	if want := []int{1503, 2503, 3503, 4200}; !equalInts(seen, want) {
		t.Errorf("AfterResponse saw %v, want %v", seen, want)
	}
	t.Run("policy exhausted", func(t *testing.T) {
		e := newFaultEnv(t, status(503))
		resp, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, fast()), nil)
		if err != nil || resp.StatusCode != 503 || e.count() != 4 {
			t.Errorf("resp %v, err %v after %d attempts; want the last 503 after 4", resp, err, e.count())
		}
	})
	t.Run("not retryable", func(t *testing.T) {
		e := newFaultEnv(t, status(503), status(200))
		resp, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, nil), nil)
		if err != nil || resp.StatusCode != 503 || e.count() != 1 {
			t.Errorf("resp %v, err %v after %d attempts; want the 503 after 1", resp, err, e.count())
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFaultRetryAfterFarAway(t *testing.T) {
	far := status(429, "Retry-After", "86400")
	t.Run("bounded by the policy", func(t *testing.T) {
		e := newFaultEnv(t, far, status(200))
		p := fast()
		p.MaxElapsed = 50 * time.Millisecond
		start := time.Now()
		resp, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, p), nil)
		if err != nil || resp.StatusCode != 429 || e.count() != 1 || time.Since(start) > time.Second {
			t.Errorf("resp %v, err %v after %d attempts and %v; want the 429 at once", resp, err, e.count(), time.Since(start))
		}
	})
	t.Run("bounded by the context", func(t *testing.T) {
		e := newFaultEnv(t, far, status(200))
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		resp, err := e.tr.Do(ctx, e.call("GET", "/x", nil, fast()), nil)
		if err != nil || resp.StatusCode != 429 || e.count() != 1 || time.Since(start) > time.Second {
			t.Errorf("resp %v, err %v after %d attempts and %v; want the 429 at once", resp, err, e.count(), time.Since(start))
		}
	})
	t.Run("a short one is honoured", func(t *testing.T) {
		e := newFaultEnv(t, status(429, "Retry-After", "0"), status(200))
		resp, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, fast()), nil)
		if err != nil || resp.StatusCode != 200 || e.count() != 2 {
			t.Errorf("resp %v, err %v after %d attempts", resp, err, e.count())
		}
	})
}

func TestFaultEndlessBody(t *testing.T) {
	endless := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		chunk := bytes.Repeat([]byte("x"), 4096)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	e := newFaultEnv(t, endless)
	e.tr.MaxResponseBytes = 64 << 10
	_, err := e.tr.Do(context.Background(), e.call("GET", "/x", nil, fast()), nil)
	var big *oas.ResponseTooLargeError
	if !errors.As(err, &big) || big.Limit != 64<<10 {
		t.Fatalf("err = %v, want *oas.ResponseTooLargeError with the limit", err)
	}
	if e.count() != 1 {
		t.Errorf("%d attempts: a body over the limit is not retried", e.count())
	}
}

func TestFaultRedirects(t *testing.T) {
	payload := []byte(`{"x":1}`)
	var other struct {
		sync.Mutex
		auth, key, cookie, query string
		body                     []byte
	}
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		other.Lock()
		other.auth, other.key, other.cookie, other.query, other.body = r.Header.Get("Authorization"), r.Header.Get("X-Key"), r.Header.Get("Cookie"), r.URL.Query().Get("k"), b
		other.Unlock()
		w.WriteHeader(200)
	}))
	defer elsewhere.Close()
	for _, code := range []int{307, 308} {
		t.Run("same origin replays the body", func(t *testing.T) {
			var auth string
			e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/moved", code)
			}, func(w http.ResponseWriter, r *http.Request) {
				auth = r.Header.Get("Authorization")
				w.WriteHeader(200)
			})
			call := e.call("POST", "/x", payload, nil)
			call.Security = []Requirement{{{Auth: AuthBearer("b", "Options.B", oas.BearerAuth{Token: "tok"}, "")}}}
			resp, err := e.tr.Do(context.Background(), call, nil)
			if err != nil || resp.StatusCode != 200 || e.count() != 2 {
				t.Fatalf("resp %v, err %v after %d requests", resp, err, e.count())
			}
			if !bytes.Equal(e.received[1], payload) || auth != "Bearer tok" {
				t.Errorf("after %d: body %q, Authorization %q", code, e.received[1], auth)
			}
		})
		t.Run("another origin gets no credentials", func(t *testing.T) {
			e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, elsewhere.URL+"/there?k=", code)
			})
			call := e.call("POST", "/x", payload, nil)
			call.Security = []Requirement{{
				{Auth: AuthBearer("b", "Options.B", oas.BearerAuth{Token: "tok"}, "")},
				{Auth: AuthAPIKey("h", "Options.H", "header", "X-Key", "hkey")},
				{Auth: AuthAPIKey("c", "Options.C", "cookie", "ck", "ckey")},
				{Auth: AuthAPIKey("q", "Options.Q", "query", "k", "qkey")},
			}}
			resp, err := e.tr.Do(context.Background(), call, nil)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("resp %v, err %v", resp, err)
			}
			other.Lock()
			defer other.Unlock()
			if other.auth != "" || other.key != "" || other.cookie != "" || other.query != "" {
				t.Errorf("credentials followed the redirect to another origin: %q %q %q %q", other.auth, other.key, other.cookie, other.query)
			}
			if !bytes.Equal(other.body, payload) {
				t.Errorf("body after %d: %q", code, other.body)
			}
		})
	}
}
