package load

import "github.com/getkin/kin-openapi/openapi3"

// validationView returns the document kin-openapi's validation is run on:
// doc itself but for its paths, where every reference to one of the root
// document's component schemas points at an empty schema instead. The
// document is not changed: the parts of paths on the way to such a
// reference are shallow copies.
//
// kin-openapi validates the schema under each parameter, request body and
// response with a set of visited schemas of its own, so a component schema
// reachable from many operations (Stripe's charge, reached from hundreds of
// responses) is validated again, with everything it reaches, from each of
// them: 90 % of the validation of Stripe's spec, a tenth of generating it.
// Every component schema is validated once under components, which kin-
// openapi checks before paths; with validation of examples off (checkValues
// does it, see validate), nothing the paths section checks depends on what
// a referenced schema holds. So the view finds the same problems, each
// once, under the section that defines it.
//
// Schemas a reference reaches in another file, and references in
// callbacks, discriminator mappings and JSON Schema 2020-12's keywords,
// are left as they are: validated as before.
func validationView(doc *openapi3.T) *openapi3.T {
	if doc.Paths == nil || doc.Components == nil || len(doc.Components.Schemas) == 0 {
		return doc
	}
	v := viewer{components: make(map[*openapi3.Schema]bool, len(doc.Components.Schemas)), empty: &openapi3.Schema{}}
	for _, r := range doc.Components.Schemas {
		if r != nil && r.Value != nil {
			v.components[r.Value] = true
		}
	}
	view := *doc
	view.Paths = openapi3.NewPathsWithCapacity(doc.Paths.Len())
	view.Paths.Extensions, view.Paths.Origin = doc.Paths.Extensions, doc.Paths.Origin
	for path, item := range doc.Paths.Map() {
		view.Paths.Set(path, v.pathItem(item))
	}
	return &view
}

type viewer struct {
	components map[*openapi3.Schema]bool
	empty      *openapi3.Schema
}

func (v viewer) pathItem(item *openapi3.PathItem) *openapi3.PathItem {
	if item == nil {
		return nil
	}
	c := *item
	c.AdditionalOperations = nil
	for method, op := range item.Operations() {
		c.SetOperation(method, v.operation(op))
	}
	c.Parameters = v.parameters(item.Parameters)
	return &c
}

func (v viewer) operation(op *openapi3.Operation) *openapi3.Operation {
	c := *op
	c.Parameters = v.parameters(op.Parameters)
	if r := op.RequestBody; r != nil && r.Ref == "" && r.Value != nil {
		body := *r.Value
		body.Content = v.content(body.Content)
		rc := *r
		rc.Value = &body
		c.RequestBody = &rc
	}
	if rs := op.Responses; rs != nil {
		c.Responses = openapi3.NewResponsesWithCapacity(rs.Len())
		c.Responses.Extensions, c.Responses.Origin = rs.Extensions, rs.Origin
		for status, r := range rs.Map() {
			c.Responses.Set(status, v.response(r))
		}
	}
	return &c
}

func (v viewer) response(r *openapi3.ResponseRef) *openapi3.ResponseRef {
	if r == nil || r.Ref != "" || r.Value == nil {
		return r
	}
	resp := *r.Value
	resp.Content = v.content(resp.Content)
	if len(resp.Headers) > 0 {
		resp.Headers = make(openapi3.Headers, len(r.Value.Headers))
		for name, h := range r.Value.Headers {
			if h != nil && h.Ref == "" && h.Value != nil {
				hv := openapi3.Header{Parameter: v.parameter(h.Value.Parameter)}
				hc := *h
				hc.Value = &hv
				h = &hc
			}
			resp.Headers[name] = h
		}
	}
	rc := *r
	rc.Value = &resp
	return &rc
}

func (v viewer) parameters(ps openapi3.Parameters) openapi3.Parameters {
	if len(ps) == 0 {
		return ps
	}
	out := make(openapi3.Parameters, len(ps))
	for i, r := range ps {
		if r != nil && r.Ref == "" && r.Value != nil {
			p := v.parameter(*r.Value)
			rc := *r
			rc.Value = &p
			r = &rc
		}
		out[i] = r
	}
	return out
}

// parameter is p with its schema and content passed through the view (a
// header is a parameter too).
func (v viewer) parameter(p openapi3.Parameter) openapi3.Parameter {
	p.Schema = v.schema(p.Schema)
	p.Content = v.content(p.Content)
	return p
}

func (v viewer) content(c openapi3.Content) openapi3.Content {
	if len(c) == 0 {
		return c
	}
	out := make(openapi3.Content, len(c))
	for mt, m := range c {
		if m != nil {
			mc := *m
			mc.Schema = v.schema(m.Schema)
			m = &mc
		}
		out[mt] = m
	}
	return out
}

// schema is r, or r pointing at the empty schema when it references a
// component schema, or a copy of an inline schema with its subschemas
// passed through schema.
func (v viewer) schema(r *openapi3.SchemaRef) *openapi3.SchemaRef {
	if r == nil || r.Value == nil {
		return r
	}
	if v.components[r.Value] {
		c := *r
		c.Value = v.empty
		return &c
	}
	if r.Ref != "" {
		return r
	}
	s := *r.Value
	s.Items = v.schema(s.Items)
	s.Not = v.schema(s.Not)
	s.AdditionalProperties.Schema = v.schema(s.AdditionalProperties.Schema)
	s.AllOf = v.schemas(s.AllOf)
	s.AnyOf = v.schemas(s.AnyOf)
	s.OneOf = v.schemas(s.OneOf)
	if len(s.Properties) > 0 {
		s.Properties = make(openapi3.Schemas, len(r.Value.Properties))
		for name, p := range r.Value.Properties {
			s.Properties[name] = v.schema(p)
		}
	}
	c := *r
	c.Value = &s
	return &c
}

func (v viewer) schemas(rs openapi3.SchemaRefs) openapi3.SchemaRefs {
	if len(rs) == 0 {
		return rs
	}
	out := make(openapi3.SchemaRefs, len(rs))
	for i, r := range rs {
		out[i] = v.schema(r)
	}
	return out
}
