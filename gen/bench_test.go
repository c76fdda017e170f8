package gen

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRun measures load → plan → emit → format → diff for one spec
// (the built-in one by default; OASGEN_BENCH_SPEC picks another, e.g. a file
// from ../shared/specs, to profile big specs with -cpuprofile).
func BenchmarkRun(b *testing.B) {
	spec := os.Getenv("OASGEN_BENCH_SPEC")
	if spec == "" {
		spec = filepath.Join("..", "spec", "connect_session.yaml")
	}
	if _, err := os.Stat(spec); err != nil {
		b.Skip(err)
	}
	job := Job{Spec: spec, Package: "p", Output: b.TempDir(), Docs: true, Client: true, ImportPath: "example.com/p"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run([]Job{job}); err != nil {
			b.Fatal(err)
		}
	}
}
