package platformfiles

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Every type is declared on the host; the other platforms are checked by
// TestEveryFileOnEveryPlatform.
var (
	_ = BillableWindows{}
	_ = FooArm64A
	_ = ThingTest{}
	_ = OSJsWasm{}
	_ LinuxAmd64Test
	_ Plan9
	_ ZosS390x
	_ Mips64p32le
)

// TestEveryFileOnEveryPlatform lists and builds the package for several
// GOOS/GOARCH pairs: a generated file whose name go/build reads as a
// platform constraint (_windows, _arm64, _js_wasm, ..._test) would be
// ignored on the other platforms and its type would vanish there.
func TestEveryFileOnEveryPlatform(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	for _, p := range []struct{ goos, goarch string }{
		{"linux", "amd64"}, {"windows", "amd64"}, {"darwin", "arm64"}, {"js", "wasm"},
	} {
		t.Run(p.goos+"_"+p.goarch, func(t *testing.T) {
			env := append(os.Environ(), "GOOS="+p.goos, "GOARCH="+p.goarch, "CGO_ENABLED=0")
			list := exec.Command(goCmd, "list", "-json", ".")
			list.Env = env
			out, err := list.Output()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, out)
			}
			var pkg struct{ GoFiles, IgnoredGoFiles []string }
			if err := json.Unmarshal(out, &pkg); err != nil {
				t.Fatal(err)
			}
			if len(pkg.IgnoredGoFiles) > 0 {
				t.Errorf("files left out on %s/%s: %v", p.goos, p.goarch, pkg.IgnoredGoFiles)
			}
			models := 0
			for _, f := range pkg.GoFiles {
				if strings.HasPrefix(f, "model_") {
					models++
				}
			}
			if models != 8 {
				t.Errorf("%d model files compiled on %s/%s, want 8: %v", models, p.goos, p.goarch, pkg.GoFiles)
			}
			build := exec.Command(goCmd, "build", ".")
			build.Env = env
			if out, err := build.CombinedOutput(); err != nil {
				t.Errorf("go build on %s/%s: %v\n%s", p.goos, p.goarch, err, out)
			}
		})
	}
}
