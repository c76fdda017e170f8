package oasimpl

// The iterator a generated method returns for an operation whose 2xx body
// is a stream of server-sent events: it opens the stream when the loop
// starts, parses it with oas.EventReader and decodes each event's data.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/oasgen/oasgen/oas"
)

// EventOptions say how Events reads a stream; generated code fills them
// from the spec.
type EventOptions struct {
	// Func names the generated method in errors.
	Func string
	// Sentinel is the data that ends the stream (x-speakeasy-sse-sentinel, e.g.
	// "[DONE]"): it is not yielded, and a stream that ends without it is
	// an *EventStreamError. "" when the spec declares none.
	Sentinel string
	// Text yields the data as it came (a string schema); otherwise it is
	// decoded as JSON.
	Text bool
}

// Events opens a stream when the loop starts and yields its events, their
// data decoded into T. An error opening it (a documented error response,
// a transport error) is yielded once and ends the loop. The body is closed
// when the stream ends, when the loop stops early and when ctx (the call's
// context, which the body reading obeys) is done.
func Events[T any](open func() (*oas.Stream, error), o EventOptions) iter.Seq2[oas.Event[T], error] {
	return func(yield func(oas.Event[T], error) bool) {
		s, err := open()
		if err != nil {
			yield(oas.Event[T]{}, err)
			return
		}
		defer s.Close()
		er := oas.NewEventReader(s)
		for {
			raw, err := er.Next()
			if err != nil {
				switch {
				case errors.Is(err, io.EOF) && o.Sentinel == "":
				case errors.Is(err, io.EOF):
					yield(oas.Event[T]{}, &oas.EventStreamError{Func: o.Func, Err: fmt.Errorf("ended before its sentinel %q: %w", o.Sentinel, io.ErrUnexpectedEOF)})
				default:
					yield(oas.Event[T]{}, &oas.EventStreamError{Func: o.Func, Err: err})
				}
				return
			}
			if o.Sentinel != "" && raw.Data == o.Sentinel {
				return
			}
			ev := oas.Event[T]{Event: raw.Event, ID: raw.ID, Retry: raw.Retry, Raw: raw.Data}
			var derr error
			if o.Text {
				if p, ok := any(&ev.Data).(*string); ok {
					*p = raw.Data
				}
			} else {
				derr = decodeEventData(raw.Data, &ev.Data)
			}
			if derr != nil {
				derr = &oas.EventDecodeError{Func: o.Func, Event: raw, Err: derr}
			}
			if !yield(ev, derr) {
				return
			}
		}
	}
}

// decodeEventData decodes an event's JSON data as DecodeJSON decodes a
// body: a generated model's own decoder, else encoding/json.
func decodeEventData(data string, out any) error {
	if u, ok := out.(fastDecoder); ok {
		return u.UnmarshalJSON([]byte(data))
	}
	return json.Unmarshal([]byte(data), out)
}
