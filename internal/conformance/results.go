package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The results directory holds one JSON file per spec (resultFile), each
// replaced when that spec runs again, so that the report is assembled from
// several runs: after a fix, rerun the specs it concerns (-run) and the
// report is rewritten from every saved result, without rerunning the rest.

// resultFile is where a spec's result is saved: its corpus path with
// separators and dots made plain, so that every spec has its own file.
func resultFile(dir, spec string) string {
	name := strings.NewReplacer("/", "__", "\\", "__").Replace(spec)
	return filepath.Join(dir, name+".json")
}

// saveResult writes r to the results directory, replacing an earlier
// result of the same spec.
func saveResult(dir string, r *specResult) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(r, "", "\t")
	if err != nil {
		return err
	}
	p := resultFile(dir, r.Spec)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// loadResults reads the saved result of each spec, in the order given; a
// spec never run is a result with status statusNotRun, so the report says
// so rather than leaving it out.
func loadResults(dir string, specs []string) ([]*specResult, error) {
	var out []*specResult
	for _, s := range specs {
		data, err := os.ReadFile(resultFile(dir, s))
		if os.IsNotExist(err) {
			out = append(out, &specResult{Spec: s, Status: statusNotRun})
			continue
		}
		if err != nil {
			return nil, err
		}
		r := new(specResult)
		if err := json.Unmarshal(data, r); err != nil {
			return nil, fmt.Errorf("%s: %w", resultFile(dir, s), err)
		}
		if r.Spec != s {
			return nil, fmt.Errorf("%s: holds the result of %s", resultFile(dir, s), r.Spec)
		}
		out = append(out, r)
	}
	return out, nil
}

// commitOf names the commit of the working tree at root, with "+dirty"
// when it has uncommitted changes to tracked files ("unknown" without git).
func commitOf(root string) string {
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
