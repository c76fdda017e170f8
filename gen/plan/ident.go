package plan

// Go identifiers as values: a type the generated code names from another
// package is a GoIdent (protogen's GoIdent), so emitters write it with
// jen.Qual(ImportPath, Name) and import lists and qualified text are
// derived from it, never parsed out of or glued into a string.

import "path"

// GoIdent is a Go identifier and the import path of the package that
// declares it; ImportPath is "" for predeclared identifiers and for those
// of the generated package itself.
type GoIdent struct {
	Name       string
	ImportPath string
}

// Qualified is the identifier as Go source outside its package writes it
// when the package is imported under the last element of its path:
// "oas.Opt", "time.Time"; the bare name without an import path.
func (id GoIdent) Qualified() string {
	if id.ImportPath == "" {
		return id.Name
	}
	return path.Base(id.ImportPath) + "." + id.Name
}

// The identifiers of other packages the plan's types are built from.
var (
	OptIdent        = GoIdent{Name: "Opt", ImportPath: RuntimePath}      // an optional field: oas.Opt[T]
	NullableIdent   = GoIdent{Name: "Nullable", ImportPath: RuntimePath} // a nullable value: oas.Nullable[T]
	FileIdent       = GoIdent{Name: "File", ImportPath: RuntimePath}     // a multipart file: oas.File
	EventIdent      = GoIdent{Name: "Event", ImportPath: RuntimePath}    // a server-sent event: oas.Event[T]
	TimeIdent       = GoIdent{Name: "Time", ImportPath: "time"}
	RawMessageIdent = GoIdent{Name: "RawMessage", ImportPath: "encoding/json"}
)

// Ident is the generic type wrapping a field's value (oas.Opt,
// oas.Nullable); false for a plain field.
func (w Wrap) Ident() (GoIdent, bool) {
	switch w {
	case Optional:
		return OptIdent, true
	case NullableWrap:
		return NullableIdent, true
	}
	return GoIdent{}, false
}

// Ident is the Go type of a builtin: a predeclared scalar, time.Time or
// json.RawMessage (also for NoneType, a value of no known type). Bytes
// has none: []byte is a slice of the predeclared byte, not an identifier.
func (b Builtin) Ident() (GoIdent, bool) {
	switch b {
	case Time:
		return TimeIdent, true
	case RawJSON, NoneType:
		return RawMessageIdent, true
	case Bytes:
		return GoIdent{}, false
	}
	return GoIdent{Name: string(b)}, true
}
