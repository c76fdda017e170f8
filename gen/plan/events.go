package plan

import (
	"maps"
	"mime"
	"slices"
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
	// unread stream; Method wraps it in the iterator.
	Open string
	// Method is the exported method returning the iterator: the
	// operation's own name when the event stream is its 2xx body, else
	// <Op>Events (a 2xx offering JSON too, as OpenAI's streaming
	// endpoints do: the operation's method keeps returning the JSON).
	Method string
	// MediaType is the stream's media type.
	MediaType string
	// Opener, for <Op>Events, is the operation as its opener Open sends
	// it: the same request with Accept: MediaType, its 2xx left unread,
	// named Method (its errors start with it). nil when the operation's
	// own method is the opener.
	Opener *Operation
	// opens is the 2xx the opener returns, unread; planOpeners makes the
	// opener from it once the operation is planned whole.
	opens *Response
}

// isEventStream reports whether a media type is text/event-stream.
func isEventStream(media string) bool {
	mt, _, err := mime.ParseMediaType(media)
	return err == nil && strings.EqualFold(mt, "text/event-stream")
}

// planEvents turns an operation whose 2xx body is an event stream into an
// event iterator: in place of its method when that is its only 2xx body,
// beside it (<Op>Events, named by planPagination) when the 2xx offers JSON
// too. Speakeasy asks for a separate path per response type there; OpenAI's
// spec has both on one path, and its SDK users need both.
func (p *planner) planEvents(o *Operation, op *openapi3.Operation, where string) {
	if st := o.NonErrorStatuses(); len(st) > 0 {
		for _, r := range o.Successes {
			if r.Status[0] == '2' && r.Kind == BodyBinary && isEventStream(r.MediaType) {
				p.warn(p.spec.Pos("paths", o.Path, strings.ToLower(o.Method), "responses", r.Status), where+".responses."+r.Status,
					"x-speakeasy-errors makes %s a result, which an event iterator has no place for: %s returns *%s, its %s field the stream unread",
					strings.Join(st, ", "), o.Name, o.ResultType, r.Field)
				return
			}
		}
	}
	r := o.Result
	if r == nil || o.ResultType != "" || op.Responses == nil {
		return
	}
	resp := op.Responses.Value(r.Status)
	if resp == nil || resp.Value == nil {
		return
	}
	media := ""
	switch {
	case r.Kind == BodyBinary && isEventStream(r.MediaType):
		media = r.MediaType
	case r.Kind == BodyJSON:
		for _, k := range slices.Sorted(maps.Keys(resp.Value.Content)) {
			if isEventStream(k) && resp.Value.Content[k] != nil {
				media = k
				break
			}
		}
	}
	if media == "" {
		return
	}
	mt := resp.Value.Content[media]
	where += ".responses." + r.Status + ".content." + media + ".schema"
	ev := &EventStream{Open: lowerFirst(o.Name) + "Stream", Method: o.Name, MediaType: media}
	for _, ext := range []map[string]any{mt.Extensions, op.Extensions} {
		if s, ok := ext["x-speakeasy-sse-sentinel"].(string); ok && ev.Sentinel == "" {
			ev.Sentinel = s
		}
	}
	data := mt.Schema
	if env := envelopeData(mt.Schema); env != nil {
		data, where = env, where+".properties.data"
	} else if env := envelopesData(mt.Schema); env != nil {
		data = env
	}
	if data == nil || data.Value == nil || typeIs(data.Value, "string") && !isBinary(data) && len(enumValues(data.Value)) == 0 {
		ev.Text = true
		ev.Data = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
	} else {
		ev.Data = p.refOf(data, o.Name+"Event", where, false)
	}
	if r.Kind == BodyJSON {
		ev.Method = "" // claimed once every operation is named
		ev.opens = &Response{Status: r.Status, Description: r.Description, Kind: BodyBinary, MediaType: media}
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

// envelopesData is, for a oneOf or anyOf whose every member describes an
// event's fields (one envelope per kind of event, as Speakeasy models
// several events on one stream), a oneOf of their data schemas: the
// event's data is one of them, and Event (the event's name) tells which.
// Members with the same data schema count once. nil otherwise.
func envelopesData(sr *openapi3.SchemaRef) *openapi3.SchemaRef {
	if sr == nil || sr.Value == nil {
		return nil
	}
	members := sr.Value.OneOf
	if len(members) == 0 {
		members = sr.Value.AnyOf
	}
	if len(members) == 0 {
		return nil
	}
	var data openapi3.SchemaRefs
	for _, m := range members {
		d := envelopeData(m)
		if d == nil {
			return nil
		}
		if !slices.ContainsFunc(data, func(x *openapi3.SchemaRef) bool { return x == d || x.Value == d.Value }) {
			data = append(data, d)
		}
	}
	if len(data) == 1 {
		return data[0]
	}
	// A schema of the planner's own: the document stays as loaded.
	return &openapi3.SchemaRef{Value: &openapi3.Schema{OneOf: data, Description: sr.Value.Description}}
}

// planOpeners makes the opener of each event stream offered beside JSON
// (<Op>Events): a copy of its operation asking for the stream, taken once
// security, servers, groups and globals are planned, so that it sends what
// the operation's own method sends.
func (p *planner) planOpeners() {
	for _, o := range p.m.Operations {
		ev := o.Events
		if ev == nil || ev.opens == nil {
			continue
		}
		opener := *o
		opener.Accept, opener.Stream = ev.MediaType, true
		opener.Result, opener.ResultPointer, opener.Events, opener.Pagination = ev.opens, false, nil, nil
		ev.Opener = &opener
	}
}
