//go:build !unix

package write

import (
	"errors"
	"io/fs"
	"os"
	"time"
)

// lockFile without flock: create the file exclusively and retry while it
// exists. A lock older than staleAfter is taken to be left by a killed run.
func lockFile(path string) (func() error, error) {
	const staleAfter = 10 * time.Minute
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
			return func() error { return os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if st, err := os.Stat(path); err == nil && time.Since(st.ModTime()) > staleAfter {
			os.Remove(path)
			continue
		}
		time.Sleep(50 * time.Millisecond)
	}
}
