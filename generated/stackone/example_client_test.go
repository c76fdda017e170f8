package stackone_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/oasgen/oasgen/generated/stackone"
)

// A session is created with the required owner fields; the result is typed,
// and documented errors are typed too. (The unsuffixed example is the
// generated one, examples.gen_test.go, which the docs page shows.)
func ExampleAPIClient_CreateConnectSession_typedErrors() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(201)
		io.WriteString(w, `{"id":1,"organization_id":2,"project_id":"p","origin_owner_id":"acme-42","origin_owner_name":"Acme",
			"created_at":"2024-01-02T03:04:05Z","token":"tok","auth_link_url":"https://hub.stackone.com/connect?token=tok"}`)
	}))
	defer srv.Close()

	c, err := stackone.NewAPIClient(stackone.Options{ServerURL: srv.URL, APIKey: "my-api-key"})
	if err != nil {
		panic(err)
	}
	session, err := c.CreateConnectSession(context.Background(), stackone.NewConnectSessionCreate("acme-42", "Acme"))
	var badRequest *stackone.BadRequestResponseError
	switch {
	case errors.As(err, &badRequest):
		fmt.Println("rejected:", badRequest.Body.Message)
	case err != nil:
		fmt.Println("failed:", err)
	default:
		fmt.Println(session.AuthLinkURL)
	}
	// Output: https://hub.stackone.com/connect?token=tok
}
