package emit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"sync"

	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/oasgen/oasgen/gen/plan"
)

// oapiMu serialises codegen.Generate: oapi-codegen keeps its options and the
// spec in package globals, so two runs at once would mix their state.
var oapiMu sync.Mutex

// OapiConfig is the oapi-codegen configuration we run with. Component
// schemas are excluded (our jennifer emitter declares them under the plan's
// names, which the planner wrote into the document as x-go-name), so
// oapi-codegen contributes the operation types and its request builders
// and client, whose type is the plan's RawClient.
func OapiConfig(m *plan.Model, templates map[string]string) codegen.Configuration {
	return codegen.Configuration{
		PackageName: m.Package,
		Generate: codegen.GenerateOptions{
			Models: true,
			Client: true,
		},
		OutputOptions: codegen.OutputOptions{
			// Its goimports pass costs more than the rest of its run;
			// importEdits and the write stage's gofmt do the same job.
			SkipFmt:                   true,
			SkipPrune:                 true,
			ExcludeSchemas:            m.ExcludeSchemas,
			UserTemplates:             templates,
			NameNormalizer:            string(codegen.NameNormalizerFunctionToCamelCaseWithInitialisms),
			ResolveTypeNameCollisions: true,
			ClientTypeName:            m.RawClient,
		},
		AllowRemoteRefsFrom: []string{},
	}
}

// genOapi renders client.gen.go: oapi-codegen's operation types, request
// builders and client for every operation in the plan, its client's
// identifiers renamed as the plan says.
func genOapi(m *plan.Model, templates map[string]string) (File, error) {
	code, err := runOapi(m, templates)
	if err != nil {
		return File{}, err
	}
	// One parse serves both rewrites (on Stripe, parsing the output took as
	// long as the rest of the splicing): their edits never overlap, since
	// renaming leaves the import declaration alone and the imports' edits
	// are whitespace before declarations and the import declaration itself.
	src := []byte(code)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "client.gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: parsing oapi-codegen's output: %w", err)
	}
	edits, err := importEdits(fset, file, src)
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: pruning oapi-codegen's imports: %w", err)
	}
	renames, err := renameEdits(fset, file, src, m.RawClientRenames)
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: renaming oapi-codegen's client: %w", err)
	}
	edits = append(edits, renames...)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	for i := 1; i < len(edits); i++ {
		if edits[i].from < edits[i-1].to {
			return File{}, fmt.Errorf("client.gen.go: overlapping edits at offset %d", edits[i].from)
		}
	}
	return File{Path: "client.gen.go", Content: applyEdits(src, edits)}, nil
}

// runOapi runs oapi-codegen, one run at a time.
func runOapi(m *plan.Model, templates map[string]string) (code string, err error) {
	cfg := OapiConfig(m, templates)
	oapiMu.Lock()
	defer oapiMu.Unlock()
	defer func() {
		// A document oapi-codegen cannot handle must fail this run, not
		// crash it.
		if r := recover(); r != nil {
			err = fmt.Errorf("client.gen.go: oapi-codegen panicked: %v", r)
		}
	}()
	code, err = codegen.Generate(m.OapiDoc, cfg)
	if err != nil {
		return "", fmt.Errorf("client.gen.go: oapi-codegen: %w", err)
	}
	return code, nil
}

// renameDecls renames package-level declarations of src and every
// identifier that refers to them, and the leading name of their doc
// comments. The renamed names are exported, so no local of oapi-codegen's
// (all lower case) shadows them; what only shares the name is kept: struct
// fields and interface methods (a parameter or an operation may be called
// ClientOption), methods, selectors and composite-literal keys. It splices
// the source rather than printing the tree: the write stage formats it.
func renameDecls(src []byte, renames []plan.Rename) ([]byte, error) {
	if len(renames) == 0 {
		return src, nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "client.gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	edits, err := renameEdits(fset, file, src, renames)
	if err != nil {
		return nil, err
	}
	return applyEdits(src, edits), nil
}

// renameEdits are renameDecls' edits of file (parsed from src), in order.
// The import declaration is left alone.
func renameEdits(fset *token.FileSet, file *ast.File, src []byte, renames []plan.Rename) ([]edit, error) {
	if len(renames) == 0 {
		return nil, nil
	}
	to := map[string]string{}
	for _, r := range renames {
		to[r.From] = r.To
	}
	var edits []edit
	renameAt := func(off int, from, t string) {
		edits = append(edits, edit{off, off + len(from), t})
	}
	rename := func(id *ast.Ident) {
		if t, ok := to[id.Name]; ok {
			renameAt(fset.Position(id.Pos()).Offset, id.Name, t)
		}
	}
	var visit func(n ast.Node) bool
	walk := func(n ast.Node) {
		if n != nil && !isNilNode(n) {
			ast.Inspect(n, visit)
		}
	}
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			rename(n)
		case *ast.SelectorExpr:
			walk(n.X)
			return false
		case *ast.Field:
			walk(n.Type) // not the names: fields, methods, parameters
			return false
		case *ast.FuncDecl:
			if n.Recv == nil {
				rename(n.Name)
			}
			walk(n.Recv)
			walk(n.Type)
			walk(n.Body)
			return false
		case *ast.CompositeLit:
			walk(n.Type)
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if _, isID := kv.Key.(*ast.Ident); isID {
						walk(kv.Value) // a field name, or a map key we leave alone
						continue
					}
				}
				walk(e)
			}
			return false
		case *ast.File:
			for _, d := range n.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
					continue
				}
				walk(d)
			}
			return false
		}
		return true
	}
	walk(file)
	for _, d := range file.Decls {
		var doc *ast.CommentGroup
		var names []*ast.Ident
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				doc, names = d.Doc, []*ast.Ident{d.Name}
			}
		case *ast.GenDecl:
			doc = d.Doc
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok {
					names = append(names, ts.Name)
				}
			}
		}
		if doc == nil || len(names) != 1 {
			continue
		}
		t, ok := to[names[0].Name]
		c := doc.List[0]
		if ok && strings.HasPrefix(c.Text, "// "+names[0].Name+" ") {
			renameAt(fset.Position(c.Pos()).Offset+3, names[0].Name, t)
		}
	}
	for _, e := range edits {
		// The source must hold a renamed name where the tree says it is.
		if _, ok := to[string(src[e.from:min(e.to, len(src))])]; !ok {
			return nil, fmt.Errorf("offset %d: want a renamed name", e.from)
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	return edits, nil
}

// isNilNode reports a typed nil inside an ast.Node (a FuncDecl's absent
// Recv or Body), which ast.Inspect would dereference.
func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FieldList:
		return n == nil
	case *ast.BlockStmt:
		return n == nil
	}
	return false
}
