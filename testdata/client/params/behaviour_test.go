package params

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: parameters on the wire, validation
// before sending, and results returned by value or pointer.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

type seen struct {
	path, query, tenant, trace, cookie string
}

func serve(t *testing.T, status int, body string) (*APIClient, *seen, *atomic.Int32) {
	t.Helper()
	got := &seen{}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		*got = seen{r.URL.Path, r.URL.RawQuery, r.Header.Get("X-Tenant"), r.Header.Get("X-Trace"), r.Header.Get("Cookie")}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, got, &hits
}

func TestArgsOnTheWire(t *testing.T) {
	c, got, _ := serve(t, 200, `["a","b"]`)
	args := ListTagsArgs{Q: "ab", XTenant: "t1"}
	args.Limit.Set(5)
	args.Cursor.SetNull()
	args.Tag.Set([]string{"x", "y z"})
	args.Sort.Set(ListTagsSortParamDesc)
	args.XTrace.Set("tr-1")
	args.Session.Set("s 1")
	tags, err := c.ListTags(context.Background(), 7, args)
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 2 || tags[0] != "a" || tags[1] != "b" {
		t.Errorf("tags = %q", tags)
	}
	// Spec order; RFC 3986 escaping (a space is %20 everywhere).
	want := seen{"/items/7/tags", "q=ab&limit=5&cursor=&tag=x&tag=y%20z&sort=desc", "t1", "tr-1", "session=s%201"}
	if *got != want {
		t.Errorf("request\n got %+v\nwant %+v", *got, want)
	}
}

func TestArgsZeroOptionals(t *testing.T) {
	c, got, _ := serve(t, 200, `[]`)
	tags, err := c.ListTags(context.Background(), 1, ListTagsArgs{Q: "ab", XTenant: "t"})
	if err != nil || tags == nil || len(tags) != 0 {
		t.Fatalf("tags = %#v, %v; want an empty slice", tags, err)
	}
	if want := (seen{"/items/1/tags", "q=ab", "t", "", ""}); *got != want {
		t.Errorf("request\n got %+v\nwant %+v", *got, want)
	}
}

func TestArgsValidatedBeforeSending(t *testing.T) {
	c, _, hits := serve(t, 200, `[]`)
	args := ListTagsArgs{Q: "a"}
	args.Limit.Set(0)
	tags, err := c.ListTags(context.Background(), 1, args)
	var verr *oas.ValidationError
	if !errors.As(err, &verr) || tags != nil {
		t.Fatalf("got %v, %v; want a *oas.ValidationError", tags, err)
	}
	paths := map[string]bool{}
	for _, v := range verr.Violations {
		paths[v.Path] = true
	}
	for _, p := range []string{"q", "limit"} {
		if !paths[p] {
			t.Errorf("no violation at %s in %v", p, verr.Violations)
		}
	}
	// The required X-Tenant is "": a string like any other (no minLength),
	// sent as an empty header value.
	if paths["X-Tenant"] {
		t.Errorf("an empty required string was reported: %v", verr.Violations)
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests sent for invalid parameters", hits.Load())
	}
}

func TestResults(t *testing.T) {
	ctx := context.Background()
	c, _, _ := serve(t, 200, `42`)
	if n, err := c.GetCount(ctx); err != nil || n != 42 {
		t.Errorf("GetCount = %d, %v", n, err)
	}
	c, _, _ = serve(t, 500, `{"message":"down"}`)
	var apiErr *APIError
	if n, err := c.GetCount(ctx); n != 0 || !errors.As(err, &apiErr) || apiErr.StatusCode != 500 {
		t.Errorf("GetCount on 500 = %d, %v", n, err)
	}
	c, _, _ = serve(t, 200, `null`)
	if v, err := c.GetLatest(ctx); err != nil || !v.IsNull() {
		t.Errorf("GetLatest(null) = %+v, %v", v, err)
	}
	c, got, _ := serve(t, 200, `{"id":3,"name":"x","extra":true}`)
	args := GetItemArgs{}
	args.Validate2.Set(true)
	it, err := c.GetItem(ctx, 3, args)
	if err != nil || it == nil || it.ID != 3 {
		t.Errorf("GetItem = %+v, %v", it, err)
	}
	if got.query != "validate=true" {
		t.Errorf("query %q, want validate=true", got.query)
	}
	c, _, _ = serve(t, 404, `{"message":"no item"}`)
	var perr *ProblemError
	if tags, err := c.ListTags(ctx, 9, ListTagsArgs{Q: "ab", XTenant: "t"}); tags != nil || !errors.As(err, &perr) {
		t.Fatalf("ListTags on 404 = %v, %v", tags, err)
	}
	if m, _ := perr.Body.Message.Get(); m != "no item" || perr.StatusCode != 404 {
		t.Errorf("ProblemError = %d %q", perr.StatusCode, m)
	}
}

// raw is a request as the server received it: the request URI as sent and
// the headers.
type raw struct {
	uri    string
	header http.Header
}

func serveRaw(t *testing.T) (*APIClient, *raw) {
	t.Helper()
	got := &raw{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*got = raw{r.RequestURI, r.Header.Clone()}
		w.WriteHeader(204)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, got
}

// TestPathStyles: simple, label and matrix, exploded or not, on arrays,
// objects and primitives, byte for byte (objects in the generated
// struct's JSON order).
func TestPathStyles(t *testing.T) {
	c, got := serveRaw(t)
	rgb := NewRgb(100, 200, 150)
	err := c.PathLists(context.Background(), []string{"a", "b c,d"}, rgb, []string{"x", "y"}, rgb, []int64{1, 2}, NewRgb(1, 2, 3))
	if err != nil {
		t.Fatal(err)
	}
	if want := "/lists/a,b%20c%2Cd/B=150,G=200,R=100/.x,y/.B=150.G=200.R=100/;matrix=1,2/;matrix_object=B,3,G,2,R,1"; got.uri != want {
		t.Errorf("request URI\n got %s\nwant %s", got.uri, want)
	}
	err = c.PathExploded(context.Background(), "s/t", []string{"x", "y"}, []int64{1, 2}, rgb, "p.q", 5)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/exploded/s%2Ft/.x.y/;matrix=1;matrix=2/;B=150;G=200;R=100/.p.q/;matrix_primitive=5"; got.uri != want {
		t.Errorf("request URI\n got %s\nwant %s", got.uri, want)
	}
}

// TestQueryStyles: every query, header and cookie style, content
// application/json and a free-form value, byte for byte.
func TestQueryStyles(t *testing.T) {
	c, got := serveRaw(t)
	var args QueryStylesArgs
	args.Fields.Set([]QueryStylesFieldsParam{QueryStylesFieldsParamID, QueryStylesFieldsParamType})
	args.IDs.Set([]int64{1, 2})
	args.Color.Set(NewRgb(100, 200, 150))
	args.ColorList.Set(NewRgb(1, 2, 3))
	args.Spaced.Set([]string{"a", "b"})
	args.Piped.Set([]string{"a", "b|c"})
	var f QueryStylesFilterParam
	f.Connectors.Set("hibob")
	f.UpdatedAfter.Set(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC))
	args.Filter.Set(f)
	args.Raw.Set(json.RawMessage(`"a b"`))
	args.Extra.Set(json.RawMessage(`{"k": "v w", "n": {"m": 1}, "l": [1, "x"]}`))
	args.Simpleq.Set([]string{"a", "b"}) // style simple in a query: form, explode false as simple's default
	var w QueryStylesWhereParam
	w.Name.Set("ann")
	args.Where.Set(w)
	args.Path.Set("a/b?c=d")
	args.XIDs.Set([]int64{3, 4})
	args.XColor.Set(NewRgb(100, 200, 150))
	args.XColorExploded.Set(NewRgb(100, 200, 150))
	args.Tags.Set([]string{"t1", "t 2"})
	args.Shade.Set(NewRgb(1, 2, 3))
	if err := c.QueryStyles(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	want := "/styles?fields=id,type&ids=1&ids=2&B=150&G=200&R=100&colorList=B,3,G,2,R,1&spaced=a%20b&piped=a|b%7Cc" +
		"&filter[connectors]=hibob&filter[updated_after]=2024-05-06T07%3A08%3A09Z" +
		"&raw=a%20b&extra[k]=v%20w&extra[n][m]=1&extra[l]=1&extra[l]=x&simpleq=a,b&where=%7B%22name%22%3A%22ann%22%7D&path=a/b?c%3Dd"
	if got.uri != want {
		t.Errorf("request URI\n got %s\nwant %s", got.uri, want)
	}
	for k, v := range map[string]string{"X-Ids": "3,4", "X-Color": "B,150,G,200,R,100", "X-Color-Exploded": "B=150,G=200,R=100",
		"Cookie": "tags=t1,t%202; shade=B,3,G,2,R,1"} {
		if h := strings.Join(got.header.Values(k), "|"); h != v {
			t.Errorf("%s: %q, want %q", k, h, v)
		}
	}
	// Nothing set: nothing sent.
	if err := c.QueryStyles(context.Background(), QueryStylesArgs{}); err != nil || got.uri != "/styles" || got.header.Get("Cookie") != "" {
		t.Errorf("no parameters: %v, %s %v", err, got.uri, got.header)
	}
}

// TestRequiredEmpty: a required array or map with no items is sent as
// name= in every style (RFC 6570 would leave it out, and the server would
// find a required parameter missing); an optional one is left out.
func TestRequiredEmpty(t *testing.T) {
	c, got := serveRaw(t)
	args := RequiredListsArgs{IDs: []int64{}, Labels: map[string]string{}, Filter: map[string]string{}, Piped: []string{}, Jar: []string{}}
	args.Opt.Set([]string{})
	if err := c.RequiredLists(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if want := "/required-lists?ids=&labels=&filter=&piped="; got.uri != want {
		t.Errorf("request URI\n got %s\nwant %s", got.uri, want)
	}
	if ck := got.header.Get("Cookie"); ck != "jar=" {
		t.Errorf("Cookie %q, want jar=", ck)
	}
	args = RequiredListsArgs{IDs: []int64{1, 2}, Labels: map[string]string{"a": "x"}, Filter: map[string]string{"k": "v"}, Piped: []string{"p", "q"}, Jar: []string{"j"}}
	if err := c.RequiredLists(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if want := "/required-lists?ids=1&ids=2&a=x&filter[k]=v&piped=p|q"; got.uri != want {
		t.Errorf("request URI\n got %s\nwant %s", got.uri, want)
	}
}
