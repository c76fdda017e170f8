package pathrepeated

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a parameter the path names twice is sent
// in both places, by the APIClient and by oapi-codegen's raw client.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"oasgen.test/model/raw"
)

func serve(t *testing.T) (string, *string) {
	t.Helper()
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.EscapedPath()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &got
}

const want = "/accounts/acc%201/maps/m1/accounts/acc%201"

func TestAPIClientRepeatedPathParameter(t *testing.T) {
	url, got := serve(t)
	c, err := NewAPIClient(Options{ServerURL: url})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddAccountToMap(context.Background(), "acc 1", "m1"); err != nil {
		t.Fatal(err)
	}
	if *got != want {
		t.Errorf("path = %q, want %q", *got, want)
	}
}

func TestRawClientRepeatedPathParameter(t *testing.T) {
	url, got := serve(t)
	c, err := raw.NewClient(url)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.AddAccountToMap(context.Background(), "acc 1", "m1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if *got != want {
		t.Errorf("path = %q, want %q", *got, want)
	}
}
