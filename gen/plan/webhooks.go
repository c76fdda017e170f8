package plan

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// Webhooks are the requests the API sends rather than answers: OpenAPI
// 3.1's top-level webhooks and 3.0's per-operation callbacks. The package
// gets one event type per webhook (its payload decoded and validated), a
// parser that turns an incoming *http.Request into one of them, and an
// http.Handler around it: the one server-side piece oasgen generates.
type Webhooks struct {
	// Event is the interface every event type implements, Parse the
	// function reading a request into an event and Handler the function
	// returning the http.Handler (WebhookEvent, ParseWebhook,
	// NewWebhookHandler unless a schema has the name).
	Event, Parse, Handler string
	// List is every webhook: top-level webhooks in key order, then
	// callbacks in operation order and key order; ParseWebhook tries them
	// in this order.
	List []*Webhook
}

// Webhook is one request the API sends.
type Webhook struct {
	// Name is the webhook as the spec names it: the key under webhooks,
	// or the callback's key.
	Name  string
	Where string
	Pos   diag.Pos
	// Type is the event's Go type (<Name>Webhook): the payload as Body.
	Type string
	// Method is the request's method, upper case.
	Method string
	// Route is the end of the URL path the webhook is recognised by when
	// several webhooks share a method: a callback's URL expression's
	// literal path after its last runtime expression ("/data" of
	// {$request.query.callbackUrl}/data), else "/" + Name. "" when the
	// method alone tells the webhook: any path is accepted.
	Route                string
	Summary, Description string
	Deprecated           bool
	// Body is the payload's type (JSON bodies only); nil when the webhook
	// sends no body the parser can decode (it then accepts any body and
	// leaves it unread).
	Body         *Ref
	MediaType    string
	BodyRequired bool
	// Validate says the parser calls the payload's Validate (a named type
	// held by value that has one).
	Validate bool
	// Status is what the handler replies when the user's function returns
	// nil: the first 2xx the webhook documents, else 200.
	Status int
	// ParseFunc is the unexported function that reads a request as this
	// webhook (parse<Type>).
	ParseFunc string
	// TagProp and TagValues say which webhook a request is by its body,
	// when webhooks share a method and each payload pins one top-level
	// property to values no other's has (Resend's type: email.sent, a
	// const; Adyen's type enums): APIs that deliver every webhook to the
	// one URL a user registers are routed by it, before Route. "" and nil
	// otherwise (finishWebhooks).
	TagProp   string
	TagValues []string

	validates bool // the payload is a named type held by value
}

// planWebhooks plans every webhook and callback, naming their event and
// payload types after the component schemas, the client and the
// operations' types.
func (p *planner) planWebhooks() {
	type src struct {
		name, where, suffix string
		pos                 diag.Pos
		item                *openapi3.PathItem
	}
	var srcs []src
	doc := p.spec.Doc
	keys := make([]string, 0, len(doc.Webhooks))
	for k := range doc.Webhooks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if item := doc.Webhooks[k]; item != nil {
			srcs = append(srcs, src{name: k, where: "webhooks." + k, pos: p.spec.Pos("webhooks", k), item: item})
		}
	}
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, op *openapi3.Operation) {
		names := make([]string, 0, len(op.Callbacks))
		for k := range op.Callbacks {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			cb := op.Callbacks[k]
			if cb == nil || cb.Value == nil {
				continue
			}
			exprs := make([]string, 0, cb.Value.Len())
			for e := range cb.Value.Map() {
				exprs = append(exprs, e)
			}
			sort.Strings(exprs)
			for _, e := range exprs {
				item := cb.Value.Value(e)
				if item == nil {
					continue
				}
				lm := strings.ToLower(method)
				srcs = append(srcs, src{name: k, where: "paths." + pth + "." + lm + ".callbacks." + k + "." + e,
					pos: p.spec.Pos("paths", pth, lm, "callbacks", k, e), item: item, suffix: literalSuffix(e)})
			}
		}
	})
	if len(srcs) == 0 {
		return
	}
	w := &Webhooks{}
	w.Event = p.claimType("WebhookEvent", "the webhook event interface", diag.Pos{})
	w.Parse = p.claimType("ParseWebhook", "the webhook parser", diag.Pos{})
	w.Handler = p.claimType("NewWebhookHandler", "the webhook handler", diag.Pos{})
	byMethod := map[string]int{}
	for _, s := range srcs {
		ops := 0
		for _, m := range methodOrder {
			if s.item.GetOperation(m) != nil {
				ops++
			}
		}
		for _, m := range methodOrder {
			op := s.item.GetOperation(m)
			if op == nil {
				continue
			}
			lm := strings.ToLower(m)
			where := s.where + "." + lm
			pos := p.spec.OriginPos(op.Origin)
			if pos.File == "" {
				pos = s.pos
			}
			base := GoName(s.name)
			if base == "" {
				base = "Event"
			}
			// The type is <name>Webhook, or the name when it already ends
			// so (myWebhook: MyWebhook, not MyWebhookWebhook).
			stem := base
			if t := strings.TrimSuffix(base, "Webhook"); t != "" {
				stem = t
			}
			if ops > 1 && m != "POST" {
				// A webhook delivered by several methods: POST, the usual
				// one, keeps the webhook's name; the others add theirs
				// rather than a number.
				base += GoName(strings.ToLower(m))
				stem += GoName(strings.ToLower(m))
			}
			wh := &Webhook{Name: s.name, Where: where, Pos: pos, Method: m, Route: s.suffix,
				Summary: op.Summary, Description: op.Description, Deprecated: op.Deprecated, Status: 200}
			if op.Description == "" && s.item.Description != "" {
				wh.Description = s.item.Description
			}
			wh.Type = p.claimType(stem+"Webhook", where, pos)
			wh.ParseFunc = "parse" + wh.Type
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				wh.BodyRequired = rb.Value.Required
				if mt := jsonMedia(rb.Value.Content); mt != nil {
					wh.MediaType = jsonMediaKey(rb.Value.Content)
					wh.Body = p.refOf(mt.Schema, base+"Payload", where+".requestBody.content."+wh.MediaType+".schema", false)
				} else if len(rb.Value.Content) > 0 {
					p.warn(pos, where+".requestBody", "the webhook's body is not JSON: %s leaves it unread in the request", w.Parse)
				}
				if wh.Description == "" {
					wh.Description = rb.Value.Description
				}
			}
			if op.Responses != nil {
				codes := make([]string, 0, op.Responses.Len())
				for c := range op.Responses.Map() {
					codes = append(codes, c)
				}
				sort.Slice(codes, func(i, j int) bool { return statusRank(codes[i]) < statusRank(codes[j]) })
				for _, c := range codes {
					if n, err := strconv.Atoi(c); err == nil && n >= 200 && n < 300 {
						wh.Status = n
						break
					}
				}
			}
			byMethod[m]++
			if b := wh.Body; b != nil && b.Kind == RefNamed && !b.Nullable && !b.Pointer {
				wh.validates = true
			}
			w.List = append(w.List, wh)
		}
	}
	// A method several webhooks share cannot tell them apart: each is
	// recognised by the end of the URL path it is received at.
	for _, wh := range w.List {
		if byMethod[wh.Method] > 1 && wh.Route == "" {
			wh.Route = "/" + wh.Name
		}
	}
	for i, a := range w.List {
		for _, b := range w.List[:i] {
			if a.Method == b.Method && a.Route == b.Route {
				p.warn(a.Pos, a.Where, "webhook %s has the method and path of webhook %s: %s returns %s for both", a.Name, b.Name, w.Parse, b.Type)
			}
		}
	}
	p.m.Webhooks = w
}

// finishWebhooks decides what needs every type's final shape: whether the
// parser can call the payload's Validate.
func (p *planner) finishWebhooks() {
	if p.m.Webhooks == nil {
		return
	}
	for _, wh := range p.m.Webhooks.List {
		wh.Validate = wh.validates && wh.Body.Named.HasValidate()
	}
	byMethod := map[string][]*Webhook{}
	for _, wh := range p.m.Webhooks.List {
		byMethod[wh.Method] = append(byMethod[wh.Method], wh)
	}
	for _, group := range byMethod {
		if len(group) > 1 {
			planWebhookTags(group)
		}
	}
}

// planWebhookTags finds the top-level payload property, first in name
// order, whose pinned values (an enum or const of strings) tell every
// webhook of group from the others, and records it (Webhook.TagProp).
func planWebhookTags(group []*Webhook) {
	fields := make([]map[string]*Field, len(group))
	for i, wh := range group {
		st := structOf(wh.Body)
		if st == nil {
			return
		}
		fields[i] = map[string]*Field{}
		for _, f := range st.Fields {
			fields[i][f.JSONName] = f
		}
	}
	for _, prop := range slices.Sorted(maps.Keys(fields[0])) {
		owner := map[string]int{}
		values := make([][]string, len(group))
		ok := true
		for i := range group {
			values[i] = stringEnumValues(fields[i][prop])
			if len(values[i]) == 0 {
				ok = false
				break
			}
			for _, v := range values[i] {
				if _, dup := owner[v]; dup {
					ok = false
				}
				owner[v] = i
			}
		}
		if !ok {
			continue
		}
		for i, wh := range group {
			wh.TagProp, wh.TagValues = prop, values[i]
		}
		return
	}
}

// structOf is the struct type a payload is (through Go aliases), nil when
// it is none.
func structOf(r *Ref) *Type {
	for r != nil && r.Kind == RefNamed && r.Named.Kind == KindAlias && r.Named.GoAlias {
		r = r.Named.Elem
	}
	if r == nil || r.Kind != RefNamed || r.Named.Kind != KindStruct {
		return nil
	}
	return r.Named
}

// stringEnumValues are the values a string enum field is pinned to, nil
// for any other field (or none).
func stringEnumValues(f *Field) []string {
	if f == nil {
		return nil
	}
	r := f.Type
	for r.Kind == RefNamed && r.Named.Kind == KindAlias {
		r = r.Named.Elem
	}
	if r.Kind != RefNamed || r.Named.Kind != KindEnum || r.Named.Enum.Base != String {
		return nil
	}
	var out []string
	for _, v := range r.Named.Enum.Values {
		if s, ok := v.Value.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// literalSuffix is the literal URL path after the last runtime expression
// of a callback's URL ("/data" of "{$request.query.callbackUrl}/data"),
// without a query; "" when there is none.
func literalSuffix(expr string) string {
	if i := strings.LastIndex(expr, "}"); i >= 0 {
		expr = expr[i+1:]
	} else if j := strings.Index(expr, "://"); j >= 0 {
		expr = expr[j+3:]
		if k := strings.Index(expr, "/"); k >= 0 {
			expr = expr[k:]
		} else {
			expr = ""
		}
	}
	expr, _, _ = strings.Cut(expr, "?")
	expr, _, _ = strings.Cut(expr, "#")
	if !strings.HasPrefix(expr, "/") || expr == "/" {
		return ""
	}
	return expr
}
