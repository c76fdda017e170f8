package sdkall

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file, where every SDK feature of the client
// is used at once: each is exercised here on the wire (httptest), and
// prism_test.go sends a handful of the operations to Prism.

import (
	"context"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/oasgen/oasgen/oas"
)

// recorder keeps each request's method, URI and x-account-id.
type recorder struct {
	mu   sync.Mutex
	reqs []string
}

func (r *recorder) add(req *http.Request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, req.Method+" "+req.URL.RequestURI()+" account="+req.Header.Get("x-account-id"))
}

func (r *recorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

// serve starts handler behind a client whose globals are set; at the end
// no goroutine may be left.
func serve(t *testing.T, handler http.HandlerFunc, opts Options) (*APIClient, *recorder, *httptest.Server) {
	t.Helper()
	leak := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, leak) })
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.add(r)
		handler(w, r)
	}))
	tr := &http.Transport{}
	t.Cleanup(func() {
		srv.Close()
		tr.CloseIdleConnections()
	})
	opts.ServerURL = srv.URL
	opts.HTTPClient = &http.Client{Transport: tr}
	if !opts.WorkspaceID.IsSet() {
		opts.WorkspaceID = oas.Some("ws-1")
	}
	if !opts.XAccountID.IsSet() {
		opts.XAccountID = oas.Some("acc-1")
	}
	c, err := NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, rec, srv
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func item(id string) map[string]any { return map[string]any{"id": id, "display_name": "Item " + id} }

func ids(t *testing.T, seq func(yield func(Item, error) bool)) []string {
	t.Helper()
	var out []string
	for it, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, it.ID)
	}
	return out
}

func wantRequests(t *testing.T, rec *recorder, want ...string) {
	t.Helper()
	if got := rec.all(); !slices.Equal(got, want) {
		t.Errorf("requests:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestCursorListThreePages(t *testing.T) {
	pages := map[string]any{
		"":   map[string]any{"data": []any{item("1"), item("2")}, "next_cursor": "c2"},
		"c2": map[string]any{"data": []any{item("3"), item("4")}, "next_cursor": "c3"},
		"c3": map[string]any{"data": []any{item("5")}, "next_cursor": nil},
	}
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "7")
		writeJSON(w, pages[r.URL.Query().Get("cursor")])
	}, Options{})
	var args ListArgs
	args.Limit.Set(2) // page_size, renamed by x-speakeasy-name-override
	got := ids(t, c.Items.ListAll(context.Background(), args))
	if want := []string{"1", "2", "3", "4", "5"}; !slices.Equal(got, want) {
		t.Errorf("items %v, want %v", got, want)
	}
	wantRequests(t, rec,
		"GET /workspaces/ws-1/items?page_size=2 account=acc-1",
		"GET /workspaces/ws-1/items?cursor=c2&page_size=2 account=acc-1",
		"GET /workspaces/ws-1/items?cursor=c3&page_size=2 account=acc-1")
}

func TestOffsetListThreePages(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		var items []any
		for i := off; i < min(off+2, 5); i++ {
			items = append(items, item(strconv.Itoa(i+1)))
		}
		writeJSON(w, map[string]any{"items": items})
	}, Options{})
	got := ids(t, c.Items.ListByOffsetAll(context.Background(), ListByOffsetArgs{Limit: 2}))
	if want := []string{"1", "2", "3", "4", "5"}; !slices.Equal(got, want) {
		t.Errorf("items %v, want %v", got, want)
	}
	wantRequests(t, rec,
		"GET /workspaces/ws-1/items/by-offset?limit=2 account=",
		"GET /workspaces/ws-1/items/by-offset?offset=2&limit=2 account=",
		"GET /workspaces/ws-1/items/by-offset?offset=4&limit=2 account=")
}

func TestURLListThreePages(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("p"))
		page := map[string]any{"data": []any{item(strconv.Itoa(n + 1))}}
		if n < 2 {
			page["links"] = map[string]any{"next": "?p=" + strconv.Itoa(n+1)}
		}
		writeJSON(w, page)
	}, Options{})
	got := ids(t, c.Items.ListLinkedAll(context.Background(), ListLinkedArgs{}))
	if want := []string{"1", "2", "3"}; !slices.Equal(got, want) {
		t.Errorf("items %v, want %v", got, want)
	}
	wantRequests(t, rec,
		"GET /workspaces/ws-1/items/linked account=",
		"GET /workspaces/ws-1/items/linked?p=1 account=",
		"GET /workspaces/ws-1/items/linked?p=2 account=")
}

func TestGlobalsAndOverrides(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"data": []any{}})
	}, Options{})
	ctx := context.Background()
	if _, err := c.Items.List(ctx, ListArgs{}); err != nil {
		t.Fatal(err)
	}
	// The call's Args win over the client's path and header values.
	if _, err := c.Items.List(ctx, ListArgs{WorkspaceID: oas.Some("ws 2"), XAccountID: oas.Some("acc-2")}); err != nil {
		t.Fatal(err)
	}
	wantRequests(t, rec,
		"GET /workspaces/ws-1/items account=acc-1",
		"GET /workspaces/ws%202/items account=acc-2")
	// Without a value anywhere the call fails before sending.
	bare, err := NewAPIClient(Options{ServerURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bare.Items.List(ctx, ListArgs{}); err == nil || !strings.Contains(err.Error(), "Options.WorkspaceID") {
		t.Errorf("List without a workspace: %v", err)
	}
}

func TestResponseHeadersAndMeta(t *testing.T) {
	c, _, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "41")
		w.Header().Set("X-Request-Id", "r-1")
		writeJSON(w, map[string]any{"data": []any{item("1")}})
	}, Options{})
	var meta HTTPMeta
	var rh ListResponseHeaders
	page, err := c.Items.List(context.Background(), ListArgs{}, WithHTTPMeta(&meta), WithResponseHeaders(&rh))
	if err != nil || len(page.Data) != 1 {
		t.Fatalf("List: %+v, %v", page, err)
	}
	if left, ok := rh.XRateLimitRemaining.Get(); !ok || left != 41 {
		t.Errorf("X-RateLimit-Remaining = %v, %v", left, ok)
	}
	if meta.StatusCode != 200 || meta.Header.Get("X-Request-Id") != "r-1" || meta.Attempts != 1 {
		t.Errorf("meta = %+v", meta)
	}
}

func TestErrorsExtension(t *testing.T) {
	status := 404
	c, _, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		switch status {
		case 200:
			io.WriteString(w, `{"id":"it-1","display_name":"W","secret":"s"}`)
		case 404:
			io.WriteString(w, `{"moved_to":"it-9"}`)
		default:
			io.WriteString(w, `{"message":"boom"}`)
		}
	}, Options{})
	ctx := context.Background()
	// 404 is not in x-speakeasy-errors: a result that says so.
	res, err := c.Items.Get(ctx, "it-1", GetArgs{})
	if err != nil || res.StatusCode != 404 || res.NotFound == nil || res.NotFound.MovedTo.Or("") != "it-9" || res.OK != nil {
		t.Fatalf("Get 404: %+v, %v", res, err)
	}
	status = 200
	res, err = c.Items.Get(ctx, "it-1", GetArgs{})
	if err != nil || res.StatusCode != 200 || res.OK == nil || res.OK.Title != "W" {
		t.Fatalf("Get 200: %+v, %v", res, err)
	}
	status = 500
	_, err = c.Items.Get(ctx, "it-1", GetArgs{})
	var pe *ProblemError
	if !errors.As(err, &pe) || pe.StatusCode != 500 || pe.Body.Message != "boom" {
		t.Fatalf("Get 500: %v", err)
	}
}

func TestSSEOneOfEvents(t *testing.T) {
	cut := false
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		send := func(s string) {
			io.WriteString(w, s)
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond)
		}
		send(`data: {"type":"delta","content":"Hel"}` + "\n\n")
		send("id: 2\nevent: chunk\n" + `data: {"type":"delta","content":"lo"}` + "\n\n")
		if cut {
			send(`data: {"type":"delta","con`) // the connection ends mid-event
			return
		}
		send(`data: {"type":"usage","tokens":2}` + "\n\n")
		send("data: [DONE]\n\n")
		send(`data: {"type":"delta","content":"after the sentinel"}` + "\n\n")
	}, Options{})
	ctx := context.Background()
	var text string
	var tokens int64
	var events []string
	for ev, err := range c.Chat.Stream(ctx, NewChatRequest("hi")) {
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, ev.Event+"/"+ev.ID)
		switch v, err := ev.Data.Which(); x := v.(type) {
		case ChatDelta:
			text += x.Content
		case ChatUsage:
			tokens = x.Tokens
		default:
			t.Fatalf("event data %T, %v", v, err)
		}
	}
	if text != "Hello" || tokens != 2 || !slices.Equal(events, []string{"message/", "chunk/2", "message/2"}) {
		t.Errorf("text %q, tokens %d, events %v", text, tokens, events)
	}
	if got := rec.all(); len(got) != 1 || got[0] != "POST /chat account=" {
		t.Errorf("requests %v", got)
	}

	// Stopping early closes the stream; a cut one ends with an error.
	for _, err := range c.Chat.Stream(ctx, NewChatRequest("hi")) {
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	cut = true
	var last error
	n := 0
	for _, err := range c.Chat.Stream(ctx, NewChatRequest("hi")) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	if n != 2 || last == nil {
		t.Errorf("cut stream: %d events, error %v; want 2 events, then an error", n, last)
	}
}

func TestGroupsAndIgnore(t *testing.T) {
	c, rec, _ := serve(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, []string{"n1", "n2"})
	}, Options{})
	notes, err := c.Items.Notes.ListNotes(context.Background(), "it 1", ListNotesArgs{})
	if err != nil || !slices.Equal(notes, []string{"n1", "n2"}) {
		t.Fatalf("Items.Notes.ListNotes: %v, %v", notes, err)
	}
	wantRequests(t, rec, "GET /workspaces/ws-1/items/it%201/notes account=")
	// x-speakeasy-ignore: no method for /internal, no Secret field.
	api := parsePackage(t)
	for _, name := range []string{"InternalOnly", "Secret"} {
		if api.idents[name] {
			t.Errorf("%s is generated, though x-speakeasy-ignore leaves it out", name)
		}
	}
}

func TestServers(t *testing.T) {
	for _, tc := range []struct {
		opts      Options
		want, err string
	}{
		{Options{}, "https://eu.api.example.com", ""},
		{Options{Region: RegionUs}, "https://us.api.example.com", ""},
		{Options{ServerIndex: ServerSandbox}, "https://sandbox.example.com", ""},
		{Options{Region: "mars"}, "", `server variable region: "mars" is not one of ["eu" "us"]`},
		{Options{ServerIndex: 2}, "", "ServerIndex 2"},
	} {
		var got string
		tc.opts.HTTPClient = &http.Client{Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
			got = r.URL.Scheme + "://" + r.URL.Host
			return nil, errors.New("not sent")
		})}
		c, err := NewAPIClient(tc.opts)
		if err == nil {
			c.Slow(context.Background(), WithoutRetries())
		}
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) || tc.err == "" && (err != nil || got != tc.want) {
			t.Errorf("%+v: %q, %v; want %q, %q", tc.opts, got, err, tc.want, tc.err)
		}
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestPerOperationServer: Chat.Stream calls its own server, with the
// region variable shared with the spec's servers.
func TestPerOperationServer(t *testing.T) {
	var got string
	c, err := NewAPIClient(Options{Region: RegionUs, HTTPClient: &http.Client{Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
		got = r.URL.String()
		return nil, errors.New("not sent")
	})}})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range c.Chat.Stream(context.Background(), NewChatRequest("hi"), WithoutRetries()) {
		if err == nil {
			t.Fatal("no error")
		}
	}
	if got != "https://stream.us.example.com/chat" {
		t.Errorf("Chat.Stream called %q", got)
	}
}

func TestTimeouts(t *testing.T) {
	release := make(chan struct{})
	c, _, srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
		w.WriteHeader(204)
	}, Options{Timeout: 50 * time.Millisecond})
	defer close(release)
	ctx := context.Background()
	var te *TimeoutError
	start := time.Now()
	if err := c.Slow(ctx); !errors.As(err, &te) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Slow with Options.Timeout: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Slow took %v with a 50ms timeout", d)
	}
	if err := c.Slow(ctx, WithTimeout(20*time.Millisecond)); !errors.As(err, &te) {
		t.Fatalf("Slow WithTimeout: %v", err)
	}
	// A longer per-call timeout lets the answer through.
	go func() { time.Sleep(30 * time.Millisecond); release <- struct{}{} }()
	if err := c.Slow(ctx, WithTimeout(5*time.Second)); err != nil {
		t.Fatalf("Slow with room: %v", err)
	}
	_ = srv
}

func TestWebhooks(t *testing.T) {
	var got []WebhookEvent
	var mu sync.Mutex
	h := NewWebhookHandler(func(ctx context.Context, ev WebhookEvent) error {
		mu.Lock()
		got = append(got, ev)
		mu.Unlock()
		return nil
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	post := func(body string) int {
		resp, err := http.Post(srv.URL+"/itemCreated", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := post(`{"id":"it-1","display_name":"W"}`); st/100 != 2 {
		t.Errorf("good payload: %d", st)
	}
	if st := post(`{"id":`); st != 400 {
		t.Errorf("bad payload: %d, want 400", st)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("events %v", got)
	}
	if ev, ok := got[0].(*ItemCreatedWebhook); !ok || ev.Body.ID != "it-1" || ev.Body.Title != "W" {
		t.Errorf("event %#v", got[0])
	}
}

// TestDeprecation: the spec's deprecated operation, schema, property and
// parameter carry the "Deprecated:" paragraph staticcheck's SA1019 reports
// (gen/emit's TestDeprecatedReportedByStaticcheck runs staticcheck on it).
func TestDeprecation(t *testing.T) {
	api := parsePackage(t)
	for name, want := range map[string]string{
		"LegacyPing":  "Deprecated: Use Slow instead.",
		"LegacyThing": "Deprecated:",
		"OldName":     "Deprecated: Use Title.",
		"Sort":        "Deprecated: Notes are always newest first.",
	} {
		doc, ok := api.docs[name]
		if !ok {
			t.Errorf("%s is not generated", name)
			continue
		}
		if !strings.Contains("\n"+doc, "\n"+want) {
			t.Errorf("%s's doc lacks a %q paragraph:\n%s", name, want, doc)
		}
	}
}

func TestUsageExample(t *testing.T) {
	b, err := os.ReadFile("doc.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "client.Items.List(ctx, sdkall.ListArgs{})") {
		t.Errorf("the package doc lacks x-speakeasy-usage-example's operation:\n%s", b)
	}
}

type pkgAPI struct {
	idents map[string]bool   // every declared name, fields and methods too
	docs   map[string]string // their doc comments
}

// parsePackage reads the generated package's declarations.
func parsePackage(t *testing.T) pkgAPI {
	t.Helper()
	files, err := filepath.Glob("*.gen.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	api := pkgAPI{idents: map[string]bool{}, docs: map[string]string{}}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			note := func(name string, doc *ast.CommentGroup) {
				api.idents[name] = true
				if doc != nil {
					api.docs[name] = doc.Text()
				}
			}
			switch d := n.(type) {
			case *ast.FuncDecl:
				note(d.Name.Name, d.Doc)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok {
						doc := ts.Doc
						if doc == nil {
							doc = d.Doc
						}
						note(ts.Name.Name, doc)
					}
				}
			case *ast.Field:
				for _, id := range d.Names {
					note(id.Name, d.Doc)
				}
			}
			return true
		})
	}
	return api
}
