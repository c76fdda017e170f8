// Package npmtool installs the npm tools the tests run (Prism in
// tools/prism, oauth2-mock-server in tools/oauth2-mock) from their lock
// files, once, however many test processes ask at the same time: `go test
// ./...` runs packages in parallel, and two `npm ci` in one directory
// would delete each other's node_modules. It is for tests and the
// measuring tools only.
package npmtool

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/oasgen/oasgen/gen/write"
)

// ErrNoNPM says npm is not on PATH, so a missing tool cannot be installed.
var ErrNoNPM = errors.New("npm is not installed")

// Install makes sure dir's packages are installed (`npm ci --ignore-scripts`
// from its package-lock.json), holding an inter-process lock on dir while
// it looks and installs. It returns quickly when they already are.
func Install(dir string) error {
	marker := filepath.Join(dir, "node_modules", ".package-lock.json")
	if _, err := os.Stat(marker); err == nil {
		return nil
	}
	unlock, err := write.Lock(dir)
	if err != nil {
		return fmt.Errorf("locking %s: %w", dir, err)
	}
	defer unlock()
	if _, err := os.Stat(marker); err == nil {
		return nil // another process installed it while we waited
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return ErrNoNPM
	}
	// --ignore-scripts: the tools need none, and a dependency's install
	// script would reach for the network.
	cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("npm ci in %s: %v\n%s", dir, err, out)
	}
	return nil
}
