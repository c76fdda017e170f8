package webhooksoneurl

// Run against the generated package by gen's TestEndToEnd: webhooks that
// share a method are told apart by the member of the body whose value each
// payload pins (type), whatever URL they are delivered to.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestWebhooksRoutedByBody(t *testing.T) {
	var got WebhookEvent
	srv := httptest.NewServer(NewWebhookHandler(func(ctx context.Context, ev WebhookEvent) error {
		got = ev
		return nil
	}))
	defer srv.Close()
	for _, tc := range []struct {
		name, path, body string
		status           int
		check            func(WebhookEvent) bool
	}{
		{"sent", "/webhooks/resend", `{"data":{"id":"e1"},"type":"email.sent"}`, 200, func(ev WebhookEvent) bool {
			e, ok := ev.(*EmailSentWebhook)
			return ok && e.Body.Data.ID == "e1"
		}},
		{"bounced", "/webhooks/resend", `{"type":"email.bounced","data":{"id":"e2","reason":"full"}}`, 202, func(ev WebhookEvent) bool {
			e, ok := ev.(*EmailBouncedWebhook)
			return ok && e.Body.Data.ID == "e2" && e.Body.Data.Reason.Or("") == "full"
		}},
		{"enum value", "/adyen", `{"type":"balancePlatform.transfer.updated","amount":5}`, 200, func(ev WebhookEvent) bool {
			e, ok := ev.(*TransferWebhook)
			return ok && e.Body.Amount.Or(0) == 5
		}},
		{"by path, no type", "/hooks/email.sent", `{"data":{"id":"e3"}}`, 400, nil}, // routed by path; the payload lacks type
		{"unknown type", "/webhooks/resend", `{"type":"email.opened","data":{"id":"e4"}}`, 404, nil},
		{"not JSON", "/webhooks/resend", `{"type":`, 404, nil},
	} {
		got = nil
		resp, err := http.Post(srv.URL+tc.path, "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d (%s), want %d", tc.name, resp.StatusCode, msg, tc.status)
			continue
		}
		if tc.check != nil && !tc.check(got) {
			t.Errorf("%s: event %#v", tc.name, got)
		}
	}
}
