package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// genWebhooks renders webhooks.gen.go: an event type per webhook, the
// parser and the handler (see plan.Webhooks).
func genWebhooks(m *plan.Model) (File, error) {
	w := m.Webhooks
	f := newFile(m)
	genWebhookEvent(f, w)
	for _, wh := range w.List {
		genWebhookType(f, w, wh)
	}
	genParseWebhook(f, w)
	for _, wh := range w.List {
		genWebhookParser(f, w, wh)
	}
	genWebhookHandler(f, w)
	return render(f, "webhooks.gen.go")
}

// genWebhookEvent writes
//
//	type WebhookEvent interface { WebhookName() string; webhookStatus() int }
func genWebhookEvent(f *jen.File, w *plan.Webhooks) {
	var types []string
	for _, wh := range w.List {
		types = append(types, "*"+wh.Type)
	}
	comment(f, wrapText(fmt.Sprintf("%s is a request the API sends (a webhook or callback of the spec), as %s returns it: one of %s.",
		w.Event, w.Parse, strings.Join(types, ", ")), 77))
	f.Type().Id(w.Event).Interface(
		jen.Comment("WebhookName is the webhook's name in the spec."),
		jen.Id("WebhookName").Params().String(),
		jen.Id("webhookStatus").Params().Int(),
	)
}

// genWebhookType writes the event of one webhook:
//
//	type NewPetWebhook struct { Body Pet; Request *http.Request }
func genWebhookType(f *jen.File, w *plan.Webhooks, wh *plan.Webhook) {
	doc := fmt.Sprintf("%s is the webhook %s (%s), read by %s.", wh.Type, cleanText(wh.Name), wh.Method, w.Parse)
	if s := cleanText(wh.Summary); s != "" {
		doc += " " + strings.TrimSuffix(strings.ReplaceAll(s, "\n", " "), ".") + "."
	}
	doc = wrapText(doc, 77)
	if d := cleanText(wh.Description); d != "" {
		doc += "\n\n" + d
	}
	if wh.Deprecated {
		doc += "\n\nDeprecated: the spec marks this webhook deprecated."
	}
	comment(f, doc)
	f.Type().Id(wh.Type).StructFunc(func(g *jen.Group) {
		if wh.Body != nil {
			bd := "Body is the payload, decoded"
			if wh.Validate {
				bd += " and validated"
			}
			if !wh.BodyRequired {
				bd += "; the zero value when the request had none"
			}
			comment(g, bd+".")
			g.Id("Body").Add(goType(wh.Body))
		}
		comment(g, "Request is the request the event was read from (its body consumed).")
		g.Id("Request").Op("*").Qual("net/http", "Request")
	})
	f.Func().Params(jen.Op("*").Id(wh.Type)).Id("WebhookName").Params().String().Block(jen.Return(jen.Lit(wh.Name)))
	f.Func().Params(jen.Op("*").Id(wh.Type)).Id("webhookStatus").Params().Int().Block(jen.Return(jen.Lit(wh.Status)))
}

// genParseWebhook writes
//
//	func ParseWebhook(r *http.Request) (WebhookEvent, error)
func genParseWebhook(f *jen.File, w *plan.Webhooks) {
	var routes []string
	methods := map[string]bool{}
	tagProp := map[string]string{} // method -> the body member that tells its webhooks apart
	var tagMethods []string
	for _, wh := range w.List {
		at := "any path"
		if wh.Route != "" {
			at = "a path ending in " + wh.Route
		}
		if wh.TagProp != "" {
			var vals []string
			for _, v := range wh.TagValues {
				vals = append(vals, fmt.Sprintf("%q", v))
			}
			at = fmt.Sprintf("any path with %s %s in its body, or at %s", wh.TagProp, strings.Join(vals, " or "), at)
			if _, ok := tagProp[wh.Method]; !ok {
				tagMethods = append(tagMethods, wh.Method)
			}
			tagProp[wh.Method] = wh.TagProp
		}
		routes = append(routes, fmt.Sprintf("%s at %s: *%s", wh.Method, at, wh.Type))
		methods[wh.Method] = true
	}
	tagVar := func(method string) string { return "tag" + method[:1] + strings.ToLower(method[1:]) }
	selects := "method and URL path"
	if len(tagMethods) > 0 {
		selects = "method, body and URL path"
	}
	comment(f, wrapText(fmt.Sprintf("%s reads a request the API sent as the webhook its %s select (%s), "+
		"decodes its JSON body into the webhook's payload and validates it.", w.Parse, selects, strings.Join(routes, "; ")), 77)+"\n\n"+
		wrapText("A request it cannot read is an *oas.WebhookError with the status a server answers it with: no webhook for the method (405) "+
			"or path (404), a Content-Type other than JSON (415), a body that is missing, not JSON (Err is an *oas.JSONError) "+
			"or breaks the schema (Err is an *oas.ValidationError) (400), or one longer than oas.MaxWebhookBytes (413).", 77))
	f.Func().Id(w.Parse).Params(jen.Id("r").Op("*").Qual("net/http", "Request")).Params(jen.Id(w.Event), jen.Error()).BlockFunc(func(g *jen.Group) {
		// A body member telling a method's webhooks apart is read first
		// (the body is put back for the parser).
		for _, m := range tagMethods {
			g.Var().Id(tagVar(m)).String()
			g.If(jen.Id("r").Dot("Method").Op("==").Lit(m)).Block(
				jen.Id(tagVar(m)).Op("=").Qual(implPkg, "WebhookTag").Call(jen.Id("r"), jen.Lit(tagProp[m])))
		}
		g.Switch().BlockFunc(func(sw *jen.Group) {
			for _, wh := range w.List {
				if wh.TagProp == "" {
					continue
				}
				var cond *jen.Statement
				for _, v := range wh.TagValues {
					c := jen.Id(tagVar(wh.Method)).Op("==").Lit(v)
					if cond == nil {
						cond = c
					} else {
						cond = cond.Op("||").Add(c)
					}
				}
				sw.Case(cond).Block(jen.Return(jen.Id(wh.ParseFunc).Call(jen.Id("r"))))
			}
			for _, wh := range w.List {
				cond := jen.Id("r").Dot("Method").Op("==").Lit(wh.Method)
				if wh.Route != "" {
					cond = cond.Op("&&").Qual("strings", "HasSuffix").Call(jen.Id("r").Dot("URL").Dot("Path"), jen.Lit(wh.Route))
				}
				sw.Case(cond).Block(jen.Return(jen.Id(wh.ParseFunc).Call(jen.Id("r"))))
			}
		})
		var known jen.Code = jen.False()
		var cs []jen.Code
		for _, m := range []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"} {
			if methods[m] {
				cs = append(cs, jen.Id("r").Dot("Method").Op("==").Lit(m))
			}
		}
		if len(cs) > 0 {
			st := jen.Add(cs[0])
			for _, c := range cs[1:] {
				st = st.Op("||").Add(c)
			}
			known = st
		}
		g.Return(jen.Nil(), jen.Qual(implPkg, "UnknownWebhook").Call(jen.Id("r"), known))
	})
}

// genWebhookParser writes
//
//	func parseNewPetWebhook(r *http.Request) (WebhookEvent, error)
//
// (never a nil *NewPetWebhook in a non-nil WebhookEvent).
func genWebhookParser(f *jen.File, w *plan.Webhooks, wh *plan.Webhook) {
	f.Func().Id(wh.ParseFunc).Params(jen.Id("r").Op("*").Qual("net/http", "Request")).Params(jen.Id(w.Event), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Id("ev").Op(":=").Op("&").Id(wh.Type).Values(jen.Id("Request").Op(":").Id("r"))
		if wh.Body == nil {
			g.Return(jen.Id("ev"), jen.Nil())
			return
		}
		g.List(jen.Id("data"), jen.Err()).Op(":=").Qual(implPkg, "ReadWebhook").Call(jen.Id("r"), jen.Lit(wh.Name), jen.Lit(wh.MediaType), jen.Lit(wh.BodyRequired))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		g.If(jen.Id("data").Op("==").Nil()).Block(jen.Return(jen.Id("ev"), jen.Nil()))
		g.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("ev").Dot("Body")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual(implPkg, "WebhookPayloadError").Call(jen.Lit(wh.Name), jen.Err())))
		if wh.Validate {
			g.If(jen.Err().Op(":=").Id("ev").Dot("Body").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual(implPkg, "WebhookPayloadError").Call(jen.Lit(wh.Name), jen.Err())))
		}
		g.Return(jen.Id("ev"), jen.Nil())
	})
}

// genWebhookHandler writes
//
//	func NewWebhookHandler(handle func(ctx context.Context, event WebhookEvent) error) http.Handler
func genWebhookHandler(f *jen.File, w *plan.Webhooks) {
	comment(f, wrapText(fmt.Sprintf("%s returns an http.Handler that reads every request with %s and passes the event to handle. "+
		"A request %s refuses is answered with the *oas.WebhookError's status and message, and handle is not called; "+
		"when handle returns an error the answer is 500 (the error is not sent), otherwise the webhook's first documented 2xx status (200 when none).",
		w.Handler, w.Parse, w.Parse), 77))
	f.Func().Id(w.Handler).Params(jen.Id("handle").Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("event").Id(w.Event)).Error()).Qual("net/http", "Handler").Block(
		jen.Return(jen.Qual("net/http", "HandlerFunc").Call(jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).Block(
			jen.Qual(implPkg, "ServeWebhook").Call(jen.Id("w"), jen.Id("r"), jen.Id(w.Parse), jen.Id("handle"), jen.Id(w.Event).Dot("webhookStatus")),
		))),
	)
}
