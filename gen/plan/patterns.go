package plan

// Patterns: the package-level variables holding a type's compiled
// patterns. Each is unexported and named after its type and a hash of the
// expression, so two types never share one and a type's names do not move
// when another pattern is added.

import (
	"sort"
	"strconv"
)

// Pattern is one compiled pattern a type's validation uses:
//
//	var <Var> = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(<Expr>) })
type Pattern struct {
	Var  string
	Expr string
}

// PatternVar is the variable holding the compiled expr among the type's
// Patterns ("" when the type declares none for it).
func (t *Type) PatternVar(expr string) string {
	for _, p := range t.Patterns {
		if p.Expr == expr {
			return p.Var
		}
	}
	return ""
}

// planPatterns lists each type's patterns: those of its fields, its
// additional properties and its underlying type, items and map values
// included, in expression order. Operations' Args and Parts structs get
// theirs too.
func (p *planner) planPatterns() {
	for _, t := range p.m.Types {
		planTypePatterns(t)
	}
	for _, o := range p.m.Operations {
		if o.Args != nil {
			planTypePatterns(o.Args)
		}
		if o.Body != nil && o.Body.Parts != nil {
			planTypePatterns(o.Body.Parts)
		}
	}
}

func planTypePatterns(t *Type) {
	seen := map[string]bool{}
	var exprs []string
	var walk func(r *Ref)
	walk = func(r *Ref) {
		if r == nil {
			return
		}
		if r.C.Pattern != "" && !seen[r.C.Pattern] {
			seen[r.C.Pattern] = true
			exprs = append(exprs, r.C.Pattern)
		}
		if r.Kind == RefSlice || r.Kind == RefMap {
			walk(r.Elem)
		}
	}
	for _, fl := range t.Fields {
		walk(fl.Type)
	}
	walk(t.Extra)
	walk(t.Elem)
	sort.Strings(exprs)
	t.Patterns = nil
	for _, e := range exprs {
		t.Patterns = append(t.Patterns, Pattern{Var: "pattern" + t.Name + strconv.FormatUint(fnv64(e), 36), Expr: e})
	}
}
