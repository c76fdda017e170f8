package apidiff

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"strings"

	"github.com/oasgen/oasgen/gen/write"
)

// exportedAPI lists a package's exported declarations, keyed by what a
// consumer names ("type T", "field T.F", "const C", "func F", "method T.M")
// with a description that changes exactly when using code may break: the
// type expression, constant value or signature. A subpackage's declarations
// (raw/, oapi-codegen's client) are named with its name: "type raw.Client".
func exportedAPI(files []write.File) (map[string]string, error) {
	api := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Path, f.Content, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("reading generated %s: %w", f.Path, err)
		}
		decls := api
		sub := path.Dir(f.Path) != "."
		if sub {
			decls = map[string]string{}
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				genDecl(decls, d)
			case *ast.FuncDecl:
				funcDecl(decls, d)
			}
		}
		if sub {
			for k, v := range decls {
				kind, name, _ := strings.Cut(k, " ")
				api[kind+" "+af.Name.Name+"."+name] = v
			}
		}
	}
	return api, nil
}

func genDecl(api map[string]string, d *ast.GenDecl) {
	var lastType ast.Expr
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			name := s.Name.Name
			tparams := ""
			if s.TypeParams != nil {
				tparams = "[" + fieldList(s.TypeParams, true) + "]"
			}
			switch t := s.Type.(type) {
			case *ast.StructType:
				api["type "+name] = "struct" + tparams
				for _, f := range t.Fields.List {
					typ := types.ExprString(f.Type)
					if len(f.Names) == 0 { // embedded
						n := strings.TrimPrefix(typ, "*")
						if i := strings.LastIndex(n, "."); i >= 0 {
							n = n[i+1:]
						}
						if ast.IsExported(n) {
							api["field "+name+"."+n] = "embedded " + typ
						}
						continue
					}
					for _, fn := range f.Names {
						if fn.IsExported() {
							api["field "+name+"."+fn.Name] = typ
						}
					}
				}
			case *ast.InterfaceType:
				api["type "+name] = "interface" + tparams
				for _, m := range t.Methods.List {
					for _, mn := range m.Names {
						if ft, ok := m.Type.(*ast.FuncType); ok && mn.IsExported() {
							api["method "+name+"."+mn.Name] = "func" + signature(ft)
						}
					}
				}
			default:
				eq := " "
				if s.Assign.IsValid() {
					eq = " = "
				}
				api["type "+name] = strings.TrimSpace(tparams + eq + types.ExprString(s.Type))
			}
		case *ast.ValueSpec:
			kind := "var"
			if d.Tok == token.CONST {
				kind = "const"
				if s.Type != nil || len(s.Values) > 0 {
					lastType = s.Type
				}
			}
			for i, n := range s.Names {
				if !n.IsExported() {
					continue
				}
				desc := ""
				switch {
				case s.Type != nil:
					desc = types.ExprString(s.Type)
				case kind == "const" && lastType != nil:
					desc = types.ExprString(lastType)
				}
				if kind == "const" && i < len(s.Values) {
					desc = strings.TrimSpace(desc + " = " + types.ExprString(s.Values[i]))
				}
				api[kind+" "+n.Name] = desc
			}
		}
	}
}

func funcDecl(api map[string]string, d *ast.FuncDecl) {
	if !d.Name.IsExported() {
		return
	}
	sig := "func" + signature(d.Type)
	if d.Type.TypeParams != nil {
		sig = "func[" + fieldList(d.Type.TypeParams, true) + "]" + signature(d.Type)
	}
	if d.Recv == nil || len(d.Recv.List) == 0 {
		api["func "+d.Name.Name] = sig
		return
	}
	recv := d.Recv.List[0].Type
	ptr := ""
	if s, ok := recv.(*ast.StarExpr); ok {
		ptr, recv = "*", s.X
	}
	switch r := recv.(type) {
	case *ast.IndexExpr:
		recv = r.X
	case *ast.IndexListExpr:
		recv = r.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok || !id.IsExported() {
		return
	}
	api["method "+id.Name+"."+d.Name.Name] = "(" + ptr + id.Name + ") " + sig
}

// signature prints parameter and result types without names, which do not
// matter to callers.
func signature(ft *ast.FuncType) string {
	s := "(" + fieldList(ft.Params, false) + ")"
	if ft.Results != nil && len(ft.Results.List) > 0 {
		r := fieldList(ft.Results, false)
		if len(ft.Results.List) == 1 && len(ft.Results.List[0].Names) <= 1 {
			s += " " + r
		} else {
			s += " (" + r + ")"
		}
	}
	return s
}

func fieldList(fl *ast.FieldList, withNames bool) string {
	if fl == nil {
		return ""
	}
	var parts []string
	for _, f := range fl.List {
		typ := types.ExprString(f.Type)
		n := max(len(f.Names), 1)
		for i := 0; i < n; i++ {
			if withNames && i < len(f.Names) {
				parts = append(parts, f.Names[i].Name+" "+typ)
			} else {
				parts = append(parts, typ)
			}
		}
	}
	return strings.Join(parts, ", ")
}
