package pathitemref

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: each of the two paths sharing one path
// item has its own method, which calls its own path.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSharedPathItem(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.RequestURI())
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	var args GetIPAddressArgs
	args.Format.Set("json")
	if err := c.GetIPAddress(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if err := c.GetSupportIPAddress(context.Background(), GetSupportIPAddressArgs{}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != "/ip-address?format=json" || got[1] != "/support/ip-address" {
		t.Errorf("requests = %q", got)
	}
}
