package plan

// Method sets: which methods a generated type declares and which values
// need checking. Emitters ask these questions of the model rather than
// answering them (as ogen's ir.Type answers NeedValidation); the uniqueItems
// the generated code cannot check are dropped here, with a warning.

import (
	"strings"

	"github.com/oasgen/oasgen/gen/diag"
)

// HasAppendJSON reports whether the type gets the reflection-free
// AppendJSON and DecodeJSON: every struct, enum and union, and every alias
// that is not a Go alias (type T = U cannot carry methods of its own;
// values go through encoding/json and U's methods).
func (t *Type) HasAppendJSON() bool {
	switch t.Kind {
	case KindStruct, KindEnum, KindUnion:
		return true
	case KindAlias:
		return !t.GoAlias
	}
	return false
}

// HasMarshalJSON reports whether the JSON emitter also makes the type a
// json.Marshaler and json.Unmarshaler (on top of AppendJSON): structs, and
// aliases of composite or nullable values. Enums and aliases of builtins
// do not: encoding/json is already cheap for them, and parameter binding
// must keep treating them as plain strings and numbers. (Unions declare
// theirs with their other methods.)
func (t *Type) HasMarshalJSON() bool {
	switch t.Kind {
	case KindStruct:
		return true
	case KindAlias:
		return t.Elem.Kind != RefBuiltin || t.Elem.Nullable
	}
	return false
}

// ValidatedBeforeSending reports whether the client calls Validate on a
// path parameter or request body of this type before sending it: a named
// type that has the method (a nullable one is an oas.Nullable, which has
// none).
func (r *Ref) ValidatedBeforeSending() bool {
	return r != nil && r.Kind == RefNamed && !r.Nullable && r.Named.HasValidate()
}

// NeedsValidation reports whether a value of r can ever be invalid, so
// that Validate has something to check (whether r itself is nullable does
// not matter: null is then valid, and a value is checked as r).
func (r *Ref) NeedsValidation() bool { return r.needsCheck(map[*Type]bool{}) }

// NeedsValidation reports whether a value of t can ever be invalid. A
// type that reaches itself is assumed to.
func (t *Type) NeedsValidation() bool { return t.needsCheck(map[*Type]bool{}) }

func (r *Ref) needsCheck(seen map[*Type]bool) bool {
	c := r.C
	switch r.Kind {
	case RefSlice:
		return c.MinItems >= 0 || c.MaxItems >= 0 || c.UniqueItems || r.Elem.needsCheck(seen)
	case RefMap:
		return c.MinProps >= 0 || c.MaxProps >= 0 || r.Elem.needsCheck(seen)
	case RefNamed:
		return r.Named.needsCheck(seen)
	}
	switch r.Builtin {
	case String:
		return c.MinLength >= 0 || c.MaxLength >= 0 || c.Pattern != "" || c.Format != "" && c.Format != "date-time"
	case Int64, Int32, Uint32, Uint64, Float64:
		return c.Min != nil || c.Max != nil || c.MultipleOf != nil
	}
	return false
}

func (t *Type) needsCheck(seen map[*Type]bool) bool {
	if seen[t] {
		return true // recursive: assume so
	}
	seen[t] = true
	switch t.Kind {
	case KindEnum:
		return !t.Enum.Open
	case KindUnion:
		return true
	case KindAlias:
		return t.Elem.needsCheck(seen)
	case KindStruct:
		for _, fl := range t.Fields {
			if fl.RequestRequired || fl.Type.needsCheck(seen) {
				return true
			}
		}
		if t.Extra != nil {
			return t.Extra.needsCheck(seen)
		}
	}
	return false
}

// ValidatesUnion reports whether validating a value of t decodes a union
// (oneOf/anyOf values are kept as JSON and decoded to be checked), so
// that Validate allocates even for a valid value.
func (t *Type) ValidatesUnion() bool { return holdsUnion(t, map[*Type]bool{}) }

func holdsUnion(t *Type, seen map[*Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	var refs []*Ref
	switch t.Kind {
	case KindUnion:
		return len(t.Union.Variants) > 0
	case KindAlias:
		refs = append(refs, t.Elem)
	case KindStruct:
		for _, fl := range t.Fields {
			refs = append(refs, fl.Type)
		}
		refs = append(refs, t.Extra)
	}
	for len(refs) > 0 {
		r := refs[0]
		refs = refs[1:]
		switch {
		case r == nil:
		case r.Kind == RefNamed:
			if holdsUnion(r.Named, seen) {
				return true
			}
		case r.Kind == RefSlice || r.Kind == RefMap:
			refs = append(refs, r.Elem)
		}
	}
	return false
}

// comparable reports whether uniqueItems can be checked with ==: scalars
// and enums (wrapped in oas.Nullable or not). time.Time compares its
// location, raw JSON its bytes, structs may hold slices: those are not.
func comparable(r *Ref) bool {
	switch r.Kind {
	case RefBuiltin:
		switch r.Builtin {
		case String, Int64, Int32, Uint32, Uint64, Float64, Bool:
			return true
		}
	case RefNamed:
		if r.Pointer {
			return false
		}
		t := r.Named
		if t.Kind == KindAlias && t.GoAlias {
			return comparable(t.Elem)
		}
		return t.Kind == KindEnum
	}
	return false
}

// planUniqueItems drops uniqueItems wherever the items are not comparable
// with == (see comparable), with a warning at the use, so that
// Constraints.UniqueItems means "checked". It runs once every type is
// planned (GoAlias and Pointer decided); a Ref shared by several uses is
// reported once.
func (p *planner) planUniqueItems() {
	warned := map[string]bool{}
	var visit func(r *Ref, at diag.Pos, where string)
	visit = func(r *Ref, at diag.Pos, where string) {
		if r == nil || r.Kind == RefNamed || r.Kind == RefExternal {
			return
		}
		if r.Kind == RefSlice && r.C.UniqueItems && !comparable(r.Elem) {
			r.C.UniqueItems = false
			if !warned[where] {
				warned[where] = true
				p.warn(at, where, "uniqueItems on items of type %s cannot be checked with ==; it is not checked", refLabel(r.Elem))
			}
		}
		if r.Elem != nil {
			visit(r.Elem, at, where+".items")
		}
	}
	fields := func(t *Type) {
		for _, fl := range t.Fields {
			visit(fl.Type, fl.Pos, t.Where+".properties."+fl.JSONName)
		}
		if t.Extra != nil {
			visit(t.Extra, t.Pos, t.Where+".additionalProperties")
		}
	}
	for _, t := range p.m.Types {
		at := t.Pos
		switch t.Kind {
		case KindStruct:
			fields(t)
		case KindAlias:
			visit(t.Elem, at, t.Where)
		case KindUnion:
			for _, v := range t.Union.Variants {
				visit(v.Type, at, t.Where+".variants."+v.Name)
			}
		}
	}
	for _, o := range p.m.Operations {
		where := "paths." + o.Path + "." + strings.ToLower(o.Method)
		pos := p.spec.Pos("paths", o.Path, strings.ToLower(o.Method))
		for _, pr := range o.Params {
			visit(pr.Type, pr.Pos, where+".parameters."+pr.Name)
		}
		if o.Args != nil {
			fields(o.Args)
		}
		if b := o.Body; b != nil {
			if b.Parts != nil {
				fields(b.Parts)
			}
			visit(b.Type, pos, where+".requestBody")
		}
		for _, rs := range append(append([]*Response{}, o.Successes...), o.Errors...) {
			visit(rs.Body, pos, where+".responses."+rs.Status)
		}
	}
}

// CarriedBits is the mask of the bits in word w (bits 64w to 64w+63) of
// t's Absent field that record a member the decoded document carried
// (Field.BitCarried) rather than one it left out; 0 when none does.
func (t *Type) CarriedBits(w int) uint64 {
	var m uint64
	for _, fl := range t.Fields {
		if fl.Bit >= 0 && fl.BitCarried && fl.Bit/64 == w {
			m |= 1 << (fl.Bit % 64)
		}
	}
	return m
}

// JSONKeysVar names the package-level table of a struct's member names as
// JSON, in field order, that its DecodeJSON passes to
// oasimpl.Decoder.KeyIs ("" for anything but a struct with fields). Type
// names are exported, so the unexported name cannot clash with one.
func (t *Type) JSONKeysVar() string {
	if t.Kind != KindStruct || len(t.Fields) == 0 {
		return ""
	}
	return "jsonKeys" + t.Name
}

// JSONFieldsVar names the package-level oasimpl.Fields of a struct with
// fields, in which its DecodeJSON looks up a member name KeyIs did not
// guess ("" for anything else). It cannot clash with a JSONKeysVar: the
// prefixes differ.
func (t *Type) JSONFieldsVar() string {
	if t.Kind != KindStruct || len(t.Fields) == 0 {
		return ""
	}
	return "jsonFields" + t.Name
}
