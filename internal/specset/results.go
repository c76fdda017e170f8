package specset

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A results directory holds one JSON file per spec (ResultFile), each
// replaced when that spec runs again, so that a run's report is assembled
// from several runs: after a fix, rerun the specs it concerns (-run) and
// the report is rewritten from every saved result, without rerunning the
// rest. The corpus and conformance runs each keep one.

// ResultFile is where a spec's result is saved: its corpus path with
// separators made plain, so that every spec has its own file.
func ResultFile(dir, spec string) string {
	name := strings.NewReplacer("/", "__", "\\", "__").Replace(spec)
	return filepath.Join(dir, name+".json")
}

// SaveResult writes v, spec's result, to dir, replacing an earlier result
// of the same spec (through a rename, so a reader never sees half a file).
func SaveResult(dir, spec string, v any) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		return err
	}
	p := ResultFile(dir, spec)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// LoadResult reads spec's saved result from dir into v; false when spec has
// none.
func LoadResult(dir, spec string, v any) (bool, error) {
	data, err := os.ReadFile(ResultFile(dir, spec))
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("%s: %w", ResultFile(dir, spec), err)
	}
	return true, nil
}

// Commit names the commit of the working tree at root, with "+dirty" when
// it has uncommitted changes to tracked files ("unknown" without git).
func Commit(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += "+dirty"
	}
	return c
}
