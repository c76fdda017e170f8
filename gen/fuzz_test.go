package gen_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/write"
	"github.com/oasgen/oasgen/internal/shared"
)

// fuzzLimits keep one fuzz input cheap; the defaults are sized for real
// specs, not for thousands of executions a second.
var fuzzLimits = load.Limits{MaxFileBytes: 1 << 20, MaxFiles: 8, MaxNodes: 200_000, MaxDepth: 64, MaxEnumValues: 1000}

// FuzzLoadPlanEmit runs arbitrary bytes through the whole pipeline (load →
// plan → emit → format) as a spec file. Any input may be rejected, but none
// may panic, and every Go file of an accepted one must parse and already be
// gofmt-formatted. Seeds are the small specs of ../shared/specs and the
// hostile table.
func FuzzLoadPlanEmit(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.data, s.json)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		dir := t.TempDir()
		name := "openapi.yaml"
		if isJSON {
			name = "openapi.json"
		}
		spec := filepath.Join(dir, name)
		if err := os.WriteFile(spec, data, 0o644); err != nil {
			t.Fatal(err)
		}
		results, err := gen.Run([]gen.Job{{Spec: spec, Package: "fuzz", Output: filepath.Join(dir, "out"), Docs: true, Client: true, Limits: fuzzLimits, ImportPath: "example.com/fuzz"}})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("internal error on input:\n%s", err)
			}
			return
		}
		for _, r := range results {
			checkGenerated(t, r.Files)
		}
	})
}

// FuzzSpecText puts arbitrary text where specs put names, descriptions and
// enum values, in a spec that is otherwise valid, so the fuzzer explores
// what the planner and emitters do with text rather than YAML syntax.
func FuzzSpecText(f *testing.F) {
	f.Add("Pet", "name", "A pet. */ func init() {}", `["a", "b"]`, uint8(0))
	f.Add("type", "validate", "\u2028/* x", `[1, "a", true]`, uint8(1))
	f.Add("NewPet", "-", "\x00", `[1e300, 2e300]`, uint8(2))
	f.Add("Pet_Values", "a,b", "`", `["*/", "\n", ""]`, uint8(3))
	f.Fuzz(func(t *testing.T, schema, prop, desc, enum string, kind uint8) {
		var values []any
		if err := json.Unmarshal([]byte(enum), &values); err != nil {
			values = []any{enum}
		}
		types := []string{"string", "integer", "number", "boolean", "object", "array"}
		propSchema := map[string]any{"type": types[int(kind)%len(types)], "description": desc, "enum": values}
		if len(values) == 0 {
			delete(propSchema, "enum")
		}
		doc := map[string]any{
			"openapi": "3.0.3",
			"info":    map[string]any{"title": desc, "version": "1"},
			"paths": map[string]any{"/x": map[string]any{"get": map[string]any{
				"operationId": schema, "summary": desc,
				"responses": map[string]any{"200": map[string]any{"description": desc, "content": map[string]any{
					"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + schema}}}}},
			}}},
			"components": map[string]any{"schemas": map[string]any{
				schema:         map[string]any{"type": "object", "description": desc, "required": []any{prop}, "properties": map[string]any{prop: propSchema, prop + "_": map[string]any{"type": "string"}}},
				schema + "s":   map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/" + schema}},
				"New" + schema: map[string]any{"type": "string", "enum": values},
			}},
		}
		data, err := json.Marshal(doc)
		if err != nil {
			return
		}
		dir := t.TempDir()
		spec := filepath.Join(dir, "openapi.json")
		if err := os.WriteFile(spec, data, 0o644); err != nil {
			t.Fatal(err)
		}
		results, err := gen.Run([]gen.Job{{Spec: spec, Package: "fuzz", Output: filepath.Join(dir, "out"), Docs: true, Client: true, Limits: fuzzLimits, ImportPath: "example.com/fuzz"}})
		if err != nil {
			return
		}
		for _, r := range results {
			checkGenerated(t, r.Files)
		}
	})
}

// checkGenerated fails unless every Go file parses, is formatted, and the
// package declares no name twice: no top-level identifier, no method per
// receiver, no struct field that is also a method of its type. That is the
// part of "it compiles" a fuzzer can afford to check on every input. Each
// directory is its own package (the model package and raw/ may both declare
// a name).
func checkGenerated(t *testing.T, files []write.File) {
	t.Helper()
	top := map[string]string{}
	fields := map[string]map[string]bool{}
	methods := map[string]map[string]bool{}
	for _, file := range files {
		if filepath.Ext(file.Path) != ".go" {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), file.Path, file.Content, parser.AllErrors)
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", file.Path, err, file.Content)
		}
		pkg := filepath.Dir(file.Path) + ": " // names are per package
		formatted, err := format.Source(file.Content)
		if err != nil || !bytes.Equal(formatted, file.Content) {
			t.Fatalf("%s is not gofmt-formatted (err %v)", file.Path, err)
		}
		declare := func(name string) {
			if name == "_" || name == "init" {
				return
			}
			if prev, dup := top[pkg+name]; dup {
				t.Fatalf("%s is declared in %s and again in %s", name, prev, file.Path)
			}
			top[pkg+name] = file.Path
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					declare(d.Name.Name)
					continue
				}
				recv := d.Recv.List[0].Type
				if st, ok := recv.(*ast.StarExpr); ok {
					recv = st.X
				}
				id, ok := recv.(*ast.Ident)
				if !ok {
					continue
				}
				id = ast.NewIdent(pkg + id.Name)
				if methods[id.Name] == nil {
					methods[id.Name] = map[string]bool{}
				}
				if methods[id.Name][d.Name.Name] {
					t.Fatalf("method %s.%s is declared twice", id.Name, d.Name.Name)
				}
				methods[id.Name][d.Name.Name] = true
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						declare(sp.Name.Name)
						if st, ok := sp.Type.(*ast.StructType); ok {
							fields[pkg+sp.Name.Name] = map[string]bool{}
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									if fields[pkg+sp.Name.Name][n.Name] {
										t.Fatalf("field %s.%s is declared twice", sp.Name.Name, n.Name)
									}
									fields[pkg+sp.Name.Name][n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							declare(n.Name)
						}
					}
				}
			}
		}
	}
	for typ, fs := range fields {
		for name := range fs {
			if methods[typ][name] {
				t.Fatalf("%s has a field and a method named %s", typ, name)
			}
		}
	}
}

type seed struct {
	data []byte
	json bool
}

// fuzzSeeds are the single-file specs of the shared corpus under 64 KiB
// (when it is here: they only add seeds, so a missing corpus skips nothing,
// unless OASGEN_REQUIRE_SHARED=1) and the spec of every case under
// testdata (golden, client and hostile).
func fuzzSeeds(f *testing.F) []seed {
	f.Helper()
	var paths []string
	var corpus []string
	if dir, err := shared.Locate(); err == nil {
		corpus, _ = filepath.Glob(filepath.Join(dir, "specs", "*"))
	} else if shared.Required() {
		f.Fatal(err)
	}
	for _, p := range corpus {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() < 64<<10 {
			paths = append(paths, p)
		}
	}
	for _, c := range []string{"openapi.yaml", "openapi.json", "swagger.yaml", "spec/openapi.yaml"} {
		m, _ := filepath.Glob(filepath.Join(testdataDir, "*", "*", c))
		paths = append(paths, m...)
	}
	var out []seed
	for _, p := range paths {
		ext := filepath.Ext(p)
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 64<<10 {
			continue
		}
		out = append(out, seed{data: data, json: ext == ".json"})
	}
	if len(out) == 0 {
		f.Fatal("no fuzz seeds found")
	}
	return out
}
