package oas

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func readAllEvents(t *testing.T, r io.Reader) ([]RawEvent, error) {
	t.Helper()
	er := NewEventReader(r)
	var out []RawEvent
	for {
		ev, err := er.Next()
		if err != nil {
			return out, err
		}
		out = append(out, ev)
	}
}

// The cases follow WHATWG HTML §9.2.6 "Parsing an event stream".
func TestEventReaderWHATWG(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []RawEvent
	}{
		{"two events, LF", "data: a\n\ndata: b\n\n", []RawEvent{{Event: "message", Data: "a"}, {Event: "message", Data: "b"}}},
		{"CRLF", "data: a\r\n\r\n", []RawEvent{{Event: "message", Data: "a"}}},
		{"lone CR", "data: a\r\rdata: b\r\r", []RawEvent{{Event: "message", Data: "a"}, {Event: "message", Data: "b"}}},
		{"mixed endings", "data: a\r\ndata: b\rdata: c\n\r\n", []RawEvent{{Event: "message", Data: "a\nb\nc"}}},
		{"multi-line data", "data: one\ndata:two\ndata:  three\n\n", []RawEvent{{Event: "message", Data: "one\ntwo\n three"}}},
		{"comments ignored", ": keep-alive\ndata: x\n: another\n\n", []RawEvent{{Event: "message", Data: "x"}}},
		{"BOM stripped once", "\xEF\xBB\xBFdata: x\n\n", []RawEvent{{Event: "message", Data: "x"}}},
		{"second BOM is not", "\xEF\xBB\xBF\xEF\xBB\xBFdata: x\n\ndata: y\n\n", []RawEvent{{Event: "message", Data: "y"}}},
		{"event type", "event: delta\ndata: {}\n\n", []RawEvent{{Event: "delta", Data: "{}"}}},
		{"type resets after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n", []RawEvent{{Event: "a", Data: "1"}, {Event: "message", Data: "2"}}},
		{"id persists", "id: 7\ndata: a\n\ndata: b\n\n", []RawEvent{{Event: "message", Data: "a", ID: "7"}, {Event: "message", Data: "b", ID: "7"}}},
		{"empty id resets", "id: 7\ndata: a\n\nid\ndata: b\n\n", []RawEvent{{Event: "message", Data: "a", ID: "7"}, {Event: "message", Data: "b"}}},
		{"id with NUL ignored", "id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n", []RawEvent{{Event: "message", Data: "a", ID: "1"}, {Event: "message", Data: "b", ID: "1"}}},
		{"retry", "retry: 1500\ndata: a\n\nretry: x1\ndata: b\n\n", []RawEvent{{Event: "message", Data: "a", Retry: 1500 * time.Millisecond}, {Event: "message", Data: "b", Retry: 1500 * time.Millisecond}}},
		{"no data, no event", "event: ping\nid: 3\n\ndata: a\n\n", []RawEvent{{Event: "message", Data: "a", ID: "3"}}},
		{"empty data line", "data\n\n", []RawEvent{{Event: "message", Data: ""}}},
		{"data with colons", "data: a: b\n\n", []RawEvent{{Event: "message", Data: "a: b"}}},
		{"unknown field", "foo: bar\ndata: a\n\n", []RawEvent{{Event: "message", Data: "a"}}},
		{"unfinished event discarded", "data: a\n\ndata: b\n", []RawEvent{{Event: "message", Data: "a"}}},
		{"unterminated line discarded", "data: a\n\ndata: b", []RawEvent{{Event: "message", Data: "a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One byte at a time too: the CRLF check must not depend on
			// where reads end.
			for _, r := range []io.Reader{strings.NewReader(tc.in), iotest.OneByteReader(strings.NewReader(tc.in))} {
				got, err := readAllEvents(t, r)
				if err != io.EOF {
					t.Fatalf("err = %v, want io.EOF", err)
				}
				if len(got) != len(tc.want) {
					t.Fatalf("got %d events %+v, want %+v", len(got), got, tc.want)
				}
				for i := range got {
					if got[i] != tc.want[i] {
						t.Errorf("event %d = %+v, want %+v", i, got[i], tc.want[i])
					}
				}
			}
		})
	}
}

func TestEventReaderLineLimit(t *testing.T) {
	er := NewEventReader(strings.NewReader("data: " + strings.Repeat("x", 100) + "\n\n"))
	er.MaxLine = 10
	if _, err := er.Next(); !errors.Is(err, ErrEventLineTooLong) {
		t.Fatalf("err = %v, want ErrEventLineTooLong", err)
	}
}

type chunk struct {
	N    int    `json:"n"`
	Text string `json:"text"`
}

// sseEnv serves handler and opens its stream as a generated method does.
func sseOpen(t *testing.T, e *faultEnv) func() (*Stream, error) {
	t.Helper()
	return func() (*Stream, error) {
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
	var got []Event[chunk]
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
	var se *EventStreamError
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
		var de *EventDecodeError
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
		var ae *APIError
		if !errors.As(err, &ae) || ae.StatusCode != 401 {
			t.Errorf("err = %v", err)
		}
	}
	if n != 1 {
		t.Fatalf("%d yields, want 1", n)
	}
}
