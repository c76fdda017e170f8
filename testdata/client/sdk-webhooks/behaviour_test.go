package sdkwebhooks

// Run against the generated package by gen's TestEndToEnd: the webhook
// handler is fed real requests over HTTP; good ones reach the user's
// function as typed events, bad ones are refused with the typed error's
// status before it is called.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestWebhookHandler(t *testing.T) {
	var mu sync.Mutex
	var got []WebhookEvent
	srv := httptest.NewServer(NewWebhookHandler(func(ctx context.Context, ev WebhookEvent) error {
		if ctx == nil {
			t.Error("no context")
		}
		if p, ok := ev.(*PetAddedWebhook); ok && p.Body.Name == "fail" {
			return errors.New("database down")
		}
		mu.Lock()
		got = append(got, ev)
		mu.Unlock()
		return nil
	}))
	defer srv.Close()
	huge := `{"id":"1","name":"` + strings.Repeat("x", oas.MaxWebhookBytes) + `"}`
	cases := []struct {
		name, method, path, ct, body string
		status                       int
		reason                       string // in the reply's text
	}{
		{"pet added", "POST", "/hooks/petAdded", "application/json", `{"id":"p1","name":"Rex","age":3}`, 200, ""},
		{"pet removed", "POST", "/hooks/petRemoved", "application/json; charset=utf-8", `{"id":"p1","reason":"sold"}`, 204, ""},
		{"pet removed, optional body absent", "POST", "/hooks/petRemoved", "", "", 204, ""},
		{"callback", "POST", "/callbacks/order-7/shipped", "application/json", `{"id":"o7","status":"shipped"}`, 202, ""},
		{"no body webhook", "PUT", "/anywhere", "", "", 200, ""},
		{"unknown method", "DELETE", "/hooks/petAdded", "", "", 405, "no webhook is sent with method DELETE"},
		{"unknown path", "POST", "/hooks/petSold", "application/json", `{}`, 404, "no webhook is received at /hooks/petSold"},
		{"breaks the schema", "POST", "/hooks/petAdded", "application/json", `{"id":"p1","name":""}`, 400, "webhook petAdded: the payload breaks the schema"},
		{"required member missing", "POST", "/hooks/petAdded", "application/json", `{"id":"p1"}`, 400, "the payload breaks the schema"},
		{"unknown enum value", "POST", "/hooks/petRemoved", "application/json", `{"id":"p1","reason":"escaped"}`, 400, "the payload breaks the schema"},
		{"not JSON", "POST", "/hooks/petAdded", "application/json", `{"id":`, 400, "webhook petAdded: the body does not decode as the payload"},
		{"wrong type", "POST", "/hooks/petAdded", "application/json", `{"id":1,"name":"Rex"}`, 400, "does not decode"},
		{"not JSON content type", "POST", "/hooks/petAdded", "text/plain", `{"id":"p1","name":"Rex"}`, 415, "Content-Type"},
		{"required body missing", "POST", "/hooks/petAdded", "application/json", "", 400, "the request has no body"},
		{"too long", "POST", "/hooks/petAdded", "application/json", huge, 413, "longer than"},
		{"handler fails", "POST", "/hooks/petAdded", "application/json", `{"id":"p2","name":"fail"}`, 500, "Internal Server Error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			text, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d (%s)", resp.StatusCode, tc.status, text)
			}
			if tc.reason != "" && !strings.Contains(string(text), tc.reason) {
				t.Errorf("reply %q lacks %q", text, tc.reason)
			}
			if strings.Contains(string(text), "database down") {
				t.Errorf("the handler's error reached the sender: %q", text)
			}
		})
	}
	// The good requests reached the function, typed, in order.
	if len(got) != 5 {
		t.Fatalf("%d events, want 5: %#v", len(got), got)
	}
	if p, ok := got[0].(*PetAddedWebhook); !ok || p.Body.ID != "p1" || p.Body.Name != "Rex" || p.Body.Age.Or(0) != 3 || p.WebhookName() != "petAdded" {
		t.Errorf("event 0: %#v", got[0])
	}
	if p, ok := got[1].(*PetRemovedWebhook); !ok || p.Body.Reason != PetRemovedPayloadReasonSold {
		t.Errorf("event 1: %#v", got[1])
	}
	if p, ok := got[2].(*PetRemovedWebhook); !ok || p.Body.ID != "" {
		t.Errorf("event 2 (no body): %#v", got[2])
	}
	if o, ok := got[3].(*OnOrderShippedWebhook); !ok || o.Body.Status != OrderStatusShipped || o.Request.URL.Path != "/callbacks/order-7/shipped" {
		t.Errorf("event 3: %#v", got[3])
	}
	if _, ok := got[4].(*InventoryCheckWebhook); !ok {
		t.Errorf("event 4: %#v", got[4])
	}
}

// TestParseWebhookErrors: ParseWebhook's errors are *oas.WebhookError,
// wrapping the decoder's and the validator's own typed errors, and never a
// nil event inside a non-nil interface.
func TestParseWebhookErrors(t *testing.T) {
	parse := func(method, path, body string) (WebhookEvent, error) {
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		return ParseWebhook(r)
	}
	ev, err := parse("POST", "/petAdded", `{"id":"p1","name":""}`)
	var werr *oas.WebhookError
	var verr *oas.ValidationError
	if ev != nil || !errors.As(err, &werr) || werr.Webhook != "petAdded" || werr.Status != 400 || !errors.As(err, &verr) {
		t.Errorf("invalid payload: %v, %#v", ev, err)
	} else if len(verr.Violations) != 1 || verr.Violations[0].Path != "name" {
		t.Errorf("violations %+v", verr.Violations)
	}
	ev, err = parse("POST", "/petAdded", `[1]`)
	var jerr *oas.JSONError
	if ev != nil || !errors.As(err, &jerr) {
		t.Errorf("not the payload's JSON: %v, %#v", ev, err)
	}
	ev, err = parse("PATCH", "/petAdded", `{}`)
	if ev != nil || !errors.As(err, &werr) || werr.Status != 405 || werr.Webhook != "" {
		t.Errorf("unknown method: %v, %#v", ev, err)
	}
	ev, err = parse("POST", "/shipped", `{"id":"o1","status":"placed"}`)
	if o, ok := ev.(*OnOrderShippedWebhook); err != nil || !ok || o.Body.Status != OrderStatusPlaced {
		t.Errorf("callback: %#v, %v", ev, err)
	}
}
