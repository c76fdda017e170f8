package allofredeclared

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a property two allOf members declare is
// planned as what both declarations allow, so nothing either declares is
// lost in decoding or encoding.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func serve(t *testing.T, body string) *APIClient {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRedeclaredProperties(t *testing.T) {
	const body = `{"result":{"enabled":false,"id":"p1"},"result_info":{"cursor":"c2","page":2,"per_page":20},"success":true}`
	got, err := serve(t, body).GetPolicy(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// result is the Policy the response declares, not the envelope's
	// free-form object.
	if p := got.Result; p == nil || p.ID != "p1" {
		t.Errorf("result = %+v", p)
	}
	// result_info has the envelope's page fields and the response's cursor.
	info := got.ResultInfo
	if info == nil || info.Page.Or(0) != 2 || info.PerPage.Or(0) != 20 || info.Cursor.Or("") != "c2" {
		t.Errorf("result_info = %+v", info)
	}
	again, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != body {
		t.Errorf("re-encoded %s, want %s", again, body)
	}
}

// TestTypeRepeatedWithAnnotations: allOf of a string schema and a member
// that repeats type string to add readOnly is that string schema, as a
// path parameter and as a field.
func TestTypeRepeatedWithAnnotations(t *testing.T) {
	var path string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.Path
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id":"p1","enabled":true,"schema_id":"f174e90a-fafe-4643-bbbc-4a0ed4fc8415"}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	// Identifier, not a struct planned from two "structural" members.
	got, err := c.GetPolicyByID(context.Background(), Identifier("p1"))
	if err != nil {
		t.Fatal(err)
	}
	var field Identifier = got.ID
	if path != "/policies/p1" || field != "p1" {
		t.Errorf("path %s, id %q", path, field)
	}
	// A string with a minLength beside the UUID it names is that UUID.
	schemaID, _ := got.SchemaID.Get()
	if schemaID != LongUUID("f174e90a-fafe-4643-bbbc-4a0ed4fc8415") {
		t.Errorf("schema_id %q", schemaID)
	}
}

func TestOneAlternativeMember(t *testing.T) {
	const body = `{"id":"d1","versions":[{"percentage":100,"version_id":"v1"}]}`
	got, err := serve(t, body).GetDeployment(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Versions) != 1 || got.Versions[0].VersionID.Or("") != "v1" {
		t.Errorf("versions = %+v", got.Versions)
	}
	again, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != body {
		t.Errorf("re-encoded %s, want %s", again, body)
	}
}
