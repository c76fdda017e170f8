package plan

import (
	"strings"
	"unicode"

	"github.com/oasgen/oasgen/gen/diag"
)

// checkJSONName warns about a property name a json struct tag cannot
// carry: encoding/json cuts the name at a comma, and a name that is empty or
// holds anything but letters, digits, spaces and !#$%&()*+-./:;<=>?@[]^_{|}~
// makes it fall back to the Go field name.
func (p *planner) checkJSONName(name, field string, pos diag.Pos, where string) {
	wire, _, _ := strings.Cut(name, ",")
	if !validJSONTagName(wire) {
		wire = field
	}
	if wire != name {
		p.warn(pos, where, "property name %q cannot be expressed in a Go json struct tag; encoding/json reads and writes it as %q", name, wire)
	}
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
