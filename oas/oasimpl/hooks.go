package oasimpl

import (
	"errors"
	"maps"
	"net/http"
	"slices"

	"github.com/oasgen/oasgen/oas"
)

// permanent marks an error that ends the call however the retry policy
// reads: credentials, hooks and editors failing, a response over the size
// limit.
type permanent struct{ err error }

func (p *permanent) Error() string { return p.err.Error() }
func (p *permanent) Unwrap() error { return p.err }

// isPermanent unwraps a permanent error.
func isPermanent(err error) (error, bool) {
	var p *permanent
	if errors.As(err, &p) {
		return p.err, true
	}
	return err, false
}

// prepare applies a call's per-call additions, credentials, editors and
// BeforeSend hooks to req.
func (t *Transport) prepare(hc oas.HookContext, req *http.Request, cc *oas.CallConfig, r Requirement, sent *sentCreds) error {
	for _, k := range slices.Sorted(maps.Keys(cc.Query)) {
		for _, v := range cc.Query[k] {
			appendQuery(req.URL, k, v)
		}
	}
	for k, vs := range cc.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if err := authorize(hc.Context, req, r, sent); err != nil {
		return &permanent{err}
	}
	for _, ed := range cc.Editors {
		if err := ed(hc.Context, req); err != nil {
			return &permanent{err}
		}
	}
	for _, h := range t.Hooks {
		if h.BeforeSend != nil {
			if err := h.BeforeSend(hc, req); err != nil {
				return &permanent{err}
			}
		}
	}
	return nil
}

// client is t's http.Client with a CheckRedirect that also takes the
// credentials off a redirect to another origin. It is a shallow copy: the
// Transport (and its connection pool) is shared.
func (t *Transport) client(first *http.Request, sent *sentCreds) *http.Client {
	hc := t.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	c := *hc
	check := hc.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if check != nil {
			if err := check(req, via); err != nil {
				return err
			}
		} else if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		dropOnRedirect(req, first, sent)
		return nil
	}
	return &c
}

// afterResponse runs the AfterResponse hooks.
func (t *Transport) afterResponse(hc oas.HookContext, req *http.Request, resp *Response) error {
	for _, h := range t.Hooks {
		if h.AfterResponse != nil {
			if err := h.AfterResponse(hc, req, &resp.Response); err != nil {
				return &permanent{err}
			}
		}
	}
	return nil
}

// onError runs the OnError hooks.
func (t *Transport) onError(hc oas.HookContext, req *http.Request, err error) {
	for _, h := range t.Hooks {
		if h.OnError != nil {
			h.OnError(hc, req, err)
		}
	}
}
