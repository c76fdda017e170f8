package stackone_test

// The generated client against Stoplight Prism (@stoplight/prism-cli, pinned
// in tools/prism/package-lock.json) mocking spec/connect_session.yaml with
// --errors: Prism validates every request against the spec (and its own
// responses), so a request that breaks the spec fails instead of getting a
// mocked answer. -d makes Prism generate responses from the schemas, with
// fields the spec does not list, so decoding is exercised on data we did not
// write.
//
// The test installs Prism with `npm ci` when it is missing. It is skipped
// when OASGEN_SKIP_PRISM=1, or when node/npm are not installed, unless
// OASGEN_REQUIRE_PRISM=1 (as .ci/run sets), which turns a skip into a
// failure.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/generated/stackone/raw"
	"github.com/oasgen/oasgen/internal/npmtool"
	"github.com/oasgen/oasgen/oas"
)

const prismDir = "../../tools/prism"

// skipPrism skips (or, under OASGEN_REQUIRE_PRISM=1, fails) the test.
func skipPrism(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("OASGEN_REQUIRE_PRISM") == "1" {
		t.Fatalf("Prism is required (OASGEN_REQUIRE_PRISM=1) but %s", why)
	}
	t.Skip(why)
}

// startPrism runs `prism mock` on a free loopback port and returns its URL.
func startPrism(t *testing.T) string {
	t.Helper()
	if os.Getenv("OASGEN_SKIP_PRISM") == "1" && os.Getenv("OASGEN_REQUIRE_PRISM") != "1" {
		t.Skip("OASGEN_SKIP_PRISM=1")
	}
	if _, err := exec.LookPath("node"); err != nil {
		skipPrism(t, "node is not installed")
	}
	bin := filepath.Join(prismDir, "node_modules", ".bin", "prism")
	if err := npmtool.Install(prismDir); errors.Is(err, npmtool.ErrNoNPM) {
		skipPrism(t, "npm is not installed")
	} else if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "mock", "-h", "127.0.0.1", "-p", strconv.Itoa(port),
		"--errors", "-d", "../../spec/connect_session.yaml")
	var logs bytes.Buffer
	var logMu sync.Mutex
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting prism: %v", err)
	}
	pw.Close()
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		once := sync.Once{}
		for sc.Scan() {
			logMu.Lock()
			logs.WriteString(sc.Text() + "\n")
			logMu.Unlock()
			if strings.Contains(sc.Text(), "Prism is listening") {
				once.Do(func() { close(ready) })
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-exited
		if t.Failed() {
			logMu.Lock()
			t.Logf("prism output:\n%s", logs.String())
			logMu.Unlock()
		}
	})
	select {
	case <-ready:
	case err := <-exited:
		logMu.Lock()
		defer logMu.Unlock()
		t.Fatalf("prism exited before listening: %v\n%s", err, logs.String())
	case <-time.After(90 * time.Second):
		t.Fatal("prism did not start listening within 90s")
	}
	return "http://127.0.0.1:" + strconv.Itoa(port)
}

// violation is one entry of Prism's sl-violations header.
type violation struct {
	Location []string `json:"location"`
	Message  string   `json:"message"`
}

// witness is an http.RoundTripper that keeps what Prism said about each
// exchange.
type witness struct {
	mu       sync.Mutex
	requests int
	// request lists violations Prism found in our requests; response those
	// in its own generated responses.
	request, response []violation
	// prefer, when set, asks Prism for that status (Prefer: code=N).
	prefer string
}

func (w *witness) RoundTrip(r *http.Request) (*http.Response, error) {
	w.mu.Lock()
	w.requests++
	if w.prefer != "" {
		r = r.Clone(r.Context())
		r.Header.Set("Prefer", "code="+w.prefer)
	}
	w.mu.Unlock()
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	if h := resp.Header.Get("sl-violations"); h != "" {
		var vs []violation
		if err := json.Unmarshal([]byte(h), &vs); err != nil {
			vs = []violation{{Location: []string{"request"}, Message: "unparsable sl-violations: " + h}}
		}
		w.mu.Lock()
		for _, v := range vs {
			if len(v.Location) > 0 && v.Location[0] == "response" {
				w.response = append(w.response, v)
			} else {
				w.request = append(w.request, v)
			}
		}
		w.mu.Unlock()
	}
	return resp, nil
}

// mockMisbehaved reports that Prism's last failure was its own generated
// response breaking the spec (it may draw null from the categories enum),
// which says nothing about the client; the call is then repeated.
func (w *witness) mockMisbehaved(before int) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.response) > before && len(w.request) == 0
}

func TestAgainstPrism(t *testing.T) {
	server := startPrism(t)
	w := &witness{}
	c, err := stackone.NewAPIClient(stackone.Options{ServerURL: server, APIKey: "test-key",
		HTTPClient: &http.Client{Transport: w}, Retry: &stackone.RetryPolicy{MaxAttempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// call repeats fn while only Prism's own responses are at fault.
	call := func(t *testing.T, fn func() error) {
		t.Helper()
		for try := 0; ; try++ {
			w.mu.Lock()
			before := len(w.response)
			w.mu.Unlock()
			err := fn()
			if err != nil && w.mockMisbehaved(before) && try < 20 {
				continue
			}
			if err != nil {
				t.Fatalf("call failed: %v", err)
			}
			break
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		if len(w.request) > 0 {
			t.Fatalf("Prism found our request invalid: %+v", w.request)
		}
	}

	full := stackone.NewConnectSessionCreate("owner-1", "Acme Inc")
	full.AccountID.SetNull()
	full.Categories.Set([]oas.Nullable[stackone.ConnectSessionCreateCategories]{
		oas.Value(stackone.ConnectSessionCreateCategoriesHris), oas.Value(stackone.ConnectSessionCreateCategoriesAts)})
	full.Metadata.Set(json.RawMessage(`{"team":"platform","tier":2}`))
	full.OriginUsername.Set("jane")
	full.Provider.Set("bamboohr")
	full.ExpiresIn.Set(600)
	nulls := stackone.NewConnectSessionCreate("owner-2", "Beta")
	nulls.Categories.SetNull()
	nulls.ExpiresIn.SetNull()
	nulls.Provider.SetNull()

	for _, tc := range []struct {
		name string
		body stackone.ConnectSessionCreate
	}{
		{"required only", stackone.NewConnectSessionCreate("owner-0", "Zero")},
		{"every field", full},
		{"nulls", nulls},
	} {
		body := tc.body
		t.Run("create/"+tc.name, func(t *testing.T) {
			call(t, func() error {
				got, err := c.CreateConnectSession(ctx, body)
				if err == nil && (got.AuthLinkURL == "" || got.Token == "" || got.CreatedAt.IsZero()) {
					t.Errorf("decoded response lacks required fields: %+v", got)
				}
				return err
			})
		})
	}
	t.Run("authenticate", func(t *testing.T) {
		call(t, func() error {
			got, err := c.AuthenticateConnectSession(ctx, stackone.NewConnectSessionAuthenticate("a-token"))
			if err == nil && (got.OriginOwnerID == "" || got.CreatedAt.IsZero()) {
				t.Errorf("decoded response lacks required fields: %+v", got)
			}
			return err
		})
	})
	// Prism answers each documented error status with a body generated from
	// its schema; each must come back as its own type, decoded.
	t.Run("documented errors", func(t *testing.T) {
		defer func() { w.mu.Lock(); w.prefer = ""; w.mu.Unlock() }()
		for _, tc := range []struct {
			code   int
			target func(error) (time.Time, bool)
		}{
			{400, asBody[*stackone.BadRequestResponseError](func(e *stackone.BadRequestResponseError) time.Time { return e.Body.Timestamp })},
			{401, asBody[*stackone.UnauthorizedResponseError](func(e *stackone.UnauthorizedResponseError) time.Time { return e.Body.Timestamp })},
			{403, asBody[*stackone.ForbiddenResponseError](func(e *stackone.ForbiddenResponseError) time.Time { return e.Body.Timestamp })},
			{408, asBody[*stackone.RequestTimedOutResponseError](func(e *stackone.RequestTimedOutResponseError) time.Time { return e.Body.Timestamp })},
			{429, asBody[*stackone.TooManyRequestsResponseError](func(e *stackone.TooManyRequestsResponseError) time.Time { return e.Body.Timestamp })},
			{500, asBody[*stackone.InternalServerErrorResponseError](func(e *stackone.InternalServerErrorResponseError) time.Time { return e.Body.Timestamp })},
			{501, asBody[*stackone.NotImplementedResponseError](func(e *stackone.NotImplementedResponseError) time.Time { return e.Body.Timestamp })},
		} {
			w.mu.Lock()
			w.prefer = strconv.Itoa(tc.code)
			w.mu.Unlock()
			_, err := c.CreateConnectSession(ctx, stackone.NewConnectSessionCreate("o", "n"), stackone.WithoutRetries())
			ts, ok := tc.target(err)
			var api *stackone.APIError
			if !ok || !errors.As(err, &api) || api.StatusCode != tc.code || ts.IsZero() {
				t.Errorf("Prefer code=%d: err = %T %v, want its documented type with a decoded body", tc.code, err, err)
			}
		}
	})
	t.Run("invalid request stops at Validate", func(t *testing.T) {
		w.mu.Lock()
		before := w.requests
		w.mu.Unlock()
		// Decoded bodies that leave out required members (a request passed
		// on, say): the decoder knows what was missing.
		var create stackone.ConnectSessionCreate
		var auth stackone.ConnectSessionAuthenticate
		if json.Unmarshal([]byte(`{"origin_owner_name":"no id"}`), &create) != nil || json.Unmarshal([]byte(`{}`), &auth) != nil {
			t.Fatal("decoding failed")
		}
		_, err := c.CreateConnectSession(ctx, create)
		var verr *oas.ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("err = %v, want a ValidationError", err)
		}
		_, err = c.AuthenticateConnectSession(ctx, auth)
		if !errors.As(err, &verr) {
			t.Fatalf("err = %v, want a ValidationError", err)
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.requests != before {
			t.Errorf("%d invalid requests reached Prism", w.requests-before)
		}
	})
	// A body without origin_owner_id, sent around our validation through
	// oapi-codegen's low-level client, is refused by Prism: proof that the
	// calls above were checked by a validating server. (Go cannot leave a
	// required string out of a value it builds, so the raw JSON is sent
	// here.)
	t.Run("Prism refuses a request the spec forbids", func(t *testing.T) {
		low, err := raw.NewClient(server)
		if err != nil {
			t.Fatal(err)
		}
		auth := func(_ context.Context, r *http.Request) error { r.SetBasicAuth("test-key", ""); return nil }
		for _, body := range []string{`{"origin_owner_name":"no id"}`, `{"origin_owner_id":5,"origin_owner_name":"n"}`} {
			resp, err := low.CreateConnectSessionWithBody(ctx, "application/json", strings.NewReader(body), auth)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode < 400 || !strings.Contains(resp.Header.Get("sl-violations"), "origin_owner_id") {
				t.Errorf("Prism answered %s (violations %q) to %s", resp.Status, resp.Header.Get("sl-violations"), body)
			}
		}
	})
	// "" is a string: the spec sets no minLength, so Validate lets it
	// through and Prism, validating against the spec, agrees.
	t.Run("an empty required string is a value", func(t *testing.T) {
		// call repeats while Prism's own generated response is at fault
		// (-d may draw an off-enum value) and fails on a request violation.
		call(t, func() error {
			_, err := c.CreateConnectSession(ctx, stackone.NewConnectSessionCreate("", "n"))
			return err
		})
	})
	t.Run("missing API key", func(t *testing.T) {
		// The client refuses to send the request at all; Prism would
		// answer it with a 401, as a raw request shows.
		anon, err := stackone.NewAPIClient(stackone.Options{ServerURL: server})
		if err != nil {
			t.Fatal(err)
		}
		_, err = anon.CreateConnectSession(ctx, stackone.NewConnectSessionCreate("o", "n"), stackone.WithoutRetries())
		var e *stackone.MissingCredentialsError
		if !errors.As(err, &e) {
			t.Fatalf("err = %T %v, want *MissingCredentialsError", err, err)
		}
		resp, err := http.Post(server+"/connect_sessions", "application/json", strings.NewReader(`{"origin_owner_id":"o","origin_owner_name":"n"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("Prism answered %s to a request without credentials, want 401", resp.Status)
		}
	})
}

// asBody returns a check that err is an E and yields its decoded timestamp
// (required by every error schema, so zero means nothing was decoded).
func asBody[E error](ts func(E) time.Time) func(error) (time.Time, bool) {
	return func(err error) (time.Time, bool) {
		var e E
		if !errors.As(err, &e) {
			return time.Time{}, false
		}
		return ts(e), true
	}
}
