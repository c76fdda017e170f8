package bodies

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: bodies that are not one JSON value, as
// they go on the wire and come back.

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
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// request is what the server saw of one request.
type request struct {
	contentType, accept string
	body                []byte
}

// reply is one canned response.
type reply struct {
	status      int
	contentType string
	body        string
}

// serve answers with replies in turn (the last one again when they run out)
// and records every request.
func serve(t *testing.T, replies ...reply) (*APIClient, func() []request) {
	t.Helper()
	var mu sync.Mutex
	var seen []request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, request{r.Header.Get("Content-Type"), r.Header.Get("Accept"), b})
		rp := replies[min(len(seen), len(replies))-1]
		mu.Unlock()
		if rp.contentType != "" {
			w.Header().Set("Content-Type", rp.contentType)
		}
		if rp.body != "" {
			w.Header().Set("Content-Length", strconv.Itoa(len(rp.body)))
		}
		w.WriteHeader(rp.status)
		io.WriteString(w, rp.body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, func() []request {
		mu.Lock()
		defer mu.Unlock()
		return append([]request(nil), seen...)
	}
}

const js = "application/json"

func TestSeveral2xx(t *testing.T) {
	ctx := context.Background()
	c, _ := serve(t, reply{201, js, `{"id":7,"app":"web"}`})
	res, err := c.Deploy(ctx, DeploymentInput{App: "web"})
	if err != nil || res.StatusCode != 201 || res.Created == nil || res.Created.ID != 7 || res.Accepted != nil {
		t.Fatalf("201: %+v, %v", res, err)
	}
	c, _ = serve(t, reply{202, js, `{"message":"queued"}`})
	res, err = c.Deploy(ctx, DeploymentInput{App: "web"})
	if err != nil || res.StatusCode != 202 || res.Accepted == nil || res.Accepted.Message != "queued" || res.Created != nil {
		t.Fatalf("202: %+v, %v", res, err)
	}
	// A 2xx the spec does not document: its status, nothing invented.
	c, _ = serve(t, reply{200, js, `{"id":1}`})
	res, err = c.Deploy(ctx, DeploymentInput{App: "web"})
	if err != nil || res.StatusCode != 200 || res.Created != nil || res.Accepted != nil {
		t.Fatalf("200: %+v, %v", res, err)
	}
	// 201 whose body is not a Deployment: a DecodeError, not a zero value.
	c, _ = serve(t, reply{201, js, `[1]`})
	var de *DecodeError
	if res, err = c.Deploy(ctx, DeploymentInput{App: "web"}); res != nil || !errors.As(err, &de) {
		t.Fatalf("201 with a wrong body: %+v, %v", res, err)
	}
}

func TestUnionWithStream(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{203, "application/pdf", "%PDF-1.7"})
	res, err := c.GetReport(ctx)
	if err != nil || res.StatusCode != 203 || res.NonAuthoritativeInformation == nil || res.OK != nil {
		t.Fatalf("203: %+v, %v", res, err)
	}
	b, _ := io.ReadAll(res.NonAuthoritativeInformation)
	res.NonAuthoritativeInformation.Close()
	if string(b) != "%PDF-1.7" || res.NonAuthoritativeInformation.ContentType != "application/pdf" {
		t.Errorf("203 body %q (%s)", b, res.NonAuthoritativeInformation.ContentType)
	}
	if a := seen()[0].accept; a != "application/json, application/pdf" {
		t.Errorf("Accept %q", a)
	}
	c, _ = serve(t, reply{200, js, `{"rows":3}`})
	if res, err = c.GetReport(ctx); err != nil || res.OK == nil || res.OK.Rows.Or(0) != 3 || res.NonAuthoritativeInformation != nil {
		t.Fatalf("200: %+v, %v", res, err)
	}
	c, _ = serve(t, reply{204, "", ""})
	if res, err = c.GetReport(ctx); err != nil || res.StatusCode != 204 || res.OK != nil || res.NonAuthoritativeInformation != nil {
		t.Fatalf("204: %+v, %v", res, err)
	}
}

// onlyReader hides every method but Read, as a pipe or a network body would.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestOctetStreamUpload(t *testing.T) {
	ctx := context.Background()
	payload := bytes.Repeat([]byte{0, 1, 2, 0xff, '\r', '\n'}, 10000)
	for name, body := range map[string]func() io.Reader{
		"seeker":     func() io.Reader { return bytes.NewReader(payload) },
		"unseekable": func() io.Reader { return onlyReader{bytes.NewReader(payload)} },
	} {
		t.Run(name, func(t *testing.T) {
			// 503 is retried: the second attempt must carry the same bytes.
			c, seen := serve(t, reply{503, "", ""}, reply{200, js, `{"name":"a.bin","size":60000}`})
			info, err := c.UploadFile(ctx, "a.bin", body(), "")
			if err != nil || info == nil || info.Size != 60000 {
				t.Fatalf("UploadFile = %+v, %v", info, err)
			}
			reqs := seen()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			for i, r := range reqs {
				if !bytes.Equal(r.body, payload) || r.contentType != "application/octet-stream" {
					t.Errorf("attempt %d: %d bytes as %q, want the %d sent as application/octet-stream", i+1, len(r.body), r.contentType, len(payload))
				}
			}
		})
	}
	c, seen := serve(t, reply{200, js, `{"name":"a.png","size":3}`})
	if _, err := c.UploadFile(ctx, "a.png", strings.NewReader("png"), "image/png"); err != nil {
		t.Fatal(err)
	}
	if r := seen()[0]; r.contentType != "image/png" || string(r.body) != "png" {
		t.Errorf("with a content type: %+v", r)
	}
}

type part struct {
	name, filename, contentType, body string
}

func parts(t *testing.T, r request) []part {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.contentType)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type %q: %v", r.contentType, err)
	}
	mr := multipart.NewReader(bytes.NewReader(r.body), params["boundary"])
	var out []part
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		out = append(out, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
	}
}

func TestMultipartUpload(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{201, js, `{"name":"me.png","size":4}`})
	body := UploadAvatarParts{
		Image: oas.File{Name: `me "1".png`, Body: strings.NewReader("\x89PNG")},
		Meta:  Meta{Title: "me"},
	}
	body.Caption.Set("hello")
	body.Tags.Set([]string{"a", "b"})
	style, err := UploadAvatarPartsStyleFromUploadAvatarPartsStyle1(UploadAvatarPartsStyle1Round)
	if err != nil {
		t.Fatal(err)
	}
	body.Style.Set(style)
	body.Size.Set(64)
	body.Original.Set(oas.File{Name: "o.png", Body: strings.NewReader("o")})
	body.Thumbnails.Set([]oas.File{{Name: "s.png", Body: strings.NewReader("s")}, {Name: "m.png", Body: strings.NewReader("m")}})
	if info, err := c.UploadAvatar(ctx, body); err != nil || info.Name != "me.png" {
		t.Fatalf("UploadAvatar = %+v, %v", info, err)
	}
	got := parts(t, seen()[0])
	want := []part{
		{"caption", "", "", "hello"},
		{"image", `me "1".png`, "image/png", "\x89PNG"},
		{"meta", "", "application/json", `{"title":"me"}`},
		{"original", "o.png", "application/octet-stream", "o"},
		{"size", "", "", "64"},
		{"style", "", "", "round"},
		{"tags", "", "", "a"},
		{"tags", "", "", "b"},
		{"thumbnails", "s.png", "application/octet-stream", "s"},
		{"thumbnails", "m.png", "application/octet-stream", "m"},
	}
	if len(got) != len(want) {
		t.Fatalf("parts\n got %+v\nwant %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}

	// The file's own content type wins over the spec's; optional parts
	// left unset are not sent.
	c, seen = serve(t, reply{201, js, `{"name":"x","size":1}`})
	body = UploadAvatarParts{Image: oas.File{ContentType: "image/jpeg", Body: strings.NewReader("j")}, Meta: Meta{Title: "t"}}
	if _, err := c.UploadAvatar(ctx, body); err != nil {
		t.Fatal(err)
	}
	got = parts(t, seen()[0])
	if len(got) != 2 || got[0] != (part{"image", "image", "image/jpeg", "j"}) || got[1].name != "meta" {
		t.Errorf("parts %+v", got)
	}

	// Validated before sending: a caption over maxLength.
	c, seen = serve(t, reply{201, js, `{}`})
	body.Caption.Set(strings.Repeat("x", 41))
	var verr *oas.ValidationError
	if _, err := c.UploadAvatar(ctx, body); !errors.As(err, &verr) || len(seen()) != 0 {
		t.Errorf("invalid caption: %v, %d requests", err, len(seen()))
	}
}

func TestFormAndText(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{200, "text/plain; charset=utf-8", "tok-1"})
	body := LoginRequestForm{Username: "ann", Password: "p&q=r"}
	body.Remember.Set(true)
	body.Scopes.Set([]string{"read", "write"})
	tok, err := c.Login(ctx, body)
	if err != nil || tok != "tok-1" {
		t.Fatalf("Login = %q, %v", tok, err)
	}
	r := seen()[0]
	if r.contentType != "application/x-www-form-urlencoded" || string(r.body) != "password=p%26q%3Dr&remember=true&scopes=read&scopes=write&username=ann" {
		t.Errorf("form request %q: %s", r.contentType, r.body)
	}
	if r.accept != "text/plain" {
		t.Errorf("Accept %q", r.accept)
	}

	c, _ = serve(t, reply{200, "text/plain", "Hello\n"})
	if s, err := c.GetMotd(ctx); err != nil || s != "Hello\n" {
		t.Errorf("GetMotd = %q, %v", s, err)
	}

	c, seen = serve(t, reply{201, "", ""})
	if err := c.CreateNote(ctx, "a note\n"); err != nil {
		t.Fatal(err)
	}
	if r := seen()[0]; r.contentType != "text/plain" || string(r.body) != "a note\n" {
		t.Errorf("text request %+v", r)
	}
}

// TestFormStyles: in a form body an object is spread into its members
// (style form, exploded, OpenAPI's default), a property the encoding
// object styles is written in that style, as a query parameter would be,
// and one whose encoding says application/json is its JSON text.
func TestFormStyles(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{204, "", ""})
	body := SearchRequestForm{Q: "a b"}
	body.Filter = &SearchRequestFormFilter{Status: oas.Some("open"), Tag: oas.Some("x&y")}
	body.Range = &SearchRequestFormRange{Min: oas.Some[int64](1), Max: oas.Some[int64](9)}
	body.IDs.Set([]int64{3, 4})
	body.Tags.Set([]string{"a", "b"})
	if err := c.Search(ctx, body); err != nil {
		t.Fatal(err)
	}
	r := seen()[0]
	want := "filter[status]=open&filter[tag]=x%26y&ids=3|4&q=a+b&max=9&min=1&tags=%5B%22a%22%2C%22b%22%5D"
	if r.contentType != "application/x-www-form-urlencoded" || string(r.body) != want {
		t.Errorf("form %q:\n got %s\nwant %s", r.contentType, r.body, want)
	}
}

// TestMultipartFormPart: a part whose encoding says
// application/x-www-form-urlencoded carries the object form-encoded.
func TestMultipartFormPart(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{204, "", ""})
	body := CreateProfileParts{Name: "ann"}
	body.Address.Set(CreateProfilePartsAddress{City: oas.Some("Oslo"), Zip: oas.Some("0150")})
	if err := c.CreateProfile(ctx, body); err != nil {
		t.Fatal(err)
	}
	r := seen()[0]
	_, params, err := mime.ParseMediaType(r.contentType)
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(r.body), params["boundary"])
	var got []string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(part)
		got = append(got, part.FormName()+" "+part.Header.Get("Content-Type")+" "+string(b))
	}
	want := []string{"address application/x-www-form-urlencoded city=Oslo&zip=0150", "name  ann"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBinaryDownload(t *testing.T) {
	ctx := context.Background()
	data := strings.Repeat("0123456789abcdef", 1<<16) // 1 MiB
	c, seen := serve(t, reply{200, "application/octet-stream", data})
	s, err := c.DownloadFile(ctx, "big.bin")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(s)
	if err != nil || string(b) != data {
		t.Errorf("read %d bytes, %v; want %d", len(b), err, len(data))
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
	if s.ContentType != "application/octet-stream" || s.StatusCode != 200 || s.ContentLength != int64(len(data)) {
		t.Errorf("stream %s %d %d", s.ContentType, s.StatusCode, s.ContentLength)
	}
	// The stream, and the JSON its 404 comes in.
	if a := seen()[0].accept; a != "application/octet-stream, application/json" {
		t.Errorf("Accept %q", a)
	}
	c, _ = serve(t, reply{404, js, `{"message":"no file"}`})
	var nf *ErrorError
	if s, err := c.DownloadFile(ctx, "gone"); s != nil || !errors.As(err, &nf) || nf.Body.Message != "no file" {
		t.Errorf("404 = %v, %v", s, err)
	}
}

func TestEmptyBodies(t *testing.T) {
	ctx := context.Background()
	// A 204 the spec declares a body for: nothing to decode, no error.
	c, _ := serve(t, reply{204, js, ""})
	if d, err := c.DeleteDeployment(ctx, 1); d != nil || err != nil {
		t.Errorf("204 = %+v, %v", d, err)
	}
	c, _ = serve(t, reply{200, js, `{"id":1,"app":"x"}`})
	if d, err := c.DeleteDeployment(ctx, 1); err != nil || d == nil || d.App != "x" {
		t.Errorf("200 = %+v, %v", d, err)
	}
	// An empty 200 where JSON is declared: nil, not "empty body".
	c, _ = serve(t, reply{200, js, ""})
	if d, err := c.GetDeployment(ctx, 1); d != nil || err != nil {
		t.Errorf("empty 200 = %+v, %v", d, err)
	}
}

func TestNonJSONErrorBodies(t *testing.T) {
	ctx := context.Background()
	html := "<html><body>502 Bad Gateway</body></html>"
	for _, rp := range []reply{
		{404, "text/html", html}, // documented status, undocumented body
		{502, "text/html", html}, // undocumented status
		{404, "", ""},            // documented status, no body
	} {
		c, _ := serve(t, rp)
		d, err := c.GetDeployment(ctx, 1)
		var apiErr *APIError
		var de *DecodeError
		var nf *ErrorError
		if d != nil || !errors.As(err, &apiErr) || errors.As(err, &de) || errors.As(err, &nf) {
			t.Errorf("%d %s: %v, %v; want a bare *APIError", rp.status, rp.contentType, d, err)
			continue
		}
		if apiErr.StatusCode != rp.status || string(apiErr.Raw) != rp.body {
			t.Errorf("%d: APIError %d with %q", rp.status, apiErr.StatusCode, apiErr.Raw)
		}
		if rp.body != "" && !strings.Contains(err.Error(), "502 Bad Gateway") {
			t.Errorf("message %q does not quote the body", err)
		}
	}
	// JSON that is not the documented error is still a DecodeError.
	c, _ := serve(t, reply{404, js, `[]`})
	var de *DecodeError
	if _, err := c.GetDeployment(ctx, 1); !errors.As(err, &de) || string(de.Raw) != "[]" {
		t.Errorf("404 with a wrong JSON body: %v", err)
	}
}

// TestMultipartRelated: a multipart/related body goes out as
// multipart/related, its parts in the spec's order, the root's type in
// the type parameter (RFC 2387).
func TestMultipartRelated(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{201, "", ""})
	err := c.UploadDocument(ctx, UploadDocumentParts{
		Metadata: Meta{Title: "report"},
		Content:  oas.File{Name: "r.pdf", Body: strings.NewReader("%PDF-1.7")},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := seen()[0]
	mt, params, err := mime.ParseMediaType(r.contentType)
	if err != nil || mt != "multipart/related" || params["type"] != "application/json" || params["boundary"] == "" {
		t.Fatalf("Content-Type %q (%v)", r.contentType, err)
	}
	mr := multipart.NewReader(bytes.NewReader(r.body), params["boundary"])
	var got []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		got = append(got, p.FormName()+" "+p.Header.Get("Content-Type")+" "+string(b))
	}
	want := []string{`metadata application/json {"title":"report"}`, "content application/pdf %PDF-1.7"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMediaRange: a body declared as image/* needs the caller's concrete
// type, which must be in the range; nothing is sent otherwise.
func TestMediaRange(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{201, "", ""})
	if err := c.UploadPicture(ctx, strings.NewReader("GIF89a"), "image/gif"); err != nil {
		t.Fatal(err)
	}
	if r := seen()[0]; r.contentType != "image/gif" || string(r.body) != "GIF89a" {
		t.Fatalf("sent %q as %q", r.body, r.contentType)
	}
	for _, ct := range []string{"", "application/octet-stream", "text/plain"} {
		if err := c.UploadPicture(ctx, strings.NewReader("x"), ct); err == nil {
			t.Errorf("Content-Type %q outside image/*: no error", ct)
		}
	}
	if n := len(seen()); n != 1 {
		t.Errorf("%d requests sent, want 1", n)
	}
}

// TestWildcardJSON: a body of fields under */* is sent as JSON, labelled
// application/json, and a */* response of fields is asked for as */* and
// decoded as JSON.
func TestWildcardJSON(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{200, "application/json", `{"name":"app","values":{"tier":"web","x":"1"}}`})
	got, err := c.PutLabels(ctx, Labels{Name: "app", Values: oas.Some(map[string]string{"tier": "web"})})
	if err != nil {
		t.Fatal(err)
	}
	if r := seen()[0]; r.contentType != "application/json" || string(r.body) != `{"name":"app","values":{"tier":"web"}}` {
		t.Errorf("sent %q as %q", r.body, r.contentType)
	}
	if got.Name != "app" || got.Values.Or(nil)["x"] != "1" {
		t.Errorf("decoded %+v", got)
	}
	if got, err = c.GetLabels(ctx); err != nil || got.Name != "app" || got.Values.Or(nil)["tier"] != "web" {
		t.Errorf("GetLabels: %+v, %v", got, err)
	}
	if r := seen()[1]; r.accept != "*/*" {
		t.Errorf("GetLabels asked for %q, want the range */*", r.accept)
	}
}

// TestBase64Body: a body of format byte is base64 text on the wire; the
// caller passes the raw bytes, and a retry sends the same text.
func TestBase64Body(t *testing.T) {
	ctx := context.Background()
	raw := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 0xff, 7}, 1000) // not a multiple of 3
	c, seen := serve(t, reply{503, "", ""}, reply{201, "", ""})
	if err := c.UploadThumbnail(ctx, onlyReader{bytes.NewReader(raw)}, "", WithRetries(RetryPolicy{MaxAttempts: 2, StatusCodes: []int{503}, InitialInterval: time.Millisecond, MaxInterval: time.Millisecond, Exponent: 1})); err != nil {
		t.Fatal(err)
	}
	want := base64.StdEncoding.EncodeToString(raw)
	for i, r := range seen() {
		if r.contentType != "image/png" || string(r.body) != want {
			t.Errorf("attempt %d: %d bytes as %q, want the base64 text (%d bytes) as image/png", i+1, len(r.body), r.contentType, len(want))
		}
	}
}

// TestBase64Download: a binary response of format byte is base64 text on
// the wire; the stream hands over the bytes it carries, line breaks and
// all, and closing it closes the body.
func TestBase64Download(t *testing.T) {
	ctx := context.Background()
	raw := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 0xff, 7}, 1000)
	text := base64.StdEncoding.EncodeToString(raw)
	var wrapped strings.Builder
	for len(text) > 76 {
		wrapped.WriteString(text[:76] + "\r\n")
		text = text[76:]
	}
	wrapped.WriteString(text)
	c, seen := serve(t, reply{200, "image/png", wrapped.String()})
	s, err := c.DownloadThumbnail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(s)
	if err != nil || !bytes.Equal(b, raw) {
		t.Errorf("read %d bytes, %v; want the %d bytes the base64 text carries", len(b), err, len(raw))
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
	if s.ContentLength != -1 || s.ContentType != "image/png" {
		t.Errorf("stream: length %d, type %q; want -1 (the text's length is not the bytes'), image/png", s.ContentLength, s.ContentType)
	}
	if a := seen()[0].accept; a != "image/png" {
		t.Errorf("Accept %q", a)
	}
	c, _ = serve(t, reply{200, "image/png", "not base64!"})
	if s, err := c.DownloadThumbnail(ctx); err != nil {
		t.Fatal(err)
	} else if _, err := io.ReadAll(s); err == nil {
		t.Error("bad base64 read without an error")
	}
}

// TestTextScalarBody: a text/plain body of type number or integer takes
// the typed value and sends its text, every digit kept.
func TestTextScalarBody(t *testing.T) {
	ctx := context.Background()
	c, seen := serve(t, reply{204, "", ""})
	if err := c.SetGauge(ctx, 1.5); err != nil {
		t.Fatal(err)
	}
	if err := c.SetCounter(ctx, 9007199254740993); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"1.5", "9007199254740993"} {
		if r := seen()[i]; r.contentType != "text/plain" || string(r.body) != want {
			t.Errorf("sent %q as %q, want %q as text/plain", r.body, r.contentType, want)
		}
	}
}
