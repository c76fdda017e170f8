package sdkglobals

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a global path parameter (set once on
// the client, overridable in a call's Args) and hidden globals
// (x-speakeasy-globals-hidden: only the client's value), on the wire.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

type hit struct{ method, path, region string }

func serve(t *testing.T, opts Options) (*APIClient, *[]hit) {
	t.Helper()
	var hits []hit
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits = append(hits, hit{r.Method, r.URL.EscapedPath(), r.Header.Get("region")})
		switch {
		case r.Method == "DELETE":
			w.WriteHeader(204)
		case strings.HasSuffix(r.URL.Path, "/items"):
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`["a","b"]`))
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`"a"`))
		}
	}))
	t.Cleanup(srv.Close)
	opts.ServerURL = srv.URL
	c, err := NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

func TestGlobalPathParameter(t *testing.T) {
	ctx := context.Background()
	c, hits := serve(t, Options{OrgID: oas.Some("org 1"), Region: oas.Some("eu")})
	if items, err := c.ListItems(ctx, ListItemsArgs{}); err != nil || len(items) != 2 {
		t.Fatalf("ListItems: %v, %v", items, err)
	}
	if _, err := c.GetItem(ctx, "i/1", GetItemArgs{}); err != nil {
		t.Fatalf("GetItem: %v", err)
	}
	// The call's Args win over the client's value (region, hidden
	// elsewhere, is not hidden for GetItem).
	if _, err := c.GetItem(ctx, "i2", GetItemArgs{OrgID: oas.Some("org2"), Region: oas.Some("us")}); err != nil {
		t.Fatalf("GetItem: %v", err)
	}
	if err := c.DeleteOrg(ctx); err != nil {
		t.Fatalf("DeleteOrg: %v", err)
	}
	want := []hit{
		{"GET", "/orgs/org%201/items", "eu"},
		{"GET", "/orgs/org%201/items/i%2F1", "eu"},
		{"GET", "/orgs/org2/items/i2", "us"},
		{"DELETE", "/admin/orgs/org%201", ""},
	}
	if len(*hits) != len(want) {
		t.Fatalf("requests: %v, want %v", *hits, want)
	}
	for i, h := range *hits {
		if h != want[i] {
			t.Errorf("request %d: %+v, want %+v", i, h, want[i])
		}
	}
}

func TestGlobalMissingFailsBeforeSending(t *testing.T) {
	ctx := context.Background()
	c, hits := serve(t, Options{})
	if _, err := c.GetItem(ctx, "i", GetItemArgs{}); err == nil || !strings.Contains(err.Error(), "GetItemArgs.OrgID or in Options.OrgID") {
		t.Errorf("GetItem without orgId: %v", err)
	}
	if err := c.DeleteOrg(ctx); err == nil || !strings.Contains(err.Error(), "set Options.OrgID") {
		t.Errorf("DeleteOrg without orgId: %v", err)
	}
	// A hidden required header (region) has no Args field: the client's
	// value or nothing.
	if _, err := c.ListItems(ctx, ListItemsArgs{OrgID: oas.Some("o")}); err == nil || !strings.Contains(err.Error(), "set Options.Region") {
		t.Errorf("ListItems without region: %v", err)
	}
	if len(*hits) != 0 {
		t.Errorf("sent %v", *hits)
	}
}
