package stackone_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// rawIdent matches what oapi-codegen declares for a spec: its client and
// options, its per-operation request builders, response parsers, parameter
// structs and body types. They belong in the raw subpackage.
var rawIdent = regexp.MustCompile(`^(New\w+Request(With\w+Body)?|Parse\w+Response|\w+Params|\w+(JSON|Formdata|Multipart|Text)(Request)?Body|` +
	`Client|ClientInterface|ClientOption|ClientWithResponses|ClientWithResponsesInterface|NewClient|NewClientWithResponses|` +
	`HttpRequestDoer|RequestEditorFn|WithHTTPClient|WithBaseURL|WithRequestEditorFn|RawClient\w*|NewRawClient\w*)$`)

// exported lists what `go doc` shows of the package in dir: its exported
// types, functions, constants and variables (methods are a type's own
// namespace).
func exported(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/oasgen/oasgen/generated/stackone")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			names = append(names, v.Names...)
		}
	}
	values(p.Consts)
	values(p.Vars)
	for _, f := range p.Funcs {
		names = append(names, f.Name)
	}
	for _, ty := range p.Types {
		names = append(names, ty.Name)
		values(ty.Consts)
		values(ty.Vars)
		for _, f := range ty.Funcs {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	return names
}

// TestGoDocShowsNoRawClient: `go doc` of the package lists the models,
// APIClient with its options and errors, and nothing of oapi-codegen's
// client, which lives in raw/ (where it is all there).
func TestGoDocShowsNoRawClient(t *testing.T) {
	names := exported(t, ".")
	for _, n := range names {
		if rawIdent.MatchString(n) {
			t.Errorf("go doc of the package lists %s, which is oapi-codegen's (raw/)", n)
		}
	}
	for _, want := range []string{"APIClient", "NewAPIClient", "Options", "APIError", "ConnectSessionCreate", "NewConnectSessionCreate"} {
		if !slices.Contains(names, want) {
			t.Errorf("go doc of the package lacks %s", want)
		}
	}
	raw := exported(t, "raw")
	for _, want := range []string{"Client", "NewClient", "ClientWithResponses", "CreateConnectSessionJSONRequestBody", "NewCreateConnectSessionRequest"} {
		if !slices.Contains(raw, want) {
			t.Errorf("go doc of raw lacks %s", want)
		}
	}
}
