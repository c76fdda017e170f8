package gen

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/oasgen/oasgen/gen/diag"
)

// serverKeys are oapi-codegen `generate` keys oasgen cannot honour.
var serverKeys = map[string]bool{
	"iris-server": true, "chi-server": true, "fiber-server": true, "fiber-v3-server": true, "echo-server": true,
	"echo5-server": true, "gin-server": true, "gorilla-server": true, "std-http-server": true, "strict-server": true,
	"embedded-spec": true,
}

// applyOapiKeys maps a spec entry's oapi-codegen keys onto ours. n is the
// entry's node, for positions. Keys that ask for what oasgen does not do
// are errors; keys with no effect are warnings.
func (s *SpecConfig) applyOapiKeys(path string, n *yaml.Node) (warnings, errs diag.List) {
	noEffect := func(key *yaml.Node, where, why string) {
		warnings = append(warnings, diag.Diagnostic{Pos: nodePos(path, key), Where: where, Severity: diag.Warning,
			Msg: "oapi-codegen option accepted but has no effect in oasgen" + why})
	}
	if strings.HasSuffix(s.Output, ".go") {
		// oapi-codegen writes one file; oasgen writes a package directory.
		s.Output = filepath.ToSlash(filepath.Dir(filepath.FromSlash(s.Output)))
	}
	if g := mapValue(n, "generate"); g != nil && s.Generate != nil {
		// oapi-codegen generates only what `generate` lists.
		client := false
		eachKey(g, func(k, v *yaml.Node) {
			on := v.Value == "true"
			switch {
			case k.Value == "client":
				client = on
			case k.Value == "models":
				if !on {
					noEffect(k, "generate.models", ": every component schema always becomes a type")
				}
			case serverKeys[k.Value] && on:
				errs = append(errs, diag.Diagnostic{Pos: nodePos(path, k), Where: "generate." + k.Value,
					Msg: "oasgen generates models and a client, not servers or embedded specs; remove this key or keep using oapi-codegen for it"})
			case on:
				noEffect(k, "generate."+k.Value, "")
			}
		})
		if s.Client == nil {
			s.Client = &client
		}
	}
	for _, sec := range []string{"output-options", "compatibility", "import-mapping", "additional-imports"} {
		v := mapValue(n, sec)
		if v == nil {
			continue
		}
		if v.Kind != yaml.MappingNode {
			noEffect(v, sec, "")
			continue
		}
		eachKey(v, func(k, val *yaml.Node) {
			why := ""
			switch sec + "." + k.Value {
			case "output-options.skip-prune":
				why = ": nothing is pruned, every component schema becomes a type"
			case "output-options.user-templates":
				why = ": put template overrides in a directory named by `templates`"
			case "output-options.exclude-schemas":
				why = ": every component schema becomes a type"
			}
			if isZero(val) {
				return
			}
			noEffect(k, sec+"."+k.Value, why)
		})
	}
	if len(s.AllowRemoteRefsFrom) > 0 {
		s.AllowRemoteRefs = true
	}
	return warnings, errs
}

func eachKey(n *yaml.Node, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

// isZero reports whether a YAML value leaves an option at its default.
func isZero(v *yaml.Node) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Value == "false" || v.Value == "" || v.Value == "0" || v.Tag == "!!null"
	case yaml.MappingNode, yaml.SequenceNode:
		return len(v.Content) == 0
	}
	return false
}
