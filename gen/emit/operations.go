package emit

// One APIClient method per operation (api.gen.go): validating the
// arguments, building the URL, query, headers and body, sending through the
// runtime's transport and decoding each documented status.

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/oasgen/oasgen/gen/plan"
)

// func (c *APIClient) Op(ctx context.Context, pathParams..., params OpArgs, body T, opts ...CallOption) (R, error)
func genOperation(f *jen.File, m *plan.Model, o *plan.Operation) {
	name := o.Name
	if o.Events != nil && o.Events.Opener == nil {
		// The stream's opener; the method of o.Name iterates over it.
		name = o.Events.Open
		comment(f, name+" sends the request of "+o.Name+" and returns its 2xx event stream unread.")
	} else {
		comment(f, wrapText(operationDoc(m, o), 77))
	}
	genMethod(f, m, o, name)
}

// genMethod writes the body of an operation's method (or of its event
// stream's opener) under name.
func genMethod(f *jen.File, m *plan.Model, o *plan.Operation, name string) {
	res, zero := resultType(o)
	byZero := o.Result != nil && o.ResultType == "" && o.Result.Kind == plan.BodyJSON && !o.ResultPointer && !o.Result.Body.Nilable()
	fail := func(err jen.Code) *jen.Statement {
		if res != nil {
			return jen.Return(zero, err)
		}
		return jen.Return(err)
	}
	args, _ := opArgs(m, o)
	var results []jen.Code
	if res != nil {
		results = append(results, res)
	}
	results = append(results, jen.Error())

	f.Func().Add(opReceiver(m, o)).Id(name).Params(args...).Params(results...).BlockFunc(func(g *jen.Group) {
		genGroupPrologue(g, o)
		if byZero {
			g.Var().Id("zero").Add(goType(o.Result.Body))
		}
		genValidateArgs(g, o, fail)
		setBody := genBody(g, o, fail)
		genPathValues(g, o, fail)
		if hasParams(o) {
			g.Var().Id("ps").Qual(implPkg, "Params")
			genParams(g, o, fail)
			g.List(jen.Id("u"), jen.Err()).Op(":=").Id("ps").Dot("URL").Call(serverOf(o), pathExprOf(o))
		} else {
			g.List(jen.Id("u"), jen.Err()).Op(":=").Qual(implPkg, "JoinURL").Call(serverOf(o), pathExprOf(o))
		}
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		g.Id("call").Op(":=").Id(o.CallVar)
		if o.SecurityField != "" {
			g.Id("call").Dot("Security").Op("=").Id("c").Dot(o.SecurityField)
		}
		if o.Retry != nil {
			g.Id("call").Dot("Retry").Op("=").Id("c").Dot("policy").Call(jen.Id("call").Dot("Retry"))
		}
		g.Id("call").Dot("URL").Op("=").Id("u")
		g.Id("call").Dot("Server").Op("=").Add(serverOf(o))
		for _, st := range setBody {
			g.Add(st)
		}
		if hasHeaders(o) {
			g.Id("call").Dot("Header").Op("=").Id("ps").Dot("Headers").Call()
		}
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("transport").Dot("Do").Call(
			jen.Id("ctx"), jen.Op("&").Id("call"), jen.Id("opts"))
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		if o.Stream {
			// A 2xx body is left unread; closes it unless StreamOf took it.
			g.Defer().Id("resp").Dot("Close").Call()
		}
		terminal := false // a default case makes the switch return on every path
		g.Switch().BlockFunc(func(sw *jen.Group) {
			genSuccessCases(sw, o, zero)
			var dflt *plan.Response
			classes := false // the results of non-2xx classes, once the errors of single codes are tested
			for _, e := range o.Errors {
				if e.Status == "default" {
					dflt = e
					continue
				}
				if !classes && !isCode(e.Status) {
					genClassResults(sw, o)
					classes = true
				}
				switch {
				case e.ErrorType != "":
					sw.Case(statusCond(e.Status)).Block(fail(
						jen.Qual(implPkg, "DecodeErrorResponse").Types(goType(e.Body)).Call(jen.Id("resp"))))
				case e.Shadowed:
					sw.Case(statusCond(e.Status)).Block(fail(jen.Qual(implPkg, "NewAPIError").Call(jen.Id("resp"))))
				}
				// else no named body: the generic APIError after the switch says it all
			}
			if !classes {
				genClassResults(sw, o)
			}
			if dflt != nil && dflt.ErrorType != "" {
				sw.Default().Block(fail(
					jen.Qual(implPkg, "DecodeErrorResponse").Types(goType(dflt.Body)).Call(jen.Id("resp"))))
				terminal = true
			}
		})
		if !terminal {
			g.Add(fail(jen.Qual(implPkg, "NewAPIError").Call(jen.Id("resp"))))
		}
	})
}

// genBody writes what turns the body argument into the request body and
// returns the statements that put it into call.
func genBody(g *jen.Group, o *plan.Operation, fail func(jen.Code) *jen.Statement) []jen.Code {
	b := o.Body
	if b == nil {
		return nil
	}
	call := func(field string) *jen.Statement { return jen.Id("call").Dot(field).Op("=") }
	var set []jen.Code
	switch b.Kind {
	case plan.BodyJSON, plan.BodyForm:
		enc := "Encode"
		if b.Kind == plan.BodyForm {
			enc = "EncodeForm"
		}
		args := []jen.Code{jen.Id("body")}
		for _, ff := range b.FormFields {
			d := jen.Dict{jen.Id("Name"): jen.Lit(ff.Name)}
			if ff.JSON {
				d[jen.Id("JSON")] = jen.True()
			} else {
				d[jen.Id("Style")] = jen.Lit(ff.Style)
			}
			if ff.Explode {
				d[jen.Id("Explode")] = jen.True()
			}
			if ff.AllowReserved {
				d[jen.Id("AllowReserved")] = jen.True()
			}
			args = append(args, jen.Qual(implPkg, "Param").Values(d))
		}
		g.List(jen.Id("payload"), jen.Err()).Op(":=").Qual(implPkg, enc).Call(args...)
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		set = append(set, call("Body").Id("payload"))
		if b.MediaType != "application/json" {
			set = append(set, call("ContentType").Lit(b.MediaType))
		}
	case plan.BodyText:
		text := jen.Index().Byte().Parens(jen.Id("body"))
		if b.FormatText {
			text = jen.Qual(implPkg, "TextBody").Call(jen.Id("body"))
		}
		set = append(set, call("Body").Add(text), call("ContentType").Lit(b.MediaType))
	case plan.BodyBinary:
		if b.MediaType != "" {
			g.If(jen.Id("contentType").Op("==").Lit("")).Block(jen.Id("contentType").Op("=").Lit(b.MediaType))
		}
		if len(b.Accepts) > 0 {
			accepts := []jen.Code{jen.Id("contentType")}
			for _, a := range b.Accepts {
				accepts = append(accepts, jen.Lit(a))
			}
			g.If(jen.Err().Op(":=").Qual(implPkg, "CheckContentType").Call(accepts...), jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		}
		reader := jen.Id("body")
		if b.Encoding != "" {
			reader = jen.Qual(implPkg, "EncodeContent").Call(jen.Id("body"), jen.Lit(b.Encoding))
		}
		set = append(set, call("Reader").Add(reader), call("ContentType").Id("contentType"))
	case plan.BodyMultipart:
		g.Id("mp").Op(":=").Qual(implPkg, "NewMultipartOf").Call(jen.Lit(b.MediaType))
		for _, pt := range b.PartList {
			genPart(g, pt)
		}
		g.List(jen.Id("payload"), jen.Id("contentType"), jen.Err()).Op(":=").Id("mp").Dot("Finish").Call()
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		set = append(set, call("Body").Id("payload"), call("ContentType").Id("contentType"))
	}
	return set
}

// genPart writes one multipart field: mp.File("file", "image/png", body.File).
func genPart(g *jen.Group, pt *plan.Part) {
	fl := pt.Field
	write := func(v jen.Code) jen.Code {
		switch {
		case pt.Kind == plan.PartFile && pt.Repeated:
			return jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Add(v)).Block(
				jen.Id("mp").Dot("File").Call(jen.Lit(fl.JSONName), jen.Lit(pt.ContentType), jen.Id("s")))
		case pt.Kind == plan.PartFile:
			return jen.Id("mp").Dot("File").Call(jen.Lit(fl.JSONName), jen.Lit(pt.ContentType), v)
		case pt.Kind == plan.PartJSON:
			return jen.Id("mp").Dot("JSON").Call(jen.Lit(fl.JSONName), jen.Lit(pt.ContentType), v)
		case pt.Kind == plan.PartForm:
			return jen.Id("mp").Dot("Form").Call(jen.Lit(fl.JSONName), jen.Lit(pt.ContentType), v)
		}
		return jen.Id("mp").Dot("Text").Call(jen.Lit(fl.JSONName), jen.Lit(pt.ContentType), v)
	}
	sel := jen.Id("body").Dot(fl.Name)
	if fl.Wrap == plan.Plain {
		g.Add(write(sel))
		return
	}
	g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).Block(write(jen.Id("v")))
}

// genSuccessCases writes the switch cases of the 2xx responses.
func genSuccessCases(sw *jen.Group, o *plan.Operation, zero jen.Code) {
	two := jen.Id("resp").Dot("StatusCode").Op("/").Lit(100).Op("==").Lit(2)
	if o.ResultType == "" {
		if o.Result == nil {
			sw.Case(two).Block(jen.Return(jen.Nil()))
			return
		}
		// A documented 2xx without a body gives the zero value, whatever
		// it carries.
		for _, r := range o.Successes {
			if r.Kind == plan.BodyNone && isCode(r.Status) {
				sw.Case(statusCond(r.Status)).Block(jen.Return(zero, jen.Nil()))
			}
		}
		r := o.Result
		var ret jen.Code
		switch {
		case r.Kind == plan.BodyText:
			ret = jen.Qual(implPkg, "DecodeText").Call(jen.Id("resp"))
		case r.Kind == plan.BodyBinary:
			ret = jen.List(streamOf(r), jen.Nil())
		case o.ResultPointer:
			ret = jen.Qual(implPkg, "DecodeJSON").Types(goType(r.Body)).Call(jen.Id("resp"))
		default:
			ret = jen.Qual(implPkg, "DecodeValue").Types(goType(r.Body)).Call(jen.Id("resp"))
		}
		sw.Case(two).Block(jen.Return(ret))
		return
	}
	ranged := false
	for _, r := range o.Successes {
		if nonTwoClass(r) {
			continue // genClassResults
		}
		cond := statusCond(r.Status)
		if !isCode(r.Status) {
			cond, ranged = two, true
		}
		genResultCase(sw, o, r, cond)
	}
	if !ranged {
		// An undocumented 2xx: its status, nothing decoded.
		sw.Case(two).Block(jen.Return(jen.Op("&").Id(o.ResultType).Values(jen.Dict{jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode")}), jen.Nil()))
	}
}

// nonTwoClass reports a result for a class of statuses other than 2XX
// ("4XX" that x-speakeasy-errors does not list).
func nonTwoClass(r *plan.Response) bool {
	return !isCode(r.Status) && r.Status[0] != '2' && r.Status != "default"
}

// genClassResults writes the cases of the non-2xx classes that are
// results, after the errors of single codes, which they would take.
func genClassResults(sw *jen.Group, o *plan.Operation) {
	if o.ResultType == "" {
		return
	}
	for _, r := range o.Successes {
		if nonTwoClass(r) {
			genResultCase(sw, o, r, statusCond(r.Status))
		}
	}
}

// genResultCase writes the case of one response in the <Op>Result:
// case cond: v, err := oasimpl.DecodeJSON[T](resp); ...; return &OpResult{StatusCode: resp.StatusCode, Field: v}, nil
func genResultCase(sw *jen.Group, o *plan.Operation, r *plan.Response, cond jen.Code) {
	dict := jen.Dict{jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode")}
	result := func() jen.Code { return jen.Return(jen.Op("&").Id(o.ResultType).Values(dict), jen.Nil()) }
	sw.Case(cond).BlockFunc(func(g *jen.Group) {
		decodeErr := func(call jen.Code) {
			g.List(jen.Id("v"), jen.Err()).Op(":=").Add(call)
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		}
		switch {
		case r.Field == "":
		case r.Kind == plan.BodyBinary:
			dict[jen.Id(r.Field)] = streamOf(r)
		case r.Kind == plan.BodyText:
			decodeErr(jen.Qual(implPkg, "DecodeText").Call(jen.Id("resp")))
			dict[jen.Id(r.Field)] = jen.Op("&").Id("v")
		case r.Pointer:
			decodeErr(jen.Qual(implPkg, "DecodeJSON").Types(goType(r.Body)).Call(jen.Id("resp")))
			dict[jen.Id(r.Field)] = jen.Id("v")
		default:
			decodeErr(jen.Qual(implPkg, "DecodeValue").Types(goType(r.Body)).Call(jen.Id("resp")))
			dict[jen.Id(r.Field)] = jen.Id("v")
		}
		g.Add(result())
	})
}

// isCode reports whether a status is one code rather than a range.
func isCode(status string) bool {
	_, err := strconv.Atoi(status)
	return err == nil
}

// wrapOp prefixes an error with the operation's name
// (fmt.Errorf("<Op>: %w"), out of line).
func wrapOp(o *plan.Operation, err jen.Code) jen.Code {
	return jen.Qual(implPkg, "OpError").Call(jen.Lit(o.Name), err)
}

// statusCond is the switch condition for a documented status: "404" or "4XX".
func statusCond(status string) jen.Code {
	if n, err := strconv.Atoi(status); err == nil {
		return jen.Id("resp").Dot("StatusCode").Op("==").Lit(n)
	}
	return jen.Id("resp").Dot("StatusCode").Op("/").Lit(100).Op("==").Lit(int(status[0] - '0'))
}

// genValidateArgs validates the path parameters of a named type, the
// parameter struct and the body.
func genValidateArgs(g *jen.Group, o *plan.Operation, fail func(jen.Code) *jen.Statement) {
	check := func(v jen.Code) {
		g.If(jen.Err().Op(":=").Add(v).Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
	}
	for _, p := range o.Params {
		if p.MethodArg() && p.Type.ValidatedBeforeSending() {
			check(jen.Id(p.Arg))
		}
	}
	if o.Args != nil {
		check(jen.Id("params"))
	}
	if o.Body != nil && o.Body.Type.ValidatedBeforeSending() {
		check(jen.Id("body"))
	}
}

// hasParams reports whether o has any parameter or literal query, so its
// method needs an oasimpl.Params.
func hasParams(o *plan.Operation) bool { return len(o.Params) > 0 || o.QueryLiteral != "" }

// paramLit is how a parameter is serialized, as the plan says:
// oasimpl.Param{Name: "fields", Style: "form", Explode: true}.
func paramLit(p *plan.Param) jen.Code {
	field := func(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }
	fields := []jen.Code{field("Name", jen.Lit(p.WireName()))}
	if p.JSON {
		fields = append(fields, field("JSON", jen.True()))
	} else {
		fields = append(fields, field("Style", jen.Lit(p.Style)))
		if p.Explode {
			fields = append(fields, field("Explode", jen.True()))
		}
	}
	if p.AllowReserved {
		fields = append(fields, field("AllowReserved", jen.True()))
	}
	if p.SendEmpty {
		fields = append(fields, field("SendEmpty", jen.True()))
	}
	return jen.Qual(implPkg, "Param").Values(fields...)
}

// pathExprOf is the escaped request path:
// "/pets/" + ps.Path(oasimpl.Param{Name: "petId", Style: "simple"}, petID).
func pathExprOf(o *plan.Operation) jen.Code {
	args := map[string]*plan.Param{}
	for _, p := range o.Params {
		if p.In == "path" {
			args[p.Name] = p
		}
	}
	var parts []jen.Code
	rest := o.URLPath
	for rest != "" {
		i := strings.Index(rest, "{")
		j := strings.Index(rest[max(i, 0):], "}") + max(i, 0)
		if i < 0 || j < i {
			parts = append(parts, jen.Lit(rest))
			break
		}
		if i > 0 {
			parts = append(parts, jen.Lit(rest[:i]))
		}
		if p, ok := args[rest[i+1:j]]; ok {
			parts = append(parts, jen.Id("ps").Dot("Path").Call(paramLit(p), jen.Id(p.Arg)))
		} else {
			parts = append(parts, jen.Lit(rest[i:j+1])) // undeclared: sent as written
		}
		rest = rest[j+1:]
	}
	if len(parts) == 0 {
		return jen.Lit("")
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

// genParams adds o's query, header and cookie parameters to ps: required
// ones always, optional ones when set, and a null one as nil (the style's
// empty value). ps.Query(oasimpl.Param{...}, params.Limit)
func genParams(g *jen.Group, o *plan.Operation, fail func(jen.Code) *jen.Statement) {
	method := map[string]string{"query": "Query", "header": "Header", "cookie": "Cookie"}
	if o.QueryLiteral != "" {
		g.Id("ps").Dot("QueryLiteral").Call(jen.Lit(o.QueryLiteral))
	}
	for _, p := range o.Params {
		if p.In == "path" && p.QueryKey != "" {
			g.Id("ps").Dot("Query").Call(paramLit(p), jen.Id(p.Arg))
			continue
		}
		if p.In == "path" {
			continue // written by pathExprOf
		}
		add := func(v jen.Code) jen.Code { return jen.Id("ps").Dot(method[p.In]).Call(paramLit(p), v) }
		if p.IsFixed {
			g.Add(add(jen.Lit(p.Fixed)))
			continue
		}
		if p.Global != nil {
			genGlobalParam(g, o, p, add, fail)
			continue
		}
		sel := jen.Id("params").Dot(p.Field.Name)
		switch p.Field.Wrap {
		case plan.Plain:
			g.Add(add(sel))
		case plan.Optional:
			g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).Block(add(jen.Id("v")))
		default:
			g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).Block(add(jen.Id("v"))).
				Else().If(jen.Id("params").Dot(p.Field.Name).Dot("IsNull").Call()).Block(add(jen.Nil()))
		}
	}
}

// hasHeaders reports whether o has header or cookie parameters.
func hasHeaders(o *plan.Operation) bool {
	for _, p := range o.Params {
		if p.In == "header" || p.In == "cookie" {
			return true
		}
	}
	return false
}

// callOps are the operations with a fixed oasimpl.Call (genCallVars):
// every operation, and the openers of event streams offered beside JSON.
func callOps(m *plan.Model) []*plan.Operation {
	var out []*plan.Operation
	for _, o := range m.Operations {
		out = append(out, o)
		if o.Events != nil && o.Events.Opener != nil {
			out = append(out, o.Events.Opener)
		}
	}
	return out
}

// retryLit is the operation's spec policy as a literal, or nil.
func retryLit(r *plan.Retry) jen.Code {
	if r == nil {
		return jen.Nil()
	}
	ms := func(n int) jen.Code {
		return jen.Lit(n).Op("*").Qual("time", "Millisecond")
	}
	codes := make([]jen.Code, len(r.StatusCodes))
	for i, c := range r.StatusCodes {
		codes[i] = jen.Lit(c)
	}
	d := jen.Dict{
		jen.Id("ConnectionErrors"): jen.Lit(r.ConnectionErrors),
		jen.Id("InitialInterval"):  ms(r.InitialInterval),
		jen.Id("MaxInterval"):      ms(r.MaxInterval),
		jen.Id("MaxElapsed"):       ms(r.MaxElapsed),
		jen.Id("Exponent"):         jen.Lit(r.Exponent),
	}
	if len(codes) > 0 {
		d[jen.Id("StatusCodes")] = jen.Index().Int().Values(codes...)
	}
	return jen.Op("&").Qual(oasPkg, "RetryPolicy").Values(d)
}

// streamOf hands resp's body over as an *oas.Stream, through the decoding
// of the transfer encoding r declares, if any.
func streamOf(r *plan.Response) jen.Code {
	st := jen.Qual(implPkg, "StreamOf").Call(jen.Id("resp"))
	if r.Encoding == "" {
		return st
	}
	return jen.Qual(implPkg, "DecodeContent").Call(st, jen.Lit(r.Encoding))
}
