package emit

import (
	"encoding/json"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/oas/oasimpl"
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
	if t.HasMarshalJSON() {
		genMarshalJSON(f, t)
		genUnmarshalJSON(f, t)
	}
}

// genMarshalJSON writes:
//
//	func (m T) MarshalJSON() ([]byte, error) { return m.AppendJSON(make([]byte, 0, N)) }
func genMarshalJSON(f *jen.File, t *plan.Type) {
	comment(f, "MarshalJSON encodes m as encoding/json would encode the same type, without\nreflection.")
	f.Func().Params(jen.Id("m").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("m").Dot("AppendJSON").Call(jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(sizeHint(t))))),
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

// sizeHint guesses the encoded size so MarshalJSON allocates once.
func sizeHint(t *plan.Type) int {
	if t.Kind != plan.KindStruct {
		return 64
	}
	n := 2
	for _, fl := range t.Fields {
		n += len(fl.JSONName) + 4 + valueHint(fl.Type)
	}
	return min(n, 2048)
}

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
// declaration order, absent wrappers left out (omitzero).
func genStructEncode(g *jen.Group, t *plan.Type) {
	if usesMore(t) {
		g.Id("more").Op(":=").False()
	}
	needErr := t.Extra != nil && encodeNeedsErr(t.Extra)
	for _, fl := range t.Fields {
		needErr = needErr || encodeNeedsErr(fl.Type)
	}
	if needErr {
		g.Var().Id("err").Error()
	}
	e := &encoder{}
	g.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune('{'))
	if t.Extra != nil {
		g.Id("open").Op(":=").Len(jen.Id("dst"))
	}
	// Once a plain (always written) field is out, every later key starts
	// with a comma; before that the more flag tracks it.
	static := false
	for i, fl := range t.Fields {
		key, _ := json.Marshal(fl.JSONName)
		writeKey := func(g *jen.Group) {
			switch {
			case static:
				g.Add(appendLit("," + string(key) + ":"))
			case i == 0:
				g.Add(appendLit(string(key) + ":"))
			default:
				g.If(jen.Id("more")).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
				g.Add(appendLit(string(key) + ":"))
			}
			if !static && conditionalField(t, fl) && i+1 < len(t.Fields) {
				g.Id("more").Op("=").True()
			}
		}
		sel := jen.Id("m").Dot(fl.Name)
		switch fl.Wrap {
		case plan.Plain:
			if fl.OmitZero {
				// readOnly/writeOnly: omitzero on a plain value.
				g.If(nonZero(fl.Type, sel)).BlockFunc(func(g *jen.Group) {
					writeKey(g)
					e.value(g, sel, fl.Type, 0)
				})
				continue
			}
			if tracked(t, fl) {
				// A required member the decoded document left out stays
				// out: re-encoding a decoded value writes what came, not a
				// zero the sender never sent.
				present := jen.Add(absentWord(t, jen.Id("m").Dot(t.Absent), fl.Bit)).Op("&").Parens(absentMask(fl.Bit)).Op("==").Lit(0).
					Op("||").Add(nonZero(fl.Type, sel))
				g.If(present).BlockFunc(func(g *jen.Group) {
					writeKey(g)
					e.value(g, sel, fl.Type, 0)
				})
				continue
			}
			writeKey(g)
			e.value(g, sel, fl.Type, 0)
			static = true
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
		g.If(jen.Len(jen.Id("dst")).Op(">").Id("open")).Block(jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.LitRune(',')))
		g.Id("dst").Op("=").Qual(implPkg, "AppendString").Call(jen.Id("dst"), jen.Id("k"))
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

// tracked reports whether fl is a required plain field whose absence the
// decoder records (plan.Field.Bit).
func tracked(t *plan.Type, fl *plan.Field) bool {
	return fl.Wrap == plan.Plain && !fl.OmitZero && t.Absent != "" && fl.Bit >= 0
}

// conditionalField reports whether fl's member is written only in some
// states: wrapped, omitzero, or tracked as absent.
func conditionalField(t *plan.Type, fl *plan.Field) bool {
	return fl.Wrap != plan.Plain || fl.OmitZero || tracked(t, fl)
}

// usesMore reports whether a struct's encoder needs the separator flag:
// some wrapped field comes before the first plain one and another field
// follows it.
func usesMore(t *plan.Type) bool {
	for i, fl := range t.Fields {
		if !conditionalField(t, fl) {
			return false
		}
		if i+1 < len(t.Fields) {
			return true
		}
	}
	return false
}

func appendLit(s string) jen.Code {
	return jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Lit(s).Op("..."))
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
			inner := *r
			inner.Pointer = false
			g.If(jen.Add(val).Op("==").Nil()).Block(appendLit("null")).Else().BlockFunc(func(g *jen.Group) {
				e.value(g, jen.Parens(jen.Op("*").Add(val)), &inner, depth+1)
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

// genDecodeJSON writes:
//
//	func (m *T) DecodeJSON(d *oasimpl.Decoder)
func genDecodeJSON(f *jen.File, t *plan.Type) {
	recv := receiver(t)
	comment(f, "DecodeJSON reads one JSON value from d into "+recv+"; errors are kept in d.")
	f.Func().Params(jen.Id(recv).Op("*").Id(t.Name)).Id("DecodeJSON").Params(jen.Id("d").Op("*").Qual(implPkg, "Decoder")).BlockFunc(func(g *jen.Group) {
		switch t.Kind {
		case plan.KindEnum:
			genEnumDecode(g, t)
		case plan.KindAlias:
			ptr := jen.Parens(jen.Op("*").Add(goType(t.Elem))).Call(jen.Id("m"))
			if stringSlice(t.Elem) {
				// oasimpl.DecodeStrings((*[]string)(m), d), not &(*u)
				g.Qual(implPkg, "DecodeStrings").Call(ptr, jen.Id("d"))
				break
			}
			g.Id("u").Op(":=").Add(ptr)
			decodeInto(g, jen.Parens(jen.Op("*").Id("u")), t.Elem, 0, false)
		case plan.KindStruct:
			genStructDecode(g, t)
		case plan.KindUnion:
			// A copy in new memory, as UnmarshalJSON keeps (null included).
			g.If(jen.Id("raw").Op(":=").Id("d").Dot("Raw").Call(), jen.Id("raw").Op("!=").Nil()).Block(
				jen.Id("u").Dot("raw").Op("=").Append(jen.Qual("encoding/json", "RawMessage").Call(jen.Nil()), jen.Id("raw").Op("...")),
			)
		}
	})
}

// genEnumDecode decodes an enum; known string values are the constants
// themselves, so decoding them allocates nothing.
func genEnumDecode(g *jen.Group, t *plan.Type) {
	g.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return())
	switch t.Enum.Base {
	case plan.String:
		g.Id("b").Op(":=").Id("d").Dot("StringBytes").Call()
		g.If(jen.Id("d").Dot("Err").Call().Op("!=").Nil()).Block(jen.Return())
		g.Switch(jen.String().Call(jen.Id("b"))).BlockFunc(func(g *jen.Group) {
			seen := map[string]bool{}
			for _, v := range t.Enum.Values {
				s, _ := v.Value.(string)
				if seen[s] {
					continue
				}
				seen[s] = true
				g.Case(jen.Lit(s)).Block(jen.Op("*").Id("e").Op("=").Id(v.Name))
			}
			g.Default().Block(jen.Op("*").Id("e").Op("=").Id(t.Name).Call(jen.Id("b")))
		})
	case plan.Int64:
		g.Op("*").Id("e").Op("=").Id(t.Name).Call(jen.Id("d").Dot("Int64").Call())
	default:
		g.Op("*").Id("e").Op("=").Id(t.Name).Call(jen.Id("d").Dot("Float64").Call())
	}
}

// genStructDecode decodes an object member by member: an exact name match
// first, then encoding/json's case-insensitive fallback; unknown members
// are skipped, a repeated member overwrites the earlier one. A struct with
// additional properties matches names exactly and keeps every other member
// in AdditionalProperties.
//
// A struct with an Absent field also notes which tracked required members
// it met (seen) and, at the end of the object, records the others in
// Absent for Validate.
func genStructDecode(g *jen.Group, t *plan.Type) {
	g.If(jen.Id("d").Dot("Null").Call().Op("||").Op("!").Id("d").Dot("BeginObject").Call()).Block(jen.Return())
	end := jen.Return()
	if t.Absent != "" {
		g.Var().Id("seen").Add(absentType(t))
		end = jen.Break()
	}
	g.For(jen.Id("first").Op(":=").True(), jen.Empty(), jen.Id("first").Op("=").False()).BlockFunc(func(g *jen.Group) {
		key := jen.Id("key")
		if len(t.Fields) == 0 && t.Extra == nil {
			key = jen.Id("_") // no field to match: an unused key would not compile
		}
		g.List(key, jen.Id("ok")).Op(":=").Id("d").Dot("Key").Call(jen.Id("first"))
		g.If(jen.Op("!").Id("ok")).Block(end)
		if len(t.Fields) == 0 {
			if t.Extra != nil {
				genExtraDecode(g, t)
			} else {
				g.Id("d").Dot("Skip").Call()
			}
			return
		}
		g.Id("field").Op(":=").Lit(-1)
		g.Switch(jen.String().Call(jen.Id("key"))).BlockFunc(func(g *jen.Group) {
			for i, fl := range t.Fields {
				g.Case(jen.Lit(fl.JSONName)).Block(jen.Id("field").Op("=").Lit(i))
			}
			if t.Extra != nil {
				// Any other name is an additional property: no
				// case-insensitive match, names are exact in JSON Schema.
				return
			}
			// A table, not a second switch: FoldIndex returns the first
			// field whose folded name matches, as encoding/json picks.
			g.Default().Block(jen.Id("field").Op("=").Qual(implPkg, "FoldIndex").CallFunc(func(g *jen.Group) {
				g.Id("key")
				for _, fl := range t.Fields {
					g.Lit(oasimpl.FoldName(fl.JSONName))
				}
			}))
		})
		g.Switch(jen.Id("field")).BlockFunc(func(g *jen.Group) {
			for i, fl := range t.Fields {
				g.Case(jen.Lit(i)).BlockFunc(func(g *jen.Group) {
					if t.Absent != "" && fl.Bit >= 0 {
						// null is no value for a field that cannot hold it:
						// the member counts as missing.
						g.If(jen.Op("!").Id("d").Dot("AtNull").Call()).Block(
							jen.Add(absentWord(t, jen.Id("seen"), fl.Bit)).Op("|=").Add(absentMask(fl.Bit)),
						)
					}
					decodeField(g, fl)
				})
			}
			if t.Extra == nil {
				g.Default().Block(jen.Id("d").Dot("Skip").Call())
				return
			}
			g.Default().BlockFunc(func(g *jen.Group) {
				genExtraDecode(g, t)
			})
		})
	})
	if t.Absent != "" {
		// Every tracked member the object did not have.
		for w := 0; w*64 < t.AbsentBits; w++ {
			n := min(t.AbsentBits-w*64, 64)
			mask := jen.Lit(1).Op("<<").Lit(n).Op("-").Lit(1)
			if n == 64 {
				mask = jen.Op("^").Uint64().Call(jen.Lit(0))
			}
			g.Add(absentWord(t, jen.Id("m").Dot(t.Absent), w*64)).Op("=").Parens(mask).Op("&^").Add(absentWord(t, jen.Id("seen"), w*64))
		}
	}
}

// genExtraDecode decodes a member no field takes into AdditionalProperties
// (made when nil; an existing map keeps its other entries, as
// encoding/json keeps a map's).
func genExtraDecode(g *jen.Group, t *plan.Type) {
	g.Id("k").Op(":=").String().Call(jen.Id("key"))
	g.Var().Id("x").Add(goType(t.Extra))
	decodeInto(g, jen.Id("x"), t.Extra, 1, false)
	g.If(jen.Id("m").Dot("AdditionalProperties").Op("==").Nil()).Block(
		jen.Id("m").Dot("AdditionalProperties").Op("=").Make(jen.Map(jen.String()).Add(goType(t.Extra))),
	)
	g.Id("m").Dot("AdditionalProperties").Index(jen.Id("k")).Op("=").Id("x")
}

// decodeField decodes one member into its field, with the wrapper's rules:
// null makes an Opt absent and a Nullable null; a value replaces the old
// one entirely.
func decodeField(g *jen.Group, fl *plan.Field) {
	sel := jen.Id("m").Dot(fl.Name)
	switch fl.Wrap {
	case plan.Plain:
		decodeInto(g, sel, fl.Type, 0, false)
	case plan.Optional, plan.NullableWrap:
		onNull, helper := "Unset", "DecodeOpt"
		if fl.Wrap == plan.NullableWrap {
			onNull, helper = "SetNull", "DecodeNullable"
		}
		if kind := decodeKind(fl.Type); kind != "" {
			// oasimpl.DecodeOptString(d, &m.F)
			g.Qual(implPkg, helper+kind).Call(jen.Id("d"), jen.Op("&").Add(sel))
			return
		}
		g.If(jen.Id("d").Dot("Null").Call()).Block(jen.Add(sel).Dot(onNull).Call()).Else().BlockFunc(func(g *jen.Group) {
			g.Var().Id("x").Add(goType(fl.Type))
			decodeInto(g, jen.Id("x"), fl.Type, 1, true)
			g.Add(sel).Dot("Set").Call(jen.Id("x"))
		})
	}
}

// decodeKind names the oasimpl.DecodeOpt<Kind>/DecodeNullable<Kind>
// function for an optional or nullable field of type goType(r), or is ""
// when there is none and the field is decoded in place. Those functions
// are one call per field instead of the decoding unrolled at each one
// (cheaper to compile), and they are plain functions: a generic one taking
// a reader as a function value would make the Decoder escape.
func decodeKind(r *plan.Ref) string {
	if r.Nullable {
		return ""
	}
	switch r.Kind {
	case plan.RefSlice:
		if stringSlice(r) {
			return "Strings"
		}
	case plan.RefBuiltin:
		switch r.Builtin {
		case plan.String:
			return "String"
		case plan.Int64:
			return "Int64"
		case plan.Int32:
			return "Int32"
		case plan.Uint64:
			return "Uint64"
		case plan.Uint32:
			return "Uint32"
		case plan.Float64:
			return "Float64"
		case plan.Bool:
			return "Bool"
		case plan.Time:
			return "Time"
		case plan.Bytes:
			return "Bytes"
		}
		return "RawMessage"
	}
	return ""
}

// stringSlice reports whether r is a plain []string, which
// oasimpl.DecodeStrings and AppendStrings handle.
func stringSlice(r *plan.Ref) bool {
	return r.Kind == plan.RefSlice && !r.Nullable && !r.Elem.Nullable && r.Elem.Kind == plan.RefBuiltin && r.Elem.Builtin == plan.String
}

// decodeInto writes statements decoding one value into the addressable lv
// of type goType(r), as encoding/json decodes into that Go type: null
// leaves strings, numbers, booleans, times and structs alone and sets
// slices, maps and []byte to nil.
//
// nonNull says the caller has already consumed a null, if there was one.
func decodeInto(g *jen.Group, lv jen.Code, r *plan.Ref, depth int, nonNull bool) {
	d := jen.Id("d")
	if r.Nullable {
		inner := *r
		inner.Nullable = false
		x := fmt.Sprintf("n%d", depth)
		g.If(d.Clone().Dot("Null").Call()).Block(jen.Add(lv).Dot("SetNull").Call()).Else().BlockFunc(func(g *jen.Group) {
			g.Var().Id(x).Add(goType(&inner))
			decodeInto(g, jen.Id(x), &inner, depth+1, true)
			g.Add(lv).Dot("Set").Call(jen.Id(x))
		})
		return
	}
	// ifNotNull wraps a scalar decode: null leaves the value alone.
	ifNotNull := func(body jen.Code) {
		if nonNull {
			g.Add(body)
			return
		}
		g.If(jen.Op("!").Id("d").Dot("Null").Call()).Block(body)
	}
	// nullNil starts a decode where null sets the value to nil.
	nullNil := func() *jen.Statement {
		if nonNull {
			return g.Null()
		}
		return g.If(jen.Id("d").Dot("Null").Call()).Block(jen.Add(lv).Op("=").Nil()).Else()
	}
	switch r.Kind {
	case plan.RefNamed:
		if r.Pointer {
			// *T, as encoding/json: null sets nil, a value decodes into a
			// new T (or the existing one).
			nullNil().BlockFunc(func(g *jen.Group) {
				g.If(jen.Add(lv).Op("==").Nil()).Block(jen.Add(lv).Op("=").New(jen.Id(r.Named.Name)))
				if r.Named.HasAppendJSON() {
					g.Add(lv).Dot("DecodeJSON").Call(d)
				} else {
					raw := fmt.Sprintf("raw%d", depth)
					g.If(jen.Id(raw).Op(":=").Id("d").Dot("Raw").Call(), jen.Id(raw).Op("!=").Nil()).Block(
						jen.Id("d").Dot("Fail").Call(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(raw), lv)),
					)
				}
			})
			return
		}
		if r.Named.HasAppendJSON() {
			g.Add(lv).Dot("DecodeJSON").Call(d)
			return
		}
		raw := fmt.Sprintf("raw%d", depth)
		g.If(jen.Id(raw).Op(":=").Id("d").Dot("Raw").Call(), jen.Id(raw).Op("!=").Nil()).Block(
			jen.Id("d").Dot("Fail").Call(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(raw), jen.Op("&").Add(lv))),
		)
	case plan.RefExternal:
		raw := fmt.Sprintf("raw%d", depth)
		g.If(jen.Id(raw).Op(":=").Id("d").Dot("Raw").Call(), jen.Id(raw).Op("!=").Nil()).Block(
			jen.Id("d").Dot("Fail").Call(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id(raw), jen.Op("&").Add(lv))),
		)
	case plan.RefSlice:
		if stringSlice(r) {
			// oasimpl.DecodeStrings(&lv, d)
			g.Qual(implPkg, "DecodeStrings").Call(jen.Op("&").Add(lv), d)
			return
		}
		s := fmt.Sprintf("s%d", depth)
		i := fmt.Sprintf("i%d", depth)
		nullNil().If(jen.Id("d").Dot("BeginArray").Call()).BlockFunc(func(g *jen.Group) {
			comment(g, "Decode into the existing elements, as encoding/json does.")
			g.Id(s).Op(":=").Add(lv).Index(jen.Empty(), jen.Lit(0))
			comment(g, "A new slice is allocated once, at its final size.")
			g.If(jen.Cap(jen.Id(s)).Op("==").Lit(0)).Block(
				jen.Id(s).Op("=").Make(goType(r), jen.Lit(0), jen.Id("d").Dot("ArrayLen").Call()),
			)
			g.For(jen.Id(i).Op(":=").Lit(0), jen.Id("d").Dot("More").Call(jen.Id(i)), jen.Id(i).Op("++")).BlockFunc(func(g *jen.Group) {
				g.If(jen.Len(jen.Id(s)).Op("==").Cap(jen.Id(s))).Block(
					jen.Id(s).Op("=").Qual("slices", "Grow").Call(jen.Id(s), jen.Lit(1)),
				)
				g.Id(s).Op("=").Id(s).Index(jen.Empty(), jen.Len(jen.Id(s)).Op("+").Lit(1))
				decodeInto(g, jen.Id(s).Index(jen.Id(i)), r.Elem, depth+1, false)
			})
			g.If(jen.Len(jen.Id(s)).Op("==").Lit(0)).Block(
				jen.Id(s).Op("=").Add(goType(r)).Values(),
			)
			g.Add(lv).Op("=").Id(s)
		})
	case plan.RefMap:
		k := fmt.Sprintf("k%d", depth)
		v := fmt.Sprintf("v%d", depth)
		first := fmt.Sprintf("first%d", depth)
		nullNil().If(jen.Id("d").Dot("BeginObject").Call()).BlockFunc(func(g *jen.Group) {
			g.If(jen.Add(lv).Op("==").Nil()).Block(jen.Add(lv).Op("=").Make(goType(r)))
			g.For(jen.Id(first).Op(":=").True(), jen.Empty(), jen.Id(first).Op("=").False()).BlockFunc(func(g *jen.Group) {
				g.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("d").Dot("Key").Call(jen.Id(first))
				g.If(jen.Op("!").Id("ok")).Block(jen.Break())
				g.Id(k).Op(":=").String().Call(jen.Id("key"))
				g.Var().Id(v).Add(goType(r.Elem))
				decodeInto(g, jen.Id(v), r.Elem, depth+1, false)
				g.Add(lv).Index(jen.Id(k)).Op("=").Id(v)
			})
		})
	default:
		switch r.Builtin {
		case plan.String:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("String").Call())
		case plan.Int64:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Int64").Call())
		case plan.Int32:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Int32").Call())
		case plan.Uint64:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Uint64").Call())
		case plan.Uint32:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Uint32").Call())
		case plan.Float64:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Float64").Call())
		case plan.Bool:
			ifNotNull(jen.Add(lv).Op("=").Id("d").Dot("Bool").Call())
		case plan.Time:
			g.Id("d").Dot("Time").Call(jen.Op("&").Add(lv))
		case plan.Bytes:
			nullNil().Block(jen.Add(lv).Op("=").Id("d").Dot("Bytes").Call(lv))
		default: // json.RawMessage keeps the bytes, null included
			g.Add(lv).Op("=").Id("d").Dot("RawMessage").Call(lv)
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
