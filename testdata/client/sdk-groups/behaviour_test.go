package sdkgroups

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: sub-clients from x-speakeasy-group
// (nested by dots), the names x-speakeasy-name-override gives, and what
// x-speakeasy-ignore leaves out, on the wire.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

type hit struct{ method, uri, body string }

func serve(t *testing.T) (*APIClient, *[]hit) {
	t.Helper()
	var hits []hit
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hits = append(hits, hit{r.Method, r.URL.RequestURI(), string(b)})
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/accounts":
			if r.Method == "POST" {
				w.WriteHeader(201)
				w.Write(b)
				return
			}
			w.Write([]byte(`[{"id":"a1","display_name":"Acme","secret":"s"}]`))
		case "/accounts/a1/users":
			w.Write([]byte(`[{"name":"ann"}]`))
		default:
			w.WriteHeader(204)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

func TestGroupsOnTheWire(t *testing.T) {
	c, hits := serve(t)
	ctx := context.Background()
	accounts, err := c.Accounts.List(ctx)
	if err != nil || len(accounts) != 1 || accounts[0].Title.Or("") != "Acme" {
		t.Fatalf("Accounts.List: %+v, %v", accounts, err)
	}
	acct := NewAccount("a2")
	acct.Title.Set("Beta")
	created, err := c.Accounts.Create(ctx, acct)
	if err != nil || created.ID != "a2" {
		t.Fatalf("Accounts.Create: %+v, %v", created, err)
	}
	users, err := c.Accounts.Users.ListUsers(ctx, "a1", ListUsersArgs{PageSize: oas.Some(int64(5))})
	if err != nil || len(users) != 1 {
		t.Fatalf("Accounts.Users.ListUsers: %+v, %v", users, err)
	}
	if err := c.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	want := []hit{
		{"GET", "/accounts", ""},
		{"POST", "/accounts", `{"display_name":"Beta","id":"a2"}`},
		{"GET", "/accounts/a1/users?limit=5", ""},
		{"GET", "/ping", ""},
	}
	if !reflect.DeepEqual(*hits, want) {
		t.Errorf("requests\n got %q\nwant %q", *hits, want)
	}
}

// x-speakeasy-ignore leaves the operation and the property out; ungrouped
// operations stay on APIClient, grouped ones move to their sub-client.
func TestWhatIsGenerated(t *testing.T) {
	client := reflect.TypeOf(&APIClient{})
	for _, gone := range []string{"InternalOnly", "List", "Create", "ListUsers"} {
		if _, ok := client.MethodByName(gone); ok {
			t.Errorf("APIClient has a method %s", gone)
		}
	}
	for _, kept := range []string{"Ping", "LegacyPing"} {
		if _, ok := client.MethodByName(kept); !ok {
			t.Errorf("APIClient lacks %s", kept)
		}
	}
	if _, ok := reflect.TypeOf(Account{}).FieldByName("Secret"); ok {
		t.Error("Account has the ignored property secret")
	}
	var a Account
	if err := json.Unmarshal([]byte(`{"id":"x","secret":"s","display_name":"T"}`), &a); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(a)
	if string(b) != `{"display_name":"T","id":"x"}` {
		t.Errorf("round trip = %s", b)
	}
}
