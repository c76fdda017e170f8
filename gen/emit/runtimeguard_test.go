package emit

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/oas/oasimpl"
)

// TestRuntimeGuard compiles the guard every doc.gen.go carries against the
// real runtime, for the version the generator writes and for a version each
// side of what oasimpl supports: the build must pass, and fail naming what
// to do. The package is placed inside the module with go build -overlay, so
// nothing is written outside t.TempDir().
func TestRuntimeGuard(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	if plan.RuntimeVersion < oasimpl.MinVersion || plan.RuntimeVersion > oasimpl.MaxVersion {
		t.Fatalf("the generator writes runtime version %d, the runtime supports %d..%d", plan.RuntimeVersion, oasimpl.MinVersion, oasimpl.MaxVersion)
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	for _, tc := range []struct {
		name    string
		version int
		want    string // "" means the build passes
	}{
		{"supported", plan.RuntimeVersion, ""},
		{"runtime older than the code", oasimpl.MaxVersion + 1, "overflows oasimpl.RuntimeTooOld_UpgradeOasgenInGoMod"},
		{"code older than the runtime", oasimpl.MinVersion - 1, "overflows oasimpl.GeneratedCodeTooOld_RegenerateIt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "doc.gen.go")
			if err := os.WriteFile(src, []byte("package guardcheck\n"+runtimeGuard(tc.version)), 0o644); err != nil {
				t.Fatal(err)
			}
			pkgDir := filepath.Join(root, "internal", "guardcheck_overlay")
			overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(pkgDir, "doc.gen.go"): src}})
			ov := filepath.Join(dir, "overlay.json")
			if err := os.WriteFile(ov, overlay, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("go", "build", "-overlay", ov, "./internal/guardcheck_overlay")
			cmd.Dir = root
			out, err := cmd.CombinedOutput()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("the guard for version %d does not compile: %v\n%s", tc.version, err, out)
			case tc.want != "" && err == nil:
				t.Fatalf("the guard for version %d compiles; want it to fail with %q", tc.version, tc.want)
			case tc.want != "" && !strings.Contains(string(out), tc.want):
				t.Fatalf("the build fails with\n%s\nwant the message %q", out, tc.want)
			}
		})
	}
}
