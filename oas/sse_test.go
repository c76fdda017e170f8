package oas

import (
	"errors"
	"io"
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
