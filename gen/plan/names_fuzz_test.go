package plan

import (
	"go/token"
	"testing"
)

// FuzzGoName: whatever a spec calls something, GoName gives "" or an
// exported Go identifier that is no keyword, and the same one every time.
func FuzzGoName(f *testing.F) {
	for _, s := range []string{"account_id", "2fa-code", "type", "*/", "名前", "Ωmega", "\u202eevil", "a\x00b", "\xff\xfe", "", "---", "HTTPServer", "x-go-name"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := GoName(s)
		if n == "" {
			return
		}
		if !token.IsIdentifier(n) || !token.IsExported(n) {
			t.Fatalf("GoName(%q) = %q, not an exported identifier", s, n)
		}
		if GoName(s) != n {
			t.Fatalf("GoName(%q) is not deterministic", s)
		}
	})
}
