package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen"
)

// childResult is what the child process reports on stdout as JSON.
type childResult struct {
	Error          string   `json:"error,omitempty"`
	Version        string   `json:"version,omitempty"`
	Files          int      `json:"files"`
	Bytes          int      `json:"bytes"`
	Schemas        int      `json:"schemas"`         // component schemas in the document
	SchemasPresent int      `json:"schemas_present"` // of those, declared as a Go type
	Types          int      `json:"types"`           // Go types declared in the package
	Operations     int      `json:"operations"`
	Client         bool     `json:"client"` // client.gen.go emitted
	Missing        []string `json:"missing,omitempty"`
	WarningCount   int      `json:"warning_count"`
	Warnings       []string `json:"warnings,omitempty"` // the first few
}

const maxWarnings = 12

// runChild generates one spec into out and reports on stdout. A generation
// error is a result, not a failure of the child.
func runChild(spec, out string, stdout io.Writer) int {
	cr := generate(spec, out)
	data, _ := json.Marshal(cr)
	fmt.Fprintln(stdout, string(data))
	return 0
}

func generate(spec, out string) childResult {
	var cr childResult
	job := gen.Job{Spec: spec, Package: "api", Output: out, Client: true}
	results, err := gen.Run([]gen.Job{job})
	if len(results) > 0 && results[0] != nil {
		cr.WarningCount = len(results[0].Warnings)
	}
	if err != nil {
		cr.Error = err.Error()
		return cr
	}
	r := results[0]
	for i, w := range r.Warnings {
		if i == maxWarnings {
			break
		}
		cr.Warnings = append(cr.Warnings, w.String())
	}
	declared := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range r.Files {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			cr.Error = err.Error()
			return cr
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			cr.Error = err.Error()
			return cr
		}
		cr.Files++
		cr.Bytes += len(f.Content)
		if f.Path == "raw/client.gen.go" {
			cr.Client = true
		}
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Path, f.Content, parser.SkipObjectResolution)
		if err != nil {
			continue // go build reports it
		}
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					declared[s.(*ast.TypeSpec).Name.Name] = true
				}
			}
		}
	}
	cr.Types = len(declared)
	m := r.Model
	cr.Operations = len(m.Operations)
	planned := map[string]string{}
	for _, t := range m.Types {
		if t.SchemaName != "" {
			planned[t.SchemaName] = t.Name
		}
	}
	version, keys, err := schemaKeys(spec)
	if err != nil {
		cr.Error = err.Error()
		return cr
	}
	cr.Version = version
	cr.Schemas = len(keys)
	for _, k := range keys {
		if name, ok := planned[k]; ok && declared[name] {
			cr.SchemasPresent++
		} else {
			cr.Missing = append(cr.Missing, k)
		}
	}
	return cr
}

// schemaKeys reads the component schema names (Swagger 2.0: definitions)
// straight from the root file, independently of the loader and planner
// whose work they check.
func schemaKeys(spec string) (version string, keys []string, err error) {
	data, err := os.ReadFile(spec)
	if err != nil {
		return "", nil, err
	}
	var doc struct {
		OpenAPI    string `yaml:"openapi"`
		Swagger    string `yaml:"swagger"`
		Components struct {
			Schemas map[string]yaml.Node `yaml:"schemas"`
		} `yaml:"components"`
		Definitions map[string]yaml.Node `yaml:"definitions"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return "", nil, fmt.Errorf("%s: counting schemas: %v", spec, err)
	}
	m := doc.Components.Schemas
	version = doc.OpenAPI
	if doc.Swagger != "" {
		m, version = doc.Definitions, "swagger "+doc.Swagger
	}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return version, keys, nil
}
