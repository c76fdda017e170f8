package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Open hands the document over before kin-openapi has validated it; Wait
// gives the verdict, adds its warnings, and says the same when asked again.
func TestOpenThenWait(t *testing.T) {
	write := func(doc string) string {
		p := filepath.Join(t.TempDir(), "x.yaml")
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// A response without a description: kin-openapi warns, generation goes on.
	s, err := Open(write("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Doc == nil || s.Doc.Paths.Value("/a") == nil {
		t.Fatal("Open returned no document")
	}
	if err := s.Wait(); err != nil {
		t.Fatalf("Wait = %v, want only a warning", err)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].Msg, "description") {
		t.Fatalf("warnings after Wait = %v, want kin-openapi's one about the description", s.Warnings)
	}
	if err := s.Wait(); err != nil || len(s.Warnings) != 1 {
		t.Fatalf("second Wait = %v with %d warnings, want nil and the same one", err, len(s.Warnings))
	}

	// A component name Go source cannot hold: fatal, reported by Wait.
	s, err = Open(write("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    'a b': {type: string}\n"), Options{})
	if err != nil {
		t.Fatalf("Open = %v; the name is kin-openapi's validation's to refuse", err)
	}
	err = s.Wait()
	if err == nil || !strings.Contains(err.Error(), "a b") {
		t.Fatalf("Wait = %v, want the charset error naming the schema", err)
	}
	if again := s.Wait(); again == nil || again.Error() != err.Error() {
		t.Fatalf("second Wait = %v, want %v", again, err)
	}
	if _, err := Load(write("openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    'a b': {type: string}\n"), Options{}); err == nil {
		t.Fatal("Load accepted what Wait refuses")
	}
}
