package plan

import (
	"strings"
	"testing"
)

// TestOpGroups: x-speakeasy-group wins over tags, dots join, the first tag
// groups otherwise, ungrouped operations go on the client's page, groups
// whose names differ only in case get distinct directories, and usage
// examples are ordered by position.
func TestOpGroups(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
tags:
  - {name: pets, description: All about pets.}
paths:
  /a:
    get:
      operationId: a
      tags: [pets, other]
      x-speakeasy-usage-example: {title: Second, position: 2}
      responses: {"204": {description: ok}}
  /b:
    get:
      operationId: b
      tags: [pets]
      x-speakeasy-group: pets.photos
      x-speakeasy-usage-example: {title: First, position: 1}
      responses: {"204": {description: ok}}
  /c:
    get:
      operationId: c
      x-speakeasy-usage-example: false
      responses: {"204": {description: ok}}
  /d:
    get:
      operationId: d
      tags: [Pets]
      responses: {"204": {description: ok}}
`)
	var got []string
	for _, g := range m.OpGroups {
		var ops []string
		for _, d := range g.Ops {
			ops = append(ops, d.Op.Name+"#"+d.Anchor)
		}
		got = append(got, g.Name+" "+g.File+" ["+g.Doc+"] "+strings.Join(ops, ","))
	}
	want := []string{
		"Pets pets [All about pets.] A#a",
		"PetsPhotos petsphotos [] B#b",
		"APIClient apiclient [] C#c",
		"Pets pets2 [] D#d",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var usage []string
	for _, d := range m.UsageOps {
		usage = append(usage, d.Usage.Title)
	}
	if strings.Join(usage, ",") != "First,Second" {
		t.Errorf("usage examples %q, want First,Second", usage)
	}
}

// TestSnippetArgs: a snippet passes the body's constructor with example
// values (the property's example, an enum's first constant, a schema's
// minimum, a placeholder), and the Args struct with its required fields.
func TestSnippetArgs(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths:
  /o/{id}:
    post:
      operationId: order
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: kind, in: query, required: true, schema: {type: string, enum: [x, y]}}
        - {name: page, in: query, schema: {type: integer}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, qty, color, note]
              properties:
                name: {type: string, example: Rex}
                qty: {type: integer, minimum: 1, exclusiveMinimum: false}
                color: {type: string, enum: [red, blue]}
                note: {type: string}
      responses: {"204": {description: ok}}
`)
	d := m.OpGroups[0].Ops[0]
	if d.Example != "" {
		t.Errorf("Example %q without an import path", d.Example)
	}
	var got []string
	for _, a := range d.Args {
		got = append(got, argString(a))
	}
	want := "<id> | Args(Kind=OrderKindParamX) | NewOrderBody(Rex, 1, OrderBodyColorRed, <note>)"
	if strings.Join(got, " | ") != want {
		t.Errorf("args %s\nwant %s", strings.Join(got, " | "), want)
	}
	var rows []string
	for _, p := range d.Params {
		rows = append(rows, p.Name)
	}
	if strings.Join(rows, ",") != "ctx,id,params,params.Kind,params.Page,body,opts" {
		t.Errorf("parameter rows %v", rows)
	}
}

func argString(a *ExampleArg) string {
	switch {
	case a.Args != nil:
		var fs []string
		for _, f := range a.ArgFields {
			fs = append(fs, f.Field.Name+"="+argString(f.Value))
		}
		return "Args(" + strings.Join(fs, ",") + ")"
	case a.Ctor != nil:
		var as []string
		for _, c := range a.CtorArgs {
			as = append(as, argString(c))
		}
		return a.Ctor.Ctor + "(" + strings.Join(as, ", ") + ")"
	case a.Value != nil && a.Value.Const != nil:
		return a.Value.Const.Name
	case a.Value != nil && a.Value.String != nil:
		return *a.Value.String
	case a.Value != nil:
		return a.Value.Number
	}
	return "zero"
}
