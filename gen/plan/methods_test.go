package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/load"
)

const methodsSpec = `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pets'}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
        tags: {type: array, uniqueItems: true, items: {type: string}}
        seen: {type: array, uniqueItems: true, items: {type: string, format: date-time}}
        owners: {type: array, uniqueItems: true, items: {$ref: '#/components/schemas/Owner'}}
        kinds: {type: array, uniqueItems: true, items: {$ref: '#/components/schemas/Kind'}}
    Owner:
      type: object
      properties:
        name: {type: string}
    Kind: {type: string, enum: [cat, dog]}
    OpenKind: {type: string, enum: [a, b], x-speakeasy-unknown-values: allow}
    Pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
    Name: {type: string}
    Short: {type: string, maxLength: 3}
    When: {type: string, format: date-time}
    Loose: {type: object, additionalProperties: {type: string, minLength: 1}}
    Node:
      type: object
      properties:
        next: {$ref: '#/components/schemas/Node'}
    Either:
      oneOf: [{$ref: '#/components/schemas/Owner'}, {$ref: '#/components/schemas/Kind'}]
    Holder:
      type: object
      properties:
        list: {type: array, items: {$ref: '#/components/schemas/Either'}}
`

// TestMethodSets: the plan says which JSON methods each type declares.
func TestMethodSets(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", methodsSpec)
	for _, c := range []struct {
		name              string
		append, marshaler bool
	}{
		{"Pet", true, true},    // struct
		{"Kind", true, false},  // enum: encoding/json is cheap, binding sees a string
		{"Pets", true, true},   // alias of a slice
		{"Name", true, false},  // alias of a builtin
		{"When", false, false}, // Go alias of time.Time: time's methods
		{"Loose", true, true},  // alias of a map
		{"OpenKind", true, false} /* enum */, {"Node", true, true},
	} {
		ty := typeNamed(t, m, c.name)
		if got := ty.HasAppendJSON(); got != c.append {
			t.Errorf("%s.HasAppendJSON() = %v, want %v", c.name, got, c.append)
		}
		if got := ty.HasMarshalJSON(); got != c.marshaler {
			t.Errorf("%s.HasMarshalJSON() = %v, want %v", c.name, got, c.marshaler)
		}
	}
}

// TestNeedsValidation: what Validate has to check, decided by the plan.
func TestNeedsValidation(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", methodsSpec)
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Kind", true},      // a closed enum rejects unknown values
		{"OpenKind", false}, // an open one accepts them
		{"Name", false},     // any string
		{"Short", true},     // maxLength
		{"When", false},     // date-time is checked by decoding
		{"Loose", true},     // its values' minLength
		{"Owner", false},    // nothing required, nothing constrained
		{"Pet", true},       // its uniqueItems and enum items
		{"Node", true},      // reaches itself: assumed to
	} {
		if got := typeNamed(t, m, c.name).NeedsValidation(); got != c.want {
			t.Errorf("%s.NeedsValidation() = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestValidatesUnion: a Validate that decodes a union (so allocates) is
// known to the plan, through slices and aliases.
func TestValidatesUnion(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", methodsSpec)
	for name, want := range map[string]bool{"Either": true, "Holder": true, "Pet": false, "Node": false} {
		if got := typeNamed(t, m, name).ValidatesUnion(); got != want {
			t.Errorf("%s.ValidatesUnion() = %v, want %v", name, got, want)
		}
	}
}

// TestUniqueItemsNotComparable: uniqueItems stays on items == can compare
// (strings, enums) and is dropped with a positioned warning on the others
// (time.Time, structs), so no emitter has to decide.
func TestUniqueItemsNotComparable(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", methodsSpec)
	pet := typeNamed(t, m, "Pet")
	for _, c := range []struct {
		field string
		kept  bool
	}{{"Tags", true}, {"Kinds", true}, {"Seen", false}, {"Owners", false}} {
		if got := fieldNamed(t, pet, c.field).Type.C.UniqueItems; got != c.kept {
			t.Errorf("Pet.%s uniqueItems = %v, want %v", c.field, got, c.kept)
		}
	}
	for _, want := range []string{
		"components.schemas.Pet.properties.seen: uniqueItems on items of type Time cannot be checked",
		"components.schemas.Pet.properties.owners: uniqueItems on items of type Owner cannot be checked",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
	if strings.Contains(warnings, "properties.tags: uniqueItems") || strings.Contains(warnings, "properties.kinds: uniqueItems") {
		t.Errorf("a comparable uniqueItems is warned about:\n%s", warnings)
	}
	if !strings.Contains(warnings, "openapi.yaml:") {
		t.Errorf("warnings carry no position:\n%s", warnings)
	}
}

// TestFilesPlanned: the plan, not the emitter, says whether the client and
// the Markdown pages exist, and readies oapi-codegen's document only for
// the client.
func TestFilesPlanned(t *testing.T) {
	for _, c := range []struct {
		opts              Options
		client, raw, docs bool
	}{
		{Options{Package: "p", Client: true, RawClient: true, Docs: true}, true, true, true},
		{Options{Package: "p", Client: true, Docs: true}, true, false, true},
		{Options{Package: "p", Client: true, RawClient: true}, true, true, false},
		{Options{Package: "p", RawClient: true, Docs: true}, false, false, true},
		{Options{Package: "p"}, false, false, false},
	} {
		m := buildSpecOpts(t, methodsSpec, c.opts)
		if m.Client != c.client || m.RawClient != c.raw || m.Docs != c.docs {
			t.Errorf("Build(Client: %v, RawClient: %v, Docs: %v) planned Client %v, RawClient %v, Docs %v",
				c.opts.Client, c.opts.RawClient, c.opts.Docs, m.Client, m.RawClient, m.Docs)
		}
	}
	// Without operations there is no client to generate.
	noOps := strings.Replace(methodsSpec, "paths:\n  /pets:", "paths: {}\nx-unused:\n  /pets:", 1)
	m := buildSpecOpts(t, noOps, Options{Package: "p", Client: true})
	if m.Client {
		t.Error("a spec without operations planned a client")
	}
}

func buildSpecOpts(t *testing.T, spec string, opts Options) *Model {
	t.Helper()
	path := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPatternsPlanned: each type's compiled patterns are named by the
// plan, once per expression, in expression order; items count too.
func TestPatternsPlanned(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Code:
      type: object
      properties:
        b: {type: string, pattern: '^b+$'}
        a: {type: string, pattern: '^a+$'}
        again: {type: string, pattern: '^b+$'}
        list: {type: array, items: {type: string, pattern: '^c$'}}
    Other:
      type: object
      properties:
        a: {type: string, pattern: '^a+$'}
`)
	code := typeNamed(t, m, "Code")
	var exprs []string
	for _, p := range code.Patterns {
		exprs = append(exprs, p.Expr)
		if !strings.HasPrefix(p.Var, "patternCode") || code.PatternVar(p.Expr) != p.Var {
			t.Errorf("pattern %q is held in %q", p.Expr, p.Var)
		}
	}
	if got, want := strings.Join(exprs, " "), "^a+$ ^b+$ ^c$"; got != want {
		t.Errorf("Code's patterns = %s, want %s", got, want)
	}
	if a, b := code.PatternVar("^a+$"), typeNamed(t, m, "Other").PatternVar("^a+$"); a == b || b == "" {
		t.Errorf("Code and Other hold ^a+$ in %q and %q, want two variables", a, b)
	}
	if v := code.PatternVar("^z$"); v != "" {
		t.Errorf("PatternVar of an unused pattern = %q", v)
	}
}

// TestWrapCarriesNull: a field's Wrap alone says whether it may be null;
// its Type never does.
func TestWrapCarriesNull(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    T:
      type: object
      required: [req, reqNull]
      properties:
        req: {type: string}
        reqNull: {type: string, nullable: true}
        opt: {type: string}
        optNull: {type: string, nullable: true}
`)
	ty := typeNamed(t, m, "T")
	for name, want := range map[string]Wrap{"Req": Plain, "ReqNull": NullableWrap, "Opt": Optional, "OptNull": NullableWrap} {
		fl := fieldNamed(t, ty, name)
		if fl.Wrap != want || fl.Type.Nullable {
			t.Errorf("%s: Wrap %v, Type.Nullable %v; want Wrap %v and a Type that is not nullable", name, fl.Wrap, fl.Type.Nullable, want)
		}
	}
}

// TestValidatedBeforeSending: the client validates named values that have
// a Validate method, never a nullable one (an oas.Nullable) or a Go alias
// of a type from elsewhere.
func TestValidatedBeforeSending(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", methodsSpec)
	pet, when := typeNamed(t, m, "Pet"), typeNamed(t, m, "When")
	for _, c := range []struct {
		r    *Ref
		want bool
	}{
		{&Ref{Kind: RefNamed, Named: pet}, true},
		{&Ref{Kind: RefNamed, Named: pet, Nullable: true}, false},
		{&Ref{Kind: RefNamed, Named: when}, false},
		{&Ref{Kind: RefBuiltin, Builtin: String}, false},
		{nil, false},
	} {
		if got := c.r.ValidatedBeforeSending(); got != c.want {
			t.Errorf("%+v.ValidatedBeforeSending() = %v, want %v", c.r, got, c.want)
		}
	}
}
