package sdkmeta

// Run by gen's TestEndToEnd: the generated client's requests,
// global parameters set once on the client, must pass Stoplight Prism's validation of
// openapi.yaml (with --errors Prism answers an invalid request with 422,
// which the client would return as an *APIError). Prism is the repository's
// pinned one (tools/prism, installed by .ci/run or the stackone package's
// test); without it the test skips, unless OASGEN_REQUIRE_PRISM=1.

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

func startPrism(t *testing.T) string {
	t.Helper()
	// TestEndToEnd passes the repository root as OASGEN_REPO (this
	// package is generated into a temporary module).
	bin := filepath.Join(os.Getenv("OASGEN_REPO"), "tools", "prism", "node_modules", ".bin", "prism")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("OASGEN_REQUIRE_PRISM") == "1" {
			t.Fatalf("Prism is required (OASGEN_REQUIRE_PRISM=1): %v", err)
		}
		t.Skipf("Prism is not installed (cd tools/prism && npm ci --ignore-scripts): %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "mock", "-h", "127.0.0.1", "-p", port, "--errors", "-d",
		filepath.Join("..", "openapi.yaml"))
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	deadline := time.Now().Add(90 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+port)
		if err == nil {
			c.Close()
			return "http://127.0.0.1:" + port
		}
		if time.Now().After(deadline) {
			t.Fatalf("prism did not listen within 90s: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// violations is an http.RoundTripper that keeps what Prism's sl-violations
// header says about each request, so that a request Prism only warns
// about fails the test too.
type violations struct {
	mu   sync.Mutex
	seen []string
}

func (v *violations) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		if h := resp.Header.Get("sl-violations"); h != "" {
			v.mu.Lock()
			v.seen = append(v.seen, r.URL.RequestURI()+": "+h)
			v.mu.Unlock()
		}
	}
	return resp, err
}

// Prism checks that the client's globals reach the request (x-account-id is
// required) and mocks the declared response headers, which decode typed.
func TestGlobalsAndHeadersAgainstPrism(t *testing.T) {
	server := startPrism(t)
	var seen violations
	c, err := NewAPIClient(Options{ServerURL: server, HTTPClient: &http.Client{Transport: &seen},
		XAccountID: oas.Some("acc-1"), Version: oas.Some(int64(2))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, v := range seen.seen {
			t.Errorf("Prism reports a violation: %s", v)
		}
	})
	ctx := context.Background()
	var meta HTTPMeta
	var h ListItemsResponseHeaders
	if _, err := c.ListItems(ctx, ListItemsArgs{}, WithHTTPMeta(&meta), WithResponseHeaders(&h)); err != nil {
		t.Fatalf("ListItems: %v", err)
	}
	if meta.StatusCode != 200 {
		t.Errorf("status %d", meta.StatusCode)
	}
	if !h.XRateLimitLimit.IsSet() || !h.XRateLimitReset.IsSet() || !h.XTier.IsSet() {
		t.Errorf("Prism's mocked headers did not decode: %+v (raw %v)", h, meta.Header)
	}
	if tier, _ := h.XTier.Get(); !tier.IsKnown() {
		t.Errorf("X-Tier = %q", tier)
	}
	// (GetFlags is not sent to Prism: 5.16 crashes validating its own
	// mocked array header.)
	if _, err := c.GetItem(ctx, "i1", GetItemArgs{}); err != nil {
		t.Errorf("GetItem: %v", err)
	}
	// Without the global nor the argument the client refuses to send; sent
	// anyway, Prism answers 422.
	resp, err := http.Get(server + "/items")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 422 {
		t.Errorf("request without x-account-id: Prism answered %d, want 422", resp.StatusCode)
	}
}
