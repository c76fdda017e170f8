package plan

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/load"
)

// refCtx names a schema reached through a $ref that does not name a
// component schema: one in another file, or one inside another part of
// this document. Bundlers write the second kind (swagger-cli and
// json-schema-ref-parser point every later use of a schema at its first
// occurrence: "#/paths/~1v2~1domains/get/responses/200/content/
// application~1json/schema/allOf/0"). The name comes from the nearest
// element of the pointer that names something, a property (as before:
// ".../properties/region" is Region), a definition, a component, a
// parameter or an operation, and what follows it is named as the planner
// names inline schemas: an array's items and a map's values as their
// container, Body or the status and Response after an operation, an index
// only where the planner numbers too (oneOf and anyOf members, an allOf
// member named on its own). So ".../properties/records/items" is Records
// rather than Items, and the pointer above DomainsListOkResponse0 rather
// than X0.
func (p *planner) refCtx(ref string) string {
	file, frag, _ := strings.Cut(ref, "#")
	if frag == "" || frag == "/" {
		return GoName(strings.TrimSuffix(path.Base(file), path.Ext(file)))
	}
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec // a pointer in a URI may be percent-encoded (RFC 6901, section 6)
	}
	segs := load.PointerTokens(frag)
	var b strings.Builder
	i := 0
	switch {
	case len(segs) >= 3 && segs[0] == "paths":
		i = p.pathCtx(&b, segs, file == "")
	case len(segs) >= 3 && segs[0] == "components":
		switch name := GoName(segs[2]); segs[1] {
		case "responses":
			b.WriteString(responseCtx(name, ""))
		case "requestBodies":
			b.WriteString(bodyCtx(name))
		case "parameters":
			b.WriteString(paramCtx("", segs[2]))
		case "headers":
			b.WriteString(name + "Header")
		default:
			b.WriteString(name)
		}
		i = 3
	}
	toks := schemaTokens(segs[i:])
	if k := lastOf(toks, tokName); k >= 0 {
		// A name further down: what leads to it does not name the schema.
		b.Reset()
		toks = toks[k:]
	} else if i == 0 {
		// Some other document's layout ("ext.yaml#/schemas/Foo"): its last
		// word.
		toks = toks[max(lastOf(toks, tokWord), 0):]
	}
	for _, t := range toks {
		b.WriteString(t.text)
	}
	name := b.String()
	if name == "" {
		return refName(ref)
	}
	return GoName(name)
}

// A ptrTok is what one element of a JSON pointer below a schema (a
// keyword with its argument, or a bare word) adds to the schema's name.
type ptrTok struct {
	kind tokKind
	text string
}

type tokKind int

const (
	tokName  tokKind = iota // a property's, definition's or header's name
	tokIndex                // a member's index where the planner numbers members, or a bare number
	tokWord                 // an element that is no keyword
)

// schemaTokens reads segs (JSON-Schema keywords and their arguments) from
// the start, so that a property called properties is a name, not a
// keyword, and returns what each element adds to an inline schema's name,
// as the planner names inline schemas: an array's items and a map's
// values as their container, an allOf member only when it is named on its
// own (its properties are otherwise its parent's), patterns and media
// types not at all.
func schemaTokens(segs []string) []ptrTok {
	var toks []ptrTok
	for i := 0; i < len(segs); i++ {
		seg, arg := segs[i], i+1 < len(segs)
		switch seg {
		case "items", "additionalProperties", "not", "schema", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames":
		case "properties", "definitions", "$defs", "headers":
			if arg {
				i++
				toks = append(toks, ptrTok{tokName, GoName(segs[i])})
			}
		case "patternProperties", "content", "dependentSchemas":
			i++
		case "allOf", "oneOf", "anyOf", "prefixItems":
			if arg && (seg != "allOf" || i+1 == len(segs)-1) {
				toks = append(toks, ptrTok{tokIndex, segs[i+1]})
			}
			i++
		default:
			if _, err := strconv.Atoi(seg); err == nil {
				toks = append(toks, ptrTok{tokIndex, seg})
			} else {
				toks = append(toks, ptrTok{tokWord, GoName(seg)})
			}
		}
	}
	return toks
}

// lastOf is the index of the last token of kind k, or -1.
func lastOf(toks []ptrTok, k tokKind) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].kind == k {
			return i
		}
	}
	return -1
}

// pathCtx writes the name of what segs (under /paths) leads to, up to the
// schema keywords below it, and returns how many segments that took.
// Operations and parameters are looked up in this document (local) only.
func (p *planner) pathCtx(b *strings.Builder, segs []string, local bool) int {
	pth, method := segs[1], strings.ToUpper(segs[2])
	var item *openapi3.PathItem
	var params openapi3.Parameters // the path item's, then the operation's
	if local {
		if item = p.spec.Doc.Paths.Value(pth); item != nil {
			params = item.Parameters
		}
	}
	if segs[2] == "parameters" {
		// A path item's own parameters.
		if pv := paramAt(params, segs[3:]); pv != nil {
			b.WriteString(paramCtx("", pv.Name))
			return 4
		}
		b.WriteString(GoName(pathKeyName(pth)))
		return 3
	}
	name := ""
	if local {
		name = p.opNames[opKey{pth, method}]
	}
	if name == "" {
		name = unnamedOpName(method, pth)
	}
	// What follows (content/<media type>/schema, schema) adds nothing to
	// the name (schemaTokens).
	switch rest := segs[3:]; {
	case len(rest) >= 1 && rest[0] == "requestBody":
		b.WriteString(bodyCtx(name))
		return 4
	case len(rest) >= 2 && rest[0] == "responses":
		b.WriteString(responseCtx(name, rest[1]))
		return 5
	case len(rest) >= 2 && rest[0] == "parameters":
		params = nil
		if item != nil && item.GetOperation(method) != nil {
			params = item.GetOperation(method).Parameters
		}
		if pv := paramAt(params, rest[1:]); pv != nil {
			b.WriteString(paramCtx(name, pv.Name))
		} else {
			b.WriteString(name)
		}
		return 5
	}
	b.WriteString(name)
	return 3
}

// paramAt is the parameter of params whose index starts segs, nil when
// there is none.
func paramAt(params openapi3.Parameters, segs []string) *openapi3.Parameter {
	if len(segs) == 0 {
		return nil
	}
	n, err := strconv.Atoi(segs[0])
	if err != nil || n < 0 || n >= len(params) {
		return nil
	}
	return params[n].Value
}
