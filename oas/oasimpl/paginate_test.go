package oasimpl

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestPaginateStopsOnLastPage(t *testing.T) {
	calls := 0
	pages := func(yield func([]int, error) bool) {
		Paginate(context.Background(), yield, func(context.Context) ([]int, bool, error) {
			calls++
			return []int{calls*2 - 1, calls * 2}, calls < 3, nil
		})
	}
	var got []int
	for it, err := range Items(pages, func(p []int) []int { return p }) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if !slices.Equal(got, []int{1, 2, 3, 4, 5, 6}) || calls != 3 {
		t.Fatalf("items %v after %d calls", got, calls)
	}
}

func TestPaginateErrorAndContext(t *testing.T) {
	boom := errors.New("boom")
	var errs []error
	Paginate(context.Background(), func(p int, err error) bool { errs = append(errs, err); return true },
		func(context.Context) (int, bool, error) {
			if len(errs) == 1 {
				return 0, true, boom
			}
			return 1, true, nil
		})
	if len(errs) != 2 || errs[0] != nil || errs[1] != boom {
		t.Fatalf("errs = %v", errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	var last error
	Paginate(ctx, func(p int, err error) bool { last = err; cancel(); return true },
		func(context.Context) (int, bool, error) { calls++; return 1, true, nil })
	if calls != 1 || !errors.Is(last, context.Canceled) {
		t.Fatalf("calls %d, last %v", calls, last)
	}
	// Breaking out of Items stops fetching.
	calls = 0
	pages := func(yield func([]int, error) bool) {
		Paginate(context.Background(), yield, func(context.Context) ([]int, bool, error) { calls++; return []int{1, 2}, true, nil })
	}
	for range Items(pages, func(p []int) []int { return p }) {
		break
	}
	if calls != 1 {
		t.Fatalf("%d calls after an early break, want 1", calls)
	}
}

func TestNextLink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<https://api.example.com/items?page=2>; rel="next", <https://api.example.com/items?page=9>; rel="last"`, "https://api.example.com/items?page=2"},
		{`<https://x/a?b=1,2>; rel="prev", </items?page=3>; rel=next`, "/items?page=3"},
		{`<https://x/a>; title="a, b"; rel="prev next"`, "https://x/a"},
		{`<https://x/a>; rel="last"`, ""},
		{``, ""},
	} {
		h := http.Header{}
		if tc.in != "" {
			h.Set("Link", tc.in)
		}
		if got := NextLink(h); got != tc.want {
			t.Errorf("NextLink(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPageURLStaysOnOrigin(t *testing.T) {
	base, _ := url.Parse("https://api.example.com/v1/items?limit=2")
	u, err := pageURL(base, "/v1/items?cursor=abc")
	if err != nil || u.String() != "https://api.example.com/v1/items?cursor=abc" {
		t.Fatalf("%v %v", u, err)
	}
	if _, err := pageURL(base, "https://evil.example.com/v1/items"); err == nil {
		t.Fatal("a next URL on another host was followed")
	}
}

func TestWithPageURLAndResponseHeader(t *testing.T) {
	e := newFaultEnv(t, func(w http.ResponseWriter, r *http.Request) {
		// The next page is the one after the page requested.
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		w.Header().Set("Link", `<`+r.URL.Path+`?page=`+strconv.Itoa(n+1)+`>; rel="next"`)
		w.Write([]byte(`{}`))
	})
	u, _ := url.Parse(e.srv.URL + "/items?page=1")
	var h http.Header
	resp, err := e.tr.Do(context.Background(), &Call{Method: "GET", URL: u}, []oas.CallOption{WithPageURL("/items?page=2"), WithResponseHeader(&h)})
	if err != nil || resp.StatusCode != 200 {
		t.Fatal(resp, err)
	}
	if NextLink(h) != "/items?page=3" {
		t.Fatalf("header %v", h)
	}
}
