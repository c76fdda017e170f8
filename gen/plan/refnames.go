package plan

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
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
	segs := pointerSegments(frag)
	var b strings.Builder
	i := 0
	switch {
	case len(segs) >= 3 && segs[0] == "paths":
		i = p.pathCtx(&b, segs, file == "")
	case len(segs) >= 3 && segs[0] == "components":
		b.WriteString(GoName(segs[2]))
		switch segs[1] {
		case "responses":
			b.WriteString("Response")
		case "requestBodies":
			b.WriteString("Body")
		case "parameters":
			b.WriteString("Param")
		case "headers":
			b.WriteString("Header")
		}
		i = 3
	}
	if a := lastName(segs[i:]); a >= 0 {
		// A name further down: what leads to it does not name the schema.
		b.Reset()
		i += a
	} else if i == 0 {
		// Some other document's layout ("ext.yaml#/schemas/Foo"): its last
		// word.
		i = max(lastWord(segs), 0)
	}
	schemaCtx(&b, segs[i:])
	name := b.String()
	if name == "" {
		return refName(ref)
	}
	return GoName(name)
}

// lastName is the index in segs (JSON-Schema keywords and their
// arguments) of the last keyword whose argument is a name ("properties",
// "definitions", "$defs", "headers"), or -1. segs is read from the start,
// so that a property called properties is a name, not a keyword.
func lastName(segs []string) int {
	last := -1
	for j := 0; j < len(segs); j++ {
		switch segs[j] {
		case "properties", "definitions", "$defs", "headers":
			if j+1 < len(segs) {
				last = j
			}
			j++
		case "patternProperties", "dependentSchemas", "content", "allOf", "oneOf", "anyOf", "prefixItems":
			j++
		}
	}
	return last
}

// pathCtx writes the name of what segs (under /paths) leads to up to its
// schema and returns how many segments that took.
// Operations and parameters are looked up in this document (local) only.
func (p *planner) pathCtx(b *strings.Builder, segs []string, local bool) int {
	pth, method := segs[1], strings.ToUpper(segs[2])
	var item *openapi3.PathItem
	if local {
		item = p.spec.Doc.Paths.Value(pth)
	}
	if segs[2] == "parameters" {
		// A path item's own parameters.
		if len(segs) >= 4 && item != nil {
			if n, err := strconv.Atoi(segs[3]); err == nil && n >= 0 && n < len(item.Parameters) && item.Parameters[n].Value != nil {
				b.WriteString(GoName(item.Parameters[n].Value.Name) + "Param")
				return 4
			}
		}
		b.WriteString(GoName(pathKeyName(pth)))
		return 3
	}
	name := ""
	if local {
		name = p.opNames[opKey{pth, method}]
	}
	if name == "" {
		name = GoName(segs[2] + " " + pathKeyName(pth))
	}
	b.WriteString(name)
	rest := segs[3:]
	switch {
	case len(rest) >= 1 && rest[0] == "requestBody":
		b.WriteString("Body")
		return 4 + mediaSchema(rest[1:])
	case len(rest) >= 2 && rest[0] == "responses":
		b.WriteString(statusName(rest[1]) + "Response")
		return 5 + mediaSchema(rest[2:])
	case len(rest) >= 2 && rest[0] == "parameters":
		if item != nil {
			if o := item.GetOperation(method); o != nil {
				if n, err := strconv.Atoi(rest[1]); err == nil && n >= 0 && n < len(o.Parameters) && o.Parameters[n].Value != nil {
					b.WriteString(GoName(o.Parameters[n].Value.Name) + "Param")
					return 5 + schemaKeyword(rest[2:])
				}
			}
		}
		return 5
	}
	return 3
}

// mediaSchema counts the content/<media type>/schema segments that lead
// from a body or response to its schema.
func mediaSchema(segs []string) int {
	if len(segs) >= 3 && segs[0] == "content" && segs[2] == "schema" {
		return 3
	}
	return 0
}

// schemaKeyword counts a leading "schema" segment.
func schemaKeyword(segs []string) int {
	if len(segs) >= 1 && segs[0] == "schema" {
		return 1
	}
	return 0
}

// lastWord is the index in segs of the last element that is neither a
// JSON-Schema keyword, nor a keyword's argument, nor a number; -1 if
// there is none.
func lastWord(segs []string) int {
	last := -1
	for j := 0; j < len(segs); j++ {
		switch segs[j] {
		case "properties", "definitions", "$defs", "headers", "patternProperties", "dependentSchemas", "content",
			"allOf", "oneOf", "anyOf", "prefixItems":
			j++
		case "items", "additionalProperties", "not", "schema", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames":
		default:
			if _, err := strconv.Atoi(segs[j]); err != nil {
				last = j
			}
		}
	}
	return last
}

// schemaCtx writes the name segs (JSON-Schema keywords and their
// arguments) add to an inline schema's context.
func schemaCtx(b *strings.Builder, segs []string) {
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		last := i == len(segs)-1
		switch seg {
		case "items", "additionalProperties", "not", "schema", "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames":
			// The element or value type is named as its container is.
		case "properties", "definitions", "$defs", "headers":
			if !last {
				i++
				b.WriteString(GoName(segs[i]))
			}
		case "patternProperties", "content", "dependentSchemas":
			i++ // a pattern or a media type: no name in it
		case "allOf":
			// An allOf member's properties are its parent's; a member
			// named on its own gets its index.
			if i+1 == len(segs)-1 {
				b.WriteString(segs[i+1])
			}
			i++
		case "oneOf", "anyOf", "prefixItems":
			if !last {
				i++
				b.WriteString(segs[i])
			}
		default:
			if _, err := strconv.Atoi(seg); err == nil {
				b.WriteString(seg)
			} else {
				b.WriteString(GoName(seg))
			}
		}
	}
}

// pointerSegments splits a JSON pointer (the part of a $ref after "#")
// into its unescaped segments (RFC 6901; a pointer in a URI fragment may
// also be percent-encoded).
func pointerSegments(frag string) []string {
	parts := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	for i, s := range parts {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts
}
