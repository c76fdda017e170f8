package plan

// How each parameter goes on the wire: its Go type (from `schema`, or from
// `content` for a parameter declared that way), its style and explode with
// the defaults of its `in` applied, allowReserved, and whether it is sent
// as JSON. What the spec asks and the client cannot do is warned about at
// the parameter, with what is sent instead.

import (
	"fmt"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// stylesIn are the styles OpenAPI defines for a location, the default
// first.
func stylesIn(in string) []string {
	switch in {
	case "path":
		return []string{"simple", "label", "matrix"}
	case "query":
		return []string{"form", "spaceDelimited", "pipeDelimited", "deepObject"}
	case "header":
		return []string{"simple"}
	case "cookie":
		return []string{"form"}
	}
	return nil
}

// paramShape is what a parameter's value is, as far as styles care.
type paramShape int

const (
	shapeUnknown   paramShape = iota // a union or an x-go-type: decided per value
	shapePrimitive                   // string, number, boolean, enum
	shapeArray
	shapeObject
	shapeFreeForm // json.RawMessage: sent as its JSON text
)

// shapeOf follows Go aliases to what r's values are.
func shapeOf(r *Ref) paramShape {
	for r.Kind == RefNamed && r.Named.Kind == KindAlias {
		r = r.Named.Elem
	}
	switch r.Kind {
	case RefSlice:
		return shapeArray
	case RefMap:
		return shapeObject
	case RefNamed:
		switch r.Named.Kind {
		case KindStruct:
			return shapeObject
		case KindEnum:
			return shapePrimitive
		}
		return shapeUnknown
	case RefBuiltin:
		if r.Builtin == RawJSON {
			return shapeFreeForm
		}
		return shapePrimitive
	}
	return shapeUnknown
}

// nestedIn reports whether an array's items or an object's fields (or map
// values) are themselves arrays or objects, which the flat styles have no
// form for.
func nestedIn(r *Ref) bool {
	for r.Kind == RefNamed && r.Named.Kind == KindAlias {
		r = r.Named.Elem
	}
	deep := func(e *Ref) bool {
		s := shapeOf(e)
		return s == shapeArray || s == shapeObject || s == shapeFreeForm
	}
	switch {
	case r.Kind == RefSlice || r.Kind == RefMap:
		return deep(r.Elem)
	case r.Kind == RefNamed && r.Named.Kind == KindStruct:
		for _, f := range r.Named.Fields {
			if deep(f.Type) {
				return true
			}
		}
		return r.Named.Extra != nil && deep(r.Named.Extra)
	}
	return false
}

// paramType plans a parameter's Go type and how it is sent. ctx names
// inline types; where and pos place the warnings.
func (p *planner) paramType(pv *openapi3.Parameter, ctx, where string, pos diag.Pos) *Param {
	pr := &Param{Name: pv.Name, GoName: paramGoName(pv), In: pv.In, Required: pv.Required,
		Doc: pv.Description, Deprecated: pv.Deprecated, DeprecatedMsg: deprecationMessage(pv.Extensions)}
	pr.Fixed, pr.IsFixed = fixedParam(pv)
	switch {
	case pr.IsFixed:
		// Sent as its text by the client; no type is declared for it.
		pr.Type = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
	case pv.Schema != nil:
		pr.Type = p.refOf(pv.Schema, ctx, where, false)
	case len(pv.Content) > 0:
		// content: the value is written in the media type rather than a
		// style. JSON is what the client can write; a text/* one with a
		// string schema is the string itself.
		keys := slices.Sorted(maps.Keys(pv.Content))
		if mt := jsonMedia(pv.Content); mt != nil {
			k := keys[slices.IndexFunc(keys, func(k string) bool { return pv.Content[k] == mt })]
			pr.JSON = true
			pr.Type = p.refOf(mt.Schema, ctx, where+".content."+k+".schema", false)
			break
		}
		mt := pv.Content[keys[0]]
		pr.Type = p.refOf(mt.Schema, ctx, where+".content."+keys[0]+".schema", false)
		if !strings.HasPrefix(keys[0], "text/") {
			p.warn(pos, where, "parameter %q: content %s is not supported; its value is sent as plain text in the default style of %s parameters", pv.Name, keys[0], pv.In)
		}
	default:
		pr.Type = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
	}
	p.paramStyle(pr, pv, where, pos)
	return pr
}

// paramStyle sets pr's Style, Explode and AllowReserved from the spec,
// with OpenAPI's defaults: form for query and cookie, simple for path and
// header; explode true for form only.
func (p *planner) paramStyle(pr *Param, pv *openapi3.Parameter, where string, pos diag.Pos) {
	styles := stylesIn(pv.In)
	if len(styles) == 0 {
		return // kin-openapi's validation refuses any other `in`
	}
	pr.Style = styles[0]
	if pv.AllowReserved && pv.In != "query" {
		p.warn(pos, where, "parameter %q: allowReserved applies to query parameters only; ignored", pv.Name)
	}
	pr.AllowReserved = pv.AllowReserved && pv.In == "query"
	if pr.JSON {
		if pv.Style != "" || pv.Explode != nil {
			p.warn(pos, where, "parameter %q: style and explode do not apply to a parameter declared with content; ignored", pv.Name)
		}
		return
	}
	switch {
	case pv.Style == "":
	case slices.Contains(styles, pv.Style):
		pr.Style = pv.Style
	case pv.In == "cookie" && pv.Style == "cookie":
		// OpenAPI 3.2's cookie style is what form style with explode
		// writes here: name=value pairs separated by "; ".
	default:
		how := ""
		if pv.Explode == nil {
			// explode's default is the declared style's: a query
			// parameter declared simple is meant name=a,b, not exploded.
			how = fmt.Sprintf(", explode %t as %s's default", pv.Style == "form", pv.Style)
		}
		p.warn(pos, where, "parameter %q: style %s is not defined for %s parameters; sent in style %s%s", pv.Name, pv.Style, pv.In, pr.Style, how)
	}
	// OpenAPI: explode defaults to true for style form (and 3.2's cookie),
	// false for every other, as declared.
	declared := pr.Style
	if pv.Style != "" {
		declared = pv.Style
	}
	pr.Explode = declared == "form" || declared == "cookie"
	if pv.Explode != nil {
		pr.Explode = *pv.Explode
	}
	shape := shapeOf(pr.Type)
	// RFC 6570 leaves an empty list or map undefined, so styles write
	// nothing for one; a required query or cookie parameter would vanish
	// from the request. It is sent as name= instead (docs/client.md).
	pr.SendEmpty = pr.Required && (pv.In == "query" || pv.In == "cookie") &&
		(shape == shapeArray || shape == shapeObject || shape == shapeUnknown)
	switch pr.Style {
	case "deepObject":
		if pv.Explode != nil && !*pv.Explode {
			p.warn(pos, where, "parameter %q: deepObject is only defined with explode true; sent exploded", pv.Name)
		}
		pr.Explode = true
		if shape == shapePrimitive || shape == shapeArray {
			p.warn(pos, where, "parameter %q: deepObject is only defined for objects; sent in style form, exploded", pv.Name)
			pr.Style = "form"
		}
	case "spaceDelimited", "pipeDelimited":
		if shape == shapePrimitive {
			p.warn(pos, where, "parameter %q: style %s is only defined for arrays and objects; the value is sent as name=value", pv.Name, pr.Style)
		}
	}
	switch {
	case shape == shapeFreeForm && pr.Style == "deepObject":
		p.warn(pos, where, "parameter %q has a free-form schema: its value is sent by the shape of its JSON value; OpenAPI does not define deepObject for nested values, so nested objects go as name[a][b]=v, arrays as repeated name[a]=v", pv.Name)
	case shape == shapeFreeForm:
		p.warn(pos, where, "parameter %q has a free-form schema: its value is sent in style %s by the shape of its JSON value; arrays or objects nested in it, which the style has no form for, go as JSON text", pv.Name, pr.Style)
	case pr.Style == "deepObject" && nestedIn(pr.Type):
		p.warn(pos, where, "parameter %q: OpenAPI does not define deepObject for nested values; nested objects are sent as name[a][b]=v, arrays as repeated name[a]=v", pv.Name)
	case nestedIn(pr.Type):
		p.warn(pos, where, "parameter %q: style %s has no form for nested arrays or objects; nested values are sent as JSON text", pv.Name, pr.Style)
	}
}

// planArgsNames names each operation's Args and Parts structs, once every
// name oapi-codegen derives or takes from components is reserved, and
// before component schemas claim theirs, so that a schema cannot rename
// them.
func (p *planner) planArgsNames() {
	p.argsNames = map[opKey]string{}
	p.partsNames = map[opKey]string{}
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		name := p.opNames[opKey{pth, method}]
		if hasArgs(item.Parameters) || hasArgs(op.Parameters) || p.hasPathGlobal(operationParams(item, op)) {
			args, renamed := p.names.claim(name+"Args", "parameters of operation "+name)
			if renamed {
				p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
					"type name %sArgs is already used; the parameters of %s are %s", name, name, args)
			}
			p.argsNames[opKey{pth, method}] = args
		}
		if rb := op.RequestBody; rb != nil && rb.Value != nil {
			if _, kind := requestMedia(rb.Value.Content); kind == BodyMultipart {
				parts, renamed := p.names.claim(name+"Parts", "multipart body of operation "+name)
				if renamed {
					p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
						"type name %sParts is already used; the multipart body of %s is %s", name, name, parts)
				}
				p.partsNames[opKey{pth, method}] = parts
			}
		}
	})
}

// hasArgs reports whether any parameter goes into an operation's Args
// struct: any but a path parameter.
func hasArgs(ps openapi3.Parameters) bool {
	for _, pr := range ps {
		if pr != nil && pr.Value != nil && pr.Value.In != "path" && !ignoredHeader(pr.Value) {
			if _, fixed := fixedParam(pr.Value); !fixed {
				return true
			}
		}
	}
	return false
}

// fixedParam is the text of the one value a required query, header or
// cookie parameter can have: its schema is an enum of one scalar, or a
// const (APIs.guru's AWS specs declare Action, Version and X-Amz-Target
// so). Asking every call for it would add nothing but a way to get it
// wrong, so the client sends it itself.
func fixedParam(pv *openapi3.Parameter) (string, bool) {
	if !pv.Required || pv.In == "path" || pv.Schema == nil || pv.Schema.Value == nil {
		return "", false
	}
	s := pv.Schema.Value
	var v any
	switch {
	case s.Const != nil:
		v = s.Const
	case len(s.Enum) == 1:
		v = s.Enum[0]
	default:
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

// operationParams are an operation's parameters with the path item's merged
// in, in order of first appearance: an operation's parameter replaces the
// path item's of the same name and location, as OpenAPI says (and as the
// document oapi-codegen gets has it).
func operationParams(item *openapi3.PathItem, op *openapi3.Operation) openapi3.Parameters {
	type key struct{ in, name string }
	var out openapi3.Parameters
	at := map[key]int{}
	for _, ps := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, pr := range ps {
			if pr == nil || pr.Value == nil || ignoredHeader(pr.Value) {
				continue
			}
			k := key{pr.Value.In, pr.Value.Name}
			if i, ok := at[k]; ok {
				out[i] = pr
				continue
			}
			at[k] = len(out)
			out = append(out, pr)
		}
	}
	return out
}

// argsType plans an operation's Args struct: one field per query, header
// and cookie parameter, in spec order, wrapped like a model's fields
// (required: T, optional: oas.Opt[T], nullable: oas.Nullable[T]).
func (p *planner) argsType(name, op, where string, pos diag.Pos, params []*Param) *Type {
	var kinds []string
	for _, in := range []string{"path", "query", "header", "cookie"} {
		for _, pr := range params {
			if pr.In == in && (in != "path" || p.globalPaths()[pr.Name]) {
				kinds = append(kinds, in)
				break
			}
		}
	}
	if len(kinds) > 1 {
		kinds[len(kinds)-2] += " and " + kinds[len(kinds)-1]
		kinds = kinds[:len(kinds)-1]
	}
	t := &Type{Name: name, Where: where + ".parameters", Pos: pos, Kind: KindStruct,
		Doc: "holds the " + strings.Join(kinds, ", ") + " parameters of " + op + "."}
	// The fields are oapi-codegen's <Op>Params fields too (Param.OapiName),
	// so they differ in more than case.
	fieldNames := newOapiNamer("Validate", "ValidateInto")
	for _, pr := range params {
		if pr.In == "path" && !p.globalPaths()[pr.Name] || pr.IsFixed {
			continue
		}
		want := pr.GoName
		if want == "" {
			want = "Param"
		}
		fname, renamed := fieldNames.claim(want, pr.In+" "+pr.Name)
		if renamed {
			by := "the " + fieldNames.used[oapiKey(want)]
			if by == "the reserved" {
				by = "a method"
			}
			p.warn(pr.Pos, where+".parameters."+pr.Name, "field name %s is already used in %s (by %s); this %s parameter's field is named %s",
				want, name, by, pr.In, fname)
		}
		if pr.In != "path" {
			pr.OapiName = fname // a path parameter keeps planArgs' name for oapi-codegen
		}
		ref := *pr.Type
		f := &Field{Name: fname, JSONName: pr.Name, Type: &ref, Required: pr.Required, Wrap: wrapOf(pr.Required, ref.Nullable),
			Doc: pr.Doc, Deprecated: pr.Deprecated, DeprecatedMsg: pr.DeprecatedMsg, RequestRequired: pr.Required}
		ref.Nullable = false // the field's wrapper carries it
		pr.Field = f
		t.Fields = append(t.Fields, f)
	}
	return t
}

// clientLocals are the names a generated client method uses itself.
var clientLocals = map[string]bool{"c": true, "ctx": true, "opts": true, "body": true, "payload": true,
	"u": true, "q": true, "h": true, "err": true, "call": true, "resp": true, "v": true, "s": true, "ok": true,
	"oas": true, "url": true, "http": true, "context": true, "time": true, "fmt": true, "json": true,
	"params": true, "zero": true, "ps": true, "contentType": true, "mp": true, "io": true,
	// and the page iterators (emit/paginate.go)
	"page": true, "yield": true, "next": true, "items": true, "limit": true, "np": true, "cur": true, "iter": true}

// oapiPathScope are the identifiers in scope where oapi-codegen's client
// declares a path parameter as a variable (its client methods,
// New<Op>Request* and <Op>WithResponse): their other parameters, receiver
// and locals, the packages client.gen.go imports, Go's keywords (it would
// prefix those with p, onto another parameter's name perhaps) and
// predeclared identifiers. Compared by oapiKey, which also covers the
// lowering of the first letters.
var oapiPathScope = []string{
	"c", "ctx", "server", "params", "contentType", "body", "reqEditors", "req", "rsp", "err", "serverURL",
	"operationPath", "queryURL", "queryValues", "queryFrag", "queryParamBuf", "rawQueryFragments", "bodyReader",
	"buf", "bodyBytes", "bodyStr", "encoded", "stringer", "values", "value", "headers", "response", "client",
	"qp", "ok", "r", "o", "op", "newBaseURL",
	"bytes", "context", "encoding", "errors", "fmt", "http", "io", "json", "runtime", "strings", "time", "url",
	"openapi_types", "types", "xml", "yaml", "uuid", "oas",
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
	"goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch",
	"type", "var",
	"any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
	"int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
	"make", "max", "min", "new", "panic", "print", "println", "real", "recover",
}

// oapiNumbered are the prefixes of oapi-codegen's numbered locals
// (pathParam0, headerParamBuf1), as oapiKey has them.
var oapiNumbered = []string{"pathparambuf", "pathparam", "headerparambuf", "headerparam", "cookieparambuf", "cookieparam"}

// planArgs names the client method's argument for each path parameter:
// the lower-camel Go name, made unique and kept off keywords and locals;
// and its OapiName for oapi-codegen's functions. The other parameters are
// fields of the operation's Args. model is the name the raw package
// imports the model package under, which no variable may shadow.
func planArgs(params []*Param, model string) {
	used := map[string]bool{}
	oapiNames := newOapiNamer(append([]string{model}, oapiPathScope...)...)
	for _, pr := range params {
		if pr.In != "path" {
			continue
		}
		base := pr.GoName
		if base == "" {
			base = "Param"
		}
		oapi := base
		for _, pre := range oapiNumbered {
			if rest, ok := strings.CutPrefix(oapiKey(oapi), pre); ok && strings.Trim(rest, "0123456789") == "" {
				oapi += "Arg"
				break
			}
		}
		pr.OapiName, _ = oapiNames.claim(oapi, "path parameter "+pr.Name)
		arg := lowerFirst(base)
		if token.IsKeyword(arg) || clientLocals[arg] || !token.IsIdentifier(arg) {
			arg += "Param"
		}
		for i := 2; used[arg]; i++ {
			arg = lowerFirst(base) + GoName(pr.In) + strconv.Itoa(i)
		}
		used[arg] = true
		pr.Arg = arg
	}
}

// paramGoName is a parameter's Go name: its x-go-name, else its name.
func paramGoName(pv *openapi3.Parameter) string {
	if v := nameOverride(pv.Extensions, ""); GoName(v) != "" {
		return GoName(v)
	}
	return GoName(pv.Name)
}

// ignoredHeader reports a header parameter named Accept or Content-Type,
// which OpenAPI says "SHALL be ignored": the request body's media type
// sets Content-Type and the responses' set Accept, and a value from the
// parameter would contradict them (Docker's /build declares Content-type:
// application/x-tar for an application/octet-stream body). Authorization,
// which OpenAPI lists too, is kept: specs without security schemes declare
// it as a parameter, and leaving it out would leave the client no way to
// authenticate.
//
// Headers that Go's HTTP client writes from the request itself
// (Content-Length, Transfer-Encoding, Trailer, Host) are left out too: it
// drops any value set among the headers, so a field for one would be
// sent nowhere.
func ignoredHeader(pv *openapi3.Parameter) bool {
	return pv.In == openapi3.ParameterInHeader && ignoredHeaderReason(pv.Name) != ""
}

// ignoredHeaderReason is why a header parameter named name is left out,
// or "".
func ignoredHeaderReason(name string) string {
	switch strings.ToLower(name) {
	case "content-type", "accept":
		return "as OpenAPI says: the request body's media type sets Content-Type and the responses' set Accept"
	case "content-length", "transfer-encoding", "trailer", "host":
		return "as Go's HTTP client writes it from the request and drops a value set among the headers"
	}
	return ""
}

// warnIgnoredHeaders warns, once each, about the operation's parameters
// that ignoredHeader leaves out.
func (p *planner) warnIgnoredHeaders(item *openapi3.PathItem, op *openapi3.Operation, where string) {
	for _, ps := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, pr := range ps {
			if pr == nil || pr.Value == nil || !ignoredHeader(pr.Value) {
				continue
			}
			pw := where + ".parameters." + pr.Value.Name
			p.warn(p.paramPos(pr, pw), pw, "header parameter %q is ignored, %s", pr.Value.Name, ignoredHeaderReason(pr.Value.Name))
		}
	}
}

// hasPathGlobal reports whether any of params is a path parameter that
// x-speakeasy-globals names: its field goes into the Args struct.
func (p *planner) hasPathGlobal(params openapi3.Parameters) bool {
	for _, pr := range params {
		if pr.Value.In == "path" && p.globalPaths()[pr.Value.Name] {
			return true
		}
	}
	return false
}
