package emit

// The method of an operation whose 2xx body is a stream of server-sent
// events: an iterator over the typed events (oasimpl.Events), around the
// unexported opener genOperation writes for it.

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// func (c *APIClient) Chat(ctx context.Context, body ChatRequest, opts ...CallOption) iter.Seq2[oas.Event[ChatChunk], error]
func genEvents(f *jen.File, m *plan.Model, o *plan.Operation) {
	ev := o.Events
	decl, pass := opArgs(m, o)
	event := jen.Qual(oasPkg, "Event").Types(goType(ev.Data))
	eo := jen.Dict{jen.Id("Func"): jen.Lit(o.Name)}
	if ev.Sentinel != "" {
		eo[jen.Id("Sentinel")] = jen.Lit(ev.Sentinel)
	}
	if ev.Text {
		eo[jen.Id("Text")] = jen.True()
	}
	if ev.Opener != nil {
		comment(f, wrapText(fmt.Sprintf("%s calls %s %s asking for its event stream (Accept: %s); %s returns the JSON response instead. "+
			"Where the API decides by the request (OpenAI's stream: true), the request must ask for the stream too.\n\n%s",
			ev.Method, o.Method, o.Path, ev.MediaType, o.Name, eventsDoc(o)), 77))
	} else {
		comment(f, wrapText(operationDoc(m, o), 77))
	}
	f.Func().Add(selfReceiver(m, o)).Id(ev.Method).Params(decl...).
		Qual("iter", "Seq2").Types(event, jen.Error()).Block(
		jen.Return(jen.Qual(implPkg, "Events").Types(goType(ev.Data)).Call(
			jen.Func().Params().Params(jen.Op("*").Qual(oasPkg, "Stream"), jen.Error()).Block(
				jen.Return(jen.Id("c").Dot(ev.Open).Call(append(pass[:len(pass):len(pass)], jen.Id("opts").Op("..."))...)),
			),
			jen.Qual(implPkg, "EventOptions").Values(eo),
		)),
	)
}

// eventsDoc says what an event stream method yields.
func eventsDoc(o *plan.Operation) string {
	ev := o.Events
	data := "decoded from JSON"
	switch {
	case ev.Text:
		data = "as text"
	case ev.Data.Kind == plan.RefNamed:
		data = "decoded as " + ev.Data.Named.Name
	}
	s := fmt.Sprintf("The request is sent when the loop starts; it yields the server-sent events of the 2xx response "+
		"(%s) with their data %s, and their event type, last event ID and retry time. An error response or a "+
		"transport error is yielded once and ends the loop; an event whose data does not decode is yielded with an "+
		"*oas.EventDecodeError and the loop may go on; a stream cut short is an *oas.EventStreamError. "+
		"The response body is closed when the stream ends, when the loop stops early and when ctx is done.", ev.MediaType, data)
	if ev.Sentinel != "" {
		s += fmt.Sprintf(" The stream ends at the event whose data is %q, which is not yielded.", ev.Sentinel)
	}
	return s
}
