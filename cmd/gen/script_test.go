package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestScripts runs testdata/script/*.txtar: whole workflows in separate
// modules that use this checkout through a replace directive. They run the
// go command offline, against this machine's module and build caches.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command in separate modules")
	}
	for _, tool := range []string{"go", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on PATH", tool)
		}
	}
	root := repoRoot(t)
	// The scripts' module proxy is this machine's module cache (below). `go
	// test` fetched only what building this module needs; a consumer's `go
	// get -tool` also reads the go.mod of every module in oasgen's graph, so
	// fetch those now (a no-op on a warm cache) rather than fail offline on
	// a fresh machine.
	dl := exec.Command("go", "mod", "download")
	dl.Dir = root
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	goenv := map[string]string{}
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		goenv[[]string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"}[i]] = v
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(root, "testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", root)
			for k, v := range goenv {
				e.Setenv(k, v)
			}
			for k, v := range map[string]string{
				// The module cache serves as the proxy: offline, yet able to
				// answer the queries `go mod tidy` makes.
				"GOPROXY": "file://" + filepath.ToSlash(filepath.Join(goenv["GOMODCACHE"], "cache", "download")),
				"GOSUMDB": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-mod=mod", "GOTELEMETRY": "off",
				"HOME":                filepath.Join(e.WorkDir, "home"),
				"OASGEN_CACHE":        filepath.Join(e.WorkDir, "cache"),
				"GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
				"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
			} {
				e.Setenv(k, v)
			}
			return nil
		},
	})
}
