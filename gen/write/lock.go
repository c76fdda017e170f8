package write

import (
	"os"
	"path/filepath"
)

// LockName is the lock file Lock creates in an output directory while a
// generation writes there. It is removed again on unlock, so it never shows
// up in `git status`.
const LockName = ".oasgen.lock"

// Lock takes an exclusive inter-process lock on dir (created if missing),
// waiting for any other generation that holds it. Holding it from reading
// the directory until the last write means two `go generate` runs at once
// are serialised: the directory ends up wholly one run's output, never a
// mix. Call the returned function to release it.
func Lock(dir string) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return lockFile(filepath.Join(dir, LockName))
}
