//go:build unix

package write

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// lockFile uses flock(2): the kernel drops the lock when the process dies,
// so a killed run never leaves the directory locked. Because the file is
// removed on unlock, a waiter may end up holding a lock on a file that is no
// longer at path; it checks for that and tries again.
func lockFile(path string) (func() error, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := flock(f, syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, err
		}
		held, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		cur, err := os.Stat(path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			f.Close()
			return nil, err
		}
		if err == nil && os.SameFile(held, cur) {
			return func() error {
				rerr := os.Remove(path)
				cerr := f.Close() // closing releases the flock
				if rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
					return rerr
				}
				return cerr
			}, nil
		}
		f.Close() // the holder before us removed it: lock the new file
	}
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
