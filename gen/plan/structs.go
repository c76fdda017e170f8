package plan

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// structMethods are the methods every generated struct declares: no field
// and no default getter may take their names.
var structMethods = []string{"Validate", "ValidateInto", "ApplyDefaults", "MarshalJSON", "UnmarshalJSON", "AppendJSON", "DecodeJSON"}

// absentField is the unexported field that records which required
// properties a decoded document did not carry (see Type.Absent).
const absentField = "absent"

// Literal is a value generated code writes as a Go expression of a known
// type (a field's default, which ApplyDefaults sets and the field's
// OrDefault getter returns). The Ref it is written for gives the type;
// exactly one of the fields below says the value.
type Literal struct {
	Null   bool      // null, for a nullable value
	String *string   // a string, or the JSON text of a free-form value
	Number string    // a number, spelled as a Go constant of the type
	Bool   *bool     // a boolean
	Bytes  []byte    // a format: byte string, decoded
	Time   time.Time // a date-time, in UTC (the same instant)
	IsTime bool
	Const  *EnumValue // an enum's constant
	// Elems are a slice's elements, or a map's values in Keys order
	// (sorted).
	Elems []*Literal
	Keys  []string
	Map   bool
}

// planStructs makes the decisions about a struct's methods and hidden
// state that need every type's final shape (enum kinds, pointers to break
// cycles, checked defaults): which required fields the decoder tracks,
// and each default's Go value and getter.
func (p *planner) planStructs() {
	for _, t := range p.m.Types {
		if t.Kind == KindStruct {
			p.planPresence(t)
			p.planDefaultGetters(t)
		}
	}
}

// planPresence gives a bit of Type.Absent to every required plain field
// whose Go value cannot say "absent" itself. JSON Schema's required means
// present: an empty string, 0 and false are values. A slice, map, raw
// JSON, pointer or union field has a state that is sent as null (nil,
// empty, unset), which no required non-nullable property accepts, so
// Validate reports that state and needs no bit. For the rest the decoder
// records what the document left out.
//
// A required readOnly field gets a bit too, which records the opposite:
// that the decoded document carried it. Requests leave its zero value out
// (a value built in Go has no bit set), while re-encoding a decoded
// response writes what came, `false` and 0 included. A required writeOnly
// field is tracked like any request-required one instead of being left
// out when zero: a request must carry its `false`, and a decoded response,
// which never has it, does not write it back.
func (p *planner) planPresence(t *Type) {
	n := 0
	for _, fl := range t.Fields {
		fl.Bit, fl.BitCarried = -1, false
		if fl.Wrap != Plain || HasNullState(fl.Type) {
			continue
		}
		switch {
		case fl.RequestRequired:
			fl.Bit = n
			n++
			if fl.WriteOnly {
				fl.OmitZero = false
			}
		case fl.ReadOnly:
			fl.Bit, fl.BitCarried = n, true
			n++
		}
	}
	if n > 0 {
		t.Absent = absentField
		t.AbsentBits = n
	}
}

// HasNullState reports whether a plain value of r has a state that is
// encoded as JSON null: a nil slice, map or []byte, empty raw JSON, a nil
// pointer, a union holding nothing (and aliases of those). A nullable
// value has one too, and null is one of its values.
func HasNullState(r *Ref) bool {
	if r.Nullable {
		return true
	}
	switch r.Kind {
	case RefSlice, RefMap:
		return true
	case RefBuiltin:
		return r.Builtin == RawJSON || r.Builtin == NoneType || r.Builtin == Bytes
	case RefNamed:
		if r.Pointer {
			return true
		}
		switch r.Named.Kind {
		case KindAlias:
			return HasNullState(r.Named.Elem)
		case KindUnion:
			return true
		}
	}
	return false
}

// planDefaultGetters decides, for every optional field with a default, the
// Go value of that default and the name of its getter, <Field>OrDefault,
// which returns the field's value or the default without setting it. The
// names come after every field and method of the struct, so a getter is
// the one renamed when a property is named like it.
func (p *planner) planDefaultGetters(t *Type) {
	used := newNamer(structMethods...)
	for _, fl := range t.Fields {
		used.used[fl.Name] = "field"
	}
	if t.Extra != nil {
		used.used["AdditionalProperties"] = "field"
	}
	if t.Absent != "" {
		used.used[t.Absent] = "field"
	}
	for _, fl := range t.Fields {
		if fl.Default == "" || fl.Required {
			// A required property is always sent: its default never applies.
			continue
		}
		d := json.NewDecoder(strings.NewReader(fl.Default))
		d.UseNumber()
		var v any
		lit, ok := (*Literal)(nil), false
		if d.Decode(&v) == nil {
			lit, ok = literalOf(fl.Type, v, 0)
		}
		if !ok || lit.Null {
			// checkDefault let it through for the docs, but Go cannot
			// spell it (a date-time that is not RFC 3339, bad base64, a
			// number the Go type cannot hold, null for a value that
			// cannot be null).
			p.warn(fl.Pos, t.Where+".properties."+fl.JSONName, "default %s cannot be written as a Go value of the field's type; ApplyDefaults leaves the field alone and it has no OrDefault getter", fl.Default)
			continue
		}
		fl.DefaultValue = lit
		name, renamed := used.claim(fl.Name+"OrDefault", "getter")
		if renamed {
			p.warn(fl.Pos, t.Where+".properties."+fl.JSONName, "the name %sOrDefault is already a field or method of %s; the getter of the default is named %s", fl.Name, t.Name, name)
		}
		fl.DefaultGetter = name
	}
}

// literalOf is the Go value of v (decoded with json.Number) for a value of
// r, or false when r's Go type cannot hold it.
func literalOf(r *Ref, v any, depth int) (*Literal, bool) {
	if depth > 32 {
		return nil, false
	}
	if v == nil {
		return &Literal{Null: true}, r.Nullable
	}
	switch r.Kind {
	case RefBuiltin:
		return builtinLiteral(r.Builtin, v)
	case RefNamed:
		if r.Pointer {
			return nil, false
		}
		switch r.Named.Kind {
		case KindEnum:
			for i := range r.Named.Enum.Values {
				ev := &r.Named.Enum.Values[i]
				if sameValue(ev.Value, v) {
					return &Literal{Const: ev}, true
				}
			}
		case KindAlias:
			return literalOf(r.Named.Elem, v, depth+1)
		}
	case RefSlice:
		xs, ok := v.([]any)
		if !ok {
			return nil, false
		}
		l := &Literal{Elems: make([]*Literal, 0, len(xs))}
		for _, x := range xs {
			e, ok := literalOf(r.Elem, x, depth+1)
			if !ok {
				return nil, false
			}
			l.Elems = append(l.Elems, e)
		}
		return l, true
	case RefMap:
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		l := &Literal{Map: true}
		for k := range m {
			l.Keys = append(l.Keys, k)
		}
		sort.Strings(l.Keys)
		for _, k := range l.Keys {
			e, ok := literalOf(r.Elem, m[k], depth+1)
			if !ok {
				return nil, false
			}
			l.Elems = append(l.Elems, e)
		}
		return l, true
	}
	return nil, false
}

func builtinLiteral(b Builtin, v any) (*Literal, bool) {
	switch b {
	case String:
		s, ok := v.(string)
		return &Literal{String: &s}, ok
	case Bool:
		x, ok := v.(bool)
		return &Literal{Bool: &x}, ok
	case RawJSON, NoneType:
		s := jsonOf(v)
		return &Literal{String: &s}, true
	case Time:
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, false
		}
		return &Literal{Time: tm.UTC(), IsTime: true}, true
	case Bytes:
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		bs, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, false
		}
		return &Literal{Bytes: bs}, true
	}
	n, ok := v.(json.Number)
	if !ok {
		return nil, false
	}
	switch b {
	case Int64, Int32:
		bits := 64
		if b == Int32 {
			bits = 32
		}
		x, err := strconv.ParseInt(string(n), 10, bits)
		if err != nil {
			if i, isInt := intOf(n); isInt && fitsBuiltin(n, b) {
				x, err = i, nil // 1.0, 1e3: whole numbers spelled otherwise
			}
		}
		return &Literal{Number: strconv.FormatInt(x, 10)}, err == nil
	case Uint64, Uint32:
		bits := 64
		if b == Uint32 {
			bits = 32
		}
		x, err := strconv.ParseUint(string(n), 10, bits)
		if err != nil {
			if u, isUint := uintOf(n); isUint && fitsBuiltin(n, b) {
				x, err = u, nil
			}
		}
		return &Literal{Number: strconv.FormatUint(x, 10)}, err == nil
	case Float64:
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, false
		}
		// The spec's digits: a Go constant is exact, and the compiler
		// rounds it to the type as a decoder would.
		return &Literal{Number: string(n)}, true
	}
	return nil, false
}

// planUsage picks the operation, body and error type of the package doc
// comment's example (see Usage).
func (p *planner) planUsage() {
	u := &p.m.Usage
	hasCtor := func(r *Ref) bool {
		return r != nil && r.Kind == RefNamed && !r.Nullable && r.Named.Kind == KindStruct && r.Named.Ctor != ""
	}
	// The snippet assigns the method's result and checks its error: an
	// event stream's method returns an iterator instead, so it is picked
	// only when there is nothing else.
	iterates := func(o *Operation) bool { return o.Events != nil && o.Events.Opener == nil }
	for _, o := range p.m.Operations {
		if o.Body != nil && o.Body.Kind == BodyJSON && hasCtor(o.Body.Type) && !iterates(o) {
			u.Op, u.Body = o, o.Body.Type.Named
			break
		}
	}
	for _, o := range p.m.Operations {
		if u.Op == nil && !iterates(o) {
			u.Op = o
		}
	}
	if u.Op == nil && len(p.m.Operations) > 0 {
		u.Op = p.m.Operations[0]
	}
	if u.Body == nil {
		for _, t := range p.m.Types {
			if t.Kind == KindStruct && t.Ctor != "" && t.SchemaName != "" {
				u.Body = t
				break
			}
		}
	}
	if u.Op != nil {
		for _, r := range u.Op.Errors {
			if r.ErrorType != "" {
				u.ErrorType = r.ErrorType
				break
			}
		}
	}
}
