package plan

// Patterns: the package-level variables holding a type's compiled
// patterns. Each is unexported and named after its type and a hash of the
// expression, so two types never share one and a type's names do not move
// when another pattern is added.

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
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

// goPattern is a schema's pattern (ECMA-262 syntax) as Go's regexp reads
// it: the pattern itself when Go compiles it, else with ECMA's \uXXXX and
// \u{X...} escapes (a surrogate pair as the one character it encodes)
// written as Go's \x{X...}, which mean the same. Anything else Go cannot
// compile (lookaround, backreferences, repeat counts over 1000) is the
// error.
func goPattern(expr string) (string, error) {
	_, err := regexp.Compile(expr)
	if err == nil || !strings.Contains(expr, `\u`) {
		return expr, err
	}
	alt := ecmaUnicodeEscapes(expr)
	if _, err2 := regexp.Compile(alt); err2 != nil {
		return expr, err
	}
	return alt, nil
}

// ecmaUnicodeEscapes rewrites expr's \uXXXX and \u{X...} escapes as
// \x{X...}; other escapes (\\u is a backslash and a u) are kept.
func ecmaUnicodeEscapes(expr string) string {
	var b strings.Builder
	for i := 0; i < len(expr); i++ {
		if expr[i] != '\\' || i+1 == len(expr) {
			b.WriteByte(expr[i])
			continue
		}
		if expr[i+1] != 'u' {
			b.WriteString(expr[i : i+2])
			i++
			continue
		}
		r, n := unicodeEscape(expr[i:])
		if n == 0 {
			b.WriteString(expr[i : i+2])
			i++
			continue
		}
		if utf16.IsSurrogate(r) {
			if lo, m := unicodeEscape(expr[i+n:]); m > 0 {
				if pair := utf16.DecodeRune(r, lo); pair != '\uFFFD' {
					r, n = pair, n+m
				}
			}
		}
		b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
		i += n - 1
	}
	return b.String()
}

// unicodeEscape reads \uXXXX or \u{X...} at the start of s: the code
// point and the escape's length, 0 when s does not start with one.
func unicodeEscape(s string) (rune, int) {
	if !strings.HasPrefix(s, `\u`) {
		return 0, 0
	}
	if strings.HasPrefix(s, `\u{`) {
		end := strings.IndexByte(s, '}')
		if end < 4 {
			return 0, 0
		}
		v, err := strconv.ParseUint(s[3:end], 16, 32)
		if err != nil || v > 0x10FFFF {
			return 0, 0
		}
		return rune(v), end + 1
	}
	if len(s) < 6 {
		return 0, 0
	}
	v, err := strconv.ParseUint(s[2:6], 16, 32)
	if err != nil || strings.ContainsAny(s[2:6], "+-") {
		return 0, 0
	}
	return rune(v), 6
}
