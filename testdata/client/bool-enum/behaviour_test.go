package boolenum

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a boolean enum is a bool on the wire,
// decoded and sent as true or false, never as a string.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

func TestBoolEnumDecodesAndEncodes(t *testing.T) {
	const body = `{"previewable":false,"public":true,"untyped":true,"always":true,"maybe":null}`
	var query string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	var args GetResourceArgs
	args.Recursive.Set(true)
	res, err := c.GetResource(context.Background(), args)
	if err != nil {
		t.Fatal(err)
	}
	if query != "recursive=true" {
		t.Errorf("query = %q, want recursive=true", query)
	}
	var previewable bool = res.Previewable
	public, _ := res.Public.Get()
	var pub bool = bool(public)
	untyped, _ := res.Untyped.Get()
	var u bool = untyped
	if previewable || !pub || !u {
		t.Errorf("decoded %+v", res)
	}
	out, err := res.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var got, want map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(body), &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-encoded\n%s\nwant\n%s", out, body)
	}
}
