package stackone_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackageDocIsGenerated: the package doc comment is doc.gen.go's, and
// only its (go doc joins every file's): the hand-written generate.go keeps
// its comment apart from the package clause. The doc names the API, its
// version and a real constructor and operation.
func TestPackageDocIsGenerated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var with []string
	doc := ""
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if af.Doc != nil {
			with = append(with, f)
			doc = af.Doc.Text()
		}
	}
	if len(with) != 1 || with[0] != "doc.gen.go" {
		t.Fatalf("files with a package doc comment: %v, want only doc.gen.go", with)
	}
	for _, want := range []string{"Package stackone provides a client and models for the StackOne API, version\n1.0.0",
		"stackone.NewConnectSessionCreate(originOwnerID, originOwnerName)", "client.CreateConnectSession(ctx, body)",
		"*stackone.BadRequestResponseError", "docs/models/connectsessioncreate.md"} {
		if !strings.Contains(doc, want) {
			t.Errorf("package doc lacks %q:\n%s", want, doc)
		}
	}
}
