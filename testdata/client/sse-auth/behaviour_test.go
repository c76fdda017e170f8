package sseauth

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file. The opener of an event stream offered
// beside JSON (<Op>Events) is a copy of its operation; before v0.17.0 it
// was made before the rest of the operation was planned, so it went out
// without the operation's credentials (ChatEvents), to the default server
// instead of the operation's own (WatchEvents), and a hidden global
// parameter left it with an Args type that does not exist (did not
// compile). Checked here on the wire, through a recording transport.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

type sent struct{ method, url, auth, accept, region string }

// recorder answers every request with an event stream or JSON, as asked,
// and records what was sent.
type recorder struct{ got []sent }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = append(r.got, sent{req.Method, req.URL.String(), req.Header.Get("Authorization"), req.Header.Get("Accept"), req.Header.Get("region")})
	h := http.Header{"Content-Type": {"application/json"}}
	body := `{}`
	if req.Header.Get("Accept") == "text/event-stream" {
		h.Set("Content-Type", "text/event-stream")
		body = "data: {}\n\n"
	}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader(body)), Request: req}, nil
}

func drain[T any](t *testing.T, seq func(func(oas.Event[T], error) bool)) error {
	t.Helper()
	var last error
	for _, err := range seq {
		last = err
	}
	return last
}

func TestEventStreamOpenerIsItsOperation(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	c, err := NewAPIClient(Options{Bearer: oas.BearerAuth{Token: "tok"}, Region: oas.Some("eu"), HTTPClient: &http.Client{Transport: rec}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Chat(ctx); err != nil {
		t.Fatal(err)
	}
	if err := drain(t, c.ChatEvents(ctx)); err != nil {
		t.Fatal(err)
	}
	if err := drain(t, c.PublicEvents(ctx)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Feeds.Watch(ctx, "news"); err != nil {
		t.Fatal(err)
	}
	if err := drain(t, c.Feeds.WatchEvents(ctx, "news")); err != nil {
		t.Fatal(err)
	}
	want := []sent{
		{"POST", "https://api.example.com/chat", "Bearer tok", "application/json", "eu"},
		{"POST", "https://api.example.com/chat", "Bearer tok", "text/event-stream", "eu"},
		{"GET", "https://api.example.com/public", "", "text/event-stream", ""},
		{"GET", "https://feeds.example.com/v2/feeds/news", "Bearer tok", "application/json", ""},
		{"GET", "https://feeds.example.com/v2/feeds/news", "Bearer tok", "text/event-stream", ""},
	}
	if len(rec.got) != len(want) {
		t.Fatalf("requests %+v, want %+v", rec.got, want)
	}
	for i := range want {
		if rec.got[i] != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, rec.got[i], want[i])
		}
	}

	// Without credentials the opener fails before sending, as Chat does.
	rec.got = nil
	none, err := NewAPIClient(Options{HTTPClient: &http.Client{Transport: rec}})
	if err != nil {
		t.Fatal(err)
	}
	_, errChat := none.Chat(ctx)
	errEvents := drain(t, none.ChatEvents(ctx))
	var m1, m2 *oas.MissingCredentialsError
	if !errors.As(errChat, &m1) || !errors.As(errEvents, &m2) {
		t.Errorf("without credentials: Chat %v, ChatEvents %v; want *oas.MissingCredentialsError from both", errChat, errEvents)
	}
	if len(rec.got) != 0 {
		t.Errorf("requests sent without credentials: %+v", rec.got)
	}
}
