package apidiff

import (
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/write"
)

func TestCompareGo(t *testing.T) {
	old := `package p
type Pet struct {
	Name string
	Tag  Opt[string]
	hidden int
}
type Kind string
const (
	KindDog Kind = "dog"
	KindCat Kind = "cat"
)
func NewPet(name string) Pet { return Pet{} }
func (p *Pet) Validate() error { return nil }
func (p Pet) Gone() {}
`
	new := `package p
type Pet struct {
	Name string
	Tag  string
	Age  int64
}
type Kind string
const (
	KindDog Kind = "dog"
	KindCat Kind = "cat"
	KindFox Kind = "fox"
)
func NewPet(name, tag string) Pet { return Pet{} }
func (p *Pet) Validate() error { return nil }
`
	a, err := exportedAPI([]write.File{{Path: "a.go", Content: []byte(old)}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := exportedAPI([]write.File{{Path: "a.go", Content: []byte(new)}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Level{}
	for _, c := range compareGo(a, b) {
		got[c.Where] = c.Level
	}
	want := map[string]Level{
		"field Pet.Tag":   Breaking,
		"func NewPet":     Breaking,
		"method Pet.Gone": Breaking,
		"field Pet.Age":   Info,
		"const KindFox":   Info,
	}
	for k, l := range want {
		if got[k] != l {
			t.Errorf("%s: %q, want %q", k, got[k], l)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want exactly %v", got, want)
	}
	if d := a["method Pet.Validate"]; !strings.Contains(d, "(*Pet)") || d != b["method Pet.Validate"] {
		t.Errorf("method Pet.Validate: %q vs %q", d, b["method Pet.Validate"])
	}
}
