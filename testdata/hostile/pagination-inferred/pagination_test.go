package hostile

// Run by gen's TestEndToEnd against the package the CLI generated from
// openapi.yaml with gen.yaml's infer-pagination: true: the inferred page
// iterators on the wire, with the requests counted.

import (
	"context"
	"encoding/json"
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

func TestInferredNextCursor(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		from, _ := strconv.Atoi(r.URL.Query().Get("after"))
		page := FeedPage{Items: catalogue[from:min(from+2, len(catalogue))]}
		if from+2 < len(catalogue) {
			page.Next.Set(strconv.Itoa(from + 2))
		} else {
			page.Next.SetNull()
		}
		write(w, page)
	})
	var got []Item
	for it, err := range c.ListFeedAll(context.Background(), ListFeedArgs{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	reqs := rec.seen()
	if !slices.Equal(ids(got), ids(catalogue)) || len(reqs) != 3 || reqs[2].URL.RawQuery != "after=4" {
		t.Fatalf("items %v after %d requests", ids(got), len(reqs))
	}
}

func TestInferredLinkHeader(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		from := p * 2
		if from+2 < len(catalogue) {
			w.Header().Set("Link", fmt.Sprintf(`</history?page=%d>; rel="next", </history?page=0>; rel="first"`, p+1))
		}
		write(w, catalogue[from:min(from+2, len(catalogue))])
	})
	var got []Item
	for it, err := range c.ListHistoryAll(context.Background(), ListHistoryArgs{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	reqs := rec.seen()
	if !slices.Equal(ids(got), ids(catalogue)) || len(reqs) != 3 || reqs[2].URL.RawQuery != "page=2" {
		t.Fatalf("items %v after %d requests", ids(got), len(reqs))
	}
}
