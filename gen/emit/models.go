package emit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

const (
	oasPkg  = plan.RuntimePath
	implPkg = plan.ImplPath
)

// genTypeFile renders model_<name>.gen.go: one named type with its methods.
func genTypeFile(m *plan.Model, t *plan.Type) (File, error) {
	f := newFile(m)
	f.NoFormat = true // the write stage formats; doing it twice cost 12 % of a Stripe run
	switch t.Kind {
	case plan.KindStruct:
		genStruct(f, t)
		genConstructor(f, t)
		genApplyDefaults(f, t)
		genDefaultGetters(f, t)
		genStructValidate(f, t)
	case plan.KindEnum:
		genEnum(f, t)
	case plan.KindAlias:
		genAlias(f, t)
	case plan.KindUnion:
		genUnion(f, t)
	}
	genJSON(f, t)
	genPatterns(f, t)
	return render(f, t.File()+".gen.go")
}

// goType returns the Go type of a Ref (without a field wrapper).
func goType(r *plan.Ref) jen.Code {
	var c *jen.Statement
	switch r.Kind {
	case plan.RefNamed:
		c = jen.Id(r.Named.Name)
		if r.Pointer {
			c = jen.Op("*").Id(r.Named.Name)
		}
	case plan.RefSlice:
		c = jen.Index().Add(goType(r.Elem))
	case plan.RefMap:
		c = jen.Map(jen.String()).Add(goType(r.Elem))
	case plan.RefExternal:
		c = qual(r.Go)
	default:
		c = builtinType(r.Builtin)
	}
	if r.Nullable {
		return qual(plan.NullableIdent).Types(c)
	}
	return c
}

// pointee is r without its pointer: the value a non-nil *T holds, whose
// methods the pointer reaches as they are.
func pointee(r *plan.Ref) *plan.Ref {
	inner := *r
	inner.Pointer = false
	return &inner
}

// qual writes a Go identifier, qualified by its package when it has one.
func qual(id plan.GoIdent) *jen.Statement {
	if id.ImportPath == "" {
		return jen.Id(id.Name)
	}
	return jen.Qual(id.ImportPath, id.Name)
}

func builtinType(b plan.Builtin) *jen.Statement {
	if id, ok := b.Ident(); ok {
		return qual(id)
	}
	return jen.Index().Byte() // plan.Bytes
}

// fieldType is the Go type of a field, wrapper included.
func fieldType(fl *plan.Field) jen.Code {
	if w, ok := fl.Wrap.Ident(); ok {
		return qual(w).Types(goType(fl.Type))
	}
	return goType(fl.Type)
}

func fieldDoc(fl *plan.Field) string {
	var parts []string
	if d := docComment(fl.Name, fl.Doc); d != "" {
		parts = append(parts, d)
	}
	var facts []string
	switch {
	case fl.Required && fl.Wrap == plan.NullableWrap:
		facts = append(facts, "Required, may be null.")
	case fl.Required:
		facts = append(facts, "Required.")
	case fl.Wrap == plan.NullableWrap:
		facts = append(facts, "Optional, may be null.")
	default:
		facts = append(facts, "Optional.")
	}
	if fl.ReadOnly {
		facts = append(facts, "Read-only: set by the server, not sent in requests.")
	}
	if fl.WriteOnly {
		facts = append(facts, "Write-only: sent in requests, never returned.")
	}
	if fl.Default != "" {
		facts = append(facts, "Default: "+cleanText(fl.Default)+".")
	}
	if fl.Example != "" {
		facts = append(facts, "Example: "+cleanText(fl.Example)+".")
	}
	parts = append(parts, strings.Join(facts, " "))
	if fl.Deprecated {
		parts = append(parts, "Deprecated: "+deprecation(fl.DeprecatedMsg, "field"))
	}
	return strings.Join(parts, "\n\n")
}

func typeDoc(t *plan.Type) string {
	var parts []string
	d := docComment(t.Name, t.Doc)
	if d == "" {
		if t.SchemaName != "" {
			d = t.Name + " is the schema " + strconv.Quote(cleanText(t.SchemaName)) + "."
		} else {
			d = t.Name + " is an inline schema at " + cleanText(t.Where) + "."
		}
	}
	parts = append(parts, d)
	if t.Example != "" {
		parts = append(parts, "Example: "+cleanText(t.Example))
	}
	if t.Deprecated {
		parts = append(parts, "Deprecated: "+deprecation(t.DeprecatedMsg, "schema"))
	}
	return strings.Join(parts, "\n\n")
}

// genStruct writes:
//
//	type T struct { Field oas.Nullable[string] `json:"field,omitzero"` ... }
func genStruct(f *jen.File, t *plan.Type) {
	comment(f, typeDoc(t))
	f.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			comment(g, fieldDoc(fl))
			field := g.Id(fl.Name).Add(fieldType(fl))
			if tag := fl.JSONTag(); tag != "" {
				field.Tag(map[string]string{"json": tag})
			}
		}
		if t.Extra != nil {
			comment(g, "AdditionalProperties holds properties not declared in the schema.")
			g.Id("AdditionalProperties").Map(jen.String()).Add(goType(t.Extra)).Tag(map[string]string{"json": "-"})
		}
		if t.Absent != "" {
			doc := t.Absent + " has a bit set for each required property the decoded document\nleft out, which Validate reports; values built in Go have none."
			if slices.ContainsFunc(t.Fields, func(fl *plan.Field) bool { return fl.BitCarried }) {
				doc = t.Absent + " has a bit set for each required property the decoded document\nleft out, which Validate reports, and for each readOnly one it carried,\nwhich encoding writes even when zero; values built in Go have none."
			}
			comment(g, doc)
			g.Id(t.Absent).Add(absentType(t))
		}
	})
}

// absentType is the type of a struct's Absent field: uint64, or an array
// of them for more than 64 tracked fields.
func absentType(t *plan.Type) jen.Code {
	if t.AbsentBits <= 64 {
		return jen.Uint64()
	}
	return jen.Index(jen.Lit((t.AbsentBits + 63) / 64)).Uint64()
}

// absentWord is the uint64 of v (m.absent or seen) holding bit.
func absentWord(t *plan.Type, v jen.Code, bit int) *jen.Statement {
	if t.AbsentBits <= 64 {
		return jen.Add(v)
	}
	return jen.Add(v).Index(jen.Lit(bit / 64))
}

// absentMask is bit's mask in its word: 1<<n.
func absentMask(bit int) jen.Code {
	return jen.Lit(1).Op("<<").Lit(bit % 64)
}

// genConstructor writes:
//
//	func NewT(required...) T { return T{Required: ...} }
//
// It sets the required fields only, in the order the spec lists them:
// defaults are what the server assumes for an absent field, so sending them
// is redundant in a POST and undoes settings in a PATCH.
func genConstructor(f *jen.File, t *plan.Type) {
	doc := t.Ctor + " returns " + withArticle(t.Name)
	if len(t.CtorFields) > 0 {
		var ps []string
		for _, fl := range t.CtorFields {
			ps = append(ps, fl.Param)
		}
		doc += " with its required fields set (" + strings.Join(ps, ", ") + ")"
	}
	doc += ". Optional fields are left absent: a request sends only what the caller sets."
	for _, fl := range t.Fields {
		if fl.DefaultGetter != "" {
			doc += " Defaults are not applied (see ApplyDefaults and the OrDefault getters)."
			break
		}
	}
	doc = wrapText(doc, 77)
	comment(f, doc)
	f.Func().Id(t.Ctor).ParamsFunc(func(g *jen.Group) {
		for _, fl := range t.CtorFields {
			g.Id(fl.Param).Add(fieldType(fl))
		}
	}).Id(t.Name).Block(
		jen.Return(jen.Id(t.Name).Values(jen.DictFunc(func(d jen.Dict) {
			for _, fl := range t.CtorFields {
				d[jen.Id(fl.Name)] = jen.Id(fl.Param)
			}
		}))),
	)
}

// genApplyDefaults writes:
//
//	func (m *T) ApplyDefaults() { if !m.F.IsSet() { m.F = oas.Some[T](...) } }
func genApplyDefaults(f *jen.File, t *plan.Type) {
	comment(f, "ApplyDefaults sets every absent field that has a default in the spec to that\ndefault, so that it is sent. Fields set to a value or to an explicit null are\nleft alone. Neither the constructor nor decoding calls it.")
	f.Func().Params(jen.Id("m").Op("*").Id(t.Name)).Id("ApplyDefaults").Params().BlockFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			if fl.DefaultValue == nil {
				continue
			}
			ctor := "Some"
			if fl.Wrap == plan.NullableWrap {
				ctor = "Value"
			}
			g.If(jen.Op("!").Id("m").Dot(fl.Name).Dot("IsSet").Call()).Block(
				jen.Id("m").Dot(fl.Name).Op("=").Qual(oasPkg, ctor).Types(goType(fl.Type)).Call(literal(fl.Type, fl.DefaultValue)),
			)
		}
	})
}

// genDefaultGetters writes, for each field with a default:
//
//	func (m T) FOrDefault() V { return m.F.Or(default) }
func genDefaultGetters(f *jen.File, t *plan.Type) {
	for _, fl := range t.Fields {
		if fl.DefaultGetter == "" {
			continue
		}
		doc := fl.DefaultGetter + " returns " + fl.Name + " when it holds a value and otherwise the spec's\ndefault, " + cleanText(fl.Default) + ", which the server assumes when the field is absent."
		if fl.Wrap == plan.NullableWrap {
			doc += "\nAn explicit null also gives the default; " + fl.Name + ".IsNull tells it apart."
		}
		comment(f, doc)
		f.Func().Params(jen.Id("m").Id(t.Name)).Id(fl.DefaultGetter).Params().Add(goType(fl.Type)).Block(
			jen.Return(jen.Id("m").Dot(fl.Name).Dot("Or").Call(literal(fl.Type, fl.DefaultValue))),
		)
	}
}

// literal writes the Go expression of l, a value of r's type.
func literal(r *plan.Ref, l *plan.Literal) jen.Code {
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		if l.Null {
			return jen.Qual(oasPkg, "Null").Types(goType(&inner)).Call()
		}
		return jen.Qual(oasPkg, "Value").Types(goType(&inner)).Call(literal(&inner, l))
	}
	switch {
	case l.Const != nil:
		return jen.Id(l.Const.Name)
	case l.Map:
		return jen.Add(goType(r)).Values(jen.DictFunc(func(d jen.Dict) {
			for i, k := range l.Keys {
				d[jen.Lit(k)] = literal(r.Elem, l.Elems[i])
			}
		}))
	case l.Elems != nil:
		return jen.Add(goType(r)).ValuesFunc(func(g *jen.Group) {
			for _, e := range l.Elems {
				g.Add(literal(r.Elem, e))
			}
		})
	}
	if r.Kind == plan.RefNamed {
		// An alias: the value of its underlying type, converted.
		return jen.Id(r.Named.Name).Call(literal(r.Named.Elem, l))
	}
	switch {
	case l.IsTime:
		tm := l.Time
		return jen.Qual("time", "Date").Call(jen.Lit(tm.Year()), jen.Lit(int(tm.Month())), jen.Lit(tm.Day()),
			jen.Lit(tm.Hour()), jen.Lit(tm.Minute()), jen.Lit(tm.Second()), jen.Lit(tm.Nanosecond()), jen.Qual("time", "UTC"))
	case l.Bytes != nil:
		return jen.Index().Byte().Call(jen.Lit(string(l.Bytes)))
	case l.Bool != nil:
		return jen.Lit(*l.Bool)
	case l.Number != "":
		return jen.Op(l.Number)
	case l.String != nil && (r.Builtin == plan.RawJSON || r.Builtin == plan.NoneType):
		return builtinType(r.Builtin).Call(jen.Lit(*l.String))
	case l.String != nil:
		return jen.Lit(*l.String)
	}
	return jen.Nil()
}

func jsonNum(v any) string {
	if x, ok := v.(int64); ok {
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// genEnum writes the enum type, its constants, IsKnown, Values and Validate.
func genEnum(f *jen.File, t *plan.Type) {
	e := t.Enum
	doc := typeDoc(t)
	if e.Open {
		doc += "\n\nThe enum is open (x-speakeasy-unknown-values: allow): values outside the\nlist are kept and pass Validate; IsKnown tells them apart."
	} else {
		doc += "\n\nValues outside the list are kept when decoding (a newer server may send\nthem) and IsKnown tells them apart; Validate reports them."
	}
	comment(f, doc)
	f.Type().Id(t.Name).Add(builtinType(e.Base))
	comment(f, "Known values of "+t.Name+".")
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range e.Values {
			g.Id(v.Name).Id(t.Name).Op("=").Add(enumLit(v.Value))
		}
	})
	comment(f, t.ValuesFunc+" returns the known values, in spec order.")
	f.Func().Id(t.ValuesFunc).Params().Index().Id(t.Name).Block(
		jen.Return(jen.Index().Id(t.Name).ValuesFunc(func(g *jen.Group) {
			for _, v := range e.Values {
				g.Id(v.Name)
			}
		})),
	)
	comment(f, "IsKnown reports whether e is one of the values the spec lists.")
	f.Func().Params(jen.Id("e").Id(t.Name)).Id("IsKnown").Params().Bool().Block(
		jen.Switch(jen.Id("e")).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for _, v := range e.Values {
					g.Id(v.Name)
				}
			}).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	genValidateMethod(f, t)
	comment(f, "ValidateInto adds the violations of e under p to v.")
	f.Func().Params(jen.Id("e").Id(t.Name)).Id("ValidateInto").Params(
		jen.Id("v").Op("*").Qual(implPkg, "Validator"), jen.Id("p").Op("*").Qual(implPkg, "Path"),
	).BlockFunc(func(g *jen.Group) {
		if e.Open {
			comment(g, "Open enum: every value is accepted.")
			return
		}
		g.If(jen.Op("!").Id("e").Dot("IsKnown").Call()).Block(
			jen.Id("v").Dot("NotInEnum").Call(jen.Id("p"), jen.Add(builtinType(e.Base)).Call(jen.Id("e")), jen.Lit(enumList(e))),
		)
	})
}

func enumLit(v any) jen.Code {
	switch x := v.(type) {
	case string:
		return jen.Lit(x)
	case int64:
		return jen.Lit(int(x))
	case float64:
		return jen.Lit(x)
	}
	return jen.Lit(fmt.Sprint(v))
}

func enumList(e *plan.Enum) string {
	var parts []string
	for _, v := range e.Values {
		if s, ok := v.Value.(string); ok {
			parts = append(parts, strconv.Quote(s))
		} else {
			parts = append(parts, jsonNum(v.Value))
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// genValidateMethod writes:
//
//	func (m T) Validate() error
func genValidateMethod(f *jen.File, t *plan.Type) {
	recv := "m"
	if t.Kind == plan.KindEnum {
		recv = "e"
	}
	doc := "Validate reports every violation of the spec's constraints as one\n*oas.ValidationError, or returns nil."
	if t.ValidatesUnion() {
		doc += " Union values are decoded to be checked,\nwhich allocates."
	} else {
		doc += " It allocates nothing when the value is valid."
	}
	comment(f, doc)
	f.Func().Params(jen.Id(recv).Id(t.Name)).Id("Validate").Params().Error().Block(
		jen.Var().Id("v").Qual(implPkg, "Validator"),
		jen.Id(recv).Dot("ValidateInto").Call(jen.Op("&").Id("v"), jen.Nil()),
		jen.Return(jen.Id("v").Dot("Err").Call(jen.Lit(t.Name))),
	)
}

// genStructValidate writes Validate and ValidateInto for a struct.
func genStructValidate(f *jen.File, t *plan.Type) {
	genValidateMethod(f, t)
	comment(f, "ValidateInto adds the violations of m under p to v.")
	f.Func().Params(jen.Id("m").Id(t.Name)).Id("ValidateInto").Params(
		jen.Id("v").Op("*").Qual(implPkg, "Validator"), jen.Id("p").Op("*").Qual(implPkg, "Path"),
	).BlockFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			genFieldValidate(g, t, fl)
		}
		if t.Extra != nil && t.Extra.NeedsValidation() {
			genMapLoop(g, jen.Id("m").Dot("AdditionalProperties"), "k", "mk", func(g *jen.Group) {
				g.Id("pk").Op(":=").Id("p").Dot("Key").Call(jen.Id("k"))
				validateValue(g, t, jen.Id("m").Dot("AdditionalProperties").Index(jen.Id("k")), t.Extra, "pk", 0)
			})
		}
	})
}

func genFieldValidate(g *jen.Group, owner *plan.Type, fl *plan.Field) {
	pv := "p" + fl.Name
	sel := jen.Id("m").Dot(fl.Name)
	needs := fl.Type.NeedsValidation()
	pathDecl := jen.Id(pv).Op(":=").Id("p").Dot("Key").Call(jen.Lit(fl.JSONName))
	// A missing member is reported with one call (its path built there):
	// the branch is only taken on invalid values.
	required := jen.Id("v").Dot("RequiredKey").Call(jen.Id("p"), jen.Lit(fl.JSONName))
	switch fl.Wrap {
	case plan.Plain:
		missing := nullCheck(fl.Type, sel)
		if fl.RequestRequired && owner.Absent != "" && fl.Bit >= 0 {
			// Left out of the decoded document, and not set since.
			missing = jen.Add(absentWord(owner, jen.Id("m").Dot(owner.Absent), fl.Bit)).Op("&").Parens(absentMask(fl.Bit)).Op("!=").Lit(0).
				Op("&&").Add(isZero(fl.Type, sel))
		}
		if !fl.RequestRequired {
			// readOnly: requests leave it out (its zero value is omitted, a
			// null state too), so only a value is checked: an empty
			// readOnly id does not fail its uuid format or minLength.
			if missing == nil {
				missing = plainZero(fl.Type, sel)
			}
			if needs && missing != nil {
				g.If(jen.Op("!").Parens(missing)).BlockFunc(func(g *jen.Group) {
					g.Add(pathDecl)
					validateValue(g, owner, sel, fl.Type, pv, 0)
				})
				return
			}
			missing = nil
		}
		switch {
		case missing != nil && needs:
			g.If(missing).Block(required).Else().BlockFunc(func(g *jen.Group) {
				g.Add(pathDecl)
				validateValue(g, owner, sel, fl.Type, pv, 0)
			})
		case missing != nil:
			g.If(missing).Block(required)
		case needs:
			g.BlockFunc(func(g *jen.Group) {
				g.Add(pathDecl)
				validateValue(g, owner, sel, fl.Type, pv, 0)
			})
		}
	case plan.OptionalPointer:
		if needs {
			g.If(jen.Add(sel).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				g.Add(pathDecl)
				validateValue(g, owner, sel, pointee(fl.Type), pv, 0)
			})
		}
	default:
		if fl.RequestRequired {
			g.If(jen.Op("!").Add(sel).Dot("IsSet").Call()).Block(required)
		}
		if needs {
			g.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
				g.Add(pathDecl)
				validateValue(g, owner, jen.Id("x"), fl.Type, pv, 0)
			})
		}
	}
}

// isZero is the condition under which a plain value is its type's zero
// value: a tracked required field left out of a decoded document that
// nothing has set since.
func isZero(r *plan.Ref, val jen.Code) jen.Code {
	if z := plainZero(r, val); z != nil {
		return z
	}
	return jen.Qual("reflect", "ValueOf").Call(val).Dot("IsZero").Call()
}

// plainZero is isZero for the types whose zero value a comparison tells
// (strings, numbers, booleans, times, enums and aliases of them); nil for
// the others.
func plainZero(r *plan.Ref, val jen.Code) jen.Code {
	switch r.Kind {
	case plan.RefNamed:
		switch r.Named.Kind {
		case plan.KindEnum:
			if r.Named.Enum.Base == plan.String {
				return jen.Add(val).Op("==").Lit("")
			}
			return jen.Add(val).Op("==").Lit(0)
		case plan.KindAlias:
			return plainZero(r.Named.Elem, jen.Parens(goType(r.Named.Elem)).Call(val))
		}
	case plan.RefBuiltin:
		switch r.Builtin {
		case plan.String:
			return jen.Add(val).Op("==").Lit("")
		case plan.Int64, plan.Int32, plan.Uint64, plan.Uint32, plan.Float64:
			return jen.Add(val).Op("==").Lit(0)
		case plan.Bool:
			return jen.Op("!").Add(val)
		case plan.Time:
			return jen.Add(val).Dot("IsZero").Call()
		}
	}
	return nil
}

// nullCheck is the condition under which a plain value is encoded as
// null, which a required property that is not nullable does not accept: a
// nil slice, map or []byte, empty raw JSON, a nil pointer, an empty union
// (plan.HasNullState says which types have one). An empty string, 0, false
// and the zero time are values: JSON Schema's required only asks that the
// property be present, and a plain field always is once encoded.
func nullCheck(r *plan.Ref, sel jen.Code) jen.Code {
	if !plan.HasNullState(r) || r.Nullable {
		return nil // no null state, or null is a valid value
	}
	switch r.Kind {
	case plan.RefSlice, plan.RefMap:
		return jen.Add(sel).Op("==").Nil()
	case plan.RefBuiltin:
		return jen.Len(sel).Op("==").Lit(0)
	case plan.RefNamed:
		if r.Pointer {
			return jen.Add(sel).Op("==").Nil()
		}
		if r.Named.Kind == plan.KindAlias {
			return nullCheck(r.Named.Elem, sel)
		}
		return jen.Add(sel).Dot("IsZero").Call()
	}
	return nil
}

// genMapLoop writes the validation of every value of a map. Map order is
// random, and sorting the keys allocates, so the values are checked in map
// order first and only when something failed again in key order, which
// keeps the violations stable and a valid map free of allocations:
//
//	mk := v.Mark()
//	for k := range m { body }
//	if v.Mark() != mk { v.Rewind(mk); for _, k := range oasimpl.SortedKeys(m) { body } }
func genMapLoop(g *jen.Group, m jen.Code, k, mark string, body func(g *jen.Group)) {
	g.Id(mark).Op(":=").Id("v").Dot("Mark").Call()
	g.For(jen.Id(k).Op(":=").Range().Add(m)).BlockFunc(body)
	g.If(jen.Id("v").Dot("Mark").Call().Op("!=").Id(mark)).Block(
		jen.Id("v").Dot("Rewind").Call(jen.Id(mark)),
		jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Qual(implPkg, "SortedKeys").Call(m)).BlockFunc(body),
	)
}

// validateValue writes the checks of one value of r at path variable pv.
func validateValue(g *jen.Group, owner *plan.Type, val jen.Code, r *plan.Ref, pv string, depth int) {
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		if !inner.NeedsValidation() {
			return
		}
		x := fmt.Sprintf("n%d", depth)
		g.If(jen.List(jen.Id(x), jen.Id("ok")).Op(":=").Add(val).Dot("Get").Call(), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
			validateValue(g, owner, jen.Id(x), &inner, pv, depth+1)
		})
		return
	}
	path := pathExpr(pv)
	c := r.C
	switch r.Kind {
	case plan.RefNamed:
		if r.Named.GoAlias && !r.Pointer {
			// The same type as its Elem, without methods of its own.
			validateValue(g, owner, val, r.Named.Elem, pv, depth)
			return
		}
		if r.Named.NeedsValidation() {
			call := jen.Add(val).Dot("ValidateInto").Call(jen.Id("v"), path)
			if r.Pointer {
				call = jen.If(jen.Add(val).Op("!=").Nil()).Block(call)
			}
			g.Add(call)
		}
	case plan.RefSlice:
		if c.MinItems >= 0 || c.MaxItems >= 0 {
			g.Id("v").Dot("Items").Call(path, jen.Len(val), jen.Lit(c.MinItems), jen.Lit(c.MaxItems))
		}
		if c.UniqueItems {
			g.Qual(implPkg, "UniqueItems").Call(jen.Id("v"), path, val)
		}
		if r.Elem.NeedsValidation() {
			i := fmt.Sprintf("i%d", depth)
			pi := fmt.Sprintf("%s_%d", pv, depth)
			g.For(jen.Id(i).Op(":=").Range().Add(val)).BlockFunc(func(g *jen.Group) {
				g.Id(pi).Op(":=").Id(pv).Dot("Index").Call(jen.Id(i))
				validateValue(g, owner, jen.Add(val).Index(jen.Id(i)), r.Elem, pi, depth+1)
			})
		}
	case plan.RefMap:
		if c.MinProps >= 0 || c.MaxProps >= 0 {
			g.Id("v").Dot("Properties").Call(path, jen.Len(val), jen.Lit(c.MinProps), jen.Lit(c.MaxProps))
		}
		if r.Elem.NeedsValidation() {
			k := fmt.Sprintf("k%d", depth)
			pk := fmt.Sprintf("%s_%d", pv, depth)
			genMapLoop(g, val, k, fmt.Sprintf("mk%d", depth), func(g *jen.Group) {
				g.Id(pk).Op(":=").Id(pv).Dot("Key").Call(jen.Id(k))
				validateValue(g, owner, jen.Add(val).Index(jen.Id(k)), r.Elem, pk, depth+1)
			})
		}
	case plan.RefBuiltin:
		switch r.Builtin {
		case plan.String:
			if c.MinLength >= 0 || c.MaxLength >= 0 {
				g.Id("v").Dot("StringLen").Call(path, val, jen.Lit(c.MinLength), jen.Lit(c.MaxLength))
			}
			if c.Pattern != "" {
				g.If(jen.Op("!").Id(owner.PatternVar(c.Pattern)).Call().Dot("MatchString").Call(val)).Block(
					jen.Id("v").Dot("Pattern").Call(path, val, jen.Lit(c.Pattern)),
				)
			}
			if c.Format != "" && c.Format != "date-time" {
				g.Id("v").Dot("Format").Call(path, val, jen.Lit(c.Format))
			}
		case plan.Int64, plan.Int32, plan.Uint32, plan.Uint64, plan.Float64:
			num := jen.Float64().Call(val)
			// Integer bounds the plan holds exactly are compared as
			// integers (untyped constants, of the value's type).
			switch {
			case c.IntMin != nil:
				g.Qual(implPkg, "IntMinimum").Call(jen.Id("v"), path, val, jen.Lit(int(*c.IntMin)), jen.Lit(c.ExclusiveMin))
			case c.Min != nil:
				g.Id("v").Dot("Minimum").Call(path, num, jen.Lit(*c.Min), jen.Lit(c.ExclusiveMin))
			}
			switch {
			case c.IntMax != nil:
				g.Qual(implPkg, "IntMaximum").Call(jen.Id("v"), path, val, jen.Lit(int(*c.IntMax)), jen.Lit(c.ExclusiveMax))
			case c.Max != nil:
				g.Id("v").Dot("Maximum").Call(path, jen.Float64().Call(val), jen.Lit(*c.Max), jen.Lit(c.ExclusiveMax))
			}
			switch {
			case c.IntMultipleOf != nil:
				g.Qual(implPkg, "IntMultipleOf").Call(jen.Id("v"), path, val, jen.Lit(int(*c.IntMultipleOf)))
			case c.MultipleOf != nil:
				g.Id("v").Dot("MultipleOf").Call(path, jen.Float64().Call(val), jen.Lit(*c.MultipleOf))
			}
		}
	}
}

// genAlias writes:
//
//	type T <underlying>
func genAlias(f *jen.File, t *plan.Type) {
	if t.GoAlias {
		// type T = Elem: Elem's methods (JSON, Validate) are T's.
		comment(f, typeDoc(t))
		f.Type().Id(t.Name).Op("=").Add(goType(t.Elem))
		return
	}
	comment(f, typeDoc(t))
	f.Type().Id(t.Name).Add(goType(t.Elem))
	genValidateMethod(f, t)
	comment(f, "ValidateInto adds the violations of m under p to v.")
	f.Func().Params(jen.Id("m").Id(t.Name)).Id("ValidateInto").Params(
		jen.Id("v").Op("*").Qual(implPkg, "Validator"), jen.Id("p").Op("*").Qual(implPkg, "Path"),
	).BlockFunc(func(g *jen.Group) {
		if !t.Elem.NeedsValidation() {
			return
		}
		under := *t.Elem
		// Convert to the underlying type so named-type methods are not
		// called recursively on ourselves.
		validateValue(g, t, jen.Parens(goType(&under)).Call(jen.Id("m")), &under, "p", 0)
	})
}

// pathExpr is the *oasimpl.Path expression for a path variable: "p" is the
// method's parameter (already a pointer), others are oasimpl.Path values.
func pathExpr(pv string) jen.Code {
	if pv == "p" {
		return jen.Id("p")
	}
	return jen.Op("&").Id(pv)
}

// genPatterns declares the compiled patterns a type's validation uses:
//
//	var patternTHash = sync.OnceValue(func() *regexp.Regexp { ... })
func genPatterns(f *jen.File, t *plan.Type) {
	for _, pat := range t.Patterns {
		f.Var().Id(pat.Var).Op("=").Qual("sync", "OnceValue").Call(
			jen.Func().Params().Op("*").Qual("regexp", "Regexp").Block(
				jen.Return(jen.Qual("regexp", "MustCompile").Call(jen.Lit(pat.Expr))),
			),
		)
	}
}
