package main

// Who is at fault: the predicates that tell Prism's own mistakes and the
// spec's own from the client's, each naming the Prism behaviour or the
// OpenAPI rule it recognises. classify (report.go) asks them in turn.

import (
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"mime/multipart"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/internal/conformance/driver"
)

// unsignedNegative matches a decode error for a negative number in a
// field whose spec format is unsigned (uint32, uint64).
var unsignedNegative = regexp.MustCompile(`cannot unmarshal number -[0-9]+ into Go value of type uint(32|64)\b`)

// requiredProperty matches Prism's "must have required property 'x'".
var requiredProperty = regexp.MustCompile(`must have required property '([^']+)'`)

// prismFoldsCase recognises Prism 5.16 looking a deepObject (or matrix)
// parameter up by its lower-cased name: it reports the lower-cased name
// missing while the request carries the name as the spec spells it.
func prismFoldsCase(msg, request string) bool {
	m := requiredProperty.FindStringSubmatch(msg)
	if m == nil || m[1] != strings.ToLower(m[1]) {
		return false
	}
	_, rawURL, _ := strings.Cut(request, " ")
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	for k := range u.Query() {
		name, _, _ := strings.Cut(k, "[")
		if name != m[1] && strings.EqualFold(name, m[1]) {
			return true
		}
	}
	return false
}

// prismFormArray recognises Prism 5.16 reading a form body's array, sent
// as the key once per element (OpenAPI's form style, exploded), as a
// string when there is one element (stoplightio/prism#2473).
func prismFormArray(v driver.Violation, e *driver.Exchange) bool {
	if len(v.Location) != 3 || v.Location[1] != "body" || !(strings.HasSuffix(v.Message, "must be array") || strings.HasSuffix(v.Message, "must be array,null")) {
		return false
	}
	ct := strings.ToLower(e.Header.Get("Content-Type"))
	if !strings.HasPrefix(ct, "application/x-www-form-urlencoded") && !strings.HasPrefix(ct, "multipart/form-data") {
		return false
	}
	form, err := url.ParseQuery(e.Body)
	if strings.HasPrefix(ct, "multipart/") {
		return strings.Contains(e.Body, `name="`+v.Location[2]+`"`)
	}
	return err == nil && len(form[v.Location[2]]) > 0
}

// prismRawBody names Prism's mistake when it judged a request body it
// cannot parse by checking the body's raw text against the schema: Prism
// 5.16 deserializes only application/x-www-form-urlencoded and
// multipart/form-data bodies besides JSON (prism-http's
// validator/validators/body.js), so a multipart/related or mixed body
// "must be object" and a text/plain body of a number schema "must be
// number", whatever was sent. "" when the violation is not that.
func prismRawBody(v driver.Violation, e *driver.Exchange) string {
	if len(v.Location) != 2 || v.Location[0] != "request" || v.Location[1] != "body" {
		return ""
	}
	base := strings.ToLower(strings.TrimSpace(strings.Split(e.Header.Get("Content-Type"), ";")[0]))
	switch {
	case base == "application/x-www-form-urlencoded" && strings.HasSuffix(v.Message, "must be string"):
		// A form body whose schema is a string (the encoded form text,
		// spoonacular's /food/detect): Prism parses every form body into
		// an object before checking it, so no text can pass.
		return "prism: parses a form body into an object, also where its schema is a string (the encoded text)"
	case base == "application/octet-stream" && strings.HasSuffix(v.Message, "must be object"):
		// The spec gives arbitrary bytes a schema of fields (Google's
		// media uploads as APIs.guru converted them); the client sends the
		// bytes it is given, with a warning at generation, and Prism
		// checks them as the object, which no bytes are.
		return "spec: application/octet-stream with a schema of fields (the client sends the caller's bytes, warned at generation)"
	case strings.HasPrefix(base, "multipart/") && base != "multipart/form-data" && strings.HasSuffix(v.Message, "must be object"):
		return "prism: parses no " + base + " body (only form-data, stoplightio/prism#2321; it checks the raw text as the object)"
	case strings.HasPrefix(base, "text/"):
		m := nonStringType.FindStringSubmatch(v.Message)
		if m == nil {
			return ""
		}
		text := strings.TrimSpace(e.Body)
		_, numErr := strconv.ParseFloat(text, 64)
		_, intErr := strconv.ParseInt(text, 10, 64)
		if m[1] == "number" && numErr == nil || m[1] == "integer" && intErr == nil || m[1] == "boolean" && (text == "true" || text == "false") {
			return "prism: checks a " + base + " body as a string, not as the " + m[1] + " its text spells"
		}
	}
	return ""
}

// noConsumes recognises a Swagger 2.0 body parameter in an operation
// that lists no consumes, anywhere (Quay's spec): the converted document
// has a request body, Prism, reading the original, accepts none.
func noConsumes(v driver.Violation, op *openapi3.Operation) bool {
	return op != nil && op.RequestBody != nil && len(v.Location) == 1 && v.Location[0] == "request" &&
		v.Message == "No supported content types, but request included a non-empty body"
}

// prismNoMediaBody recognises Prism 5.16's 415 "No supported content
// types, but request included a non-empty body" to an operation that has
// a request body: a Swagger 2.0 body parameter with no consumes, at the operation or
// the top (swaggo's output, Woodpecker's), becomes in Prism's conversion a
// body with no media type, and Prism then refuses every body. OpenAPI
// gives the body JSON (the client's application/json, kin-openapi's
// conversion); no media type names anything else to send.
func prismNoMediaBody(e *driver.Exchange, op *openapi3.Operation) bool {
	return e.Status == 415 && op != nil && op.RequestBody != nil &&
		strings.Contains(e.RespBody, "INVALID_CONTENT_TYPE") && strings.Contains(e.RespBody, "No supported content types, but request included a non-empty body")
}

// unionArrayMessage matches what Prism says of a parameter that matches
// no member of a union: each member's type, or the union itself.
var unionArrayMessage = regexp.MustCompile(`(must be [a-z]+(,null)?|must match a schema in anyOf|must match exactly one schema in oneOf)$`)

// prismUnionArrayParam recognises Prism 5.16 reading a query parameter
// whose schema is a union with an array member (FastAPI's optional list:
// anyOf [array, null], Mistral's sources) as its text when one item is
// sent: ?sources=api is the array ["api"] in style form (exploded or
// not), but Prism turns a lone value into an array only when the
// schema's own type is array, so every member fails ("must be array",
// "must be null", "must match a schema in anyOf"). True only when the
// parameter was sent once, with no comma, and [value] satisfies an array
// member.
func prismUnionArrayParam(v driver.Violation, op *openapi3.Operation, request string) bool {
	if op == nil || len(v.Location) != 3 || v.Location[0] != "request" || v.Location[1] != "query" || !unionArrayMessage.MatchString(v.Message) {
		return false
	}
	_, rawURL, _ := strings.Cut(request, " ")
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	sent := u.Query()[v.Location[2]]
	if len(sent) != 1 || strings.Contains(sent[0], ",") {
		return false
	}
	for _, pr := range op.Parameters {
		p := pr.Value
		if p == nil || p.In != "query" || p.Name != v.Location[2] || p.Schema == nil || p.Schema.Value == nil {
			continue
		}
		y := &synth{request: true}
		for _, m := range append(slices.Clone(p.Schema.Value.AnyOf), p.Schema.Value.OneOf...) {
			if m == nil || m.Value == nil || typeOf(m.Value) != "array" {
				continue
			}
			if y.valid(m.Value, []any{queryScalar(m.Value.Items, sent[0])}) {
				return true
			}
		}
	}
	return false
}

// queryScalar is query text as the JSON value an item schema of type
// integer, number or boolean reads it as; the text itself otherwise.
func queryScalar(items *openapi3.SchemaRef, text string) any {
	if items == nil || items.Value == nil {
		return text
	}
	switch typeOf(items.Value) {
	case "integer", "number":
		if f, err := strconv.ParseFloat(text, 64); err == nil {
			return f
		}
	case "boolean":
		if b, err := strconv.ParseBool(text); err == nil {
			return b
		}
	}
	return text
}

// violatedHeader is the lower-cased name of the header parameter a
// violation is about, whether its value is wrong (request.header.<name>)
// or it is missing ("must have required property '<name>'"), or "".
func violatedHeader(v driver.Violation) string {
	if len(v.Location) < 2 || v.Location[0] != "request" || v.Location[1] != "header" {
		return ""
	}
	if len(v.Location) == 3 {
		return strings.ToLower(v.Location[2])
	}
	const pre = "Request header must have required property '"
	if len(v.Location) == 2 && strings.HasPrefix(v.Message, pre) && strings.HasSuffix(v.Message, "'") {
		return strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(v.Message, pre), "'"))
	}
	return ""
}

// prismNullBody recognises Prism 5.16 taking a JSON body of null for no
// body: a required body whose schema allows only null (or null among
// others) has no request that passes, as null is then "missing".
func prismNullBody(v driver.Violation, e *driver.Exchange) bool {
	return len(v.Location) == 1 && v.Location[0] == "request" && v.Message == "Body parameter is required" &&
		strings.TrimSpace(e.Body) == "null"
}

// prismJSONPart recognises Prism 5.16 checking a multipart/form-data part
// as its raw text: it keeps every part as a string and deserializes one
// only for an encoding with a style (prism-http's
// validator/validators/body.js, parseMultipartFormDataParams), so an
// object or array property, which OpenAPI sends as an application/json
// part, "must be object" whatever the part holds. True only when the part
// was sent as application/json and holds JSON of that type.
func prismJSONPart(v driver.Violation, e *driver.Exchange) bool {
	if len(v.Location) != 3 || v.Location[0] != "request" || v.Location[1] != "body" {
		return false
	}
	m := nonObjectType.FindStringSubmatch(v.Message)
	if m == nil {
		return false
	}
	mt, params, err := mime.ParseMediaType(e.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return false
	}
	r := multipart.NewReader(strings.NewReader(e.Body), params["boundary"])
	for {
		part, err := r.NextPart()
		if err != nil {
			return false
		}
		if part.FormName() != v.Location[2] {
			continue
		}
		pt, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if pt != "application/json" && !strings.HasSuffix(pt, "+json") {
			return false
		}
		var value any
		if err := json.NewDecoder(part).Decode(&value); err != nil {
			return false
		}
		switch value.(type) {
		case map[string]any:
			return m[1] == "object"
		case []any:
			return m[1] == "array"
		}
		return false
	}
}

var nonObjectType = regexp.MustCompile(`must be (object|array)(,null)?$`)

var nonStringType = regexp.MustCompile(`must be (number|integer|boolean)(,null)?$`)

// undeclaredRequired reports a request body violation "must have required
// property 'x'" where the body's schema at that place lists x in required
// without declaring it among its properties (xero-files' FileObject
// requires id and name beside properties Id and Name, and manufacturer,
// which it never defines). The generator warns that it ignores such a
// name; no value of the generated type can carry it, so no request can
// meet the schema: the spec's mistake.
func undeclaredRequired(v driver.Violation, op *openapi3.Operation) bool {
	m := requiredProperty.FindStringSubmatch(v.Message)
	if m == nil || op == nil || len(v.Location) < 2 || v.Location[0] != "request" || v.Location[1] != "body" ||
		op.RequestBody == nil || op.RequestBody.Value == nil {
		return false
	}
	mt := jsonMedia(op.RequestBody.Value.Content)
	if mt == nil {
		for _, k := range sortedKeys(op.RequestBody.Value.Content) {
			mt = op.RequestBody.Value.Content[k]
			break
		}
	}
	if mt == nil || mt.Schema == nil {
		return false
	}
	schemas := []*openapi3.Schema{mt.Schema.Value}
	for _, seg := range v.Location[2:] {
		var next []*openapi3.Schema
		for _, s := range flattenAllOf(schemas) {
			if p := s.Properties[seg]; p != nil && p.Value != nil {
				next = append(next, p.Value)
			} else if _, err := strconv.Atoi(seg); err == nil && s.Items != nil && s.Items.Value != nil {
				next = append(next, s.Items.Value)
			}
		}
		schemas = next
	}
	required, declared := false, false
	for _, s := range flattenAllOf(schemas) {
		required = required || slices.Contains(s.Required, m[1])
		declared = declared || s.Properties[m[1]] != nil
	}
	return required && !declared
}

// flattenAllOf is the schemas with their allOf members, recursively.
func flattenAllOf(ss []*openapi3.Schema) []*openapi3.Schema {
	var out []*openapi3.Schema
	var add func(s *openapi3.Schema, depth int)
	add = func(s *openapi3.Schema, depth int) {
		if s == nil || depth > 16 {
			return
		}
		out = append(out, s)
		for _, m := range s.AllOf {
			if m != nil {
				add(m.Value, depth+1)
			}
		}
	}
	for _, s := range ss {
		add(s, 0)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// untemplatedPathParam reports Prism asking for a path parameter the
// operation declares but its path template does not name: no URL can
// carry it (the generator warns and leaves it out).
func untemplatedPathParam(v driver.Violation, op *openapi3.Operation, path string) bool {
	const pre = "Request path must have required property '"
	if op == nil || !strings.HasPrefix(v.Message, pre) {
		return false
	}
	name := strings.TrimSuffix(strings.TrimPrefix(v.Message, pre), "'")
	return !strings.Contains(path, "{"+name+"}")
}

// prismFormObject reports Prism's mistake on a required query object
// parameter sent in style form, exploded (its members as name=value
// pairs, the parameter's own name absent, as OpenAPI's style table
// writes it). Prism 5.16 collects the pairs back into an object only when
// schema.type is "object", and then only the keys schema.properties names
// (prism-http's deserializers/style/form.js, deserializeImplodeObject): a
// schema with properties but no type, an object with no properties
// (free-form, additionalProperties only), or a schema that says nothing
// (`{}`, for which synth makes an object), comes back missing.
func prismFormObject(v driver.Violation, op *openapi3.Operation) bool {
	const pre = "Request query must have required property '"
	if op == nil || len(v.Location) != 2 || v.Location[1] != "query" || !strings.HasPrefix(v.Message, pre) {
		return false
	}
	name := strings.TrimSuffix(strings.TrimPrefix(v.Message, pre), "'")
	for _, pr := range op.Parameters {
		p := pr.Value
		// Prism names the parameter in lower case ('queryparam').
		if p == nil || p.In != "query" || !strings.EqualFold(p.Name, name) || p.Schema == nil || p.Schema.Value == nil {
			continue
		}
		s := p.Schema.Value
		exploded := p.Explode == nil || *p.Explode
		form := p.Style == "" || p.Style == "form"
		untyped := s.Type == nil || len(*s.Type) == 0
		untypedObject := untyped && (len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil)
		freeForm := s.Type.Is("object") && len(s.Properties) == 0
		// A schema that says nothing ({}) is given an object by synth.
		anything := untyped && len(s.Properties) == 0 && s.Items == nil && len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) == 0 && len(s.Enum) == 0
		return form && exploded && (untypedObject || freeForm || anything)
	}
	return false
}

// prismUntypedEnumParam recognises Prism 5.16 comparing a query
// parameter's text with the values of an enum that names no type
// (Cloudflare's `ssl: {enum: [0, 1]}`, `retry: {enum: [true]}`): it turns
// query text into numbers and booleans only by the schema's type, so
// "0" is never 0 and no request can pass. True only when the text sent is
// one of the enum's values as a query spells it.
func prismUntypedEnumParam(v driver.Violation, op *openapi3.Operation, request string) bool {
	if op == nil || len(v.Location) != 3 || v.Location[1] != "query" || !strings.Contains(v.Message, "must be equal to one of the allowed values") {
		return false
	}
	_, rawURL, _ := strings.Cut(request, " ")
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	sent, ok := u.Query()[v.Location[2]]
	if !ok || len(sent) != 1 {
		return false
	}
	for _, pr := range op.Parameters {
		p := pr.Value
		if p == nil || p.In != "query" || p.Name != v.Location[2] || p.Schema == nil || p.Schema.Value == nil {
			continue
		}
		s := p.Schema.Value
		if s.Type != nil && len(*s.Type) > 0 {
			return false
		}
		for _, e := range s.Enum {
			switch e.(type) {
			case float64, int, int64, bool:
				if fmt.Sprint(e) == sent[0] {
					return true
				}
			}
		}
	}
	return false
}

// prismReadOnlyInUnion recognises Prism 5.16 requiring a readOnly
// property in a request: OpenAPI 3.0.3 says a required readOnly property
// is required in responses only, and Prism strips readOnly properties
// from the body schema's own properties and items, but not inside
// oneOf/anyOf alternatives (prism-http's utils/filterRequiredProperties.js),
// so it demands them there (Cloudflare's member roles' name), and the
// alternative then fails its oneOf. True when some violation of the
// exchange's body is a required readOnly property at its place, and
// kin-openapi's validator, which exempts such properties in requests,
// accepts the JSON body as sent: every body violation of the exchange
// follows from that one.
func prismReadOnlyInUnion(e *driver.Exchange, op *openapi3.Operation) bool {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		return false
	}
	mt := jsonMedia(op.RequestBody.Value.Content)
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	readOnly := false
	for _, v := range e.Violations {
		m := requiredProperty.FindStringSubmatch(v.Message)
		if m == nil || len(v.Location) < 2 || v.Location[0] != "request" || v.Location[1] != "body" {
			continue
		}
		for _, s := range schemasAt(mt.Schema, v.Location[2:], 0, nil) {
			if !slices.Contains(s.Required, m[1]) {
				continue
			}
			for _, p := range findProps(s, m[1], 0, nil) {
				if p.Value != nil && p.Value.ReadOnly {
					readOnly = true
				}
			}
		}
	}
	if !readOnly {
		return false
	}
	var body any
	if err := json.Unmarshal([]byte(e.Body), &body); err != nil {
		return false
	}
	return mt.Schema.Value.VisitJSON(body, openapi3.VisitAsRequest()) == nil
}

// schemasAt appends the schemas that apply at path (property names and
// array indexes) inside sr: each one reached, and the members of every
// allOf, oneOf and anyOf on the way.
func schemasAt(sr *openapi3.SchemaRef, path []string, depth int, out []*openapi3.Schema) []*openapi3.Schema {
	if sr == nil || sr.Value == nil || depth > 64 {
		return out
	}
	s := sr.Value
	if len(path) == 0 {
		out = append(out, s)
	}
	for _, m := range members(s) {
		out = schemasAt(m, path, depth+1, out)
	}
	if len(path) == 0 {
		return out
	}
	if _, err := strconv.Atoi(path[0]); err == nil && s.Items != nil {
		return schemasAt(s.Items, path[1:], depth+1, out)
	}
	if p := s.Properties[path[0]]; p != nil {
		return schemasAt(p, path[1:], depth+1, out)
	}
	return out
}

// offMockRedirect reports an exchange that followed the redirect prev
// answered to a host other than the one first asked (Prism's).
func offMockRedirect(prev, first, e driver.Exchange) bool {
	return prev.Status/100 == 3 && requestHost(e.Request) != requestHost(first.Request)
}

// requestHost is the host of an exchange's "METHOD URL".
func requestHost(req string) string {
	_, raw, _ := strings.Cut(req, " ")
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}

// prismEncodedName recognises Prism 5.16 reporting a query parameter
// whose name needs escaping (ExaVault's resources[]) missing under its
// percent-encoded name ("resources%5b%5d") while the request carries it,
// escaped as RFC 3986 asks ("resources%5B%5D=...").
func prismEncodedName(msg, request string) bool {
	m := requiredProperty.FindStringSubmatch(msg)
	if m == nil || !strings.Contains(m[1], "%") {
		return false
	}
	want, err := url.QueryUnescape(m[1])
	if err != nil || want == m[1] {
		return false
	}
	_, rawURL, _ := strings.Cut(request, " ")
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	_, ok := u.Query()[want]
	return ok
}

// prismNullableParam recognises Prism 5.16 leaving a nullable array or
// object parameter as its raw text: its style deserializers (prism-http's
// validator/deserializers/style/form.js and the others) split the value
// only when schema.type is "array" or "object", and Prism turns OpenAPI
// 3.0's nullable: true into type [array, null] first, so it checks
// "id,title" as the array and finds a string (Getty Images' fields).
func prismNullableParam(v driver.Violation) bool {
	if len(v.Location) != 3 || v.Location[0] != "request" {
		return false
	}
	switch v.Location[1] {
	case "query", "header", "path", "cookie":
	default:
		return false
	}
	return strings.HasSuffix(v.Message, "must be array,null") || strings.HasSuffix(v.Message, "must be object,null")
}

// prismReservedPart recognises Prism 5.16 checking a multipart/form-data
// part for reserved characters: its validateAgainstReservedCharacters
// (prism-http's validator/validators/body.js) runs on every property
// with an encoding entry whose allowReserved is not true, multipart
// bodies included, where OpenAPI says style, explode and allowReserved do
// not apply (a part carries its value as it is, a form-encoded object
// "max=1&min=1" included). True only for a multipart/form-data request.
func prismReservedPart(v driver.Violation, e *driver.Exchange) bool {
	if len(v.Location) != 3 || v.Location[0] != "request" || v.Location[1] != "body" ||
		v.Message != "Reserved characters used in request body" {
		return false
	}
	mt, _, err := mime.ParseMediaType(e.Header.Get("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

// prismFormComposed reports Prism asking for a property a form body
// carries (Lichess's board seek: "must have required property 'time'"
// for rated=true&time=15): Prism decodes an application/x-www-form-urlencoded
// body by its schema's own properties, so one that only an allOf, oneOf or
// anyOf member declares is not read. True only when the body's schema
// composes and the property is in the body sent.
func prismFormComposed(v driver.Violation, e *driver.Exchange, op *openapi3.Operation) bool {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil || len(v.Location) < 2 ||
		v.Location[0] != "request" || v.Location[1] != "body" {
		return false
	}
	m := requiredPropertyRE.FindStringSubmatch(v.Message)
	union := strings.Contains(v.Message, "must match exactly one schema in oneOf") || strings.Contains(v.Message, "must match a schema in anyOf")
	if m == nil && !union {
		return false
	}
	mt, _, err := mime.ParseMediaType(e.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return false
	}
	media := op.RequestBody.Value.Content.Get(mt)
	if media == nil || media.Schema == nil || media.Schema.Value == nil {
		return false
	}
	s := media.Schema.Value
	if len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0 {
		return false
	}
	form, err := url.ParseQuery(e.Body)
	if err != nil {
		return false
	}
	if m != nil {
		if _, own := s.Properties[m[1]]; !own && form.Has(m[1]) {
			return true
		}
	}
	// The union fails as Prism read the body (its error, or one of the
	// member's it did not take): it is Prism's when a member has every
	// property it requires in the body sent.
	members := append(append(openapi3.SchemaRefs{}, s.OneOf...), s.AnyOf...)
	for _, a := range s.AllOf {
		if a != nil && a.Value != nil {
			members = append(append(members, a.Value.OneOf...), a.Value.AnyOf...)
		}
	}
	for _, mem := range members {
		if mem == nil || mem.Value == nil || len(mem.Value.Required) == 0 {
			continue
		}
		if !slices.ContainsFunc(mem.Value.Required, func(r string) bool { return !form.Has(r) }) {
			return true
		}
	}
	return false
}

// requiredPropertyRE is Prism's (ajv's) message for a missing required
// property, and the property.
var requiredPropertyRE = regexp.MustCompile(`must have required property '([^']+)'`)

// oneOfNotExclusive names the oneOf members that the JSON body sent
// satisfies, at the place a body violation points to (Prism words a oneOf
// that fails as "must match exactly one schema in oneOf", or as the
// members' own errors: Ory Kratos's "must have required property
// 'provider'" for a password login that the identifier-first member
// matches too), when there are two or more: each member checked
// alone with kin-openapi (the discriminator, which picks one member for
// kin-openapi and the generated client, is not part of JSON Schema, and
// Prism ignores it). Members that overlap so (two allOf of one base,
// their discriminator property's enum shared) let no value match exactly
// one: the spec's mistake. "" when the violation is not that.
func oneOfNotExclusive(v driver.Violation, e *driver.Exchange, op *openapi3.Operation) string {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil || len(v.Location) < 2 ||
		v.Location[0] != "request" || v.Location[1] != "body" {
		return ""
	}
	mt := jsonMedia(op.RequestBody.Value.Content)
	if mt == nil || mt.Schema == nil {
		return ""
	}
	var value any
	if err := json.Unmarshal([]byte(e.Body), &value); err != nil {
		return ""
	}
	for _, seg := range v.Location[2:] {
		switch x := value.(type) {
		case map[string]any:
			value = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return ""
			}
			value = x[i]
		default:
			return ""
		}
	}
	y := &synth{request: true}
	for _, s := range schemasAt(mt.Schema, v.Location[2:], 0, nil) {
		var matched []string
		for i, m := range s.OneOf {
			if m == nil || m.Value == nil {
				continue
			}
			if y.valid(m.Value, value) {
				name := m.Ref
				if name == "" {
					name = "#" + strconv.Itoa(i)
				}
				matched = append(matched, name)
			}
		}
		if len(matched) > 1 {
			return strings.Join(matched, ", ")
		}
	}
	return ""
}

// securityAlternatives is an operation's security requirements (its own,
// else the document's), each alternative as the schemes it needs.
func securityAlternatives(doc *openapi3.T, op *openapi3.Operation) [][]*openapi3.SecurityScheme {
	reqs := doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	var out [][]*openapi3.SecurityScheme
	for _, req := range reqs {
		alt := []*openapi3.SecurityScheme{}
		for _, name := range sortedKeys(req) {
			var s *openapi3.SecurityScheme
			if doc.Components != nil {
				if r := doc.Components.SecuritySchemes[name]; r != nil {
					s = r.Value
				}
			}
			alt = append(alt, s)
		}
		out = append(out, alt)
	}
	return out
}

// credentialSent reports whether the request carries the credential of
// one of the security alternatives (or needs none): the header, query
// parameter or cookie an API key names, the Authorization header of the
// other schemes. A scheme it cannot resolve counts as not sent.
func credentialSent(e *driver.Exchange, alts [][]*openapi3.SecurityScheme) bool {
	if len(alts) == 0 {
		return true
	}
	_, rawURL, _ := strings.Cut(e.Request, " ")
	u, _ := url.Parse(rawURL)
	sent := func(s *openapi3.SecurityScheme) bool {
		if s == nil {
			return false
		}
		if s.Type != "apiKey" {
			return e.Header.Get("Authorization") != ""
		}
		switch s.In {
		case "header":
			return e.Header.Get(s.Name) != ""
		case "query":
			return u != nil && u.Query().Has(s.Name)
		case "cookie":
			for _, h := range e.Header.Values("Cookie") {
				for _, c := range strings.Split(h, ";") {
					if name, _, _ := strings.Cut(strings.TrimSpace(c), "="); name == s.Name {
						return true
					}
				}
			}
		}
		return false
	}
	for _, alt := range alts {
		if !slices.ContainsFunc(alt, func(s *openapi3.SecurityScheme) bool { return !sent(s) }) {
			return true
		}
	}
	return false
}

// noMediaType reports a request body whose content names no media type
// (Spoonacular's content: {"": ...}).
func noMediaType(op *openapi3.Operation) bool {
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		return false
	}
	_, ok := op.RequestBody.Value.Content[""]
	return ok
}
