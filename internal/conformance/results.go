package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/oasgen/oasgen/internal/specset"
)

// loadResults reads the saved result of each spec (specset.SaveResult), in
// the order given; a spec never run is a result with status statusNotRun,
// so the report says so rather than leaving it out.
func loadResults(dir string, specs []string) ([]*specResult, error) {
	var out []*specResult
	for _, s := range specs {
		r := new(specResult)
		found, err := specset.LoadResult(dir, s, r)
		if err != nil {
			return nil, err
		}
		if !found {
			out = append(out, &specResult{Spec: s, Status: statusNotRun})
			continue
		}
		if r.Spec != s {
			return nil, fmt.Errorf("%s: holds the result of %s", specset.ResultFile(dir, s), r.Spec)
		}
		oldMaxOps(r)
		out = append(out, r)
	}
	return out, nil
}

// maxOpsNote is how results saved before MaxOps existed noted the cap: at
// the head of Detail, the generator's error text.
var maxOpsNote = regexp.MustCompile(`^at most ([0-9]+) operations called;`)

// oldMaxOps moves a cap noted in Detail by an older run to MaxOps, so that
// the error text is the generator's alone.
func oldMaxOps(r *specResult) {
	m := maxOpsNote.FindStringSubmatch(r.Detail)
	if m == nil {
		return
	}
	r.MaxOps, _ = strconv.Atoi(m[1])
	r.Detail = strings.TrimSpace(r.Detail[len(m[0]):])
}
