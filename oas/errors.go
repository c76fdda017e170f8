package oas

import (
	"encoding/json"
	"strings"
)

// opPrefix starts a status error with the operation that failed, so a log
// line says which call it was before which URL.
func opPrefix(op string) string {
	if op == "" {
		return ""
	}
	return op + ": "
}

// messageKeys are the keys whose string value is an error body's message,
// best first: "message" (most APIs), "error_description" (OAuth 2.0, more
// telling than its "error" code), "error", "detail" (RFC 9457 problem
// details, more specific than its "title"), "title", "msg", "description",
// "reason".
var messageKeys = []string{"message", "error_description", "error", "detail", "title", "msg", "description", "reason"}

// nestKeys hold nested error objects or lists of them:
// {"error":{"message":…}}, {"errors":[{"message":…}]}, FastAPI's
// {"detail":[{"msg":…}]}, {"data":{"message":…}}.
var nestKeys = []string{"error", "errors", "detail", "details", "message", "data", "fault"}

// maxMessages bounds how many messages of a list are joined.
const maxMessages = 3

// Message picks the human-readable message out of a JSON error body: a
// string under one of the usual keys (message, error, detail, title, ...),
// else the messages found in a nested error object or list ({"error":
// {"message":…}}, {"errors":[{"message":…},…]}, joined with "; "). It
// returns "" when there is none.
func Message(raw []byte) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	return strings.Join(messages(v, 0), "; ")
}

// messages finds the messages in a decoded JSON value, at most
// maxMessages, looking a few levels deep only.
func messages(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case map[string]any:
		for _, k := range messageKeys {
			if s, ok := v[k].(string); ok && strings.TrimSpace(s) != "" {
				return []string{strings.TrimSpace(s)}
			}
		}
		for _, k := range nestKeys {
			if m := messages(v[k], depth+1); len(m) > 0 {
				return m
			}
		}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			} else {
				out = append(out, messages(e, depth+1)...)
			}
			if len(out) >= maxMessages {
				return out[:maxMessages]
			}
		}
		return out
	}
	return nil
}
