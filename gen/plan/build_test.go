package plan

import (
	"slices"
	"strings"
	"testing"
)

// typeNamed finds a planned type by Go name.
func typeNamed(t *testing.T, m *Model, name string) *Type {
	t.Helper()
	for _, ty := range m.Types {
		if ty.Name == name {
			return ty
		}
	}
	var names []string
	for _, ty := range m.Types {
		names = append(names, ty.Name)
	}
	t.Fatalf("no type %s; the plan has %v", name, names)
	return nil
}

func fieldNamed(t *testing.T, ty *Type, name string) *Field {
	t.Helper()
	for _, f := range ty.Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", ty.Name, name)
	return nil
}

// TestWraps: required and not nullable is plain, optional is Opt, nullable
// (by nullable: true, a null in type, a null in enum) is Nullable whether
// required or not.
func TestWraps(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      type: object
      required: [id, name, tag]
      properties:
        id: {type: integer}
        name: {type: [string, "null"]}
        tag: {type: string, enum: [a, b, null]}
        age: {type: integer}
        note: {type: [string, "null"]}
`)
	pet := typeNamed(t, m, "Pet")
	for _, tt := range []struct {
		field    string
		wrap     Wrap
		required bool
	}{
		{"ID", Plain, true},
		{"Name", NullableWrap, true},
		{"Tag", NullableWrap, true},
		{"Age", Optional, false},
		{"Note", NullableWrap, false},
	} {
		f := fieldNamed(t, pet, tt.field)
		if f.Wrap != tt.wrap || f.Required != tt.required {
			t.Errorf("%s: Wrap %v, Required %v; want %v, %v", tt.field, f.Wrap, f.Required, tt.wrap, tt.required)
		}
	}
}

// TestTypeOrderAndNames: component schemas come first in key order with
// their own names (Go-cased, with initialisms); inline types follow.
func TestTypeOrderAndNames(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    zeta_item:
      type: object
      properties:
        owner_url:
          type: object
          properties: {href: {type: string}}
    account_id: {type: string}
    Alpha: {type: object, properties: {id: {type: string}}}
`)
	var got []string
	for _, ty := range m.Types {
		got = append(got, ty.Name)
	}
	want := []string{"AccountID", "Alpha", "ZetaItem", "ZetaItemOwnerURL"}
	if !slices.Equal(got, want) {
		t.Errorf("types %v, want %v", got, want)
	}
	if f := fieldNamed(t, typeNamed(t, m, "Alpha"), "ID"); f.JSONName != "id" {
		t.Errorf("Alpha.ID has JSON name %q", f.JSONName)
	}
	if ty := typeNamed(t, m, "AccountID"); ty.SchemaName != "account_id" || ty.Where != "components.schemas.account_id" || ty.Kind != KindAlias {
		t.Errorf("AccountID: schema %q, where %q, kind %v", ty.SchemaName, ty.Where, ty.Kind)
	}
}

// TestEnumConstants: an enum is a defined type with one constant per
// value, named <Type><Value>; a repeated value is kept once, with a
// warning at the enum.
func TestEnumConstants(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Status:
      type: string
      enum: [active, in-review, active]
    Level:
      type: integer
      enum: [1, 2]
`)
	st := typeNamed(t, m, "Status")
	if st.Kind != KindEnum || st.Enum == nil {
		t.Fatalf("Status is kind %v, not an enum", st.Kind)
	}
	var names []string
	for _, v := range st.Enum.Values {
		names = append(names, v.Name)
	}
	if want := []string{"StatusActive", "StatusInReview"}; !slices.Equal(names, want) {
		t.Errorf("Status constants %v, want %v", names, want)
	}
	if !strings.Contains(warnings, `components.schemas.Status: enum value "active" is listed twice; kept once`) {
		t.Errorf("no warning for the repeated value:\n%s", warnings)
	}
	lv := typeNamed(t, m, "Level")
	if lv.Kind != KindEnum || len(lv.Enum.Values) != 2 || lv.Enum.Values[0].Value != int64(1) {
		t.Errorf("Level: kind %v, values %+v", lv.Kind, lv.Enum)
	}
}

// TestCtorFieldsInSpecOrder: the constructor takes the required fields
// that are not readOnly, in the order the spec lists them (not sorted), so
// adding a property never moves an argument.
func TestCtorFieldsInSpecOrder(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Order:
      type: object
      required: [zip, id, amount, city]
      properties:
        zip: {type: string}
        id: {type: string, readOnly: true}
        note: {type: string}
        amount: {type: number}
        city: {type: string}
`)
	o := typeNamed(t, m, "Order")
	var got []string
	for _, f := range o.CtorFields {
		got = append(got, f.Name)
	}
	if want := []string{"Zip", "Amount", "City"}; !slices.Equal(got, want) {
		t.Errorf("constructor fields %v, want %v", got, want)
	}
	if o.Ctor != "NewOrder" {
		t.Errorf("constructor %q, want NewOrder", o.Ctor)
	}
}

// TestRecursionThroughPointer: a struct that would contain itself by value
// holds the field as a pointer; through a slice it needs none.
func TestRecursionThroughPointer(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Node:
      type: object
      required: [parent]
      properties:
        parent: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
`)
	n := typeNamed(t, m, "Node")
	if p := fieldNamed(t, n, "Parent"); !p.Type.Pointer {
		t.Errorf("Node.Parent is not a pointer: the struct would contain itself")
	}
	if c := fieldNamed(t, n, "Children"); c.Type.Pointer || c.Type.Elem == nil || c.Type.Elem.Pointer {
		t.Errorf("Node.Children: %+v; a slice needs no pointer", c.Type)
	}
}

// TestDefaults: a default becomes a Go value and a getter; one that does
// not match its schema is warned about at the default's position.
func TestDefaults(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Page:
      type: object
      properties:
        size: {type: integer, default: 20}
        sort: {type: string, default: 7}
`)
	size := fieldNamed(t, typeNamed(t, m, "Page"), "Size")
	if size.Default != "20" || size.DefaultValue == nil || size.DefaultGetter != "SizeOrDefault" {
		t.Errorf("Size: default %q, value %v, getter %q", size.Default, size.DefaultValue, size.DefaultGetter)
	}
	if !strings.Contains(warnings, "openapi.yaml:10:39: warning: components.schemas.Page.properties.sort.default: default does not match its schema") {
		t.Errorf("no positioned warning for the wrong default:\n%s", warnings)
	}
}

// TestBuildIsDeterministic: the same spec plans to the same type and field
// order every time (maps are never ranged over unsorted).
func TestBuildIsDeterministic(t *testing.T) {
	const spec = `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    B: {type: object, properties: {y: {type: string}, x: {type: object, properties: {q: {type: string}}}}}
    A: {type: object, additionalProperties: {type: object, properties: {k: {type: string}}}}
    C: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
`
	shape := func() string {
		m, _ := buildSpec(t, "openapi.yaml", spec)
		var b strings.Builder
		for _, ty := range m.Types {
			b.WriteString(ty.Name + ":")
			for _, f := range ty.Fields {
				b.WriteString(" " + f.Name)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	first := shape()
	for range 5 {
		if got := shape(); got != first {
			t.Fatalf("plans differ:\n%s\nvs\n%s", first, got)
		}
	}
}

// TestUncheckedKeywords: assertions no Go type or Validate holds (3.1's
// propertyNames on a map, not, if) are warned of at the schema, once,
// and the type is planned from the rest of the schema.
func TestUncheckedKeywords(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    Items:
      type: object
      additionalProperties: {type: string}
      propertyNames: {pattern: '^[a-z]+$'}
    Holder:
      type: object
      properties:
        code:
          type: string
          not: {const: ""}
        items: {$ref: '#/components/schemas/Items'}
`)
	for _, want := range []string{
		"openapi.yaml:6:5: warning: components.schemas.Items.propertyNames: propertyNames: not checked by Validate",
		"openapi.yaml:13:9: warning: components.schemas.Holder.properties.code.not: not: not checked by Validate",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("missing %q in:\n%s", want, warnings)
		}
	}
	if n := strings.Count(warnings, "propertyNames: not checked"); n != 1 {
		t.Errorf("propertyNames warned %d times, want once:\n%s", n, warnings)
	}
	if f := fieldNamed(t, typeNamed(t, m, "Holder"), "Code"); f.Type.Kind != RefBuiltin || f.Type.Builtin != String {
		t.Errorf("Code: %+v, want a string", f.Type)
	}
}

// TestInlineNamedAfterOwner: an inline schema a component declares is named
// after that component, whatever schema that flattens it through allOf
// sorts before it; adding one does not rename it.
func TestInlineNamedAfterOwner(t *testing.T) {
	const base = `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Base:
      type: object
      properties:
        card:
          type: object
          properties:
            number: {type: string}
    Account:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            extra: {type: boolean}
`
	for _, doc := range []string{base, base + `    Aaa:
      allOf:
        - {$ref: '#/components/schemas/Mid'}
    Mid:
      allOf:
        - {$ref: '#/components/schemas/Base'}
`} {
		m, _ := buildSpec(t, "openapi.yaml", doc)
		card := typeNamed(t, m, "BaseCard")
		if card.Where != "components.schemas.Base.properties.card" {
			t.Errorf("BaseCard is at %s", card.Where)
		}
		for _, name := range []string{"Base", "Account"} {
			if f := fieldNamed(t, typeNamed(t, m, name), "Card"); f.Type.Named != card {
				t.Errorf("%s.Card is %v, want BaseCard", name, f.Type)
			}
		}
	}
}
