package oasimpl

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestHotPathsInline checks that the small functions the JSON code calls
// per byte, word or token are inlined. Their costs sit near the
// compiler's budget, and a change to them (or to the compiler's cost
// model) silently turns each into a call: peek did, which cost decoding
// 3–5 % before it was noticed.
func TestHotPathsInline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	out, err := exec.Command("go", "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	for _, fn := range []string{`\(\*Decoder\)\.peek`, `\(\*Decoder\)\.isNull`, `sameBytes`, `strStop`, `escStop`, `le64`, `isSpace`, `skipSpace`, `isDigit`} {
		if !regexp.MustCompile(`(?m): can inline ` + fn + `$`).Match(out) {
			t.Errorf("%s is no longer inlined; go build -gcflags=-m=2 says why", fn)
		}
	}
}
