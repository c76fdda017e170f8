package main

// Request values synthesized from schemas. A value is built from the
// schema's own example when that example satisfies the schema, else from
// its keywords (enum, const, format, pattern, bounds, lengths), with every
// optional property filled down to a depth, so that each field of the
// generated types is exercised. Every synthesized value is checked against
// the schema with kin-openapi's validator; a value that does not pass is
// reported as the harness's limit, never sent as if it were the client's.

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/load"
)

// synth builds values; request says readOnly properties are left out
// (they are response-only), as a client sends them.
type synth struct {
	request bool
	// full fills optional properties above this depth.
	full int
}

const maxDepth = 12

// valid reports whether v satisfies s.
func (y *synth) valid(s *openapi3.Schema, v any) bool {
	return y.why(s, v) == ""
}

// why says why v breaks s, "" when it does not: kin-openapi's validation,
// then the types the schema implies without declaring them (see
// impliedType), which the generated types hold it to.
func (y *synth) why(s *openapi3.Schema, v any) string {
	// The formats the client's Validate checks too: a value breaking one
	// (an example's short uuid) would not be sent at all.
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors(), load.FormatValidation(), openapi3.SetSchemaRegexCompiler(ecmaRegexp)}
	// After FormatValidation, whose map they add to: the formats Prism
	// checks that neither kin-openapi nor the client does.
	for _, f := range slices.Sorted(maps.Keys(ajvFormats)) {
		opts = append(opts, openapi3.WithStringFormatValidator(f, ajvFormats[f]))
	}
	if y.request {
		opts = append(opts, openapi3.VisitAsRequest())
	} else {
		opts = append(opts, openapi3.VisitAsResponse())
	}
	if err := s.VisitJSON(v, opts...); err != nil {
		return firstLine(err.Error())
	}
	return impliedType(s, v, "$", 0)
}

// ajvFormats are the string formats Prism checks (ajv-formats 2.1.1 in its
// full mode, as prism-http's validator loads it) that neither kin-openapi
// nor the generated Validate checks, with ajv-formats' own expressions
// (ECMAScript, lookaheads included). A spec's example breaking one
// (readme's duration "TBD", json-pointer "#/a~1b") is then the spec's
// mistake, and a value is synthesized instead of sending it. iri,
// iri-reference and the idn formats are not among them: ajv-formats
// defines none, and Prism lets unknown formats through.
var ajvFormats = map[string]openapi3.StringFormatValidator{
	"duration":                  ecmaFormat(`^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$`, 0),
	"json-pointer":              ecmaFormat(`^(?:\/(?:[^~/]|~0|~1)*)*$`, 0),
	"json-pointer-uri-fragment": ecmaFormat(`^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$`, regexp2.IgnoreCase),
	"relative-json-pointer":     ecmaFormat(`^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$`, 0),
	"uri-template": ecmaFormat(`^(?:(?:[^\x00-\x20"'<>%\\^\x60{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$`,
		regexp2.IgnoreCase),
	// ajv-formats' regex: JavaScript compiles it, and no \Z (Python's end
	// anchor, which JavaScript reads as a Z) follows a character.
	"regex": openapi3.NewCallbackValidator(func(v string) error {
		if zAnchor.MatchString(v) {
			return fmt.Errorf("not a valid regex: \\Z")
		}
		if _, err := regexp2.Compile(v, regexp2.ECMAScript); err != nil {
			return fmt.Errorf("not a valid regex: %v", err)
		}
		return nil
	}),
}

var zAnchor = regexp.MustCompile(`[^\\]\\Z`)

// ecmaFormat is a format checked by an ECMAScript expression.
func ecmaFormat(expr string, opts regexp2.RegexOptions) openapi3.StringFormatValidator {
	re := regexp2.MustCompile(expr, regexp2.ECMAScript|opts)
	return openapi3.NewCallbackValidator(func(v string) error {
		if ok, err := re.MatchString(v); !ok || err != nil {
			return fmt.Errorf("does not match the format (as ajv-formats checks it)")
		}
		return nil
	})
}

// ecmaRegexp compiles a schema's pattern as Go's regexp does, and the
// ECMAScript patterns it cannot (lookaheads: Sentry's
// ^(?![0-9]+$)[a-z0-9_\-]+$) with regexp2's ECMAScript mode, the dialect
// JSON Schema names and Prism runs; kin-openapi alone gives up on those,
// and no value for them could be checked.
func ecmaRegexp(expr string) (openapi3.RegexMatcher, error) {
	if re, err := regexp.Compile(expr); err == nil {
		return re, nil
	}
	re, err := regexp2.Compile(expr, regexp2.ECMAScript)
	if err != nil {
		return nil, err
	}
	return ecmaMatcher{re}, nil
}

type ecmaMatcher struct{ re *regexp2.Regexp }

func (m ecmaMatcher) MatchString(s string) bool {
	ok, err := m.re.MatchString(s)
	return ok && err == nil
}

// impliedType checks v against the types a schema implies but does not
// declare: properties, required or additionalProperties with no type make
// it an object, items an array. JSON Schema lets any other JSON value
// through such a schema; the generator, like every reader of the spec,
// takes the object (a struct) or the array (a slice), so a vendor example
// that is a JSON string holding an object's text passes kin-openapi and
// still is the spec's mistake. It walks properties, items and allOf; ""
// when v fits.
func impliedType(s *openapi3.Schema, v any, at string, depth int) string {
	if s == nil || v == nil || depth > 32 {
		return ""
	}
	declared := s.Type != nil && len(*s.Type) > 0
	if !declared && len(s.OneOf) == 0 && len(s.AnyOf) == 0 {
		_, isObj := v.(map[string]any)
		_, isArr := v.([]any)
		switch {
		case (len(s.Properties) > 0 || len(s.Required) > 0 || s.AdditionalProperties.Schema != nil) && !isObj:
			return fmt.Sprintf("%s: the schema declares no type but its properties make it an object, and the value is %s", at, jsonKind(v))
		case s.Items != nil && !isArr:
			return fmt.Sprintf("%s: the schema declares no type but its items make it an array, and the value is %s", at, jsonKind(v))
		}
	}
	for _, m := range s.AllOf {
		if m != nil {
			if why := impliedType(m.Value, v, at, depth+1); why != "" {
				return why
			}
		}
	}
	// A union: the value breaks it when it breaks every member (kin-openapi
	// has already checked that it matches the members' declared keywords).
	if alts := append(slices.Clone(s.OneOf), s.AnyOf...); len(alts) > 0 {
		first := ""
		for _, m := range alts {
			if m == nil {
				continue
			}
			why := impliedType(m.Value, v, at, depth+1)
			if why == "" {
				first = ""
				break
			}
			if first == "" {
				first = why
			}
		}
		if first != "" {
			return first
		}
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if p := s.Properties[k]; p != nil {
				if why := impliedType(p.Value, x[k], at+"."+k, depth+1); why != "" {
					return why
				}
			}
		}
	case []any:
		if s.Items != nil {
			for i, e := range x {
				if why := impliedType(s.Items.Value, e, fmt.Sprintf("%s[%d]", at, i), depth+1); why != "" {
					return why
				}
			}
		}
	}
	return ""
}

// jsonKind names a decoded JSON value's type, with a short excerpt.
func jsonKind(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("a string (%s)", excerpt(strconv.Quote(x)))
	case bool:
		return "a boolean"
	case float64, json.Number:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// value is a value for sr that passes its schema, or an error saying why
// none was found.
func (y *synth) value(sr *openapi3.SchemaRef) (any, error) {
	if sr == nil || sr.Value == nil {
		return map[string]any{"key": "value"}, nil
	}
	v := y.build(sr.Value, 0)
	if why := y.why(sr.Value, v); why != "" {
		return v, fmt.Errorf("no valid value synthesized (%s)", why)
	}
	return v, nil
}

// example is the first of the schema's examples that passes it.
func (y *synth) example(s *openapi3.Schema) (any, bool) {
	var cands []any
	if s.Example != nil {
		cands = append(cands, s.Example)
	}
	cands = append(cands, s.Examples...)
	for _, c := range cands {
		if y.valid(s, c) {
			return c, true
		}
	}
	return nil, false
}

func (y *synth) build(s *openapi3.Schema, depth int) any {
	if v, ok := y.example(s); ok {
		return v
	}
	if s.Const != nil {
		return s.Const
	}
	for _, e := range s.Enum {
		if e != nil {
			return e
		}
	}
	if len(s.AllOf) > 0 {
		return y.allOf(s, depth)
	}
	if alts := append(slices.Clone(s.OneOf), s.AnyOf...); len(alts) > 0 {
		// The first alternative whose value the whole schema accepts (a
		// oneOf must match exactly one).
		var first any
		for i, a := range alts {
			if a.Value == nil || isNullOnly(a.Value) {
				continue
			}
			var v any = map[string]any{}
			if !describesOnly(a.Value) || len(s.Properties) == 0 {
				v = y.discriminate(s, a, y.build(a.Value, depth+1))
			} // else a constraint on s's own properties ({required: [a]}): built from them
			if m, ok := v.(map[string]any); ok && len(s.Properties) > 0 {
				lean := maps.Clone(m)
				y.fillProps(s, m, depth)
				if !y.valid(s, m) {
					// Optional properties can make a value match two
					// alternatives (one requires a, the other b): try
					// with only what s and this alternative require.
					y.fillNamed(s, lean, append(slices.Clone(s.Required), a.Value.Required...), depth)
					if y.valid(s, lean) {
						return lean
					}
				}
			}
			if i == 0 || first == nil {
				first = v
			}
			if y.valid(s, v) {
				return v
			}
		}
		if first != nil {
			return first
		}
	}
	switch typeOf(s) {
	case "object":
		return y.object(s, depth)
	case "array":
		return y.array(s, depth)
	case "string":
		return y.str(s)
	case "integer":
		return y.integer(s)
	case "number":
		return y.number(s)
	case "boolean":
		return true
	case "null":
		return nil
	}
	return map[string]any{"key": "value"} // free-form
}

// discriminate sets the discriminator property of v, an object built for
// alternative a of s, to the value that names a: the first mapping key,
// in name order, whose schema is a's, else a's schema name (OpenAPI's
// implicit mapping). A free string property is otherwise filled with
// "string", which names no alternative. v is returned as it was when it
// already names a, when s has no discriminator, or when only v as it was
// passes s.
func (y *synth) discriminate(s *openapi3.Schema, a *openapi3.SchemaRef, v any) any {
	d := s.Discriminator
	m, ok := v.(map[string]any)
	if d == nil || d.PropertyName == "" || !ok || a.Ref == "" {
		return v
	}
	names := func(key string) bool {
		ref, ok := d.Mapping[key]
		if !ok {
			return len(d.Mapping) == 0 && key == path.Base(a.Ref)
		}
		if !strings.Contains(ref.Ref, "/") {
			return "#/components/schemas/"+ref.Ref == a.Ref || ref.Ref == path.Base(a.Ref)
		}
		return ref.Ref == a.Ref
	}
	if cur, ok := m[d.PropertyName].(string); ok && names(cur) {
		return v
	}
	want := ""
	for _, k := range sortedKeys(d.Mapping) {
		if names(k) {
			want = k
			break
		}
	}
	if want == "" {
		want = path.Base(a.Ref)
	}
	out := maps.Clone(m)
	out[d.PropertyName] = want
	if !y.valid(s, out) && y.valid(s, v) {
		return v
	}
	return out
}

// allOf merges the members' objects; a member that is not an object (a
// described scalar, an array, a union's string) is the value, and a member
// that only describes (nullable: true) adds nothing. The schema's own
// properties come first: they narrow what a member declares (a
// discriminator property whose enum is the subtype's values only, beside
// a base member allowing every subtype's). A name the schema requires
// beside its allOf and a member declares (PayPal's vault usage_type) is
// required of that member: each member is built with its own required
// only, and below the depth where optional properties are filled it would
// be left out.
func (y *synth) allOf(s *openapi3.Schema, depth int) any {
	merged := map[string]any{}
	var scalar any
	isObj := false
	if len(s.Properties) > 0 {
		isObj = true
		y.fillProps(s, merged, depth)
	}
	for _, m := range s.AllOf {
		if m.Value == nil || describesOnly(m.Value) {
			continue // {nullable: true}, a description: no value of its own
		}
		v := y.build(requireDeclared(m.Value, s.Required), depth+1)
		if mv, ok := v.(map[string]any); ok {
			isObj = true
			for k, x := range mv {
				if _, seen := merged[k]; !seen {
					merged[k] = x
				}
			}
		} else {
			scalar = v
		}
	}
	if len(s.Properties) > 0 || typeOf(s) == "object" {
		isObj = true
		y.fillProps(s, merged, depth)
	}
	if !isObj && scalar != nil {
		return scalar
	}
	return merged
}

// requireDeclared is m with the names of required that m or its allOf
// members declare added to its required (a copy; m itself when it needs
// none).
func requireDeclared(m *openapi3.Schema, required []string) *openapi3.Schema {
	var extra []string
	for _, n := range required {
		if slices.Contains(m.Required, n) {
			continue
		}
		for _, d := range flattenAllOf([]*openapi3.Schema{m}) {
			if d.Properties[n] != nil {
				extra = append(extra, n)
				break
			}
		}
	}
	if len(extra) == 0 {
		return m
	}
	c := *m
	c.Required = append(slices.Clone(m.Required), extra...)
	return &c
}

func (y *synth) object(s *openapi3.Schema, depth int) any {
	m := map[string]any{}
	y.fillProps(s, m, depth)
	if len(s.Properties) == 0 {
		key := y.keyName(s)
		if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil && depth < maxDepth {
			m[key] = y.build(ap.Value, depth+1)
		} else if s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has {
			if len(m) == 0 && depth < maxDepth {
				m[key] = "value"
			}
		}
	}
	// A required name the properties do not declare (a spec's typo:
	// required [id] beside a property Id) is any value the additional
	// properties allow; the generated type has no field for it (the
	// generator warns), and the report lists what Prism then says as the
	// spec's mistake.
	if s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has {
		for _, n := range s.Required {
			if _, ok := m[n]; ok || s.Properties[n] != nil {
				continue
			}
			switch ap := s.AdditionalProperties.Schema; {
			case foldedProp(s, n) != nil:
				// A decoder matching names as encoding/json does takes
				// "id" for the property Id: give it a value Id accepts.
				m[n] = y.build(foldedProp(s, n), depth+1)
			case ap != nil && ap.Value != nil && depth < maxDepth:
				m[n] = y.build(ap.Value, depth+1)
			default:
				m[n] = "value"
			}
		}
	}
	for s.MinProps > uint64(len(m)) {
		m[fmt.Sprintf("key%d", len(m))] = "value"
	}
	return m
}

// keyName is the name of the one additional property object gives a
// map: "key", or a name its propertyNames (3.1) accepts (Vercel's
// ^[\\w-]+$ refuses "key").
func (y *synth) keyName(s *openapi3.Schema) string {
	pn := s.PropertyNames
	if pn == nil || pn.Value == nil {
		return "key"
	}
	if k, ok := y.build(pn.Value, maxDepth).(string); ok && y.valid(pn.Value, k) {
		return k
	}
	return "key"
}

// fillProps sets the required properties, and the optional ones above the
// depth where only required ones are filled (recursive schemas end there).
func (y *synth) fillProps(s *openapi3.Schema, m map[string]any, depth int) {
	names := make([]string, 0, len(s.Properties))
	for n := range s.Properties {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := s.Properties[n]
		if p == nil || p.Value == nil {
			continue
		}
		if _, ok := m[n]; ok {
			continue
		}
		required := slices.Contains(s.Required, n)
		// OpenAPI: a required readOnly property is required in responses
		// only (and writeOnly in requests only), and a request should not
		// send a readOnly one at all.
		if y.request && p.Value.ReadOnly || !y.request && p.Value.WriteOnly {
			continue
		}
		if !required && (depth >= y.full || depth >= maxDepth) {
			continue
		}
		if !required && p.Value.Deprecated {
			continue // deprecated optional fields stay out: real callers leave them
		}
		m[n] = y.build(p.Value, depth+1)
	}
}

// fillNamed sets the properties of s that names lists and m lacks.
func (y *synth) fillNamed(s *openapi3.Schema, m map[string]any, names []string, depth int) {
	for _, n := range names {
		p := s.Properties[n]
		if _, ok := m[n]; ok || p == nil || p.Value == nil || y.request && p.Value.ReadOnly || !y.request && p.Value.WriteOnly {
			continue
		}
		m[n] = y.build(p.Value, depth+1)
	}
}

func (y *synth) array(s *openapi3.Schema, depth int) any {
	n := 1
	if s.MinItems > 1 {
		n = int(s.MinItems)
	}
	if s.MaxItems != nil && uint64(n) > *s.MaxItems {
		n = int(*s.MaxItems)
	}
	if depth >= maxDepth && s.MinItems == 0 {
		n = 0
	}
	out := make([]any, 0, n)
	for i := 0; i < n; i++ {
		var v any = "x"
		if s.Items != nil && s.Items.Value != nil {
			v = y.build(s.Items.Value, depth+1)
		}
		if s.UniqueItems && i > 0 {
			v = y.distinct(s.Items, v, i)
		}
		out = append(out, v)
	}
	return out
}

// distinct makes the i-th copy of an item differ from the others where it
// can (strings and numbers), keeping to the item schema when one of its
// candidates does (a pattern of digits takes "1", not "01").
func (y *synth) distinct(items *openapi3.SchemaRef, v any, i int) any {
	var cands []any
	switch x := v.(type) {
	case string:
		cands = []any{fmt.Sprintf("%s%d", x, i), strconv.Itoa(i), fmt.Sprintf("%d%s", i, x)}
	case float64:
		cands = []any{x + float64(i)}
	case int64:
		cands = []any{x + int64(i)}
	default:
		return v
	}
	if items != nil && items.Value != nil {
		for _, c := range cands {
			if y.valid(items.Value, c) {
				return c
			}
		}
	}
	return cands[0]
}

var formats = map[string]string{
	"date-time":     "2024-01-02T03:04:05Z",
	"date":          "2024-01-02",
	"time":          "03:04:05Z",
	"uuid":          "3fa85f64-5717-4562-b3fc-2c963f66afa6",
	"email":         "user@example.com",
	"uri":           "https://example.com/a",
	"url":           "https://example.com/a",
	"uri-reference": "/a",
	"hostname":      "example.com",
	"ipv4":          "192.0.2.1",
	"ipv6":          "2001:db8::1",
	"byte":          "aGVsbG8=",
	"binary":        "hello",
	"duration":      "P1D",
	"password":      "secret-1",
	// ajvFormats'
	"json-pointer":              "/a",
	"json-pointer-uri-fragment": "#/a",
	"relative-json-pointer":     "0/a",
	"uri-template":              "https://example.com/{id}",
	"regex":                     "^a+$",
}

func (y *synth) str(s *openapi3.Schema) any {
	v, ok := formats[s.Format]
	if !ok {
		v = "string"
	}
	if s.Pattern != "" {
		if p, ok := fromPattern(s.Pattern); ok {
			v = fitPattern(p, s)
		}
	}
	if !ok && s.Pattern == "" {
		if n := int(s.MinLength); len(v) < n {
			v += strings.Repeat("x", n-len(v))
		}
		if s.MaxLength != nil && uint64(len(v)) > *s.MaxLength {
			v = v[:*s.MaxLength]
		}
	}
	return v
}

func (y *synth) integer(s *openapi3.Schema) any {
	n := int64(1)
	if s.Min != nil {
		lo := toInt64(math.Ceil(*s.Min))
		if s.ExclusiveMin.IsTrue() || s.ExclusiveMin.Value != nil && *s.ExclusiveMin.Value >= float64(lo) {
			lo++
		}
		if n < lo {
			n = lo
		}
	}
	if s.Max != nil {
		hi := toInt64(math.Floor(*s.Max))
		if s.ExclusiveMax.IsTrue() || s.ExclusiveMax.Value != nil && *s.ExclusiveMax.Value <= float64(hi) {
			hi--
		}
		if n > hi {
			n = hi
		}
	}
	if s.MultipleOf != nil && *s.MultipleOf >= 1 {
		k := int64(*s.MultipleOf)
		if k > 0 && n%k != 0 {
			n = (n/k + 1) * k
		}
	}
	return float64(n)
}

// toInt64 converts a bound, saturating: int64's own bounds written in a
// spec (-9223372036854775808, 9223372036854775807) reach kin-openapi as
// float64 values just past them, which Go's conversion does not clamp.
func toInt64(f float64) int64 {
	switch {
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

// number is a number for s: a whole one when bounds or a multiple ask for
// it, or when the format is an integer's (minio's limit: type number,
// format int32, which the generated int32 field holds; 1.5 it cannot).
func (y *synth) number(s *openapi3.Schema) any {
	if s.MultipleOf != nil || s.Min != nil || s.Max != nil || s.Format == "int32" || s.Format == "int64" {
		return y.integer(s)
	}
	return 1.5
}

// typeOf is the schema's one non-null type, guessed from its keywords when
// absent.
func typeOf(s *openapi3.Schema) string {
	if s.Type != nil {
		for _, t := range *s.Type {
			if t != "null" {
				return t
			}
		}
		if s.Type.Is("null") {
			return "null"
		}
	}
	switch {
	case len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil:
		return "object"
	case s.Items != nil:
		return "array"
	case s.Pattern != "" || s.Format != "" || s.MinLength > 0 || s.MaxLength != nil:
		return "string"
	case s.Min != nil || s.Max != nil:
		return "number"
	}
	return ""
}

func isNullOnly(s *openapi3.Schema) bool {
	return s.Type != nil && len(*s.Type) == 1 && s.Type.Is("null")
}

// describesOnly reports a schema that gives no structure: no type,
// properties, items, composition, enum or const.
func describesOnly(s *openapi3.Schema) bool {
	return s.Type == nil && len(s.Properties) == 0 && s.Items == nil && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) == 0 &&
		len(s.Enum) == 0 && s.Const == nil && s.AdditionalProperties.Schema == nil && s.Format == "" && s.Pattern == ""
}

// fitPattern stretches p, a string matching s's pattern, to s's
// minLength when it is shorter (LGTM's ids: [a-f0-9]+ of exactly 40):
// its last character repeated, or x, whichever the pattern still takes.
func fitPattern(p string, s *openapi3.Schema) string {
	n := int(s.MinLength)
	if utf8.RuneCountInString(p) >= n {
		return p
	}
	re, err := regexp.Compile(s.Pattern)
	if err != nil {
		return p
	}
	var cands []string
	if p != "" {
		last, _ := utf8.DecodeLastRuneInString(p)
		cands = append(cands, p+strings.Repeat(string(last), n-utf8.RuneCountInString(p)))
	}
	cands = append(cands, p+strings.Repeat("x", n-utf8.RuneCountInString(p)))
	for _, c := range cands {
		if re.MatchString(c) && (s.MaxLength == nil || uint64(utf8.RuneCountInString(c)) <= *s.MaxLength) {
			return c
		}
	}
	return p
}

// fromPattern builds a string matching a regular expression, walking its
// syntax tree: the first branch of each alternation, the minimum count of
// each repeat (at least one for +), the first character of each class.
// Patterns Go's RE2 cannot parse (lookaheads) give false.
func fromPattern(p string) (string, bool) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	if !walk(re.Simplify(), &b) {
		return "", false
	}
	return b.String(), true
}

func walk(re *syntax.Regexp, b *strings.Builder) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		if len(re.Rune) < 2 {
			return false
		}
		r := re.Rune[0]
		// Prefer a letter or digit inside the class over punctuation.
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for _, c := range []rune{'a', 'A', '0'} {
				if lo <= c && c <= hi {
					r = c
					goto found
				}
			}
		}
	found:
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpEmptyMatch:
	case syntax.OpCapture:
		return walk(re.Sub[0], b)
	case syntax.OpStar, syntax.OpQuest:
	case syntax.OpPlus:
		return walk(re.Sub[0], b)
	case syntax.OpRepeat:
		for i := 0; i < re.Min; i++ {
			if !walk(re.Sub[0], b) {
				return false
			}
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !walk(s, b) {
				return false
			}
		}
	case syntax.OpAlternate:
		return walk(re.Sub[0], b)
	default:
		return false
	}
	return true
}

// jsonText is v as JSON (numbers that are whole print without exponent).
func jsonText(v any) (json.RawMessage, error) {
	return json.Marshal(normalizeNumbers(v))
}

// normalizeNumbers turns whole float64s into int64s so that 1e+06 prints
// as 1000000 (an integer field rejects the exponent form).
func normalizeNumbers(v any) any {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x)
		}
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalizeNumbers(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeNumbers(e)
		}
		return out
	}
	return v
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// foldedProp is the schema of the property whose name equals n but for
// case, nil when none.
func foldedProp(s *openapi3.Schema, n string) *openapi3.Schema {
	for _, k := range slices.Sorted(maps.Keys(s.Properties)) {
		if p := s.Properties[k]; strings.EqualFold(k, n) && p != nil && p.Value != nil {
			return p.Value
		}
	}
	return nil
}
