package emit

// The page iterators of paginated operations: <Op>Pages over the pages and
// <Op>All over their items, written from plan.Pagination. Where the next
// page's cursor, offset or URL comes from was worked out by the planner as
// a chain of field selections and indexes (plan.Accessor); this file only
// writes them out. The loop itself is oasimpl.Paginate.

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/plan"
)

// opArgs are an operation method's parameters (declared) and the same as
// arguments (passed on), opts last.
func opArgs(m *plan.Model, o *plan.Operation) (decl, pass []jen.Code) {
	decl = []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	pass = []jen.Code{jen.Id("ctx")}
	for _, p := range o.Params {
		if p.MethodArg() {
			decl = append(decl, jen.Id(p.Arg).Add(goType(p.Type)))
			pass = append(pass, jen.Id(p.Arg))
		}
	}
	if o.Args != nil {
		decl = append(decl, jen.Id("params").Id(o.Args.Name))
		pass = append(pass, jen.Id("params"))
	}
	if b := o.Body; b != nil && b.Kind == plan.BodyBinary {
		// The bytes, and their media type ("" for the spec's default).
		decl = append(decl, jen.Id("body").Qual("io", "Reader"), jen.Id("contentType").String())
		pass = append(pass, jen.Id("body"), jen.Id("contentType"))
	} else if b != nil {
		decl = append(decl, jen.Id("body").Add(goType(b.Type)))
		pass = append(pass, jen.Id("body"))
	}
	decl = append(decl, jen.Id("opts").Op("...").Id(m.Names.CallOption))
	return decl, pass
}

// pageType is the type of one page: the operation's result.
func pageType(pg *plan.Pagination) jen.Code {
	if pg.PagePointer {
		return jen.Op("*").Add(goType(pg.Page))
	}
	return goType(pg.Page)
}

// nonNull is r without its nullability: the value Get returns.
func nonNull(r *plan.Ref) *plan.Ref {
	c := *r
	c.Nullable = false
	return &c
}

// accessFunc writes a path the planner resolved as a function literal:
//
//	func(page *ThingList) (out string, ok bool) { v1, ok := page.Meta.Get(); if !ok { return }; return v1.Next, true }
func accessFunc(pg *plan.Pagination, a *plan.Accessor) jen.Code {
	var out *plan.Ref
	return jen.Func().Params(jen.Id("page").Add(pageType(pg))).ParamsFunc(func(g *jen.Group) {
		out = a.Type
		if len(a.Steps) > 0 {
			out = nonNull(out)
		}
		g.Id("out").Add(goType(out))
		g.Id("ok").Bool()
	}).BlockFunc(func(g *jen.Group) {
		cur := "page"
		if pg.PagePointer {
			g.If(jen.Id("page").Op("==").Nil()).Block(jen.Return())
		}
		for i, s := range a.Steps {
			v := fmt.Sprintf("v%d", i+1)
			if s.Field == nil {
				if s.Index < 0 {
					g.If(jen.Len(jen.Id(cur)).Op("==").Lit(0)).Block(jen.Return())
				} else {
					g.If(jen.Len(jen.Id(cur)).Op("<=").Lit(s.Index)).Block(jen.Return())
				}
				idx := jen.Lit(s.Index)
				if s.Index < 0 {
					idx = jen.Len(jen.Id(cur)).Op("-").Lit(1)
				}
				el := jen.Id(cur).Index(idx)
				if s.Elem.Nullable {
					g.List(jen.Id(v), jen.Id("ok")).Op(":=").Add(el).Dot("Get").Call()
					g.If(jen.Op("!").Id("ok")).Block(jen.Return())
				} else {
					g.Id(v).Op(":=").Add(el)
				}
				if s.Elem.Pointer {
					g.If(jen.Id(v).Op("==").Nil()).Block(jen.Return())
				}
				cur = v
				continue
			}
			sel := jen.Id(cur).Dot(s.Field.Name)
			switch s.Field.Wrap {
			case plan.Plain, plan.OptionalPointer:
				g.Id(v).Op(":=").Add(sel)
			default:
				g.List(jen.Id(v), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call()
				g.If(jen.Op("!").Id("ok")).Block(jen.Return())
			}
			if s.Field.Type.Pointer {
				g.If(jen.Id(v).Op("==").Nil()).Block(jen.Return())
			}
			cur = v
		}
		g.Return(jen.Id(cur), jen.True())
	})
}

// inputRef is the expression holding a pagination input: params.Cursor,
// body.Offset or a path argument.
func inputRef(in *plan.PageInput) *jen.Statement {
	switch in.In {
	case plan.InPath:
		return jen.Id(in.Arg)
	case plan.InBody:
		return jen.Id("body").Dot(in.Field.Name)
	}
	return jen.Id("params").Dot(in.Field.Name)
}

// setInput sets a pagination input to v.
func setInput(in *plan.PageInput, v jen.Code) jen.Code {
	if in.Field == nil || in.Field.Wrap == plan.Plain {
		return inputRef(in).Op("=").Add(v)
	}
	return inputRef(in).Dot("Set").Call(v)
}

// genPagination writes an operation's <Op>Pages and, when its items are
// known, <Op>All.
func genPagination(f *jen.File, m *plan.Model, o *plan.Operation) {
	pg := o.Pagination
	decl, pass := opArgs(m, o)
	stop := jen.Return(jen.Id("page"), jen.False(), jen.Nil())
	comment(f, wrapText(pagesDoc(o), 77))
	f.Func().Add(selfReceiver(m, o)).Id(pg.Pages).Params(decl...).
		Qual("iter", "Seq2").Types(pageType(pg), jen.Error()).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(pageType(pg), jen.Error()).Bool()).BlockFunc(func(g *jen.Group) {
			// Each loop starts again from the first page, so the inputs
			// the pager moves are copies.
			if in := pg.Input; in != nil {
				switch in.In {
				case plan.InPath:
					g.Id(in.Arg).Op(":=").Id(in.Arg)
				case plan.InBody:
					g.Id("body").Op(":=").Id("body")
				default:
					g.Id("params").Op(":=").Id("params")
				}
			}
			callOpts := jen.Id("opts").Op("...")
			switch pg.Kind {
			case plan.PageURL:
				g.Var().Id("next").String()
				callOpts = jen.Qual(implPkg, "PageOptions").Call(jen.Id("opts"), jen.Id("next"), jen.Nil()).Op("...")
			case plan.PageLink:
				g.Var().Id("next").String()
				g.Var().Id("header").Qual("net/http", "Header")
				callOpts = jen.Qual(implPkg, "PageOptions").Call(jen.Id("opts"), jen.Id("next"), jen.Op("&").Id("header")).Op("...")
			}
			g.Qual(implPkg, "Paginate").Call(jen.Id("ctx"), jen.Id("yield"), jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).
				Params(pageType(pg), jen.Bool(), jen.Error()).BlockFunc(func(g *jen.Group) {
				g.List(jen.Id("page"), jen.Err()).Op(":=").Id("c").Dot(o.Name).Call(append(pass[:len(pass):len(pass)], callOpts)...)
				g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("page"), jen.False(), jen.Err()))
				genNextPage(g, pg, stop)
				g.Return(jen.Id("page"), jen.True(), jen.Nil())
			}))
		})),
	)
	if pg.All == "" {
		return
	}
	comment(f, wrapText(fmt.Sprintf("%s iterates over the items of every page of %s (%s), in order: %s's pages flattened. "+
		"An error ends it, after being yielded; so does breaking out of the loop, which requests no further page.",
		pg.All, o.Name, pg.Results.Path, pg.Pages), 77))
	f.Func().Add(selfReceiver(m, o)).Id(pg.All).Params(decl...).
		Qual("iter", "Seq2").Types(goType(pg.Item), jen.Error()).Block(
		jen.Return(jen.Qual(implPkg, "Items").Call(
			jen.Id("c").Dot(pg.Pages).Call(append(pass[:len(pass):len(pass)], jen.Id("opts").Op("..."))...),
			jen.Func().Params(jen.Id("page").Add(pageType(pg))).Index().Add(goType(pg.Item)).Block(
				jen.List(jen.Id("items"), jen.Id("_")).Op(":=").Add(accessFunc(pg, pg.Results)).Call(jen.Id("page")),
				jen.Return(jen.Id("items")),
			),
		)),
	)
}

// genNextPage writes what decides, from a page, whether another follows and
// prepares its request.
func genNextPage(g *jen.Group, pg *plan.Pagination, stop jen.Code) {
	if pg.Results != nil {
		g.List(jen.Id("items"), jen.Id("_")).Op(":=").Add(accessFunc(pg, pg.Results)).Call(jen.Id("page"))
	}
	switch pg.Kind {
	case plan.PageOffset, plan.PageNumber:
		in := pg.Input
		typ := goType(nonNull(in.Type))
		if in.Field == nil || in.Field.Wrap == plan.Plain {
			g.Id("cur").Op(":=").Add(inputRef(in))
		} else {
			if pg.Start == 0 {
				g.Var().Id("cur").Add(typ)
			} else {
				g.Var().Id("cur").Add(typ).Op("=").Lit(int(pg.Start))
			}
			g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(inputRef(in)).Dot("Get").Call(), jen.Id("ok")).Block(
				jen.Id("cur").Op("=").Id("v"))
		}
		if pg.Results != nil {
			// An empty page always ends the list; a shorter page than
			// the limit asked for is the last one.
			cond := jen.Len(jen.Id("items")).Op("==").Lit(0)
			if l := pg.Limit; l != nil {
				if l.Field == nil || l.Field.Wrap == plan.Plain {
					cond = cond.Op("||").Len(jen.Id("items")).Op("<").Int().Call(inputRef(l))
					g.If(cond).Block(stop)
				} else {
					g.If(jen.List(jen.Id("limit"), jen.Id("ok")).Op(":=").Add(inputRef(l)).Dot("Get").Call(),
						cond.Op("||").Id("ok").Op("&&").Len(jen.Id("items")).Op("<").Int().Call(jen.Id("limit"))).Block(stop)
				}
			} else {
				g.If(cond).Block(stop)
			}
		}
		if pg.NumPages != nil {
			// The page after this one is past the last.
			past := jen.Int64().Call(jen.Id("cur")).Op("+").Lit(1).Op(">").Int64().Call(jen.Id("np"))
			cond := jen.Id("ok").Op("&&").Add(past)
			if pg.Results == nil {
				cond = jen.Op("!").Id("ok").Op("||").Add(past)
			}
			g.If(jen.List(jen.Id("np"), jen.Id("ok")).Op(":=").Add(accessFunc(pg, pg.NumPages)).Call(jen.Id("page")), cond).Block(stop)
		}
		next := jen.Id("cur").Op("+").Lit(1)
		if pg.Kind == plan.PageOffset {
			next = jen.Id("cur").Op("+").Add(typ).Call(jen.Len(jen.Id("items")))
		}
		g.Add(setInput(in, next))
	case plan.PageCursor, plan.PageURL, plan.PageLink:
		if pg.Results != nil {
			g.If(jen.Len(jen.Id("items")).Op("==").Lit(0)).Block(stop)
		}
		if pg.Kind == plan.PageLink {
			g.Id("v").Op(":=").Qual(implPkg, "NextLink").Call(jen.Id("header"))
			g.If(jen.Id("v").Op("==").Lit("")).Block(stop)
		} else {
			g.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(accessFunc(pg, pg.Next)).Call(jen.Id("page"))
			cond := jen.Op("!").Id("ok")
			if pg.ZeroEnds {
				cond = cond.Op("||").Id("v").Op("==").Lit("")
			}
			g.If(cond).Block(stop)
		}
		v := jen.Id("v")
		switch {
		case pg.Convert && pg.Kind == plan.PageCursor:
			v = jen.Add(goType(nonNull(pg.Input.Type))).Call(jen.Id("v"))
		case pg.Convert:
			v = jen.String().Call(jen.Id("v"))
		}
		if pg.Kind == plan.PageCursor {
			g.Add(setInput(pg.Input, v))
		} else {
			g.Id("next").Op("=").Add(v)
		}
	}
}

// pagesDoc is <Op>Pages' doc comment: how the next page is found and when
// the iteration ends.
func pagesDoc(o *plan.Operation) string {
	pg := o.Pagination
	var how, end string
	switch pg.Kind {
	case plan.PageOffset:
		how = fmt.Sprintf("each request's %s is the previous one's plus the number of items it got (%s)", pg.Input.Name, pg.Results.Path)
	case plan.PageNumber:
		how = fmt.Sprintf("each request asks for the page after the previous one (%s, counted from %d when not set)", pg.Input.Name, pg.Start)
	case plan.PageCursor:
		how = fmt.Sprintf("each request's %s is the previous page's %s", pg.Input.Name, pg.Next.Path)
	case plan.PageURL:
		how = fmt.Sprintf("each request goes to the URL the previous page gave (%s)", pg.Next.Path)
	case plan.PageLink:
		how = "each request goes to the URL of the previous response's Link header rel=\"next\""
	}
	switch {
	case pg.Kind == plan.PageCursor || pg.Kind == plan.PageURL || pg.Kind == plan.PageLink:
		end = "It ends after a page with no next one"
		if pg.Results != nil {
			end += " or no items"
		}
	case pg.NumPages != nil && pg.Results == nil:
		end = fmt.Sprintf("It ends at the page count %s", pg.NumPages.Path)
	default:
		end = "It ends after an empty page"
		if pg.Limit != nil {
			end += fmt.Sprintf(" or one with fewer items than %s asked for", pg.Limit.Name)
		}
		if pg.NumPages != nil {
			end += fmt.Sprintf(", or at the page count %s", pg.NumPages.Path)
		}
	}
	return fmt.Sprintf("%s iterates over the pages of %s, starting with the one the arguments ask for: %s. %s. "+
		"Each page is one call of %s, retried as it is; an error ends the iteration after being yielded, "+
		"and so does ctx being done. Breaking out of the loop requests no further page.", pg.Pages, o.Name, how, end, o.Name)
}
