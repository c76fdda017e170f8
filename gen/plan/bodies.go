package plan

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
)

// This file decides how an operation's bodies travel: which media type of a
// request body the method takes and as what Go value, how each response body
// is read, and what the method returns when 2xx responses differ.

// fileRef is the runtime's oas.File, a multipart file field's type.
func fileRef() *Ref {
	return &Ref{Kind: RefExternal, Go: FileIdent, GoText: FileIdent.Qualified(), C: noConstraints()}
}

// requestMedia picks the media type of a request body the client sends, by
// preference JSON, multipart, form, text, then anything else as bytes; ""
// when there is none.
func requestMedia(c openapi3.Content) (string, BodyKind) {
	if k := jsonMediaKey(c); k != "" {
		return k, BodyJSON
	}
	keys := slices.Sorted(maps.Keys(c))
	for _, want := range []BodyKind{BodyMultipart, BodyForm, BodyText} {
		for _, k := range keys {
			if c[k] != nil && mediaKind(k, c[k]) == want {
				return k, want
			}
		}
	}
	if k := wildcardJSONKey(c); k != "" {
		return k, BodyJSON
	}
	for _, k := range keys {
		if c[k] != nil {
			return k, BodyBinary
		}
	}
	return "", BodyNone
}

// wildcardJSONKey is the key of a media range that admits JSON (*/*,
// application/*) with a schema of fields, or "". Kubernetes' spec gives
// every request body as */* with the object's schema: a range is no
// Content-Type, and the one the schema's fields have an encoding for is
// JSON, which the client then sends (and asks for) as application/json.
func wildcardJSONKey(c openapi3.Content) string {
	for _, k := range slices.Sorted(maps.Keys(c)) {
		switch mediaBase(k) {
		case "*/*", "application/*":
			if mt := c[k]; mt != nil && mt.Schema != nil && mt.Schema.Value != nil && !isBinary(mt.Schema) && structured(mt.Schema.Value) {
				return k
			}
		}
	}
	return ""
}

// onlyRanges reports whether every media type of c is a range (*/*,
// application/*).
func onlyRanges(c openapi3.Content) bool {
	for k := range c {
		if !strings.Contains(k, "*") {
			return false
		}
	}
	return true
}

// mediaKind is how a body of a non-JSON media type travels.
func mediaKind(media string, mt *openapi3.MediaType) BodyKind {
	base := mediaBase(media)
	switch {
	case strings.HasPrefix(base, "multipart/"):
		return BodyMultipart
	case base == "application/x-www-form-urlencoded":
		return BodyForm
	case base == "text/event-stream":
		// Server-sent events arrive over time; reading them in full would
		// wait for the server to hang up.
		return BodyBinary
	case strings.HasPrefix(base, "text/") && !isBinary(mt.Schema):
		return BodyText
	}
	return BodyBinary
}

// isBinary reports whether a schema describes raw bytes: a string (or an
// untyped schema) of format binary, or (OpenAPI 3.1) one with a
// contentMediaType or contentEncoding.
func isBinary(sr *openapi3.SchemaRef) bool {
	if sr == nil || sr.Value == nil {
		return false
	}
	s := sr.Value
	if s.ContentMediaType != "" || s.ContentEncoding != "" {
		return true
	}
	// format: binary without a type (Cloudflare's image upload `file`)
	// names bytes too: no JSON value has that format.
	return s.Format == "binary" && (typeIs(s, "string") ||
		len(nonNullTypes(s)) == 0 && len(s.Properties) == 0 && s.Items == nil && !composes(s))
}

// filesOf reports whether a schema is several files: an array of binary
// strings, or a oneOf/anyOf whose members are each a file or such an array.
func filesOf(s *openapi3.Schema) bool {
	if typeIs(s, "array") {
		return isBinary(s.Items)
	}
	members := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	for _, m := range members {
		if !isBinary(m) && (m == nil || m.Value == nil || !typeIs(m.Value, "array") || !isBinary(m.Value.Items)) {
			return false
		}
	}
	return len(members) > 0
}

// planBody plans an operation's request body.
func (p *planner) planBody(o *Operation, rb *openapi3.RequestBody, parts, where string, pos diag.Pos) *RequestBody {
	media, kind := requestMedia(rb.Content)
	if kind == BodyNone {
		return nil
	}
	mt := rb.Content[media]
	b := &RequestBody{Kind: kind, MediaType: media, Required: rb.Required}
	where += ".content." + media
	if kind == BodyJSON && strings.Contains(media, "*") {
		b.MediaType = "application/json" // wildcardJSONKey
	}
	switch kind {
	case BodyJSON:
		// A JSON body without a schema is any JSON value, taken verbatim.
		b.Type = p.refOf(mt.Schema, bodyCtx(o.Name), where+".schema", false)
	case BodyForm:
		if sr := mt.Schema; sr != nil && sr.Value != nil && len(nonNullTypes(sr.Value)) == 1 && typeIs(sr.Value, "string") && !structured(sr.Value) {
			// A form body whose schema is a string is the encoded form
			// itself (spoonacular's /food/detect: "text=I like tacos"):
			// the method takes that text and sends it as it is, as a
			// text body, labelled with the form's media type.
			if isBinary(sr) {
				b.Kind = BodyBinary // the encoded form as bytes
				break
			}
			b.Kind = BodyText
			b.Type = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
			break
		}
		// The context oapiContent uses, so both name an inline schema alike.
		b.Type = p.refOf(mt.Schema, o.Name+"Request"+GoName(mediaLabel(media)), where+".schema", false)
		p.planFormFields(b, mt, where, pos)
	case BodyText:
		b.Type = &Ref{Kind: RefBuiltin, Builtin: String, C: noConstraints()}
		if sr := mt.Schema; sr != nil && sr.Value != nil && textScalar(sr.Value) && !p.isNullable(sr.Value) {
			// text/plain of type number (integer, boolean): the method
			// takes the typed value and sends its text ("1.5"), so a
			// caller cannot send text the schema refuses.
			b.Type = p.refOf(sr, bodyCtx(o.Name), where+".schema", false)
			b.FormatText = true
		}
	case BodyMultipart:
		if !p.planParts(b, mt, parts, where, pos) {
			p.warn(pos, where, "multipart body has no properties to make parts of; the method takes the encoded body as an io.Reader with its content type (boundary included)")
			b.Kind = BodyBinary
		}
	case BodyBinary:
		if media == "" {
			// Spoonacular's content: {"": ...}: no media type to send.
			p.warn(pos, where, "request body content key \"\" is not a media type: the method takes the encoded body as an io.Reader, and its contentType argument says the Content-Type")
			break
		}
		if mt.Schema != nil && mt.Schema.Value != nil && !isBinary(mt.Schema) && structured(mt.Schema.Value) {
			// Mastodon's application/form-data, an XML-only body: the
			// schema describes fields the client has no encoding for.
			p.warn(pos, where, "request body of media type %s has a schema of fields, but the client encodes only JSON, form, multipart and text bodies; the method takes the encoded body as an io.Reader", media)
		}
	}
	if b.Kind == BodyBinary {
		p.planBinary(b, rb.Content, mt, where, pos)
	}
	return b
}

// planBinary decides what a body sent as bytes may be labelled and how
// its bytes travel. A range (image/*, */*) is not a Content-Type: the
// caller names the concrete type, which must fall in a range or be one of
// the types the spec lists; application/octet-stream is the default only
// where a range admits it.
func (p *planner) planBinary(b *RequestBody, c openapi3.Content, mt *openapi3.MediaType, where string, pos diag.Pos) {
	b.Accepts = slices.Sorted(maps.Keys(c))
	if strings.Contains(b.MediaType, "*") {
		b.MediaType = ""
	}
	for _, k := range b.Accepts {
		switch mediaBase(k) {
		case "*/*", "application/*", "application/octet-stream":
			b.MediaType = cmp.Or(b.MediaType, "application/octet-stream")
		}
		if base := mediaBase(k); base == "*/*" || base == "application/octet-stream" {
			// Any bytes, labelled as the caller knows them: nothing to check.
			b.Accepts = nil
			break
		}
	}
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return
	}
	b.Encoding = p.contentEncoding(mt.Schema.Value, "the body is sent as the caller's bytes", where, pos)
}

// contentEncoding is the transfer encoding a binary body's schema declares
// for its bytes: "base64" for a string of format byte (OpenAPI 3.0's
// spelling) or contentEncoding base64 (3.1's), "base64url", or "" for the
// bytes as they are. Another encoding gets a warning ending in otherwise.
func (p *planner) contentEncoding(s *openapi3.Schema, otherwise, where string, pos diag.Pos) string {
	switch enc := strings.ToLower(s.ContentEncoding); {
	case enc == "base64", enc == "base64url":
		return enc
	case enc != "" && enc != "binary" && enc != "7bit" && enc != "8bit" && enc != "identity":
		p.warn(pos, where+".schema.contentEncoding", "contentEncoding %q is not applied: %s", s.ContentEncoding, otherwise)
	case enc == "" && typeIs(s, "string") && s.Format == "byte":
		// A validating server checks such a body is base64 text.
		return "base64"
	}
	return ""
}

// mediaBase is a media type without its parameters, lower-cased.
func mediaBase(media string) string {
	return strings.ToLower(strings.TrimSpace(strings.Split(media, ";")[0]))
}

// textScalar reports whether a text body's schema is one number, integer
// or boolean type (no enum, no union): a value with one text form.
func textScalar(s *openapi3.Schema) bool {
	ts := nonNullTypes(s)
	return len(ts) == 1 && (ts[0] == "number" || ts[0] == "integer" || ts[0] == "boolean") &&
		len(enumValues(s)) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 && len(s.AllOf) == 0 && externalRef(s) == nil
}

// structured reports whether a schema describes fields or items (an object
// or an array), not one scalar.
func structured(s *openapi3.Schema) bool {
	return typeIs(s, "object") || typeIs(s, "array") || len(s.Properties) > 0 || len(s.AllOf) > 0
}

// planFormFields decides how each property of a form body is written. A
// scalar, or an array of scalars, in OpenAPI's default encoding (style
// form, exploded) is one field per value. A property the spec's encoding
// gives a style, explode or allowReserved, and an object (which the
// default spreads into its members: min=1&max=2), is written in that
// style, as a query parameter would be (b.FormFields); one whose encoding
// names a JSON content type alone, or a union, is its JSON text. What a style has no
// form for (values nested in an object or array) goes as JSON text, with
// a warning.
func (p *planner) planFormFields(b *RequestBody, mt *openapi3.MediaType, where string, pos diag.Pos) {
	r := b.Type
	for r.Kind == RefNamed && r.Named.Kind == KindAlias && r.Named.GoAlias {
		r = r.Named.Elem
	}
	if r.Kind != RefNamed || r.Named.Kind != KindStruct {
		return
	}
	for _, f := range r.Named.Fields {
		fw := where + ".schema.properties." + f.JSONName
		enc := mt.Encoding[f.JSONName]
		if enc != nil {
			fw = where + ".encoding." + f.JSONName
		}
		shape := shapeOf(f.Type)
		declared := enc != nil && (enc.Style != "" || enc.Explode != nil || enc.AllowReserved)
		if enc != nil && !declared && enc.ContentType != "" && isJSONMedia(enc.ContentType) {
			// Its JSON text, whole, as the encoding says (an array too).
			b.FormFields = append(b.FormFields, &FormField{Name: f.JSONName, JSON: true})
			continue
		}
		if shape == shapeUnknown {
			p.warn(pos, fw, "form field %q has no one form (a union or a value of any shape); it is sent as JSON text", f.JSONName)
			b.FormFields = append(b.FormFields, &FormField{Name: f.JSONName, JSON: true})
			continue
		}
		if !declared && shape != shapeObject && shape != shapeFreeForm {
			e := f.Type
			for e.Kind == RefNamed && e.Named.Kind == KindAlias {
				e = e.Named.Elem
			}
			if e.Kind == RefSlice && !scalarRef(e.Elem) {
				p.warn(pos, fw, "form field %q: style form has no form for arrays of arrays or objects; each item is sent as JSON text", f.JSONName)
			}
			continue
		}
		ff := &FormField{Name: f.JSONName, Style: "form"}
		if enc != nil && enc.Style != "" {
			switch enc.Style {
			case "form", "spaceDelimited", "pipeDelimited", "deepObject":
				ff.Style = enc.Style
			default:
				p.warn(pos, fw, "form field %q: style %s is not defined for form bodies; sent in style form", f.JSONName, enc.Style)
			}
		}
		ff.Explode = ff.Style == "form"
		if enc != nil && enc.Explode != nil {
			ff.Explode = *enc.Explode
		}
		ff.AllowReserved = enc != nil && enc.AllowReserved
		switch {
		case ff.Style == "deepObject" && shape != shapeObject && shape != shapeFreeForm:
			p.warn(pos, fw, "form field %q: deepObject is only defined for objects; sent in style form, exploded", f.JSONName)
			ff.Style, ff.Explode = "form", true
		case ff.Style == "deepObject":
			ff.Explode = true
			if shape == shapeFreeForm || nestedIn(f.Type) {
				p.warn(pos, fw, "form field %q: OpenAPI does not define deepObject for nested values; nested objects are sent as name[a][b]=v, arrays as repeated name[a]=v", f.JSONName)
			}
		case shape == shapeFreeForm:
			p.warn(pos, fw, "form field %q has a free-form schema: its value is sent in style %s by the shape of its JSON value; arrays or objects nested in it, which the style has no form for, go as JSON text", f.JSONName, ff.Style)
		case nestedIn(f.Type):
			p.warn(pos, fw, "form field %q: style %s has no form for nested arrays or objects; nested values are sent as JSON text", f.JSONName, ff.Style)
		}
		b.FormFields = append(b.FormFields, ff)
	}
}

// scalarRef reports whether a value of r has one text form: a string,
// number, boolean, time or an enum of those.
func scalarRef(r *Ref) bool {
	for r.Kind == RefNamed && r.Named.Kind == KindAlias {
		r = r.Named.Elem
	}
	switch r.Kind {
	case RefBuiltin:
		return r.Builtin != RawJSON && r.Builtin != NoneType
	case RefNamed:
		if u := r.Named.Union; r.Named.Kind == KindUnion && u != nil {
			// string | enum, number | string: still one text form.
			for _, v := range u.Variants {
				if !scalarRef(v.Type) {
					return false
				}
			}
			return len(u.Variants) > 0
		}
		return r.Named.Kind == KindEnum
	}
	return false
}

// planParts plans a multipart body's parts struct: one field per property
// (allOf merged), files as oas.File, each written as the encoding map says
// or as OpenAPI's defaults do. It reports false when there are no
// properties.
func (p *planner) planParts(b *RequestBody, mt *openapi3.MediaType, name, where string, pos diag.Pos) bool {
	if mt.Schema == nil || mt.Schema.Value == nil || name == "" {
		return false
	}
	props, required, order := p.collectProps(mt.Schema.Value, where+".schema")
	if len(props) == 0 {
		return false
	}
	sub := mediaBase(b.MediaType)
	t := &Type{Name: name, Where: where, Pos: pos, Kind: KindStruct,
		Doc: "holds the parts of a " + sub + " request body: files as oas.File, other values as text or JSON."}
	fieldNames := newNamer("Validate", "ValidateInto")
	keys := slices.Sorted(maps.Keys(props))
	if sub != "multipart/form-data" {
		// Parts of other subtypes are ordered (multipart/related's first
		// part is its root, RFC 2387): the spec's order.
		keys = order
	}
	for _, k := range keys {
		sr := props[k]
		if sr == nil || sr.Value == nil {
			continue
		}
		want := GoName(k)
		if want == "" {
			want = "Part"
		}
		fname, renamed := fieldNames.claim(want, "part "+k)
		if renamed {
			p.warn(pos, where+".schema.properties."+k, "field name %s is already used in %s; this one is named %s", want, name, fname)
		}
		part := &Part{}
		var ref *Ref
		switch s := sr.Value; {
		case isBinary(sr):
			ref, part.Kind = fileRef(), PartFile
		case filesOf(s):
			// An array of files, or a union of one file and an array of
			// them (OpenAI's image edits): one part per file.
			ref, part.Kind, part.Repeated = &Ref{Kind: RefSlice, Elem: fileRef(), C: noConstraints()}, PartFile, true
		default:
			ref = p.refOf(sr, name+want, where+".schema.properties."+k, false)
			e := ref
			if e.Kind == RefSlice {
				e = e.Elem
				part.Repeated = true
			}
			if !scalarRef(e) {
				part.Kind, part.Repeated = PartJSON, false
			}
			if part.Kind == PartText {
				// A part has no null: a nullable scalar is sent when set.
				ref.Nullable, e.Nullable = false, false
			}
		}
		part.ContentType = map[PartKind]string{PartText: "text/plain", PartFile: "application/octet-stream", PartJSON: "application/json"}[part.Kind]
		if enc := mt.Encoding[k]; enc != nil && enc.ContentType != "" {
			// A list ("image/png, image/jpeg") or a range allows several;
			// the first concrete one is sent unless a file says otherwise.
			for _, ct := range strings.Split(enc.ContentType, ",") {
				if ct = strings.TrimSpace(ct); ct != "" && !strings.Contains(ct, "*") {
					part.ContentType = ct
					break
				}
			}
			if part.Kind == PartText && strings.Contains(strings.ToLower(part.ContentType), "json") {
				part.Kind, part.Repeated = PartJSON, false
			}
			if part.Kind == PartJSON && mediaBase(part.ContentType) == "application/x-www-form-urlencoded" && shapeOf(ref) == shapeObject {
				// Labelled a form, so sent as one, not as JSON text.
				part.Kind = PartForm
			}
		}
		f := &Field{Name: fname, JSONName: k, Type: ref, Required: required[k], Doc: docOf(sr.Value),
			Deprecated: sr.Value.Deprecated, RequestRequired: required[k], Pos: pos}
		f.Wrap = wrapOf(f.Required, false)
		part.Field = f
		t.Fields = append(t.Fields, f)
		b.PartList = append(b.PartList, part)
	}
	b.Parts = t
	b.Type = &Ref{Kind: RefNamed, Named: t, C: noConstraints()}
	return true
}

// noBodyStatus reports the statuses whose body Go's HTTP client never
// reads (net/http's bodyAllowedForStatus). HTTP forbids content on a 205
// too, but Go reads it and real servers send one (Gitea answers a 205 with
// the notifications it reset), so a 205's declared body is decoded, and
// an empty one is the empty result an empty 2xx body always is.
func noBodyStatus(code string) bool { return code == "204" || code == "304" }

// planResponse plans one response: how its body is read.
func (p *planner) planResponse(r *openapi3.Response, op, code, where string, pos diag.Pos) *Response {
	resp := &Response{Status: code}
	if r.Description != nil {
		resp.Description = *r.Description
	}
	if len(r.Content) == 0 {
		return resp
	}
	if noBodyStatus(code) {
		// Real specs declare one; the server cannot send it, and Go's client
		// hands over an empty body.
		p.warn(pos, where, "a %s response has no body, whatever the spec declares; the declared content is ignored", code)
		return resp
	}
	if k := jsonMediaKey(r.Content); k != "" {
		resp.Kind, resp.MediaType = BodyJSON, k
		resp.Body = p.refOf(r.Content[k].Schema, responseCtx(op, code), where, false)
		return resp
	}
	if k := wildcardJSONKey(r.Content); k != "" && onlyRanges(r.Content) {
		// Only ranges, one with a schema of fields: read as JSON, asked
		// for by the range (a server picks its type within it).
		resp.Kind, resp.MediaType = BodyJSON, k
		resp.Body = p.refOf(r.Content[k].Schema, responseCtx(op, code), where, false)
		return resp
	}
	// Several non-JSON media types: text when all are text, else a stream,
	// which carries any of them.
	resp.Kind = BodyText
	for _, k := range slices.Sorted(maps.Keys(r.Content)) {
		if mt := r.Content[k]; mt != nil {
			if resp.MediaType == "" {
				resp.MediaType = k
			}
			if mediaKind(k, mt) != BodyText {
				resp.Kind, resp.MediaType = BodyBinary, k
				if mt.Schema != nil && mt.Schema.Value != nil {
					// The stream hands over the bytes the encoding carries.
					resp.Encoding = p.contentEncoding(mt.Schema.Value, "the stream holds the body's bytes as sent", where+".content."+k, pos)
				}
				break
			}
		}
	}
	return resp
}

// planAccept sets the Accept header the call sends when the runtime's
// (application/json) is not what the responses are: the media type of
// every documented 2xx body, then those only documented error bodies come
// in. The runtime asks for application/json unless told otherwise, and a
// negotiating server answers 406 to an Accept no documented body matches:
// a JSON media type of another name (application/jsonl, Docker's
// /events), text, a stream, or an error body in application/problem+json
// or a vendor type (Vimeo's operations that document only errors) must be
// asked for.
func planAccept(o *Operation) {
	var ok, errs []string
	plain := true
	for i, rs := range [][]*Response{o.Successes, o.Errors} {
		for _, r := range rs {
			if r.Kind == BodyNone || r.MediaType == "" {
				continue
			}
			plain = plain && r.Kind == BodyJSON && r.MediaType == "application/json"
			if i == 0 {
				ok = append(ok, r.MediaType)
			} else {
				errs = append(errs, r.MediaType)
			}
		}
	}
	if plain {
		return
	}
	slices.Sort(ok)
	slices.Sort(errs)
	ok = slices.Compact(ok)
	for _, t := range slices.Compact(errs) {
		if !slices.Contains(ok, t) {
			ok = append(ok, t)
		}
	}
	o.Accept = strings.Join(ok, ", ")
}

// planResult decides what the method returns from the 2xx responses.
func (p *planner) planResult(o *Operation, where string, pos diag.Pos) {
	planAccept(o)
	var bodied []*Response
	// A non-2xx result (x-speakeasy-errors, errors.go) needs the
	// <Op>Result struct, whose StatusCode tells it from a 2xx.
	same := true
	for _, r := range o.Successes {
		if r.Kind != BodyNone {
			bodied = append(bodied, r)
		}
		same = same && (r.Status[0] == '2' || r.Status == "default")
	}
	if len(bodied) == 0 && same {
		return
	}
	for i := 1; i < len(bodied); i++ {
		same = same && sameBody(bodied[i], bodied[0])
	}
	for _, r := range bodied {
		o.Stream = o.Stream || r.Kind == BodyBinary
	}
	if same {
		o.Result = bodied[0]
		o.ResultPointer = o.Result.Kind == BodyJSON && isStruct(o.Result.Body)
		return
	}
	want := o.Name + "Result"
	if owner := p.names.used[want]; owner == "operation "+o.Name {
		// reserveOperationTypeNames reserved it for this operation.
		o.ResultType = want
	} else {
		o.ResultType, _ = p.names.claim(want, "result of operation "+o.Name)
		p.warn(pos, where, "type name %s is already used; the result of %s is %s", want, o.Name, o.ResultType)
	}
	fields := newNamer("StatusCode")
	for _, r := range bodied {
		want := statusName(r.Status)
		if want == "Ok" {
			want = "OK" // the status text, and the Go initialism
		}
		if _, err := strconv.Atoi(r.Status); err != nil {
			want = "Status" + strings.ToUpper(r.Status) // 2XX → Status2XX, default → StatusDEFAULT
			if r.Status == "default" {
				want = "Default"
			}
		}
		r.Field, _ = fields.claim(want, r.Status)
		r.Pointer = r.Kind != BodyJSON || !r.Body.Nullable && !r.Body.Nilable()
	}
}

// sameBody reports whether two responses' bodies are read as the same Go
// value.
func sameBody(a, b *Response) bool {
	return a.Kind == b.Kind && a.Encoding == b.Encoding && (a.Kind != BodyJSON || sameRef(a.Body, b.Body))
}

func sameRef(a, b *Ref) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Kind == b.Kind && a.Builtin == b.Builtin && a.Named == b.Named && a.Nullable == b.Nullable &&
		a.Pointer == b.Pointer && a.Go == b.Go && sameRef(a.Elem, b.Elem)
}

// jsonMediaKey is the JSON media type of a content map, "" when none.
func jsonMediaKey(c openapi3.Content) string {
	mt := jsonMedia(c)
	if mt == nil {
		return ""
	}
	for _, k := range slices.Sorted(maps.Keys(c)) {
		if c[k] == mt {
			return k
		}
	}
	return ""
}
