package bodies

// Run by gen's TestEndToEnd: the generated client's requests,
// every kind of body, must pass Stoplight Prism's validation of
// openapi.yaml (with --errors Prism answers an invalid request with 422,
// which the client would return as an *APIError). Prism is the repository's
// pinned one (tools/prism, installed by .ci/run or the stackone package's
// test); without it the test skips, unless OASGEN_REQUIRE_PRISM=1.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/oasgen/oasgen/oas"
)

func startPrism(t *testing.T) string {
	t.Helper()
	// TestEndToEnd passes the repository root as OASGEN_REPO (this
	// package is generated into a temporary module).
	bin := filepath.Join(os.Getenv("OASGEN_REPO"), "tools", "prism", "node_modules", ".bin", "prism")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("OASGEN_REQUIRE_PRISM") == "1" {
			t.Fatalf("Prism is required (OASGEN_REQUIRE_PRISM=1): %v", err)
		}
		t.Skipf("Prism is not installed (cd tools/prism && npm ci --ignore-scripts): %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "mock", "-h", "127.0.0.1", "-p", port, "--errors", "-d",
		filepath.Join("..", "openapi.yaml"))
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	deadline := time.Now().Add(90 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+port)
		if err == nil {
			c.Close()
			return "http://127.0.0.1:" + port
		}
		if time.Now().After(deadline) {
			t.Fatalf("prism did not listen within 90s: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestBodiesAgainstPrism(t *testing.T) {
	server := startPrism(t)
	c, err := NewAPIClient(Options{ServerURL: server})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Prism answers with the lowest documented 2xx.
	if res, err := c.Deploy(ctx, DeploymentInput{App: "web"}); err != nil || res.StatusCode != 201 || res.Created == nil {
		t.Errorf("Deploy: %+v, %v", res, err)
	}
	if _, err := c.UploadFile(ctx, "a.bin", bytes.NewReader([]byte{0, 1, 2, 255}), ""); err != nil {
		t.Errorf("UploadFile: %v", err)
	}
	// Prism reads every multipart part as a string, so it rejects the JSON
	// part OpenAPI prescribes for an object property (meta); any other
	// complaint is ours.
	parts := UploadAvatarParts{Image: oas.File{Name: "me.png", Body: strings.NewReader("\x89PNG")}, Meta: Meta{Title: "me"}}
	parts.Caption.Set("hi")
	if _, err := c.UploadAvatar(ctx, parts); err != nil && !onlyViolation(err, "meta") {
		t.Errorf("UploadAvatar: %v", err)
	}
	// Prism takes repeated form keys (OpenAPI's form style, exploded) for
	// one value, not an array (stoplightio/prism#2473), so scopes is left
	// out.
	login := LoginRequestForm{Username: "ann", Password: "pw"}
	login.Remember.Set(true)
	if _, err := c.Login(ctx, login); err != nil {
		t.Errorf("Login: %v", err)
	}
	search := SearchRequestForm{Q: "a b"}
	search.Filter = &SearchRequestFormFilter{Status: oas.Some("open"), Tag: oas.Some("x")}
	search.Range = &SearchRequestFormRange{Min: oas.Some[int64](1), Max: oas.Some[int64](9)}
	search.IDs.Set([]int64{3, 4})
	// tags is left out: Prism 5.16 reads a form field without a style as
	// its raw text, also where its encoding says application/json
	// (OpenAPI 3.1.1: the field is then JSON, percent-encoded; TestFormStyles
	// checks what is sent).
	if err := c.Search(ctx, search); err != nil {
		t.Errorf("Search: %v", err)
	}
	if s, err := c.GetMotd(ctx); err != nil || s == "" {
		t.Errorf("GetMotd: %q, %v", s, err)
	}
	if err := c.CreateNote(ctx, "a note"); err != nil {
		t.Errorf("CreateNote: %v", err)
	}
	s, err := c.DownloadFile(ctx, "a.bin")
	if err != nil {
		t.Fatalf("DownloadFile: %v", err)
	}
	if _, err := io.ReadAll(s); err != nil {
		t.Errorf("reading the download: %v", err)
	}
	s.Close()
	if res, err := c.GetReport(ctx); err != nil || res.StatusCode != 200 || res.OK == nil {
		t.Errorf("GetReport: %+v, %v", res, err)
	}
	if l, err := c.PutLabels(ctx, Labels{Name: "app", Values: oas.Some(map[string]string{"tier": "web"})}); err != nil || l == nil {
		t.Errorf("PutLabels: %+v, %v", l, err)
	}
	if d, err := c.DeleteDeployment(ctx, 3); err != nil || d == nil {
		t.Errorf("DeleteDeployment: %+v, %v", d, err)
	}

	// Prism does check the bodies: a multipart body without its required
	// image is a 422.
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("meta", `{"title":"t"}`)
	w.Close()
	resp, err := http.Post(server+"/avatars", w.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 422 {
		t.Errorf("multipart body without image: Prism answered %d, want 422", resp.StatusCode)
	}
}

// onlyViolation reports whether err is Prism's 422 naming the body property
// prop alone.
func onlyViolation(err error, prop string) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 422 {
		return false
	}
	var problem struct {
		Validation []struct{ Location []string }
	}
	if json.Unmarshal(apiErr.Raw, &problem) != nil || len(problem.Validation) == 0 {
		return false
	}
	for _, v := range problem.Validation {
		if len(v.Location) != 2 || v.Location[0] != "body" || v.Location[1] != prop {
			return false
		}
	}
	return true
}
