package emit

// The production client: api.gen.go (APIClient, its Options and one method
// per operation) and errors.gen.go (one error type per documented error
// body). The spec-independent machinery (retries, backoff, Retry-After,
// decoding, APIError) lives in the oas runtime; what is generated here is
// only what the plan decides: operations, servers, security, retry policies
// and error types.
//
// The file renders api.gen.go's client-wide part (constants, Options,
// APIClient and its constructor); beside it, operations.go renders one
// method per operation, opcomments.go their doc comments, errortypes.go
// errors.gen.go, auth.go the credentials, sdk.go, paginate.go and events.go
// the SDK features.

import (
	"fmt"
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
		if len(m.SecuritySets) > 0 {
			g.Line()
			g.Comment("The credentials each operation accepts, as this client's authorizers")
			g.Comment("send them; operations that accept the same share one list.")
		}
		for _, s := range m.SecuritySets {
			g.Id(s.Field).Index().Qual(implPkg, "Requirement")
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
		for _, s := range m.SecuritySets {
			g.Id("c").Dot(s.Field).Op("=").Add(securityLit(s.Security))
		}
		g.Return(jen.Id("c"), jen.Nil())
	})
	genCallVars(f, m)
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
	what := "the 2xx status that came"
	if st := o.NonErrorStatuses(); len(st) > 0 {
		what = "the status that came (2xx, or " + strings.Join(st, ", ") + ", which x-speakeasy-errors does not make errors)"
	}
	comment(f, wrapText(o.ResultType+" is what "+o.Name+" returns: "+what+" and its body, "+
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

// genCallVars declares the fixed part of each operation's call, which
// every call copies and completes:
//
//	var opGetPet = oasimpl.Call{Func: "GetPet", Method: "GET", Operation: "getPet"}
//
// Literals only, so the compiler lays them out as static data: no code
// runs for them, where assigning each in NewAPIClient cost code per
// operation.
func genCallVars(f *jen.File, m *plan.Model) {
	ops := callOps(m)
	if len(ops) == 0 {
		return
	}
	f.Comment("The fixed part of each operation's call (method, names, the spec's retry")
	f.Comment("policy), copied by every call.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, o := range ops {
			call := jen.Dict{jen.Id("Method"): jen.Lit(o.Method), jen.Id("Operation"): jen.Lit(o.HookName()),
				jen.Id("Func"): jen.Lit(o.Name)}
			if o.Accept != "" {
				call[jen.Id("Accept")] = jen.Lit(o.Accept)
			}
			if o.Stream {
				call[jen.Id("Stream")] = jen.True()
			}
			if o.Retry != nil {
				call[jen.Id("Retry")] = retryLit(o.Retry)
			}
			g.Id(o.CallVar).Op("=").Qual(implPkg, "Call").Values(call)
		}
	})
}
