package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// applyEdits splices sorted, non-overlapping edits into src.
func applyEdits(src []byte, edits []edit) []byte {
	var b bytes.Buffer
	b.Grow(len(src) + 8*len(edits))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.from])
		b.WriteString(e.text)
		last = e.to
	}
	b.Write(src[last:])
	return b.Bytes()
}

// importEdits rewrite the import declaration of oapi-codegen's unformatted
// output (run with SkipFmt: its own goimports pass was the most expensive part
// of generating a big spec) as goimports would: the imports the file refers
// to, each block of the template's import list sorted by path with the
// standard library first and the rest after a blank line. The
// templates import every package they might use, and none they do not list,
// so nothing ever needs adding. A package counts as used when some selector
// is qualified by its name, as goimports decides it; the write stage formats
// the result. file is parsed from src; the edits are in order.
func importEdits(fset *token.FileSet, file *ast.File, src []byte) ([]edit, error) {
	used := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			if decl != nil {
				return nil, fmt.Errorf("%s: more than one import declaration", fset.Position(g.Pos()))
			}
			decl = g
		}
	}
	if decl == nil {
		return nil, nil
	}
	// Blocks (runs of specs without a blank line between them) stay apart,
	// as goimports keeps them; within one, the standard library comes first.
	var blocks [][2][]string
	lastLine := -1
	for _, sp := range decl.Specs {
		is := sp.(*ast.ImportSpec)
		if line := fset.Position(is.Pos()).Line; lastLine < 0 || line > lastLine+1 {
			blocks = append(blocks, [2][]string{})
		}
		lastLine = fset.Position(is.End()).Line
		path, err := strconv.Unquote(is.Path.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fset.Position(is.Pos()), err)
		}
		name := importName(path)
		text := strconv.Quote(path)
		if is.Name != nil {
			name = is.Name.Name
			text = name + " " + text
		}
		if name == "_" || !used[name] {
			continue
		}
		group := 0
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			group = 1
		}
		blk := &blocks[len(blocks)-1]
		blk[group] = append(blk[group], text)
	}
	var groups [][]string
	for _, blk := range blocks {
		for _, g := range blk {
			if len(g) > 0 {
				sort.Slice(g, func(i, j int) bool { return unaliased(g[i]) < unaliased(g[j]) })
				groups = append(groups, g)
			}
		}
	}
	var imports strings.Builder
	if len(groups) > 0 {
		imports.WriteString("import (\n")
		for i, g := range groups {
			if i > 0 {
				imports.WriteString("\n")
			}
			for _, l := range g {
				imports.WriteString("\t" + l + "\n")
			}
		}
		imports.WriteString(")")
	}
	edits := []edit{{fset.Position(decl.Pos()).Offset, fset.Position(decl.End()).Offset, imports.String()}}
	// gofmt reformats a doc comment only when it starts in column 1 and
	// its declaration right below it does too; the templates indent some,
	// and goimports' printing used to move them to column 1 before the
	// write stage's gofmt reformatted them. Unindenting them here gives
	// that same output in one pass.
	unindent := func(pos token.Pos) {
		off := fset.Position(pos).Offset
		start := off
		for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
			start--
		}
		if start < off && (start == 0 || src[start-1] == '\n') {
			edits = append(edits, edit{start, off, ""})
		}
	}
	for _, d := range file.Decls {
		var doc *ast.CommentGroup
		switch d := d.(type) {
		case *ast.FuncDecl:
			doc = d.Doc
		case *ast.GenDecl:
			doc = d.Doc
		}
		if doc != nil && d.Pos() > decl.End() {
			unindent(doc.Pos())
			unindent(d.Pos())
		}
	}
	return edits, nil
}

// unaliased is the quoted path of an import line.
func unaliased(line string) string {
	return line[strings.IndexByte(line, '"'):]
}

// importName is the name a package is referred to by when its import has
// none: the last path element, skipping a major-version suffix (v3), without
// a go- prefix or a .go/-go suffix, as goimports assumes.
func importName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	name = strings.TrimPrefix(name, "go-")
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".go"), "-go")
	return name
}
