package plan

// Constructors: which fields NewT takes, in which order, and the names of
// its parameters.

import (
	"go/token"
	"sort"
	"strconv"
	"unicode"
)

// ctorFields are the RequestRequired fields in the order the spec lists
// their properties (order), those with an x-order first by it. Alphabetical
// order, which Fields keep, would move an argument whenever another
// required property is added or renamed.
func ctorFields(fields []*Field, order []string, xOrder func(string) (int, bool)) []*Field {
	rank := make(map[string]int, len(order))
	for i, k := range order {
		rank[k] = i
	}
	var out []*Field
	for _, fl := range fields {
		if fl.RequestRequired {
			out = append(out, fl)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, hi := xOrder(out[i].JSONName)
		oj, hj := xOrder(out[j].JSONName)
		if hi != hj {
			return hi
		}
		if hi && oi != oj {
			return oi < oj
		}
		return rank[out[i].JSONName] < rank[out[j].JSONName]
	})
	return out
}

// ctorLocals are the names a generated constructor or method body uses
// itself, next to Go's keywords.
var ctorLocals = map[string]bool{"v": true, "p": true, "m": true, "oas": true, "json": true, "time": true}

// planCtorParams names the constructor's parameter for each
// RequestRequired field: lowerFirst of the field name, "_" added for a
// keyword or a local, made unique and kept apart from the type's name.
func planCtorParams(t *Type) {
	used := map[string]bool{t.Name: true}
	for _, fl := range t.CtorFields {
		base := lowerFirst(fl.Name)
		if base == "" {
			base = "v"
		}
		if token.IsKeyword(base) || ctorLocals[base] {
			base += "_"
		}
		n := base
		for k := 2; used[n]; k++ {
			n = base + strconv.Itoa(k)
		}
		used[n] = true
		fl.Param = n
	}
}

// lowerFirst lower-cases the leading initialism or letter: ID → id,
// PetID → petID, URLPath → urlPath.
func lowerFirst(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) {
		n-- // keep the capital that starts the next word
	}
	for i := 0; i < n; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}
