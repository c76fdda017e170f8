package sdksse

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: server-sent events on the wire, streamed
// with delays, stopped early and cut short, with goroutine-leak checks.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/oasgen/oasgen/oas"
)

// serve starts handler and a client with its own transport; at the end the
// server and idle connections are closed and no goroutine may be left.
func serve(t *testing.T, handler http.HandlerFunc) *APIClient {
	t.Helper()
	// Registered first, so it runs last.
	opts := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, opts) })
	srv := httptest.NewServer(handler)
	tr := &http.Transport{}
	t.Cleanup(func() {
		srv.Close()
		tr.CloseIdleConnections()
	})
	c, err := NewAPIClient(Options{ServerURL: srv.URL, HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func send(w http.ResponseWriter, s string) {
	io.WriteString(w, s)
	w.(http.Flusher).Flush()
}

func TestChatEventsStreamedWithDelays(t *testing.T) {
	var prompt string
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var req ChatRequest
		json.NewDecoder(r.Body).Decode(&req)
		prompt = req.Prompt
		// The stream first, and the JSON its 400 comes in.
		if r.Header.Get("Accept") != "text/event-stream, application/json" {
			w.WriteHeader(http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		send(w, ": connected\n\nretry: 3000\n")
		for i, word := range []string{"Comté", "Brie", "Roquefort"} {
			time.Sleep(30 * time.Millisecond)
			send(w, "id: m"+string(rune('1'+i))+"\nevent: delta\n")
			time.Sleep(30 * time.Millisecond) // an event split across writes
			send(w, `data: {"content":"`+word+`",`+"\n"+`data: "finish_reason":null}`+"\n\n")
		}
		send(w, "data: [DONE]\n\n")
		send(w, "data: {\"content\":\"after the sentinel\"}\n\n")
	})
	var got []oas.Event[ChatChunk]
	for ev, err := range c.Chat(context.Background(), NewChatRequest("cheeses?")) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev)
	}
	if prompt != "cheeses?" {
		t.Errorf("prompt sent %q", prompt)
	}
	if len(got) != 3 {
		t.Fatalf("%d events, want 3 (the sentinel ends the stream): %+v", len(got), got)
	}
	for i, want := range []string{"Comté", "Brie", "Roquefort"} {
		ev := got[i]
		if ev.Data.Content != want || !ev.Data.FinishReason.IsNull() || ev.Event != "delta" || ev.ID != "m"+string(rune('1'+i)) ||
			ev.Retry != 3*time.Second {
			t.Errorf("event %d = %+v", i, ev)
		}
	}
}

func TestChatErrorResponse(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"message":"empty prompt"}`)
	})
	n := 0
	for _, err := range c.Chat(context.Background(), NewChatRequest("x")) {
		n++
		var e *ErrorError
		if !errors.As(err, &e) || e.StatusCode != 400 || !strings.Contains(err.Error(), "empty prompt") {
			t.Errorf("err = %v, want the documented 400", err)
		}
	}
	if n != 1 {
		t.Fatalf("%d yields, want 1", n)
	}
}

func TestStopEarlyClosesTheStream(t *testing.T) {
	gone := make(chan struct{})
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		defer close(gone)
		for {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(10 * time.Millisecond):
				send(w, `data: {"symbol":"ACME","price":1.5}`+"\n\n")
			}
		}
	})
	n := 0
	for ev, err := range c.StreamTicks(context.Background(), "ACME") {
		if err != nil {
			t.Fatal(err)
		}
		if ev.Data.Symbol != "ACME" || ev.Data.Price != 1.5 || ev.Event != "message" {
			t.Errorf("event %+v", ev)
		}
		if n++; n == 3 {
			break
		}
	}
	select {
	case <-gone: // the server saw the client hang up
	case <-time.After(5 * time.Second):
		t.Fatal("the stream was not closed when the loop stopped")
	}
}

func TestContextEndsTheStream(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		send(w, `data: {"symbol":"ACME","price":1}`+"\n\n")
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last error
	for _, err := range c.StreamTicks(ctx, "ACME") {
		if err != nil {
			last = err
			continue
		}
		cancel()
	}
	if !errors.Is(last, context.Canceled) {
		t.Fatalf("last error %v, want context.Canceled", last)
	}
}

func TestStreamCutMidEvent(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		send(w, `data: {"symbol":"ACME","price":1}`+"\n\n"+`data: {"symbol":"AC`)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	var got int
	var last error
	for _, err := range c.StreamTicks(context.Background(), "ACME") {
		if err != nil {
			last = err
			continue
		}
		got++
	}
	var se *oas.EventStreamError
	if got != 1 || !errors.As(last, &se) || !errors.Is(last, io.ErrUnexpectedEOF) {
		t.Fatalf("%d events, error %v; want 1 event and an *oas.EventStreamError (unexpected EOF)", got, last)
	}
}

func TestChatCutBeforeSentinel(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		send(w, `data: {"content":"partial"}`+"\n\n")
	})
	var last error
	for _, err := range c.Chat(context.Background(), NewChatRequest("x")) {
		last = err
	}
	if !errors.Is(last, io.ErrUnexpectedEOF) {
		t.Fatalf("error %v; a stream ending before [DONE] is cut short", last)
	}
}

func TestTextEventsAnyLineEnding(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery != "level=error" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		send(w, "\xEF\xBB\xBFdata: disk full\r\n\r\n: ping\rdata: line one\rdata: line two\r\rdata:{\"not\":\"json\"}\n\n")
	})
	var args TailLogsArgs
	args.Level.Set(TailLogsLevelParamError)
	var got []string
	for ev, err := range c.TailLogs(context.Background(), args) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev.Data)
	}
	want := []string{"disk full", "line one\nline two", `{"not":"json"}`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// An OpenAI-style endpoint: JSON, or events when the request asks.
func TestJSONOrEvents(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var req CompletionRequest
		json.NewDecoder(r.Body).Decode(&req)
		if stream, _ := req.Stream.Get(); stream {
			if r.Header.Get("Accept") != "text/event-stream" {
				w.WriteHeader(http.StatusNotAcceptable)
				return
			}
			w.Header().Set("Content-Type", "text/event-stream")
			send(w, "data: {\"text\":\"Hel\"}\n\n")
			time.Sleep(20 * time.Millisecond)
			send(w, "data: {\"text\":\"lo\"}\n\ndata: [DONE]\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"text":"Hello"}`)
	})
	whole, err := c.CreateCompletion(context.Background(), NewCompletionRequest("hi"))
	if err != nil || whole.Text != "Hello" {
		t.Fatalf("CreateCompletion = %+v, %v", whole, err)
	}
	req := NewCompletionRequest("hi")
	req.Stream.Set(true)
	var text string
	for ev, err := range c.CreateCompletionEvents(context.Background(), req) {
		if err != nil {
			t.Fatal(err)
		}
		text += ev.Data.Text
	}
	if text != "Hello" {
		t.Fatalf("streamed %q", text)
	}
}

// TestEnvelopeUnion: a oneOf of event envelopes gives a union of their
// data schemas; the event's name says which it holds.
func TestEnvelopeUnion(t *testing.T) {
	c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		send(w, "event: price\n"+`data: {"symbol":"ACME","price":2}`+"\n\n")
		send(w, "event: news\n"+`data: {"headline":"ACME up"}`+"\n\n")
	})
	var got []string
	for ev, err := range c.Feed(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		switch ev.Event {
		case "price":
			tick, err := ev.Data.AsTick()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, tick.Symbol)
		case "news":
			news, err := ev.Data.AsNewsEventData()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, news.Headline)
		default:
			t.Errorf("event %q", ev.Event)
		}
	}
	if strings.Join(got, "|") != "ACME|ACME up" {
		t.Errorf("events %q", got)
	}
}
