package plan

import (
	"mime"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// This file plans server-sent events: an operation whose 2xx body is
// text/event-stream returns an iterator over typed events instead of an
// unread stream.

// EventStream is the plan of an operation whose 2xx body is a stream of
// server-sent events.
type EventStream struct {
	// Data is the type each event's data is decoded into: the schema's
	// data property when the schema describes the event's fields (id,
	// event, data, retry: Speakeasy's way), else the whole schema (what
	// OpenAI's spec gives); a string when the data is text.
	Data *Ref
	// Text keeps the data as it came (a string schema, or none) instead of
	// decoding it as JSON.
	Text bool
	// Sentinel is the data that ends the stream (x-speakeasy-sse-sentinel),
	// "" for none.
	Sentinel string
	// Open is the unexported method that sends the request and returns the
	// unread stream; the operation's method wraps it in the iterator.
	Open string
}

// isEventStream reports whether a media type is text/event-stream.
func isEventStream(media string) bool {
	mt, _, err := mime.ParseMediaType(media)
	return err == nil && strings.EqualFold(mt, "text/event-stream")
}

// planEvents turns an operation whose one 2xx body is an event stream into
// an event iterator. A 2xx that offers JSON too keeps returning the JSON
// (Speakeasy asks for a separate path per response type).
func (p *planner) planEvents(o *Operation, op *openapi3.Operation, where string) {
	r := o.Result
	if r == nil || o.ResultType != "" || r.Kind != BodyBinary || !isEventStream(r.MediaType) || op.Responses == nil {
		return
	}
	resp := op.Responses.Value(r.Status)
	if resp == nil || resp.Value == nil || resp.Value.Content[r.MediaType] == nil {
		return
	}
	mt := resp.Value.Content[r.MediaType]
	where += ".responses." + r.Status + ".content." + r.MediaType + ".schema"
	ev := &EventStream{Open: lowerFirst(o.Name) + "Stream"}
	for _, ext := range []map[string]any{mt.Extensions, op.Extensions} {
		if s, ok := ext["x-speakeasy-sse-sentinel"].(string); ok && ev.Sentinel == "" {
			ev.Sentinel = s
		}
	}
	data := mt.Schema
	if env := envelopeData(mt.Schema); env != nil {
		data, where = env, where+".properties.data"
	}
	if data == nil || data.Value == nil || typeIs(data.Value, "string") && !isBinary(data) && len(enumValues(data.Value)) == 0 {
		ev.Text = true
		ev.Data = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
	} else {
		ev.Data = p.refOf(data, o.Name+"Event", where, false)
	}
	o.Events = ev
}

// envelopeData is the data property of a schema that describes an event's
// fields: an object whose properties are among id, event, data and retry,
// data included. nil otherwise.
func envelopeData(sr *openapi3.SchemaRef) *openapi3.SchemaRef {
	if sr == nil || sr.Value == nil || !isObject(sr.Value) {
		return nil
	}
	props := sr.Value.Properties
	if props["data"] == nil {
		return nil
	}
	for k := range props {
		switch k {
		case "id", "event", "data", "retry":
		default:
			return nil
		}
	}
	return props["data"]
}
