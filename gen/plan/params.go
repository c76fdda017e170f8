package plan

// How each parameter goes on the wire: its Go type (from `schema`, or from
// `content` for a parameter declared that way), its style and explode with
// the defaults of its `in` applied, allowReserved, and whether it is sent
// as JSON. What the spec asks and the client cannot do is warned about at
// the parameter, with what is sent instead.

import (
	"maps"
	"slices"
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
		Doc: pv.Description, Deprecated: pv.Deprecated}
	switch {
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
		p.warn(pos, where, "parameter %q: style %s is not defined for %s parameters; sent in style %s", pv.Name, pv.Style, pv.In, pr.Style)
	}
	pr.Explode = pr.Style == "form"
	if pv.Explode != nil {
		pr.Explode = *pv.Explode
	}
	shape := shapeOf(pr.Type)
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
	case shape == shapeFreeForm:
		p.warn(pos, where, "parameter %q has a free-form schema, which no style defines a form for; its value is sent as JSON text", pv.Name)
	case pr.Style == "deepObject" && nestedIn(pr.Type):
		p.warn(pos, where, "parameter %q: OpenAPI does not define deepObject for nested values; nested objects are sent as name[a][b]=v, arrays as repeated name[a]=v", pv.Name)
	case nestedIn(pr.Type):
		p.warn(pos, where, "parameter %q: style %s has no form for nested arrays or objects; nested values are sent as JSON text", pv.Name, pr.Style)
	}
}

// ignoredHeader reports a header parameter named Accept or Content-Type,
// which OpenAPI says "SHALL be ignored": the request body's media type
// sets Content-Type and the responses' set Accept, and a value from the
// parameter would contradict them (Docker's /build declares Content-type:
// application/x-tar for an application/octet-stream body). Authorization,
// which OpenAPI lists too, is kept: specs without security schemes declare
// it as a parameter, and leaving it out would leave the client no way to
// authenticate.
func ignoredHeader(pv *openapi3.Parameter) bool {
	return pv.In == openapi3.ParameterInHeader && (strings.EqualFold(pv.Name, "Content-Type") || strings.EqualFold(pv.Name, "Accept"))
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
			p.warn(p.paramPos(pr, pw), pw, "header parameter %q is ignored, as OpenAPI says: the request body's media type sets Content-Type and the responses' set Accept", pr.Value.Name)
		}
	}
}
