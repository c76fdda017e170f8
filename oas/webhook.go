package oas

// The error of a generated webhook parser (ParseWebhook). What reads the
// request lives in oasimpl/webhook.go.

import "strings"

// MaxWebhookBytes caps the body a generated ParseWebhook reads: a longer
// one is a *WebhookError with status 413.
const MaxWebhookBytes = 16 << 20

// WebhookError is why a generated ParseWebhook refused a request: no
// webhook of the spec has its method and path, its Content-Type is not
// the one the webhook sends, its body is missing, too long, not JSON
// (Err is a *JSONError) or breaks the schema (Err is a *ValidationError).
// Status is what a webhook handler answers with.
type WebhookError struct {
	// Webhook is the webhook the request was read as, "" when none
	// matched.
	Webhook string
	// Status is the HTTP status a handler replies with: 400 (bad body),
	// 404 (no webhook at this path), 405 (no webhook with this method),
	// 413 (body too long), 415 (wrong Content-Type).
	Status int
	Reason string
	Err    error
}

func (e *WebhookError) Error() string {
	var b strings.Builder
	b.WriteString("webhook")
	if e.Webhook != "" {
		b.WriteString(" " + e.Webhook)
	}
	b.WriteString(": " + e.Reason)
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *WebhookError) Unwrap() error { return e.Err }
