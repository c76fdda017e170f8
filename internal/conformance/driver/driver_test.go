package driver

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestParseViolations: a whole header is read as it is; one Prism cut at
// 8 KiB keeps every violation before the cut; anything else is one
// "unparsable" violation, never nothing.
func TestParseViolations(t *testing.T) {
	req := Violation{Location: []string{"request", "query"}, Severity: "Error", Message: "Request query must have required property 'p1'"}
	resp := Violation{Location: []string{"response", "body", "data"}, Severity: "Error", Message: strings.Repeat("x", 100)}
	all := []Violation{req}
	for range 100 {
		all = append(all, resp)
	}
	whole, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	if got := ParseViolations(string(whole)); !reflect.DeepEqual(got, all) {
		t.Errorf("whole header: %d violations, want %d", len(got), len(all))
	}
	cut := prismCut + string(whole[:8*1024-100])
	got := ParseViolations(cut)
	if len(got) < 2 || len(got) >= len(all) || !reflect.DeepEqual(got[0], req) || !reflect.DeepEqual(got[1], resp) {
		t.Errorf("cut header: %d violations (first %+v), want the whole ones before the cut", len(got), got[0])
	}
	for _, h := range []string{"not json", prismCut + "{", prismCut + `[{"location":`} {
		if got := ParseViolations(h); len(got) != 1 || !strings.HasPrefix(got[0].Message, Unparsable) {
			t.Errorf("%q: %+v, want one unparsable violation", h, got)
		}
	}
}

// TestStreamEncodings: a binary response's declared encoding is found by
// its status or its class, and its text decodes to the bytes a stream
// yields.
func TestStreamEncodings(t *testing.T) {
	c := &Call{StreamEncodings: map[string]string{"200": "base64", "2XX": "base64url"}}
	if c.encodingOf(200) != "base64" || c.encodingOf(201) != "base64url" || c.encodingOf(404) != "" {
		t.Errorf("encodingOf: %q %q %q", c.encodingOf(200), c.encodingOf(201), c.encodingOf(404))
	}
	if b, err := decodeContent("aGk=\r\n", "base64"); err != nil || string(b) != "hi" {
		t.Errorf("decodeContent = %q, %v", b, err)
	}
	if _, err := decodeContent("not base64!", "base64"); err == nil {
		t.Error("bad base64 decoded")
	}
}

// TestExampleField: an example with a Field is decoded into that field's
// type (a webhook event's Body), not into the named type itself.
func TestExampleField(t *testing.T) {
	type payload struct {
		N int `json:"n"`
	}
	type event struct {
		Body    payload
		Request any
	}
	types := map[string]reflect.Type{"PetAddedWebhook": reflect.TypeFor[event]()}
	rep, err := Run(&Plan{Examples: []Example{
		{Type: "PetAddedWebhook", Field: "Body", Where: "w", Value: json.RawMessage(`{"n":1,"x":2}`)},
		{Type: "PetAddedWebhook", Field: "Nope", Where: "v", Value: json.RawMessage(`{}`)},
	}}, nil, types)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Examples) != 2 || !strings.HasSuffix(rep.Examples[0].Type, "payload") || len(rep.Examples[0].Losses) != 1 || rep.Examples[1].Err == "" {
		t.Errorf("examples = %+v", rep.Examples)
	}
}

// slowClient is a client whose one method GETs /ping.
type slowClient struct {
	url string
	hc  *http.Client
}

func (c *slowClient) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+"/ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// TestSlowAnswerRetried: a call whose request was sent and whose deadline
// passed waiting for the answer is made again with a longer deadline; the
// second answer is the result, and a second wait out says so again.
func TestSlowAnswerRetried(t *testing.T) {
	for _, tc := range []struct {
		name       string
		slowCalls  int32 // how many requests get the late answer
		waitedOut  bool
		exchangeOK bool
	}{
		{"slow once", 1, false, true},
		{"slow twice", 2, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if n.Add(1) <= tc.slowCalls {
					select {
					case <-r.Context().Done():
					case <-time.After(2 * time.Second):
					}
					return
				}
				w.WriteHeader(http.StatusNoContent)
			}))
			defer srv.Close()
			newClient := func(u string, hc *http.Client) (any, error) { return &slowClient{url: u, hc: hc}, nil }
			rep, err := Run(&Plan{ServerURL: srv.URL, TimeoutMS: 100, Calls: []Call{{Op: "Ping", Method: "GET", Path: "/ping"}}}, newClient, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := rep.Calls[0]
			if c.Retried == "" || len(c.Exchanges) != 1 {
				t.Fatalf("call = %+v, want retried once", c)
			}
			e := c.Exchanges[0]
			if e.WaitedOut != tc.waitedOut || (e.Status == http.StatusNoContent) != tc.exchangeOK {
				t.Errorf("exchange = %+v", e)
			}
		})
	}
}
