package sdkservers

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: which URL each operation calls for each
// choice of server and variables, and NewAPIClient's errors.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// recorder answers every request with 204 and keeps its URL, so the URLs
// of hosts that do not exist can be checked as the client sends them.
type recorder struct {
	mu   sync.Mutex
	urls []string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.urls = append(r.urls, req.URL.String())
	r.mu.Unlock()
	return &http.Response{StatusCode: 204, Status: "204 No Content", Header: http.Header{}, Body: http.NoBody, Request: req}, nil
}

// calls makes every operation once and returns the URLs sent.
func calls(t *testing.T, opts Options) []string {
	t.Helper()
	rec := &recorder{}
	opts.HTTPClient = &http.Client{Transport: rec}
	c, err := NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, call := range []func() error{
		func() error { return c.Ping(ctx) },
		func() error { return c.ListFiles(ctx) },
		func() error { return c.Upload(ctx) },
	} {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	return rec.urls
}

func TestServerChoice(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want []string
	}{
		{"defaults", Options{}, []string{"https://eu.api.example.com/v1/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}},
		{"region", Options{Region: RegionUs}, []string{"https://us.api.example.com/v1/ping", "https://files.us.example.com/files", "https://upload.example.com/u/upload"}},
		{"version", Options{Version: "v3"}, []string{"https://eu.api.example.com/v3/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}},
		{"sandbox", Options{ServerIndex: ServerSandbox}, []string{"https://sandbox.example.com/v2/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}},
		{"by index", Options{ServerIndex: 2}, []string{"http://localhost:8080/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}},
		{"prod by name", Options{ServerIndex: ServerProd, Region: RegionEu}, []string{"https://eu.api.example.com/v1/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := calls(t, tc.opts); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("URLs\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// ServerURL replaces every server, the paths' and operations' too: a mock
// or a proxy gets every call.
func TestServerURLReplacesEveryServer(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.WriteHeader(204)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL + "/base"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.ListFiles(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Upload(ctx); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(paths, " "); got != "/base/ping /base/files /base/upload" {
		t.Errorf("paths = %s", got)
	}
}

// WithServerURL sends one call to another server, whatever server the
// operation has (the client's, its path's, its own); the other calls keep
// theirs, and a URL that is not absolute fails the call unsent.
func TestWithServerURLSendsOneCallElsewhere(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.WriteHeader(204)
	}))
	defer srv.Close()
	rec := &recorder{}
	c, err := NewAPIClient(Options{HTTPClient: &http.Client{Transport: &split{srv: srv.Client().Transport, rec: rec, host: srv.Listener.Addr().String()}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, call := range []func(...CallOption) error{
		func(o ...CallOption) error { return c.Ping(ctx, o...) },
		func(o ...CallOption) error { return c.ListFiles(ctx, o...) },
		func(o ...CallOption) error { return c.Upload(ctx, o...) },
	} {
		if err := call(WithServerURL(srv.URL + "/mock/")); err != nil {
			t.Fatal(err)
		}
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(paths, " "); got != "/mock/ping /mock/files /mock/upload" {
		t.Errorf("paths sent to the WithServerURL server = %s", got)
	}
	want := []string{"https://eu.api.example.com/v1/ping", "https://files.eu.example.com/files", "https://upload.example.com/u/upload"}
	if strings.Join(rec.urls, " ") != strings.Join(want, " ") {
		t.Errorf("URLs of the calls without WithServerURL\n got %q\nwant %q", rec.urls, want)
	}
	err = c.Ping(ctx, WithServerURL("api.example.com"))
	if err == nil || !strings.Contains(err.Error(), `server URL "api.example.com": not an absolute http(s) URL`) {
		t.Errorf("relative WithServerURL: err = %v", err)
	}
	if len(paths) != 3 || len(rec.urls) != 3 {
		t.Errorf("a call with a bad WithServerURL was sent: %d, %d requests", len(paths), len(rec.urls))
	}
}

// split sends requests for host to srv and records the others.
type split struct {
	srv  http.RoundTripper
	rec  *recorder
	host string
}

func (s *split) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == s.host {
		return s.srv.RoundTrip(req)
	}
	return s.rec.RoundTrip(req)
}

func TestServerErrorsAtConstruction(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"index", Options{ServerIndex: 3}, "sdkservers: ServerIndex 3: the spec lists 3 servers (0 to 2)"},
		{"negative index", Options{ServerIndex: -1}, "sdkservers: ServerIndex -1: the spec lists 3 servers (0 to 2)"},
		{"enum", Options{Region: "mars"}, `sdkservers: server variable region: "mars" is not one of ["eu" "us"]`},
		// The sandbox has no {region}, but the /files path's server does.
		{"enum of a path's server", Options{ServerIndex: ServerSandbox, Region: "mars"}, `sdkservers: server of ListFiles: server variable region: "mars" is not one of ["eu" "us"]`},
		{"server URL", Options{ServerURL: "api.example.com"}, `sdkservers: server URL "api.example.com": not an absolute http(s) URL`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewAPIClient(tc.opts)
			if err == nil || err.Error() != tc.want {
				t.Errorf("NewAPIClient: %v, %v; want the error %s", c, err, tc.want)
			}
		})
	}
}

func TestDefaultServerURLIsTheFirstWithDefaults(t *testing.T) {
	if DefaultServerURL != "https://eu.api.example.com/v1" {
		t.Errorf("DefaultServerURL = %q", DefaultServerURL)
	}
}
