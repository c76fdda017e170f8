package oasimpl

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/oasgen/oasgen/oas"
)

func TestEncodeForm(t *testing.T) {
	type body struct {
		Name   string          `json:"name"`
		Big    int64           `json:"big"`
		Ratio  float64         `json:"ratio"`
		On     bool            `json:"on"`
		Tags   []string        `json:"tags"`
		Gone   *string         `json:"gone"`
		Nested map[string]int  `json:"nested"`
		Opt    oas.Opt[string] `json:"opt,omitzero"`
	}
	got, err := EncodeForm(body{Name: "a b&c", Big: 1 << 62, Ratio: 0.1, On: true, Tags: []string{"x", "y"}, Nested: map[string]int{"k": 1}})
	if err != nil {
		t.Fatal(err)
	}
	// Numbers as written (not through float64), null as empty, an object as
	// JSON text, an unset optional left out.
	want := "big=4611686018427387904&gone=&name=a+b%26c&nested=%7B%22k%22%3A1%7D&on=true&ratio=0.1&tags=x&tags=y"
	if string(got) != want {
		t.Errorf("EncodeForm\n got %s\nwant %s", got, want)
	}
	if _, err := EncodeForm([]int{1}); err == nil {
		t.Error("a JSON array encoded as a form")
	}
}

// TestEncodeFormStyled: a property given a Param is written in its style,
// as a query parameter of that style would be (OpenAPI's encoding object
// for form bodies); the others as before, every field in name order.
func TestEncodeFormStyled(t *testing.T) {
	type rng struct {
		Min int `json:"min"`
		Max int `json:"max"`
	}
	type body struct {
		Object rng      `json:"object"`
		Deep   rng      `json:"deep"`
		Pipes  []string `json:"pipes"`
		Empty  []string `json:"empty"`
		Name   string   `json:"name"`
		Nested struct {
			In rng `json:"in"`
		} `json:"nested"`
	}
	v := body{Object: rng{1, 2}, Deep: rng{3, 4}, Pipes: []string{"a b", "c"}, Empty: []string{}, Name: "x y"}
	v.Nested.In = rng{5, 6}
	got, err := EncodeForm(v,
		Param{Name: "object", Style: StyleForm, Explode: true},
		Param{Name: "deep", Style: StyleDeepObject, Explode: true},
		Param{Name: "pipes", Style: StylePipeDelimited},
		Param{Name: "nested", Style: StyleDeepObject, Explode: true},
		Param{Name: "unused", Style: StyleDeepObject, Explode: true},
	)
	if err != nil {
		t.Fatal(err)
	}
	want := "deep[min]=3&deep[max]=4&name=x+y&nested[in][min]=5&nested[in][max]=6&min=1&max=2&pipes=a%20b|c"
	if string(got) != want {
		t.Errorf("EncodeForm\n got %s\nwant %s", got, want)
	}
	q, err := url.ParseQuery(string(got))
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("deep[max]") != "4" || q.Get("min") != "1" || q.Get("name") != "x y" || q.Get("pipes") != "a b|c" {
		t.Errorf("as a server reads it: %v", q)
	}
	// An encoding with a JSON content type: the value's JSON text, whole.
	got, err = EncodeForm(struct {
		IDs []int `json:"ids"`
		Obj rng   `json:"obj"`
	}{[]int{1, 2}, rng{1, 2}}, Param{Name: "ids", JSON: true}, Param{Name: "obj", JSON: true})
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := url.ParseQuery(string(got)); q.Get("ids") != "[1,2]" || q.Get("obj") != `{"min":1,"max":2}` || len(q) != 2 {
		t.Errorf("JSON fields: %s", got)
	}
}

func TestDecodeErrorResponseKeepsNonJSON(t *testing.T) {
	type problem struct {
		Message string `json:"message"`
	}
	resp := func(ct, body string) *Response {
		h := http.Header{}
		if ct != "" {
			h.Set("Content-Type", ct)
		}
		return &Response{Response: oas.Response{Method: "GET", URL: "http://x/y", StatusCode: 502, Header: h, Body: []byte(body)}}
	}
	for _, r := range []*Response{resp("text/html; charset=utf-8", "<html>down</html>"), resp("application/json", ""), resp("text/plain", "oops")} {
		err := DecodeErrorResponse[problem](r)
		var api *oas.APIError
		var de *oas.DecodeError
		if !errors.As(err, &api) || errors.As(err, &de) || string(api.Raw) != string(r.Body) {
			t.Errorf("%s %q: %T %v; want an *oas.APIError with the raw body", r.Header.Get("Content-Type"), r.Body, err, err)
		}
	}
	// No Content-Type, JSON body: decoded.
	var pe *oas.ResponseError[problem]
	if err := DecodeErrorResponse[problem](resp("", `{"message":"m"}`)); !errors.As(err, &pe) || pe.Body.Message != "m" {
		t.Errorf("untyped JSON: %v", err)
	}
}

// A streamed 2xx that is retried is closed before the next attempt, and a
// request body read from an unseekable reader is replayed byte for byte.
func TestStreamRetriedAndReplayed(t *testing.T) {
	var hits atomic.Int32
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if hits.Add(1) == 1 {
			w.WriteHeader(http.StatusAccepted) // retried below
			io.WriteString(w, "not yet")
			return
		}
		io.WriteString(w, "done")
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	var closes atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		res, err := http.DefaultTransport.RoundTrip(r)
		if err == nil {
			res.Body = closeCounter{res.Body, &closes}
		}
		return res, err
	})}
	tr := &Transport{HTTPClient: hc, Sleep: func(context.Context, time.Duration) error { return nil }}
	call := &Call{Method: "POST", URL: u, Reader: struct{ io.Reader }{strings.NewReader("payload")}, Stream: true,
		Retry: &oas.RetryPolicy{StatusCodes: []int{http.StatusAccepted}, MaxAttempts: 3}}
	resp, err := tr.Do(context.Background(), call, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := StreamOf(resp)
	defer s.Close()
	b, _ := io.ReadAll(s)
	if string(b) != "done" || len(bodies) != 2 || bodies[0] != "payload" || bodies[1] != "payload" {
		t.Errorf("got %q after requests with bodies %q", b, bodies)
	}
	if n := closes.Load(); n != 1 {
		t.Errorf("%d bodies closed before the caller closed its stream; want the retried one", n)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type closeCounter struct {
	io.ReadCloser
	n *atomic.Int32
}

func (c closeCounter) Close() error { c.n.Add(1); return c.ReadCloser.Close() }

func TestCheckContentType(t *testing.T) {
	for _, tc := range []struct {
		ct      string
		accepts []string
		ok      bool
	}{
		{"image/png", []string{"image/*"}, true},
		{"Image/PNG; q=1", []string{"image/*"}, true},
		{"image/png", []string{"image/png; charset=x"}, true},
		{"application/pdf", []string{"*/*"}, true},
		{"text/plain", []string{"image/*", "text/plain"}, true},
		{"", []string{"image/*"}, false},
		{"application/octet-stream", []string{"image/*"}, false},
		{"imagex/png", []string{"image/*"}, false},
		{"image", []string{"image/*"}, false},
		// content: {"": ...} names no media type: the caller's is it.
		{"application/json", []string{""}, true},
		{"", []string{""}, false},
		{"not a type", []string{""}, false},
	} {
		if err := CheckContentType(tc.ct, tc.accepts...); (err == nil) != tc.ok {
			t.Errorf("CheckContentType(%q, %q) = %v, want ok %v", tc.ct, tc.accepts, err, tc.ok)
		}
	}
}

func TestEncodeContent(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 3071, 3072, 3073, 10000} {
		raw := make([]byte, n)
		for i := range raw {
			raw[i] = byte(i*7 + 0xf0)
		}
		for enc, want := range map[string]string{
			"base64":    base64.StdEncoding.EncodeToString(raw),
			"base64url": base64.URLEncoding.EncodeToString(raw),
			"":          string(raw),
		} {
			// A reader returning one byte at a time reads like a network body.
			got, err := io.ReadAll(EncodeContent(iotest.OneByteReader(bytes.NewReader(raw)), enc))
			if err != nil || string(got) != want {
				t.Errorf("%d bytes, %q: got %d bytes (%v), want %d", n, enc, len(got), err, len(want))
			}
		}
	}
	// A read error reaches the caller after what was read before it.
	got, err := io.ReadAll(EncodeContent(io.MultiReader(strings.NewReader("abc"), iotest.ErrReader(io.ErrClosedPipe)), "base64"))
	if err != io.ErrClosedPipe || string(got) != "YWJj" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestMultipartSubtype(t *testing.T) {
	for _, tc := range []struct{ media, wantType, wantRoot string }{
		{"multipart/related", "multipart/related", "application/json"},
		{"multipart/related; type=\"application/xop+xml\"", "multipart/related", "application/xop+xml"},
		{"multipart/mixed", "multipart/mixed", ""},
		{"multipart/form-data", "multipart/form-data", ""},
	} {
		m := NewMultipartOf(tc.media)
		m.JSON("meta", "application/json", map[string]int{"a": 1})
		m.Text("note", "text/plain", "hi")
		body, ct, err := m.Finish()
		if err != nil {
			t.Fatal(err)
		}
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil || mt != tc.wantType || params["type"] != tc.wantRoot {
			t.Errorf("%s: Content-Type %q (%v)", tc.media, ct, err)
			continue
		}
		r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		var names []string
		for {
			p, err := r.NextPart()
			if err != nil {
				break
			}
			names = append(names, p.FormName()+":"+p.Header.Get("Content-Type"))
		}
		want := "meta:application/json note:text/plain"
		if tc.wantType == "multipart/form-data" {
			want = "meta:application/json note:" // text/plain is form-data's default, not said
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("%s: parts %q, want %q", tc.media, got, want)
		}
	}
}

// TestMultipartForm: a part labelled as a form holds the object's form
// encoding, objects among its members spread into theirs; null is an
// empty part.
func TestMultipartForm(t *testing.T) {
	type addr struct {
		City string         `json:"city"`
		Geo  map[string]int `json:"geo"`
	}
	m := NewMultipartOf("multipart/form-data")
	m.Form("address", "application/x-www-form-urlencoded", addr{City: "Oslo", Geo: map[string]int{"lat": 59}})
	m.Form("none", "application/x-www-form-urlencoded", (*addr)(nil))
	body, ct, err := m.Finish()
	if err != nil {
		t.Fatal(err)
	}
	_, params, _ := mime.ParseMediaType(ct)
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var got []string
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		b, _ := io.ReadAll(p)
		got = append(got, p.FormName()+" "+string(b))
	}
	if want := "address city=Oslo&lat=59|none "; strings.Join(got, "|") != want {
		t.Errorf("parts %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestTextBody(t *testing.T) {
	for v, want := range map[any]string{1.5: "1.5", int64(9007199254740993): "9007199254740993", true: "true", float64(1e21): "1000000000000000000000", int32(-7): "-7"} {
		if got := string(TextBody(v)); got != want {
			t.Errorf("TextBody(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestNewMultipartStaysFormData: code generated for runtime version 2
// calls NewMultipart() (MinVersion is 1), which must still build a
// multipart/form-data body.
func TestNewMultipartStaysFormData(t *testing.T) {
	m := NewMultipart()
	m.Text("a", "", "b")
	_, ct, err := m.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ct, "multipart/form-data; boundary=") {
		t.Errorf("content type %q, want multipart/form-data with a boundary", ct)
	}
}

// TestDecodeContent: base64 and base64url text become their bytes, other
// encodings pass through, and closing the decoded stream closes the body.
func TestDecodeContent(t *testing.T) {
	raw := []byte{0xfb, 0xff, 0xfe, 'a', 0}
	for _, c := range []struct{ encoding, text string }{
		{"base64", base64.StdEncoding.EncodeToString(raw)},
		{"base64url", base64.URLEncoding.EncodeToString(raw)},
		{"", string(raw)},
		{"binary", string(raw)},
	} {
		var closed atomic.Int32
		body := closeCounter{io.NopCloser(strings.NewReader(c.text)), &closed}
		s := DecodeContent(&oas.Stream{ReadCloser: body, ContentLength: int64(len(c.text))}, c.encoding)
		got, err := io.ReadAll(s)
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("%q: %x, %v; want %x", c.encoding, got, err, raw)
		}
		if err := s.Close(); err != nil || closed.Load() != 1 {
			t.Errorf("%q: Close = %v, body closed %d times", c.encoding, err, closed.Load())
		}
		if want := int64(-1); c.encoding == "" || c.encoding == "binary" {
			if s.ContentLength != int64(len(c.text)) {
				t.Errorf("%q: length %d changed", c.encoding, s.ContentLength)
			}
		} else if s.ContentLength != want {
			t.Errorf("%q: length %d, want -1", c.encoding, s.ContentLength)
		}
	}
}
