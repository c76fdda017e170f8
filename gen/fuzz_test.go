package gen_test

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/load"
)

// fuzzLimits keep one fuzz input cheap; the defaults are sized for real
// specs, not for thousands of executions a second.
var fuzzLimits = load.Limits{MaxFileBytes: 1 << 20, MaxFiles: 8, MaxNodes: 200_000, MaxDepth: 64, MaxEnumValues: 1000}

// FuzzLoadPlanEmit runs arbitrary bytes through the whole pipeline (load →
// plan → emit → format) as a spec file. Any input may be rejected, but none
// may panic, and every Go file of an accepted one must parse and already be
// gofmt-formatted. Seeds are the small specs of ../shared/specs and the
// hostile table.
func FuzzLoadPlanEmit(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.data, s.json)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		dir := t.TempDir()
		name := "openapi.yaml"
		if isJSON {
			name = "openapi.json"
		}
		spec := filepath.Join(dir, name)
		if err := os.WriteFile(spec, data, 0o644); err != nil {
			t.Fatal(err)
		}
		results, err := gen.Run([]gen.Job{{Spec: spec, Package: "fuzz", Output: filepath.Join(dir, "out"), Docs: true, Client: true, Limits: fuzzLimits}})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("internal error on input:\n%s", err)
			}
			return
		}
		for _, r := range results {
			for _, file := range r.Files {
				if filepath.Ext(file.Path) != ".go" {
					continue
				}
				if _, err := parser.ParseFile(token.NewFileSet(), file.Path, file.Content, parser.AllErrors); err != nil {
					t.Fatalf("%s does not parse: %v\n%s", file.Path, err, file.Content)
				}
				formatted, err := format.Source(file.Content)
				if err != nil || !bytes.Equal(formatted, file.Content) {
					t.Fatalf("%s is not gofmt-formatted (err %v)", file.Path, err)
				}
			}
		}
	})
}

type seed struct {
	data []byte
	json bool
}

// fuzzSeeds are the single-file specs of the shared corpus under 64 KiB and
// the spec of every hostile case.
func fuzzSeeds(f *testing.F) []seed {
	f.Helper()
	var paths []string
	corpus, _ := filepath.Glob("../../shared/specs/*")
	for _, p := range corpus {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() < 64<<10 {
			paths = append(paths, p)
		}
	}
	for _, c := range []string{"openapi.yaml", "openapi.json", "swagger.yaml", "spec/openapi.yaml"} {
		m, _ := filepath.Glob(filepath.Join(hostileDir, "*", c))
		paths = append(paths, m...)
	}
	var out []seed
	for _, p := range paths {
		ext := filepath.Ext(p)
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 64<<10 {
			continue
		}
		out = append(out, seed{data: data, json: ext == ".json"})
	}
	if len(out) == 0 {
		f.Fatal("no fuzz seeds found")
	}
	return out
}
