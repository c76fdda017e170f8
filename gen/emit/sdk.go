package emit

// The client's SDK features, as plan/sdk.go decides them: response
// metadata and typed response headers (per-call options), timeouts,
// global parameters (Options fields the operations fall back to) and
// server selection (ServerIndex, server variables, per-operation servers).
// The runtime half is oas/meta.go, oas/timeout.go and oas/servers.go.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// type HTTPMeta = oas.HTTPMeta; func WithHTTPMeta(dst *HTTPMeta) CallOption; ...; func WithServerURL(u string) CallOption
// const ServerProd = 0; const RegionEu = "eu"
func genSDKDecls(f *jen.File, m *plan.Model) {
	n, co := m.SDK.Names, m.Names.CallOption
	comment(f, n.HTTPMeta+" is what a call passed "+n.WithHTTPMeta+" captures: the status code, headers,\n"+
		"the raw *http.Request and *http.Response (its body already read) and the\nnumber of attempts.")
	f.Type().Id(n.HTTPMeta).Op("=").Qual(oasPkg, "HTTPMeta")
	comment(f, n.TimeoutError+" is a call that ran out of its timeout (Options.Timeout or\n"+
		n.WithTimeout+"); errors.Is(err, context.DeadlineExceeded) holds for it.")
	f.Type().Id(n.TimeoutError).Op("=").Qual(oasPkg, "TimeoutError")
	comment(f, n.WithHTTPMeta+" makes one call fill *dst with the response's status, headers and\n"+
		"raw exchange, whatever it returns: a call that gets a response, 2xx or not,\nfills it.")
	f.Func().Id(n.WithHTTPMeta).Params(jen.Id("dst").Op("*").Id(n.HTTPMeta)).Id(co).Block(
		jen.Return(jen.Qual(oasPkg, "WithHTTPMeta").Call(jen.Id("dst"))))
	comment(f, n.WithResponseHeaders+" makes one call decode its 2xx response's headers into dst,\n"+
		"an <Operation>ResponseHeaders of the operation called. A declared header\n"+
		"that does not parse as its type fails the call with a *"+m.Names.DecodeError+".")
	f.Func().Id(n.WithResponseHeaders).Params(jen.Id("dst").Qual(oasPkg, "HeaderDecoder")).Id(co).Block(
		jen.Return(jen.Qual(oasPkg, "WithResponseHeaders").Call(jen.Id("dst"))))
	comment(f, n.WithTimeout+" bounds one call, retries and the waits between them included,\n"+
		"instead of Options.Timeout; d <= 0 lifts the bound (the context's deadline\nstill applies).")
	f.Func().Id(n.WithTimeout).Params(jen.Id("d").Qual("time", "Duration")).Id(co).Block(
		jen.Return(jen.Qual(oasPkg, "WithTimeout").Call(jen.Id("d"))))
	comment(f, n.WithServerURL+" sends one call to the server URL u instead of the one the\n"+
		"client chose, whatever server the spec gives the operation; u must be an\n"+
		"absolute http(s) URL, as Options.ServerURL, or the call fails unsent.")
	f.Func().Id(n.WithServerURL).Params(jen.Id("u").String()).Id(co).Block(
		jen.Return(jen.Qual(oasPkg, "WithServerURL").Call(jen.Id("u"))))
	var consts []jen.Code
	for i, s := range m.Servers {
		if s.Const != "" {
			for _, l := range strings.Split(wrapText(fmt.Sprintf("%s selects %s (Options.ServerIndex).", s.Const, s.URL), 73), "\n") {
				consts = append(consts, jen.Comment(l))
			}
			consts = append(consts, jen.Id(s.Const).Op("=").Lit(i))
		}
	}
	if len(consts) > 0 {
		f.Comment("The spec's servers by their x-speakeasy-server-id, for Options.ServerIndex.")
		f.Const().Defs(consts...)
	}
	for _, v := range m.SDK.ServerVars {
		if len(v.Consts) == 0 {
			continue
		}
		var defs []jen.Code
		for _, c := range v.Consts {
			defs = append(defs, jen.Id(c.Name).Op("=").Lit(c.Value))
		}
		f.Comment(fmt.Sprintf("The values the spec allows for the server variable %s (Options.%s).", v.Name, v.Field))
		f.Const().Defs(defs...)
	}
}

// genSDKOptionFields writes the Options fields of timeouts, servers and
// global parameters:
//
//	Timeout time.Duration; ServerIndex int; Region string; AccountID oas.Opt[string]
func genSDKOptionFields(g *jen.Group, m *plan.Model) {
	n := m.SDK.Names
	g.Comment("Timeout bounds each call, retries and the waits between them included; a")
	g.Comment("call passing " + n.WithTimeout + " uses its own. 0 means oas.DefaultTimeout (60s) when")
	g.Comment("HTTPClient is nil and no bound otherwise (the HTTPClient's own Timeout and")
	g.Comment("the context's deadline still apply); a negative value means no bound. A")
	g.Comment("streamed result (*oas.Stream) is bound until its response's head arrives.")
	g.Id("Timeout").Qual("time", "Duration")
	if len(m.Servers) > 1 {
		var list []string
		for i, s := range m.Servers {
			name := strconv.Itoa(i)
			if s.Const != "" {
				name += " (" + s.Const + ")"
			}
			list = append(list, name+": "+s.URL)
		}
		comment(g, wrapText("ServerIndex selects one of the spec's servers when ServerURL is empty: "+
			strings.Join(list, "; ")+". Another index fails "+m.Names.NewAPIClient+".", 73))
		g.Id("ServerIndex").Int()
	}
	for _, v := range m.SDK.ServerVars {
		doc := fmt.Sprintf("%s is the server URL's {%s} when ServerURL is empty; empty means the server's default.", v.Field, v.Name)
		if d := cleanText(v.Doc); d != "" {
			doc += " " + d
		}
		if len(v.Consts) > 0 {
			var names []string
			for _, c := range v.Consts {
				names = append(names, c.Name)
			}
			doc += " A value outside the server's enum (" + strings.Join(names, ", ") + ") fails " + m.Names.NewAPIClient + "."
		}
		comment(g, wrapText(doc, 73))
		g.Id(v.Field).String()
	}
	for _, gl := range m.SDK.Globals {
		doc := fmt.Sprintf("%s is sent as the %s parameter %s of every operation that has it (%d), unless the call's Args set it.",
			gl.Field, gl.In, gl.Name, gl.Uses)
		switch {
		case gl.Hidden == gl.Uses:
			doc = fmt.Sprintf("%s is sent as the %s parameter %s of every operation that has it (%d); calls cannot set another value.",
				gl.Field, gl.In, gl.Name, gl.Uses)
		case gl.Hidden > 0:
			doc += fmt.Sprintf(" %d of them take this value only.", gl.Hidden)
		}
		if d := cleanText(gl.Doc); d != "" {
			doc += " " + d
		}
		comment(g, wrapText(doc, 73))
		g.Id(gl.Field).Qual(oasPkg, "Opt").Types(goType(gl.Type))
	}
}

// genSDKClientFields writes APIClient's fields for global parameters and
// per-operation servers.
func genSDKClientFields(g *jen.Group, m *plan.Model) {
	for _, gl := range m.SDK.Globals {
		g.Id(gl.ClientField).Qual(oasPkg, "Opt").Types(goType(gl.Type))
	}
	for _, o := range m.Operations {
		if o.Servers != nil {
			g.Id(o.Servers.Field).Op("*").Qual("net/url", "URL")
		}
	}
}

// genServerChoice writes NewAPIClient's choice of server: ServerURL, else
// the server at ServerIndex with its variables.
//
//	switch { case opts.ServerURL != "": u, err = oas.ParseServerURL(opts.ServerURL); case opts.ServerIndex == 0: ... }
func genServerChoice(g *jen.Group, m *plan.Model) {
	label := pkgLabel(m)
	g.Var().Id("u").Op("*").Qual("net/url", "URL")
	g.Var().Err().Error()
	g.Switch().BlockFunc(func(sw *jen.Group) {
		sw.Case(jen.Id("opts").Dot("ServerURL").Op("!=").Lit("")).Block(
			jen.List(jen.Id("u"), jen.Err()).Op("=").Qual(implPkg, "ParseServerURL").Call(jen.Id("opts").Dot("ServerURL")))
		switch len(m.Servers) {
		case 0:
			sw.Default().Block(jen.Err().Op("=").Qual("errors", "New").Call(jen.Lit("the spec lists no server: set ServerURL")))
		case 1:
			sw.Default().Block(resolveServer(jen.Id("u"), m.Servers[0]))
		default:
			for i, s := range m.Servers {
				sw.Case(jen.Id("opts").Dot("ServerIndex").Op("==").Lit(i)).Block(resolveServer(jen.Id("u"), s))
			}
			sw.Default().Block(jen.Err().Op("=").Qual("fmt", "Errorf").Call(
				jen.Lit(fmt.Sprintf("ServerIndex %%d: the spec lists %d servers (0 to %d)", len(m.Servers), len(m.Servers)-1)),
				jen.Id("opts").Dot("ServerIndex")))
		}
	})
	g.If(jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(label+": %w"), jen.Err())))
}

// resolveServer assigns a server's URL, its variables filled from Options:
// u, err = oas.ResolveServer("https://{region}.x.com", oas.ServerVar{Name: "region", Value: opts.Region, Default: "eu", Enum: []string{"eu", "us"}})
func resolveServer(dst jen.Code, s plan.Server) jen.Code {
	args := []jen.Code{jen.Lit(s.URL)}
	for _, v := range s.Vars {
		d := jen.Dict{jen.Id("Name"): jen.Lit(v.Var.Name), jen.Id("Value"): jen.Id("opts").Dot(v.Var.Field),
			jen.Id("Default"): jen.Lit(v.Default)}
		if len(v.Enum) > 0 {
			var vals []jen.Code
			for _, e := range v.Enum {
				vals = append(vals, jen.Lit(e))
			}
			d[jen.Id("Enum")] = jen.Index().String().Values(vals...)
		}
		args = append(args, jen.Qual(implPkg, "ServerVar").Values(d))
	}
	return jen.List(dst, jen.Err()).Op("=").Qual(implPkg, "ResolveServer").Call(args...)
}

// genSDKClientInit sets APIClient's globals and per-operation servers in
// NewAPIClient:
//
//	c.globalAccountID = opts.AccountID
//	if opts.ServerURL != "" { c.serverUpload = u } else if c.serverUpload, err = oas.ResolveServer(...); err != nil { return nil, ... }
func genSDKClientInit(g *jen.Group, m *plan.Model) {
	for _, gl := range m.SDK.Globals {
		g.Id("c").Dot(gl.ClientField).Op("=").Id("opts").Dot(gl.Field)
	}
	for _, o := range m.Operations {
		if o.Servers == nil {
			continue
		}
		field := jen.Id("c").Dot(o.Servers.Field)
		g.If(jen.Id("opts").Dot("ServerURL").Op("!=").Lit("")).Block(
			jen.Add(field).Op("=").Id("u"),
		).Else().If(resolveServer(field, o.Servers.Servers[0]), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(pkgLabel(m)+": server of "+o.Name+": %w"), jen.Err())),
		)
	}
}

// genTimeoutDefault writes the client's timeout:
//
//	timeout := opts.Timeout; if timeout == 0 && opts.HTTPClient == nil { timeout = oas.DefaultTimeout }
func genTimeoutDefault(g *jen.Group) {
	g.Id("timeout").Op(":=").Id("opts").Dot("Timeout")
	g.If(jen.Id("timeout").Op("==").Lit(0).Op("&&").Id("opts").Dot("HTTPClient").Op("==").Nil()).Block(
		jen.Id("timeout").Op("=").Qual(oasPkg, "DefaultTimeout"))
}

// serverOf is the base URL an operation's method calls: c.server, or the
// operation's own.
func serverOf(o *plan.Operation) jen.Code {
	if o.Servers != nil {
		return jen.Id("c").Dot(o.Servers.Field)
	}
	return jen.Id("c").Dot("server")
}

// genGlobalParam sends a parameter the client may hold a value for: the
// call's, else the client's; a required one set by neither fails the
// call before sending.
//
//	if v, ok := params.AccountID.Get(); ok { ps.Header(p, v) } else if v, ok := c.globalAccountID.Get(); ok { ps.Header(p, v) }
func genGlobalParam(g *jen.Group, o *plan.Operation, p *plan.Param, add func(jen.Code) jen.Code, fail func(jen.Code) *jen.Statement) {
	var st *jen.Statement
	client := jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("c").Dot(p.Global.ClientField).Dot("Get").Call(), jen.Id("ok")).Block(add(jen.Id("v")))
	if p.Hidden {
		st = client
	} else {
		sel := jen.Id("params").Dot(p.Field.Name)
		st = jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).Block(add(jen.Id("v")))
		if p.Field.Wrap == plan.NullableWrap {
			st = st.Else().If(jen.Id("params").Dot(p.Field.Name).Dot("IsNull").Call()).Block(add(jen.Nil()))
		}
		st = st.Else().Add(client)
	}
	if p.Required {
		st = st.Else().Block(fail(jen.Qual("errors", "New").Call(jen.Lit(globalMissing(o, p)))))
	}
	g.Add(st)
}

// globalMissing is the error of a call that has no value for a required
// global parameter.
func globalMissing(o *plan.Operation, p *plan.Param) string {
	if p.Hidden {
		return fmt.Sprintf("%s: the %s parameter %s is required: set Options.%s", o.Name, p.In, p.Name, p.Global.Field)
	}
	return fmt.Sprintf("%s: the %s parameter %s is required: set it in the call's %s.%s or in Options.%s",
		o.Name, p.In, p.Name, o.Args.Name, p.Field.Name, p.Global.Field)
}

// genPathValues resolves the path parameters that are no method
// arguments into the variables pathExprOf reads: a global's from the
// call's Args, else the client's (only the client's when hidden).
//
//	var accountID string
//	if v, ok := params.AccountID.Get(); ok { accountID = v } else if v, ok := c.globalAccountID.Get(); ok { accountID = v } else { return ..., errors.New(...) }
func genPathValues(g *jen.Group, o *plan.Operation, fail func(jen.Code) *jen.Statement) {
	for _, p := range o.Params {
		if p.In != "path" || p.MethodArg() {
			continue
		}
		if p.Global == nil {
			// A path parameter x-speakeasy-globals names but could not
			// take over: a required field of Args.
			g.Id(p.Arg).Op(":=").Id("params").Dot(p.Field.Name)
			continue
		}
		set := func(v jen.Code) jen.Code { return jen.Id(p.Arg).Op("=").Add(v) }
		g.Var().Id(p.Arg).Add(goType(p.Type))
		genGlobalParam(g, o, p, set, fail)
	}
}

// genResponseHeaders writes an operation's typed response headers and
// their decoder:
//
//	type ListPetsResponseHeaders struct { XRateLimit oas.Opt[int64] }
//	func (h *ListPetsResponseHeaders) DecodeHeader(hd http.Header) error
func genResponseHeaders(f *jen.File, m *plan.Model, o *plan.Operation) {
	rh := o.ResponseHeaders
	comment(f, wrapText(fmt.Sprintf("%s are the response headers the spec declares for %s's 2xx responses, "+
		"filled by a call passed %s(&h); a header the response lacks stays unset.", rh.Name, o.Name, m.SDK.Names.WithResponseHeaders), 77))
	f.Type().Id(rh.Name).StructFunc(func(g *jen.Group) {
		for _, fl := range rh.Fields {
			doc := fl.Name + " is the " + fl.Header + " header."
			if d := cleanText(fl.Doc); d != "" {
				doc += " " + d
			}
			comment(g, wrapText(doc, 73))
			g.Id(fl.Name).Qual(oasPkg, "Opt").Types(headerType(fl))
		}
	})
	comment(f, "DecodeHeader sets each field whose header the response has; a value that does\nnot parse as its type is an error naming the header.")
	f.Func().Params(jen.Id("h").Op("*").Id(rh.Name)).Id("DecodeHeader").Params(jen.Id("hd").Qual("net/http", "Header")).Error().BlockFunc(func(g *jen.Group) {
		for _, fl := range rh.Fields {
			fn := "HeaderValue"
			if fl.List {
				fn = "HeaderList"
			}
			var v jen.Code = jen.Id("v")
			if fl.Enum != nil {
				v = jen.Id(fl.Enum.Name).Call(jen.Id("v"))
			}
			g.If(jen.List(jen.Id("v"), jen.Id("ok"), jen.Err()).Op(":=").Qual(implPkg, fn).Types(builtinType(fl.Scalar)).
				Call(jen.Id("hd"), jen.Lit(fl.Header)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			).Else().If(jen.Id("ok")).Block(jen.Id("h").Dot(fl.Name).Dot("Set").Call(v))
		}
		g.Return(jen.Nil())
	})
	f.Var().Id("_").Qual(oasPkg, "HeaderDecoder").Op("=").Parens(jen.Op("*").Id(rh.Name)).Parens(jen.Nil())
}

// headerType is a response header field's type inside its oas.Opt.
func headerType(fl *plan.HeaderField) jen.Code {
	t := builtinType(fl.Scalar)
	if fl.Enum != nil {
		t = jen.Id(fl.Enum.Name)
	}
	if fl.List {
		return jen.Index().Add(t)
	}
	return t
}

// responseHeadersDoc tells, in an operation's doc, where its declared
// response headers go (with a leading space), "" when it declares none.
func responseHeadersDoc(m *plan.Model, o *plan.Operation) string {
	if o.ResponseHeaders == nil {
		return ""
	}
	return fmt.Sprintf(" The response headers the spec declares decode into a %s when the call passes %s(&h).",
		o.ResponseHeaders.Name, m.SDK.Names.WithResponseHeaders)
}

// genGroups writes the sub-clients of x-speakeasy-group:
//
//	type AccountsClient struct { api *APIClient; Users *AccountsUsersClient }
func genGroups(f *jen.File, m *plan.Model) {
	for _, gr := range m.SDK.Groups {
		var names []string
		for _, o := range gr.Ops {
			names = append(names, o.Name)
		}
		for _, ch := range gr.Children {
			names = append(names, ch.Field+" (a group)")
		}
		comment(f, wrapText(fmt.Sprintf("%s holds the operations of the group %s (x-speakeasy-group), reached as c.%s from an %s: %s.",
			gr.Type, gr.Key, gr.Selector(), m.Names.APIClient, strings.Join(names, ", ")), 77))
		f.Type().Id(gr.Type).StructFunc(func(g *jen.Group) {
			g.Id("api").Op("*").Id(m.Names.APIClient)
			for _, ch := range gr.Children {
				g.Id(ch.Field).Op("*").Id(ch.Type)
			}
		})
	}
}

// genGroupFields writes APIClient's fields for the top-level groups.
func genGroupFields(g *jen.Group, m *plan.Model) {
	if len(m.SDK.TopGroups) == 0 {
		return
	}
	g.Line()
	g.Comment("The operation groups (x-speakeasy-group).")
	for _, gr := range m.SDK.TopGroups {
		g.Id(gr.Field).Op("*").Id(gr.Type)
	}
}

// genGroupInit sets up the sub-clients in NewAPIClient:
// c.Accounts = &AccountsClient{api: c}; c.Accounts.Users = &AccountsUsersClient{api: c}
func genGroupInit(g *jen.Group, m *plan.Model) {
	for _, gr := range m.SDK.Groups {
		sel := jen.Id("c")
		for _, part := range strings.Split(gr.Selector(), ".") {
			sel = sel.Dot(part)
		}
		g.Add(sel).Op("=").Op("&").Id(gr.Type).Values(jen.Dict{jen.Id("api"): jen.Id("c")})
	}
}

// opReceiver is an operation method's receiver: (c *APIClient), or
// (grp *AccountsClient) for a grouped one, whose body starts with
// c := grp.api (see genGroupPrologue).
func opReceiver(m *plan.Model, o *plan.Operation) jen.Code {
	if o.Group == nil {
		return selfReceiver(m, o)
	}
	return jen.Params(jen.Id(o.Recv).Op("*").Id(o.Group.Type))
}

// selfReceiver is the receiver c of a method that only calls its sibling
// methods (page and event iterators): APIClient, or the operation's
// sub-client.
func selfReceiver(m *plan.Model, o *plan.Operation) jen.Code {
	typ := m.Names.APIClient
	if o.Group != nil {
		typ = o.Group.Type
	}
	return jen.Params(jen.Id("c").Op("*").Id(typ))
}

// genGroupPrologue gives a grouped method the client its body uses.
func genGroupPrologue(g *jen.Group, o *plan.Operation) {
	if o.Group != nil {
		g.Id("c").Op(":=").Id(o.Recv).Dot("api")
	}
}

// deprecation is the text after "Deprecated: ": the spec's
// x-speakeasy-deprecation-message, or that the spec marks the what
// deprecated.
func deprecation(msg, what string) string {
	if m := cleanText(msg); m != "" {
		return m
	}
	return "the spec marks this " + what + " deprecated."
}
