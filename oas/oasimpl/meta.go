package oasimpl

// The generated code's half of response metadata and typed response
// headers (oas/meta.go has what users pass): capturing them at the end of
// Do, and decoding a declared header's value.

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/oasgen/oasgen/oas"
)

// capture fills the call's HTTPMeta and typed headers from the response
// the call ends with. attempts counts the requests sent.
func capture(cc *oas.CallConfig, resp *Response, attempts int) error {
	if cc.Meta != nil {
		*cc.Meta = oas.HTTPMeta{StatusCode: resp.StatusCode, Header: resp.Header, Request: resp.request,
			Response: resp.http, Attempts: attempts}
	}
	if resp.StatusCode/100 != 2 {
		return nil
	}
	for _, h := range cc.Headers {
		if err := h.DecodeHeader(resp.Header); err != nil {
			return &oas.DecodeError{Operation: resp.Func, Method: resp.Method, URL: resp.URL, StatusCode: resp.StatusCode,
				ContentType: resp.Header.Get("Content-Type"), Err: err}
		}
	}
	return nil
}

// HeaderScalar is a Go type a response header decodes into (an enum header
// decodes as its base type, which generated code converts).
type HeaderScalar interface {
	string | int64 | int32 | uint32 | uint64 | float64 | bool | time.Time
}

// HeaderValue decodes the response header name (the simple style: one
// value) as a T; ok is false when the response has no such header.
func HeaderValue[T HeaderScalar](h http.Header, name string) (v T, ok bool, err error) {
	s, ok := headerText(h, name)
	if !ok {
		return v, false, nil
	}
	v, err = parseHeader[T](s)
	if err != nil {
		return v, false, fmt.Errorf("header %s: %w", name, err)
	}
	return v, true, nil
}

// HeaderList decodes the response header name as a comma-separated list
// of T (the simple style of an array; repeated header lines are joined).
func HeaderList[T HeaderScalar](h http.Header, name string) ([]T, bool, error) {
	s, ok := headerText(h, name)
	if !ok {
		return nil, false, nil
	}
	var out []T
	for _, part := range strings.Split(s, ",") {
		v, err := parseHeader[T](strings.TrimSpace(part))
		if err != nil {
			return nil, false, fmt.Errorf("header %s: %w", name, err)
		}
		out = append(out, v)
	}
	return out, true, nil
}

// headerText is every line of a header joined with commas, as RFC 9110
// says a recipient may combine them.
func headerText(h http.Header, name string) (string, bool) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return "", false
	}
	return strings.Join(vs, ","), true
}

func parseHeader[T HeaderScalar](s string) (T, error) {
	var v T
	var err error
	switch p := any(&v).(type) {
	case *string:
		*p = s
	case *int64:
		*p, err = strconv.ParseInt(s, 10, 64)
	case *int32:
		var n int64
		n, err = strconv.ParseInt(s, 10, 32)
		*p = int32(n)
	case *uint32:
		var n uint64
		n, err = strconv.ParseUint(s, 10, 32)
		*p = uint32(n)
	case *uint64:
		*p, err = strconv.ParseUint(s, 10, 64)
	case *float64:
		*p, err = strconv.ParseFloat(s, 64)
	case *bool:
		*p, err = strconv.ParseBool(s)
	case *time.Time:
		*p, err = time.Parse(time.RFC3339Nano, s)
	}
	if err != nil {
		return v, fmt.Errorf("%q is not a %T", s, v)
	}
	return v, nil
}
