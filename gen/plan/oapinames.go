package plan

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// This file names what oapi-codegen declares. Its client is generated into
// its own package (Model.Raw, <out>/raw), which imports the model package
// for the types, so nothing it declares can take a name from the spec's
// schemas or from the production client. Inside that package its names
// must still differ from each other: it derives the names of each
// operation (<Op>Params, <Op>JSONBody, New<Op>Request, Parse<Op>Response,
// ...) from the operation ID it is given, names component parameters,
// request bodies, responses and headers after their keys, and declares its
// client's fixed names (Client, NewClient, ClientOption, ...). Both the IDs
// and the keys of the document it gets are ours to choose: a key that
// would declare one of the fixed names gets its section as a suffix
// (components.requestBodies.Client → ClientRequestBody), and an operation
// whose derived names are taken gets the ID <Op>Op (then <Op>Op2, ...). The
// client's methods keep the plan's names (Operation.Name) either way.

// rawFixedNames are the identifiers oapi-codegen's client templates declare
// whatever the spec says.
var rawFixedNames = []string{
	"Client", "ClientInterface", "ClientOption", "ClientWithResponses", "ClientWithResponsesInterface",
	"HttpRequestDoer", "RequestEditorFn", "NewClient", "NewClientWithResponses", "WithHTTPClient",
	"WithBaseURL", "WithRequestEditorFn", "ServerURL", "DefaultServerURL",
}

// rawPackage is where oapi-codegen's client goes for a model package
// named pkg. The raw package imports the model package under pkg's own
// name unless that could be shadowed in oapi-codegen's functions (a
// package named http or client): then as model.
func rawPackage(pkg string) RawPackage {
	name := pkg
	if name == "raw" || slices.ContainsFunc(oapiPathScope, func(s string) bool { return oapiKey(s) == oapiKey(name) }) {
		name = "model"
	}
	return RawPackage{Dir: RawDir, Package: RawPackageName, ModelName: name, ModelDoc: "oasgen-model"}
}

// RawDir is the raw package's directory below the output directory, and
// RawPackageName its name.
const (
	RawDir         = "raw"
	RawPackageName = "raw"
)

// oapiSections are the component sections oapi-codegen declares a type per
// key for, with the suffix a key gets when its name is taken.
var oapiSections = []struct{ name, suffix string }{
	{"parameters", "Parameter"}, {"requestBodies", "RequestBody"}, {"responses", "Response"}, {"headers", "Header"},
}

// planRawComponentKeys chooses the key of every component parameter,
// request body, response and header in the document oapi-codegen gets
// (p.rawKeys): its own key, unless the type oapi-codegen names after it
// would be one of rawFixedNames (compared as oapi-codegen re-cases names,
// by oapiKey); then the key with its section's suffix, and a number if
// that is taken too. The names they give are recorded in p.rawTaken.
func (p *planner) planRawComponentKeys() {
	p.rawKeys = map[string]map[string]string{}
	p.rawTaken = map[string]string{}
	for _, n := range rawFixedNames {
		p.rawTaken[oapiKey(n)] = "oapi-codegen's client"
	}
	c := p.spec.Doc.Components
	if c == nil {
		return
	}
	keys := map[string][]string{
		"parameters": slices.Sorted(maps.Keys(c.Parameters)), "requestBodies": slices.Sorted(maps.Keys(c.RequestBodies)),
		"responses": slices.Sorted(maps.Keys(c.Responses)), "headers": slices.Sorted(maps.Keys(c.Headers)),
	}
	fixed := map[string]bool{}
	for _, n := range rawFixedNames {
		fixed[oapiKey(n)] = true
	}
	for _, sec := range oapiSections {
		p.rawKeys[sec.name] = map[string]string{}
		for _, k := range keys[sec.name] {
			key := k
			for i := 1; fixed[oapiKey(oapiTypeNamePrefix(key)+key)]; i++ {
				key = k + sec.suffix
				if i > 1 {
					key += strconv.Itoa(i)
				}
			}
			p.rawKeys[sec.name][k] = key
			p.rawTaken[oapiKey(oapiTypeNamePrefix(key)+key)] = "components." + sec.name + "." + k
		}
	}
}

// rawRef is ref (a $ref to a component of section) with the key the
// document oapi-codegen gets has for it.
func (p *planner) rawRef(section, ref string) string {
	prefix := "#/components/" + section + "/"
	if k, ok := strings.CutPrefix(ref, prefix); ok {
		if nk, ok := p.rawKeys[section][k]; ok {
			return prefix + nk
		}
	}
	return ref
}

// oapiBodyTags are the name tags oapi-codegen gives request bodies by media
// type: application/json, other JSON types (their CamelCase media type),
// multipart/*, form-urlencoded and text/plain; it declares no names for
// other media types.
func oapiBodyTag(mt string) string {
	switch {
	case mt == "application/json":
		return "JSON"
	case isJSONMedia(mt):
		r := strings.NewReplacer("/", "_", "*", "Wildcard_", "+", "Plus_")
		return GoName(r.Replace(mt)) // compared by oapiKey, so its casing does not matter
	case strings.HasPrefix(mt, "multipart/"):
		return "Multipart"
	case mt == "application/x-www-form-urlencoded":
		return "Formdata"
	case mt == "text/plain":
		return "Text"
	}
	return ""
}

// isJSONMedia is oapi-codegen's test for a JSON media type (util.IsMediaTypeJson).
func isJSONMedia(mt string) bool {
	mt = mediaBase(mt)
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json")
}

// oapiOpNames are the package-level names oapi-codegen's types and client
// templates declare for an operation with ID id and the given request body
// media types (nil: every tag, for reserving before the body is known).
func oapiOpNames(id string, bodyMedia []string) []string {
	names := []string{id + "Params", id + "Response", "Parse" + id + "Response",
		"New" + id + "Request", "New" + id + "RequestWithBody"}
	tags := []string{"JSON", "Multipart", "Formdata", "Text"}
	if bodyMedia != nil {
		tags = nil
		for _, mt := range bodyMedia {
			if t := oapiBodyTag(mt); t != "" {
				tags = append(tags, t)
			}
		}
	}
	for _, t := range tags {
		names = append(names, id+t+"Body", id+t+"RequestBody", "New"+id+"RequestWith"+t+"Body")
	}
	return names
}

// reserveOperationTypeNames keeps the names <Op>Request and <Op>Result,
// which the planner has long given inline types of an operation's request
// and results, from the inline types of other operations. Component
// schemas are named before and keep theirs.
func (p *planner) reserveOperationTypeNames() {
	p.eachOperation(func(pth, method string, _ *openapi3.PathItem, _ *openapi3.Operation) {
		name := p.opNames[opKey{pth, method}]
		for _, n := range []string{name + "Request", name + "Result"} {
			if _, taken := p.names.used[n]; !taken {
				p.names.used[n] = "operation " + name
			}
		}
	})
}

// planOapiOperationIDs chooses each operation's ID in the document
// oapi-codegen gets (Operation.OapiName), once the raw package's component
// names are known: the operation's name, unless a name oapi-codegen would
// derive from it is declared by something else in the raw package
// (compared as oapi-codegen re-cases them, by oapiKey); then <Name>Op,
// <Name>Op2, .... Only the raw package's names move: no warning.
func (p *planner) planOapiOperationIDs(ops []*openapi3.Operation) {
	taken := maps.Clone(p.rawTaken)
	for i, o := range p.m.Operations {
		no := ops[i]
		var media []string
		if no.RequestBody != nil && no.RequestBody.Value != nil {
			media = slices.Sorted(maps.Keys(no.RequestBody.Value.Content))
		}
		if media == nil {
			media = []string{}
		}
		id := o.Name
		for n := 1; slices.ContainsFunc(oapiOpNames(id, media), func(d string) bool { _, ok := taken[oapiKey(d)]; return ok }); n++ {
			id = o.Name + "Op"
			if n > 1 {
				id += strconv.Itoa(n)
			}
		}
		for _, d := range oapiOpNames(id, media) {
			taken[oapiKey(d)] = "operation " + o.Name
		}
		o.OapiName = id
		no.OperationID = id
	}
}

// oapiTypeNamePrefix is the word oapi-codegen puts before a type name that
// starts with a symbol or a digit (its typeNamePrefix).
func oapiTypeNamePrefix(name string) string {
	words := map[rune]string{'-': "Minus", '+': "Plus", '&': "And", '|': "Or", '~': "Tilde", '=': "Equal",
		'>': "GreaterThan", '<': "LessThan", '#': "Hash", '.': "Dot", '*': "Asterisk", '^': "Caret", '%': "Percent",
		'_': "Underscore"}
	if name == "$" {
		return "DollarSign"
	}
	prefix := ""
	for _, r := range name {
		w, ok := words[r]
		if !ok {
			if prefix == "" && unicode.IsDigit(r) {
				return "N"
			}
			break
		}
		prefix += w
	}
	if name == "" {
		return "Empty"
	}
	return prefix
}
