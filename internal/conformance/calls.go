package main

// The calls the driver makes: one per operation (plus one per extra 2xx
// status, asked for with Prefer), with every path, query, header and cookie
// parameter and the body synthesized from the spec's schemas, and the
// examples the spec gives for bodies, responses and component schemas.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/textproto"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/internal/conformance/driver"
)

// planCalls builds the driver's plan for a generated model and its
// loaded document; maxOps > 0 caps the operations called.
//
// Examples that break their own schema (vendors' examples often do) are
// not round-tripped: their locations are returned to be listed.
func planCalls(m *plan.Model, doc *openapi3.T, maxOps int) (*driver.Plan, []string, *schemaIndex) {
	p := &driver.Plan{TimeoutMS: 30000}
	var invalid []string
	ix := &schemaIndex{ops: map[string]*openapi3.Operation{}, examples: map[string]*openapi3.SchemaRef{},
		security: map[string][][]*openapi3.SecurityScheme{}}
	for i, o := range m.Operations {
		if item := doc.Paths.Value(o.Path); item != nil {
			ix.ops[o.Name] = item.GetOperation(o.Method)
			if op := ix.ops[o.Name]; op != nil {
				ix.security[o.Name] = securityAlternatives(doc, op)
			}
		}
		if maxOps > 0 && i >= maxOps {
			break
		}
		p.Calls = append(p.Calls, opCalls(o, doc, &invalid, ix)...)
	}
	ix.twins = templateTwins(doc, m.Operations)
	ix.fragmentTwins = fragmentTwins(doc, m.Operations)
	ix.indexPaths(doc, m.Operations)
	resp := &synth{}
	for _, t := range m.Types {
		if t.SchemaName == "" || t.Example == "" || doc.Components == nil {
			continue
		}
		where := t.Where + ".example"
		sr := doc.Components.Schemas[t.SchemaName]
		var v any
		if sr == nil || sr.Value == nil || json.Unmarshal([]byte(t.Example), &v) != nil {
			invalid = append(invalid, where)
			continue
		}
		if why := resp.why(sr.Value, v); why != "" {
			invalid = append(invalid, where+": "+why)
			continue
		}
		p.Examples = append(p.Examples, driver.Example{Type: t.Name, Where: where, Value: json.RawMessage(t.Example)})
		ix.examples[where] = sr
	}
	p.Examples = append(p.Examples, webhookExamples(m, doc, &invalid, ix)...)
	return p, invalid, ix
}

// webhookExamples are the request-body examples of every webhook and
// callback (OpenAPI 3.1 webhooks, 3.0 callbacks) that satisfy their
// schema, decoded into the payload type of the webhook's event (its Body
// field) and re-encoded, as a request body's examples are; the others are
// added to invalid.
func webhookExamples(m *plan.Model, doc *openapi3.T, invalid *[]string, ix *schemaIndex) []driver.Example {
	if m.Webhooks == nil {
		return nil
	}
	var out []driver.Example
	for _, wh := range m.Webhooks.List {
		if wh.Body == nil {
			continue // not JSON: the event keeps the request, body unread
		}
		op := webhookOperation(doc, wh)
		if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
			continue
		}
		mt := jsonMedia(op.RequestBody.Value.Content)
		if mt == nil {
			continue
		}
		for _, e := range mediaExamples(&synth{request: true}, mt, wh.Type+": requestBody", invalid, ix) {
			e.Type, e.Field = wh.Type, "Body"
			out = append(out, e)
		}
	}
	return out
}

// webhookOperation is the operation a planned webhook reads: a top-level
// webhook's, or the callback's whose location the plan gives (Where).
func webhookOperation(doc *openapi3.T, wh *plan.Webhook) *openapi3.Operation {
	if strings.HasPrefix(wh.Where, "webhooks.") {
		if item := doc.Webhooks[wh.Name]; item != nil {
			return item.GetOperation(wh.Method)
		}
		return nil
	}
	lm := strings.ToLower(wh.Method)
	for _, pth := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(pth)
		for method, op := range item.Operations() {
			cb := op.Callbacks[wh.Name]
			if cb == nil || cb.Value == nil {
				continue
			}
			for expr, cbItem := range cb.Value.Map() {
				if "paths."+pth+"."+strings.ToLower(method)+".callbacks."+wh.Name+"."+expr+"."+lm == wh.Where && cbItem != nil {
					return cbItem.GetOperation(wh.Method)
				}
			}
		}
	}
	return nil
}

// exampleTypes are the named types the plan's component examples use.
func exampleTypes(p *driver.Plan) []string {
	seen := map[string]bool{}
	var names []string
	for _, e := range p.Examples {
		if !seen[e.Type] {
			seen[e.Type] = true
			names = append(names, e.Type)
		}
	}
	sort.Strings(names)
	return names
}

func opCalls(o *plan.Operation, doc *openapi3.T, invalid *[]string, ix *schemaIndex) []driver.Call {
	c := driver.Call{Op: o.Name, Method: o.Method, Path: o.Path}
	item := doc.Paths.Value(o.Path)
	var op *openapi3.Operation
	if item != nil {
		op = item.GetOperation(o.Method)
	}
	if op == nil {
		c.Skip = "operation not found in the loaded document"
		return []driver.Call{c}
	}
	if bad := undeclaredTemplate(o); bad != "" {
		c.Skip = "the path template names {" + bad + "}, which no path parameter declares (not OpenAPI path templating)"
		return []driver.Call{c}
	}
	req := &synth{request: true, full: 4}
	for _, pp := range o.Params {
		sp := findParam(item, op, pp.In, pp.Name)
		if sp == nil && pp.In == "path" {
			// A template name no parameter declares: the client takes it
			// as a string (the generator warns), so the call sends one.
			sp = &openapi3.Parameter{Name: pp.Name, In: "path", Required: true, Schema: openapi3.NewStringSchema().NewRef()}
		}
		if sp == nil {
			c.Skip = fmt.Sprintf("%s parameter %q not found", pp.In, pp.Name)
			return []driver.Call{c}
		}
		v, err := paramValue(req, sp)
		if err != nil {
			c.Skip = fmt.Sprintf("%s parameter %q: %v", pp.In, pp.Name, err)
			return []driver.Call{c}
		}
		raw, err := jsonText(v)
		if err != nil {
			c.Skip = err.Error()
			return []driver.Call{c}
		}
		if pp.In == "path" {
			c.PathArgs = append(c.PathArgs, raw)
			continue
		}
		if pp.Field == nil {
			continue
		}
		if c.Params == nil {
			c.Params = map[string]json.RawMessage{}
		}
		c.Params[pp.Field.Name] = raw
	}
	c.HasParams = o.Args != nil
	if o.Body != nil {
		if skip := planBody(&c, o, op, req, invalid, ix); skip != "" {
			c.Skip = skip
			return []driver.Call{c}
		}
	}
	twos := successStatuses(op)
	if r := o.Result; r != nil && r.Kind == plan.BodyJSON {
		if rr := op.Responses.Value(r.Status); rr != nil && rr.Value != nil {
			if mt := jsonMedia(rr.Value.Content); mt != nil {
				c.ResultExamples = mediaExamples(&synth{}, mt, o.Name+": responses."+r.Status, invalid, ix)
			}
		}
	}
	for _, r := range o.Successes {
		if r.Encoding != "" {
			if c.StreamEncodings == nil {
				c.StreamEncodings = map[string]string{}
			}
			c.StreamEncodings[r.Status] = r.Encoding
		}
	}
	if o.ResultType != "" {
		c.ResultFields = map[string]string{}
		for _, r := range o.Successes {
			if r.Field != "" {
				c.ResultFields[r.Status] = r.Field
			}
		}
	}
	calls := []driver.Call{c}
	// The driver asks for a status with a Prefer header, which would
	// replace one the operation declares (PayPal's Prefer:
	// return=representation, pattern-checked by Prism).
	declaresPrefer := slices.ContainsFunc(o.Params, func(pr *plan.Param) bool {
		return pr.In == "header" && strings.EqualFold(pr.Name, "Prefer")
	})
	if len(twos) > 1 && !declaresPrefer {
		// Each documented 2xx in turn; the first call keeps Prism's choice.
		for _, s := range twos {
			x := c
			x.Prefer = s
			x.BodyExamples, x.ResultExamples = nil, nil
			calls = append(calls, x)
		}
	}
	return calls
}

// planBody synthesizes the request body the way the method takes it: a
// JSON value for JSON, form and text bodies (decoded into the body type),
// the parts of a multipart body by field, bytes for a binary one. It
// returns why it could not.
func planBody(c *driver.Call, o *plan.Operation, op *openapi3.Operation, y *synth, invalid *[]string, ix *schemaIndex) string {
	b := o.Body
	c.HasBody = true
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return "request body not found in the loaded document"
	}
	content := op.RequestBody.Value.Content
	mt := content.Get(b.MediaType)
	if mt == nil && b.Kind == plan.BodyJSON {
		mt = jsonMedia(content)
	}
	if b.Kind == plan.BodyBinary {
		c.BodyBinary = true
		c.Body = json.RawMessage(`"conformance bytes"`)
		if strings.HasPrefix(b.MediaType, "multipart/") && mt != nil && mt.Schema != nil {
			// A multipart body the method takes encoded (its schema has
			// no properties to make parts of, a oneOf of objects, say):
			// encoded here, as a caller would, with its boundary.
			v, err := y.value(mt.Schema)
			if err != nil {
				return "request body: " + err.Error()
			}
			body, ct, err := encodeMultipart(b.MediaType, v)
			if err != nil {
				return "request body: " + err.Error()
			}
			if c.Body, err = json.Marshal(body); err != nil {
				return err.Error()
			}
			c.ContentType = ct
			return ""
		}
		if b.MediaType == "" {
			// A range with no default (image/*): the caller names a type
			// inside it, as a user would.
			c.ContentType = concreteMedia(b.Accepts)
		}
		return ""
	}
	if mt != nil && mt.Schema == nil && b.Kind == plan.BodyJSON {
		// A JSON body without a schema is any JSON value, which the
		// method takes verbatim (Cloudflare's DELETEs declare one).
		c.Body = json.RawMessage(`{}`)
		return ""
	}
	if mt == nil || mt.Schema == nil {
		return "no request body schema for " + b.MediaType
	}
	v, err := y.value(mt.Schema)
	if err != nil {
		return "request body: " + err.Error()
	}
	if b.Kind == plan.BodyMultipart {
		obj, ok := v.(map[string]any)
		if !ok {
			return "multipart body is not an object"
		}
		c.Parts = map[string]json.RawMessage{}
		for _, part := range b.PartList {
			pv, ok := obj[part.Field.JSONName]
			if !ok {
				continue
			}
			if part.Kind == plan.PartFile {
				c.Parts[part.Field.Name] = json.RawMessage(`{"$file":"conformance file"}`)
				continue
			}
			raw, err := jsonText(pv)
			if err != nil {
				return err.Error()
			}
			c.Parts[part.Field.Name] = raw
		}
		return ""
	}
	if c.Body, err = jsonText(v); err != nil {
		return err.Error()
	}
	if b.Kind == plan.BodyJSON {
		c.BodyExamples = mediaExamples(y, mt, o.Name+": requestBody", invalid, ix)
	}
	return ""
}

// encodeMultipart encodes v, an object, as a multipart body of the media
// type: a string member as a text part, any other as an application/json
// part (OpenAPI's default for objects and arrays), an array of strings as
// one part per element. It returns the body and its Content-Type.
func encodeMultipart(media string, v any) (string, string, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return "", "", fmt.Errorf("multipart body is not an object")
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part := func(name string, v any) error {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", mime.FormatMediaType("form-data", map[string]string{"name": name}))
		text, isText := v.(string)
		if !isText {
			js, err := json.Marshal(v)
			if err != nil {
				return err
			}
			text = string(js)
			h.Set("Content-Type", "application/json")
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			return err
		}
		_, err = io.WriteString(pw, text)
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		if arr, ok := obj[name].([]any); ok && len(arr) > 0 && allStrings(arr) {
			for _, e := range arr {
				if err := part(name, e); err != nil {
					return "", "", err
				}
			}
			continue
		}
		if err := part(name, obj[name]); err != nil {
			return "", "", err
		}
	}
	if err := w.Close(); err != nil {
		return "", "", err
	}
	return buf.String(), mime.FormatMediaType(media, map[string]string{"boundary": w.Boundary()}), nil
}

func allStrings(a []any) bool {
	for _, e := range a {
		if _, ok := e.(string); !ok {
			return false
		}
	}
	return true
}

// undeclaredTemplate is the first {name} of the path that no path
// parameter declares, "" if none.
func undeclaredTemplate(o *plan.Operation) string {
	declared := map[string]bool{}
	for _, p := range o.Params {
		if p.In == "path" {
			declared[p.Name] = true
		}
	}
	rest := o.Path
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return ""
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return ""
		}
		if name := rest[i+1 : i+j]; !declared[name] {
			return name
		}
		rest = rest[i+j+1:]
	}
}

// successStatuses are the operation's explicit 2xx statuses, sorted.
func successStatuses(op *openapi3.Operation) []string {
	var out []string
	if op.Responses == nil {
		return nil
	}
	for code := range op.Responses.Map() {
		if n, err := strconv.Atoi(code); err == nil && n/100 == 2 {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// findParam is the operation's parameter, or the path item's it inherits.
func findParam(item *openapi3.PathItem, op *openapi3.Operation, in, name string) *openapi3.Parameter {
	for _, ps := range []openapi3.Parameters{op.Parameters, item.Parameters} {
		for _, r := range ps {
			if r != nil && r.Value != nil && r.Value.In == in && r.Value.Name == name {
				return r.Value
			}
		}
	}
	return nil
}

// paramValue is the parameter's example when it satisfies the schema, else
// a synthesized value.
func paramValue(y *synth, p *openapi3.Parameter) (any, error) {
	sr := p.Schema
	if sr == nil {
		for _, mt := range p.Content {
			sr = mt.Schema
			break
		}
	}
	if sr == nil || sr.Value == nil {
		return "value", nil
	}
	if p.Example != nil && y.valid(sr.Value, p.Example) && nonEmpty(p.Example) {
		return p.Example, nil
	}
	v, err := y.value(sr)
	if err != nil {
		return nil, err
	}
	if p.In == "path" && !nonEmpty(v) {
		return nil, fmt.Errorf("no non-empty value for a path parameter")
	}
	return v, nil
}

func nonEmpty(v any) bool {
	switch x := v.(type) {
	case string:
		return x != ""
	case nil:
		return false
	}
	return true
}

// jsonMedia is the JSON entry of a content map: application/json first,
// then any +json type, in name order.
func jsonMedia(c openapi3.Content) *openapi3.MediaType {
	if mt := c["application/json"]; mt != nil {
		return mt
	}
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		base := strings.TrimSpace(strings.SplitN(strings.ToLower(n), ";", 2)[0])
		if base == "application/json" || strings.HasSuffix(base, "+json") || base == "*/*" {
			return c[n]
		}
	}
	return nil
}

// mediaExamples are a media type's example and examples that satisfy its
// schema, as JSON; the others are added to invalid.
func mediaExamples(y *synth, mt *openapi3.MediaType, where string, invalid *[]string, ix *schemaIndex) []driver.Example {
	var out []driver.Example
	add := func(w string, v any) {
		if mt.Schema != nil && mt.Schema.Value != nil {
			if why := y.why(mt.Schema.Value, v); why != "" {
				*invalid = append(*invalid, w+": "+why)
				return
			}
		}
		if raw, err := json.Marshal(v); err == nil {
			out = append(out, driver.Example{Where: w, Value: raw})
			ix.examples[w] = mt.Schema
		}
	}
	if mt.Example != nil {
		add(where+".example", mt.Example)
	}
	names := make([]string, 0, len(mt.Examples))
	for n := range mt.Examples {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if e := mt.Examples[n]; e != nil && e.Value != nil && e.Value.Value != nil {
			add(where+".examples."+n, e.Value.Value)
		}
	}
	return out
}

// concreteMedia is a media type inside the first range of accepts
// (image/* → image/x-conformance), or its first type when none is a range.
func concreteMedia(accepts []string) string {
	for _, a := range accepts {
		base := strings.TrimSpace(strings.SplitN(a, ";", 2)[0])
		if typ, sub, ok := strings.Cut(base, "/"); ok && sub == "*" && typ != "*" {
			return typ + "/x-conformance"
		}
	}
	if len(accepts) > 0 {
		return accepts[0]
	}
	return "application/octet-stream"
}
