package oasimpl

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// rgb is the style table's object {R:100, G:200, B:150}; encoding/json
// keeps the fields' order, as generated MarshalJSON keeps the plan's.
type rgb struct {
	R int `json:"R"`
	G int `json:"G"`
	B int `json:"B"`
}

type color string

// sent is what a server received.
type sent struct{ uri, header, cookie string }

// onTheWire sends one request carrying what set put into a Params through
// Transport.Do and returns the raw request URI, the X-Color header and the
// Cookie header as the server saw them.
func onTheWire(t *testing.T, set func(ps *Params) string) sent {
	t.Helper()
	var mu sync.Mutex
	var got sent
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = sent{r.RequestURI, strings.Join(r.Header.Values("X-Color"), "|"), strings.Join(r.Header.Values("Cookie"), "|")}
		mu.Unlock()
	}))
	defer srv.Close()
	server, _ := url.Parse(srv.URL)
	var ps Params
	path := set(&ps)
	u, err := ps.URL(server, path)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&Transport{}).Do(context.Background(), &Call{Method: "GET", URL: u, Header: ps.Headers()}, nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("Do: %v, %v", resp, err)
	}
	mu.Lock()
	defer mu.Unlock()
	return got
}

// TestStyleTable checks every style × explode × type of the OpenAPI
// specification's style examples table (color = blue, [blue,black,brown],
// {R:100,G:200,B:150}, and null for "empty"), byte for byte as the server
// receives them. Where the 3.0.3 table writes spaceDelimited without the
// name, the name is sent, as the 3.1.1 table corrects.
func TestStyleTable(t *testing.T) {
	values := []struct {
		name string
		v    any
	}{{"empty", nil}, {"string", "blue"}, {"array", []string{"blue", "black", "brown"}}, {"object", rgb{100, 200, 150}}}
	const na = "\x00" // not in the table
	rows := []struct {
		in      string
		style   Style
		explode bool
		want    [4]string // empty, string, array, object
	}{
		{"path", StyleSimple, false, [4]string{"", "blue", "blue,black,brown", "R,100,G,200,B,150"}},
		{"path", StyleSimple, true, [4]string{"", "blue", "blue,black,brown", "R=100,G=200,B=150"}},
		{"path", StyleLabel, false, [4]string{".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"}},
		{"path", StyleLabel, true, [4]string{".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"}},
		{"path", StyleMatrix, false, [4]string{";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"}},
		{"path", StyleMatrix, true, [4]string{";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"}},
		{"query", StyleForm, false, [4]string{"color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"}},
		{"query", StyleForm, true, [4]string{"color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"}},
		{"query", StyleSpaceDelimited, false, [4]string{na, na, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"}},
		{"query", StylePipeDelimited, false, [4]string{na, na, "color=blue|black|brown", "color=R|100|G|200|B|150"}},
		{"query", StyleDeepObject, true, [4]string{na, na, na, "color[R]=100&color[G]=200&color[B]=150"}},
		{"header", StyleSimple, false, [4]string{"", "blue", "blue,black,brown", "R,100,G,200,B,150"}},
		{"header", StyleSimple, true, [4]string{"", "blue", "blue,black,brown", "R=100,G=200,B=150"}},
		{"cookie", StyleForm, false, [4]string{"color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"}},
		// Exploded cookies: one cookie per item (form's '&' has no meaning
		// in a Cookie header), as OpenAPI 3.2's cookie style writes them.
		{"cookie", StyleForm, true, [4]string{"color=", "color=blue", "color=blue; color=black; color=brown", "R=100; G=200; B=150"}},
	}
	for _, row := range rows {
		for i, val := range values {
			want := row.want[i]
			if want == na {
				continue
			}
			name := row.in + "/" + string(row.style) + "/explode=" + map[bool]string{true: "true", false: "false"}[row.explode] + "/" + val.name
			t.Run(name, func(t *testing.T) {
				p := Param{Name: "color", Style: row.style, Explode: row.explode}
				if row.in == "header" {
					p.Name = "X-Color"
				}
				got := onTheWire(t, func(ps *Params) string {
					switch row.in {
					case "path":
						return "/p/" + ps.Path(p, val.v) + "/x"
					case "query":
						ps.Query(p, val.v)
					case "header":
						ps.Header(p, val.v)
					case "cookie":
						ps.Cookie(p, val.v)
					}
					return "/p"
				})
				var have string
				switch row.in {
				case "path":
					have = strings.TrimSuffix(strings.TrimPrefix(got.uri, "/p/"), "/x")
				case "query":
					have = strings.TrimPrefix(got.uri, "/p?")
					if got.uri == "/p" {
						have = ""
					}
				case "header":
					have = got.header
				case "cookie":
					have = got.cookie
				}
				if have != want {
					t.Errorf("got %q, want %q (request %+v)", have, want, got)
				}
			})
		}
	}
}

// filter is a deepObject parameter as generated: optional and nullable
// fields, one of them nested.
type filter struct {
	Connectors oas.Opt[string]         `json:"connectors,omitzero"`
	Gone       oas.Nullable[string]    `json:"gone,omitzero"`
	Absent     oas.Opt[string]         `json:"absent,omitzero"`
	Range      oas.Opt[map[string]int] `json:"range,omitzero"`
	Tags       []string                `json:"tags,omitzero"`
}

// TestParamEncoding covers escaping, allowReserved, content
// application/json, free-form values, the runtime wrappers and the types a
// plan produces, as received by a server.
func TestParamEncoding(t *testing.T) {
	tm := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	f := filter{Tags: []string{"a", "b c"}}
	f.Connectors.Set("hibob")
	f.Gone.SetNull()
	f.Range.Set(map[string]int{"min": 1})
	cases := []struct {
		name string
		set  func(ps *Params) string
		want sent
	}{
		{"path escapes reserved characters in values", func(ps *Params) string {
			return "/p/" + ps.Path(Param{Name: "id", Style: StyleSimple}, "a/b c,d;e=f?")
		}, sent{uri: "/p/a%2Fb%20c%2Cd%3Be%3Df%3F"}},
		{"path array items keep commas apart", func(ps *Params) string {
			return "/p/" + ps.Path(Param{Name: "id", Style: StyleSimple}, []string{"a,b", "c"})
		}, sent{uri: "/p/a%2Cb,c"}},
		{"query escapes values and names", func(ps *Params) string {
			ps.Query(Param{Name: "q", Style: StyleForm, Explode: true}, "a&b=c+d é#")
			ps.Query(Param{Name: "ids[]", Style: StyleForm, Explode: true}, []int64{1, 2})
			return "/p"
		}, sent{uri: "/p?q=a%26b%3Dc%2Bd%20%C3%A9%23&ids%5B%5D=1&ids%5B%5D=2"}},
		{"form unexploded array: fields=id,type", func(ps *Params) string {
			ps.Query(Param{Name: "fields", Style: StyleForm}, []string{"id", "type,x"})
			return "/p"
		}, sent{uri: "/p?fields=id,type%2Cx"}},
		{"allowReserved", func(ps *Params) string {
			ps.Query(Param{Name: "q", Style: StyleForm, Explode: true, AllowReserved: true}, "a/b?c:d,e@f!$'()*;%41&g=h+i#j[k] l")
			return "/p"
		}, sent{uri: "/p?q=a/b?c:d,e@f!$'()*;%41%26g%3Dh%2Bi%23j%5Bk%5D%20l"}},
		{"deepObject of a generated struct", func(ps *Params) string {
			ps.Query(Param{Name: "filter", Style: StyleDeepObject, Explode: true}, f)
			return "/p"
		}, sent{uri: "/p?filter[connectors]=hibob&filter[gone]=&filter[range][min]=1&filter[tags]=a&filter[tags]=b%20c"}},
		{"form exploded object drops absent fields, sends null empty", func(ps *Params) string {
			ps.Query(Param{Name: "filter", Style: StyleForm, Explode: true}, filter{Connectors: oas.Some("x y"), Gone: oas.Null[string]()})
			return "/p"
		}, sent{uri: "/p?connectors=x%20y&gone="}},
		{"map keys are escaped", func(ps *Params) string {
			ps.Query(Param{Name: "m", Style: StyleForm, Explode: true}, map[string]string{"a b": "1", "c&d": "2"})
			return "/p"
		}, sent{uri: "/p?a%20b=1&c%26d=2"}},
		{"content application/json", func(ps *Params) string {
			ps.Query(Param{Name: "filter", JSON: true}, map[string]string{"connectors": "hibob"})
			ps.Header(Param{Name: "X-Color", JSON: true}, []int{1, 2})
			ps.Cookie(Param{Name: "c", JSON: true}, nil)
			return "/p/" + ps.Path(Param{Name: "id", JSON: true}, "a b")
		}, sent{uri: "/p/%22a%20b%22?filter=%7B%22connectors%22%3A%22hibob%22%7D", header: "[1,2]", cookie: "c=null"}},
		{"free-form values are written by their JSON shape", func(ps *Params) string {
			ps.Query(Param{Name: "x", Style: StyleForm, Explode: true}, json.RawMessage(`{"a": [1, 2], "b": "c d"}`))
			ps.Query(Param{Name: "y", Style: StyleForm, Explode: true}, []json.RawMessage{json.RawMessage(`"s"`), json.RawMessage(`3`)})
			ps.Query(Param{Name: "z", Style: StyleForm}, json.RawMessage(`[1, "two", null]`))
			ps.Query(Param{Name: "filter", Style: StyleDeepObject, Explode: true}, json.RawMessage(`{"connectors": "hibob", "page": {"size": 2}, "ids": [1, 2]}`))
			ps.Query(Param{Name: "q", Style: StyleForm, Explode: true}, json.RawMessage(` "plain text" `))
			ps.Header(Param{Name: "X-Color"}, json.RawMessage(`{"k": 1, "l": true}`))
			return "/p/" + ps.Path(Param{Name: "id", Style: StyleLabel, Explode: true}, json.RawMessage(`["a", "b"]`))
		}, sent{uri: "/p/.a.b?a=%5B1%2C2%5D&b=c%20d&y=s&y=3&z=1,two,&filter[connectors]=hibob&filter[page][size]=2&filter[ids]=1&filter[ids]=2&q=plain%20text", header: "k,1,l,true"}},
		{"wrapped items: null is empty, absent is left out", func(ps *Params) string {
			ps.Query(Param{Name: "t", Style: StyleForm, Explode: true}, []oas.Nullable[color]{oas.Value(color("red")), oas.Null[color](), {}})
			ps.Query(Param{Name: "u", Style: StyleForm}, []oas.Opt[int64]{oas.Some(int64(1)), {}, oas.Some(int64(2))})
			return "/p"
		}, sent{uri: "/p?t=red&t=&u=1,2"}},
		{"scalars: time, bytes, enums, numbers, bools", func(ps *Params) string {
			ps.Query(Param{Name: "t", Style: StyleForm, Explode: true}, tm)
			ps.Query(Param{Name: "b", Style: StyleForm, Explode: true}, []byte("hi?"))
			ps.Query(Param{Name: "e", Style: StyleForm, Explode: true}, color("red"))
			ps.Query(Param{Name: "f", Style: StyleForm, Explode: true}, 1.5)
			ps.Query(Param{Name: "g", Style: StyleForm, Explode: true}, float32(0.1))
			ps.Query(Param{Name: "h", Style: StyleForm, Explode: true}, false)
			return "/p"
		}, sent{uri: "/p?t=2024-01-02T03%3A04%3A05Z&b=aGk%2F&e=red&f=1.5&g=0.1&h=false"}},
		{"empty arrays and objects are not sent", func(ps *Params) string {
			ps.Query(Param{Name: "a", Style: StyleForm, Explode: true}, []string{})
			ps.Query(Param{Name: "b", Style: StyleForm}, []string(nil))
			ps.Query(Param{Name: "c", Style: StyleDeepObject, Explode: true}, filter{})
			return "/p"
		}, sent{uri: "/p"}},
		{"header values are sent as they are", func(ps *Params) string {
			ps.Header(Param{Name: "X-Color", Style: StyleSimple}, "a b,c/é")
			return "/p"
		}, sent{uri: "/p", header: "a b,c/é"}},
		{"cookies share one header, values escaped", func(ps *Params) string {
			ps.Cookie(Param{Name: "a", Style: StyleForm, Explode: true}, "x y;z")
			ps.Cookie(Param{Name: "b", Style: StyleForm, Explode: true}, int64(2))
			return "/p"
		}, sent{uri: "/p", cookie: "a=x%20y%3Bz; b=2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := onTheWire(t, c.set); got != c.want {
				t.Errorf("request\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// TestParamsKeepServerQuery: a server URL's own query stays first, and an
// API key in the query is appended without re-encoding the styled pairs.
func TestParamsKeepServerQuery(t *testing.T) {
	var uri string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { uri = r.RequestURI }))
	defer srv.Close()
	server, _ := url.Parse(srv.URL + "/v1?tenant=a")
	var ps Params
	ps.Query(Param{Name: "fields", Style: StyleForm}, []string{"id", "type"})
	ps.Query(Param{Name: "filter", Style: StyleDeepObject, Explode: true}, map[string]string{"k": "v"})
	u, err := ps.URL(server, "/x")
	if err != nil {
		t.Fatal(err)
	}
	tr := &Transport{}
	key := AuthAPIKey("key", "Key", "query", "api_key", "k&y")
	if _, err := tr.Do(context.Background(), &Call{Method: "GET", URL: u, Security: []Requirement{{{Auth: key}}}}, []oas.CallOption{oas.WithQuery("extra", "a b")}); err != nil {
		t.Fatal(err)
	}
	if want := "/v1/x?tenant=a&fields=id,type&filter[k]=v&extra=a%20b&api_key=k%26y"; uri != want {
		t.Errorf("request URI %q, want %q", uri, want)
	}
}

// TestParamsError: a value that cannot be encoded fails URL, naming the
// parameter, instead of sending a request without it.
func TestParamsError(t *testing.T) {
	var ps Params
	ps.Query(Param{Name: "bad", Style: StyleForm, Explode: true}, map[string]any{"f": func() {}})
	if _, err := ps.URL(&url.URL{Scheme: "http", Host: "x"}, "/"); err == nil || !strings.Contains(err.Error(), "parameter bad") {
		t.Errorf("err = %v, want one naming the parameter", err)
	}
}

// TestSendEmpty: an empty array or object of a required query or cookie
// parameter is sent as name= in every style; an optional one is left out,
// as RFC 6570 says.
func TestSendEmpty(t *testing.T) {
	server, _ := url.Parse("https://h")
	styles := []Param{
		{Style: StyleForm, Explode: true}, {Style: StyleForm}, {Style: StyleDeepObject, Explode: true},
		{Style: StyleSpaceDelimited}, {Style: StylePipeDelimited},
	}
	for _, v := range []any{[]string{}, map[string]string{}, struct {
		A string `json:"a,omitempty"`
	}{}} {
		for _, p := range styles {
			for _, required := range []bool{true, false} {
				p.Name, p.SendEmpty = "p", required
				var ps Params
				ps.Query(p, v)
				ps.Cookie(Param{Name: "c", Explode: p.Explode, SendEmpty: required}, v)
				u, err := ps.URL(server, "/")
				if err != nil {
					t.Fatal(err)
				}
				wantQ, wantC := "", ""
				if required {
					wantQ, wantC = "p=", "c="
				} else if !p.Explode {
					wantC = "c=" // one cookie, empty: form without explode writes the name
				}
				if got := u.RawQuery; got != wantQ {
					t.Errorf("%T %s explode=%v required=%v: query %q, want %q", v, p.Style, p.Explode, required, got, wantQ)
				}
				if got := ps.Headers().Get("Cookie"); got != wantC {
					t.Errorf("%T explode=%v required=%v: cookie %q, want %q", v, p.Explode, required, got, wantC)
				}
			}
		}
	}
}
