package sdkopdocs

// Run against the generated package by gen's TestEndToEnd: every Example
// function (the snippets of docs/sdks/*/README.md) runs, offline, against
// a transport that answers as the API would, and sends what the snippet
// says.

import (
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// fakeAPI answers every request from a table and records what it got.
type fakeAPI struct {
	mu   sync.Mutex
	seen []string
}

func (f *fakeAPI) RoundTrip(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body.Close()
	}
	line := r.Method + " " + r.URL.Host + r.URL.Path
	if r.URL.RawQuery != "" {
		line += "?" + r.URL.RawQuery
	}
	if len(body) > 0 {
		line += " " + r.Header.Get("Content-Type") + " " + string(body)
	}
	f.mu.Lock()
	f.seen = append(f.seen, line)
	f.mu.Unlock()
	status, ct, reply := 404, "application/json", `{"message":"no route"}`
	pet := `{"id":"p1","name":"Rex","kind":"dog"}`
	switch r.Method + " " + r.URL.Path {
	case "GET /pets":
		status, reply = 200, "["+pet+"]"
	case "POST /pets":
		status, reply = 201, pet
	case "GET /pets/<petId>":
		status, reply = 200, pet
	case "DELETE /pets/<petId>", "PUT /pets/<petId>/photo", "GET /health":
		status, reply = 204, ""
	case "GET /pets/<petId>/photo":
		status, ct, reply = 200, "image/png", "PNG"
	case "POST /store/orders":
		status, ct, reply = 200, "text/plain", "receipt 1"
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {ct}}, Body: io.NopCloser(strings.NewReader(reply)), Request: r}, nil
}

// TestExamplesRun calls every Example function: each compiles (go vet
// ties it to its method) and, run, sends the request its snippet shows and
// gets no error (an error would end the test binary through log.Fatal).
func TestExamplesRun(t *testing.T) {
	fake := &fakeAPI{}
	saved := http.DefaultTransport
	http.DefaultTransport = fake
	t.Cleanup(func() { http.DefaultTransport = saved })
	stdout := os.Stdout
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	os.Stdout = devnull
	defer func() { os.Stdout = stdout }()

	ExampleAPIClient_ListPets()
	ExampleAPIClient_CreatePet()
	ExampleAPIClient_GetPet()
	ExampleAPIClient_DeletePet()
	ExamplePetsPhotosClient_UploadPhoto()
	ExamplePetsPhotosClient_DownloadPhoto()
	ExampleAPIClient_PlaceOrder()
	ExampleAPIClient_Health()

	want := []string{
		"GET api.petshop.example/pets?kind=dog",
		`POST api.petshop.example/pets application/json {"kind":"dog","name":"Rex"}`,
		"GET api.petshop.example/pets/<petId>",
		"DELETE api.petshop.example/pets/<petId>",
		"PUT api.petshop.example/pets/<petId>/photo",
		"GET api.petshop.example/pets/<petId>/photo",
		`POST api.petshop.example/store/orders application/json {"options":"gift-wrapped","petId":"\u003cpetId\u003e","quantity":1}`, // encoding/json escapes < and >
		"GET api.petshop.example/health",
	}
	if !reflect.DeepEqual(fake.seen, want) {
		t.Errorf("the examples sent\n%s\nwant\n%s", strings.Join(fake.seen, "\n"), strings.Join(want, "\n"))
	}
}
