package accepterrors

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: the Accept header lists the media type
// of every documented response body, errors included, so that a server
// negotiating on it (as Prism does, answering 406 otherwise) can send the
// documented response; with JSON only, the runtime's application/json.

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// negotiating answers status with a body of mediaType when the request's
// Accept allows it, and 406 when it does not, as Prism does.
func negotiating(t *testing.T, status int, mediaType string) (*APIClient, *string) {
	t.Helper()
	var accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		for _, a := range strings.Split(accept, ",") {
			if mt, _, err := mime.ParseMediaType(strings.TrimSpace(a)); err == nil && (mt == mediaType || mt == "*/*") {
				w.Header().Set("Content-Type", mediaType)
				w.WriteHeader(status)
				w.Write([]byte(`{"error":"documented"}`))
				return
			}
		}
		w.WriteHeader(http.StatusNotAcceptable)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, &accept
}

func wantStatus(t *testing.T, err error, status int) {
	t.Helper()
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != status {
		t.Fatalf("error %v, want the documented %d", err, status)
	}
	if !strings.Contains(ae.Error(), "documented") {
		t.Errorf("error %q does not carry the body", ae.Error())
	}
}

func TestErrorsOnlyOperationAcceptsTheirType(t *testing.T) {
	c, accept := negotiating(t, 404, "application/vnd.vimeo.error+json")
	wantStatus(t, c.AddModerator(context.Background(), 7), 404)
	if *accept != "application/vnd.vimeo.error+json" {
		t.Errorf("Accept = %q", *accept)
	}
}

func TestProblemJSONBesideJSON(t *testing.T) {
	c, accept := negotiating(t, 404, "application/problem+json")
	_, err := c.GetThing(context.Background(), 7)
	wantStatus(t, err, 404)
	if *accept != "application/json, application/problem+json" {
		t.Errorf("Accept = %q", *accept)
	}
	c, _ = negotiating(t, 200, "application/json")
	if _, err := c.GetThing(context.Background(), 7); err != nil {
		t.Errorf("2xx: %v", err)
	}
}

func TestNoContentWithDefaultError(t *testing.T) {
	c, accept := negotiating(t, 500, "application/problem+json")
	wantStatus(t, c.DeleteThing(context.Background(), 7), 500)
	if *accept != "application/problem+json" {
		t.Errorf("Accept = %q", *accept)
	}
}

func TestJSONOnlyKeepsTheDefault(t *testing.T) {
	c, accept := negotiating(t, 200, "application/json")
	if _, err := c.GetPlain(context.Background()); err != nil {
		t.Fatal(err)
	}
	if *accept != "application/json" {
		t.Errorf("Accept = %q, want the runtime's application/json", *accept)
	}
}
