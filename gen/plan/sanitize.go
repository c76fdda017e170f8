package plan

import (
	"strings"
	"unicode"

	"github.com/oasgen/oasgen/gen/diag"
)

// checkJSONName warns about a property name a json struct tag cannot
// carry (see taggable): the field's tag then names none, and only the
// generated JSON methods, which use the name itself, know it.
func (p *planner) checkJSONName(name, field string, pos diag.Pos, where string) {
	if !taggable(name) {
		p.warn(pos, where, "property name %q cannot be written in a Go json struct tag: the tag of field %s names none; the generated JSON methods use %q, code that reads the tag instead sees %s", name, field, name, field)
	}
}

// taggable reports whether a json struct tag can carry name as it is:
// encoding/json cuts a name at a comma (go vet then reads what follows as
// options), and ignores one that is empty or holds anything but letters,
// digits, spaces and !#$%&()*+-./:;<=>?@[]^_{|}~.
func taggable(name string) bool {
	return name == "-" || validJSONTagName(name)
}

// JSONTag is the value of f's json struct tag: its JSON name (or none,
// when no tag can carry it: checkJSONName warns), and omitzero when
// f.OmitZero. A name "-" is written "-," (alone it would mean "skip").
func (f *Field) JSONTag() string {
	name := f.JSONName
	switch {
	case name == "-":
		name = "-,"
	case !taggable(name):
		name = ""
	}
	if f.OmitZero {
		name += ",omitzero"
	}
	return name
}

func validJSONTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			return false
		}
	}
	return true
}
