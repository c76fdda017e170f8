package plan

// Security: which credentials the client takes and which each operation
// sends. Every scheme the operations use becomes one typed Options field
// named after the scheme; every operation gets its security requirements as
// alternatives (OR) of scheme sets (AND) with the scopes it needs. What the
// client cannot honour (an unknown scheme type, an apiKey without a name or
// place, a reference to an undeclared scheme, mutual TLS) is a positioned
// warning here, never a silent omission.

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// AuthKind is how the client carries a scheme's credential.
type AuthKind int

const (
	AuthBasic  AuthKind = iota + 1 // http basic: oas.BasicAuth
	AuthBearer                     // http bearer: oas.BearerAuth
	AuthHTTP                       // any other http scheme: the whole Authorization value
	AuthAPIKey                     // apiKey in header, query or cookie: the key
	AuthOAuth2                     // oauth2 and openIdConnect: oas.OAuth2
)

// SecurityScheme is one entry of components.securitySchemes that operations use.
type SecurityScheme struct {
	Name   string // the key in components.securitySchemes
	Type   string // http, apiKey, oauth2, openIdConnect
	Scheme string // http: basic, bearer, digest, ... (lower case)
	In     string // apiKey: header, query, cookie
	Param  string // apiKey: the header/query/cookie name
	Doc    string
	Pos    diag.Pos
	Kind   AuthKind
	// Key reports that Options.APIKey stands in for this scheme's own
	// credential when that is unset (http basic as the user name, http
	// bearer as the token, apiKey as the key).
	Key bool
	// Field is the scheme's Options field.
	Field string
	// Env are the environment variables OptionsFromEnv reads into Field.
	Env []EnvVar
	// TokenURL is the clientCredentials flow's tokenUrl, OpenIDConnectURL
	// the openIdConnect discovery document: where the client runs the
	// client credentials flow itself.
	TokenURL, OpenIDConnectURL string
	// Flows names the oauth2 flows the spec declares, in spec order, for
	// the field's documentation.
	Flows []string
}

// EnvVar is one environment variable OptionsFromEnv reads: into the
// scheme's field itself (Part "") or one of its fields (Username,
// Password, Token, ClientID, ClientSecret).
type EnvVar struct {
	Name, Part string
}

// SecurityRequirement is one alternative of an operation's security: the
// schemes that must all be sent. Empty means no credentials are needed.
type SecurityRequirement []SecurityUse

// SecurityUse is one scheme of a requirement with the scopes the operation
// needs (oauth2 and openIdConnect).
type SecurityUse struct {
	Scheme *SecurityScheme
	Scopes []string
}

// optionFields are the Options fields that are not credentials; a scheme's
// field never takes one of them.
var optionFields = []string{"ServerURL", "APIKey", "HTTPClient", "Retry", "UserAgent", "Hooks", "MaxResponseBytes"}

type opSecurity struct {
	o          *Operation
	reqs       openapi3.SecurityRequirements
	where      string
	pos        diag.Pos
	fromGlobal bool
}

// noteSecurity records an operation's security list (its own, or the
// document's) for planSecurity.
func (p *planner) noteSecurity(o *Operation, op *openapi3.Operation, pth, method string) {
	s := opSecurity{o: o, reqs: p.spec.Doc.Security, where: "security", pos: p.spec.Pos("security"), fromGlobal: true}
	if op.Security != nil {
		s.reqs, s.fromGlobal = *op.Security, false
		s.where = "paths." + pth + "." + strings.ToLower(method) + ".security"
		s.pos = p.spec.Pos("paths", pth, strings.ToLower(method), "security")
	}
	p.opSecurity = append(p.opSecurity, s)
}

// planSecurity plans the schemes operations use (in key order) and each
// operation's requirements.
func (p *planner) planSecurity() {
	var declared openapi3.SecuritySchemes
	if c := p.spec.Doc.Components; c != nil {
		declared = c.SecuritySchemes
	}
	used := map[string]bool{}
	for _, s := range p.opSecurity {
		for _, req := range s.reqs {
			for k := range req {
				used[k] = true
			}
		}
	}
	fields := map[string]bool{}
	for _, f := range optionFields {
		fields[f] = true
	}
	prefix := strings.TrimSuffix(apiKeyEnv(p.m.Title, p.m.Package), "_API_KEY")
	schemes := map[string]*SecurityScheme{}
	unusable := map[string]bool{} // declared but not honoured (warned once)
	for _, k := range slices.Sorted(maps.Keys(declared)) {
		ss := declared[k]
		if !used[k] || ss == nil || ss.Value == nil {
			continue
		}
		where := "components.securitySchemes." + k
		pos := p.spec.OriginPos(ss.Value.Origin, "components", "securitySchemes", k)
		s := p.planScheme(k, ss.Value, where, pos)
		if s == nil {
			unusable[k] = true
			continue
		}
		s.Field = uniqueField(GoName(k), fields)
		env := envWords(strings.Join(words(k), " "))
		if env == "" {
			env = "SCHEME"
		}
		s.Env = schemeEnv(s, prefix+"_"+env)
		if s.Key && p.m.APIKeyEnv == "" {
			p.m.APIKeyEnv = apiKeyEnv(p.m.Title, p.m.Package)
		}
		schemes[k] = s
		p.m.Security = append(p.m.Security, s)
	}
	warnedGlobal := false
	for _, sec := range p.opSecurity {
		if sec.fromGlobal && warnedGlobal {
			sec.o.Security = planRequirements(sec.reqs, schemes, nil)
			continue
		}
		warn := func(format string, args ...any) { p.warn(sec.pos, sec.where, format, args...) }
		sec.o.Security = planRequirements(sec.reqs, schemes, func(name string) {
			switch {
			case unusable[name]:
				warn("requirement using %q dropped: the client cannot send that scheme (see its warning)", name)
			case declared[name] == nil || declared[name].Value == nil:
				warn("security scheme %q is not declared in components.securitySchemes; requirements using it are dropped", name)
			}
		})
		if len(sec.reqs) > 0 && len(sec.o.Security) == 0 {
			warn("%s: no security requirement can be met by the client; its requests go without credentials", sec.o.Name)
		}
		warnedGlobal = warnedGlobal || sec.fromGlobal
	}
}

// planRequirements keeps the requirements whose schemes are all planned;
// dropped reports the names that made one go. Mutual TLS happens below
// HTTP, so it is left out of the requirement rather than dropping it.
func planRequirements(reqs openapi3.SecurityRequirements, schemes map[string]*SecurityScheme, dropped func(string)) []SecurityRequirement {
	var out []SecurityRequirement
	for _, req := range reqs {
		r := SecurityRequirement{}
		ok := true
		for _, k := range slices.Sorted(maps.Keys(req)) {
			s := schemes[k]
			if s == nil {
				if dropped != nil {
					dropped(k)
				}
				ok = false
				break
			}
			r = append(r, SecurityUse{Scheme: s, Scopes: slices.Clone(req[k])})
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// planScheme plans one scheme, or warns and returns nil.
func (p *planner) planScheme(name string, v *openapi3.SecurityScheme, where string, pos diag.Pos) *SecurityScheme {
	s := &SecurityScheme{Name: name, Type: v.Type, Scheme: strings.ToLower(v.Scheme), In: v.In, Param: v.Name, Doc: v.Description, Pos: pos}
	switch strings.ToLower(v.Type) {
	case "http":
		switch s.Scheme {
		case "basic":
			s.Kind, s.Key = AuthBasic, true
		case "bearer":
			s.Kind, s.Key = AuthBearer, true
		case "":
			p.warn(pos, where, "http scheme without a scheme name: the client cannot send it")
			return nil
		default:
			s.Kind = AuthHTTP
		}
	case "apikey":
		if s.Param == "" || (s.In != "header" && s.In != "query" && s.In != "cookie") {
			p.warn(pos, where, "apiKey scheme needs a name and in: header, query or cookie (has name %q, in %q): the client cannot send it", s.Param, s.In)
			return nil
		}
		s.Kind, s.Key = AuthAPIKey, true
	case "oauth2":
		s.Kind = AuthOAuth2
		if f := v.Flows; f != nil {
			for _, fl := range []struct {
				name string
				flow *openapi3.OAuthFlow
			}{{"implicit", f.Implicit}, {"password", f.Password}, {"clientCredentials", f.ClientCredentials}, {"authorizationCode", f.AuthorizationCode}} {
				if fl.flow != nil {
					s.Flows = append(s.Flows, fl.name)
				}
			}
			if f.ClientCredentials != nil {
				s.TokenURL = f.ClientCredentials.TokenURL
			}
		}
	case "openidconnect":
		s.Kind, s.OpenIDConnectURL = AuthOAuth2, v.OpenIdConnectUrl
	case "mutualtls":
		p.warn(pos, where, "mutualTLS is not sent by the client: configure the certificate on Options.HTTPClient's transport")
		return nil
	default:
		p.warn(pos, where, "security scheme type %q is not supported: the client cannot send it", v.Type)
		return nil
	}
	return s
}

// schemeEnv names the variables OptionsFromEnv reads for s.
func schemeEnv(s *SecurityScheme, base string) []EnvVar {
	switch s.Kind {
	case AuthBasic:
		return []EnvVar{{base + "_USERNAME", "Username"}, {base + "_PASSWORD", "Password"}}
	case AuthBearer:
		return []EnvVar{{base + "_TOKEN", "Token"}}
	case AuthOAuth2:
		return []EnvVar{{base + "_TOKEN", "Token"}, {base + "_CLIENT_ID", "ClientID"}, {base + "_CLIENT_SECRET", "ClientSecret"}}
	}
	return []EnvVar{{base, ""}}
}

// uniqueField claims an Options field name.
func uniqueField(want string, used map[string]bool) string {
	if want == "" {
		want = "Scheme"
	}
	if used[want] {
		want += "Auth"
	}
	name := want
	for i := 2; used[name]; i++ {
		name = want + itoa(i)
	}
	used[name] = true
	return name
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + itoa(i%10)
}

// envWords upper-cases s's ASCII letters and digits, one underscore between
// runs ("Swagger Petstore - OpenAPI 3.0" → SWAGGER_PETSTORE_OPENAPI_3_0).
func envWords(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range s {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(unicode.ToUpper(r))
		default:
			sep = true
		}
	}
	return b.String()
}

// apiKeyEnv names the client's API key variable after the spec's title
// ("StackOne" → STACKONE_API_KEY), or after the package without one.
func apiKeyEnv(title, pkg string) string {
	name := envWords(title)
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		name = strings.ToUpper(pkg)
	}
	return name + "_API_KEY"
}
