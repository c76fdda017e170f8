package pathquery

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: what a path key writes after "?" reaches
// the server's query (literal pairs first, as written, then the
// parameters), a path parameter written there is sent in the query under
// the pair's name, and a fragment is never part of the request.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func client(t *testing.T) (*APIClient, *string) {
	t.Helper()
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Method + " " + r.URL.EscapedPath()
		if h := r.Header.Get("X-Amz-Target"); h != "" {
			got = "[" + h + "] " + got
		}
		if r.URL.RawQuery != "" {
			got += "?" + r.URL.RawQuery
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL + "/api"})
	if err != nil {
		t.Fatal(err)
	}
	return c, &got
}

func TestPathQuery(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func(c *APIClient) error
		want string
	}{
		{"literal pair, then parameters", func(c *APIClient) error {
			return c.SearchPhotos(ctx, SearchPhotosArgs{Text: "red & blue"})
		}, "GET /api/rest?method=flickr.photos.search&text=red%20%26%20blue"},
		{"literal pair alone", func(c *APIClient) error {
			return c.RecentPhotos(ctx)
		}, "GET /api/rest?method=flickr.photos.getRecent"},
		{"path parameters written in the query", func(c *APIClient) error {
			return c.GetAlertsLatLon(ctx, 51.5, -0.12, GetAlertsLatLonArgs{Key: "k"})
		}, "GET /api/alerts?lat=51.5&lon=-0.12&key=k"},
		{"path parameter in the path, pairs escaped", func(c *APIClient) error {
			return c.GetTemplate(ctx, "t/1")
		}, "GET /api/templates/t%2F1?full=true&label=a+b"},
		{"fragment naming a declared parameter", func(c *APIClient) error {
			return c.UntagResource(ctx, "arn:aws:x", UntagResourceArgs{TagKeys: []string{"a", "b"}})
		}, "DELETE /api/tags/arn%3Aaws%3Ax?tagKeys=a&tagKeys=b"},
		{"parameters of one value sent by the client; an optional one only when set", func(c *APIClient) error {
			return c.DescribeThings(ctx, DescribeThingsArgs{})
		}, "[Things.DescribeThings] GET /api/?Action=DescribeThings&Version=2016-11-15&Limit=10"},
		{"an optional one set", func(c *APIClient) error {
			var args DescribeThingsArgs
			args.DryRun.Set(true)
			return c.DescribeThings(ctx, args)
		}, "[Things.DescribeThings] GET /api/?Action=DescribeThings&Version=2016-11-15&Limit=10&DryRun=true"},
		{"a query parameter the path names too, sent once", func(c *APIClient) error {
			return c.Search(ctx, SearchArgs{Q: "a b"})
		}, "GET /api/search?q=a%20b"},
		{"an undeclared parameter the path's query names", func(c *APIClient) error {
			return c.CreateRide(ctx, "2")
		}, "POST /api/rides?page=2"},
		{"fragment not sent", func(c *APIClient) error {
			return c.AnalyzeStream(ctx, strings.NewReader("x"), "")
		}, "POST /api/analyze"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, got := client(t)
			if err := tc.call(c); err != nil {
				t.Fatal(err)
			}
			if *got != tc.want {
				t.Errorf("request = %q\nwant      %q", *got, tc.want)
			}
		})
	}
}
