package ssebinarybody

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: the event iterator of an operation with a
// raw request body sends the bytes with the media type given and yields the
// events.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestStreamConfigSendsBytes(t *testing.T) {
	var got, ctype string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, ctype = r.URL.Path+" "+string(b), r.Header.Get("Content-Type")
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"version\":1}\n\ndata: {\"version\":2}\n\n")
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	var versions []int64
	for ev, err := range c.StreamConfig(context.Background(), "p1", strings.NewReader("key=abc"), "application/octet-stream") {
		if err != nil {
			t.Fatal(err)
		}
		versions = append(versions, ev.Data.Version)
	}
	if got != "/peers/p1/config key=abc" || ctype != "application/octet-stream" {
		t.Errorf("request = %q with Content-Type %q", got, ctype)
	}
	if len(versions) != 2 || versions[0] != 1 || versions[1] != 2 {
		t.Errorf("events = %v, want [1 2]", versions)
	}
}
