package plan

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// This file names what oapi-codegen declares for each operation. It
// derives every one of those names from the operation ID it is given
// (<Op>Params, <Op>JSONBody, New<Op>Request, Parse<Op>Response, ...), and
// that ID is ours to choose: the client's method keeps the plan's name
// (Operation.Name), and only oapi-codegen's raw client moves when one of its
// names is already a type of the spec. So spec names win over the names
// oapi-codegen invents, and its output never declares a name twice.

// oapiOpOwner marks the names reserved for an operation's oapi-codegen
// declarations in the planner's namer.
const oapiOpOwner = "oapi-codegen's declarations for operation "

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
	mt = strings.ToLower(strings.TrimSpace(strings.Split(mt, ";")[0]))
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

// reserveOapiOperationNames keeps the types the planner invents (inline
// schemas, error types) off the names oapi-codegen will declare for each
// operation, under the operation's own name. It runs after the component
// schemas are named: a name a schema took is left to it, and
// planOapiOperationIDs gives that operation another ID.
func (p *planner) reserveOapiOperationNames() {
	p.eachOperation(func(_, _ string, _ *openapi3.PathItem, op *openapi3.Operation) {
		name := p.opNames[op]
		// Names this planner has long kept for inline types of an
		// operation's request and results.
		extra := []string{name + "Request", name + "Result"}
		for _, n := range append(oapiOpNames(name, nil), extra...) {
			if _, taken := p.names.used[n]; !taken {
				p.names.used[n] = oapiOpOwner + name
			}
		}
	})
}

// planOapiOperationIDs chooses each operation's ID in the document
// oapi-codegen gets (Operation.OapiName), once every name of the package is
// known: the operation's name, unless a name oapi-codegen would derive from
// it is declared by something else (compared as oapi-codegen re-cases
// them, by oapiKey); then <Name>Op, <Name>Op2, ..., with a warning.
func (p *planner) planOapiOperationIDs(ops []*openapi3.Operation) {
	taken := map[string]string{} // oapiKey -> what declares it
	for _, k := range slices.Sorted(maps.Keys(p.names.usedOapi)) {
		taken[k] = p.names.usedOapi[k]
	}
	for _, n := range slices.Sorted(maps.Keys(p.names.used)) {
		owner := p.names.used[n]
		if _, ok := taken[oapiKey(n)]; !ok && !strings.HasPrefix(owner, oapiOpOwner) {
			taken[oapiKey(n)] = owner
		}
	}
	for i, o := range p.m.Operations {
		no := ops[i]
		var media []string
		if no.RequestBody != nil && no.RequestBody.Value != nil {
			media = slices.Sorted(maps.Keys(no.RequestBody.Value.Content))
		}
		if media == nil {
			media = []string{}
		}
		id, first, by := o.Name, "", ""
		for n := 1; ; n++ {
			clash := ""
			for _, d := range oapiOpNames(id, media) {
				if owner, ok := taken[oapiKey(d)]; ok {
					clash = d
					if first == "" {
						first, by = d, owner
					}
					break
				}
			}
			if clash == "" {
				break
			}
			id = o.Name + "Op"
			if n > 1 {
				id += strconv.Itoa(n)
			}
		}
		if first != "" {
			p.warn(p.spec.Pos("paths", o.Path, strings.ToLower(o.Method)), "paths."+o.Path+"."+strings.ToLower(o.Method),
				"oapi-codegen would declare %s for operation %s, but that name is %s; the raw client's names for it derive from %s instead (New%sRequest, ...)",
				first, o.Name, describeOwner(by), id, id)
		}
		for _, d := range oapiOpNames(id, media) {
			taken[oapiKey(d)] = oapiOpOwner + o.Name
		}
		o.OapiName = id
		no.OperationID = id
	}
}

// describeOwner words a namer owner for a warning.
func describeOwner(owner string) string {
	switch {
	case owner == "reserved":
		return "a name the generated package declares"
	case strings.HasPrefix(owner, "components.") || strings.HasPrefix(owner, "paths."):
		return "the type of " + owner
	case strings.HasPrefix(owner, oapiOpOwner):
		return "declared for operation " + strings.TrimPrefix(owner, oapiOpOwner)
	}
	return "taken by " + owner
}
