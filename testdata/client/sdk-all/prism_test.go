package sdkall

// Run by gen's TestEndToEnd: the generated client's requests, with the
// global parameters set once on the client, must pass Stoplight Prism's
// validation of openapi.yaml (with --errors Prism answers an invalid request with 422,
// which the client would return as an *APIError). Prism is the repository's
// pinned one (tools/prism, installed by .ci/run or the stackone package's
// test); without it the test skips, unless OASGEN_REQUIRE_PRISM=1.
// Prism runs in static mode: it answers with the spec's examples, so what
// the test expects back (a non-empty page, cursor c2) does not depend on
// random data (-d mode served an empty page now and then).

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
	cmd := exec.CommandContext(ctx, bin, "mock", "-h", "127.0.0.1", "-p", port, "--errors",
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

// TestOperationsAgainstPrism sends a handful of sdk-all's operations, with
// the client's globals (a path and a header parameter), to Prism mocking
// openapi.yaml: Prism's request validation must report nothing, and each
// mocked response must decode.
func TestOperationsAgainstPrism(t *testing.T) {
	server := startPrism(t)
	var seen violations
	c, err := NewAPIClient(Options{ServerURL: server, HTTPClient: &http.Client{Transport: &seen},
		WorkspaceID: oas.Some("ws-1"), XAccountID: oas.Some("acc-1")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, v := range seen.seen {
			t.Errorf("Prism reports a violation: %s", v)
		}
	})
	ctx := context.Background()
	var args ListArgs
	args.Limit.Set(10)
	var rh ListResponseHeaders
	page, err := c.Items.List(ctx, args, WithResponseHeaders(&rh))
	if err != nil || len(page.Data) == 0 {
		t.Fatalf("Items.List: %+v, %v", page, err)
	}
	if !rh.XRateLimitRemaining.IsSet() {
		t.Errorf("Prism's X-RateLimit-Remaining did not decode: %+v", rh)
	}
	// Prism answers every page with the same example (next_cursor c2):
	// three pages, then stop.
	n := 0
	for _, err := range c.Items.ListPages(ctx, args) {
		if err != nil {
			t.Fatalf("Items.ListPages, page %d: %v", n+1, err)
		}
		if n++; n == 3 {
			break
		}
	}
	if _, err := c.Items.ListByOffset(ctx, ListByOffsetArgs{Limit: 5}); err != nil {
		t.Errorf("Items.ListByOffset: %v", err)
	}
	if res, err := c.Items.Get(ctx, "it-1", GetArgs{}); err != nil || res.StatusCode != 200 || res.OK == nil {
		t.Errorf("Items.Get: %+v, %v", res, err)
	}
	if _, err := c.Items.Notes.ListNotes(ctx, "it-1", ListNotesArgs{}); err != nil {
		t.Errorf("Items.Notes.ListNotes: %v", err)
	}
	if err := c.Slow(ctx); err != nil {
		t.Errorf("Slow: %v", err)
	}
}
