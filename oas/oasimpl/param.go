package oasimpl

// Parameter serialization: how a generated client writes path, query, header
// and cookie parameters on the wire, following the OpenAPI style/explode
// rules (the style examples table of OpenAPI 3.0.3 §4.7.12.4, with RFC 6570
// percent-encoding). The plan decides each parameter's style, explode,
// allowReserved and content; generated code passes them in a Param and this
// file only applies them.
//
// oapi-codegen's runtime.StyleParamWithLocation was the first candidate; it
// is not used because on the spec's own table it differs in ways a server
// sees: spaceDelimited puts a literal space in the URL, objects are refused
// for spaceDelimited/pipeDelimited, a null item or property panics,
// form-exploded object keys are not escaped, query escaping goes through a
// package-level variable any program can change, and a json.RawMessage is
// sent one byte per value. TestStyleTable pins the table here.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// Style is an OpenAPI parameter style.
type Style string

const (
	StyleForm           Style = "form"
	StyleSimple         Style = "simple"
	StyleLabel          Style = "label"
	StyleMatrix         Style = "matrix"
	StyleSpaceDelimited Style = "spaceDelimited"
	StylePipeDelimited  Style = "pipeDelimited"
	StyleDeepObject     Style = "deepObject"
)

// Param says how one parameter is serialized. Generated code fills it from
// the plan; an empty Style means the default of where the parameter goes
// (simple for path and header, form for query and cookie).
type Param struct {
	Name          string
	Style         Style
	Explode       bool
	AllowReserved bool // query only: RFC 3986 reserved characters are sent as they are
	// SendEmpty (query and cookie) sends an empty array or object as
	// name= where RFC 6570 would leave it out: the parameter is required.
	SendEmpty bool
	// JSON sends the value's JSON text as one string (a parameter declared
	// with content application/json); Style and Explode do not apply.
	JSON bool
}

// Params collects the serialized parameters of one request. The zero value
// is ready to use; the first error (a value whose MarshalJSON fails) is kept
// and returned by URL.
type Params struct {
	query   strings.Builder
	header  http.Header
	cookies strings.Builder
	err     error
}

// Path returns a path parameter's value, escaped, for the request path.
// A nil v is JSON null (the style's "empty" form).
func (ps *Params) Path(p Param, v any) string {
	n, ok := ps.node(p, v)
	if !ok {
		return ""
	}
	style := p.Style
	if p.JSON || style == "" {
		style = StyleSimple
	}
	var b strings.Builder
	writeFlat(&b, style, p.Explode, escape(p.Name), n, func(s string) string { return escape(s) })
	return b.String()
}

// QueryLiteral adds raw, name=value pairs already escaped, to the query as
// they are: the pairs a spec writes into an operation's path after "?"
// (/rest?method=flickr.photos.search), which tell operations on one path
// apart. They come before the parameters added with Query.
func (ps *Params) QueryLiteral(raw string) {
	if raw == "" {
		return
	}
	if ps.query.Len() > 0 {
		ps.query.WriteByte('&')
	}
	ps.query.WriteString(raw)
}

// Query adds a query parameter. A nil v is JSON null, sent as "name=".
func (ps *Params) Query(p Param, v any) {
	n, ok := ps.node(p, v)
	if !ok {
		return
	}
	esc := func(s string) string { return escape(s) }
	if p.AllowReserved {
		esc = escapeReserved
	}
	name := escape(p.Name)
	sep := func() {
		if ps.query.Len() > 0 {
			ps.query.WriteByte('&')
		}
	}
	style := p.Style
	if p.JSON || style == "" {
		style = StyleForm
	}
	empty := (n.kind == kindArray || n.kind == kindObject) && len(n.list) == 0
	switch {
	case empty && p.SendEmpty:
		sep()
		ps.query.WriteString(name + "=")
		return
	case style == StyleDeepObject && n.kind == kindObject:
		writeDeep(&ps.query, name, n, esc)
		return
	case empty:
		return // RFC 6570: an empty list or map is undefined, so not sent
	case n.kind == kindArray && p.Explode:
		for _, it := range n.list {
			sep()
			ps.query.WriteString(name + "=" + esc(it.flat()))
		}
		return
	case n.kind == kindObject && p.Explode && style != StyleDeepObject:
		for i, it := range n.list {
			sep()
			ps.query.WriteString(escape(n.keys[i]) + "=" + esc(it.flat()))
		}
		return
	}
	delim := ","
	switch style {
	case StyleSpaceDelimited:
		delim = "%20"
	case StylePipeDelimited:
		delim = "|"
	}
	sep()
	ps.query.WriteString(name + "=")
	writeList(&ps.query, n, delim, esc)
}

// Header adds a header parameter (simple style; values are not
// percent-encoded, net/http refuses ones that cannot be sent). A nil v is
// JSON null, sent as an empty value.
func (ps *Params) Header(p Param, v any) {
	n, ok := ps.node(p, v)
	if !ok {
		return
	}
	var b strings.Builder
	writeFlat(&b, StyleSimple, p.Explode, p.Name, n, func(s string) string { return s })
	if ps.header == nil {
		ps.header = http.Header{}
	}
	ps.header.Add(p.Name, b.String())
}

// Cookie adds a cookie parameter (form style, values percent-encoded as in
// a query). All cookies go in one Cookie header, as RFC 6265 asks; an
// exploded array or object becomes one cookie per item.
func (ps *Params) Cookie(p Param, v any) {
	n, ok := ps.node(p, v)
	if !ok {
		return
	}
	esc := func(s string) string { return escape(s) }
	name := escape(p.Name)
	add := func(k, val string) {
		if ps.cookies.Len() > 0 {
			ps.cookies.WriteString("; ")
		}
		ps.cookies.WriteString(k + "=" + val)
	}
	switch {
	case !p.JSON && p.SendEmpty && (n.kind == kindArray || n.kind == kindObject) && len(n.list) == 0:
		add(name, "")
	case !p.JSON && p.Explode && n.kind == kindArray:
		for _, it := range n.list {
			add(name, esc(it.flat()))
		}
	case !p.JSON && p.Explode && n.kind == kindObject:
		for i, it := range n.list {
			add(escape(n.keys[i]), esc(it.flat()))
		}
	default:
		var b strings.Builder
		writeList(&b, n, ",", esc)
		add(name, b.String())
	}
}

// URL joins the server URL and the escaped request path and appends the
// query parameters; it returns the first error met while serializing.
func (ps *Params) URL(server *url.URL, escapedPath string) (*url.URL, error) {
	if ps.err != nil {
		return nil, ps.err
	}
	u, err := JoinURL(server, escapedPath)
	if err != nil {
		return nil, err
	}
	if ps.query.Len() > 0 {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += ps.query.String()
	}
	return u, nil
}

// Headers returns the header and cookie parameters, nil when there are none.
func (ps *Params) Headers() http.Header {
	if ps.cookies.Len() > 0 {
		if ps.header == nil {
			ps.header = http.Header{}
		}
		ps.header.Set("Cookie", ps.cookies.String())
	}
	return ps.header
}

// node turns v into the value tree the styles write; false (and the error
// kept) when it cannot be encoded.
func (ps *Params) node(p Param, v any) (pnode, bool) {
	var n pnode
	var err error
	switch {
	case p.JSON && v == nil:
		n = scalar("null")
	case p.JSON:
		var b []byte
		b, err = Encode(v)
		n = scalar(string(b))
	default:
		n, err = toNode(v)
	}
	if err != nil {
		if ps.err == nil {
			ps.err = fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		return pnode{}, false
	}
	return n, true
}

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindScalar
	kindArray
	kindObject
)

// pnode is a parameter value reduced to what styles distinguish: null, a
// scalar's string form, an array, or an object whose keys keep the order
// its JSON encoding has. raw is the JSON text of arrays and objects, sent
// when one is nested where a style defines no form for it.
type pnode struct {
	kind nodeKind
	text string
	raw  string
	list []pnode
	keys []string
}

// flat is the node as one string: a scalar's text, "" for null, the JSON
// text of a nested array or object.
func (n pnode) flat() string {
	switch n.kind {
	case kindScalar:
		return n.text
	case kindNull:
		return ""
	}
	return n.raw
}

// wrapper reads an oas.Opt or oas.Nullable met as an array item: its value,
// whether one is present, whether it is null. Package oas keeps the
// wrappers' state unexported (so that no one can build a state the wire
// cannot hold), so this goes through their exported Get and IsNull by
// reflection; wrappers inside parameters are rare.
func wrapper(rv reflect.Value) (val any, present, null, ok bool) {
	t := rv.Type()
	if t.Kind() != reflect.Struct || t.PkgPath() != oasPath {
		return nil, false, false, false
	}
	isNullable := strings.HasPrefix(t.Name(), "Nullable[")
	if !isNullable && !strings.HasPrefix(t.Name(), "Opt[") {
		return nil, false, false, false
	}
	got := rv.MethodByName("Get").Call(nil)
	val, present = got[0].Interface(), got[1].Bool()
	if isNullable {
		null = rv.MethodByName("IsNull").Call(nil)[0].Bool()
	}
	return val, present, null, true
}

// oasPath is package oas's import path, as reflect reports it.
var oasPath = reflect.TypeFor[oas.File]().PkgPath()

var marshalerType = reflect.TypeFor[json.Marshaler]()

// toNode reduces a Go value to a pnode. Scalars, slices and the runtime
// wrappers are read directly; structs, maps and unions go through their JSON
// encoding, so that field names, omitted fields and nulls are those of the
// body encoding.
func toNode(v any) (pnode, error) {
	switch x := v.(type) {
	case nil:
		return pnode{}, nil
	case string:
		return scalar(x), nil
	case time.Time:
		return scalar(x.Format(time.RFC3339Nano)), nil
	case json.RawMessage:
		// A free-form value: the style writes it by its JSON shape, as it
		// would a typed value of that shape (a string is its text, an object
		// its members); nested arrays and objects keep their compact JSON
		// text for where a style has no form for them.
		if len(bytes.TrimSpace(x)) == 0 {
			return pnode{}, nil
		}
		var b bytes.Buffer
		if err := json.Compact(&b, x); err != nil {
			return pnode{}, err
		}
		return parseNode(b.Bytes())
	case []byte:
		return scalar(base64.StdEncoding.EncodeToString(x)), nil // format: byte, as JSON encodes it
	}
	rv := reflect.ValueOf(v)
	if val, present, null, ok := wrapper(rv); ok {
		if null || !present {
			// An absent item has no string form; null's is empty.
			return pnode{}, nil
		}
		return toNode(val)
	}
	switch rv.Kind() {
	case reflect.String:
		return scalar(rv.String()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return scalar(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return scalar(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.Float32:
		return scalar(strconv.FormatFloat(rv.Float(), 'f', -1, 32)), nil
	case reflect.Float64:
		return scalar(strconv.FormatFloat(rv.Float(), 'f', -1, 64)), nil
	case reflect.Bool:
		return scalar(strconv.FormatBool(rv.Bool())), nil
	case reflect.Pointer:
		if rv.IsNil() {
			return pnode{}, nil
		}
		return toNode(rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 && !rv.Type().Implements(marshalerType) {
			b := make([]byte, rv.Len())
			reflect.Copy(reflect.ValueOf(b), rv)
			return toNode(b)
		}
		if rv.Type().Implements(marshalerType) {
			break // its own JSON form decides
		}
		n := pnode{kind: kindArray, list: make([]pnode, 0, rv.Len())}
		for i := range rv.Len() {
			it, err := toNode(rv.Index(i).Interface())
			if err != nil {
				return pnode{}, err
			}
			if it.kind == kindNull && isAbsent(rv.Index(i)) {
				continue
			}
			if it.kind >= kindArray && it.raw == "" {
				// Nested where flat styles have no form: sent as JSON.
				b, err := Encode(rv.Index(i).Interface())
				if err != nil {
					return pnode{}, err
				}
				it.raw = string(b)
			}
			n.list = append(n.list, it)
		}
		return n, nil
	}
	b, err := Encode(v)
	if err != nil {
		return pnode{}, err
	}
	return parseNode(b)
}

func scalar(s string) pnode { return pnode{kind: kindScalar, text: s} }

// isAbsent reports an unset Opt or Nullable item, which has no form at all
// (null has the empty one).
func isAbsent(v reflect.Value) bool {
	_, present, null, ok := wrapper(v)
	return ok && !present && !null
}

// parseNode builds a pnode from JSON text, keeping object keys in order.
func parseNode(raw []byte) (pnode, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return pnode{}, errors.New("empty JSON value")
	}
	switch raw[0] {
	case 'n':
		return pnode{}, nil
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return pnode{}, err
		}
		return scalar(s), nil
	case '{', '[':
		dec := json.NewDecoder(bytes.NewReader(raw))
		if _, err := dec.Token(); err != nil {
			return pnode{}, err
		}
		n := pnode{kind: kindArray, raw: string(raw)}
		if raw[0] == '{' {
			n.kind = kindObject
		}
		for dec.More() {
			if n.kind == kindObject {
				k, err := dec.Token()
				if err != nil {
					return pnode{}, err
				}
				n.keys = append(n.keys, k.(string))
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return pnode{}, err
			}
			it, err := parseNode(v)
			if err != nil {
				return pnode{}, err
			}
			n.list = append(n.list, it)
		}
		return n, nil
	}
	return scalar(string(raw)), nil // a number or a boolean, as JSON writes it
}

// writeFlat writes a path or header value: simple, label or matrix style.
// name is already escaped.
func writeFlat(b *strings.Builder, style Style, explode bool, name string, n pnode, esc func(string) string) {
	prefix, sep := "", ","
	switch style {
	case StyleLabel:
		prefix = "."
		if explode {
			sep = "."
		}
	case StyleMatrix:
		prefix = ";" + name
		if n.kind == kindNull || n.kind >= kindArray && len(n.list) == 0 {
			b.WriteString(prefix) // ";name": the empty value
			return
		}
		if explode && n.kind == kindArray {
			for _, it := range n.list {
				b.WriteString(prefix + "=" + esc(it.flat()))
			}
			return
		}
		if explode && n.kind == kindObject {
			for i, it := range n.list {
				b.WriteString(";" + esc(n.keys[i]) + "=" + esc(it.flat()))
			}
			return
		}
		prefix += "="
	}
	b.WriteString(prefix)
	switch {
	case explode && n.kind == kindArray:
		for i, it := range n.list {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(esc(it.flat()))
		}
	case explode && n.kind == kindObject:
		for i, it := range n.list {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(esc(n.keys[i]) + "=" + esc(it.flat()))
		}
	default:
		writeList(b, n, ",", esc)
	}
}

// writeList writes a value unexploded: a scalar, the items of an array or
// the keys and values of an object, joined by delim (which is not escaped).
func writeList(b *strings.Builder, n pnode, delim string, esc func(string) string) {
	switch n.kind {
	case kindArray:
		for i, it := range n.list {
			if i > 0 {
				b.WriteString(delim)
			}
			b.WriteString(esc(it.flat()))
		}
	case kindObject:
		for i, it := range n.list {
			if i > 0 {
				b.WriteString(delim)
			}
			b.WriteString(esc(n.keys[i]) + delim + esc(it.flat()))
		}
	default:
		b.WriteString(esc(n.flat()))
	}
}

// writeDeep writes a deepObject: name[key]=value per property, nested
// objects as name[key][sub]=value and arrays as one pair per item (the
// spec defines neither; this is what qs and Rack read).
func writeDeep(b *strings.Builder, prefix string, n pnode, esc func(string) string) {
	for i, it := range n.list {
		key := prefix + "[" + escape(n.keys[i]) + "]"
		switch it.kind {
		case kindObject:
			writeDeep(b, key, it, esc)
		case kindArray:
			for _, el := range it.list {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(key + "=" + esc(el.flat()))
			}
		default:
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(key + "=" + esc(it.flat()))
		}
	}
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

const upperhex = "0123456789ABCDEF"

// escape percent-encodes every byte of s but RFC 3986's unreserved ones,
// in paths, queries and cookies alike (spaces as %20, not +, which every
// server decodes the same). The styles' delimiters are written by the
// callers, never through escape, so a comma or a pipe inside a value is
// always %2C or %7C and cannot be mistaken for one.
func escape(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; unreserved(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		}
	}
	return string(b)
}

// escapeReserved is allowReserved's escaping: RFC 3986 reserved characters
// and existing percent-encoded triples pass unchanged, except those a query
// string cannot carry as data ('#', '[', ']') or that
// application/x-www-form-urlencoded reads as structure ('&', '=', '+'), as
// OpenAPI 3.1.1 spells out.
func escapeReserved(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c) || strings.IndexByte(":/?@!$'()*,;", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(upperhex[c>>4])
			b.WriteByte(upperhex[c&15])
		}
	}
	return b.String()
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// appendQuery adds key=value to u's query as it is, escaped like a form
// parameter. The query is never parsed and encoded again: that would
// reorder it and escape the delimiters its parameters' styles wrote.
func appendQuery(u *url.URL, key, value string) {
	kv := escape(key) + "=" + escape(value)
	if u.RawQuery != "" {
		kv = "&" + kv
	}
	u.RawQuery += kv
}

// hasQuery reports whether u's query has a pair whose key is key.
func hasQuery(u *url.URL, key string) bool {
	for pair := range strings.SplitSeq(u.RawQuery, "&") {
		k, _, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil && uk == key {
			return true
		}
	}
	return false
}

// dropQuery removes every pair whose key is one of keys from u's query,
// leaving the others exactly as they were.
func dropQuery(u *url.URL, keys []string) {
	var kept []string
	for _, pair := range strings.Split(u.RawQuery, "&") {
		k, _, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil && slices.Contains(keys, uk) {
			continue
		}
		kept = append(kept, pair)
	}
	u.RawQuery = strings.Join(kept, "&")
}
