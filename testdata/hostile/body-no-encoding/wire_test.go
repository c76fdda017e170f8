package hostile

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The bytes given go out verbatim with the content type given.
func TestUnencodableBodySentAsGiven(t *testing.T) {
	var ct, body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		ct, body = r.Header.Get("Content-Type"), string(b)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CreateAccount(context.Background(), strings.NewReader("username=me"), "application/form-data"); err != nil {
		t.Fatal(err)
	}
	if ct != "application/form-data" || body != "username=me" {
		t.Errorf("server saw %q %q", ct, body)
	}
}
