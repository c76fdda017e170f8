package sdkpagination

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: every pagination type on the wire, with
// the requests counted.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"testing"
)

// catalogue is 5 items, served 2 to a page.
var catalogue = []Item{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}, {ID: "e", Name: "E"}}

func ids(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
	body []string
}

func (r *recorder) seen() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

func serve(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) (*APIClient, *recorder, *httptest.Server) {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b json.RawMessage
		json.NewDecoder(r.Body).Decode(&b)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, r)
		rec.body = append(rec.body, string(b))
		n := len(rec.reqs)
		rec.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		h(w, r, n)
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c, rec, srv
}

func write(w http.ResponseWriter, v any) { json.NewEncoder(w).Encode(v) }

// cursorHandler serves catalogue by cursor: the cursor is the index of the
// page's first item.
func cursorHandler(w http.ResponseWriter, r *http.Request, _ int) {
	from, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
	to := min(from+2, len(catalogue))
	page := CursorPage{Data: catalogue[from:to]}
	if to < len(catalogue) {
		page.Meta.NextCursor.Set(strconv.Itoa(to))
	} else {
		page.Meta.NextCursor.SetNull()
	}
	write(w, page)
}

func TestCursorItemsInOrderWithThreeRequests(t *testing.T) {
	c, rec, _ := serve(t, cursorHandler)
	var args ListCursorItemsArgs
	args.Limit.Set(2)
	var got []Item
	for it, err := range c.ListCursorItemsAll(context.Background(), args) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if !slices.Equal(ids(got), ids(catalogue)) {
		t.Fatalf("items %v, want %v", ids(got), ids(catalogue))
	}
	reqs := rec.seen()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for i, want := range []string{"limit=2", "cursor=2&limit=2", "cursor=4&limit=2"} {
		if q := reqs[i].URL.RawQuery; q != want {
			t.Errorf("request %d query %q, want %q", i+1, q, want)
		}
	}
	// The caller's args are untouched, and a second loop starts over.
	if _, ok := args.Cursor.Get(); ok {
		t.Error("the caller's args were changed")
	}
	n := 0
	for range c.ListCursorItemsPages(context.Background(), args) {
		n++
	}
	if n != 3 || len(rec.seen()) != 6 {
		t.Errorf("second loop: %d pages, %d requests in all; want 3 and 6", n, len(rec.seen()))
	}
}

func TestCursorPageRetried(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 { // the second page fails once
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		cursorHandler(w, r, n)
	})
	var got []Item
	for it, err := range c.ListCursorItemsAll(context.Background(), ListCursorItemsArgs{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if !slices.Equal(ids(got), ids(catalogue)) || len(rec.seen()) != 4 {
		t.Fatalf("items %v after %d requests; want all 5 after 4 (one retry)", ids(got), len(rec.seen()))
	}
	if q := rec.seen()[2].URL.RawQuery; q != "cursor=2" {
		t.Errorf("the retry asked for %q, want cursor=2", q)
	}
}

func TestCursorErrorEndsIteration(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 2 {
			w.WriteHeader(http.StatusBadRequest)
			write(w, map[string]string{"message": "cursor expired"})
			return
		}
		cursorHandler(w, r, n)
	})
	var got []string
	var errs []error
	for it, err := range c.ListCursorItemsAll(context.Background(), ListCursorItemsArgs{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, it.ID)
	}
	var apiErr *ErrorError
	if !slices.Equal(got, []string{"a", "b"}) || len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 400 {
		t.Fatalf("items %v, errors %v; want a, b then one 400 *ErrorError", got, errs)
	}
	if len(rec.seen()) != 2 {
		t.Errorf("%d requests after the error, want 2", len(rec.seen()))
	}
}

func TestCursorBreakAndContext(t *testing.T) {
	c, rec, _ := serve(t, cursorHandler)
	for range c.ListCursorItemsAll(context.Background(), ListCursorItemsArgs{}) {
		break
	}
	if len(rec.seen()) != 1 {
		t.Fatalf("%d requests after breaking on the first item, want 1", len(rec.seen()))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last error
	pages := 0
	for _, err := range c.ListCursorItemsPages(ctx, ListCursorItemsArgs{}) {
		if err != nil {
			last = err
			continue
		}
		pages++
		cancel()
	}
	if pages != 1 || !errors.Is(last, context.Canceled) || len(rec.seen()) != 2 {
		t.Fatalf("%d pages, last error %v, %d requests; want 1 page, context.Canceled, 2 requests", pages, last, len(rec.seen()))
	}
}

func TestOffsetItemsInOrderWithThreeRequests(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		lim, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		var page OffsetPage
		page.Items.Set(catalogue[min(off, len(catalogue)):min(off+lim, len(catalogue))])
		write(w, page)
	})
	var got []Item
	for it, err := range c.ListOffsetItemsAll(context.Background(), ListOffsetItemsArgs{Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if !slices.Equal(ids(got), ids(catalogue)) {
		t.Fatalf("items %v", ids(got))
	}
	reqs := rec.seen()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 (the third page is short)", len(reqs))
	}
	for i, want := range []string{"limit=2", "offset=2&limit=2", "offset=4&limit=2"} {
		if q := reqs[i].URL.RawQuery; q != want {
			t.Errorf("request %d query %q, want %q", i+1, q, want)
		}
	}
}

func TestNumberedPagesStopAtNumPages(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if p == 0 {
			p = 1
		}
		from := (p - 1) * 2
		write(w, NumberedPage{Data: catalogue[from:min(from+2, len(catalogue))], TotalPages: 3})
	})
	var got []Item
	for page, err := range c.ListNumberedItemsPages(context.Background(), ListNumberedItemsArgs{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Data...)
	}
	reqs := rec.seen()
	if !slices.Equal(ids(got), ids(catalogue)) || len(reqs) != 3 {
		t.Fatalf("items %v after %d requests", ids(got), len(reqs))
	}
	for i, want := range []string{"", "page=2", "page=3"} {
		if q := reqs[i].URL.RawQuery; q != want {
			t.Errorf("request %d query %q, want %q", i+1, q, want)
		}
	}
}

func (r *recorder) bodyOf(n int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.body[n-1]
}

func TestSearchCursorInBody(t *testing.T) {
	var afters []string // the handler runs one request at a time
	var rec *recorder
	var c *APIClient
	c, rec, _ = serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		var req SearchRequest
		if err := json.Unmarshal([]byte(rec.bodyOf(n)), &req); err != nil || req.Query != "w" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		after, _ := req.After.Get()
		afters = append(afters, after)
		from := 0
		for i, it := range catalogue {
			if it.ID == after {
				from = i + 1
			}
		}
		write(w, SearchPage{Results: catalogue[from:min(from+2, len(catalogue))]})
	})
	body := NewSearchRequest("w")
	var got []Item
	for it, err := range c.SearchAll(context.Background(), body) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	// $.results[-1].id never runs out, so the empty fourth page ends it.
	if !slices.Equal(ids(got), ids(catalogue)) || !slices.Equal(afters, []string{"", "b", "d", "e"}) {
		t.Fatalf("items %v, afters %q", ids(got), afters)
	}
	if _, ok := body.After.Get(); ok {
		t.Error("the caller's body was changed")
	}
}

func TestURLPagesFollowNextLinks(t *testing.T) {
	var base string
	c, rec, srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		from, _ := strconv.Atoi(r.URL.Query().Get("from"))
		page := LinkedPage{Data: catalogue[from:min(from+2, len(catalogue))]}
		switch {
		case from == 0:
			var l LinkedPageLinks
			l.Next.Set(fmt.Sprintf("/linked/items?from=%d&size=2", from+2)) // relative: resolved against the request
			page.Links = &l
		case from+2 < len(catalogue):
			var l LinkedPageLinks
			l.Next.Set(fmt.Sprintf("%s/linked/items?from=%d&size=2", base, from+2)) // absolute, same origin
			page.Links = &l
		default:
			var l LinkedPageLinks
			l.Next.SetNull()
			page.Links = &l
		}
		write(w, page)
	})
	base = srv.URL
	var args ListLinkedItemsArgs
	args.Size.Set(2)
	var got []Item
	for it, err := range c.ListLinkedItemsAll(context.Background(), args) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	reqs := rec.seen()
	if !slices.Equal(ids(got), ids(catalogue)) || len(reqs) != 3 {
		t.Fatalf("items %v after %d requests", ids(got), len(reqs))
	}
	for i, want := range []string{"size=2", "from=2&size=2", "from=4&size=2"} {
		if q := reqs[i].URL.RawQuery; q != want {
			t.Errorf("request %d query %q, want %q", i+1, q, want)
		}
	}
}

func TestURLPagesStayOnOrigin(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		var l LinkedPageLinks
		l.Next.Set("https://elsewhere.example.com/linked/items?from=2")
		page := LinkedPage{Data: catalogue[:2]}
		page.Links = &l
		write(w, page)
	})
	var last error
	for _, err := range c.ListLinkedItemsAll(context.Background(), ListLinkedItemsArgs{}) {
		last = err
	}
	if last == nil || len(rec.seen()) != 1 {
		t.Fatalf("err %v after %d requests; want an error after 1", last, len(rec.seen()))
	}
}
