package oasimpl

// Reading the requests an API sends (webhooks and callbacks) for a
// generated ParseWebhook, and serving its handler.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/oasgen/oasgen/oas"
)

// ReadWebhook reads the body of a request received as webhook name, for
// generated code: mediaType is the JSON media type the webhook sends (""
// when it sends no JSON body, then nothing is read), required says a body
// must be there. A nil body with a nil error means an absent optional body.
func ReadWebhook(r *http.Request, name, mediaType string, required bool) ([]byte, error) {
	if mediaType == "" || r.Body == nil {
		if required && mediaType != "" {
			return nil, &oas.WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "the request has no body"}
		}
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, oas.MaxWebhookBytes+1))
	if err != nil {
		return nil, &oas.WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "reading the body", Err: err}
	}
	if len(data) > oas.MaxWebhookBytes {
		return nil, &oas.WebhookError{Webhook: name, Status: http.StatusRequestEntityTooLarge, Reason: fmt.Sprintf("the body is longer than %d bytes", oas.MaxWebhookBytes)}
	}
	if len(data) == 0 {
		if required {
			return nil, &oas.WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: "the request has no body"}
		}
		return nil, nil
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		got, _, err := mime.ParseMediaType(ct)
		if err != nil || !jsonMediaType(got) {
			return nil, &oas.WebhookError{Webhook: name, Status: http.StatusUnsupportedMediaType,
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

// WebhookPayloadError is the *oas.WebhookError of a body that does not decode
// or validate as webhook name's payload.
func WebhookPayloadError(name string, err error) error {
	reason := "the body does not decode as the payload"
	var verr *oas.ValidationError
	if errors.As(err, &verr) {
		reason = "the payload breaks the schema"
	}
	return &oas.WebhookError{Webhook: name, Status: http.StatusBadRequest, Reason: reason, Err: err}
}

// UnknownWebhook is the *oas.WebhookError of a request no webhook matches:
// 405 when none has its method, 404 when none is received at its path.
func UnknownWebhook(r *http.Request, methodKnown bool) error {
	if !methodKnown {
		return &oas.WebhookError{Status: http.StatusMethodNotAllowed, Reason: "no webhook is sent with method " + r.Method}
	}
	return &oas.WebhookError{Status: http.StatusNotFound, Reason: "no webhook is received at " + r.URL.Path}
}

// ServeWebhook is the body of a generated webhook handler: it parses the
// request, answers a *oas.WebhookError with its status and reason (as text),
// hands the event to handle, and answers status(event) when handle returns
// nil, 500 without detail when it fails (its error stays on the server).
func ServeWebhook[E any](w http.ResponseWriter, r *http.Request, parse func(*http.Request) (E, error),
	handle func(context.Context, E) error, status func(E) int) {
	ev, err := parse(r)
	if err != nil {
		var werr *oas.WebhookError
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

// WebhookTag is the string value of the top-level member prop of a JSON
// request body: the value that says which webhook a request is when an
// API delivers every webhook to one URL (Resend's and Adyen's type). It
// reads the body (at most oas.MaxWebhookBytes and one byte) and puts it
// back, so that the webhook's parser reads it whole; "" when the body is
// not a JSON object with a string prop (the parser then says why, if it
// is the webhook's).
func WebhookTag(r *http.Request, prop string) string {
	if r.Body == nil {
		return ""
	}
	body := r.Body
	data, err := io.ReadAll(io.LimitReader(body, oas.MaxWebhookBytes+1))
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(data), body), body}
	if err != nil || len(data) > oas.MaxWebhookBytes {
		return ""
	}
	d := NewDecoder(data)
	if !d.BeginObject() {
		return ""
	}
	for first := true; ; first = false {
		key, ok := d.Key(first)
		if !ok {
			return ""
		}
		if string(key) != prop || d.AtNull() {
			d.Skip()
			continue
		}
		v := d.String()
		if d.Err() != nil {
			return ""
		}
		return v
	}
}
