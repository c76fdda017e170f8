package gen

import (
	"encoding/json"
	"reflect"
	"strings"
)

// configDocs describes our own config keys in the JSON Schema; oapi-codegen's
// keys get a pointer to its documentation.
var configDocs = map[string]string{
	"specs":                  "The specs to generate, each into one Go package. Leave it out to describe a single spec at the top level (oapi-codegen's shape).",
	"spec":                   "The OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON), relative to this file. Relative $refs to other files are followed.",
	"package":                "Go package name of the generated code.",
	"output":                 "Output directory, relative to this file. A path ending in .go (oapi-codegen's output file) means its directory.",
	"strict":                 "Turn spec warnings into errors.",
	"allow-remote-refs":      "Allow $refs to http(s) URLs (off: a generator run in CI must not fetch from the network).",
	"docs":                   "Write the Markdown docs: a page per schema under docs/models and, with the client, a page per operation group under docs/sdks (default true).",
	"client":                 "Generate the HTTP clients: APIClient and, unless raw-client is false, oapi-codegen's in <output>/raw (default true).",
	"raw-client":             "With client, also generate oapi-codegen's low-level client in <output>/raw (default true); false leaves it out, and the output costs 30–40 % less to compile.",
	"groups":                 "tags: each operation without x-speakeasy-group goes into the sub-client of its first tag (c.Pets.ListPets). Unset: only x-speakeasy-group makes sub-clients.",
	"infer-pagination":       "Give list operations without x-speakeasy-pagination page iterators when they follow a common pattern: a string property next in the response body (a cursor for a cursor-like query parameter, else the next page's URL) or a Link header rel=\"next\" the 2xx response declares (default false).",
	"import-path":            "Import path of the generated package, which the raw client package (<output>/raw) imports for the models. Default: derived from the nearest go.mod above output; set it when there is none yet.",
	"templates":              "Directory of oapi-codegen template overrides (<template name>.tmpl), relative to this file. At the top level it is the default for every spec.",
	"generate":               "oapi-codegen: what to generate. client maps to `client`; models is always on; servers and embedded-spec are errors.",
	"output-options":         "oapi-codegen: output options. Accepted for compatibility; they have no effect (a warning says so).",
	"compatibility":          "oapi-codegen: compatibility switches. Accepted; no effect (a warning says so).",
	"import-mapping":         "oapi-codegen: external ref → Go import. Accepted; no effect: oasgen follows relative $refs itself.",
	"additional-imports":     "oapi-codegen: extra imports. Accepted; no effect.",
	"allow-remote-refs-from": "oapi-codegen: hosts remote $refs may name. Any entry turns on allow-remote-refs.",
}

// ConfigSchema is the JSON Schema of the config file, derived from the Go
// types that decode it (so the two cannot drift): docs/gen.schema.json.
func ConfigSchema() ([]byte, error) {
	s := schemaOf(reflect.TypeFor[Config]())
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://github.com/oasgen/oasgen/docs/gen.schema.json"
	s["title"] = "oasgen config (spec/gen.yaml)"
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func schemaOf(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Struct:
		props := map[string]any{}
		// Our descriptions are for our keys, not for same-named keys
		// nested in oapi-codegen's options.
		ours := t == reflect.TypeFor[Config]() || t == reflect.TypeFor[SpecConfig]()
		structProps(t, props, ours)
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	}
	return map[string]any{}
}

func structProps(t reflect.Type, props map[string]any, describe bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			structProps(f.Type, props, describe)
			continue
		}
		if name == "" {
			continue
		}
		s := schemaOf(f.Type)
		if d, ok := configDocs[name]; ok && describe {
			s["description"] = d
		}
		props[name] = s
	}
}
