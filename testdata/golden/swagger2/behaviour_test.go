package swagger2

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// What the Swagger 2.0 document became: definitions are types (the allOf
// merged into Pet), body parameters are request bodies (raw_test.go).
var (
	_ int64  = Pet{}.ID
	_ string = Pet{}.Name
	_ int32  = Error{}.Code
)

func TestPetJSON(t *testing.T) {
	var p Pet
	if err := json.Unmarshal([]byte(`{"id":7,"name":"Rex","tag":"dog"}`), &p); err != nil {
		t.Fatal(err)
	}
	if tag, _ := p.Tag.Get(); p.ID != 7 || p.Name != "Rex" || tag != "dog" {
		t.Fatalf("%+v", p)
	}
	// Required means present: a decoded pet without a name is reported,
	// one with an empty name is not (the spec sets no minLength).
	var noName Pet
	if err := json.Unmarshal([]byte(`{"id":1}`), &noName); err != nil {
		t.Fatal(err)
	}
	if err := noName.Validate(); err == nil || err.Error() != "Pet is invalid: name: required" {
		t.Fatalf("Validate of a pet without its required name = %v", err)
	}
	if err := (Pet{ID: 1}).Validate(); err != nil {
		t.Fatalf("Validate of a pet built in Go with an empty name: %v", err)
	}
}

// TestSwaggerMediaTypes: what goes on the wire follows the operation's
// produces and consumes, and a 205's body is decoded.
func TestSwaggerMediaTypes(t *testing.T) {
	type seen struct{ accept, contentType, body string }
	var got seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = seen{r.Header.Get("Accept"), r.Header.Get("Content-Type"), string(b)}
		switch r.URL.Path {
		case "/render":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>hi</p>"))
		case "/events":
			w.Header().Set("Content-Type", "application/vnd.example+json")
			w.Write([]byte(`{"code":1,"message":"started"}`))
		case "/pets/read":
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusResetContent)
			w.Write([]byte(`[{"id":7,"name":"Rex"}]`))
		default:
			w.WriteHeader(http.StatusOK)
		}
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	html, err := c.Render(ctx, "hi")
	if err != nil || html != "<p>hi</p>" || got.accept != "text/html" {
		t.Errorf("Render = %q, %v; Accept %q, want text/html (the operation's produces)", html, err, got.accept)
	}

	ev, err := c.Events(ctx)
	if err != nil || ev.Code != 1 || ev.Message != "started" || got.accept != "application/vnd.example+json" {
		t.Errorf("Events = %+v, %v; Accept %q, want application/vnd.example+json (the operation's produces)", ev, err, got.accept)
	}

	pets, err := c.MarkRead(ctx)
	if err != nil || len(pets) != 1 || pets[0].ID != 7 || pets[0].Name != "Rex" {
		t.Errorf("MarkRead (205 with a body) = %+v, %v", pets, err)
	}

	if err := c.Build(ctx, strings.NewReader("tar bytes"), ""); err != nil {
		t.Fatal(err)
	}
	if got.contentType != "application/octet-stream" || got.body != "tar bytes" {
		t.Errorf("Build sent Content-Type %q, body %q; want the consumes media type application/octet-stream", got.contentType, got.body)
	}

	// formData arrays are joined as their collectionFormat says: csv by
	// default, ssv, pipes; multi repeats the field.
	form := GrantTokenRequestForm{}
	form.IDs.Set([]int64{1, 2})
	form.Scopes.Set([]string{"openid", "offline"})
	form.Tags.Set([]string{"a", "b"})
	form.All.Set([]string{"x", "y"})
	form.CSV.Set([]string{"c", "d"})
	if err := c.GrantToken(ctx, form); err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(got.body)
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"ids": {"1,2"}, "scopes": {"openid offline"}, "tags": {"a|b"}, "all": {"x", "y"}, "csv": {"c,d"}}
	if !reflect.DeepEqual(q, want) || got.contentType != "application/x-www-form-urlencoded" {
		t.Errorf("GrantToken sent %s (%s), want %v", got.body, got.contentType, want)
	}
}

// TestNullableRef: x-nullable beside a $ref (go-swagger's convention) makes
// the reference nullable, so a null sent is a null kept.
func TestNullableRef(t *testing.T) {
	var n Node
	if err := json.Unmarshal([]byte(`{"parent":null,"sibling":{"parent":{}}}`), &n); err != nil {
		t.Fatal(err)
	}
	if !n.Parent.IsNull() || n.Sibling == nil || !n.Sibling.Parent.IsSet() {
		t.Errorf("decoded %+v", n)
	}
	b, err := json.Marshal(n)
	if err != nil || string(b) != `{"parent":null,"sibling":{"parent":{}}}` {
		t.Errorf("re-encoded %s, %v", b, err)
	}
}
