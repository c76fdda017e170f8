package load

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
)

// Swagger 2.0's produces after kin-openapi's openapi2conv: an operation's
// inline response gets the operation's produces, or application/json when
// the operation has none (not the document's produces, which Swagger says
// it inherits), and a $ref to a shared response keeps the document's
// produces even where the operation narrows them. A client that takes its
// Accept header and response media types from the result asks for what
// the operation does not produce (Gitea's /markdown produces text/html,
// its shared response says application/json too, and a server answers
// 406). fixProduces gives each response the media types its operation
// produces, copying a shared response inline where they differ.
func fixProduces(v2 *openapi2.T, doc *openapi3.T) {
	if doc.Paths == nil {
		return
	}
	for _, path := range slices.Sorted(maps.Keys(v2.Paths)) {
		item2, item3 := v2.Paths[path], doc.Paths.Value(path)
		if item2 == nil || item3 == nil {
			continue
		}
		ops := item2.Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op2, op3 := ops[method], item3.GetOperation(method)
			if op2 == nil || op3 == nil || op3.Responses == nil || op2.Responses == nil {
				continue
			}
			produces := op2.Produces
			if len(produces) == 0 {
				produces = v2.Produces
			}
			if len(produces) == 0 {
				produces = []string{"application/json"}
			}
			for _, code := range slices.Sorted(maps.Keys(op2.Responses.Map())) {
				r3 := op3.Responses.Value(code)
				if r3 == nil {
					continue
				}
				r := r3.Value
				if r == nil && r3.Ref != "" && doc.Components != nil {
					if c := doc.Components.Responses[strings.TrimPrefix(r3.Ref, "#/components/responses/")]; c != nil {
						r = c.Value
					}
				}
				if r == nil || len(r.Content) == 0 || sameKeys(r.Content, produces) {
					continue
				}
				var schema *openapi3.SchemaRef
				for _, k := range slices.Sorted(maps.Keys(r.Content)) {
					if mt := r.Content[k]; mt != nil && mt.Schema != nil {
						schema = mt.Schema
						break
					}
				}
				c := *r
				c.Content = make(openapi3.Content, len(produces))
				for _, mime := range produces {
					c.Content[mime] = openapi3.NewMediaType().WithSchemaRef(schema)
				}
				op3.Responses.Set(code, &openapi3.ResponseRef{Value: &c})
			}
		}
	}
}

// sameKeys reports whether content has exactly the media types keys.
func sameKeys(content openapi3.Content, keys []string) bool {
	if len(content) != len(slices.Compact(slices.Sorted(slices.Values(keys)))) {
		return false
	}
	for _, k := range keys {
		if _, ok := content[k]; !ok {
			return false
		}
	}
	return true
}
