package oasimpl

// Server selection for generated clients whose spec lists several servers,
// server variables, or servers of a path or operation: NewAPIClient
// resolves each URL it may call once, here, so a wrong index, a variable
// value outside its enum or a URL that is not absolute fails the client's
// construction with a clear error rather than a call later.

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// ServerVar is a server variable's value (empty: Default) and the values
// the spec allows (empty: any).
type ServerVar struct {
	Name, Value, Default string
	Enum                 []string
}

// ResolveServer substitutes each variable into the server URL template
// ("https://{region}.example.com/v1") and parses the result.
func ResolveServer(template string, vars ...ServerVar) (*url.URL, error) {
	s := template
	for _, v := range vars {
		val := v.Value
		if val == "" {
			val = v.Default
		}
		if len(v.Enum) > 0 && !slices.Contains(v.Enum, val) {
			return nil, fmt.Errorf("server variable %s: %q is not one of %q", v.Name, val, v.Enum)
		}
		s = strings.ReplaceAll(s, "{"+v.Name+"}", val)
	}
	return ParseServerURL(s)
}

// ParseServerURL parses an absolute http(s) URL.
func ParseServerURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err == nil && (u.Scheme != "http" && u.Scheme != "https" || u.Host == "") {
		err = errors.New("not an absolute http(s) URL")
	}
	if err != nil {
		return nil, fmt.Errorf("server URL %q: %w", s, err)
	}
	return u, nil
}

// swapServer is the URL a call passed oas.WithServerURL(server) requests:
// call.URL's path below call.Server's path, and its query, on server
// (parsed and checked as Options.ServerURL is).
func swapServer(call *Call, server string) (*url.URL, error) {
	to, err := ParseServerURL(server)
	if err != nil {
		return nil, err
	}
	rel, query := call.URL.EscapedPath(), call.URL.RawQuery
	if call.Server != nil {
		rel = strings.TrimPrefix(rel, strings.TrimRight(call.Server.EscapedPath(), "/"))
		if q := call.Server.RawQuery; q != "" {
			query = strings.TrimPrefix(strings.TrimPrefix(query, q), "&")
		}
	}
	u, err := JoinURL(to, rel)
	if err != nil {
		return nil, err
	}
	switch {
	case u.RawQuery == "":
		u.RawQuery = query
	case query != "":
		u.RawQuery += "&" + query
	}
	return u, nil
}
