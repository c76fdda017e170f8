package emit

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
	"github.com/oasgen/oasgen/oas/oasimpl"
)

// The decoding half of the JSON emitter: DecodeJSON on structs, enums and
// aliases, read through oasimpl.Decoder (json.go writes the encoders).

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
	if len(t.Fields) > 0 {
		// The field decoded last (-1: none or an unknown member); the
		// member after it is guessed to be the next field's.
		g.Id("field").Op(":=").Lit(-1)
	}
	g.For(jen.Id("first").Op(":=").True(), jen.Empty(), jen.Id("first").Op("=").False()).BlockFunc(func(g *jen.Group) {
		if len(t.Fields) == 0 {
			key := jen.Id("key")
			if t.Extra == nil {
				key = jen.Id("_") // no field to match: an unused key would not compile
			}
			g.List(key, jen.Id("ok")).Op(":=").Id("d").Dot("Key").Call(jen.Id("first"))
			g.If(jen.Op("!").Id("ok")).Block(end)
			if t.Extra != nil {
				genExtraDecode(g, t)
			} else {
				g.Id("d").Dot("Skip").Call()
			}
			return
		}
		g.List(jen.Id("key"), jen.Id("match"), jen.Id("ok")).Op(":=").Id("d").Dot("KeyIs").Call(
			jen.Id("first"), jen.Id(t.JSONKeysVar()).Index(jen.Id("field").Op("+").Lit(1)))
		g.If(jen.Op("!").Id("ok")).Block(end)
		g.If(jen.Id("match")).Block(jen.Id("field").Op("++")).Else().Block(
			jen.Id("field").Op("=").Id(t.JSONFieldsVar()).Dot("Lookup").Call(jen.Id("key")))
		g.Switch(jen.Id("field")).BlockFunc(func(g *jen.Group) {
			for i, fl := range t.Fields {
				g.Case(jen.Lit(i)).BlockFunc(func(g *jen.Group) {
					if kind := plainKind(fl); kind != "" {
						// oasimpl.DecodePlainString(d, &m.F), which reports
						// whether the member held a value, not null.
						call := jen.Qual(implPkg, "DecodePlain"+kind).Call(jen.Id("d"), jen.Op("&").Id("m").Dot(fl.Name))
						if presenceBit(fl) {
							g.If(call).Block(jen.Add(absentWord(t, jen.Id("seen"), fl.Bit)).Op("|=").Add(absentMask(fl.Bit)))
						} else {
							g.Add(call)
						}
						return
					}
					if presenceBit(fl) {
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
		// Every tracked member the object did not have, and every
		// readOnly one it had (plan.Field.BitCarried).
		for w := 0; w*64 < t.AbsentBits; w++ {
			n := min(t.AbsentBits-w*64, 64)
			all := ^uint64(0) >> (64 - n)
			word := absentWord(t, jen.Id("m").Dot(t.Absent), w*64)
			seen := absentWord(t, jen.Id("seen"), w*64)
			if carried := t.CarriedBits(w); carried != 0 {
				// seen ^ left-out bits: a left-out bit is set when not
				// seen, a carried bit when seen.
				if left := all &^ carried; left > math.MaxInt64 {
					g.Add(word).Op("=").Add(seen).Op("^").Lit(left)
				} else if left != 0 {
					g.Add(word).Op("=").Add(seen).Op("^").Lit(int(left))
				} else {
					g.Add(word).Op("=").Add(seen)
				}
				continue
			}
			mask := jen.Lit(1).Op("<<").Lit(n).Op("-").Lit(1)
			if n == 64 {
				mask = jen.Op("^").Uint64().Call(jen.Lit(0))
			}
			g.Add(word).Op("=").Parens(mask).Op("&^").Add(seen)
		}
	}
}

// genJSONKeys writes the table of a struct's member names for KeyIs:
//
//	var jsonKeysT = [...]string{`"a"`, `"b"`, ""}
//
// each name as encoding/json writes it, quotes included, in field order;
// the last entry, after the last field, never matches.
func genJSONKeys(f *jen.File, t *plan.Type) {
	if t.JSONKeysVar() == "" {
		return
	}
	comment(f, t.JSONKeysVar()+" lists the member names of "+t.Name+" as JSON, in field order, for\nDecodeJSON's guess of the next member (oasimpl.Decoder.KeyIs).")
	f.Var().Id(t.JSONKeysVar()).Op("=").Index(jen.Op("...")).String().ValuesFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			key, _ := json.Marshal(fl.JSONName)
			g.Lit(string(key))
		}
		g.Lit("")
	})
}

// genJSONFields writes a struct's oasimpl.Fields, the table DecodeJSON
// looks up a member name in when KeyIs did not guess it:
//
//	var jsonFieldsT = oasimpl.Fields{Sorted: []string{"b", "aa"}, Index: []int32{1, 0}, Folded: []string{"AA", "B"}}
//
// Folded (FoldName of each name, in field order) is left out for a struct
// with additional properties: any other name is one of those.
func genJSONFields(f *jen.File, t *plan.Type) {
	if t.JSONFieldsVar() == "" {
		return
	}
	names := make([]string, len(t.Fields))
	for i, fl := range t.Fields {
		names[i] = fl.JSONName
	}
	order := oasimpl.FieldsOrder(names)
	comment(f, t.JSONFieldsVar()+" holds the member names of "+t.Name+" for DecodeJSON's lookup\nof a name KeyIs did not guess.")
	f.Var().Id(t.JSONFieldsVar()).Op("=").Qual(implPkg, "Fields").Values(jen.DictFunc(func(d jen.Dict) {
		d[jen.Id("Sorted")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, i := range order {
				g.Lit(t.Fields[i].JSONName)
			}
		})
		d[jen.Id("Index")] = jen.Index().Int32().ValuesFunc(func(g *jen.Group) {
			for _, i := range order {
				g.Lit(i)
			}
		})
		if t.Extra == nil {
			d[jen.Id("Folded")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, fl := range t.Fields {
					g.Lit(oasimpl.FoldName(fl.JSONName))
				}
			})
		}
	}))
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
	case plan.Plain, plan.OptionalPointer:
		// A *T (OptionalPointer) as encoding/json decodes one: null sets
		// nil, a value decodes into the struct there or a new one.
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

// plainKind names the oasimpl.DecodePlain<Kind> function for a field
// without a wrapper whose type is a builtin scalar or time.Time, or is ""
// when the field is decoded in place (decodeInto). One call per field, as
// decodeKind's, where the decode was a check for null, a read and, for a
// required member, a second check for null beside them.
func plainKind(fl *plan.Field) string {
	r := fl.Type
	if fl.Wrap != plan.Plain || r.Nullable || r.Pointer || r.Kind != plan.RefBuiltin {
		return ""
	}
	switch r.Builtin {
	case plan.String, plan.Int64, plan.Int32, plan.Uint64, plan.Uint32, plan.Float64, plan.Bool, plan.Time:
		return decodeKind(r)
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
