package sdkpagination

// Run by gen's TestEndToEnd: the page iterators' requests (the
// first page and the ones a cursor, offset or page number leads to) must
// pass Stoplight Prism's validation of openapi.yaml. Prism answers every
// page with the same example, so each loop stops itself after 3 pages.
// Without Prism the test skips, unless OASGEN_REQUIRE_PRISM=1.
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

func TestPagesAgainstPrism(t *testing.T) {
	server := startPrism(t)
	var seen violations
	c, err := NewAPIClient(Options{ServerURL: server, HTTPClient: &http.Client{Transport: &seen}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, v := range seen.seen {
			t.Errorf("Prism reports a violation: %s", v)
		}
	})
	ctx := context.Background()
	three := func(name string, pages func(yield func(error) bool)) {
		n := 0
		for err := range pages {
			if err != nil {
				t.Errorf("%s, page %d: %v", name, n+1, err)
				return
			}
			if n++; n == 3 {
				return
			}
		}
	}
	var cursor ListCursorItemsArgs
	cursor.Limit.Set(10)
	three("ListCursorItemsPages", func(yield func(error) bool) {
		for _, err := range c.ListCursorItemsPages(ctx, cursor) {
			if !yield(err) {
				return
			}
		}
	})
	three("ListOffsetItemsPages", func(yield func(error) bool) {
		for _, err := range c.ListOffsetItemsPages(ctx, ListOffsetItemsArgs{Limit: 1}) {
			if !yield(err) {
				return
			}
		}
	})
	three("ListNumberedItemsPages", func(yield func(error) bool) {
		for _, err := range c.ListNumberedItemsPages(ctx, ListNumberedItemsArgs{}) {
			if !yield(err) {
				return
			}
		}
	})
	three("SearchPages", func(yield func(error) bool) {
		for _, err := range c.SearchPages(ctx, NewSearchRequest("w")) {
			if !yield(err) {
				return
			}
		}
	})
}
