package emit

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// FuzzCommentText: spec text written as a doc comment, a comment inside a
// struct and a string literal never becomes code. The file must parse to
// exactly the declarations we wrote, and the literal must hold the text.
func FuzzCommentText(f *testing.F) {
	for _, s := range []string{"plain", "*/ func init() { panic(1) } /*", "a\nfunc X() {}", "/* open", "// x\n/* y",
		"`raw`", "\u2028func Y() {}", "nul\x00", "\xff\xfe", "\r\nfunc Z() {}", "\u202e", "The name"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		file := jen.NewFile("p")
		comment(file, docComment("T", text))
		file.Type().Id("T").StructFunc(func(g *jen.Group) {
			comment(g, cleanText(text))
			g.Id("F").String().Tag(map[string]string{"json": "f"})
		})
		file.Var().Id("V").Op("=").Lit(text)
		var buf bytes.Buffer
		if err := file.Render(&buf); err != nil {
			t.Fatalf("render: %v", err)
		}
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, "p.go", buf.Bytes(), parser.ParseComments)
		if err != nil {
			t.Fatalf("does not parse: %v\n%s", err, buf.Bytes())
		}
		if len(af.Decls) != 2 {
			t.Fatalf("%d declarations, want 2 (text became code):\n%s", len(af.Decls), buf.Bytes())
		}
		st := af.Decls[0].(*ast.GenDecl).Specs[0].(*ast.TypeSpec).Type.(*ast.StructType)
		if n := len(st.Fields.List); n != 1 {
			t.Fatalf("struct has %d fields, want 1:\n%s", n, buf.Bytes())
		}
		for _, cg := range af.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, "//") {
					t.Fatalf("a block comment was written: %q", c.Text)
				}
			}
		}
	})
}
