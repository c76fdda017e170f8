package sdksse

// Run by gen's TestEndToEnd: the event stream methods' requests
// (Accept: text/event-stream, the JSON body, path and query parameters)
// must pass Stoplight Prism's validation of openapi.yaml. Prism does not
// stream events, so only the requests are checked here; the events are
// checked against httptest servers in behaviour_test.go. Without Prism the
// test skips, unless OASGEN_REQUIRE_PRISM=1.
import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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

func TestRequestsAgainstPrism(t *testing.T) {
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
	// Prism's answer is no event stream: what matters is that the request
	// is accepted (a 4xx would be yielded as an error).
	for _, err := range c.StreamTicks(ctx, "ACME") {
		if err != nil && !isStreamEnd(err) {
			t.Errorf("StreamTicks: %v", err)
		}
	}
	var args TailLogsArgs
	args.Level.Set(TailLogsLevelParamError)
	for _, err := range c.TailLogs(ctx, args) {
		if err != nil && !isStreamEnd(err) {
			t.Errorf("TailLogs: %v", err)
		}
	}
	req := NewCompletionRequest("hello")
	req.Stream.Set(true)
	for _, err := range c.CreateCompletionEvents(ctx, req) {
		if err != nil && !isStreamEnd(err) {
			t.Errorf("CreateCompletionEvents: %v", err)
		}
	}
	if _, err := c.CreateCompletion(ctx, NewCompletionRequest("hello")); err != nil {
		t.Errorf("CreateCompletion: %v", err)
	}
	for _, err := range c.Chat(ctx, NewChatRequest("hello")) {
		if err != nil && !isStreamEnd(err) {
			t.Errorf("Chat: %v", err)
		}
	}
}

// isStreamEnd reports the errors that come after Prism accepted the
// request: a 2xx that is not an event stream (data that does not decode,
// no sentinel), or Prism 5.16 failing to mock an event stream of objects
// (a 500 "Cannot serialise complex objects as text", which it answers only
// once the request has passed validation; an invalid one is a 422).
func isStreamEnd(err error) bool {
	var de *oas.EventDecodeError
	var se *oas.EventStreamError
	var ae *oas.APIError
	if errors.As(err, &ae) && ae.StatusCode == 500 && strings.Contains(string(ae.Raw), "Cannot serialise complex objects as text") {
		return true
	}
	return errors.As(err, &de) || errors.As(err, &se)
}
