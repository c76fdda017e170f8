package oasimpl

// Pagination: the loop a generated <Op>Pages / <Op>All method runs. The
// generated code knows where the next page's cursor, offset or URL is (the
// plan works that out from the spec); what is the same for every API, the
// loop, the context, the flattening into items and Link headers, is here.

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/oasgen/oasgen/oas"
)

// PageFunc fetches one page and reports whether another follows, having
// prepared the request for it.
type PageFunc[P any] func(ctx context.Context) (page P, more bool, err error)

// Paginate runs fetch until the last page, yielding each page to yield:
// it stops after a page that has no next one, at the first error (yielded
// once), when yield returns false and when ctx is done (its error is
// yielded). Each fetch is one call of the operation, retried as the
// operation's policy allows.
func Paginate[P any](ctx context.Context, yield func(P, error) bool, fetch PageFunc[P]) {
	for {
		if err := ctx.Err(); err != nil {
			var zero P
			yield(zero, err)
			return
		}
		page, more, err := fetch(ctx)
		if err != nil {
			var zero P
			yield(zero, err)
			return
		}
		if !yield(page, nil) || !more {
			return
		}
	}
}

// Items flattens an iterator over pages into one over their items, in
// order; an error ends it as it ends the pages.
func Items[P, T any](pages iter.Seq2[P, error], items func(P) []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range pages {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items(page) {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}

// WithPageURL makes a call request next, a URL the previous page gave
// (url pagination: a nextUrl in the body, a Link header), resolved against
// the call's own URL, instead of the URL the method builds; the method,
// headers and body stay. A URL on another scheme or host is refused, so
// that credentials never follow a link off the API's origin.
func WithPageURL(next string) oas.CallOption {
	return func(c *oas.CallConfig) { c.PageURL = next }
}

// PageOptions are a call's options for the next page of a url or Link
// pagination: opts, then WithPageURL(next) unless next is "" (the first
// page), then WithResponseHeader(h) unless h is nil. opts is not changed.
func PageOptions(opts []oas.CallOption, next string, h *http.Header) []oas.CallOption {
	out := append([]oas.CallOption(nil), opts...)
	if next != "" {
		out = append(out, WithPageURL(next))
	}
	if h != nil {
		out = append(out, WithResponseHeader(h))
	}
	return out
}

// pageURL is the URL a call with WithPageURL requests.
func pageURL(base *url.URL, next string) (*url.URL, error) {
	ref, err := url.Parse(next)
	if err != nil {
		return nil, fmt.Errorf("next page URL %q: %w", next, err)
	}
	u := base.ResolveReference(ref)
	if !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(u.Host, base.Host) {
		return nil, fmt.Errorf("next page URL %q leaves the API's origin %s://%s", next, base.Scheme, base.Host)
	}
	return u, nil
}

// WithResponseHeader makes a call store its response's headers in *h
// (a 2xx as much as an error), so that a pager can read a Link header.
func WithResponseHeader(h *http.Header) oas.CallOption {
	return func(c *oas.CallConfig) { c.ResponseHeader = h }
}

// NextLink is the target of a Link header's rel="next" entry (RFC 8288),
// "" when there is none.
func NextLink(h http.Header) string {
	for _, v := range h.Values("Link") {
		for _, link := range splitLinks(v) {
			target, params, ok := strings.Cut(link, ">")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
				if !strings.EqualFold(strings.TrimSpace(k), "rel") {
					continue
				}
				for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(val), `"`)) {
					if strings.EqualFold(rel, "next") {
						return target[1:]
					}
				}
			}
		}
	}
	return ""
}

// splitLinks splits a Link header value at the commas between links (not
// those inside <...> or quotes).
func splitLinks(v string) []string {
	var out []string
	inURL, inQuote, start := false, false, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '<' && !inQuote:
			inURL = true
		case c == '>' && !inQuote:
			inURL = false
		case c == '"' && !inURL:
			inQuote = !inQuote
		case c == ',' && !inURL && !inQuote:
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}
