package stackone_test

// Behaviour of the generated APIClient against httptest servers: what goes
// on the wire, how each response becomes a result or an error, and when
// calls are retried. Backoff is shortened through Options so the suite is
// fast; the only real wait is a one-second Retry-After.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/oas"
)

const authLinkJSON = `{"id":1,"organization_id":2,"project_id":"p1","origin_owner_id":"o1",
"origin_owner_name":"Acme","created_at":"2024-01-02T03:04:05Z","token":"tok","auth_link_url":"https://hub.stackone.com/x"}`

func errorJSON(code int, msg string) string {
	return `{"statusCode":` + itoa(code) + `,"message":"` + msg + `","timestamp":"2023-05-30T00:00:00.000Z"}`
}

func itoa(n int) string { return strconv.Itoa(n) }

// fast retries quickly, on what the spec says, with at most three attempts.
var fast = stackone.RetryPolicy{StatusCodes: []int{408, 429}, ConnectionErrors: true,
	InitialInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Exponent: 2, MaxAttempts: 3}

// recorder is a test server that answers with a scripted handler per attempt
// and keeps every request it saw.
type recorder struct {
	mu       sync.Mutex
	requests []*http.Request
	bodies   [][]byte
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.requests)
}

func serve(t *testing.T, steps ...http.HandlerFunc) (*recorder, *stackone.APIClient) {
	t.Helper()
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		rec.mu.Lock()
		n := len(rec.requests)
		rec.requests = append(rec.requests, req)
		rec.bodies = append(rec.bodies, b)
		rec.mu.Unlock()
		steps[min(n, len(steps)-1)](w, req)
	}))
	t.Cleanup(srv.Close)
	p := fast
	c, err := stackone.NewAPIClient(stackone.Options{ServerURL: srv.URL, APIKey: "key-123", Retry: &p})
	if err != nil {
		t.Fatal(err)
	}
	return rec, c
}

func reply(status int, body string, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// hangUp drops the connection without answering.
func hangUp(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	conn.Close()
}

func session() stackone.ConnectSessionCreate {
	s := stackone.NewConnectSessionCreate("o1", "Acme")
	s.Categories.Set([]oas.Nullable[stackone.ConnectSessionCreateCategories]{oas.Value(stackone.ConnectSessionCreateCategoriesHris)})
	return s
}

func TestCreateConnectSessionSuccess(t *testing.T) {
	rec, c := serve(t, reply(201, authLinkJSON))
	got, err := c.CreateConnectSession(context.Background(), session())
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthLinkURL != "https://hub.stackone.com/x" || got.Token != "tok" || got.ID != 1 ||
		!got.CreatedAt.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("decoded %+v", got)
	}
	req := rec.requests[0]
	if req.Method != "POST" || req.URL.Path != "/connect_sessions" {
		t.Errorf("sent %s %s", req.Method, req.URL.Path)
	}
	user, pass, ok := req.BasicAuth()
	if !ok || user != "key-123" || pass != "" {
		t.Errorf("basic auth = %q %q %v, want the key as user name and no password", user, pass, ok)
	}
	if ua := req.Header.Get("User-Agent"); ua != stackone.UserAgent || !strings.Contains(ua, "oasgen/v") {
		t.Errorf("User-Agent = %q", ua)
	}
	if ct := req.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	var sent map[string]any
	if err := json.Unmarshal(rec.bodies[0], &sent); err != nil {
		t.Fatal(err)
	}
	// Only what the caller set: expires_in has a default, which the server
	// applies itself.
	want := map[string]any{"origin_owner_id": "o1", "origin_owner_name": "Acme", "categories": []any{"hris"}}
	if len(sent) != len(want) {
		t.Errorf("sent %s, want exactly %v", rec.bodies[0], want)
	}
	for k, v := range want {
		if b1, _ := json.Marshal(sent[k]); string(b1) != string(must(json.Marshal(v))) {
			t.Errorf("sent %s = %s, want %v", k, b1, v)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestAuthenticateConnectSession(t *testing.T) {
	rec, c := serve(t, reply(201, `{"id":7,"organization_id":2,"project_id":"p","origin_owner_id":"o","origin_owner_name":"n","created_at":"2024-01-02T03:04:05Z","label":null}`))
	got, err := c.AuthenticateConnectSession(context.Background(), stackone.NewConnectSessionAuthenticate("tok"))
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 7 || !got.Label.IsNull() {
		t.Errorf("decoded %+v", got)
	}
	if rec.requests[0].URL.Path != "/connect_sessions/authenticate" || string(rec.bodies[0]) != `{"token":"tok"}` {
		t.Errorf("sent %s %s", rec.requests[0].URL.Path, rec.bodies[0])
	}
}

func TestValidateBeforeSending(t *testing.T) {
	rec, c := serve(t, reply(201, authLinkJSON))
	var body stackone.ConnectSessionCreate // decoded without origin_owner_id
	if err := json.Unmarshal([]byte(`{"origin_owner_name":"Acme"}`), &body); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateConnectSession(context.Background(), body)
	var verr *oas.ValidationError
	if !errors.As(err, &verr) || len(verr.Violations) != 1 || verr.Violations[0].Path != "origin_owner_id" {
		t.Fatalf("err = %v, want a ValidationError for origin_owner_id", err)
	}
	if rec.count() != 0 {
		t.Errorf("an invalid request reached the server")
	}
}

// Every documented error status becomes its own type, reachable with
// errors.As, carrying the status and the decoded body.
func TestDocumentedErrors(t *testing.T) {
	check := func(t *testing.T, err error, status int, msg string, target any, body func() stackone.BadRequestResponse) {
		t.Helper()
		if !errors.As(err, target) {
			t.Fatalf("err = %T %v, not the documented type %T", err, err, target)
		}
		b := body()
		if b.Message != msg || b.StatusCode != float64(status) || !b.Timestamp.Equal(time.Date(2023, 5, 30, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("decoded body %+v", b)
		}
		var api *stackone.APIError
		if !errors.As(err, &api) || api.StatusCode != status || !strings.Contains(string(api.Raw), msg) {
			t.Errorf("APIError = %+v", api)
		}
		if !strings.Contains(err.Error(), msg) || !strings.Contains(err.Error(), itoa(status)) {
			t.Errorf("message %q lacks the status or the server's message", err)
		}
	}
	conv := func(m string, s float64, ts time.Time) stackone.BadRequestResponse {
		return stackone.BadRequestResponse{Message: m, StatusCode: s, Timestamp: ts}
	}
	cases := []struct {
		status int
		check  func(t *testing.T, err error)
	}{
		{400, func(t *testing.T, err error) {
			var e *stackone.BadRequestResponseError
			check(t, err, 400, "bad", &e, func() stackone.BadRequestResponse { return e.Body })
		}},
		{401, func(t *testing.T, err error) {
			var e *stackone.UnauthorizedResponseError
			check(t, err, 401, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
		{403, func(t *testing.T, err error) {
			var e *stackone.ForbiddenResponseError
			check(t, err, 403, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
		{408, func(t *testing.T, err error) {
			var e *stackone.RequestTimedOutResponseError
			check(t, err, 408, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
		{429, func(t *testing.T, err error) {
			var e *stackone.TooManyRequestsResponseError
			check(t, err, 429, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
		{500, func(t *testing.T, err error) {
			var e *stackone.InternalServerErrorResponseError
			check(t, err, 500, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
		{501, func(t *testing.T, err error) {
			var e *stackone.NotImplementedResponseError
			check(t, err, 501, "bad", &e, func() stackone.BadRequestResponse { return conv(e.Body.Message, e.Body.StatusCode, e.Body.Timestamp) })
		}},
	}
	for _, tc := range cases {
		t.Run(itoa(tc.status), func(t *testing.T) {
			rec, c := serve(t, reply(tc.status, errorJSON(tc.status, "bad")))
			got, err := c.CreateConnectSession(context.Background(), session(), stackone.WithoutRetries())
			if got != nil {
				t.Errorf("result %+v with an error status", got)
			}
			tc.check(t, err)
			// The documented type of one status is not the type of another.
			var other *stackone.BadRequestResponseError
			if tc.status != 400 && errors.As(err, &other) {
				t.Errorf("%d matched BadRequestResponseError", tc.status)
			}
			if rec.count() != 1 {
				t.Errorf("%d attempts with WithoutRetries", rec.count())
			}
		})
	}
}

func TestUndocumentedStatusIsAPIError(t *testing.T) {
	big := strings.Repeat("x", oas.MaxErrorBody+100)
	_, c := serve(t, reply(418, big))
	_, err := c.CreateConnectSession(context.Background(), session())
	var api *stackone.APIError
	if !errors.As(err, &api) || api.StatusCode != 418 {
		t.Fatalf("err = %T %v", err, err)
	}
	if len(api.Raw) != oas.MaxErrorBody || !api.Truncated {
		t.Errorf("raw body %d bytes, truncated=%v; want capped at %d", len(api.Raw), api.Truncated, oas.MaxErrorBody)
	}
	if len(err.Error()) > 1000 {
		t.Errorf("error message is %d bytes long", len(err.Error()))
	}
	// The message says which call failed before where it went.
	if !strings.HasPrefix(err.Error(), "CreateConnectSession: POST ") || api.Operation != "CreateConnectSession" {
		t.Errorf("error %.60q… (Operation %q) does not start with the operation", err, api.Operation)
	}
	var typed *stackone.BadRequestResponseError
	if errors.As(err, &typed) {
		t.Errorf("418 matched a documented error type")
	}
}

func TestUndecodableResponses(t *testing.T) {
	t.Run("success", func(t *testing.T) {
		_, c := serve(t, reply(201, `{"id":"not a number"`))
		_, err := c.CreateConnectSession(context.Background(), session())
		var de *stackone.DecodeError
		if !errors.As(err, &de) || de.StatusCode != 201 || string(de.Raw) != `{"id":"not a number"` {
			t.Fatalf("err = %T %v", err, err)
		}
		var api *stackone.APIError
		if errors.As(err, &api) {
			t.Errorf("a 2xx decode failure is reported as an API error")
		}
		if !strings.Contains(err.Error(), "does not decode") {
			t.Errorf("message %q does not say the body did not decode", err)
		}
	})
	t.Run("error", func(t *testing.T) {
		_, c := serve(t, reply(400, `<html>oops</html>`))
		_, err := c.CreateConnectSession(context.Background(), session())
		var de *stackone.DecodeError
		var api *stackone.APIError
		if !errors.As(err, &de) || string(de.Raw) != `<html>oops</html>` || !errors.As(err, &api) || api.StatusCode != 400 {
			t.Fatalf("err = %T %v", err, err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		// Nothing to decode is no result, not a wrong body.
		_, c := serve(t, reply(201, ``))
		got, err := c.CreateConnectSession(context.Background(), session())
		if got != nil || err != nil {
			t.Fatalf("got %+v, err = %T %v; want nil, nil", got, err, err)
		}
	})
}

func TestUnknownFieldsAndEnumValues(t *testing.T) {
	body := strings.Replace(authLinkJSON, `"id":1,`, `"id":1,"brand_new_field":{"nested":[1,2]},"categories":["ats","quantum",null],`, 1)
	_, c := serve(t, reply(201, body))
	got, err := c.CreateConnectSession(context.Background(), session())
	if err != nil {
		t.Fatal(err)
	}
	cats, ok := got.Categories.Get()
	if !ok || len(cats) != 3 {
		t.Fatalf("categories = %+v", got.Categories)
	}
	if v, _ := cats[1].Get(); v != "quantum" || v.IsKnown() {
		t.Errorf("unknown enum value kept as %q (known=%v)", v, v.IsKnown())
	}
	if !cats[2].IsNull() {
		t.Errorf("null item not kept")
	}
}

func TestRetries(t *testing.T) {
	t.Run("429 then success, body replayed", func(t *testing.T) {
		rec, c := serve(t, reply(429, errorJSON(429, "slow down"), "Retry-After", "0"), reply(201, authLinkJSON))
		if _, err := c.CreateConnectSession(context.Background(), session()); err != nil {
			t.Fatal(err)
		}
		if rec.count() != 2 || string(rec.bodies[0]) != string(rec.bodies[1]) || len(rec.bodies[1]) == 0 {
			t.Errorf("%d attempts, bodies %q", rec.count(), rec.bodies)
		}
	})
	t.Run("408 then success", func(t *testing.T) {
		rec, c := serve(t, reply(408, errorJSON(408, "timeout")), reply(201, authLinkJSON))
		if _, err := c.CreateConnectSession(context.Background(), session()); err != nil {
			t.Fatal(err)
		}
		if rec.count() != 2 {
			t.Errorf("%d attempts", rec.count())
		}
	})
	t.Run("Retry-After seconds honoured", func(t *testing.T) {
		var times []time.Time
		var mu sync.Mutex
		stamp := func(h http.HandlerFunc) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				times = append(times, time.Now())
				mu.Unlock()
				h(w, r)
			}
		}
		_, c := serve(t, stamp(reply(429, errorJSON(429, "wait"), "Retry-After", "1")), stamp(reply(201, authLinkJSON)))
		if _, err := c.CreateConnectSession(context.Background(), session()); err != nil {
			t.Fatal(err)
		}
		// A lower bound, not a speed target: the client waited as told
		// instead of its 1ms backoff.
		if gap := times[1].Sub(times[0]); gap < 900*time.Millisecond {
			t.Errorf("retried after %v despite Retry-After: 1", gap)
		}
	})
	t.Run("dropped connection then success", func(t *testing.T) {
		rec, c := serve(t, hangUp, reply(201, authLinkJSON))
		if _, err := c.CreateConnectSession(context.Background(), session()); err != nil {
			t.Fatal(err)
		}
		if rec.count() != 2 || string(rec.bodies[0]) != string(rec.bodies[1]) {
			t.Errorf("%d attempts, bodies %q", rec.count(), rec.bodies)
		}
	})
	t.Run("dropped connection every time", func(t *testing.T) {
		rec, c := serve(t, hangUp)
		_, err := c.CreateConnectSession(context.Background(), session())
		if err == nil || rec.count() != fast.MaxAttempts {
			t.Errorf("err = %v after %d attempts, want an error after %d", err, rec.count(), fast.MaxAttempts)
		}
	})
	t.Run("attempts bounded", func(t *testing.T) {
		rec, c := serve(t, reply(429, errorJSON(429, "no")))
		_, err := c.CreateConnectSession(context.Background(), session())
		var e *stackone.TooManyRequestsResponseError
		if !errors.As(err, &e) || rec.count() != 3 {
			t.Errorf("err = %v after %d attempts", err, rec.count())
		}
	})
	t.Run("not on other statuses", func(t *testing.T) {
		rec, c := serve(t, reply(500, errorJSON(500, "boom")), reply(201, authLinkJSON))
		if _, err := c.CreateConnectSession(context.Background(), session()); err == nil || rec.count() != 1 {
			t.Errorf("err = %v after %d attempts", err, rec.count())
		}
	})
	t.Run("per call override", func(t *testing.T) {
		rec, c := serve(t, reply(503, `{}`), reply(201, authLinkJSON))
		p := fast
		p.StatusCodes = []int{503}
		if _, err := c.CreateConnectSession(context.Background(), session(), stackone.WithRetries(p)); err != nil || rec.count() != 2 {
			t.Errorf("err = %v after %d attempts", err, rec.count())
		}
	})
	t.Run("client override off", func(t *testing.T) {
		srv := httptest.NewServer(reply(429, errorJSON(429, "no")))
		defer srv.Close()
		var n int
		var mu sync.Mutex
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			mu.Lock()
			n++
			mu.Unlock()
			return http.DefaultTransport.RoundTrip(r)
		})}
		c, err := stackone.NewAPIClient(stackone.Options{ServerURL: srv.URL, APIKey: "k", HTTPClient: hc, Retry: &stackone.RetryPolicy{MaxAttempts: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateConnectSession(context.Background(), session()); err == nil || n != 1 {
			t.Errorf("err = %v after %d attempts through the custom http.Client", err, n)
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestContextDeadline(t *testing.T) {
	release := make(chan struct{})
	rec, c := serve(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.CreateConnectSession(ctx, session())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	if rec.count() != 1 {
		t.Errorf("%d attempts after the deadline", rec.count())
	}
}

// A cancelled context stops the wait between retries.
func TestCancelBetweenRetries(t *testing.T) {
	rec, c := serve(t, reply(429, errorJSON(429, "wait"), "Retry-After", "30"), reply(201, authLinkJSON))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for rec.count() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := c.CreateConnectSession(ctx, session())
	if !errors.Is(err, context.Canceled) || rec.count() != 1 {
		t.Errorf("err = %v after %d attempts", err, rec.count())
	}
}

// The environment is read only when the caller opts in with
// OptionsFromEnv; NewAPIClient alone never reads it, and a client without a
// key fails before sending anything.
func TestAPIKeyFromEnvironment(t *testing.T) {
	t.Setenv(stackone.EnvAPIKey, "from-env")
	var user string
	var hits int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		user, _, _ = r.BasicAuth()
		reply(201, authLinkJSON)(w, r)
	}))
	defer srv.Close()
	anon, err := stackone.NewAPIClient(stackone.Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	var missing *stackone.MissingCredentialsError
	if _, err = anon.CreateConnectSession(context.Background(), session()); !errors.As(err, &missing) || hits != 0 {
		t.Fatalf("without opting in: err = %v after %d requests, want *MissingCredentialsError and none", err, hits)
	}
	if !strings.Contains(err.Error(), "Options.APIKey") {
		t.Errorf("error %q does not name Options.APIKey", err)
	}
	opts := stackone.OptionsFromEnv()
	opts.ServerURL = srv.URL
	c, err := stackone.NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateConnectSession(context.Background(), session()); err != nil {
		t.Fatal(err)
	}
	if user != "from-env" {
		t.Errorf("basic auth user = %q", user)
	}
	if stackone.EnvAPIKey != "STACKONE_API_KEY" {
		t.Errorf("EnvAPIKey = %q, the README documents STACKONE_API_KEY", stackone.EnvAPIKey)
	}
	if s := fmt.Sprintf("%v %+v %#v", opts, opts, opts); strings.Contains(s, "from-env") {
		t.Errorf("printing the options leaks the key: %s", s)
	}
}

func TestServerURL(t *testing.T) {
	if stackone.DefaultServerURL != "https://api.stackone.com" {
		t.Errorf("DefaultServerURL = %q", stackone.DefaultServerURL)
	}
	for _, bad := range []string{"api.stackone.com", "/relative", "ftp://x", "http://%zz"} {
		if _, err := stackone.NewAPIClient(stackone.Options{ServerURL: bad}); err == nil {
			t.Errorf("server URL %q accepted", bad)
		}
	}
	// A base path on the server URL is kept in front of the operation's path.
	var path string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.Path
		reply(201, authLinkJSON)(w, r)
	}))
	defer srv.Close()
	c, err := stackone.NewAPIClient(stackone.Options{ServerURL: srv.URL + "/base/", APIKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateConnectSession(context.Background(), session()); err != nil || path != "/base/connect_sessions" {
		t.Errorf("err = %v, path = %q", err, path)
	}
}
