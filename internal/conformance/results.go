package main

import (
	"fmt"

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
		out = append(out, r)
	}
	return out, nil
}
