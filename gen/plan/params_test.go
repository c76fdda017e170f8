package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/load"
)

// buildSpec plans spec (written to name) and returns the model with the
// loader's and the planner's warnings.
func buildSpec(t *testing.T, name, spec string) (*Model, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	return m, s.Warnings.Error() + "\n" + m.Warnings.Error()
}

// TestParamStyles: each parameter's style and explode are the spec's or
// the defaults of its location; content application/json makes it JSON;
// what cannot be honoured is warned about at the parameter, with what is
// sent instead.
func TestParamStyles(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /x/{id}/{lab}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: array, items: {type: string}}}
        - {name: lab, in: path, required: true, style: label, explode: true, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
        - {name: fields, in: query, explode: false, schema: {type: array, items: {type: string}}}
        - {name: sp, in: query, style: spaceDelimited, schema: {type: array, items: {type: string}}}
        - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
        - {name: where, in: query, content: {application/json: {schema: {type: object, properties: {a: {type: integer}}}}}}
        - {name: text, in: query, content: {text/plain: {schema: {type: string}}}}
        - {name: res, in: query, allowReserved: true, schema: {type: string}}
        - {name: X-H, in: header, schema: {type: array, items: {type: integer}}}
        - {name: c, in: cookie, schema: {type: string}}
        - {name: bad, in: query, style: matrix, schema: {type: string}}
        - {name: deepPrim, in: query, style: deepObject, schema: {type: string}}
        - {name: deepNoExplode, in: query, style: deepObject, explode: false, schema: {type: object, properties: {a: {type: string}}}}
        - {name: nested, in: query, schema: {type: object, properties: {a: {type: array, items: {type: string}}}}}
        - {name: free, in: query, schema: {}}
        - {name: hres, in: header, allowReserved: true, schema: {type: string}}
      responses:
        "204": {description: ok}
`)
	want := map[string]string{
		"id":            "simple false false",
		"lab":           "label true false",
		"q":             "form true false",
		"fields":        "form false false",
		"sp":            "spaceDelimited false false",
		"filter":        "deepObject true false",
		"where":         "form false true",
		"text":          "form true false",
		"res":           "form true false reserved",
		"X-H":           "simple false false",
		"c":             "form true false",
		"bad":           "form false false",
		"deepPrim":      "form true false",
		"deepNoExplode": "deepObject true false",
		"nested":        "form true false",
		"free":          "form true false",
		"hres":          "simple false false",
	}
	for _, p := range m.Operations[0].Params {
		got := fmt.Sprintf("%s %v %v", p.Style, p.Explode, p.JSON)
		if p.AllowReserved {
			got += " reserved"
		}
		if got != want[p.Name] {
			t.Errorf("%s: %s, want %s", p.Name, got, want[p.Name])
		}
	}
	if w := m.Operations[0].Params[6]; w.Type.Kind != RefNamed || w.Type.Named.Kind != KindStruct {
		t.Errorf("content parameter's type is %+v, want its schema's struct", w.Type)
	}
	for _, w := range []string{
		`parameters.bad: parameter "bad": style matrix is not defined for query parameters; sent in style form, explode false as matrix's default`,
		`parameters.deepPrim: parameter "deepPrim": deepObject is only defined for objects; sent in style form, exploded`,
		`parameters.deepNoExplode: parameter "deepNoExplode": deepObject is only defined with explode true; sent exploded`,
		`parameters.nested: parameter "nested": style form has no form for nested arrays or objects; nested values are sent as JSON text`,
		`parameters.free: parameter "free" has a free-form schema`,
		`parameters.hres: parameter "hres": allowReserved applies to query parameters only; ignored`,
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("no warning %q in\n%s", w, warnings)
		}
	}
	for _, quiet := range []string{`"text"`, `"where"`, `"filter"`, `"fields"`, `"sp"`} {
		if strings.Contains(warnings, quiet) {
			t.Errorf("unexpected warning about %s:\n%s", quiet, warnings)
		}
	}
}

// TestSwaggerCollectionFormat: Swagger 2.0 query arrays are comma-joined
// unless collectionFormat says otherwise (openapi2conv alone leaves the
// default exploded); formats OpenAPI 3 lacks are warned about.
func TestSwaggerCollectionFormat(t *testing.T) {
	m, warnings := buildSpec(t, "swagger.yaml", `swagger: "2.0"
info: {title: S, version: "1"}
paths:
  /x/{ids}:
    get:
      parameters:
        - {name: ids, in: path, required: true, type: array, items: {type: string}}
        - {name: def, in: query, type: array, items: {type: string}}
        - {name: csv, in: query, type: array, collectionFormat: csv, items: {type: string}}
        - {name: multi, in: query, type: array, collectionFormat: multi, items: {type: string}}
        - {name: pipes, in: query, type: array, collectionFormat: pipes, items: {type: string}}
        - {name: tsv, in: query, type: array, collectionFormat: tsv, items: {type: string}}
        - $ref: "#/parameters/shared"
      responses:
        "204": {description: ok}
parameters:
  shared: {name: shared, in: query, type: array, items: {type: integer}}
`)
	want := map[string]string{"ids": "simple false", "def": "form false", "csv": "form false", "multi": "form true",
		"pipes": "pipeDelimited false", "tsv": "form false", "shared": "form false"}
	for _, p := range m.Operations[0].Params {
		if got := fmt.Sprintf("%s %v", p.Style, p.Explode); got != want[p.Name] {
			t.Errorf("%s: %s, want %s", p.Name, got, want[p.Name])
		}
	}
	if !strings.Contains(warnings, "collectionFormat tsv of a query parameter has no OpenAPI 3 style") {
		t.Errorf("no tsv warning in\n%s", warnings)
	}
}

// TestFramingHeadersIgnored: header parameters Go's HTTP client writes
// from the request itself (and drops from its headers) get no field, each
// with a warning saying why; other headers keep theirs.
func TestFramingHeadersIgnored(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths:
  /foo:
    get:
      operationId: getFoo
      parameters:
        - {name: Content-Length, in: header, required: true, schema: {type: integer}}
        - {name: host, in: header, schema: {type: string}}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses: {"200": {description: ok}}
`)
	var got []string
	for _, o := range m.Operations {
		for _, p := range o.Params {
			got = append(got, p.Name)
		}
	}
	if strings.Join(got, ",") != "X-Trace" {
		t.Errorf("parameters %q, want X-Trace alone", got)
	}
	for _, name := range []string{`"Content-Length" is ignored, as Go's HTTP client`, `"host" is ignored, as Go's HTTP client`} {
		if !strings.Contains(warnings, name) {
			t.Errorf("no warning %s in:\n%s", name, warnings)
		}
	}
}
