package emit

// The client's credentials, hooks and per-call options: the Options fields
// the plan names (one per security scheme), OptionsFromEnv (the only place
// environment variables are read, and only when the user calls it), a
// redacting fmt.Formatter on Options, and each operation's security
// requirements as oas values. The runtime half is oas/auth.go and
// oas/hooks.go.

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// type BasicAuth = oas.BasicAuth, ..., func WithHeader(k, v string) CallOption, ...
func genAuthAliases(f *jen.File, m *plan.Model) {
	kinds := map[plan.AuthKind]bool{}
	for _, s := range m.Security {
		kinds[s.Kind] = true
	}
	n := &m.Names
	type alias struct {
		name, doc string
		kind      plan.AuthKind // 0: any scheme, -1: always
	}
	aliases := []alias{
		{"BasicAuth", "BasicAuth is an http basic credential: user name and password (printed redacted).", plan.AuthBasic},
		{"BearerAuth", "BearerAuth is an http bearer credential: a fixed token or an oauth2.TokenSource.", plan.AuthBearer},
		{"OAuth2", "OAuth2 is an oauth2 or OpenID Connect credential: an oauth2.TokenSource, a fixed\ntoken, or a client id and secret for the client credentials flow.", plan.AuthOAuth2},
		{"MissingCredentialsError", "MissingCredentialsError is a call none of whose security alternatives has its\ncredentials configured; nothing was sent.", 0},
		{"AuthError", "AuthError is a credential that could not be obtained (a token request failed).", 0},
		{"ResponseTooLargeError", "ResponseTooLargeError is a 2xx response body over Options.MaxResponseBytes.", -1},
		{"Hooks", "Hooks run around every attempt of every call (retries included): BeforeSend,\nthen AfterResponse or OnError, then the retry decision.", -1},
		{"HookContext", "HookContext names the operation and attempt a hook runs for.", -1},
		{"Response", "Response is a response read in full, as AfterResponse hooks see it.", -1},
		{"RequestEditor", "RequestEditor changes one call's request just before it is sent.", -1},
	}
	for _, a := range aliases {
		if a.kind > 0 && !kinds[a.kind] || a.kind == 0 && len(m.Security) == 0 {
			continue
		}
		local := n.Local(a.name)
		comment(f, local+strings.TrimPrefix(a.doc, a.name))
		f.Type().Id(local).Op("=").Qual(oasPkg, a.name)
	}
	type fwd struct {
		name, doc    string
		params, args []jen.Code
	}
	for _, fn := range []fwd{
		{"WithHeader", "WithHeader adds a header to one call's requests, every attempt included.",
			[]jen.Code{jen.List(jen.Id("key"), jen.Id("value")).String()}, []jen.Code{jen.Id("key"), jen.Id("value")}},
		{"WithQuery", "WithQuery adds a query parameter to one call's requests, every attempt included.",
			[]jen.Code{jen.List(jen.Id("key"), jen.Id("value")).String()}, []jen.Code{jen.Id("key"), jen.Id("value")}},
		{"WithRequestEditor", "WithRequestEditor runs fn on each of one call's requests, after credentials\nare applied and before the client's BeforeSend hooks.",
			[]jen.Code{jen.Id("fn").Id(n.RequestEditor)}, []jen.Code{jen.Id("fn")}},
	} {
		local := n.Local(fn.name)
		comment(f, local+strings.TrimPrefix(fn.doc, fn.name))
		f.Func().Id(local).Params(fn.params...).Id(n.CallOption).Block(
			jen.Return(jen.Qual(oasPkg, fn.name).Call(fn.args...)),
		)
	}
}

// credentialType is the Go type of a scheme's Options field.
func credentialType(n *plan.ClientNames, s *plan.SecurityScheme) jen.Code {
	switch s.Kind {
	case plan.AuthBasic:
		return jen.Id(n.BasicAuth)
	case plan.AuthBearer:
		return jen.Id(n.BearerAuth)
	case plan.AuthOAuth2:
		return jen.Id(n.OAuth2)
	}
	return jen.String()
}

// schemeDoc is the documentation of a scheme's Options field.
func schemeDoc(n *plan.ClientNames, s *plan.SecurityScheme) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is the credential of the security scheme %q", s.Field, cleanText(s.Name))
	switch s.Kind {
	case plan.AuthBasic:
		b.WriteString(" (http basic).")
	case plan.AuthBearer:
		b.WriteString(" (http bearer).")
	case plan.AuthHTTP:
		fmt.Fprintf(&b, " (http %s): the whole Authorization header value.", cleanText(s.Scheme))
	case plan.AuthAPIKey:
		fmt.Fprintf(&b, " (apiKey, sent in the %s %q).", s.In, cleanText(s.Param))
	case plan.AuthOAuth2:
		if s.OpenIDConnectURL != "" {
			fmt.Fprintf(&b, " (OpenID Connect, discovery at %s).", cleanText(s.OpenIDConnectURL))
		} else if len(s.Flows) > 0 {
			fmt.Fprintf(&b, " (oauth2; flows: %s).", strings.Join(s.Flows, ", "))
		} else {
			b.WriteString(" (oauth2).")
		}
		if s.TokenURL != "" || s.OpenIDConnectURL != "" {
			b.WriteString(" With ClientID and ClientSecret the client fetches, caches and renews tokens itself.")
		} else {
			b.WriteString(" Pass a Source (or Token); for ClientID and ClientSecret also set TokenURL.")
		}
	}
	if d := cleanText(s.Doc); d != "" {
		b.WriteString("\n\n" + d)
	}
	if s.Key {
		b.WriteString("\n\nWhen it is empty, APIKey is sent in its place.")
	}
	var env []string
	for _, e := range s.Env {
		env = append(env, "$"+e.Name)
	}
	fmt.Fprintf(&b, "\n\n%s reads it from %s.", n.OptionsFromEnv, strings.Join(env, ", "))
	return b.String()
}

// The credential, hook and limit fields of Options.
func genOptionsAuthFields(g *jen.Group, m *plan.Model) {
	n := &m.Names
	if m.APIKeyEnv != "" {
		g.Comment("APIKey is sent for every scheme below that takes a key (http basic as the")
		g.Comment("user name, http bearer as the token, apiKey as the key) and has no")
		g.Comment("credential of its own. " + n.OptionsFromEnv + " reads it from $" + m.APIKeyEnv + ".")
		g.Id("APIKey").String()
	}
	for _, s := range m.Security {
		comment(g, wrapText(schemeDoc(n, s), 73))
		g.Id(s.Field).Add(credentialType(n, s))
	}
	g.Comment("Hooks run around every attempt of every call, retries included: each")
	g.Comment("BeforeSend just before the request goes out, then each AfterResponse (with")
	g.Comment("the body read) or each OnError, and only then the retry decision.")
	g.Id("Hooks").Index().Id(n.Hooks)
	g.Comment("MaxResponseBytes caps a 2xx response body; a longer one fails the call with")
	g.Comment("a *" + n.ResponseTooLargeError + ". 0 means 64 MiB (oas.MaxSuccessBody).")
	g.Id("MaxResponseBytes").Int64()
}

// secretFields are the Options fields that hold a secret as a plain string.
func secretFields(m *plan.Model) []string {
	var out []string
	if m.APIKeyEnv != "" {
		out = append(out, "APIKey")
	}
	for _, s := range m.Security {
		if s.Kind == plan.AuthAPIKey || s.Kind == plan.AuthHTTP {
			out = append(out, s.Field)
		}
	}
	return out
}

// func (o Options) Format(f fmt.State, verb rune)
func genOptionsFormat(f *jen.File, m *plan.Model) {
	secrets := secretFields(m)
	opts := m.Names.Options
	f.Comment("Format prints the options with every secret redacted, under every verb, so")
	f.Comment("that logging them never leaks a credential. (The credential types redact")
	f.Comment("themselves.)")
	f.Func().Params(jen.Id("o").Id(opts)).Id("Format").Params(jen.Id("f").Qual("fmt", "State"), jen.Id("verb").Rune()).BlockFunc(func(g *jen.Group) {
		g.Comment("plain has " + opts + "' fields but not this method, so printing it cannot recurse.")
		g.Type().Id("plain").Id(opts)
		g.Id("p").Op(":=").Id("plain").Call(jen.Id("o"))
		for _, s := range secrets {
			g.If(jen.Id("p").Dot(s).Op("!=").Lit("")).Block(jen.Id("p").Dot(s).Op("=").Lit("REDACTED"))
		}
		g.Qual("fmt", "Fprintf").Call(jen.Id("f"), jen.Qual("fmt", "FormatString").Call(jen.Id("f"), jen.Id("verb")), jen.Id("p"))
	})
}

// func OptionsFromEnv() Options
func genOptionsFromEnv(f *jen.File, m *plan.Model) {
	var names []string
	if m.APIKeyEnv != "" {
		names = append(names, "$"+m.APIKeyEnv)
	}
	for _, s := range m.Security {
		for _, e := range s.Env {
			names = append(names, "$"+e.Name)
		}
	}
	n := &m.Names
	comment(f, wrapText(n.OptionsFromEnv+" returns "+n.Options+" with the credentials found in the environment: "+
		strings.Join(names, ", ")+
		". "+n.NewAPIClient+" never reads the environment itself; call this to opt in, then set any other field.", 77))
	f.Func().Id(n.OptionsFromEnv).Params().Id(n.Options).BlockFunc(func(g *jen.Group) {
		g.Var().Id("o").Id(n.Options)
		if m.APIKeyEnv != "" {
			g.Id("o").Dot("APIKey").Op("=").Qual("os", "Getenv").Call(jen.Id(n.EnvAPIKey))
		}
		for _, s := range m.Security {
			for _, e := range s.Env {
				dst := jen.Id("o").Dot(s.Field)
				if e.Part != "" {
					dst = dst.Dot(e.Part)
				}
				g.Add(dst).Op("=").Qual("os", "Getenv").Call(jen.Lit(e.Name))
			}
		}
		g.Return(jen.Id("o"))
	})
}

// authVar is the NewAPIClient local holding a scheme's *oasimpl.Authorizer.
func authVar(s *plan.SecurityScheme) string { return "auth" + s.Field }

// genAuthorizers declares one *oasimpl.Authorizer per scheme in NewAPIClient:
//
//	authPetstoreAuth := oasimpl.AuthOAuth2("petstore_auth", "Options.PetstoreAuth", oasimpl.OAuth2Spec{...}, opts.PetstoreAuth, opts.HTTPClient)
func genAuthorizers(g *jen.Group, m *plan.Model) {
	apiKey := func() jen.Code {
		if m.APIKeyEnv != "" {
			return jen.Id("opts").Dot("APIKey")
		}
		return jen.Lit("")
	}
	for _, s := range m.Security {
		label := "Options." + s.Field
		if s.Key && m.APIKeyEnv != "" {
			label += " (or Options.APIKey)"
		}
		name, opt, val := jen.Lit(s.Name), jen.Lit(label), jen.Id("opts").Dot(s.Field)
		var call jen.Code
		switch s.Kind {
		case plan.AuthBasic:
			call = jen.Qual(implPkg, "AuthBasic").Call(name, opt, val, apiKey())
		case plan.AuthBearer:
			call = jen.Qual(implPkg, "AuthBearer").Call(name, opt, val, apiKey())
		case plan.AuthHTTP:
			call = jen.Qual(implPkg, "AuthHTTP").Call(name, opt, val)
		case plan.AuthAPIKey:
			key := jen.Id("opts").Dot(s.Field)
			if m.APIKeyEnv != "" {
				g.Id("key" + s.Field).Op(":=").Id("opts").Dot(s.Field)
				g.If(jen.Id("key" + s.Field).Op("==").Lit("")).Block(jen.Id("key" + s.Field).Op("=").Id("opts").Dot("APIKey"))
				key = jen.Id("key" + s.Field)
			}
			call = jen.Qual(implPkg, "AuthAPIKey").Call(name, opt, jen.Lit(s.In), jen.Lit(s.Param), key)
		case plan.AuthOAuth2:
			spec := jen.Dict{}
			if s.TokenURL != "" {
				spec[jen.Id("TokenURL")] = jen.Lit(s.TokenURL)
			}
			if s.OpenIDConnectURL != "" {
				spec[jen.Id("OpenIDConnectURL")] = jen.Lit(s.OpenIDConnectURL)
			}
			call = jen.Qual(implPkg, "AuthOAuth2").Call(name, opt, jen.Qual(implPkg, "OAuth2Spec").Values(spec), val, jen.Id("opts").Dot("HTTPClient"))
		}
		g.Id(authVar(s)).Op(":=").Add(call)
	}
}

// securityLit is a list of requirements as []oasimpl.Requirement, nil when
// it is empty:
//
//	[]oasimpl.Requirement{{{Auth: authPetstoreAuth, Scopes: []string{"read:pets"}}}, {{Auth: authAPIKey}}}
func securityLit(security []plan.SecurityRequirement) jen.Code {
	if len(security) == 0 {
		return nil
	}
	var alts []jen.Code
	for _, r := range security {
		var uses []jen.Code
		for _, u := range r {
			d := jen.Dict{jen.Id("Auth"): jen.Id(authVar(u.Scheme))}
			if len(u.Scopes) > 0 {
				var sc []jen.Code
				for _, s := range u.Scopes {
					sc = append(sc, jen.Lit(s))
				}
				d[jen.Id("Scopes")] = jen.Index().String().Values(sc...)
			}
			uses = append(uses, jen.Values(d))
		}
		alts = append(alts, jen.Values(uses...))
	}
	return jen.Index().Qual(implPkg, "Requirement").Values(alts...)
}
