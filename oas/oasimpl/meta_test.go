package oasimpl

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

type rateHeaders struct {
	limit int64
	reset time.Time
	tags  []string
	set   bool
}

func (h *rateHeaders) DecodeHeader(hd http.Header) error {
	if v, ok, err := HeaderValue[int64](hd, "X-Rate-Limit"); err != nil {
		return err
	} else if ok {
		h.limit, h.set = v, true
	}
	if v, ok, err := HeaderValue[time.Time](hd, "X-Reset"); err != nil {
		return err
	} else if ok {
		h.reset = v
	}
	if v, ok, err := HeaderList[string](hd, "X-Tags"); err != nil {
		return err
	} else if ok {
		h.tags = v
	}
	return nil
}

func metaServer(t *testing.T, status int, limit string) *url.URL {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Rate-Limit", limit)
		w.Header().Set("X-Reset", "2026-01-02T03:04:05Z")
		w.Header().Add("X-Tags", "a, b")
		w.Header().Add("X-Tags", "c")
		w.WriteHeader(status)
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL + "/x")
	return u
}

func TestHTTPMetaAndTypedHeaders(t *testing.T) {
	u := metaServer(t, 200, "42")
	var tr Transport
	var meta oas.HTTPMeta
	var h rateHeaders
	resp, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u}, []oas.CallOption{oas.WithHTTPMeta(&meta), oas.WithResponseHeaders(&h)})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `{"ok":true}` {
		t.Errorf("body = %q", resp.Body)
	}
	if meta.StatusCode != 200 || meta.Attempts != 1 || meta.Header.Get("X-Rate-Limit") != "42" {
		t.Errorf("meta = %+v", meta)
	}
	if meta.Request == nil || meta.Request.URL.Path != "/x" || meta.Response == nil || meta.Response.Body != http.NoBody {
		t.Errorf("meta's raw request/response = %+v / %+v", meta.Request, meta.Response)
	}
	want := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if !h.set || h.limit != 42 || !h.reset.Equal(want) || strings.Join(h.tags, "|") != "a|b|c" {
		t.Errorf("typed headers = %+v", h)
	}
}

func TestTypedHeaderThatDoesNotParse(t *testing.T) {
	u := metaServer(t, 200, "many")
	var tr Transport
	var h rateHeaders
	_, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Func: "Get"}, []oas.CallOption{oas.WithResponseHeaders(&h)})
	var de *oas.DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), `header X-Rate-Limit: "many" is not a int64`) {
		t.Fatalf("err = %v; want a oas.DecodeError naming the header", err)
	}
}

func TestMetaOnErrorStatusSkipsTypedHeaders(t *testing.T) {
	u := metaServer(t, 503, "not-a-number")
	var tr Transport
	var meta oas.HTTPMeta
	var h rateHeaders
	resp, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u}, []oas.CallOption{oas.WithHTTPMeta(&meta), oas.WithResponseHeaders(&h)})
	if err != nil || resp.StatusCode != 503 {
		t.Fatalf("resp, err = %v, %v", resp, err)
	}
	if meta.StatusCode != 503 || h.set {
		t.Errorf("meta = %+v, headers = %+v; want the 503 captured and no typed headers", meta, h)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	u, _ := url.Parse(srv.URL)
	for _, tc := range []struct {
		name string
		tr   Transport
		opts []oas.CallOption
	}{
		{"client", Transport{Timeout: 50 * time.Millisecond}, nil},
		{"call", Transport{Timeout: time.Hour}, []oas.CallOption{oas.WithTimeout(50 * time.Millisecond)}},
		{"stream", Transport{Timeout: 50 * time.Millisecond}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := tc.tr.Do(context.Background(), &Call{Method: "GET", URL: u, Stream: tc.name == "stream"}, tc.opts)
			var te *oas.TimeoutError
			if !errors.As(err, &te) || !errors.Is(err, context.DeadlineExceeded) || te.After != 50*time.Millisecond {
				t.Fatalf("err = %v; want a *oas.TimeoutError after 50ms", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// A streamed 2xx is bound by the timeout until its head arrives; the body
// is the caller's to read after that, for as long as it takes.
func TestTimeoutLeavesStreamedBodyAlone(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		w.(http.Flusher).Flush()
		time.Sleep(150 * time.Millisecond)
		io.WriteString(w, "late")
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	tr := Transport{Timeout: 50 * time.Millisecond}
	resp, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Stream: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := StreamOf(resp)
	b, err := io.ReadAll(s)
	s.Close()
	if err != nil || string(b) != "late" {
		t.Errorf("body = %q, %v", b, err)
	}
}

func TestWithTimeoutZeroLiftsTheClientsBound(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	tr := Transport{Timeout: 20 * time.Millisecond}
	if _, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u}, []oas.CallOption{oas.WithTimeout(0)}); err != nil {
		t.Fatal(err)
	}
}

func TestResolveServer(t *testing.T) {
	region := ServerVar{Name: "region", Default: "eu", Enum: []string{"eu", "us"}}
	for _, tc := range []struct {
		value, want, err string
	}{
		{"", "https://eu.example.com/v1", ""},
		{"us", "https://us.example.com/v1", ""},
		{"mars", "", `server variable region: "mars" is not one of ["eu" "us"]`},
	} {
		v := region
		v.Value = tc.value
		u, err := ResolveServer("https://{region}.example.com/{version}", v, ServerVar{Name: "version", Default: "v1"})
		switch {
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("%q: err = %v; want %s", tc.value, err, tc.err)
		case tc.err == "" && (err != nil || u.String() != tc.want):
			t.Errorf("%q: %v, %v; want %s", tc.value, u, err, tc.want)
		}
	}
	if _, err := ParseServerURL("/relative"); err == nil || !strings.Contains(err.Error(), "not an absolute http(s) URL") {
		t.Errorf("relative URL: err = %v", err)
	}
}

func TestSwapServer(t *testing.T) {
	must := func(s string) *url.URL {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for _, tc := range []struct{ server, u, to, want string }{
		{"https://api.example.com/v1", "https://api.example.com/v1/pets/a%2Fb?limit=2", "http://localhost:4010", "http://localhost:4010/pets/a%2Fb?limit=2"},
		{"https://api.example.com/v1/", "https://api.example.com/v1/pets", "http://mock/base/", "http://mock/base/pets"},
		{"https://api.example.com/?k=1", "https://api.example.com/pets?k=1&limit=2", "http://mock?x=2", "http://mock/pets?x=2&limit=2"},
	} {
		got, err := swapServer(&Call{URL: must(tc.u), Server: must(tc.server)}, tc.to)
		if err != nil || got.String() != tc.want {
			t.Errorf("swapServer(%s, %s) = %v, %v; want %s", tc.u, tc.to, got, err, tc.want)
		}
	}
	if _, err := swapServer(&Call{URL: must("https://a/x"), Server: must("https://a")}, "/x"); err == nil {
		t.Error("a relative server URL was accepted")
	}
}
