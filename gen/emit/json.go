package emit

import (
	"encoding/json"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// The JSON emitter writes reflection-free encoders and decoders from the
// plan: AppendJSON/DecodeJSON on every struct, enum and alias type, and
// MarshalJSON/UnmarshalJSON on structs and composite aliases. They behave
// as encoding/json does on the same Go type (field order, omitzero
// wrappers, escaping, null handling, case-insensitive keys, last duplicate
// wins); the differential fuzz tests in generated/stackone hold them to it.
//
// Every struct, enum, union and (non-Go-alias) alias gets AppendJSON and
// DecodeJSON; only x-go-type values, whose methods are the user's, go
// through encoding/json.

// genJSON writes the JSON methods of t, if it gets any.
func genJSON(f *jen.File, t *plan.Type) {
	if !t.HasAppendJSON() {
		return
	}
	genAppendJSON(f, t)
	genDecodeJSON(f, t)
	if t.Kind == plan.KindStruct {
		genJSONKeys(f, t)
		genJSONFields(f, t)
	}
	if t.HasMarshalJSON() {
		genMarshalJSON(f, t)
		genUnmarshalJSON(f, t)
	}
}

// genMarshalJSON writes:
//
//	func (m T) MarshalJSON() ([]byte, error) {
//		buf := oasimpl.GetBuffer()
//		return buf.Marshaled(m.AppendJSON(buf.Bytes()))
//	}
//
// (a pooled buffer, the result copied out at its exact length; see
// oasimpl.Buffer).
func genMarshalJSON(f *jen.File, t *plan.Type) {
	comment(f, "MarshalJSON encodes m as encoding/json would encode the same type, without\nreflection.")
	f.Func().Params(jen.Id("m").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("buf").Op(":=").Qual(implPkg, "GetBuffer").Call(),
		jen.Return(jen.Id("buf").Dot("Marshaled").Call(jen.Id("m").Dot("AppendJSON").Call(jen.Id("buf").Dot("Bytes").Call()))),
	)
	f.Var().Id("_").Qual("encoding/json", "Marshaler").Op("=").Id(t.Name).Values()
}

// genUnmarshalJSON writes:
//
//	func (m *T) UnmarshalJSON(data []byte) error { d := oasimpl.NewDecoder(data); m.DecodeJSON(&d); return d.End() }
func genUnmarshalJSON(f *jen.File, t *plan.Type) {
	comment(f, "UnmarshalJSON decodes data into m as encoding/json would decode into the\nsame type, without reflection: fields not in data are left as they are.")
	f.Func().Params(jen.Id("m").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Id("d").Op(":=").Qual(implPkg, "NewDecoder").Call(jen.Id("data")),
		jen.Id("m").Dot("DecodeJSON").Call(jen.Op("&").Id("d")),
		jen.Return(jen.Id("d").Dot("End").Call()),
	)
	f.Var().Id("_").Qual("encoding/json", "Unmarshaler").Op("=").Parens(jen.Op("*").Id(t.Name)).Call(jen.Nil())
}

// valueHint guesses the encoded size of a value of type r.
func valueHint(r *plan.Ref) int {
	switch r.Kind {
	case plan.RefSlice, plan.RefMap:
		return 64
	case plan.RefNamed:
		if r.Named.Kind == plan.KindEnum {
			return 12
		}
		return 64
	}
	switch r.Builtin {
	case plan.Time:
		return 32
	case plan.String, plan.RawJSON, plan.Bytes, plan.NoneType:
		return 24
	}
	return 8
}

// genAppendJSON writes:
//
//	func (m T) AppendJSON(dst []byte) ([]byte, error)
func genAppendJSON(f *jen.File, t *plan.Type) {
	recv := receiver(t)
	comment(f, "AppendJSON appends the JSON encoding of "+recv+" to dst. It allocates only when\ndst has to grow.")
	f.Func().Params(jen.Id(recv).Id(t.Name)).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		switch t.Kind {
		case plan.KindEnum:
			switch t.Enum.Base {
			case plan.String:
				g.Return(jen.Qual(implPkg, "AppendString").Call(jen.Id("dst"), jen.String().Call(jen.Id("e"))), jen.Nil())
			case plan.Int64:
				g.Return(jen.Qual(implPkg, "AppendInt").Call(jen.Id("dst"), jen.Int64().Call(jen.Id("e"))), jen.Nil())
			default:
				g.Return(jen.Qual(implPkg, "AppendFloat64").Call(jen.Id("dst"), jen.Float64().Call(jen.Id("e"))))
			}
		case plan.KindAlias:
			if encodeNeedsErr(t.Elem) {
				g.Var().Id("err").Error()
			}
			e := &encoder{}
			// Convert to the underlying type so that the alias's own method
			// is not called on itself.
			e.value(g, jen.Parens(goType(t.Elem)).Call(jen.Id("m")), t.Elem, 0)
			g.Return(jen.Id("dst"), jen.Nil())
		case plan.KindStruct:
			genStructEncode(g, t)
		case plan.KindUnion:
			// As encoding/json embeds the output of MarshalJSON: validated,
			// compacted and HTML-escaped.
			g.If(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0)).Block(jen.Return(jen.Append(jen.Id("dst"), jen.Lit("null").Op("...")), jen.Nil()))
			g.Return(jen.Qual(implPkg, "AppendCompact").Call(jen.Id("dst"), jen.Id("u").Dot("raw")))
		}
	})
}

// receiver is the receiver name of t's methods.
func receiver(t *plan.Type) string {
	switch t.Kind {
	case plan.KindEnum:
		return "e"
	case plan.KindUnion:
		return "u"
	}
	return "m"
}

// genStructEncode writes the body of a struct's AppendJSON: fields in
// declaration order, absent wrappers left out (omitzero). Every member is
// written with a comma before its name; unless the first field is always
// written (and opens the object itself), the first byte written is then
// a comma, which becomes the opening brace at the end: no flag, and no
// branch per member, says whether a separator is due.
func genStructEncode(g *jen.Group, t *plan.Type) {
	lead := len(t.Fields) > 0 && alwaysWritten(t.Fields[0])
	needErr := t.Extra != nil && encodeNeedsErr(t.Extra)
	for _, fl := range t.Fields {
		needErr = needErr || encodeNeedsErr(fl.Type)
	}
	if needErr {
		g.Var().Id("err").Error()
	}
	if len(t.Fields) == 0 && t.Extra == nil {
		g.Return(appendCall("{}"), jen.Nil())
		return
	}
	if !lead {
		g.Id("start").Op(":=").Len(jen.Id("dst"))
	}
	e := &encoder{}
	for i, fl := range t.Fields {
		key, _ := json.Marshal(fl.JSONName)
		writeKey := func(g *jen.Group) {
			if i == 0 && lead {
				g.Add(appendLit("{" + string(key) + ":"))
			} else {
				g.Add(appendLit("," + string(key) + ":"))
			}
		}
		sel := jen.Id("m").Dot(fl.Name)
		switch fl.Wrap {
		case plan.Plain:
			if presenceBit(fl) {
				// Written when it holds a value, and otherwise as the
				// decoded document had it: a required member unless the
				// document left it out (a value built in Go has no bit
				// set, so always), a required readOnly one when the
				// document carried it (plan.Field.BitCarried).
				had := "=="
				if fl.BitCarried {
					had = "!="
				}
				present := jen.Add(absentWord(t, jen.Id("m").Dot(t.Absent), fl.Bit)).Op("&").Parens(absentMask(fl.Bit)).Op(had).Lit(0).
					Op("||").Add(nonZero(fl.Type, sel))
				g.If(present).BlockFunc(func(g *jen.Group) {
					writeKey(g)
					e.value(g, sel, fl.Type, 0)
				})
				continue
			}
			if fl.OmitZero {
				// readOnly/writeOnly: omitzero on a plain value.
				g.If(nonZero(fl.Type, sel)).BlockFunc(func(g *jen.Group) {
					writeKey(g)
					e.value(g, sel, fl.Type, 0)
				})
				continue
			}
			writeKey(g)
			e.value(g, sel, fl.Type, 0)
		case plan.OptionalPointer:
			// Through the pointer, known not nil here: AppendJSON's
			// copy of the struct is the only one.
			g.If(jen.Add(sel).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				writeKey(g)
				e.value(g, sel, pointee(fl.Type), 1)
			})
		case plan.Optional:
			g.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
				writeKey(g)
				e.value(g, jen.Id("x"), fl.Type, 1)
			})
		case plan.NullableWrap:
			g.If(jen.Add(sel).Dot("IsSet").Call()).BlockFunc(func(g *jen.Group) {
				writeKey(g)
				g.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call(), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
					e.value(g, jen.Id("x"), fl.Type, 1)
				}).Else().Block(appendLit("null"))
			})
		}
	}
	if t.Extra != nil {
		genExtraEncode(g, t, e)
	}
	if !lead {
		g.If(jen.Len(jen.Id("dst")).Op("==").Id("start")).Block(jen.Return(appendCall("{}"), jen.Nil()))
		g.Id("dst").Index(jen.Id("start")).Op("=").LitRune('{')
	}
	g.Return(jen.Append(jen.Id("dst"), jen.LitRune('}')), jen.Nil())
}

// genExtraEncode appends the additional properties after the declared
// fields, sorted by name; one named like a declared property is left out
// (the field is the property).
func genExtraEncode(g *jen.Group, t *plan.Type, e *encoder) {
	g.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual(implPkg, "SortedKeys").Call(jen.Id("m").Dot("AdditionalProperties"))).BlockFunc(func(g *jen.Group) {
		if len(t.Fields) > 0 {
			g.Switch(jen.Id("k")).Block(jen.CaseFunc(func(g *jen.Group) {
				for _, fl := range declaredNames(t) {
					g.Lit(fl)
				}
			}).Block(jen.Continue()))
		}
		g.Id("dst").Op("=").Qual(implPkg, "AppendString").Call(jen.Append(jen.Id("dst"), jen.LitRune(',')), jen.Id("k"))
		g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(':'))
		e.value(g, jen.Id("m").Dot("AdditionalProperties").Index(jen.Id("k")), t.Extra, 1)
	})
}

// declaredNames are the JSON names of t's fields, each once.
func declaredNames(t *plan.Type) []string {
	var out []string
	seen := map[string]bool{}
	for _, fl := range t.Fields {
		if !seen[fl.JSONName] {
			seen[fl.JSONName] = true
			out = append(out, fl.JSONName)
		}
	}
	return out
}

// encodeNeedsErr reports whether appending a value of r can fail.
func encodeNeedsErr(r *plan.Ref) bool {
	switch r.Kind {
	case plan.RefNamed, plan.RefExternal:
		return true
	case plan.RefSlice, plan.RefMap:
		return encodeNeedsErr(r.Elem)
	}
	switch r.Builtin {
	case plan.String, plan.Int64, plan.Int32, plan.Uint64, plan.Uint32, plan.Bool, plan.Bytes:
		return false
	}
	return true
}

// nonZero is the condition under which encoding/json's omitzero writes a
// plain value: not its type's zero value (time.Time: !IsZero(); -0 counts
// as zero, as reflect's IsZero says).
func nonZero(r *plan.Ref, val jen.Code) jen.Code {
	switch r.Kind {
	case plan.RefSlice, plan.RefMap:
		return jen.Add(val).Op("!=").Nil()
	case plan.RefNamed:
		switch r.Named.Kind {
		case plan.KindEnum:
			switch r.Named.Enum.Base {
			case plan.String:
				return jen.Add(val).Op("!=").Lit("")
			case plan.Int64:
				return jen.Add(val).Op("!=").Lit(0)
			}
			return jen.Add(val).Op("!=").Lit(0)
		case plan.KindAlias:
			return nonZero(r.Named.Elem, jen.Parens(goType(r.Named.Elem)).Call(val))
		case plan.KindUnion:
			// omitzero uses a type's own IsZero method when it has one.
			return jen.Op("!").Add(val).Dot("IsZero").Call()
		}
		return jen.Op("!").Qual("reflect", "ValueOf").Call(val).Dot("IsZero").Call()
	case plan.RefExternal:
		return jen.Op("!").Qual("reflect", "ValueOf").Call(val).Dot("IsZero").Call()
	}
	switch r.Builtin {
	case plan.String:
		return jen.Add(val).Op("!=").Lit("")
	case plan.Int64, plan.Int32, plan.Uint64, plan.Uint32, plan.Float64:
		return jen.Add(val).Op("!=").Lit(0)
	case plan.Bool:
		return val
	case plan.Time:
		return jen.Op("!").Add(val).Dot("IsZero").Call()
	}
	return jen.Add(val).Op("!=").Nil()
}

// presenceBit reports whether a plain field's member is written by its
// bit of the struct's absent word (and its value), not always: the plan
// gives a bit (plan.Field.Bit) only to such fields.
func presenceBit(fl *plan.Field) bool {
	return fl.Bit >= 0
}

// alwaysWritten reports whether fl's member is in every encoding of its
// struct.
func alwaysWritten(fl *plan.Field) bool {
	return fl.Wrap == plan.Plain && !fl.OmitZero && !presenceBit(fl)
}

func appendLit(s string) jen.Code {
	return jen.Id("dst").Op("=").Add(appendCall(s))
}

func appendCall(s string) jen.Code {
	return jen.Append(jen.Id("dst"), jen.Lit(s).Op("..."))
}

// encoder writes the statements that append one value to dst.
type encoder struct{}

func (e *encoder) check(g *jen.Group, call jen.Code) {
	g.If(jen.List(jen.Id("dst"), jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
}

// value appends val, of type goType(r), as encoding/json would.
func (e *encoder) value(g *jen.Group, val jen.Code, r *plan.Ref, depth int) {
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		x := fmt.Sprintf("n%d", depth)
		g.If(jen.List(jen.Id(x), jen.Id("ok")).Op(":=").Add(val).Dot("Get").Call(), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
			e.value(g, jen.Id(x), &inner, depth+1)
		}).Else().Block(appendLit("null"))
		return
	}
	dst := jen.Id("dst")
	switch r.Kind {
	case plan.RefNamed:
		if r.Pointer {
			g.If(jen.Add(val).Op("==").Nil()).Block(appendLit("null")).Else().BlockFunc(func(g *jen.Group) {
				e.value(g, jen.Parens(jen.Op("*").Add(val)), pointee(r), depth+1)
			})
			return
		}
		if r.Named.HasAppendJSON() {
			e.check(g, jen.Add(val).Dot("AppendJSON").Call(dst))
			return
		}
		// Unions and structs with additionalProperties: encoding/json
		// output is already compact and escaped.
		stdlibEncode(g, val, depth)
	case plan.RefExternal:
		// An x-go-type: its own JSON methods, through encoding/json.
		stdlibEncode(g, val, depth)
	case plan.RefSlice:
		// Shared loops for the common element types, not one per field.
		switch el := r.Elem; {
		case el.Nullable:
		case el.Kind == plan.RefNamed && !el.Pointer && el.Named.HasAppendJSON():
			e.check(g, jen.Qual(implPkg, "AppendSliceOf").Call(dst, val))
			return
		case el.Kind == plan.RefBuiltin && el.Builtin == plan.String:
			g.Id("dst").Op("=").Qual(implPkg, "AppendStrings").Call(dst, val)
			return
		}
		i := fmt.Sprintf("i%d", depth)
		x := fmt.Sprintf("x%d", depth)
		g.If(jen.Add(val).Op("==").Nil()).Block(appendLit("null")).Else().BlockFunc(func(g *jen.Group) {
			g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('['))
			g.For(jen.List(jen.Id(i), jen.Id(x)).Op(":=").Range().Add(val)).BlockFunc(func(g *jen.Group) {
				g.If(jen.Id(i).Op(">").Lit(0)).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
				e.value(g, jen.Id(x), r.Elem, depth+1)
			})
			g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(']'))
		})
	case plan.RefMap:
		i := fmt.Sprintf("i%d", depth)
		k := fmt.Sprintf("k%d", depth)
		g.If(jen.Add(val).Op("==").Nil()).Block(appendLit("null")).Else().BlockFunc(func(g *jen.Group) {
			g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('{'))
			g.For(jen.List(jen.Id(i), jen.Id(k)).Op(":=").Range().Qual(implPkg, "SortedKeys").Call(val)).BlockFunc(func(g *jen.Group) {
				g.If(jen.Id(i).Op(">").Lit(0)).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
				g.Id("dst").Op("=").Qual(implPkg, "AppendString").Call(jen.Id("dst"), jen.Id(k))
				g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(':'))
				e.value(g, jen.Add(val).Index(jen.Id(k)), r.Elem, depth+1)
			})
			g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('}'))
		})
	default:
		switch r.Builtin {
		case plan.String:
			g.Id("dst").Op("=").Qual(implPkg, "AppendString").Call(dst, val)
		case plan.Int64:
			g.Id("dst").Op("=").Qual(implPkg, "AppendInt").Call(dst, val)
		case plan.Int32:
			g.Id("dst").Op("=").Qual(implPkg, "AppendInt").Call(dst, jen.Int64().Call(val))
		case plan.Uint64:
			g.Id("dst").Op("=").Qual(implPkg, "AppendUint").Call(dst, val)
		case plan.Uint32:
			g.Id("dst").Op("=").Qual(implPkg, "AppendUint").Call(dst, jen.Uint64().Call(val))
		case plan.Bool:
			g.Id("dst").Op("=").Qual(implPkg, "AppendBool").Call(dst, val)
		case plan.Float64:
			e.check(g, jen.Qual(implPkg, "AppendFloat64").Call(dst, val))
		case plan.Time:
			e.check(g, jen.Qual(implPkg, "AppendTime").Call(dst, val))
		case plan.Bytes:
			g.Id("dst").Op("=").Qual(implPkg, "AppendBytes").Call(dst, val)
		default: // json.RawMessage
			e.check(g, jen.Qual(implPkg, "AppendRaw").Call(dst, val))
		}
	}
}

// stdlibEncode writes the encoding of val through encoding/json:
//
//	{ var b []byte; if b, err = json.Marshal(val); err != nil { return nil, err } else { dst = append(dst, b...) } }
//
// err is assigned, not declared: the method declares it (encodeNeedsErr),
// and a second err would leave that one unused. The block keeps b local.
func stdlibEncode(g *jen.Group, val jen.Code, depth int) {
	b := fmt.Sprintf("b%d", depth)
	g.Block(
		jen.Var().Id(b).Index().Byte(),
		jen.If(jen.List(jen.Id(b), jen.Err()).Op("=").Qual("encoding/json", "Marshal").Call(val), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		).Else().Block(
			jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id(b).Op("...")),
		),
	)
}
