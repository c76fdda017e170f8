package emit

// The production client: api.gen.go (APIClient, its Options and one method
// per operation) and errors.gen.go (one error type per documented error
// body). The spec-independent machinery (retries, backoff, Retry-After,
// decoding, APIError) lives in the oas runtime; what is generated here is
// only what the plan decides: operations, servers, security, retry policies
// and error types.

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
	genClientAliases(f)
	genClientOptions(f, m)
	genClientType(f, m)
	for _, o := range m.Operations {
		if o.Args != nil {
			genArgs(f, o)
		}
		genOperation(f, m, o)
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

// const UserAgent, EnvAPIKey, DefaultServerURL
func genClientConsts(f *jen.File, m *plan.Model) {
	ua := "oasgen/" + m.Toolchain
	if m.Version != "" {
		ua = m.Package + "/" + m.Version + " " + ua
	}
	f.Comment("UserAgent is sent as the User-Agent of every request: the API version the")
	f.Comment("package was generated for and the generator's version.")
	f.Const().Id("UserAgent").Op("=").Lit(ua)
	if m.APIKeyEnv != "" {
		f.Comment("EnvAPIKey is the environment variable NewAPIClient reads the API key from")
		f.Comment("when Options.APIKey is empty.")
		f.Const().Id("EnvAPIKey").Op("=").Lit(m.APIKeyEnv)
	}
	f.Comment("DefaultServerURL is the spec's first server, used when Options.ServerURL is")
	f.Comment("empty.")
	f.Const().Id("DefaultServerURL").Op("=").Lit(defaultServer(m))
}

// type APIError = oas.APIError, and the other runtime types callers meet.
func genClientAliases(f *jen.File) {
	for _, a := range []struct{ name, doc string }{
		{"APIError", "APIError is a non-2xx response the spec does not document (and the shared part\nof every documented error): status, headers and the raw body, size-capped."},
		{"DecodeError", "DecodeError is a response whose body does not decode as the spec says; it\nkeeps the raw bytes."},
		{"RetryPolicy", "RetryPolicy says when and how calls are retried."},
		{"CallOption", "CallOption changes one call (see WithRetries, WithoutRetries)."},
	} {
		comment(f, a.doc)
		f.Type().Id(a.name).Op("=").Qual(oasPkg, a.name)
	}
	f.Comment("WithRetries makes one call use p, even for an operation the spec does not")
	f.Comment("mark as retryable.")
	f.Func().Id("WithRetries").Params(jen.Id("p").Id("RetryPolicy")).Id("CallOption").Block(
		jen.Return(jen.Qual(oasPkg, "WithRetries").Call(jen.Id("p"))),
	)
	f.Comment("WithoutRetries makes one call send its request once.")
	f.Func().Id("WithoutRetries").Params().Id("CallOption").Block(
		jen.Return(jen.Qual(oasPkg, "WithoutRetries").Call()),
	)
}

// type Options struct { ServerURL, APIKey, HTTPClient, Retry, UserAgent }
func genClientOptions(f *jen.File, m *plan.Model) {
	f.Comment("Options configure an APIClient. The zero value is ready to use.")
	f.Type().Id("Options").StructFunc(func(g *jen.Group) {
		g.Comment("ServerURL is the API's base URL; empty means DefaultServerURL.")
		g.Id("ServerURL").String()
		if m.APIKeyEnv != "" {
			g.Comment("APIKey is sent as the operation's security scheme requires; empty means")
			g.Comment("the value of the environment variable EnvAPIKey.")
			g.Id("APIKey").String()
		}
		g.Comment("HTTPClient sends the requests; nil means http.DefaultClient.")
		g.Id("HTTPClient").Op("*").Qual("net/http", "Client")
		g.Comment("Retry replaces the spec's retry policy for the operations the spec makes")
		g.Comment("retryable; nil keeps the spec's. MaxAttempts 1 turns retries off.")
		g.Id("Retry").Op("*").Id("RetryPolicy")
		g.Comment("UserAgent is put before the package's UserAgent when set.")
		g.Id("UserAgent").String()
	})
}

// type APIClient struct{...}; func NewAPIClient(Options) (*APIClient, error)
func genClientType(f *jen.File, m *plan.Model) {
	label := pkgLabel(m)
	f.Comment("APIClient calls the API: one method per operation, each validating its")
	f.Comment("request, retrying as the spec allows and returning the documented result or")
	f.Comment("a typed error. It is safe for concurrent use.")
	f.Type().Id("APIClient").StructFunc(func(g *jen.Group) {
		g.Id("server").Op("*").Qual("net/url", "URL")
		g.Id("transport").Qual(oasPkg, "Transport")
		g.Id("retry").Op("*").Id("RetryPolicy")
		if len(m.Operations) > 0 {
			g.Line()
			g.Comment("The fixed part of each operation's call (method, auth, retry policy),")
			g.Comment("built once here rather than on every call.")
		}
		for _, o := range m.Operations {
			g.Id(opField(o)).Qual(oasPkg, "Call")
		}
	})
	f.Comment("NewAPIClient returns a client configured by opts. It fails when the server")
	f.Comment("URL is not an absolute http(s) URL.")
	f.Func().Id("NewAPIClient").Params(jen.Id("opts").Id("Options")).Params(jen.Op("*").Id("APIClient"), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Id("server").Op(":=").Id("opts").Dot("ServerURL")
		g.If(jen.Id("server").Op("==").Lit("")).Block(jen.Id("server").Op("=").Id("DefaultServerURL"))
		g.List(jen.Id("u"), jen.Err()).Op(":=").Qual("net/url", "Parse").Call(jen.Id("server"))
		g.If(jen.Err().Op("==").Nil().Op("&&").Parens(
			jen.Id("u").Dot("Scheme").Op("!=").Lit("http").Op("&&").Id("u").Dot("Scheme").Op("!=").Lit("https").Op("||").Id("u").Dot("Host").Op("==").Lit(""))).Block(
			jen.Err().Op("=").Qual("errors", "New").Call(jen.Lit("not an absolute http(s) URL")),
		)
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(label+": server URL %q: %w"), jen.Id("server"), jen.Err())),
		)
		g.Id("ua").Op(":=").Id("UserAgent")
		g.If(jen.Id("opts").Dot("UserAgent").Op("!=").Lit("")).Block(
			jen.Id("ua").Op("=").Id("opts").Dot("UserAgent").Op("+").Lit(" ").Op("+").Id("UserAgent"),
		)
		g.Id("c").Op(":=").Op("&").Id("APIClient").Values(jen.Dict{
			jen.Id("server"): jen.Id("u"),
			jen.Id("retry"):  jen.Id("opts").Dot("Retry"),
			jen.Id("transport"): jen.Qual(oasPkg, "Transport").Values(jen.Dict{
				jen.Id("HTTPClient"): jen.Id("opts").Dot("HTTPClient"),
				jen.Id("UserAgent"):  jen.Id("ua"),
			}),
		})
		if m.APIKeyEnv != "" {
			g.Id("c").Dot("transport").Dot("APIKey").Op("=").Id("opts").Dot("APIKey")
			g.If(jen.Id("c").Dot("transport").Dot("APIKey").Op("==").Lit("")).Block(
				jen.Id("c").Dot("transport").Dot("APIKey").Op("=").Qual("os", "Getenv").Call(jen.Id("EnvAPIKey")),
			)
		}
		for _, o := range m.Operations {
			call := jen.Dict{jen.Id("Method"): jen.Lit(o.Method), jen.Id("Operation"): jen.Lit(o.Name)}
			if o.Retry != nil {
				call[jen.Id("Retry")] = jen.Id("c").Dot("policy").Call(retryLit(o.Retry))
			}
			if auth := authList(m, o); len(auth) > 0 {
				call[jen.Id("Auth")] = jen.Index().Qual(oasPkg, "Auth").Values(auth...)
			}
			g.Id("c").Dot(opField(o)).Op("=").Qual(oasPkg, "Call").Values(call)
		}
		g.Return(jen.Id("c"), jen.Nil())
	})
	f.Comment("policy is the retry policy of an operation whose spec policy is spec (nil:")
	f.Comment("not retryable).")
	f.Func().Params(jen.Id("c").Op("*").Id("APIClient")).Id("policy").Params(jen.Id("spec").Op("*").Id("RetryPolicy")).Op("*").Id("RetryPolicy").Block(
		jen.If(jen.Id("spec").Op("==").Nil().Op("||").Id("c").Dot("retry").Op("==").Nil()).Block(jen.Return(jen.Id("spec"))),
		jen.Return(jen.Id("c").Dot("retry")),
	)
}

// resultType is the Go type an operation returns on success, nil when it
// returns only an error.
func resultType(o *plan.Operation) *plan.Ref {
	if o.Success == nil || o.Success.Body == nil {
		return nil
	}
	return o.Success.Body
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

// func (c *APIClient) Op(ctx context.Context, pathParams..., params OpArgs, body T, opts ...CallOption) (R, error)
func genOperation(f *jen.File, m *plan.Model, o *plan.Operation) {
	res := resultType(o)
	// A value result that nil cannot stand for fails with a declared zero.
	byZero := res != nil && !o.ResultPointer && !nilable(res)
	var zero jen.Code = jen.Nil()
	if byZero {
		zero = jen.Id("zero")
	}
	fail := func(err jen.Code) *jen.Statement {
		if res != nil {
			return jen.Return(zero, err)
		}
		return jen.Return(err)
	}
	comment(f, wrapText(operationDoc(m, o), 77))
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range o.Params {
		if p.In == "path" {
			args = append(args, jen.Id(p.Arg).Add(goType(p.Type)))
		}
	}
	if o.Args != nil {
		args = append(args, jen.Id("params").Id(o.Args.Name))
	}
	if o.Body != nil {
		args = append(args, jen.Id("body").Add(goType(o.Body)))
	}
	args = append(args, jen.Id("opts").Op("...").Id("CallOption"))
	var results []jen.Code
	if res != nil && o.ResultPointer {
		results = append(results, jen.Op("*").Add(goType(res)))
	} else if res != nil {
		results = append(results, goType(res))
	}
	results = append(results, jen.Error())

	f.Func().Params(jen.Id("c").Op("*").Id("APIClient")).Id(o.Name).Params(args...).Params(results...).BlockFunc(func(g *jen.Group) {
		if byZero {
			g.Var().Id("zero").Add(goType(res))
		}
		genValidateArgs(g, o, fail)
		var body jen.Code
		if o.Body != nil {
			g.List(jen.Id("payload"), jen.Err()).Op(":=").Qual(oasPkg, "Encode").Call(jen.Id("body"))
			g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
			body = jen.Id("payload")
		}
		if hasParams(o) {
			g.Var().Id("ps").Qual(oasPkg, "Params")
			genParams(g, o)
			g.List(jen.Id("u"), jen.Err()).Op(":=").Id("ps").Dot("URL").Call(jen.Id("c").Dot("server"), pathExprOf(o))
		} else {
			g.List(jen.Id("u"), jen.Err()).Op(":=").Qual(oasPkg, "JoinURL").Call(jen.Id("c").Dot("server"), pathExprOf(o))
		}
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		g.Id("call").Op(":=").Id("c").Dot(opField(o))
		g.Id("call").Dot("URL").Op("=").Id("u")
		if body != nil {
			g.Id("call").Dot("Body").Op("=").Add(body)
		}
		if hasHeaders(o) {
			g.Id("call").Dot("Header").Op("=").Id("ps").Dot("Headers").Call()
		}
		g.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("transport").Dot("Do").Call(
			jen.Id("ctx"), jen.Op("&").Id("call"), jen.Id("opts"))
		g.If(jen.Err().Op("!=").Nil()).Block(fail(wrapOp(o, jen.Err())))
		terminal := false // a default case makes the switch return on every path
		g.Switch().BlockFunc(func(sw *jen.Group) {
			two := jen.Id("resp").Dot("StatusCode").Op("/").Lit(100).Op("==").Lit(2)
			if res != nil && o.ResultPointer {
				sw.Case(two).Block(jen.Return(jen.Qual(oasPkg, "DecodeJSON").Types(goType(res)).Call(jen.Id("resp"))))
			} else if res != nil {
				sw.Case(two).Block(jen.Return(jen.Qual(oasPkg, "DecodeValue").Types(goType(res)).Call(jen.Id("resp"))))
			} else {
				sw.Case(two).Block(jen.Return(jen.Nil()))
			}
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
					jen.Qual(oasPkg, "DecodeErrorResponse").Types(goType(e.Body)).Call(jen.Id("resp"))))
			}
			if dflt != nil && dflt.ErrorType != "" {
				sw.Default().Block(fail(
					jen.Qual(oasPkg, "DecodeErrorResponse").Types(goType(dflt.Body)).Call(jen.Id("resp"))))
				terminal = true
			}
		})
		if !terminal {
			g.Add(fail(jen.Qual(oasPkg, "NewAPIError").Call(jen.Id("resp"))))
		}
	})
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
		if p.In == "path" && p.Type.Kind == plan.RefNamed && !p.Type.Nullable && p.Type.Named.HasValidate() {
			check(jen.Id(p.Arg))
		}
	}
	if o.Args != nil {
		check(jen.Id("params"))
	}
	if o.Body != nil && o.Body.Kind == plan.RefNamed && !o.Body.Nullable && o.Body.Named.HasValidate() {
		check(jen.Id("body"))
	}
}

// nilable reports whether nil is a value of r's Go type: slices, maps, raw
// JSON and bytes, and named types over them.
func nilable(r *plan.Ref) bool {
	if r.Nullable {
		return false
	}
	switch r.Kind {
	case plan.RefSlice, plan.RefMap:
		return true
	case plan.RefBuiltin:
		return r.Builtin == plan.RawJSON || r.Builtin == plan.Bytes
	case plan.RefNamed:
		return r.Pointer || r.Named.Kind == plan.KindAlias && nilable(r.Named.Elem)
	}
	return false
}

// hasParams reports whether o has any parameter, so its method needs an
// oas.Params.
func hasParams(o *plan.Operation) bool { return len(o.Params) > 0 }

// paramLit is how a parameter is serialized, as the plan says:
// oas.Param{Name: "fields", Style: "form", Explode: true}.
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
	return jen.Qual(oasPkg, "Param").Values(fields...)
}

// pathExprOf is the escaped request path:
// "/pets/" + ps.Path(oas.Param{Name: "petId", Style: "simple"}, petID).
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
// empty value). ps.Query(oas.Param{...}, params.Limit)
func genParams(g *jen.Group, o *plan.Operation) {
	method := map[string]string{"query": "Query", "header": "Header", "cookie": "Cookie"}
	for _, p := range o.Params {
		if p.Field == nil {
			continue // path parameters are written by pathExprOf
		}
		add := func(v jen.Code) jen.Code { return jen.Id("ps").Dot(method[p.In]).Call(paramLit(p), v) }
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

// opField is the APIClient field holding o's fixed oas.Call.
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

// authList is the operation's usable security schemes as oas.Auth values.
func authList(m *plan.Model, o *plan.Operation) []jen.Code {
	byName := map[string]*plan.SecurityScheme{}
	for _, s := range m.Security {
		byName[s.Name] = s
	}
	var out []jen.Code
	for _, name := range o.Security {
		s := byName[name]
		if s == nil || !s.Key {
			continue
		}
		var kind string
		switch {
		case s.Type == "http" && s.Scheme == "basic":
			kind = "AuthBasic"
		case s.Type == "http":
			kind = "AuthBearer"
		case s.In == "header":
			kind = "AuthHeader"
		case s.In == "query":
			kind = "AuthQuery"
		default:
			kind = "AuthCookie"
		}
		d := jen.Dict{jen.Id("Kind"): jen.Qual(oasPkg, kind)}
		if s.Type == "apiKey" {
			d[jen.Id("Param")] = jen.Lit(s.Param)
		}
		out = append(out, jen.Values(d))
	}
	return out
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
	if o.Body != nil && o.Body.Kind == plan.RefNamed {
		b.WriteString("The body is validated before anything is sent. ")
	}
	if res := resultType(o); res != nil && res.Kind == plan.RefNamed && res.Nullable {
		fmt.Fprintf(&b, "A 2xx response is decoded as %s, or null.", res.Named.Name)
	} else if res != nil && res.Kind == plan.RefNamed {
		fmt.Fprintf(&b, "A 2xx response is decoded as %s.", res.Named.Name)
	} else if res != nil {
		b.WriteString("A 2xx response is decoded from JSON.")
	} else {
		b.WriteString("A 2xx response returns nil.")
	}
	var typed []string
	for _, e := range o.Errors {
		if e.ErrorType != "" {
			typed = append(typed, e.Status+" *"+e.ErrorType)
		}
	}
	if len(typed) > 0 {
		fmt.Fprintf(&b, " Documented errors: %s; any other status is an *APIError.", strings.Join(typed, ", "))
	} else {
		b.WriteString(" Any other status is an *APIError.")
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
		b.WriteString("\n\nNot retried unless the call passes WithRetries.")
	}
	if o.Deprecated {
		b.WriteString("\n\nDeprecated: the spec marks this operation deprecated.")
	}
	return b.String()
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
