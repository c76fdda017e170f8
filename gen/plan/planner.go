package plan

// The planner: Build runs the planning passes in their fixed order over one
// planner, which holds the state they share. Each pass lives in the file
// named for its topic (schemas.go, enums.go, unions.go, operations.go,
// params.go, bodies.go, security.go, servers.go, names.go, ...).

import (
	"fmt"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/gen/diag"
	"github.com/oasgen/oasgen/gen/load"
)

// Options are the inputs of planning that do not come from the spec.
type Options struct {
	Package  string
	SpecPath string // recorded in headers; slash-separated, relative to the output dir
	// Toolchain is the generator version, recorded in the model for the
	// client's User-Agent.
	Toolchain string
	// ImportPath is the generated package's import path, which the raw
	// package imports ("": unknown, and no raw package can be generated).
	ImportPath string
	// Client asks for the production client (api.gen.go), RawClient (with
	// Client) for oapi-codegen's raw package too; Docs for a Markdown page
	// per schema. The plan turns them into Model.Client, Model.RawClient
	// and Model.Docs, which say what is emitted.
	Client, RawClient, Docs bool
	// GroupByTags puts each operation without x-speakeasy-group into the
	// sub-client of its first tag (groups.go).
	GroupByTags bool
	// InferPagination gives operations without x-speakeasy-pagination
	// page iterators when they follow a common pattern (pagination.go).
	InferPagination bool
}

// Build plans the Go package for a loaded spec.
func Build(s *load.Spec, opts Options) (*Model, error) {
	p := &planner{
		spec: s,
		m: &Model{Package: opts.Package, SpecPath: opts.SpecPath, Toolchain: opts.Toolchain,
			ImportPath: opts.ImportPath, Raw: rawPackage(opts.Package), Docs: opts.Docs},
		names:           newNamer(),
		bySchema:        map[*openapi3.Schema]*Type{},
		distributed:     map[*openapi3.Schema]*openapi3.Schema{},
		memberWarned:    map[memberKey]bool{},
		groupByTags:     opts.GroupByTags,
		inferPagination: opts.InferPagination,
	}
	doc := s.Doc
	if doc.Info != nil {
		p.m.Title, p.m.Version = doc.Info.Title, doc.Info.Version
	}
	for _, sv := range doc.Servers {
		if sv != nil {
			p.m.Servers = append(p.m.Servers, Server{URL: sv.URL, Description: sv.Description, Resolved: resolveServer(sv)})
		}
	}
	p.planOperationNames()
	p.nameComponents()
	p.planClientNames()
	p.planArgsNames()
	p.fillComponents()
	p.reserveOperationTypeNames()
	p.planOperations()
	p.planWebhooks()
	for _, check := range p.defaults {
		check()
	}
	p.planUnionTags()
	p.planSecurity()
	p.planSDK()
	p.planOpeners()
	p.planRawComponentKeys()
	p.m.OapiDoc = p.oapiDoc()
	sort.Slice(p.m.Types, func(i, j int) bool { return p.m.Types[i].Name < p.m.Types[j].Name })
	for _, t := range p.m.Types {
		planCtorParams(t)
	}
	p.holdOptionalStructsByPointer()
	p.breakCycles()
	for _, t := range p.m.Types {
		if t.Kind == KindAlias {
			e := t.Elem
			t.GoAlias = e.Nullable || e.Pointer || e.Kind == RefNamed || e.Kind == RefExternal || e.Kind == RefBuiltin && (e.Builtin == Time || e.Builtin == RawJSON || e.Builtin == NoneType)
		}
	}
	p.pointToAliasTargets()
	p.planUniqueItems()
	p.planStructs()
	p.planPagination()
	p.planCalls()
	if len(p.errs) > 0 {
		return nil, p.errs.Sort()
	}
	p.nameFuncs()
	p.planUsage()
	p.planUsageNames()
	p.planPatterns()
	p.planOpDocs()
	p.finishWebhooks()
	p.planOapiOperationIDs(p.oapiOps)
	p.planFiles()
	if opts.Client && len(p.m.Operations) > 0 {
		p.warnClientNames()
	}
	p.m.Warnings = p.warnings.Sort()
	p.m.Client = opts.Client && len(p.m.Operations) > 0
	p.m.RawClient = p.m.Client && opts.RawClient
	if p.m.RawClient {
		// oapi-codegen's own warnings follow the planner's, as their own
		// sorted list.
		w, err := prepareOapi(s, p.m)
		if err != nil {
			return nil, err
		}
		p.m.Warnings = append(p.m.Warnings, w...)
	}
	return p.m, nil
}

type planner struct {
	spec     *load.Spec
	m        *Model
	names    *namer
	bySchema map[*openapi3.Schema]*Type
	unnamed  map[*openapi3.Schema]bool // schemas refOf is inside of and has not named (see enterUnnamed)
	// distributed holds each allOf-over-a-union schema's rewrite as a union
	// of allOfs (compose.go, distributeUnion), made once so that every
	// reference plans the same schema; nil when s is not one.
	distributed map[*openapi3.Schema]*openapi3.Schema
	// merged are the allOfs made for properties several allOf members
	// declare (mergeDeclarations), one per set of declarations.
	merged   []mergedProperty
	warnings diag.List
	// defaults are the checks of field defaults, run in order once every
	// type is planned.
	defaults []func()
	opNames  map[opKey]string
	// argsNames name each operation's Args struct (operations with query,
	// header or cookie parameters only).
	argsNames map[opKey]string
	// warnedErrors are the x-speakeasy-errors values warned about
	// (errors.go), each once however many operations read it.
	warnedErrors map[string]bool
	// pathGlobals are the names of x-speakeasy-globals' path parameters
	// (globalPaths), read before operations are planned.
	pathGlobals map[string]bool
	// partsNames name each operation's Parts struct (operations whose
	// request body is sent as multipart only).
	partsNames map[opKey]string
	// components in key order, with their planned types
	components []componentType
	// oapiStubs are the component schemas of the document oapi-codegen
	// gets: stubs naming our types (see oapidoc.go).
	oapiStubs openapi3.Schemas
	// oapiOps are the operations of that document, in the order of
	// m.Operations.
	oapiOps []*openapi3.Operation
	// opSecurity is each operation's security list as the spec gives it,
	// planned by planSecurity once every operation is known.
	opSecurity []opSecurity
	// rawKeys are the keys of components.<section> in that document, by
	// section and spec key, and rawTaken the names oapi-codegen declares
	// for them and for its client, by oapiKey (see planRawComponentKeys).
	rawKeys  map[string]map[string]string
	rawTaken map[string]string
	// groupByTags is Options.GroupByTags.
	groupByTags bool
	// inferPagination is Options.InferPagination; errs are the spec's
	// errors found while planning (a pagination output naming nothing).
	inferPagination bool
	errs            diag.List
	// goTypeWarned are the schemas whose ignored x-go-type was warned of.
	goTypeWarned map[*openapi3.Schema]bool
	// enumWarned are the schemas whose enum of objects or arrays was
	// warned of (warnStructuredEnum).
	enumWarned map[*openapi3.Schema]bool
	// byOrigin are the named types planned, by where their schema is
	// written (sameOrigin).
	byOrigin map[originKey][]plannedAt
	// arrayEnumItems are the items itemsOf planned for each array schema
	// whose enum it moved onto them.
	arrayEnumItems map[*openapi3.Schema]*openapi3.SchemaRef
	// uncheckedWarned are the schemas whose assertions Validate does not
	// check were warned of (warnUnchecked).
	uncheckedWarned map[*openapi3.Schema]bool
	// memberWarned are the allOf members already warned about: unions
	// (collectProps) and scalar constraints (warnAllOfConstraints).
	memberWarned map[memberKey]bool
}

type componentType struct {
	key    string
	schema *openapi3.Schema
	t      *Type
}

func (p *planner) warn(pos diag.Pos, where, format string, args ...any) {
	if where != "" && (pos.File == "" || pos.File == p.spec.Path) && (pos.Line == 0 || pos.Line == 1 && pos.Col == 1) {
		// No origin (a Swagger 2.0 document, converted, has none), so the
		// document's first line or none: the path the warning names, when
		// the root file has it, is nearer.
		if wp, ok := p.spec.WherePos(where); ok {
			pos = wp
		}
	}
	p.warnings = append(p.warnings, diag.Diagnostic{Pos: pos, Where: where, Msg: fmt.Sprintf(format, args...), Severity: diag.Warning})
}
