package sdkmeta

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: response metadata and typed response
// headers beside the typed result, timeouts per client and per call (and
// the default one), and x-speakeasy-globals on the wire.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

type request struct{ account, query string }

func serve(t *testing.T, opts Options, handler func(w http.ResponseWriter, r *http.Request)) (*APIClient, *request, *atomic.Int32) {
	t.Helper()
	got := &request{}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		*got = request{r.Header.Get("X-Account-Id"), r.URL.RawQuery}
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	opts.ServerURL = srv.URL
	c, err := NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, got, &hits
}

func items(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-RateLimit-Limit", "100")
	h.Set("X-RateLimit-Remaining", "99")
	h.Set("X-RateLimit-Reset", "2026-11-29T05:00:00Z")
	h.Set("X-Request-Id", "req-1")
	h.Set("X-Tier", "pro")
	if r.URL.Path != "/items" {
		w.Write([]byte(`{"id":"i1"}`))
		return
	}
	w.Write([]byte(`[{"id":"i1"},{"id":"i2"}]`))
}

func TestMetaAndTypedHeadersBesideTheResult(t *testing.T) {
	c, _, _ := serve(t, Options{XAccountID: oas.Some("acc")}, items)
	var meta HTTPMeta
	var h ListItemsResponseHeaders
	list, err := c.ListItems(context.Background(), ListItemsArgs{}, WithHTTPMeta(&meta), WithResponseHeaders(&h))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[1].ID != "i2" {
		t.Errorf("result = %+v", list)
	}
	if meta.StatusCode != 200 || meta.Attempts != 1 || meta.Header.Get("X-Request-Id") != "req-1" {
		t.Errorf("meta = %+v", meta)
	}
	if meta.Response == nil || meta.Response.StatusCode != 200 || meta.Request == nil || meta.Request.URL.Path != "/items" {
		t.Errorf("raw exchange = %+v, %+v", meta.Response, meta.Request)
	}
	limit, _ := h.XRateLimitLimit.Get()
	remaining, _ := h.XRateLimitRemaining.Get()
	reset, _ := h.XRateLimitReset.Get()
	tier, _ := h.XTier.Get()
	id, _ := h.XRequestID.Get()
	if limit != 100 || remaining != 99 || !reset.Equal(time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)) ||
		tier != TierPro || id != "req-1" {
		t.Errorf("headers = %+v", h)
	}
}

func TestListHeader(t *testing.T) {
	c, _, _ := serve(t, Options{}, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("X-Flags", "a,b")
		w.Header().Add("X-Flags", "c")
		w.WriteHeader(204)
	})
	var h GetFlagsResponseHeaders
	if err := c.GetFlags(context.Background(), WithResponseHeaders(&h)); err != nil {
		t.Fatal(err)
	}
	if flags, _ := h.XFlags.Get(); strings.Join(flags, "|") != "a|b|c" {
		t.Errorf("X-Flags = %q", flags)
	}
}

func TestHeaderAbsentStaysUnset(t *testing.T) {
	c, _, _ := serve(t, Options{}, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(`{"id":"i1"}`))
	})
	var h GetItemResponseHeaders
	item, err := c.GetItem(context.Background(), "i1", GetItemArgs{XAccountID: oas.Some("acc")}, WithResponseHeaders(&h))
	if err != nil || item.ID != "i1" {
		t.Fatalf("%+v, %v", item, err)
	}
	if etag, ok := h.ETag.Get(); !ok || etag != `"v1"` {
		t.Errorf("ETag = %q, %v", etag, ok)
	}
	var lh ListItemsResponseHeaders
	c2, _, _ := serve(t, Options{XAccountID: oas.Some("acc")}, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`[]`)) })
	if _, err := c2.ListItems(context.Background(), ListItemsArgs{}, WithResponseHeaders(&lh)); err != nil {
		t.Fatal(err)
	}
	if lh.XRateLimitLimit.IsSet() || lh.XTier.IsSet() {
		t.Errorf("headers the response lacks are set: %+v", lh)
	}
}

func TestHeaderThatDoesNotParseFailsTheCall(t *testing.T) {
	c, _, _ := serve(t, Options{XAccountID: oas.Some("acc")}, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "lots")
		w.Write([]byte(`[]`))
	})
	var h ListItemsResponseHeaders
	_, err := c.ListItems(context.Background(), ListItemsArgs{}, WithResponseHeaders(&h))
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), `header X-RateLimit-Limit: "lots" is not a int64`) {
		t.Fatalf("err = %v", err)
	}
}

func TestMetaOfAnErrorResponse(t *testing.T) {
	c, _, _ := serve(t, Options{XAccountID: oas.Some("acc")}, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-429")
		w.WriteHeader(429)
		w.Write([]byte(`{"message":"slow down"}`))
	})
	var meta HTTPMeta
	_, err := c.ListItems(context.Background(), ListItemsArgs{}, WithHTTPMeta(&meta))
	var pe *ProblemError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v", err)
	}
	if meta.StatusCode != 429 || meta.Header.Get("X-Request-Id") != "req-429" {
		t.Errorf("meta = %+v", meta)
	}
}

func TestGlobalParameters(t *testing.T) {
	c, got, hits := serve(t, Options{XAccountID: oas.Some("acc-client"), Version: oas.Some(int64(3))}, items)
	ctx := context.Background()
	if _, err := c.ListItems(ctx, ListItemsArgs{}); err != nil {
		t.Fatal(err)
	}
	if want := (request{"acc-client", "version=3"}); *got != want {
		t.Errorf("client's globals: got %+v, want %+v", *got, want)
	}
	// A call's own value wins.
	if _, err := c.ListItems(ctx, ListItemsArgs{XAccountID: oas.Some("acc-call"), Version: oas.Some(int64(4)), Limit: oas.Some(int32(2))}); err != nil {
		t.Fatal(err)
	}
	if want := (request{"acc-call", "version=4&limit=2"}); *got != want {
		t.Errorf("per-call override: got %+v, want %+v", *got, want)
	}
	// GetItem shares the account global.
	if _, err := c.GetItem(ctx, "i1", GetItemArgs{}); err != nil {
		t.Fatal(err)
	}
	if got.account != "acc-client" {
		t.Errorf("GetItem sent account %q", got.account)
	}
	// Neither the call nor the client sets a required global: nothing is sent.
	bare, _, bareHits := serve(t, Options{}, items)
	_, err := bare.ListItems(ctx, ListItemsArgs{})
	if err == nil || !strings.Contains(err.Error(), "x-account-id is required: set it in the call's ListItemsArgs.XAccountID or in Options.XAccountID") {
		t.Errorf("err = %v", err)
	}
	if bareHits.Load() != 0 || hits.Load() != 3 {
		t.Errorf("requests sent: %d without the account, %d with it", bareHits.Load(), hits.Load())
	}
}

func hang(w http.ResponseWriter, r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

func TestTimeouts(t *testing.T) {
	ctx := context.Background()
	check := func(name string, err error, want time.Duration, start time.Time) {
		t.Helper()
		var te *TimeoutError
		if !errors.As(err, &te) || te.After != want || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: err = %v; want a *TimeoutError after %v", name, err, want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: the call took %v", name, d)
		}
	}
	c, _, _ := serve(t, Options{Timeout: 80 * time.Millisecond}, hang)
	start := time.Now()
	err := c.Health(ctx)
	check("per client", err, 80*time.Millisecond, start)
	start = time.Now()
	err = c.Health(ctx, WithTimeout(30*time.Millisecond))
	check("per call", err, 30*time.Millisecond, start)

	// The default applies only when the user brings no http.Client.
	def, _, _ := serve(t, Options{}, hang)
	if def.transport.Timeout != oas.DefaultTimeout || oas.DefaultTimeout != 60*time.Second {
		t.Errorf("default timeout = %v", def.transport.Timeout)
	}
	own, _, _ := serve(t, Options{HTTPClient: &http.Client{}}, hang)
	if own.transport.Timeout != 0 {
		t.Errorf("timeout with the user's http.Client = %v; want none", own.transport.Timeout)
	}
	none, _, _ := serve(t, Options{Timeout: -1}, hang)
	if none.transport.Timeout > 0 {
		t.Errorf("Timeout -1 gives %v; want no bound", none.transport.Timeout)
	}
}
