package oasimpl

// Request bodies other than JSON: multipart/form-data built from a generated
// parts struct, and application/x-www-form-urlencoded built from a body
// struct's JSON form. Both are built in memory before the call, so a retry
// sends the same bytes.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// Multipart builds a multipart body of the spec's subtype (form-data,
// related, mixed...), one part at a time; the first error sticks and is
// returned by Finish. Every part names its property in a
// Content-Disposition form-data name, which is how OpenAPI correlates
// parts with properties for any multipart subtype.
type Multipart struct {
	buf       bytes.Buffer
	w         *multipart.Writer
	mediaType string            // the subtype, lower-cased, without parameters
	params    map[string]string // the spec's parameters (multipart/related's type, start)
	formData  bool
	rootType  string // the first part's Content-Type (multipart/related's default type)
	err       error
}

// NewMultipart starts an empty multipart/form-data body. Code generated
// for runtime version 2 and older calls it; newer code calls
// NewMultipartOf with the spec's media type.
func NewMultipart() *Multipart { return NewMultipartOf("multipart/form-data") }

// NewMultipartOf starts an empty body of mediaType, the spec's media type
// (multipart/form-data, or another multipart subtype, with or without
// parameters).
func NewMultipartOf(mediaType string) *Multipart {
	m := &Multipart{}
	m.w = multipart.NewWriter(&m.buf)
	base, params, err := mime.ParseMediaType(mediaType)
	if err != nil || !strings.HasPrefix(base, "multipart/") {
		base, params = "multipart/form-data", nil
	}
	delete(params, "boundary") // the writer's own
	m.mediaType, m.params, m.formData = base, params, base == "multipart/form-data"
	return m
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

func (m *Multipart) part(name, filename, contentType string) io.Writer {
	if m.err != nil {
		return nil
	}
	h := textproto.MIMEHeader{}
	cd := `form-data; name="` + quoteEscaper.Replace(name) + `"`
	if filename != "" {
		cd += `; filename="` + quoteEscaper.Replace(filename) + `"`
	}
	h.Set("Content-Disposition", cd)
	if contentType == "" {
		contentType = "text/plain"
	}
	if m.rootType == "" {
		m.rootType = contentType
	}
	// text/plain is a form-data part's default (RFC 7578); saying it would
	// make some servers take a value for a file. Other subtypes say it.
	if contentType != "text/plain" || !m.formData {
		h.Set("Content-Type", contentType)
	}
	w, err := m.w.CreatePart(h)
	if err != nil {
		m.err = fmt.Errorf("part %q: %w", name, err)
		return nil
	}
	return w
}

// File adds a file part; contentType is the spec's for the field, used
// when f has none.
func (m *Multipart) File(name, contentType string, f oas.File) {
	if m.err != nil {
		return
	}
	if f.Body == nil {
		m.err = fmt.Errorf("part %q: the file has no Body", name)
		return
	}
	if f.ContentType != "" {
		contentType = f.ContentType
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	filename := f.Name
	if filename == "" {
		filename = name
	}
	if w := m.part(name, filename, contentType); w != nil {
		if _, err := io.Copy(w, f.Body); err != nil {
			m.err = fmt.Errorf("part %q: reading the file: %w", name, err)
		}
	}
}

// Text adds one text part per value of v as a parameter renders it (see
// valueStrings): a scalar is one part, a slice one part per element. A value
// with its own JSON form (a union of a string and an enum, say) is written
// as that JSON, a string without its quotes.
func (m *Multipart) Text(name, contentType string, v any) {
	for _, s := range textValues(v) {
		if w := m.part(name, "", contentType); w != nil {
			io.WriteString(w, s) // writes to a bytes.Buffer cannot fail
		}
	}
}

func textValues(v any) []string {
	if _, ok := v.(time.Time); ok {
		return valueStrings(v)
	}
	if jm, ok := v.(json.Marshaler); ok {
		b, err := jm.MarshalJSON()
		if err != nil {
			return valueStrings(v)
		}
		var s string
		if json.Unmarshal(b, &s) == nil {
			return []string{s}
		}
		return []string{string(b)}
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8 {
		var out []string
		for i := range rv.Len() {
			out = append(out, textValues(rv.Index(i).Interface())...)
		}
		return out
	}
	return valueStrings(v)
}

// valueStrings renders v as a form style renders it (see Params): a
// scalar's text, an element's text per element of a list, "" for null,
// nothing for an absent value, the JSON text of an object.
func valueStrings(v any) []string {
	n, err := toNode(v)
	if err != nil {
		return nil
	}
	switch n.kind {
	case kindArray:
		out := make([]string, len(n.list))
		for i, e := range n.list {
			out[i] = e.flat()
		}
		return out
	case kindNull:
		if v == nil || isAbsent(reflect.ValueOf(v)) {
			return nil
		}
	}
	return []string{n.flat()}
}

// JSON adds v as one JSON part.
func (m *Multipart) JSON(name, contentType string, v any) {
	if m.err != nil {
		return
	}
	b, err := Encode(v)
	if err != nil {
		m.err = fmt.Errorf("part %q: %w", name, err)
		return
	}
	if w := m.part(name, "", contentType); w != nil {
		w.Write(b)
	}
}

// Form adds v, an object, as one part holding its form encoding
// (EncodeForm, objects among its members spread into theirs as style
// form does): a part whose encoding says application/x-www-form-urlencoded.
// A null value is an empty part.
func (m *Multipart) Form(name, contentType string, v any) {
	if m.err != nil {
		return
	}
	b, err := Encode(v)
	if err == nil && string(b) != "null" {
		var members map[string]json.RawMessage
		var objects []Param
		if json.Unmarshal(b, &members) == nil {
			for k, raw := range members {
				if len(raw) > 0 && raw[0] == '{' {
					objects = append(objects, Param{Name: k, Style: StyleForm, Explode: true})
				}
			}
		}
		b, err = EncodeForm(json.RawMessage(b), objects...)
	} else if err == nil {
		b = nil
	}
	if err != nil {
		m.err = fmt.Errorf("part %q: %w", name, err)
		return
	}
	if w := m.part(name, "", contentType); w != nil {
		w.Write(b)
	}
}

// Finish ends the body and returns it with its Content-Type, boundary
// included.
func (m *Multipart) Finish() ([]byte, string, error) {
	if m.err != nil {
		return nil, "", fmt.Errorf("encoding the multipart body: %w", m.err)
	}
	if err := m.w.Close(); err != nil {
		return nil, "", fmt.Errorf("encoding the multipart body: %w", err)
	}
	if m.formData {
		return m.buf.Bytes(), m.w.FormDataContentType(), nil
	}
	params := maps.Clone(m.params)
	if params == nil {
		params = map[string]string{}
	}
	params["boundary"] = m.w.Boundary()
	if _, ok := params["type"]; !ok && m.mediaType == "multipart/related" && m.rootType != "" {
		// RFC 2387: type is required and names the root's (first part's)
		// media type.
		params["type"] = m.rootType
	}
	return m.buf.Bytes(), mime.FormatMediaType(m.mediaType, params), nil
}

// TextBody is the text of a text/* body whose schema is a number, integer
// or boolean: the value as a parameter writes it ("1.5", "true"), every
// digit of an int64 kept.
func TextBody(v any) []byte {
	if vs := valueStrings(v); len(vs) > 0 {
		return []byte(vs[0])
	}
	return nil
}

// CheckContentType reports an error unless contentType, the caller's
// Content-Type for a body, is one of accepts, the media types and ranges
// (image/*, */*) the spec declares for it; parameters are not compared.
func CheckContentType(contentType string, accepts ...string) error {
	if contentType == "" {
		if len(accepts) == 0 || len(accepts) == 1 && accepts[0] == "" {
			return fmt.Errorf("the body needs a Content-Type, and the spec names none; pass one")
		}
		return fmt.Errorf("the body needs a Content-Type: the spec accepts %s; pass one", strings.Join(accepts, ", "))
	}
	base, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("Content-Type %q: %w", contentType, err)
	}
	if len(accepts) == 0 || len(accepts) == 1 && accepts[0] == "" {
		return nil // the spec names none (content: {"": ...}): the caller's is it
	}
	for _, a := range accepts {
		ab, _, err := mime.ParseMediaType(a)
		if err != nil {
			ab = strings.ToLower(strings.TrimSpace(strings.Split(a, ";")[0]))
		}
		typ, sub, _ := strings.Cut(ab, "/")
		switch {
		case ab == base, ab == "*/*", sub == "*" && strings.HasPrefix(base, typ+"/"):
			return nil
		}
	}
	return fmt.Errorf("Content-Type %q is not one the spec accepts for the body (%s)", contentType, strings.Join(accepts, ", "))
}

// EncodeContent applies a body's declared transfer encoding to the
// caller's raw bytes as they are read: "base64" (OpenAPI 3.0's format:
// byte, 3.1's contentEncoding: base64) or "base64url"; any other value
// returns r as it is.
func EncodeContent(r io.Reader, encoding string) io.Reader {
	switch encoding {
	case "base64":
		return &base64Reader{src: r, enc: base64.StdEncoding}
	case "base64url":
		return &base64Reader{src: r, enc: base64.URLEncoding}
	}
	return r
}

// DecodeContent undoes a response body's declared transfer encoding as the
// stream is read: "base64" or "base64url" text becomes the bytes it
// carries (line breaks in it are skipped, as MIME writes them); any other
// encoding returns s as it is. The announced length, which counts the
// encoded text, becomes unknown (-1).
func DecodeContent(s *oas.Stream, encoding string) *oas.Stream {
	var enc *base64.Encoding
	switch encoding {
	case "base64":
		enc = base64.StdEncoding
	case "base64url":
		enc = base64.URLEncoding
	default:
		return s
	}
	body := s.ReadCloser
	s.ReadCloser = readCloser{base64.NewDecoder(enc, body), body}
	s.ContentLength = -1
	return s
}

// readCloser reads through one reader and closes another: a decoder over
// a body, closing the body.
type readCloser struct {
	io.Reader
	io.Closer
}

// base64Reader encodes src as it is read. Hand-rolled because the
// standard library's encoder is a writer: turning it into a reader takes
// an io.Pipe and a goroutine that outlives an abandoned request.
type base64Reader struct {
	src  io.Reader
	enc  *base64.Encoding
	in   [3 * 1024]byte
	out  []byte // encoded, not yet read
	done bool
	err  error
}

func (b *base64Reader) Read(p []byte) (int, error) {
	for len(b.out) == 0 {
		if b.done {
			return 0, b.err
		}
		// Whole groups of three bytes, so no padding but at the end.
		n, err := io.ReadFull(b.src, b.in[:])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			b.done, b.err = true, io.EOF
		} else if err != nil {
			b.done, b.err = true, err
		}
		b.out = b.enc.AppendEncode(b.out[:0], b.in[:n])
	}
	n := copy(p, b.out)
	b.out = b.out[n:]
	return n, nil
}

// EncodeForm encodes a body as application/x-www-form-urlencoded: each
// property of its JSON form is a field, so names, omitted optionals and
// enum values are the JSON encoding's. A property without a Param in
// styled is written as OpenAPI's default (style form, exploded) writes a
// scalar or an array: one field per element, null an empty value, and an
// object, or an array item that is one, as JSON text. A property with one
// (the spec's encoding for it, or an object, which the default style
// spreads into its members) is written as a query parameter of that
// style: `min=1&max=2` (form, exploded), `filter[min]=1` (deepObject).
// Properties go in name order.
func EncodeForm(v any, styled ...Param) ([]byte, error) {
	b, err := Encode(v)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		return nil, errors.New("encoding the request body: a form body must be a JSON object")
	}
	var fields []string
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		var field string
		if i := slices.IndexFunc(styled, func(p Param) bool { return p.Name == k }); i >= 0 {
			var ps Params
			ps.Query(styled[i], obj[k])
			if ps.err != nil {
				return nil, fmt.Errorf("encoding the request body: %w", ps.err)
			}
			field = ps.query.String()
		} else {
			dec := json.NewDecoder(bytes.NewReader(obj[k]))
			dec.UseNumber() // numbers as written, not through float64
			var val any
			if err := dec.Decode(&val); err != nil {
				return nil, fmt.Errorf("encoding the request body: %w", err)
			}
			form := url.Values{}
			if items, ok := val.([]any); ok {
				for _, it := range items {
					form.Add(k, formText(it))
				}
			} else {
				form.Add(k, formText(val))
			}
			field = form.Encode()
		}
		if field != "" { // an empty array is no field
			fields = append(fields, field)
		}
	}
	return []byte(strings.Join(fields, "&")), nil
}

func formText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v) // decoded from JSON: cannot fail
	return string(b)
}
