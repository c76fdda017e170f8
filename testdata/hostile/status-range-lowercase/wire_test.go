package hostile

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestLowerCaseRangeIsTyped: a 404 answered to deleteZone, whose spec says
// 4xx, comes back as the typed error of that range, its body decoded.
func TestLowerCaseRangeIsTyped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"message":"no such zone"}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.DeleteZone(context.Background(), "z1")
	var e *FailureError
	if !errors.As(err, &e) {
		t.Fatalf("error %T %v, want *FailureError (the 4xx range's body)", err, err)
	}
	if m, _ := e.Body.Message.Get(); m != "no such zone" || e.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, body %+v", e.StatusCode, e.Body)
	}
}
