package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// genUnion writes a oneOf/anyOf type. It keeps the JSON it was decoded from
// verbatim and converts on demand:
//
//	type T struct { raw json.RawMessage }
//	func (u T) AsCat() (Cat, error)
//	func TFromCat(v Cat) (T, error)
//
// Decoding into a variant is tried in spec order (Which); with a
// discriminator the property value picks the variant.
func genUnion(f *jen.File, t *plan.Type) {
	u := t.Union
	kw := "anyOf"
	if u.OneOf {
		kw = "oneOf"
	}
	var names []string
	for _, v := range u.Variants {
		names = append(names, v.Name)
	}
	doc := typeDoc(t) + "\n\nIt is " + withArticle(kw) + " of: " + strings.Join(names, ", ") + ". The JSON is kept as received;\nuse the As methods (or Which) to read it and the From functions to build one."
	if u.Discriminator != "" {
		doc += "\nThe property " + cleanText(u.Discriminator) + " selects the variant."
	}
	comment(f, doc)
	f.Type().Id(t.Name).Struct(jen.Id("raw").Qual("encoding/json", "RawMessage"))

	comment(f, "Raw returns the JSON of the value.")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("Raw").Params().Qual("encoding/json", "RawMessage").Block(jen.Return(jen.Id("u").Dot("raw")))
	comment(f, "IsZero reports whether no value was set or decoded.")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("IsZero").Params().Bool().Block(jen.Return(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0)))

	comment(f, "MarshalJSON returns the JSON of the value (null when unset).")
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0)).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
		jen.Return(jen.Id("u").Dot("raw"), jen.Nil()),
	)
	comment(f, "UnmarshalJSON keeps a copy of data (in new memory: copies of a union share\nnothing with what they were copied from).")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.Op("!").Qual("encoding/json", "Valid").Call(jen.Id("data"))).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit(t.Name+": invalid JSON"))),
		),
		jen.Id("u").Dot("raw").Op("=").Append(jen.Qual("encoding/json", "RawMessage").Call(jen.Nil()), jen.Id("data").Op("...")),
		jen.Return(jen.Nil()),
	)
	for _, v := range u.Variants {
		vt := goType(v.Type)
		comment(f, "As"+v.Name+" decodes the value as "+v.Name+" (as encoding/json would, without\nreflection).")
		f.Func().Params(jen.Id("u").Id(t.Name)).Id("As"+v.Name).Params().Params(vt, jen.Error()).BlockFunc(func(g *jen.Group) {
			g.Var().Id("x").Add(vt)
			g.Id("dec").Op(":=").Qual(implPkg, "NewDecoder").Call(jen.Id("u").Dot("raw"))
			g.Id("d").Op(":=").Op("&").Id("dec")
			decodeInto(g, jen.Id("x"), v.Type, 0, false)
			g.Return(jen.Id("x"), jen.Id("d").Dot("End").Call())
		})
		doc := v.From + " returns " + withArticle(t.Name) + " holding v, encoded as encoding/json would encode\nit."
		if v.TagField != "" {
			doc += fmt.Sprintf("\nAn empty %s is set to %q, the %s that selects %s.", v.TagField, v.Values[0], u.Discriminator, v.Name)
		}
		comment(f, doc)
		buf := jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(valueHint(v.Type)))
		f.Func().Id(v.From).Params(jen.Id("v").Add(vt)).Params(jen.Id(t.Name), jen.Error()).BlockFunc(func(g *jen.Group) {
			switch {
			case v.TagField != "" && v.TagOptional:
				g.If(jen.Op("!").Id("v").Dot(v.TagField).Dot("IsSet").Call()).Block(
					jen.Id("v").Dot(v.TagField).Dot("Set").Call(jen.Lit(v.Values[0])))
			case v.TagField != "":
				g.If(jen.Id("v").Dot(v.TagField).Op("==").Lit("")).Block(
					jen.Id("v").Dot(v.TagField).Op("=").Lit(v.Values[0]))
			}
			if !encodeNeedsErr(v.Type) {
				g.Id("dst").Op(":=").Add(buf)
				(&encoder{}).value(g, jen.Id("v"), v.Type, 0)
				g.Return(jen.Id(t.Name).Values(jen.Dict{jen.Id("raw"): jen.Id("dst")}), jen.Nil())
				return
			}
			// The encoder's statements return (nil, err) on failure.
			g.List(jen.Id("b"), jen.Err()).Op(":=").Func().Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
				g.Var().Id("err").Error()
				(&encoder{}).value(g, jen.Id("v"), v.Type, 0)
				g.Return(jen.Id("dst"), jen.Nil())
			}).Call(buf)
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id(t.Name).Values(), jen.Err()))
			g.Return(jen.Id(t.Name).Values(jen.Dict{jen.Id("raw"): jen.Id("b")}), jen.Nil())
		})
	}
	genUnionWhich(f, t)
	genValidateMethod(f, t)
	comment(f, "ValidateInto checks that the value decodes as one of the variants"+map[bool]string{true: " and\nvalidates it.", false: "."}[len(u.Variants) > 0])
	f.Func().Params(jen.Id("m").Id(t.Name)).Id("ValidateInto").Params(
		jen.Id("v").Op("*").Qual(implPkg, "Validator"), jen.Id("p").Op("*").Qual(implPkg, "Path"),
	).BlockFunc(func(g *jen.Group) {
		if len(u.Variants) == 0 {
			return
		}
		g.List(jen.Id("x"), jen.Err()).Op(":=").Id("m").Dot("Which").Call()
		g.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("v").Dot("Add").Call(jen.Id("p"), jen.Lit("%v"), jen.Err()),
			jen.Return(),
		)
		g.If(jen.List(jen.Id("xv"), jen.Id("ok")).Op(":=").Id("x").Assert(jen.Interface(jen.Id("ValidateInto").Params(jen.Op("*").Qual(implPkg, "Validator"), jen.Op("*").Qual(implPkg, "Path")))), jen.Id("ok")).Block(
			jen.Id("xv").Dot("ValidateInto").Call(jen.Id("v"), jen.Id("p")),
		)
	})
}

// genUnionWhich writes:
//
//	func (u T) Which() (any, error)
func genUnionWhich(f *jen.File, t *plan.Type) {
	u := t.Union
	doc := "Which decodes the value as the variant it holds and returns it."
	if u.Discriminator != "" {
		doc += "\nThe discriminator property " + cleanText(u.Discriminator) + " picks the variant."
	} else {
		doc += "\nVariants are tried in spec order; the first that decodes and validates wins."
	}
	comment(f, doc)
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("Which").Params().Params(jen.Any(), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.If(jen.Len(jen.Id("u").Dot("raw")).Op("==").Lit(0)).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("no value"))),
		)
		if u.Discriminator != "" {
			g.List(jen.Id("tag"), jen.Err()).Op(":=").Qual(implPkg, "Discriminator").Call(jen.Id("u").Dot("raw"), jen.Lit(u.Discriminator))
			g.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			)
			g.Switch(jen.Id("tag")).BlockFunc(func(g *jen.Group) {
				for _, v := range u.Variants {
					if len(v.Values) == 0 {
						continue
					}
					g.CaseFunc(func(g *jen.Group) {
						for _, val := range v.Values {
							g.Lit(val)
						}
					}).Block(jen.Return(jen.Id("u").Dot("As" + v.Name).Call()))
				}
			})
			g.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit(strings.ReplaceAll(cleanText(u.Discriminator), "%", "%%")+" %q selects no known variant"), jen.Id("tag")))
			return
		}
		for _, v := range u.Variants {
			g.If(jen.List(jen.Id("x"), jen.Err()).Op(":=").Id("u").Dot("As"+v.Name).Call(), jen.Err().Op("==").Nil().Op("&&").Qual(implPkg, "ValidOK").Call(jen.Id("x"))).Block(
				jen.Return(jen.Id("x"), jen.Nil()),
			)
		}
		g.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("the value matches none of the variants")))
	})
}
