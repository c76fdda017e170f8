package plan

// Operations: naming every operation and planning its Operation (parameters,
// bodies, responses, retries, error types), in path then method order.

import (
	"maps"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

// eachOperation visits operations in path order, then method order.
// opKey names an operation by its path and method: two paths may share one
// operation object (a path item $ref to another path, as Surevoip's spec
// has), and each is an operation of its own, with a name of its own.
type opKey struct{ path, method string }

func (p *planner) eachOperation(fn func(path, method string, item *openapi3.PathItem, op *openapi3.Operation)) {
	if p.spec.Doc.Paths == nil {
		return
	}
	paths := p.spec.Doc.Paths.InMatchingOrder()
	sort.Strings(paths)
	for _, pth := range paths {
		item := p.spec.Doc.Paths.Value(pth)
		if item == nil {
			continue
		}
		for _, m := range methodOrder {
			if op := item.GetOperation(m); op != nil && !ignored(op.Extensions) {
				fn(pth, m, item, op)
			}
		}
	}
}

// planOperationNames names every operation (reserveOapiOperationNames
// and planOapiOperationIDs deal with what oapi-codegen derives from it).
func (p *planner) planOperationNames() {
	p.opNames = map[opKey]string{}
	opNamer := newNamer()
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, op *openapi3.Operation) {
		base := ""
		if v, ok := op.Extensions["x-speakeasy-name-override"].(string); ok {
			base = GoName(v)
		}
		if base == "" {
			if v, ok := op.Extensions["x-go-name"].(string); ok {
				base = GoName(v)
			}
		}
		if base == "" && op.OperationID != "" {
			base = GoName(op.OperationID)
		}
		if base == "" {
			base = unnamedOpName(method, pth)
		}
		name, renamed := opNamer.claim(base, method+" "+pth)
		if renamed {
			p.warn(p.spec.Pos("paths", pth, strings.ToLower(method)), "paths."+pth+"."+strings.ToLower(method),
				"operation name %s is already used; this one is named %s", base, name)
		}
		p.opNames[opKey{pth, method}] = name
	})
}

func (p *planner) planOperations() {
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		name := p.opNames[opKey{pth, method}]
		where := "paths." + pth + "." + strings.ToLower(method)
		o := &Operation{ID: op.OperationID, Name: name, Method: method, Path: pth, Summary: op.Summary,
			Description: op.Description, Deprecated: op.Deprecated, Tags: op.Tags, DeprecatedMsg: deprecationMessage(op.Extensions)}
		p.warnIgnoredHeaders(item, op, where)
		for _, pr := range operationParams(item, op) {
			pw := where + ".parameters." + pr.Value.Name
			pos := p.paramPos(pr, pw)
			param := p.paramType(pr.Value, paramCtx(name, pr.Value.Name), pw, pos)
			param.Pos = pos
			if v, has := pr.Value.Extensions["x-speakeasy-globals-hidden"]; has {
				if h, ok := v.(bool); ok {
					param.globalsHidden = &h
				} else {
					p.warn(pos, pw, "x-speakeasy-globals-hidden of parameter %q is not a boolean; ignored", pr.Value.Name)
				}
			}
			o.Params = append(o.Params, param)
		}
		p.planPathQuery(o, where, p.spec.Pos("paths", pth))
		planArgs(o.Params, p.m.Raw.ModelName)
		if args := p.argsNames[opKey{pth, method}]; args != "" {
			o.Args = p.argsType(args, name, where, p.spec.Pos("paths", pth, strings.ToLower(method)), o.Params)
		}
		pos := p.spec.Pos("paths", pth, strings.ToLower(method))
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			o.Body = p.planBody(o, op.RequestBody.Value, p.partsNames[opKey{pth, method}], where+".requestBody",
				p.spec.Pos("paths", pth, strings.ToLower(method), "requestBody"))
		}
		if op.Responses != nil {
			codes := make([]string, 0, op.Responses.Len())
			for c := range op.Responses.Map() {
				codes = append(codes, c)
			}
			sort.Slice(codes, func(i, j int) bool { return statusRank(codes[i]) < statusRank(codes[j]) })
			var dflt *Response
			errs := p.operationErrors(pth, method, item, op)
			for _, c := range codes {
				rr := op.Responses.Value(c)
				if rr == nil || rr.Value == nil {
					continue
				}
				resp := p.planResponse(rr.Value, name, c, where+".responses."+c, p.spec.Pos("paths", pth, strings.ToLower(method), "responses", c))
				if strings.HasPrefix(c, "2") || !errs.matches(c) {
					o.Successes = append(o.Successes, resp)
					continue
				}
				resp.ErrorType = p.errorTypeName(resp)
				o.Errors = append(o.Errors, resp)
				if c == "default" {
					dflt = resp
				}
			}
			o.Errors = shadowedErrors(o, errs)
			if len(o.Successes) == 0 && dflt != nil && dflt.Kind != BodyNone {
				// No 2xx documented: default is "any other status", 2xx
				// included, so a 2xx body is read as default describes it.
				d := *dflt
				d.ErrorType = ""
				o.Successes = []*Response{&d}
			}
		}
		p.planResult(o, where, pos)
		p.planEvents(o, op, where)
		o.Retry = retryOf(op.Extensions)
		if o.Retry == nil {
			o.Retry = retryOf(p.spec.Doc.Extensions)
		}
		p.noteSecurity(o, op, pth, method)
		p.m.Operations = append(p.m.Operations, o)
	})
}

// isStruct reports whether r is a struct or union value (not nullable),
// through Go aliases: what a client method returns by pointer.
func isStruct(r *Ref) bool {
	for r.Kind == RefNamed && !r.Nullable && r.Named.Kind == KindAlias && r.Named.GoAlias {
		r = r.Named.Elem
	}
	return r.Kind == RefNamed && !r.Nullable && (r.Named.Kind == KindStruct || r.Named.Kind == KindUnion)
}

// errorTypeName names the Go error type of an error response: after its
// body's type when it has a named one (BadRequestResponse →
// BadRequestResponseError), shared by every operation that uses it.
func (p *planner) errorTypeName(r *Response) string {
	if r.Body == nil || r.Body.Kind != RefNamed {
		return ""
	}
	want := r.Body.Named.Name + "Error"
	if owner, ok := p.names.used[want]; ok && owner == "error "+r.Body.Named.Name {
		return want
	}
	name, _ := p.names.claim(want, "error "+r.Body.Named.Name)
	return name
}

func retryOf(ext map[string]any) *Retry {
	raw, ok := ext["x-speakeasy-retries"].(map[string]any)
	if !ok {
		return nil
	}
	r := &Retry{InitialInterval: 500, MaxInterval: 60000, MaxElapsed: 3600000, Exponent: 1.5}
	if codes, ok := raw["statusCodes"].([]any); ok {
		for _, c := range codes {
			switch x := c.(type) {
			case float64:
				r.StatusCodes = append(r.StatusCodes, int(x))
			case string:
				if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
					r.StatusCodes = append(r.StatusCodes, n)
				} else if len(x) == 3 && strings.HasSuffix(strings.ToUpper(x), "XX") && x[0] >= '1' && x[0] <= '5' {
					base := int(x[0]-'0') * 100
					for i := 0; i < 100; i++ {
						r.StatusCodes = append(r.StatusCodes, base+i)
					}
				}
			}
		}
	}
	sort.Ints(r.StatusCodes)
	if b, ok := raw["backoff"].(map[string]any); ok {
		if v, ok := b["initialInterval"].(float64); ok {
			r.InitialInterval = int(v)
		}
		if v, ok := b["maxInterval"].(float64); ok {
			r.MaxInterval = int(v)
		}
		if v, ok := b["maxElapsedTime"].(float64); ok {
			r.MaxElapsed = int(v)
		}
		if v, ok := b["exponent"].(float64); ok {
			r.Exponent = v
		}
	}
	if v, ok := raw["retryConnectionErrors"].(bool); ok {
		r.ConnectionErrors = v
	} else {
		r.ConnectionErrors = true
	}
	return r
}

func statusRank(code string) int {
	if n, err := strconv.Atoi(code); err == nil {
		return n * 10
	}
	if len(code) == 3 && code[0] >= '1' && code[0] <= '5' {
		return int(code[0]-'0')*1000 + 999
	}
	return 100000 // default
}

// unnamedOpName names an operation without an operationId (or a name
// override) after its method and path: GetAlertsLatLon.
func unnamedOpName(method, pth string) string {
	return GoName(strings.ToLower(method) + " " + pathKeyName(pth))
}

// bodyCtx, responseCtx and paramCtx name the contexts of a request body's,
// a response's and a parameter's inline schemas (<Op>Body,
// <Op>OkResponse, <Op><Name>Param; a component's without the operation):
// one place, so that a schema reached through a pointer into an operation
// (refCtx) is named as it is where it stands.
func bodyCtx(owner string) string { return owner + "Body" }

func responseCtx(owner, code string) string { return owner + statusName(code) + "Response" }

func paramCtx(owner, name string) string { return owner + GoName(name) + "Param" }

func statusName(code string) string {
	if n, err := strconv.Atoi(code); err == nil {
		if t := http.StatusText(n); t != "" {
			return GoName(t)
		}
		return "Status" + code
	}
	return GoName(code)
}

func jsonMedia(c openapi3.Content) *openapi3.MediaType {
	if c == nil {
		return nil
	}
	if mt := c["application/json"]; mt != nil {
		return mt
	}
	keys := slices.Sorted(maps.Keys(c))
	for _, k := range keys {
		if strings.HasSuffix(strings.Split(k, ";")[0], "+json") || strings.HasPrefix(k, "application/json") {
			return c[k]
		}
	}
	return nil
}
