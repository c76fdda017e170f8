package oasimpl

import (
	"net/http"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestStatusErrorsNameTheOperation(t *testing.T) {
	r := &Response{Response: oas.Response{Func: "CreatePet", Method: "POST", URL: "https://pets.example.com/v3/pet",
		StatusCode: 401, Status: "401 Unauthorized", Header: http.Header{},
		Body: []byte(`{"errors":[{"message":"token expired"}]}`)}}
	if got, want := NewAPIError(r).Error(), "CreatePet: POST https://pets.example.com/v3/pet: 401 Unauthorized: token expired"; got != want {
		t.Errorf("APIError = %q\nwant %q", got, want)
	}
	r.Body = []byte(`{"message": 5}`)
	r.Header.Set("Content-Type", "application/json")
	_, err := DecodeJSON[struct{ Message string }](r)
	if got := err.Error(); got[:len("CreatePet: POST")] != "CreatePet: POST" {
		t.Errorf("DecodeError = %q, want it to start with the operation", got)
	}
	r.Func = ""
	if got, want := NewAPIError(r).Error(), `POST https://pets.example.com/v3/pet: 401 Unauthorized: "{\"message\": 5}"`; got != want {
		t.Errorf("without an operation: %q\nwant %q", got, want)
	}
}
