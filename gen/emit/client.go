package emit

// The production client: api.gen.go (APIClient, its Options and one method
// per operation) and errors.gen.go (one error type per documented error
// body). The spec-independent machinery (retries, backoff, Retry-After,
// decoding, APIError) lives in the oas runtime; what is generated here is
// only what the plan decides: operations, servers, security, retry policies
// and error types.
//
// Why one file of ~870 lines: it renders one generated file (api.gen.go,
// with errors.gen.go beside it), one genX function per construct in the
// order they appear there, so reading it top to bottom reads the output.
// The auth and options half already lives in auth.go; pagination, SSE and
// the Speakeasy extensions are being added on other branches, which the
// next split (operations vs. options) should wait for.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// genClient renders api.gen.go and errors.gen.go.
func genClient(m *plan.Model) ([]File, error) {
	f := newFile(m)
	genClientConsts(f, m)
	genClientAliases(f, m)
	genSDKDecls(f, m)
	genAuthAliases(f, m)
	genClientOptions(f, m)
	if len(m.Security) > 0 {
		genOptionsFormat(f, m)
		genOptionsFromEnv(f, m)
	}
	genClientType(f, m)
	genGroups(f, m)
	for _, o := range m.Operations {
		if o.Args != nil {
			genArgs(f, o)
		}
		if o.Body != nil && o.Body.Parts != nil {
			genParts(f, o)
		}
		if o.ResultType != "" {
			genResultType(f, o)
		}
		if o.ResponseHeaders != nil {
			genResponseHeaders(f, m, o)
		}
		genOperation(f, m, o)
		if ev := o.Events; ev != nil {
			if ev.Opener != nil {
				comment(f, ev.Open+" sends the request of "+o.Name+" asking for "+ev.MediaType+" and returns its 2xx event stream unread.")
				genMethod(f, m, ev.Opener, ev.Open)
			}
			genEvents(f, m, o)
		}
		if o.Pagination != nil {
			genPagination(f, m, o)
		}
	}
	api, err := render(f, "api.gen.go")
	if err != nil {
		return nil, err
	}
	files := []File{api}
	ef := newFile(m)
	if genErrorTypes(ef, m) {
		errs, err := render(ef, "errors.gen.go")
		if err != nil {
			return nil, err
		}
		files = append(files, errs)
	}
	return files, nil
}

// defaultServer is the first server's URL with its variables' defaults.
func defaultServer(m *plan.Model) string {
	if len(m.Servers) == 0 {
		return ""
	}
	return m.Servers[0].Resolved
}

func pkgLabel(m *plan.Model) string { return m.Package }

// const UserAgent, EnvAPIKey, DefaultServerURL (under the plan's names, as
// every identifier below: a schema of the same name keeps it)
func genClientConsts(f *jen.File, m *plan.Model) {
	n := m.Names
	ua := "oasgen/" + m.Toolchain
	if m.Version != "" {
		ua = m.Package + "/" + m.Version + " " + ua
	}
	f.Comment(n.UserAgent + " is sent as the User-Agent of every request: the API version the")
	f.Comment("package was generated for and the generator's version.")
	f.Const().Id(n.UserAgent).Op("=").Lit(ua)
	if m.APIKeyEnv != "" {
		f.Comment(n.EnvAPIKey + " is the environment variable " + n.OptionsFromEnv + " reads " + n.Options + ".APIKey")
		f.Comment("from. " + n.NewAPIClient + " itself never reads the environment.")
		f.Const().Id(n.EnvAPIKey).Op("=").Lit(m.APIKeyEnv)
	}
	f.Comment(n.DefaultServerURL + " is the spec's first server, used when " + n.Options + ".ServerURL is")
	f.Comment("empty.")
	f.Const().Id(n.DefaultServerURL).Op("=").Lit(defaultServer(m))
}

// type APIError = oas.APIError, and the other runtime types callers meet.
func genClientAliases(f *jen.File, m *plan.Model) {
	n := m.Names
	for _, a := range []struct{ name, runtime, doc string }{
		{n.APIError, "APIError", " is a non-2xx response the spec does not document (and the shared part\nof every documented error): status, headers and the raw body, size-capped."},
		{n.DecodeError, "DecodeError", " is a response whose body does not decode as the spec says; it\nkeeps the raw bytes."},
		{n.RetryPolicy, "RetryPolicy", " says when and how calls are retried."},
		{n.CallOption, "CallOption", " changes one call (see " + n.WithRetries + ", " + n.WithoutRetries + ")."},
	} {
		comment(f, a.name+a.doc)
		f.Type().Id(a.name).Op("=").Qual(oasPkg, a.runtime)
	}
	f.Comment(n.WithRetries + " makes one call use p, even for an operation the spec does not")
	f.Comment("mark as retryable.")
	f.Func().Id(n.WithRetries).Params(jen.Id("p").Id(n.RetryPolicy)).Id(n.CallOption).Block(
		jen.Return(jen.Qual(oasPkg, "WithRetries").Call(jen.Id("p"))),
	)
	f.Comment(n.WithoutRetries + " makes one call send its request once.")
	f.Func().Id(n.WithoutRetries).Params().Id(n.CallOption).Block(
		jen.Return(jen.Qual(oasPkg, "WithoutRetries").Call()),
	)
}

// type Options struct { ServerURL, HTTPClient, Retry, UserAgent, APIKey, <one per scheme>, Hooks, MaxResponseBytes }
func genClientOptions(f *jen.File, m *plan.Model) {
	n := m.Names
	f.Comment(n.Options + " configure an " + n.APIClient + ". The zero value is ready to use.")
	f.Type().Id(n.Options).StructFunc(func(g *jen.Group) {
		g.Comment("ServerURL is the API's base URL; empty means " + n.DefaultServerURL + ".")
		g.Id("ServerURL").String()
		g.Comment("HTTPClient sends the requests; nil means http.DefaultClient.")
		g.Id("HTTPClient").Op("*").Qual("net/http", "Client")
		g.Comment("Retry replaces the spec's retry policy for the operations the spec makes")
		g.Comment("retryable; nil keeps the spec's. MaxAttempts 1 turns retries off.")
		g.Id("Retry").Op("*").Id(n.RetryPolicy)
		g.Comment("UserAgent is put before the package's " + n.UserAgent + " when set.")
		g.Id("UserAgent").String()
		genSDKOptionFields(g, m)
		genOptionsAuthFields(g, m)
	})
}

// type APIClient struct{...}; func NewAPIClient(Options) (*APIClient, error)
func genClientType(f *jen.File, m *plan.Model) {
	n := m.Names
	label := pkgLabel(m)
	f.Comment(n.APIClient + " calls the API: one method per operation, each validating its")
	f.Comment("request, retrying as the spec allows and returning the documented result or")
	f.Comment("a typed error. It is safe for concurrent use.")
	f.Type().Id(n.APIClient).StructFunc(func(g *jen.Group) {
		g.Id("server").Op("*").Qual("net/url", "URL")
		g.Id("transport").Qual(implPkg, "Transport")
		g.Id("retry").Op("*").Id(n.RetryPolicy)
		genSDKClientFields(g, m)
		genGroupFields(g, m)
		if len(m.Operations) > 0 {
			g.Line()
			g.Comment("The fixed part of each operation's call (method, auth, retry policy),")
			g.Comment("built once here rather than on every call.")
		}
		for _, o := range callOps(m) {
			g.Id(opField(o)).Qual(implPkg, "Call")
		}
	})
	f.Comment(n.NewAPIClient + " returns a client configured by opts. It fails when the server")
	f.Comment("URL is not an absolute http(s) URL.")
	f.Func().Id(n.NewAPIClient).Params(jen.Id("opts").Id(n.Options)).Params(jen.Op("*").Id(n.APIClient), jen.Error()).BlockFunc(func(g *jen.Group) {
		if m.SDK.ServerChoice {
			genServerChoice(g, m)
		} else {
			g.Id("server").Op(":=").Id("opts").Dot("ServerURL")
			g.If(jen.Id("server").Op("==").Lit("")).Block(jen.Id("server").Op("=").Id(n.DefaultServerURL))
			g.List(jen.Id("u"), jen.Err()).Op(":=").Qual("net/url", "Parse").Call(jen.Id("server"))
			g.If(jen.Err().Op("==").Nil().Op("&&").Parens(
				jen.Id("u").Dot("Scheme").Op("!=").Lit("http").Op("&&").Id("u").Dot("Scheme").Op("!=").Lit("https").Op("||").Id("u").Dot("Host").Op("==").Lit(""))).Block(
				jen.Err().Op("=").Qual("errors", "New").Call(jen.Lit("not an absolute http(s) URL")),
			)
			g.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(label+": server URL %q: %w"), jen.Id("server"), jen.Err())),
			)
		}
		genTimeoutDefault(g)
		g.Id("ua").Op(":=").Id(n.UserAgent)
		g.If(jen.Id("opts").Dot("UserAgent").Op("!=").Lit("")).Block(
			jen.Id("ua").Op("=").Id("opts").Dot("UserAgent").Op("+").Lit(" ").Op("+").Id(n.UserAgent),
		)
		g.Id("c").Op(":=").Op("&").Id(n.APIClient).Values(jen.Dict{
			jen.Id("server"): jen.Id("u"),
			jen.Id("retry"):  jen.Id("opts").Dot("Retry"),
			jen.Id("transport"): jen.Qual(implPkg, "Transport").Values(jen.Dict{
				jen.Id("HTTPClient"):       jen.Id("opts").Dot("HTTPClient"),
				jen.Id("UserAgent"):        jen.Id("ua"),
				jen.Id("Hooks"):            jen.Id("opts").Dot("Hooks"),
				jen.Id("MaxResponseBytes"): jen.Id("opts").Dot("MaxResponseBytes"),
				jen.Id("Timeout"):          jen.Id("timeout"),
			}),
		})
		genSDKClientInit(g, m)
		genGroupInit(g, m)
		genAuthorizers(g, m)
		for _, o := range callOps(m) {
			call := jen.Dict{jen.Id("Method"): jen.Lit(o.Method), jen.Id("Operation"): jen.Lit(o.HookName()),
				jen.Id("Func"): jen.Lit(o.Name)}
			if o.Accept != "" {
				call[jen.Id("Accept")] = jen.Lit(o.Accept)
			}
			if o.Stream {
				call[jen.Id("Stream")] = jen.True()
			}
			if o.Retry != nil {
				call[jen.Id("Retry")] = jen.Id("c").Dot("policy").Call(retryLit(o.Retry))
			}
			if sec := securityLit(o); sec != nil {
				call[jen.Id("Security")] = sec
			}
			g.Id("c").Dot(opField(o)).Op("=").Qual(implPkg, "Call").Values(call)
		}
		g.Return(jen.Id("c"), jen.Nil())
	})
	f.Comment("policy is the retry policy of an operation whose spec policy is spec (nil:")
	f.Comment("not retryable).")
	f.Func().Params(jen.Id("c").Op("*").Id(n.APIClient)).Id("policy").Params(jen.Id("spec").Op("*").Id(n.RetryPolicy)).Op("*").Id(n.RetryPolicy).Block(
		jen.If(jen.Id("spec").Op("==").Nil().Op("||").Id("c").Dot("retry").Op("==").Nil()).Block(jen.Return(jen.Id("spec"))),
		jen.Return(jen.Id("c").Dot("retry")),
	)
}

// resultType is the Go type an operation's method returns on success and
// the value it returns with an error (nil, "" or the declared zero); nil
// when it returns only an error.
func resultType(o *plan.Operation) (typ, zero jen.Code) {
	r := o.Result
	switch {
	case o.ResultType != "":
		return jen.Op("*").Id(o.ResultType), jen.Nil()
	case r == nil:
		return nil, nil
	case r.Kind == plan.BodyText:
		return jen.String(), jen.Lit("")
	case r.Kind == plan.BodyBinary:
		return jen.Op("*").Qual(oasPkg, "Stream"), jen.Nil()
	case o.ResultPointer:
		return jen.Op("*").Add(goType(r.Body)), jen.Nil()
	case r.Body.Nilable():
		return goType(r.Body), jen.Nil()
	}
	// A value nil cannot stand for fails with a declared zero.
	return goType(r.Body), jen.Id("zero")
}

// genArgs writes an operation's parameter struct, its Validate and
// ValidateInto:
//
//	type ListPetsArgs struct { Limit oas.Opt[int32] }
func genArgs(f *jen.File, o *plan.Operation) {
	t := o.Args
	comment(f, wrapText(t.Name+" "+t.Doc+" The zero value sends none of the optional ones; "+
		"required ones are checked by Validate before the request is sent.", 77))
	f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			comment(g, wrapText(fieldDoc(fl), 73))
			g.Id(fl.Name).Add(fieldType(fl))
		}
	})
	genStructValidate(f, t)
	genPatterns(f, t)
}

// genParts writes an operation's multipart parts struct, its Validate and
// ValidateInto:
//
//	type UploadParts struct { File oas.File; Meta oas.Opt[Meta] }
func genParts(f *jen.File, o *plan.Operation) {
	t := o.Body.Parts
	comment(f, wrapText(t.Name+" "+t.Doc+" Optional parts are sent when set; "+
		"required ones are checked by Validate before the request is sent.", 77))
	f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			comment(g, wrapText(fieldDoc(fl), 73))
			g.Id(fl.Name).Add(fieldType(fl))
		}
	})
	genStructValidate(f, t)
	genPatterns(f, t)
}

// genResultType writes the result of an operation whose 2xx bodies differ:
//
//	type DeployResult struct { StatusCode int; Created *Deployment; Accepted *DeployAcceptedResponse }
func genResultType(f *jen.File, o *plan.Operation) {
	comment(f, wrapText(o.ResultType+" is what "+o.Name+" returns: the 2xx status that came and its body, "+
		"in the field named for that status; the other fields are nil.", 77))
	f.Type().Id(o.ResultType).StructFunc(func(g *jen.Group) {
		g.Comment("StatusCode is the response's status.")
		g.Id("StatusCode").Int()
		for _, r := range o.Successes {
			if r.Field == "" {
				continue
			}
			comment(g, wrapText(fmt.Sprintf("%s is the body of a %s response (%s); %s unless that status came.",
				r.Field, r.Status, bodyLabel(r), zeroWord(r)), 73))
			g.Id(r.Field).Add(resultFieldType(r))
		}
	})
}

// resultFieldType is a result struct field's type.
func resultFieldType(r *plan.Response) jen.Code {
	var t jen.Code
	switch r.Kind {
	case plan.BodyText:
		t = jen.String()
	case plan.BodyBinary:
		t = jen.Qual(oasPkg, "Stream")
	default:
		t = goType(r.Body)
	}
	if r.Pointer {
		return jen.Op("*").Add(t)
	}
	return t
}

func zeroWord(r *plan.Response) string {
	if r.Pointer || r.Body.Nilable() {
		return "nil"
	}
	return "absent"
}

// bodyLabel says in words what a response body is read as.
func bodyLabel(r *plan.Response) string {
	switch r.Kind {
	case plan.BodyText:
		return r.MediaType + " text"
	case plan.BodyBinary:
		return r.MediaType + ", unread"
	}
	if r.Body.Kind == plan.RefNamed {
		return r.Body.Named.Name
	}
	return "JSON"
}

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
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range o.Params {
		if p.In == "path" {
			args = append(args, jen.Id(p.Arg).Add(goType(p.Type)))
		}
	}
	if o.Args != nil {
		args = append(args, jen.Id("params").Id(o.Args.Name))
	}
	if b := o.Body; b != nil && b.Kind == plan.BodyBinary {
		args = append(args, jen.Id("body").Qual("io", "Reader"), jen.Id("contentType").String())
	} else if b != nil {
		args = append(args, jen.Id("body").Add(goType(b.Type)))
	}
	args = append(args, jen.Id("opts").Op("...").Id(m.Names.CallOption))
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
		if hasParams(o) {
			g.Var().Id("ps").Qual(implPkg, "Params")
			genParams(g, o, fail)
			g.List(jen.Id("u"), jen.Err()).Op(":=").Id("ps").Dot("URL").Call(serverOf(o), pathExprOf(o))
		} else {
			g.List(jen.Id("u"), jen.Err()).Op(":=").Qual(implPkg, "JoinURL").Call(serverOf(o), pathExprOf(o))
		}
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		g.Id("call").Op(":=").Id("c").Dot(opField(o))
		g.Id("call").Dot("URL").Op("=").Id("u")
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
			for _, e := range o.Errors {
				if e.Status == "default" {
					dflt = e
					continue
				}
				if e.ErrorType == "" {
					continue // no named body: the generic APIError says it all
				}
				sw.Case(statusCond(e.Status)).Block(fail(
					jen.Qual(implPkg, "DecodeErrorResponse").Types(goType(e.Body)).Call(jen.Id("resp"))))
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
		g.List(jen.Id("payload"), jen.Err()).Op(":=").Qual(implPkg, enc).Call(jen.Id("body"))
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		set = append(set, call("Body").Id("payload"))
		if b.MediaType != "application/json" {
			set = append(set, call("ContentType").Lit(b.MediaType))
		}
	case plan.BodyText:
		set = append(set, call("Body").Index().Byte().Parens(jen.Id("body")), call("ContentType").Lit(b.MediaType))
	case plan.BodyBinary:
		set = append(set, call("Reader").Id("body"), call("ContentType").Id("contentType"),
			jen.If(jen.Id("contentType").Op("==").Lit("")).Block(call("ContentType").Lit(b.MediaType)))
	case plan.BodyMultipart:
		g.Id("mp").Op(":=").Qual(implPkg, "NewMultipart").Call()
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
			ret = jen.List(jen.Qual(implPkg, "StreamOf").Call(jen.Id("resp")), jen.Nil())
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
		cond := statusCond(r.Status)
		if !isCode(r.Status) {
			cond, ranged = two, true
		}
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
				dict[jen.Id(r.Field)] = jen.Qual(implPkg, "StreamOf").Call(jen.Id("resp"))
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
	if !ranged {
		// An undocumented 2xx: its status, nothing decoded.
		sw.Case(two).Block(jen.Return(jen.Op("&").Id(o.ResultType).Values(jen.Dict{jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode")}), jen.Nil()))
	}
}

// isCode reports whether a status is one code rather than a range.
func isCode(status string) bool {
	_, err := strconv.Atoi(status)
	return err == nil
}

// wrapOp prefixes an error with the operation's name.
func wrapOp(o *plan.Operation, err jen.Code) jen.Code {
	return jen.Qual("fmt", "Errorf").Call(jen.Lit(o.Name+": %w"), err)
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
		if p.In == "path" && p.Type.ValidatedBeforeSending() {
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

// hasParams reports whether o has any parameter, so its method needs an
// oasimpl.Params.
func hasParams(o *plan.Operation) bool { return len(o.Params) > 0 }

// paramLit is how a parameter is serialized, as the plan says:
// oasimpl.Param{Name: "fields", Style: "form", Explode: true}.
func paramLit(p *plan.Param) jen.Code {
	field := func(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }
	fields := []jen.Code{field("Name", jen.Lit(p.Name))}
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
	rest := o.Path
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
	for _, p := range o.Params {
		if p.Field == nil {
			continue // path parameters are written by pathExprOf
		}
		add := func(v jen.Code) jen.Code { return jen.Id("ps").Dot(method[p.In]).Call(paramLit(p), v) }
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

// callOps are the operations whose fixed oasimpl.Call APIClient holds:
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

// opField is the APIClient field holding o's fixed oasimpl.Call.
func opField(o *plan.Operation) string { return "op" + o.Name }

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

// operationDoc is the method's doc comment: what it calls, what it returns,
// which errors are typed and when it retries.
func operationDoc(m *plan.Model, o *plan.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s calls %s %s", o.Name, o.Method, o.Path)
	if s := cleanText(o.Summary); s != "" {
		fmt.Fprintf(&b, ": %s.", strings.TrimSuffix(strings.ReplaceAll(s, "\n", " "), "."))
	} else {
		b.WriteString(".")
	}
	if d := cleanText(o.Description); d != "" {
		b.WriteString("\n\n" + d)
	}
	b.WriteString("\n\n")
	b.WriteString(bodyDoc(o))
	b.WriteString(resultDoc(o))
	b.WriteString(responseHeadersDoc(m, o))
	var typed []string
	for _, e := range o.Errors {
		if e.ErrorType != "" {
			typed = append(typed, e.Status+" *"+e.ErrorType)
		}
	}
	if len(typed) > 0 {
		fmt.Fprintf(&b, " Documented errors: %s; any other status is an *%s.", strings.Join(typed, ", "), m.Names.APIError)
	} else {
		fmt.Fprintf(&b, " Any other status is an *%s.", m.Names.APIError)
	}
	if r := o.Retry; r != nil {
		var on []string
		for _, c := range r.StatusCodes {
			on = append(on, strconv.Itoa(c))
		}
		if r.ConnectionErrors {
			on = append(on, "connection errors")
		}
		if len(on) > 0 {
			fmt.Fprintf(&b, "\n\nRetried on %s, with exponential backoff (Retry-After honoured).", strings.Join(on, ", "))
		}
	} else {
		fmt.Fprintf(&b, "\n\nNot retried unless the call passes %s.", m.Names.WithRetries)
	}
	if o.Deprecated {
		b.WriteString("\n\nDeprecated: " + deprecation(o.DeprecatedMsg, "operation"))
	}
	return b.String()
}

// bodyDoc says how the method sends its body (with a trailing space).
func bodyDoc(o *plan.Operation) string {
	bd := o.Body
	if bd == nil {
		return ""
	}
	var b strings.Builder
	if t := bd.Type; t != nil && t.Kind == plan.RefNamed && !t.Nullable {
		b.WriteString("The body is validated before anything is sent. ")
	}
	switch bd.Kind {
	case plan.BodyForm:
		fmt.Fprintf(&b, "It is sent form-encoded (%s), one field per property. ", bd.MediaType)
	case plan.BodyText:
		fmt.Fprintf(&b, "It is sent as %s. ", bd.MediaType)
	case plan.BodyMultipart:
		fmt.Fprintf(&b, "It is sent as %s, one part per set field, built in memory so that a retry sends the same bytes. ", bd.MediaType)
	case plan.BodyBinary:
		fmt.Fprintf(&b, "The body is sent as it reads, with contentType as its Content-Type (empty: %s). "+
			"A retry sends it again from the start: an io.Seeker is sought back, any other reader is read into memory first "+
			"unless the call passes WithoutRetries. ", bd.MediaType)
	}
	return b.String()
}

// resultDoc says what the method returns on a 2xx.
func resultDoc(o *plan.Operation) string {
	if o.ResultType != "" {
		var in []string
		for _, r := range o.Successes {
			if r.Field != "" {
				in = append(in, fmt.Sprintf("%s in %s (%s)", r.Status, r.Field, bodyLabel(r)))
			}
		}
		return fmt.Sprintf("A 2xx response is returned as a *%s: its StatusCode, and its body decoded into the field for "+
			"that status: %s. Any other 2xx sets StatusCode alone.", o.ResultType, strings.Join(in, ", "))
	}
	r := o.Result
	if r == nil {
		return "A 2xx response returns nil."
	}
	if o.Events != nil && o.Events.Opener == nil {
		return eventsDoc(o)
	}
	var s string
	switch {
	case r.Kind == plan.BodyText:
		s = "A 2xx response's body is returned as a string."
	case r.Kind == plan.BodyBinary:
		s = "A 2xx response's body is returned unread as an *oas.Stream (an io.ReadCloser with the response's " +
			"ContentType and Header), which the caller must close."
	case r.Body.Kind == plan.RefNamed && r.Body.Nullable:
		s = fmt.Sprintf("A 2xx response is decoded as %s, or null.", r.Body.Named.Name)
	case r.Body.Kind == plan.RefNamed:
		s = fmt.Sprintf("A 2xx response is decoded as %s.", r.Body.Named.Name)
	default:
		s = "A 2xx response is decoded from JSON."
	}
	for _, x := range o.Successes {
		if x.Kind == plan.BodyNone {
			return s + " A 2xx without a body (" + x.Status + ") gives the zero value."
		}
	}
	return s
}

// genErrorTypes declares one error type per error body type:
//
//	type BadRequestResponseError = oas.ResponseError[BadRequestResponse]
//
// It reports whether there was any.
func genErrorTypes(f *jen.File, m *plan.Model) bool {
	type use struct {
		body  *plan.Ref
		where []string
	}
	uses := map[string]*use{}
	for _, o := range m.Operations {
		for _, e := range o.Errors {
			if e.ErrorType == "" {
				continue
			}
			u := uses[e.ErrorType]
			if u == nil {
				u = &use{body: e.Body}
				uses[e.ErrorType] = u
			}
			u.where = append(u.where, e.Status+" from "+o.Name)
		}
	}
	names := make([]string, 0, len(uses))
	for n := range uses {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		u := uses[n]
		comment(f, wrapText(fmt.Sprintf("%s is the documented error response whose body is %s: %s. Its APIError holds the status, headers and raw body; Body the decoded one.",
			n, u.body.Named.Name, strings.Join(u.where, ", ")), 77))
		f.Type().Id(n).Op("=").Qual(oasPkg, "ResponseError").Types(goType(u.body))
	}
	return len(names) > 0
}

// wrapText wraps each line of s at width columns, on spaces; words longer
// than width stay whole.
func wrapText(s string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Fields(line) {
			if j > 0 && n+1+len(w) > width {
				b.WriteByte('\n')
				n = 0
			} else if j > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
	}
	return b.String()
}
