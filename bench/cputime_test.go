package bench

import (
	"syscall"
	"testing"
	"time"
)

// loop runs f as the benchmark's loop and reports, beside Go's wall-clock
// ns/op, the process's CPU time per operation (user+system, getrusage):
// on a machine shared with tens of other processes a benchmark is off the
// CPU most of the time, which wall-clock time counts and CPU time does
// not, so cpu-ns/op is the figure the report compares. It includes the
// garbage collector's background work, which allocations cause.
func loop(b *testing.B, f func() error) {
	b.Helper()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
