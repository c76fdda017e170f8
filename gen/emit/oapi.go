package emit

import (
	"fmt"
	"go/parser"
	"go/token"
	"path"
	"strings"
	"sync"

	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/oasgen/oasgen/gen/plan"
)

// oapiMu serialises codegen.Generate: oapi-codegen keeps its options and the
// spec in package globals, so two runs at once would mix their state.
var oapiMu sync.Mutex

// OapiConfig is the oapi-codegen configuration we run with. Component
// schemas are excluded (our jennifer emitter declares them in the model
// package, and the document refers to them through Raw.ModelDoc, which the
// import mapping turns into the model package), so oapi-codegen contributes
// the operation types, its request builders and its client, in the raw
// package.
func OapiConfig(m *plan.Model, templates map[string]string) codegen.Configuration {
	return codegen.Configuration{
		PackageName: m.Raw.Package,
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
		},
		ImportMapping:       map[string]string{m.Raw.ModelDoc: m.Raw.ModelName + " " + m.ImportPath},
		AllowRemoteRefsFrom: []string{},
	}
}

// genOapi renders <raw>/client.gen.go: oapi-codegen's operation types,
// request builders and client for every operation in the plan.
func genOapi(m *plan.Model, templates map[string]string) (File, error) {
	name := path.Join(m.Raw.Dir, "client.gen.go")
	if m.ImportPath == "" {
		return File{}, fmt.Errorf("%s: the import path of package %s is unknown", name, m.Package)
	}
	code, err := runOapi(m, templates)
	if err != nil {
		return File{}, err
	}
	src := []byte(code)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return File{}, fmt.Errorf("%s: parsing oapi-codegen's output: %w", name, err)
	}
	edits, err := importEdits(fset, file, src)
	if err != nil {
		return File{}, fmt.Errorf("%s: pruning oapi-codegen's imports: %w", name, err)
	}
	return File{Path: name, Content: applyEdits(src, edits)}, nil
}

// runOapi runs oapi-codegen, one run at a time.
func runOapi(m *plan.Model, templates map[string]string) (code string, err error) {
	cfg := OapiConfig(m, templates)
	oapiMu.Lock()
	defer oapiMu.Unlock()
	// The function its client template formats request paths with: ours
	// numbers the verbs of a parameter the path repeats (see pathFormat).
	// TemplateFunctions is the exported table oapi-codegen builds its
	// templates from on every run (it sets entries of its own there).
	codegen.TemplateFunctions["genParamFmtString"] = pathFormat
	defer func() {
		// A document oapi-codegen cannot handle must fail this run, not
		// crash it.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s/client.gen.go: oapi-codegen panicked: %v", m.Raw.Dir, r)
		}
	}()
	code, err = codegen.Generate(m.OapiDoc, cfg)
	if err != nil {
		return "", fmt.Errorf("%s/client.gen.go: oapi-codegen: %w", m.Raw.Dir, err)
	}
	return code, nil
}

// pathFormat is the fmt format oapi-codegen's request builders turn a path
// into, with one argument per distinct parameter in the order they first
// appear (codegen.SortParamsByPath). Its own function writes a plain %s
// for every occurrence, so a path naming a parameter twice
// (/accounts/{account_id}/address_maps/{id}/accounts/{account_id}, in
// Cloudflare's spec) had more verbs than arguments: a URL with
// "%!s(MISSING)" in it, and a package go vet rejects. Here every verb of
// such a path is indexed (%[1]s, %[2]s, %[1]s); other paths keep the plain
// form, so their code does not change.
func pathFormat(uri string) string {
	plain := codegen.ReplacePathParamsWithStr(uri)
	names := codegen.OrderedParamsFromUri(uri)
	index := map[string]int{}
	for _, n := range names {
		if _, ok := index[n]; !ok {
			index[n] = len(index) + 1
		}
	}
	parts := strings.Split(plain, "%s")
	if len(index) == len(names) || len(parts) != len(names)+1 {
		return plain
	}
	var b strings.Builder
	for i, n := range names {
		fmt.Fprintf(&b, "%s%%[%d]s", parts[i], index[n])
	}
	b.WriteString(parts[len(names)])
	return b.String()
}
