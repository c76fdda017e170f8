package oas

import "strconv"

// JSONError is a malformed input or a JSON value of the wrong kind for
// the Go type. Offset is the byte offset in the input where it was found.
//
// Generated UnmarshalJSON methods fail on the same inputs as encoding/json
// does for the same Go type; the error type and text differ (encoding/json
// returns *json.SyntaxError or *json.UnmarshalTypeError).
type JSONError struct {
	Offset int
	// Path is where in the document the error is, written as Validate
	// writes paths (`categories[2]`, `links.self`); "" at the top level.
	Path string
	Msg  string
}

func (e *JSONError) Error() string {
	if e.Path == "" {
		return "json: " + e.Msg + " at offset " + strconv.Itoa(e.Offset)
	}
	return "json: " + e.Msg + " at " + e.Path + " (offset " + strconv.Itoa(e.Offset) + ")"
}
