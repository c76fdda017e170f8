package formtext

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a form body of schema string is sent
// as the caller's encoded text, not refused as a non-object.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type seen struct{ ct, body string }

func serve(t *testing.T) (*APIClient, *seen) {
	t.Helper()
	got := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		*got = seen{r.Header.Get("Content-Type"), string(b)}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, got
}

func TestFormTextSentAsIs(t *testing.T) {
	c, got := serve(t)
	if err := c.DetectFood(context.Background(), "text=I+like+tacos&lang=en"); err != nil {
		t.Fatal(err)
	}
	if got.ct != "application/x-www-form-urlencoded" || got.body != "text=I+like+tacos&lang=en" {
		t.Errorf("sent %q %q", got.ct, got.body)
	}
}

func TestFormBytesSentAsIs(t *testing.T) {
	c, got := serve(t)
	if err := c.UploadForm(context.Background(), strings.NewReader("a=1&b=2"), ""); err != nil {
		t.Fatal(err)
	}
	if got.ct != "application/x-www-form-urlencoded" || got.body != "a=1&b=2" {
		t.Errorf("sent %q %q", got.ct, got.body)
	}
}
