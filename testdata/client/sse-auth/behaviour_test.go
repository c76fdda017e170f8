package sseauth

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: the opener of an event stream offered
// beside JSON sends the operation's credentials, on the wire (it went out
// without them before v0.16.0), and an operation that needs none sends none.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestEventStreamOpenerSendsCredentials(t *testing.T) {
	type seen struct{ path, auth, accept string }
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, seen{r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("Accept")})
		if r.Header.Get("Accept") == "text/event-stream" {
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, "data: {\"text\":\"hi\"}\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"text":"hi"}`)
	}))
	defer srv.Close()
	ctx := context.Background()

	c, err := NewAPIClient(Options{ServerURL: srv.URL, Bearer: oas.BearerAuth{Token: "tok"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Chat(ctx); err != nil {
		t.Fatal(err)
	}
	n := 0
	for ev, err := range c.ChatEvents(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Data.Text.Or("") != "hi" {
			t.Errorf("event %+v", ev)
		}
		n++
	}
	for ev, err := range c.PublicEvents(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		_ = ev
	}
	if n != 1 {
		t.Errorf("%d events, want 1", n)
	}
	want := []seen{
		{"/chat", "Bearer tok", "application/json"},
		{"/chat", "Bearer tok", "text/event-stream"},
		{"/public", "", "text/event-stream"},
	}
	if len(got) != len(want) {
		t.Fatalf("requests %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, got[i], want[i])
		}
	}

	// Without credentials the opener fails before sending, as Chat does.
	got = nil
	none, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, errChat := none.Chat(ctx)
	var errEvents error
	for _, err := range none.ChatEvents(ctx) {
		errEvents = err
	}
	var m1, m2 *oas.MissingCredentialsError
	if !errors.As(errChat, &m1) || !errors.As(errEvents, &m2) {
		t.Errorf("without credentials: Chat %v, ChatEvents %v; want *oas.MissingCredentialsError from both", errChat, errEvents)
	}
	if len(got) != 0 {
		t.Errorf("requests sent without credentials: %+v", got)
	}
}
