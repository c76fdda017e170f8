package plan

// Servers: the base URLs the spec lists, with their variables resolved.

import (
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// resolveServer substitutes each server variable's default into the URL.
func resolveServer(sv *openapi3.Server) string {
	u := sv.URL
	names := slices.Sorted(maps.Keys(sv.Variables))
	for _, k := range names {
		if v := sv.Variables[k]; v != nil {
			u = strings.ReplaceAll(u, "{"+k+"}", v.Default)
		}
	}
	return u
}
