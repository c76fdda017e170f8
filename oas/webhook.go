package oas

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

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

// ReadWebhook reads the body of a request received as webhook name, for
// generated code: mediaType is the JSON media type the webhook sends (""
// when it sends no JSON body, then nothing is read), required says a body
// must be there. A nil body with a nil error means an absent optional body.
func ReadWebhook(r *http.Request, name, mediaType string, required bool) ([]byte, error) {
	if mediaType == "" || r.Body == nil {
		if required && mediaType != "" {
			return nil, &WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "the request has no body"}
		}
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, MaxWebhookBytes+1))
	if err != nil {
		return nil, &WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "reading the body", Err: err}
	}
	if len(data) > MaxWebhookBytes {
		return nil, &WebhookError{Webhook: name, Status: http.StatusRequestEntityTooLarge, Reason: fmt.Sprintf("the body is longer than %d bytes", MaxWebhookBytes)}
	}
	if len(data) == 0 {
		if required {
			return nil, &WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "the request has no body"}
		}
		return nil, nil
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		got, _, err := mime.ParseMediaType(ct)
		if err != nil || !jsonMediaType(got) {
			return nil, &WebhookError{Webhook: name, Status: http.StatusUnsupportedMediaType,
				Reason: fmt.Sprintf("Content-Type %q, want %s", ct, mediaType)}
		}
	}
	return data, nil
}

// jsonMediaType reports application/json and its +json relatives.
func jsonMediaType(mt string) bool {
	mt = strings.ToLower(mt)
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// WebhookPayloadError is the *WebhookError of a body that does not decode
// or validate as webhook name's payload.
func WebhookPayloadError(name string, err error) error {
	reason := "the body does not decode as the payload"
	var verr *ValidationError
	if errors.As(err, &verr) {
		reason = "the payload breaks the schema"
	}
	return &WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: reason, Err: err}
}

// UnknownWebhook is the *WebhookError of a request no webhook matches:
// 405 when none has its method, 404 when none is received at its path.
func UnknownWebhook(r *http.Request, methodKnown bool) error {
	if !methodKnown {
		return &WebhookError{Status: http.StatusMethodNotAllowed, Reason: "no webhook is sent with method " + r.Method}
	}
	return &WebhookError{Status: http.StatusNotFound, Reason: "no webhook is received at " + r.URL.Path}
}

// ServeWebhook is the body of a generated webhook handler: it parses the
// request, answers a *WebhookError with its status and reason (as text),
// hands the event to handle, and answers status(event) when handle returns
// nil, 500 without detail when it fails (its error stays on the server).
func ServeWebhook[E any](w http.ResponseWriter, r *http.Request, parse func(*http.Request) (E, error),
	handle func(context.Context, E) error, status func(E) int) {
	ev, err := parse(r)
	if err != nil {
		var werr *WebhookError
		if errors.As(err, &werr) {
			http.Error(w, werr.Error(), werr.Status)
			return
		}
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	if err := handle(r.Context(), ev); err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status(ev))
}
