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

// A removed type is one finding, whatever it had; a renamed one is a
// removal and an addition. Members are listed only for types in both.
func TestCompareGoGroupsByType(t *testing.T) {
	old := `package p
type Owner struct {
	ID   string
	Name string
}
type Color string
const (
	ColorRed  Color = "red"
	ColorBlue Color = "blue"
)
func NewOwner() Owner { return Owner{} }
func ColorValues() []Color { return nil }
func ParseOwner(b []byte) (*Owner, error) { return nil, nil }
func Free(s string) string { return s }
func (o *Owner) Validate() error { return nil }
func (o Owner) MarshalJSON() ([]byte, error) { return nil, nil }
type Pet struct {
	Owner Owner
	Color Color
}
`
	new := `package p
type Person struct {
	ID   string
	Name string
}
func NewPerson() Person { return Person{} }
func (o *Person) Validate() error { return nil }
type Pet struct {
	Owner Person
}
`
	a, err := exportedAPI([]write.File{{Path: "a.go", Content: []byte(old)}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := exportedAPI([]write.File{{Path: "a.go", Content: []byte(new)}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range compareGo(a, b) {
		got = append(got, c.ID+" "+c.Where+" | "+c.Text)
	}
	want := []string{
		"go-removed func Free | func Free removed (was func(string) string)",
		"go-removed type Color | type Color removed (was string), with 2 const(s), 1 func(s)",
		"go-removed type Owner | type Owner removed (was struct), with 2 field(s), 2 method(s), 2 func(s)",
		"go-added type Person | type Person added: struct, with 2 field(s), 1 method(s), 1 func(s)",
		"go-removed field Pet.Color | field Pet.Color removed (was Color)",
		"go-changed field Pet.Owner | field Pet.Owner changed: Owner → Person",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
