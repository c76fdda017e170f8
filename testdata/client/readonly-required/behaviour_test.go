package readonlyrequired

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: readOnly properties the schema requires
// are left out of requests, and their constraints are checked only when
// they hold a value; a decoded response writes back the zero values it
// carried; a required writeOnly zero is sent.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestReadOnlyRequiredLeftOutOfRequests(t *testing.T) {
	var sent []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"network":"172.16.0.0/16","tunnel_id":"f70ff985-a4ef-4643-bbbc-4a0ed4fc8415","id":"023e105f4ecef8ad9ca31a8372d0c353","enabled":false,"hops":0}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	var route Route
	route.Network = "172.16.0.0/16"
	if err := route.Validate(); err != nil {
		t.Fatalf("a request without its readOnly fields: %v", err)
	}
	got, err := c.CreateRoute(context.Background(), route)
	if err != nil {
		t.Fatal(err)
	}
	if string(sent) != `{"confirm":false,"network":"172.16.0.0/16"}` {
		t.Errorf("sent %s, want the network and the writeOnly confirm alone", sent)
	}
	if got.TunnelID != "f70ff985-a4ef-4643-bbbc-4a0ed4fc8415" || got.ID != "023e105f4ecef8ad9ca31a8372d0c353" {
		t.Errorf("decoded %+v", got)
	}
	// The readOnly zero values the response carried are its values.
	again, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"enabled":false,"hops":0,"id":"023e105f4ecef8ad9ca31a8372d0c353","network":"172.16.0.0/16","tunnel_id":"f70ff985-a4ef-4643-bbbc-4a0ed4fc8415"}`
	if string(again) != want {
		t.Errorf("re-encoded %s, want %s", again, want)
	}
	var bad Route
	if err := json.Unmarshal([]byte(`{"network":"n","tunnel_id":"not-a-uuid","id":"short","confirm":true}`), &bad); err != nil {
		t.Fatal(err)
	}
	var verr *oas.ValidationError
	if err := bad.Validate(); !errors.As(err, &verr) || len(verr.Violations) != 2 {
		t.Errorf("readOnly values that break their schema: %v, want two violations", err)
	}
}
