package emit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// examplesFile holds the operations' Example functions, so go test
// compiles every snippet the docs pages show and pkg.go.dev lists them
// under their methods. They have no Output comment: go test compiles them
// without calling the API. They are in the package itself (the snippets'
// qualified names render unqualified there), so they need no import path
// to build and never clash with hand-written examples, which are usually
// in the external test package.
const examplesFile = "examples.gen_test.go"

// genExamples renders examples.gen_test.go:
//
//	func ExampleAPIClient_CreateConnectSession() { ... }
//
// nil when no operation has an Example function.
func genExamples(m *plan.Model) (*File, error) {
	f := jen.NewFilePathName(m.ImportPath, m.Package)
	f.NoFormat = true // write formats it
	f.ImportName(plan.RuntimePath, "oas")
	some := false
	for _, g := range m.OpGroups {
		for _, d := range g.Ops {
			if d.Example == "" {
				continue
			}
			some = true
			comment(f, wrapText(d.Example+" calls "+d.Op.Name+" with example arguments.", 77))
			f.Func().Id(d.Example).Params().Block(snippet(m, d)...)
		}
	}
	if !some {
		return nil, nil
	}
	out, err := render(f, examplesFile)
	return &out, err
}

// snippet is the body of an operation's usage example: a client, the
// call with example arguments, and the result's use.
func snippet(m *plan.Model, d *plan.OpDoc) []jen.Code {
	o := d.Op
	pkg := m.ImportPath
	fatal := jen.If(jen.Err().Op("!=").Nil()).Block(jen.Qual("log", "Fatal").Call(jen.Err()))
	opts := jen.Qual(pkg, m.Names.Options).Values()
	if d.FromEnv {
		opts = jen.Qual(pkg, m.Names.OptionsFromEnv).Call()
	}
	code := []jen.Code{
		jen.Id("ctx").Op(":=").Qual("context", "Background").Call(),
		jen.Line(),
		jen.List(jen.Id("client"), jen.Err()).Op(":=").Qual(pkg, m.Names.NewAPIClient).Call(opts),
		fatal,
		jen.Line(),
	}
	args := []jen.Code{jen.Id("ctx")}
	for _, a := range d.Args {
		args = append(args, exampleArg(m, a))
	}
	sel := jen.Id("client")
	for _, name := range d.Call {
		sel = sel.Dot(name)
	}
	call := sel.Call(args...)
	if d.Events {
		// The method returns an iterator over the stream's events.
		return append(code, jen.For(jen.List(jen.Id("event"), jen.Err()).Op(":=").Range().Add(call)).Block(
			fatal,
			jen.Qual("fmt", "Printf").Call(jen.Lit("%+v\n"), jen.Id("event").Dot("Data")),
		))
	}
	hasResult := o.Result != nil || o.ResultType != ""
	if hasResult {
		code = append(code, jen.List(jen.Id("res"), jen.Err()).Op(":=").Add(call))
	} else {
		code = append(code, jen.Err().Op("=").Add(call))
	}
	code = append(code, fatal)
	switch {
	case !hasResult:
	case o.ResultType == "" && o.Result.Kind == plan.BodyBinary:
		code = append(code,
			jen.Defer().Id("res").Dot("Close").Call(),
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual("io", "Copy").Call(jen.Qual("os", "Stdout"), jen.Id("res")), jen.Err().Op("!=").Nil()).Block(
				jen.Qual("log", "Fatal").Call(jen.Err())))
	default:
		code = append(code, jen.Qual("fmt", "Printf").Call(jen.Lit("%+v\n"), jen.Id("res")))
	}
	return code
}

// exampleArg is the Go expression of an argument the snippet passes.
func exampleArg(m *plan.Model, a *plan.ExampleArg) jen.Code {
	switch {
	case a.Args != nil:
		return jen.Qual(m.ImportPath, a.Args.Name).Values(jen.DictFunc(func(d jen.Dict) {
			for _, f := range a.ArgFields {
				d[jen.Id(f.Field.Name)] = exampleArg(m, f.Value)
			}
		}))
	case a.Reader != nil:
		return jen.Qual("strings", "NewReader").Call(jen.Lit(*a.Reader))
	case a.Text != nil:
		return jen.Lit(*a.Text)
	case a.Ctor != nil:
		var args []jen.Code
		for _, c := range a.CtorArgs {
			args = append(args, exampleArg(m, c))
		}
		return jen.Qual(m.ImportPath, a.Ctor.Ctor).Call(args...)
	case a.Value != nil:
		return exampleLit(m, a.Ref, a.Value)
	}
	return exampleZero(m, a.Ref)
}

// qualType is goType with the package's own types qualified, for code
// outside the package (snippets and Example functions).
func qualType(m *plan.Model, r *plan.Ref) jen.Code {
	var c *jen.Statement
	switch r.Kind {
	case plan.RefNamed:
		c = jen.Qual(m.ImportPath, r.Named.Name)
		if r.Pointer {
			c = jen.Op("*").Qual(m.ImportPath, r.Named.Name)
		}
	case plan.RefSlice:
		c = jen.Index().Add(qualType(m, r.Elem))
	case plan.RefMap:
		c = jen.Map(jen.String()).Add(qualType(m, r.Elem))
	case plan.RefExternal:
		c = qual(r.Go)
	default:
		c = builtinType(r.Builtin)
	}
	if r.Nullable {
		return jen.Qual(oasPkg, "Nullable").Types(c)
	}
	return c
}

// exampleLit is the expression of the example value l (a string, an enum
// constant or null) for a value of r.
func exampleLit(m *plan.Model, r *plan.Ref, l *plan.Literal) jen.Code {
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		if l.Null {
			return jen.Qual(oasPkg, "Null").Types(qualType(m, &inner)).Call()
		}
		return jen.Qual(oasPkg, "Value").Types(qualType(m, &inner)).Call(exampleLit(m, &inner, l))
	}
	switch {
	case l.Const != nil:
		return jen.Qual(m.ImportPath, l.Const.Name)
	case l.String != nil && r.Kind == plan.RefNamed:
		return jen.Qual(m.ImportPath, r.Named.Name).Call(jen.Lit(*l.String))
	case l.String != nil && r.Kind == plan.RefBuiltin && (r.Builtin == plan.RawJSON || r.Builtin == plan.NoneType):
		return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(*l.String)) // the value's JSON text
	case l.String != nil:
		return jen.Lit(*l.String)
	case l.Number != "" && r.Kind == plan.RefNamed:
		return jen.Qual(m.ImportPath, r.Named.Name).Call(jen.Op(l.Number))
	case l.Number != "":
		return jen.Op(l.Number)
	}
	return exampleZero(m, r)
}

// exampleZero is the zero value of r's type as an expression.
func exampleZero(m *plan.Model, r *plan.Ref) jen.Code {
	if r.Nullable || r.Pointer {
		if r.Pointer && !r.Nullable {
			return jen.Nil()
		}
		return jen.Add(qualType(m, r)).Values()
	}
	switch r.Kind {
	case plan.RefSlice, plan.RefMap:
		return jen.Nil()
	case plan.RefExternal:
		return jen.Op("*").New(qual(r.Go))
	case plan.RefNamed:
		t := r.Named
		switch t.Kind {
		case plan.KindStruct, plan.KindUnion:
			return jen.Qual(m.ImportPath, t.Name).Values()
		case plan.KindEnum:
			return jen.Qual(m.ImportPath, t.Name).Call(builtinZero(t.Enum.Base))
		case plan.KindAlias:
			if t.GoAlias {
				return exampleZero(m, t.Elem)
			}
			if t.Elem.Nilable() {
				return jen.Nil()
			}
			return jen.Qual(m.ImportPath, t.Name).Call(exampleZero(m, t.Elem))
		}
	}
	return builtinZero(r.Builtin)
}

func builtinZero(b plan.Builtin) jen.Code {
	switch b {
	case plan.String:
		return jen.Lit("")
	case plan.Bool:
		return jen.False()
	case plan.Time:
		return jen.Qual("time", "Time").Values()
	case plan.Bytes, plan.RawJSON, plan.NoneType:
		return jen.Nil()
	}
	return jen.Lit(0)
}

// snippetProgram is the snippet as the docs page shows it: a whole
// program, package main.
func snippetProgram(m *plan.Model, d *plan.OpDoc) (string, error) {
	f := jen.NewFile("main")
	f.ImportName(m.ImportPath, m.Package)
	f.ImportName(plan.RuntimePath, "oas")
	f.Func().Id("main").Params().Block(snippet(m, d)...)
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return "", fmt.Errorf("docs snippet of %s: %w", d.Op.Name, err)
	}
	return strings.TrimSpace(buf.String()), nil
}

// genOpDocs renders docs/sdks/<group>/README.md for every operation group,
// in the vendor SDK's layout: title, overview, the list of operations,
// then per operation its description, example, parameters, response and
// errors.
func genOpDocs(m *plan.Model) ([]File, error) {
	var files []File
	for _, g := range m.OpGroups {
		var b strings.Builder
		fmt.Fprintf(&b, "# %s\n(*%s*)\n\n", g.Name, g.Ops[0].Receiver)
		b.WriteString("## Overview\n\n")
		if d := cleanText(g.Doc); d != "" {
			b.WriteString(mdLine(d) + "\n\n")
		}
		b.WriteString("### Available Operations\n\n")
		for _, d := range g.Ops {
			fmt.Fprintf(&b, "* [%s](#%s)", d.Op.Name, d.Anchor)
			if s := opSummary(d.Op); s != "" {
				b.WriteString(" - " + s)
			}
			b.WriteString("\n")
		}
		for _, d := range g.Ops {
			if err := genOpDoc(&b, m, d); err != nil {
				return nil, err
			}
		}
		files = append(files, File{Path: "docs/sdks/" + g.File + "/README.md", Content: []byte(b.String())})
	}
	return files, nil
}

// opSummary is the operation's summary on one line (else the first line of
// its description).
func opSummary(o *plan.Operation) string {
	s := cleanText(o.Summary)
	if s == "" {
		s, _, _ = strings.Cut(cleanText(o.Description), "\n")
	}
	return mdCell(s)
}

func genOpDoc(b *strings.Builder, m *plan.Model, d *plan.OpDoc) error {
	o := d.Op
	fmt.Fprintf(b, "\n## %s\n\n", o.Name)
	desc := cleanText(o.Description)
	if desc == "" {
		desc = cleanText(o.Summary)
	}
	if desc != "" {
		b.WriteString(mdLine(desc) + "\n\n")
	}
	if o.Deprecated {
		b.WriteString("> :warning: **DEPRECATED**: the spec marks this operation deprecated.\n\n")
	}
	fmt.Fprintf(b, "`%s %s`\n\n", o.Method, mdCell(o.Path))
	prog, err := snippetProgram(m, d)
	if err != nil {
		return err
	}
	b.WriteString("### Example Usage\n\n```go\n" + prog + "\n```\n\n")
	b.WriteString("### Parameters\n\n")
	b.WriteString("| Parameter | Type | Required | Description |\n")
	b.WriteString("| --------- | ---- | -------- | ----------- |\n")
	for _, p := range d.Params {
		req := ":heavy_minus_sign:"
		if p.Required {
			req = ":heavy_check_mark:"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", p.Name, paramDocType(m, p), req, mdCell(cleanText(p.Doc)))
	}
	b.WriteString("\n### Response\n\n")
	fmt.Fprintf(b, "**%s**\n\n", resultDocType(m, o))
	b.WriteString("### Errors\n\n")
	b.WriteString("| Error Type | Status Code | Content Type |\n")
	b.WriteString("| ---------- | ----------- | ------------ |\n")
	for _, e := range d.Errors {
		ct := "\\*/\\*"
		if e.ContentType != "" {
			ct = mdCell(e.ContentType)
		}
		fmt.Fprintf(b, "| %s.%s | %s | %s |\n", m.Package, e.Type, strings.Join(e.Statuses, ", "), ct)
	}
	return nil
}

// paramDocType is a parameters table row's type, linked to its model page.
func paramDocType(m *plan.Model, p *plan.ParamDoc) string {
	switch p.Kind {
	case plan.ParamDocContext:
		return "[context.Context](https://pkg.go.dev/context#Context)"
	case plan.ParamDocArgs:
		return m.Package + "." + p.Named.Name
	case plan.ParamDocReader:
		return "[io.Reader](https://pkg.go.dev/io#Reader)"
	case plan.ParamDocString:
		return "*string*"
	case plan.ParamDocCallOpts:
		return "..." + m.Package + "." + m.Names.CallOption
	}
	inner := opMdType(m, p.Ref)
	switch p.Wrap {
	case plan.Optional:
		return generic(plan.OptIdent, inner)
	case plan.NullableWrap:
		if !p.Ref.Nullable {
			return generic(plan.NullableIdent, inner)
		}
	}
	return inner
}

// resultDocType is what the method returns, as the Response section
// shows it.
func resultDocType(m *plan.Model, o *plan.Operation) string {
	r := o.Result
	switch {
	case o.Events != nil && o.Events.Opener == nil:
		return "iter.Seq2[" + generic(plan.EventIdent, opMdType(m, o.Events.Data)) + ", error]"
	case o.ResultType != "":
		return "\\*" + m.Package + "." + o.ResultType + ", error"
	case r == nil:
		return "error"
	case r.Kind == plan.BodyText:
		return "string, error"
	case r.Kind == plan.BodyBinary:
		return "\\*oas.Stream, error"
	case o.ResultPointer:
		return "\\*" + opMdType(m, r.Body) + ", error"
	}
	return opMdType(m, r.Body) + ", error"
}

// opMdType is a Go type qualified by the package, a named type linked to
// its model page (../../models/<page>.md).
func opMdType(m *plan.Model, r *plan.Ref) string {
	var s string
	switch r.Kind {
	case plan.RefNamed:
		s = m.Package + "." + r.Named.Name
		if r.Named.Docs {
			s = "[" + s + "](../../models/" + r.Named.DocFile() + ".md)"
		}
		if r.Pointer {
			s = "\\*" + s
		}
	case plan.RefSlice:
		s = "[]" + opMdType(m, r.Elem)
	case plan.RefMap:
		s = "map[string]" + opMdType(m, r.Elem)
	case plan.RefExternal:
		s = "`" + r.GoText + "`"
	default:
		s = "*" + string(r.Builtin) + "*"
		if r.Builtin == plan.RawJSON || r.Builtin == plan.NoneType {
			s = "*json.RawMessage*"
		}
	}
	if r.Nullable {
		return "oas.Nullable[" + s + "]"
	}
	return s
}

// usageExamples is the package doc comment's section for the operations
// x-speakeasy-usage-example marks: per operation a heading (its title, else
// the operation's name), its description and its snippet's body.
func usageExamples(m *plan.Model) (string, error) {
	var b strings.Builder
	for _, d := range m.UsageOps {
		title := strings.Join(strings.Fields(cleanText(d.Usage.Title)), " ")
		if title == "" {
			title = "Calling " + d.Op.Name
		}
		fmt.Fprintf(&b, "\n# %s\n\n", title)
		desc := cleanText(d.Usage.Description)
		if desc == "" {
			desc = opSummary(d.Op)
		}
		if desc != "" {
			b.WriteString(wrapText(strings.Join(strings.Fields(desc), " "), 77) + "\n\n")
		}
		prog, err := snippetProgram(m, d)
		if err != nil {
			return "", err
		}
		_, body, _ := strings.Cut(prog, "func main() {\n")
		body = strings.TrimSuffix(strings.TrimRight(body, "\n"), "}")
		for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
			l = strings.TrimPrefix(l, "\t")
			if l == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString("\t" + l + "\n")
		}
	}
	return b.String(), nil
}
