package emit

import (
	"fmt"
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
// and client.
func OapiConfig(m *plan.Model, templates map[string]string) codegen.Configuration {
	return codegen.Configuration{
		PackageName: m.Package,
		Generate: codegen.GenerateOptions{
			Models: true,
			Client: true,
		},
		OutputOptions: codegen.OutputOptions{
			SkipPrune:                 true,
			ExcludeSchemas:            m.ExcludeSchemas,
			UserTemplates:             templates,
			NameNormalizer:            string(codegen.NameNormalizerFunctionToCamelCaseWithInitialisms),
			ResolveTypeNameCollisions: true,
		},
		AllowRemoteRefsFrom: []string{},
	}
}

// genOapi renders client.gen.go: oapi-codegen's operation types, request
// builders and client for every operation in the plan.
func genOapi(m *plan.Model, templates map[string]string) (f File, err error) {
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
	code, err := codegen.Generate(m.OapiDoc, cfg)
	if err != nil {
		return File{}, fmt.Errorf("client.gen.go: oapi-codegen: %w", err)
	}
	return File{Path: "client.gen.go", Content: []byte(code)}, nil
}
