package auth

// Run by gen's TestEndToEnd: every operation of openapi.yaml,
// each with its own security scheme, called with one option set, against
// Stoplight Prism (--errors), which checks that each request carries the
// security its operation declares ("Invalid security scheme used" and a
// 401 otherwise). Prism (tools/prism) and oauth2-mock-server
// (tools/oauth2-mock) are installed from their lock files when missing;
// without node/npm the tests skip, unless OASGEN_REQUIRE_PRISM=1.

import (
	"bufio"
	"context"
	"io"
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
)

// repo is the repository root, which TestEndToEnd passes as OASGEN_REPO
// (this package is generated into a temporary module).
var repo = os.Getenv("OASGEN_REPO")

// npmTool returns the path of bin inside tools/<dir>, running npm ci there
// first when it is missing.
func npmTool(t *testing.T, dir, bin string) string {
	t.Helper()
	skip := func(why string) {
		if os.Getenv("OASGEN_REQUIRE_PRISM") == "1" {
			t.Fatalf("required (OASGEN_REQUIRE_PRISM=1) but %s", why)
		}
		t.Skip(why)
	}
	if _, err := exec.LookPath("node"); err != nil {
		skip("node is not installed")
	}
	root := filepath.Join(repo, "tools", dir)
	if _, err := os.Stat(filepath.Join(root, "node_modules")); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			skip("npm is not installed")
		}
		cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", root, err, out)
		}
	}
	return filepath.Join(root, bin)
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// proc is a started node process whose output lines the test can wait for.
type proc struct {
	mu    sync.Mutex
	lines []string
	stdin io.WriteCloser
}

func (p *proc) waitFor(t *testing.T, prefix string, after int) int {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		for i := after; i < len(p.lines); i++ {
			if strings.Contains(p.lines[i], prefix) {
				p.mu.Unlock()
				return i
			}
		}
		p.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in the output within 90s:\n%s", prefix, p.output())
	return 0
}

func (p *proc) count(substr string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, l := range p.lines {
		if strings.Contains(l, substr) {
			n++
		}
	}
	return n
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

func start(t *testing.T, ready string, name string, args ...string) *proc {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, name, args...)
	p := &proc{}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.stdin = stdin
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, sc.Text())
			p.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		cmd.Wait()
		if t.Failed() {
			t.Logf("%s output:\n%s", name, p.output())
		}
	})
	p.waitFor(t, ready, 0)
	return p
}

func startPrism(t *testing.T) string {
	bin := npmTool(t, "prism", filepath.Join("node_modules", ".bin", "prism"))
	port := freePort(t)
	start(t, "Prism is listening", bin, "mock", "-h", "127.0.0.1", "-p", port, "--errors",
		filepath.Join("..", "openapi.yaml"))
	return "http://127.0.0.1:" + port
}

func TestEverySchemeAgainstPrism(t *testing.T) {
	server := startPrism(t)
	c, err := NewAPIClient(Options{
		ServerURL: server,
		Basic:     BasicAuth{Username: "u", Password: "p"},
		Bearer:    BearerAuth{Token: "t"},
		Digest:    `Digest username="u", realm="r", nonce="n", uri="digest", response="0"`,
		HeaderKey: "hk",
		QueryKey:  "qk",
		CookieKey: "ck",
		Oauth:     OAuth2{Token: "ot"},
		Oidc:      OAuth2{Token: "it"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	calls := map[string]func() (*Thing, error){
		"basic":    func() (*Thing, error) { return c.GetBasic(ctx) },
		"bearer":   func() (*Thing, error) { return c.GetBearer(ctx) },
		"digest":   func() (*Thing, error) { return c.GetDigest(ctx) },
		"header":   func() (*Thing, error) { return c.GetHeaderKey(ctx) },
		"query":    func() (*Thing, error) { return c.GetQueryKey(ctx) },
		"cookie":   func() (*Thing, error) { return c.GetCookieKey(ctx) },
		"oauth":    func() (*Thing, error) { return c.GetOAuth(ctx) },
		"oauth2":   func() (*Thing, error) { return c.PostOAuth(ctx, Thing{Name: "x"}) },
		"oidc":     func() (*Thing, error) { return c.GetOidc(ctx) },
		"either":   func() (*Thing, error) { return c.GetEither(ctx) },
		"both":     func() (*Thing, error) { return c.GetBoth(ctx) },
		"optional": func() (*Thing, error) { return c.GetOptional(ctx) },
		"public":   func() (*Thing, error) { return c.GetPublic(ctx) },
	}
	for name, call := range calls {
		if _, err := call(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Only the query key configured: "either" goes by its second
	// alternative and Prism accepts it.
	q, _ := NewAPIClient(Options{ServerURL: server, QueryKey: "qk"})
	if _, err := q.GetEither(ctx); err != nil {
		t.Errorf("either, query key only: %v", err)
	}
	// Prism does check: without credentials a request is refused.
	for _, path := range []string{"/basic", "/bearer", "/header-key", "/query-key", "/cookie-key", "/oauth", "/oidc", "/both"} {
		resp, err := http.Get(server + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("GET %s without credentials: Prism answered %s, want 401", path, resp.Status)
		}
	}
}
