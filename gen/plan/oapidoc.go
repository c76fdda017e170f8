package plan

import (
	"fmt"
	"go/token"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// This file prepares what oapi-codegen is given. oapi-codegen copes badly
// with much of what real specs hold (external $refs, inline schemas it names
// twice, unions it cannot type, undeclared path parameters, webhooks), and
// every type it would invent is one more name that can collide with ours.
// So it never sees a schema the plan has a type for: each schema in an
// operation, parameter, body or response is replaced by a stub carrying
// `x-go-type: <our type>`, or by a plain scalar/array/map schema built from
// the plan's Ref. Component schemas are left out altogether. The copy shares
// nothing mutable with the loaded document (prepareOapi edits the copy while
// kin-openapi may still be validating the original): what is taken over
// from it (info, servers, tags, security, extensions) is copied.

// oapiDoc builds the document handed to oapi-codegen. It may plan further
// types (schemas used only in non-JSON bodies, say), so it runs before the
// types are sorted.
func (p *planner) oapiDoc() *openapi3.T {
	src := p.spec.Doc
	d := &openapi3.T{OpenAPI: src.OpenAPI, Info: cloneDeep(src.Info), Servers: cloneDeep(src.Servers),
		Security: cloneDeep(src.Security), Tags: cloneDeep(src.Tags), Extensions: maps.Clone(src.Extensions)}
	if d.Info == nil {
		d.Info = &openapi3.Info{Title: "API", Version: "0"}
	}
	c := &openapi3.Components{}
	if sc := src.Components; sc != nil {
		c.SecuritySchemes = cloneDeep(sc.SecuritySchemes)
		c.Parameters = openapi3.ParametersMap{}
		for _, k := range slices.Sorted(maps.Keys(sc.Parameters)) {
			if pr := sc.Parameters[k]; pr != nil && pr.Value != nil {
				c.Parameters[p.rawKeys["parameters"][k]] = &openapi3.ParameterRef{Value: p.oapiParam(pr.Value, paramCtx("", k), "components.parameters."+k)}
			}
		}
		c.RequestBodies = openapi3.RequestBodies{}
		for _, k := range slices.Sorted(maps.Keys(sc.RequestBodies)) {
			if rb := sc.RequestBodies[k]; rb != nil && rb.Value != nil {
				c.RequestBodies[p.rawKeys["requestBodies"][k]] = &openapi3.RequestBodyRef{Value: p.oapiBody(rb.Value, bodyCtx(GoName(k)), "components.requestBodies."+k)}
			}
		}
		c.Responses = openapi3.ResponseBodies{}
		for _, k := range slices.Sorted(maps.Keys(sc.Responses)) {
			if rr := sc.Responses[k]; rr != nil && rr.Value != nil {
				c.Responses[p.rawKeys["responses"][k]] = &openapi3.ResponseRef{Value: p.oapiResponse(rr.Value, responseCtx(GoName(k), ""), "components.responses."+k)}
			}
		}
		c.Headers = openapi3.Headers{}
		for _, k := range slices.Sorted(maps.Keys(sc.Headers)) {
			if h := sc.Headers[k]; h != nil && h.Value != nil {
				c.Headers[p.rawKeys["headers"][k]] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: *p.oapiParam(&h.Value.Parameter, GoName(k)+"Header", "components.headers."+k)}}
			}
		}
	}
	d.Components = c

	d.Paths = openapi3.NewPaths()
	i := 0
	p.eachOperation(func(pth, method string, item *openapi3.PathItem, op *openapi3.Operation) {
		o := p.m.Operations[i]
		i++
		ni := d.Paths.Value(pth)
		if ni == nil {
			ni = &openapi3.PathItem{}
			d.Paths.Set(pth, ni)
		}
		no := p.oapiOperation(pth, method, item, op, o)
		p.oapiOps = append(p.oapiOps, no)
		ni.SetOperation(method, no)
	})
	c.Schemas = p.oapiStubs
	p.m.ExcludeSchemas = slices.Sorted(maps.Keys(p.oapiStubs))
	return d
}

// oapiOperation copies one operation with its parameters (path-level ones
// merged in), body and responses rewritten. Its ID is the operation's name
// until planOapiOperationIDs has checked what oapi-codegen derives from it. Callbacks are dropped: they
// describe requests the API makes, which a client does not send.
func (p *planner) oapiOperation(pth, method string, item *openapi3.PathItem, op *openapi3.Operation, o *Operation) *openapi3.Operation {
	where := "paths." + pth + "." + strings.ToLower(method)
	no := &openapi3.Operation{OperationID: o.Name, Summary: op.Summary, Description: op.Description, Deprecated: op.Deprecated,
		Tags: slices.Clone(op.Tags), Security: cloneDeep(op.Security), Extensions: maps.Clone(op.Extensions), Origin: op.Origin}

	// Parameters: the operation's override the path item's of the same
	// name and location (operationParams, as the planner took them).
	type key struct{ in, name string }
	planned := map[key]*Param{}
	for _, pa := range o.Params {
		planned[key{pa.In, pa.Name}] = pa
	}
	inPath := map[string]bool{}
	for _, n := range pathParamNames(pth) {
		inPath[n] = true
	}
	declared := map[string]bool{}
	var copies []*Param // in the order of no.Parameters
	for _, pr := range operationParams(item, op) {
		k := key{pr.Value.In, pr.Value.Name}
		if k.in == openapi3.ParameterInPath && !inPath[k.name] {
			p.warn(p.paramPos(pr, where), where+".parameters."+k.name,
				"path parameter %q does not appear in the path %s; the client leaves it out", k.name, pth)
			continue
		}
		if k.in == openapi3.ParameterInPath {
			declared[k.name] = true
		}
		np := &openapi3.ParameterRef{Value: p.oapiParam(pr.Value, paramCtx(o.Name, k.name), where+".parameters."+k.name)}
		if p.isComponent(pr.Ref, "parameters", pr.Value) {
			np.Ref = p.rawRef("parameters", pr.Ref)
		}
		no.Parameters = append(no.Parameters, np)
		copies = append(copies, planned[k])
	}
	for _, n := range pathParamNames(pth) {
		if declared[n] {
			continue
		}
		ref := &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
		pa := &Param{Name: n, GoName: GoName(n), In: openapi3.ParameterInPath, Required: true, Type: ref}
		// Written after "?" only (/rides?page={page}), it is sent in the
		// query under the pair's name, as a declared one would be; where a
		// declared query parameter stands (/search?query={query}) or in the
		// fragment, only oapi-codegen, which counts every {name} of the
		// key, needs it declared.
		key, inQuery := queryKeyOf(pth, n)
		inPath := strings.Contains(o.URLPath, "{"+n+"}")
		if inPath || inQuery && !declaredQuery(o, key) {
			msg := fmt.Sprintf("path parameter %q of %s %s is not declared; the client takes it as a string", n, method, pth)
			if !inPath {
				pa.QueryKey, pa.Style, pa.Explode = key, "form", true
				msg += fmt.Sprintf(", sent as the query's %q", key)
			}
			p.warn(p.spec.Pos("paths", pth), "paths."+pth, "%s", msg)
			o.Params = append(o.Params, pa)
			planArgs(o.Params, p.m.Raw.ModelName)
		}
		no.Parameters = append(no.Parameters, &openapi3.ParameterRef{Value: &openapi3.Parameter{Name: n, In: openapi3.ParameterInPath,
			Required: true, Schema: p.oapiSchema(ref)}})
		copies = append(copies, pa)
	}
	oapiParamNames(no.Parameters, copies)

	if rb := op.RequestBody; rb != nil && rb.Value != nil {
		nb := &openapi3.RequestBodyRef{Value: p.oapiBody(rb.Value, o.Name+"Request", where+".requestBody")}
		if p.isComponent(rb.Ref, "requestBodies", rb.Value) {
			nb.Ref = p.rawRef("requestBodies", rb.Ref)
		}
		no.RequestBody = nb
	}
	no.Responses = openapi3.NewResponses()
	if op.Responses != nil {
		for _, code := range slices.Sorted(maps.Keys(op.Responses.Map())) {
			rr := op.Responses.Value(code)
			if rr == nil || rr.Value == nil {
				continue
			}
			nr := &openapi3.ResponseRef{Value: p.oapiResponse(rr.Value, responseCtx(o.Name, code), where+".responses."+code)}
			if p.isComponent(rr.Ref, "responses", rr.Value) {
				nr.Ref = p.rawRef("responses", rr.Ref)
			}
			no.Responses.Set(code, nr)
		}
	}
	return no
}

// oapiParamNames gives each parameter copy the Go name the plan chose
// (planned[i] is params[i]'s plan), as its x-go-name: oapi-codegen would
// derive one from the wire name again, and X-Account-Id (a header) and
// x-account-id (a query parameter) would both be the field XAccountID of
// <Op>Params. A wire name that an earlier query, header or cookie
// parameter has too gets a json tag naming its location: the field's
// default tag would repeat the other's, which go vet rejects (the tag is
// only a label: the client sends the parameter under its wire name).
func oapiParamNames(params openapi3.Parameters, planned []*Param) {
	tags := map[string]bool{}
	for i, np := range params {
		pa, v := planned[i], np.Value
		if pa == nil || pa.OapiName == "" {
			continue
		}
		if v.Extensions == nil {
			v.Extensions = map[string]any{}
		}
		v.Extensions["x-go-name"] = pa.OapiName
		if v.In == openapi3.ParameterInPath {
			continue
		}
		if tags[v.Name] {
			tag := v.In + ":" + v.Name
			if !v.Required {
				tag += ",omitempty"
			}
			v.Extensions["x-oapi-codegen-extra-tags"] = map[string]any{"json": tag}
		}
		tags[v.Name] = true
	}
}

// oapiParam copies a parameter with its schema replaced. A parameter with
// neither schema nor content (a spec mistake) is taken as a string.
func (p *planner) oapiParam(pv *openapi3.Parameter, ctx, where string) *openapi3.Parameter {
	np := &openapi3.Parameter{Name: pv.Name, In: pv.In, Description: pv.Description, Style: pv.Style, Explode: pv.Explode,
		AllowEmptyValue: pv.AllowEmptyValue, AllowReserved: pv.AllowReserved, Deprecated: pv.Deprecated, Required: pv.Required,
		Extensions: maps.Clone(pv.Extensions), Origin: pv.Origin}
	switch {
	case pv.Schema != nil:
		np.Schema = p.oapiSchemaOf(pv.Schema, ctx, where+".schema")
	case len(pv.Content) > 0:
		np.Content = p.oapiContent(pv.Content, ctx, where+".content")
	default:
		p.warn(p.spec.OriginPos(pv.Origin, strings.Split(where, ".")...), where, "parameter %q has no schema; taken as a string", pv.Name)
		np.Schema = p.oapiSchema(&Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()})
	}
	return np
}

func (p *planner) oapiBody(rb *openapi3.RequestBody, ctx, where string) *openapi3.RequestBody {
	return &openapi3.RequestBody{Description: rb.Description, Required: rb.Required, Extensions: maps.Clone(rb.Extensions),
		Content: p.oapiContent(rb.Content, ctx, where+".content")}
}

// oapiResponse copies a response's content and headers. Links are left
// out: the client does not follow them.
func (p *planner) oapiResponse(r *openapi3.Response, ctx, where string) *openapi3.Response {
	desc := ""
	if r.Description != nil {
		desc = *r.Description
	}
	nr := &openapi3.Response{Description: &desc, Extensions: maps.Clone(r.Extensions), Content: p.oapiContent(r.Content, ctx, where+".content")}
	for _, k := range slices.Sorted(maps.Keys(r.Headers)) {
		h := r.Headers[k]
		if h == nil || h.Value == nil {
			continue
		}
		if nr.Headers == nil {
			nr.Headers = openapi3.Headers{}
		}
		nh := &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: *p.oapiParam(&h.Value.Parameter, ctx+GoName(k)+"Header", where+".headers."+k)}}
		if p.isComponent(h.Ref, "headers", h.Value) {
			nh.Ref = p.rawRef("headers", h.Ref)
		}
		nr.Headers[k] = nh
	}
	return nr
}

// oapiContent copies media types with their schemas replaced. The JSON
// media type keeps the context name the operation planner used, so its
// schema resolves to the type already planned; others get their media type
// in the name.
func (p *planner) oapiContent(c openapi3.Content, ctx, where string) openapi3.Content {
	if c == nil {
		return nil
	}
	json := jsonMedia(c)
	out := openapi3.Content{}
	tags := map[string]bool{}
	for _, mt := range slices.Sorted(maps.Keys(c)) {
		m := c[mt]
		if m == nil || m != json && strings.Contains(strings.ToLower(mt), "json") {
			// One JSON media type per body: oapi-codegen names every
			// JSON-ish one <Name>JSON and would declare it twice.
			continue
		}
		// Likewise one media type per name tag oapi-codegen gives a body:
		// every multipart/* one is <Name>MultipartBody (a body of both
		// multipart/form-data and multipart/mixed declared it twice). The
		// first in sorted order stays, the one the client sends
		// (requestMedia); the others reach the raw client's WithBody.
		if tag := oapiBodyTag(mt); tag != "" {
			if tags[tag] {
				continue
			}
			tags[tag] = true
		}
		nm := &openapi3.MediaType{Extensions: maps.Clone(m.Extensions)}
		// Only JSON, form and text bodies are typed for the client. Others
		// (YAML, XML, multipart, binary) travel as raw bytes: oapi-codegen
		// would decode YAML with yaml tags our types do not have, and
		// import a YAML module the user never asked for.
		typed := m == json || strings.Contains(mt, "form-urlencoded") || strings.HasPrefix(mt, "text/")
		if m.Schema != nil && typed {
			mctx := ctx
			if m != json {
				mctx = ctx + GoName(mediaLabel(mt))
			}
			r := p.refOf(m.Schema, mctx, where+"."+mt+".schema", false)
			nm.Schema = p.oapiSchema(r)
			if strings.Contains(mt, "form-urlencoded") && r.Kind == RefNamed && r.Named.Kind == KindStruct {
				nm.Schema = p.oapiFormSchema(r.Named)
			}
		}
		out[mt] = nm
	}
	return out
}

// oapiSchemaOf plans the schema (a no-op when it already has a type) and
// returns the schema oapi-codegen is given for it.
func (p *planner) oapiSchemaOf(sr *openapi3.SchemaRef, ctx, where string) *openapi3.SchemaRef {
	return p.oapiSchema(p.refOf(sr, ctx, where, false))
}

// oapiFormSchema spells a struct out for a form-urlencoded body:
// oapi-codegen declares its own struct with form tags for those (it would
// otherwise drop the fields), whose field types are ours.
func (p *planner) oapiFormSchema(t *Type) *openapi3.SchemaRef {
	s := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Properties: openapi3.Schemas{}}
	for _, f := range t.Fields {
		s.Properties[f.JSONName] = p.oapiSchema(f.Type)
		if f.Required {
			s.Required = append(s.Required, f.JSONName)
		}
	}
	return &openapi3.SchemaRef{Value: s}
}

// oapiSchema is the schema oapi-codegen sees for a planned Ref: a stub
// naming our type, or a plain scalar, array or map of those.
func (p *planner) oapiSchema(r *Ref) *openapi3.SchemaRef {
	s := &openapi3.Schema{}
	switch r.Kind {
	case RefNamed:
		s.Extensions = map[string]any{"x-go-type": r.Named.Name}
		// A $ref into the model package's document (Raw.ModelDoc, which
		// oapi-codegen's import-mapping maps to the model package) makes
		// it write <model>.<Name> and alias request bodies straight to our
		// type rather than declaring a <Op>JSONBody in between. The stub
		// component it points at, keyed by our Go name and carrying it as
		// x-go-name, is what it reads that name from; it is excluded, so
		// nothing is declared for it.
		key := r.Named.Name
		// A stub of an enum or of a scalar keeps its JSON type, which
		// oapi-codegen passes to the runtime's parameter styling.
		switch t := r.Named; {
		case t.Kind == KindEnum:
			s.Type, s.Format = builtinSchemaType(t.Enum.Base)
		case t.Kind == KindAlias && t.Elem != nil && t.Elem.Kind == RefBuiltin:
			s.Type, s.Format = builtinSchemaType(t.Elem.Builtin)
		}
		if p.oapiStubs == nil {
			p.oapiStubs = openapi3.Schemas{}
		}
		p.oapiStubs[key] = &openapi3.SchemaRef{Value: &openapi3.Schema{Extensions: map[string]any{"x-go-name": key, "x-go-type": key}}}
		return &openapi3.SchemaRef{Ref: p.m.Raw.ModelDoc + "#/components/schemas/" + key, Value: s}
	case RefSlice:
		s.Type = &openapi3.Types{openapi3.TypeArray}
		s.Items = p.oapiSchema(r.Elem)
	case RefMap:
		s.Type = &openapi3.Types{openapi3.TypeObject}
		s.AdditionalProperties = openapi3.AdditionalProperties{Schema: p.oapiSchema(r.Elem)}
	case RefExternal:
		// An inline x-go-type that needs an import: prepareOapi keeps specs
		// from importing packages into client.gen.go, so the client takes
		// any value there (components with x-go-type are Go aliases and
		// reach here as RefNamed).
		if r.Go.ImportPath == "" {
			gt := r.Go.Name
			if token.IsIdentifier(gt) && token.IsExported(gt) {
				// A type of the model package (hand-written next to the
				// generated files), seen from the raw package.
				gt = p.m.Raw.ModelName + "." + gt
			}
			s.Extensions = map[string]any{"x-go-type": gt}
		}
	default:
		s.Type, s.Format = builtinSchemaType(r.Builtin)
	}
	return &openapi3.SchemaRef{Value: s}
}

// builtinSchemaType is the OpenAPI type and format oapi-codegen maps to the
// same Go type as ours.
func builtinSchemaType(b Builtin) (*openapi3.Types, string) {
	typ, format := "", ""
	switch b {
	case String:
		typ = openapi3.TypeString
	case Time:
		typ, format = openapi3.TypeString, "date-time"
	case Bytes:
		typ, format = openapi3.TypeString, "byte"
	case Int64:
		typ, format = openapi3.TypeInteger, "int64"
	case Int32:
		typ, format = openapi3.TypeInteger, "int32"
	case Float64:
		typ, format = openapi3.TypeNumber, "double"
	case Bool:
		typ = openapi3.TypeBoolean
	}
	if typ == "" {
		return nil, ""
	}
	return &openapi3.Types{typ}, format
}

// mediaLabel shortens a media type for a name: application/x-www-form-urlencoded → form.
func mediaLabel(mt string) string {
	mt = strings.TrimSpace(strings.Split(mt, ";")[0])
	switch {
	case strings.Contains(mt, "form-urlencoded"):
		return "form"
	case strings.HasPrefix(mt, "multipart/"):
		return "multipart"
	}
	if i := strings.LastIndex(mt, "/"); i >= 0 {
		mt = mt[i+1:]
	}
	return strings.TrimPrefix(mt, "x-")
}

var pathParamRE = regexp.MustCompile(`\{([^{}]+)\}`)

// pathParamNames lists the parameters a path template names, in order.
// RFC 6570 operators ({.x}, {;x*}) are stripped: oapi-codegen and
// OpenAPI's style keyword mean the bare name.
func pathParamNames(pth string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range pathParamRE.FindAllStringSubmatch(pth, -1) {
		n := strings.TrimRight(strings.TrimLeft(m[1], ".;?&+#/"), "*")
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// isComponent reports whether ref names a component of the root document
// that holds exactly value. A ref such as #/components/responses/X written
// in another file of a multi-file spec names that file's component, which
// the root document may not have; such uses are inlined instead.
func (p *planner) isComponent(ref, section string, value any) bool {
	name, ok := strings.CutPrefix(ref, "#/components/"+section+"/")
	c := p.spec.Doc.Components
	if !ok || c == nil || strings.Contains(name, "/") {
		return false
	}
	switch section {
	case "parameters":
		r := c.Parameters[name]
		return r != nil && any(r.Value) == value
	case "requestBodies":
		r := c.RequestBodies[name]
		return r != nil && any(r.Value) == value
	case "responses":
		r := c.Responses[name]
		return r != nil && any(r.Value) == value
	case "headers":
		r := c.Headers[name]
		return r != nil && any(r.Value) == value
	}
	return false
}

func (p *planner) paramPos(pr *openapi3.ParameterRef, where string) diag.Pos {
	return p.spec.OriginPos(pr.Value.Origin, strings.Split(where, ".")...)
}

// externalRef is the Ref for a schema that names its Go type with
// x-go-type (and x-go-type-import: {path, name} or a bare path), or nil.
func externalRef(s *openapi3.Schema) *Ref {
	gt, ok := s.Extensions["x-go-type"].(string)
	if !ok || strings.TrimSpace(gt) == "" || goTypeMismatch(s) != "" {
		return nil
	}
	text := strings.TrimSpace(gt)
	r := &Ref{Kind: RefExternal, Go: GoIdent{Name: text}, GoText: text, Nullable: ownNullable(s), C: noConstraints()}
	switch imp := s.Extensions["x-go-type-import"].(type) {
	case string:
		r.Go.ImportPath = imp
	case map[string]any:
		r.Go.ImportPath, _ = imp["path"].(string)
	}
	if r.Go.ImportPath != "" {
		// "uuid.UUID": the qualifier is the import's; the name follows it.
		r.Go.Name = text[strings.LastIndex(text, ".")+1:]
	}
	return r
}

// cloneDeep copies v with every pointer, slice, map and interface value
// below it. Origins (positions, never edited) and unexported fields are
// shared; none of the kin-openapi types it is used on has a cycle.
func cloneDeep[T any](v T) T {
	return cloneValue(reflect.ValueOf(&v).Elem()).Interface().(T)
}

func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == originType {
			return v
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(cloneValue(v.Elem()))
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		n.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n.Field(i).Set(cloneValue(v.Field(i)))
			}
		}
		return n
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			n.Index(i).Set(cloneValue(v.Index(i)))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), cloneValue(it.Value()))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(cloneValue(v.Elem()))
		return n
	}
	return v
}

// predeclaredKinds are the JSON types a value of each predeclared Go type
// encodes to and decodes from.
var predeclaredKinds = map[string][]string{
	"string": {"string"}, "bool": {"boolean"},
	"int": {"integer", "number"}, "int8": {"integer", "number"}, "int16": {"integer", "number"},
	"int32": {"integer", "number"}, "int64": {"integer", "number"}, "uint": {"integer", "number"},
	"uint8": {"integer", "number"}, "uint16": {"integer", "number"}, "uint32": {"integer", "number"},
	"uint64": {"integer", "number"}, "byte": {"integer", "number"}, "rune": {"integer", "number"},
	"float32": {"integer", "number"}, "float64": {"integer", "number"},
}

// goTypeMismatch reports why a schema's x-go-type cannot be honoured: it
// names a predeclared Go type (string, bool, a number) that can hold none
// of the JSON types the schema declares (x-go-type: string on a type:
// object schema), so no value the schema allows would decode. "" when it
// can, or when the type is not predeclared (a user's type has its own
// JSON methods) or the schema declares no type.
func goTypeMismatch(s *openapi3.Schema) string {
	gt, _ := s.Extensions["x-go-type"].(string)
	kinds, ok := predeclaredKinds[strings.TrimSpace(gt)]
	declared := nonNullTypes(s)
	if !ok || len(declared) == 0 {
		return ""
	}
	for _, d := range declared {
		if slices.Contains(kinds, d) {
			return ""
		}
	}
	return fmt.Sprintf("x-go-type %s cannot hold the schema's type %s: ignored, the Go type is planned from the schema", strings.TrimSpace(gt), strings.Join(declared, ", "))
}

// warnGoType warns, once per schema, that its x-go-type is ignored (see
// goTypeMismatch).
func (p *planner) warnGoType(s *openapi3.Schema, where string) {
	why := goTypeMismatch(s)
	if why == "" || p.goTypeWarned[s] {
		return
	}
	if p.goTypeWarned == nil {
		p.goTypeWarned = map[*openapi3.Schema]bool{}
	}
	p.goTypeWarned[s] = true
	p.warn(p.spec.OriginPos(s.Origin, strings.Split(where, ".")...), where+".x-go-type", "%s", why)
}
