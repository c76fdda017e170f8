package params

// Run by gen's TestEndToEnd: the generated client's requests,
// every kind of parameter set, must pass Stoplight Prism's validation of
// openapi.yaml (with --errors Prism answers an invalid request with 422,
// which the client would return as an *APIError). Prism is the repository's
// pinned one (tools/prism, installed by .ci/run or the stackone package's
// test); without it the test skips, unless OASGEN_REQUIRE_PRISM=1.

import (
	"context"
	"encoding/json"
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

func TestArgsAgainstPrism(t *testing.T) {
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
	args := ListTagsArgs{Q: "ab", XTenant: "t1"}
	args.Limit.Set(100)
	args.Cursor.Set("c-1")
	args.Tag.Set([]string{"x", "y z"})
	args.Sort.Set(ListTagsSortParamAsc)
	args.XTrace.Set("tr")
	args.Session.Set("s 1")
	if _, err := c.ListTags(ctx, 7, args); err != nil {
		t.Errorf("ListTags, every parameter: %v", err)
	}
	if _, err := c.ListTags(ctx, 7, ListTagsArgs{Q: "ab", XTenant: "t1"}); err != nil {
		t.Errorf("ListTags, required only: %v", err)
	}
	get := GetItemArgs{}
	get.Validate2.Set(false)
	if it, err := c.GetItem(ctx, 3, get); err != nil || it == nil {
		t.Errorf("GetItem: %v, %v", it, err)
	}
	if _, err := c.GetCount(ctx); err != nil {
		t.Errorf("GetCount: %v", err)
	}

	// Every style: path, query, header and cookie.
	rgb := NewRgb(100, 200, 150)
	// (PathLists is not sent: Prism 5.16 crashes on a comma in a path
	// segment, which simple, label and matrix lists all have.)
	if err := c.PathExploded(ctx, "s t", []string{"x", "y"}, []int64{1, 2}, rgb, "p-q", 5); err != nil {
		t.Errorf("PathExploded: %v", err)
	}
	var styles QueryStylesArgs
	styles.Fields.Set([]QueryStylesFieldsParam{QueryStylesFieldsParamID, QueryStylesFieldsParamType})
	styles.IDs.Set([]int64{1, 2})
	styles.Color.Set(rgb)
	styles.ColorList.Set(NewRgb(1, 2, 3))
	styles.Spaced.Set([]string{"a", "b"})
	styles.Piped.Set([]string{"a", "b"})
	var f QueryStylesFilterParam
	f.Connectors.Set("hibob")
	f.UpdatedAfter.Set(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC))
	styles.Filter.Set(f)
	styles.Raw.Set(json.RawMessage(`{"a":[1,"x"]}`))
	var w QueryStylesWhereParam
	w.Name.Set("ann")
	w.Age.Set(7)
	styles.Where.Set(w)
	styles.Path.Set("a/b?c=d")
	styles.XIDs.Set([]int64{3, 4})
	styles.XColor.Set(rgb)
	styles.XColorExploded.Set(rgb)
	styles.Tags.Set([]string{"t1", "t 2"})
	styles.Shade.Set(NewRgb(1, 2, 3))
	if err := c.QueryStyles(ctx, styles); err != nil {
		t.Errorf("QueryStyles, every parameter: %v", err)
	}

	// (A request without X-Ids is not sent to Prism: 5.16 crashes on an
	// absent optional array header.)

	// Prism does check what the client sends: without the required header
	// (which Validate would have refused) the request is a 422.
	resp, err := http.Get(server + "/items/7/tags?q=ab")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 422 {
		t.Errorf("request without X-Tenant: Prism answered %d, want 422", resp.StatusCode)
	}
}
