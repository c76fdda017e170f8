package hostile

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The spec names no media type: the caller's Content-Type is sent; none is
// an error that says so.
func TestCallerContentType(t *testing.T) {
	var ct, body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct = r.Header.Get("Content-Type")
		b, _ := io.ReadAll(r.Body)
		body = string(b)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ClearMealPlanDay(context.Background(), "2024-01-01", strings.NewReader(`{"username":"a"}`), "application/json"); err != nil {
		t.Fatal(err)
	}
	if ct != "application/json" || body != `{"username":"a"}` {
		t.Errorf("sent %q %q", ct, body)
	}
	err = c.ClearMealPlanDay(context.Background(), "2024-01-01", strings.NewReader(`{}`), "")
	if err == nil || !strings.Contains(err.Error(), "the spec names none") {
		t.Errorf("no Content-Type: %v", err)
	}
}
