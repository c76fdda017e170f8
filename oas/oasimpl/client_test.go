package oasimpl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true}, // in the past: retry now
		{"-5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, ok := retryAfter(c.in, now)
		if got != c.want || ok != c.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestBackoffGrowsWithJitterAndCap(t *testing.T) {
	p := &oas.RetryPolicy{InitialInterval: 100 * time.Millisecond, MaxInterval: time.Second, Exponent: 2}
	for n, full := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 10: time.Second} {
		for range 50 {
			if d := backoff(p, n); d < full/2 || d > full {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", n, d, full/2, full)
			}
		}
	}
}

// doWith runs Do against a server answering status every time and returns
// the attempts made and the waits requested.
func doWith(t *testing.T, status int, retryAfter string, p *oas.RetryPolicy, ctx context.Context) (int32, []time.Duration, *Response, error) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	var waits []time.Duration
	tr := &Transport{Sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}}
	resp, err := tr.Do(ctx, &Call{Method: "GET", URL: u, Retry: p}, nil)
	return n.Load(), waits, resp, err
}

func TestDoBounds(t *testing.T) {
	ctx := context.Background()
	t.Run("nil policy sends once", func(t *testing.T) {
		n, _, resp, err := doWith(t, 429, "", nil, ctx)
		if n != 1 || err != nil || resp.StatusCode != 429 {
			t.Errorf("n=%d err=%v", n, err)
		}
	})
	t.Run("default attempt bound", func(t *testing.T) {
		n, waits, _, _ := doWith(t, 429, "", &oas.RetryPolicy{StatusCodes: []int{429}, InitialInterval: time.Millisecond}, ctx)
		if n != oas.DefaultMaxAttempts || len(waits) != oas.DefaultMaxAttempts-1 {
			t.Errorf("n=%d waits=%v", n, waits)
		}
	})
	t.Run("Retry-After date is honoured", func(t *testing.T) {
		at := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
		_, waits, _, _ := doWith(t, 503, at, &oas.RetryPolicy{StatusCodes: []int{503}, MaxAttempts: 2, InitialInterval: time.Millisecond}, ctx)
		if len(waits) != 1 || waits[0] < 28*time.Second || waits[0] > 31*time.Second {
			t.Errorf("waits = %v, want about 30s", waits)
		}
	})
	t.Run("total time bounds the waits", func(t *testing.T) {
		n, waits, resp, err := doWith(t, 429, "120", &oas.RetryPolicy{StatusCodes: []int{429}, MaxElapsed: time.Minute}, ctx)
		if n != 1 || len(waits) != 0 || err != nil || resp.StatusCode != 429 {
			t.Errorf("n=%d waits=%v err=%v: a wait past MaxElapsed must not be made", n, waits, err)
		}
	})
	t.Run("a wait past the context deadline is not made", func(t *testing.T) {
		dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		n, waits, resp, _ := doWith(t, 429, "60", &oas.RetryPolicy{StatusCodes: []int{429}}, dctx)
		if n != 1 || len(waits) != 0 || resp == nil || resp.StatusCode != 429 {
			t.Errorf("n=%d waits=%v", n, waits)
		}
	})
	t.Run("connection errors only when allowed", func(t *testing.T) {
		u, _ := url.Parse("http://127.0.0.1:1") // nothing listens on port 1
		for _, allow := range []bool{false, true} {
			var waits int
			tr := &Transport{Sleep: func(context.Context, time.Duration) error { waits++; return nil }}
			_, err := tr.Do(ctx, &Call{Method: "GET", URL: u, Retry: &oas.RetryPolicy{ConnectionErrors: allow, MaxAttempts: 3}}, nil)
			want := 0
			if allow {
				want = 2
			}
			if err == nil || waits != want {
				t.Errorf("allow=%v: err=%v after %d waits, want %d", allow, err, waits, want)
			}
		}
	})
}

func TestDoRedactsQueryKey(t *testing.T) {
	u, _ := url.Parse("http://127.0.0.1:1/x")
	tr := &Transport{}
	key := AuthAPIKey("api_key", "Options.APIKey", "query", "api_key", "secret-key")
	_, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Security: []Requirement{{{Auth: key}}}}, nil)
	var ue *url.Error
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); strings.Contains(got, "secret-key") {
		t.Errorf("error %q leaks the API key", got)
	}
}

// TestOpError: what generated methods return is fmt.Errorf("<Op>: %w")'s
// error, text and chain alike.
func TestOpError(t *testing.T) {
	base := &oas.APIError{StatusCode: 404}
	err := OpError("GetPet", base)
	want := fmt.Errorf("GetPet: %w", base)
	if err.Error() != want.Error() {
		t.Errorf("text %q, want %q", err, want)
	}
	var ae *oas.APIError
	if !errors.As(err, &ae) || ae != base {
		t.Errorf("errors.As did not find the wrapped *oas.APIError")
	}
	if reflect.TypeOf(err) != reflect.TypeOf(want) {
		t.Errorf("type %T, want %T", err, want)
	}
}
