package oas

// Server-sent events: a parser of text/event-stream bodies that follows the
// WHATWG HTML standard's "Parsing an event stream" (§9.2.6) to the letter,
// and the typed events (and their errors) that a generated method's
// iterator yields for an operation whose 2xx response is such a stream
// (the iterator itself is oasimpl.Events). Hand-rolled rather than taken from a
// library: the standard library has none, and the Go SSE packages either
// bring a whole server or get line endings (a lone CR) and the BOM wrong.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// RawEvent is one event of an event stream as the standard dispatches it.
type RawEvent struct {
	// Event is the event type: the last event field of the event, or
	// "message" when it had none.
	Event string
	// Data is the event's data lines joined with "\n".
	Data string
	// ID is the stream's last event ID when the event was dispatched: the
	// last id field seen so far, in this event or an earlier one.
	ID string
	// Retry is the reconnection time the stream last set with a retry
	// field, 0 when it never did.
	Retry time.Duration
}

// EventReader reads the events of a text/event-stream body.
type EventReader struct {
	r     *bufio.Reader
	start bool // no byte read yet: a BOM may come
	id    string
	retry time.Duration
	// MaxLine bounds a line's length (DefaultMaxEventLine when 0), so a
	// server that never ends a line cannot exhaust memory.
	MaxLine int
}

// DefaultMaxEventLine is the longest line an EventReader accepts by default.
const DefaultMaxEventLine = 16 << 20

// ErrEventLineTooLong is returned for a line longer than EventReader.MaxLine.
var ErrEventLineTooLong = errors.New("event stream: line too long")

// NewEventReader reads events from r.
func NewEventReader(r io.Reader) *EventReader {
	return &EventReader{r: bufio.NewReader(r), start: true}
}

// line reads one line without its terminator (CRLF, LF or CR). It returns
// io.EOF when the stream ends, a final line without a terminator
// included: the standard discards what follows the last line break.
func (er *EventReader) line() (string, error) {
	max := er.MaxLine
	if max <= 0 {
		max = DefaultMaxEventLine
	}
	var b []byte
	for {
		c, err := er.r.ReadByte()
		if err != nil {
			return "", err
		}
		switch c {
		case '\n':
			return string(b), nil
		case '\r':
			// CRLF is one line break; a lone CR is one too.
			if next, err := er.r.Peek(1); err == nil && next[0] == '\n' {
				er.r.ReadByte()
			}
			return string(b), nil
		}
		if len(b) >= max {
			return "", ErrEventLineTooLong
		}
		b = append(b, c)
	}
}

// Next returns the next event. At the end of the stream it returns io.EOF,
// and an event the stream did not finish with a blank line is discarded,
// as the standard says; an error of the underlying reader (a connection
// cut mid-stream: io.ErrUnexpectedEOF) is returned as it is.
func (er *EventReader) Next() (RawEvent, error) {
	if er.start {
		er.start = false
		if b, err := er.r.Peek(3); err == nil && bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
			er.r.Discard(3)
		}
	}
	var data strings.Builder
	hasData := false
	event := ""
	for {
		ln, err := er.line()
		if err != nil {
			return RawEvent{}, err
		}
		if ln == "" {
			// Dispatch: an event without data is not dispatched, but its
			// id and retry fields still took effect.
			if !hasData {
				event = ""
				continue
			}
			ev := RawEvent{Event: event, Data: data.String(), ID: er.id, Retry: er.retry}
			if ev.Event == "" {
				ev.Event = "message"
			}
			return ev, nil
		}
		if ln[0] == ':' {
			continue // a comment (often a keep-alive)
		}
		field, value, found := strings.Cut(ln, ":")
		if found {
			value = strings.TrimPrefix(value, " ")
		}
		switch field {
		case "event":
			event = value
		case "data":
			if hasData {
				data.WriteByte('\n')
			}
			data.WriteString(value)
			hasData = true
		case "id":
			if !strings.ContainsRune(value, 0) {
				er.id = value
			}
		case "retry":
			if n, err := strconv.ParseInt(value, 10, 64); err == nil && value != "" && strings.Trim(value, "0123456789") == "" &&
				n <= int64(time.Duration(1<<63-1)/time.Millisecond) {
				er.retry = time.Duration(n) * time.Millisecond
			}
		}
	}
}

// Event is one server-sent event with its data decoded as the spec
// describes it.
type Event[T any] struct {
	// Event, ID and Retry are as in RawEvent: the event type ("message"
	// when the stream named none), the last event ID and the reconnection
	// time the stream set (0 when it set none).
	Event string
	ID    string
	Retry time.Duration
	// Data is the event's data, decoded.
	Data T
	// Raw is the data as received.
	Raw string
}

// EventStreamError is an event stream that did not end cleanly: cut by
// the network, or ended before the sentinel the spec promises.
type EventStreamError struct {
	Func string // the generated method's name
	Err  error
}

func (e *EventStreamError) Error() string {
	return fmt.Sprintf("%sevent stream: %v", opPrefix(e.Func), e.Err)
}

func (e *EventStreamError) Unwrap() error { return e.Err }

// EventDecodeError is an event whose data does not decode as the spec
// says. The iteration goes on if the loop continues.
type EventDecodeError struct {
	Func  string
	Event RawEvent
	Err   error
}

func (e *EventDecodeError) Error() string {
	return fmt.Sprintf("%sevent %q (id %q) does not decode: %v; data: %s", opPrefix(e.Func), e.Event.Event, e.Event.ID, e.Err,
		snippet([]byte(e.Event.Data)))
}

func (e *EventDecodeError) Unwrap() error { return e.Err }
