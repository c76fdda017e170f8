package oasimpl

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

type chunk struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

// sseEnv serves handler and opens its stream as a generated method does.
func sseOpen(t *testing.T, e *faultEnv) func() (*oas.Stream, error) {
	t.Helper()
	return func() (*oas.Stream, error) {
		u, _ := url.Parse(e.srv.URL + "/stream")
		resp, err := e.tr.Do(context.Background(), &Call{Method: "GET", URL: u, Stream: true, Accept: "text/event-stream"}, nil)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode/100 != 2 {
			return nil, NewAPIError(resp)
		}
		return StreamOf(resp), nil
	}
}

func flushWrite(w http.ResponseWriter, s string) {
	io.WriteString(w, s)
	w.(http.Flusher).Flush()
}

func TestEventsStreamedWithDelays(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := 1; i <= 3; i++ {
			flushWrite(w, ": tick\n")
			time.Sleep(20 * time.Millisecond)
			flushWrite(w, "id: "+string(rune('0'+i))+"\r\nevent: chunk\r\ndata: {\"n\":"+string(rune('0'+i))+",")
			time.Sleep(20 * time.Millisecond)
			flushWrite(w, "\"text\":\"t\"}\r\n\r\n")
		}
		flushWrite(w, "data: [DONE]\n\n")
	})
	var got []oas.Event[chunk]
	for ev, err := range Events[chunk](sseOpen(t, e), EventOptions{Func: "Chat", Sentinel: "[DONE]"}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev)
	}
	if len(got) != 3 {
		t.Fatalf("got %d events, want 3: %+v", len(got), got)
	}
	for i, ev := range got {
		if ev.Data.N != i+1 || ev.Data.Text != "t" || ev.Event != "chunk" || ev.ID != string(rune('1'+i)) {
			t.Errorf("event %d = %+v", i, ev)
		}
	}
}

func TestEventsBreakClosesBody(t *testing.T) {
	stop := make(chan struct{})
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := 0; ; i++ {
			select {
			case <-r.Context().Done():
				close(stop)
				return
			case <-time.After(5 * time.Millisecond):
			}
			flushWrite(w, "data: \"x\"\n\n")
		}
	})
	n := 0
	for _, err := range Events[string](sseOpen(t, e), EventOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 2 {
			break
		}
	}
	select {
	case <-stop: // the server saw the client go
	case <-time.After(5 * time.Second):
		t.Fatal("the server kept streaming: the body was not closed")
	}
}

func TestEventsCutMidEvent(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		flushWrite(w, "data: {\"n\":1}\n\ndata: {\"n\":")
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close() // no final chunk: the client sees the body cut
		}
	})
	var got []int
	var last error
	for ev, err := range Events[chunk](sseOpen(t, e), EventOptions{Func: "Chat"}) {
		if err != nil {
			last = err
			continue
		}
		got = append(got, ev.Data.N)
	}
	var se *oas.EventStreamError
	if len(got) != 1 || got[0] != 1 || !errors.As(last, &se) || !errors.Is(last, io.ErrUnexpectedEOF) {
		t.Fatalf("events %v, err %v; want [1] and an *EventStreamError wrapping io.ErrUnexpectedEOF", got, last)
	}
	if !strings.HasPrefix(last.Error(), "Chat: event stream: ") {
		t.Errorf("message %q", last)
	}
}

func TestEventsMissingSentinel(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		flushWrite(w, "data: {\"n\":1}\n\n")
	})
	var last error
	for _, err := range Events[chunk](sseOpen(t, e), EventOptions{Sentinel: "[DONE]"}) {
		last = err
	}
	if !errors.Is(last, io.ErrUnexpectedEOF) {
		t.Fatalf("err = %v, want io.ErrUnexpectedEOF", last)
	}
}

func TestEventsDecodeErrorContinues(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		flushWrite(w, "data: nope\n\ndata: {\"n\":2}\n\n")
	})
	var errs, ok int
	for ev, err := range Events[chunk](sseOpen(t, e), EventOptions{}) {
		var de *oas.EventDecodeError
		switch {
		case errors.As(err, &de):
			errs++
			if ev.Raw != "nope" {
				t.Errorf("raw = %q", ev.Raw)
			}
		case err == nil && ev.Data.N == 2:
			ok++
		default:
			t.Errorf("unexpected %+v, %v", ev, err)
		}
	}
	if errs != 1 || ok != 1 {
		t.Fatalf("errs %d ok %d", errs, ok)
	}
}

func TestEventsOpenError(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	})
	n := 0
	for _, err := range Events[chunk](sseOpen(t, e), EventOptions{}) {
		n++
		var ae *oas.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 401 {
			t.Errorf("err = %v", err)
		}
	}
	if n != 1 {
		t.Fatalf("%d yields, want 1", n)
	}
}
