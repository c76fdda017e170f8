package mistakes

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Choices the planner made for the spec's mistakes, checked at compile time:
// the struct that refers to itself holds the closing field by pointer; Pet's
// constructor gave way to the NewPet schema (raw_test.go: the form body
// keeps its field).
var (
	_ *Link  = Link{}.Child
	_ *Link  = Link{}.Next
	_ Pet    = NewPet2(1, "Rex")
	_ NewPet = NewNewPet("Rex")
)

// TestRecursiveRoundTrip: a self-referencing struct encodes and decodes
// nested values, and validation reaches into them.
func TestRecursiveRoundTrip(t *testing.T) {
	in := `{"child":{"child":{"value":"c"},"value":"b"},"value":"a"}`
	var l Link
	if err := json.Unmarshal([]byte(in), &l); err != nil {
		t.Fatal(err)
	}
	if c := l.Child; c == nil || c.Value != "b" {
		t.Fatalf("child = %+v", c)
	}
	out, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Fatalf("round trip:\n got %s\nwant %s", out, in)
	}
	var bad Link
	if err := json.Unmarshal([]byte(`{"value":"a","child":{"child":{}}}`), &bad); err != nil {
		t.Fatal(err)
	}
	if err := bad.Validate(); err == nil {
		t.Fatal("Validate accepted a nested node without its required value")
	}
}

// TestUndeclaredPathParam: the path parameter the spec forgot to declare is
// an argument of the client method and lands in the URL.
func TestUndeclaredPathParam(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Path
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"name":"ball"}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	toy, err := c.GetToy(context.Background(), "p1", "t2", GetToyArgs{})
	if err != nil {
		t.Fatal(err)
	}
	if got != "/pets/p1/toys/t2" {
		t.Fatalf("path = %q", got)
	}
	if name, _ := toy.Name.Get(); name != "ball" {
		t.Fatalf("toy = %+v", toy)
	}
}

// TestStructuredEnum: an enum of objects or arrays (no Go constant holds
// one) leaves the type the schema's: the values the server sends decode
// and encode back unchanged.
func TestStructuredEnum(t *testing.T) {
	in := `{"exposed":{"443/tcp":{},"80/tcp":{}},"mode":["a","b"]}`
	var p Ports
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(p)
	if err != nil || string(out) != in {
		t.Fatalf("got %s (%v)\nwant %s", out, err, in)
	}
}
