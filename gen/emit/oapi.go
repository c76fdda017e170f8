package emit

import (
	"bytes"
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
			// pruneImports and the write stage's gofmt do the same job.
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
	pruned, err := pruneImports([]byte(code))
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: pruning oapi-codegen's imports: %w", err)
	}
	out, err := renameDecls(pruned, m.RawClientRenames)
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: renaming oapi-codegen's client: %w", err)
	}
	return File{Path: "client.gen.go", Content: out}, nil
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
	to := map[string]string{}
	for _, r := range renames {
		to[r.From] = r.To
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "client.gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	type edit struct {
		off      int
		from, to string
	}
	var edits []edit
	rename := func(id *ast.Ident) {
		if t, ok := to[id.Name]; ok {
			edits = append(edits, edit{fset.Position(id.Pos()).Offset, id.Name, t})
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
			edits = append(edits, edit{fset.Position(c.Pos()).Offset + 3, names[0].Name, t})
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].off < edits[j].off })
	var b bytes.Buffer
	b.Grow(len(src) + 8*len(edits))
	last := 0
	for _, e := range edits {
		if !bytes.HasPrefix(src[e.off:], []byte(e.from)) {
			return nil, fmt.Errorf("offset %d: want %s", e.off, e.from)
		}
		b.Write(src[last:e.off])
		b.WriteString(e.to)
		last = e.off + len(e.from)
	}
	b.Write(src[last:])
	return b.Bytes(), nil
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
