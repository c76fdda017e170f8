package oasimpl

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// WebhookTag reads the top-level member's string and puts the body back
// whole, whatever it finds.
func TestWebhookTag(t *testing.T) {
	huge := `{"type":"big","pad":"` + strings.Repeat("x", oas.MaxWebhookBytes) + `"}`
	for _, tc := range []struct{ body, want string }{
		{`{"type":"email.sent","data":{}}`, "email.sent"},
		{`{"data":{"type":"nested"},"type":"outer"}`, "outer"},
		{` { "id" : 1 , "t\u0079pe" : "escaped name" }`, "escaped name"},
		{`{"type":null}`, ""},
		{`{"type":7}`, ""},
		{`{"kind":"x"}`, ""},
		{`["type","x"]`, ""},
		{`{"type":`, ""},
		{``, ""},
		{huge, ""},
	} {
		r := httptest.NewRequest("POST", "/hooks", strings.NewReader(tc.body))
		if got := WebhookTag(r, "type"); got != tc.want {
			t.Errorf("%.40q: %q, want %q", tc.body, got, tc.want)
		}
		back, err := io.ReadAll(r.Body)
		if err != nil || string(back) != tc.body {
			t.Errorf("%.40q: body put back as %.40q, %v", tc.body, back, err)
		}
	}
	r := httptest.NewRequest("GET", "/hooks", nil)
	r.Body = nil
	if got := WebhookTag(r, "type"); got != "" {
		t.Errorf("no body: %q", got)
	}
}
