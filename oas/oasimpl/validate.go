package oasimpl

import (
	"fmt"
	"math"
	"net/mail"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/oasgen/oasgen/oas"
)

// Path is a JSON path built on the stack while validating: nothing is
// allocated unless a violation needs the path as a string.
type Path struct {
	parent *Path
	key    string
	index  int
	isKey  bool
}

// Key returns the path of the member named key below p (p may be nil).
func (p *Path) Key(key string) Path { return Path{parent: p, key: key, isKey: true} }

// Index returns the path of the array item i below p (p may be nil).
func (p *Path) Index(i int) Path { return Path{parent: p, index: i} }

// String renders the path as `a.b[2].c`.
func (p *Path) String() string {
	if p == nil {
		return ""
	}
	var b strings.Builder
	p.write(&b)
	return b.String()
}

// write renders parents first. It recurses instead of collecting the chain
// so that no *Path is stored anywhere: paths stay on the stack.
func (p *Path) write(b *strings.Builder) {
	if p.parent != nil {
		p.parent.write(b)
	}
	if p.isKey {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.key)
		return
	}
	b.WriteByte('[')
	b.WriteString(strconv.Itoa(p.index))
	b.WriteByte(']')
}

// Validator collects violations. Its zero value is ready to use, and it
// allocates only when a violation is added.
type Validator struct {
	violations []oas.Violation
}

// Add records a violation at p.
func (v *Validator) Add(p *Path, format string, args ...any) {
	v.violations = append(v.violations, oas.Violation{Path: p.String(), Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when nothing was recorded, else a *oas.ValidationError.
// Out of line, as every type's Validate calls it once (inlined, each
// carried the allocation of the error).
//
//go:noinline
func (v *Validator) Err(typeName string) error {
	if len(v.violations) == 0 {
		return nil
	}
	return &oas.ValidationError{Type: typeName, Violations: v.violations}
}

// Mark returns how many violations have been recorded, for Rewind.
func (v *Validator) Mark() int { return len(v.violations) }

// Rewind drops the violations recorded since Mark returned mark. Generated
// code checks a map's values in map order, which allocates nothing, and only
// when that found something rewinds and checks again in sorted key order.
func (v *Validator) Rewind(mark int) {
	if mark >= 0 && mark <= len(v.violations) {
		v.violations = v.violations[:mark]
	}
}

// Required records that a required value is missing.
func (v *Validator) Required(p *Path) { v.Add(p, "required") }

// StringLen checks minLength and maxLength (in characters); a bound < 0 is unset.
func (v *Validator) StringLen(p *Path, s string, minLen, maxLen int) {
	n := utf8.RuneCountInString(s)
	if minLen >= 0 && n < minLen {
		v.Add(p, "length %d is less than minLength %d", n, minLen)
	}
	if maxLen >= 0 && n > maxLen {
		v.Add(p, "length %d is greater than maxLength %d", n, maxLen)
	}
}

// Items checks minItems and maxItems; a bound < 0 is unset.
func (v *Validator) Items(p *Path, n, minItems, maxItems int) {
	if minItems >= 0 && n < minItems {
		v.Add(p, "%d items is less than minItems %d", n, minItems)
	}
	if maxItems >= 0 && n > maxItems {
		v.Add(p, "%d items is more than maxItems %d", n, maxItems)
	}
}

// UniqueItems checks that no two items are equal, reporting the first
// repeat of each item. Small arrays are compared pairwise, which allocates
// nothing.
func UniqueItems[T comparable](v *Validator, p *Path, items []T) {
	if len(items) > 64 {
		first := make(map[T]int, len(items))
		for j, x := range items {
			if i, ok := first[x]; ok {
				v.Add(p, "items %d and %d are equal (uniqueItems)", i, j)
				continue
			}
			first[x] = j
		}
		return
	}
	for j := 1; j < len(items); j++ {
		for i := 0; i < j; i++ {
			if items[i] == items[j] {
				v.Add(p, "items %d and %d are equal (uniqueItems)", i, j)
				break
			}
		}
	}
}

// Properties checks minProperties and maxProperties; a bound < 0 is unset.
func (v *Validator) Properties(p *Path, n, minProps, maxProps int) {
	if minProps >= 0 && n < minProps {
		v.Add(p, "%d properties is less than minProperties %d", n, minProps)
	}
	if maxProps >= 0 && n > maxProps {
		v.Add(p, "%d properties is more than maxProperties %d", n, maxProps)
	}
}

// Minimum checks x >= min (x > min when exclusive).
func (v *Validator) Minimum(p *Path, x, minimum float64, exclusive bool) {
	if exclusive && !(x > minimum) {
		v.Add(p, "%s is not greater than %s", fmtNum(x), fmtNum(minimum))
	} else if !exclusive && !(x >= minimum) {
		v.Add(p, "%s is less than minimum %s", fmtNum(x), fmtNum(minimum))
	}
}

// Maximum checks x <= max (x < max when exclusive).
func (v *Validator) Maximum(p *Path, x, maximum float64, exclusive bool) {
	if exclusive && !(x < maximum) {
		v.Add(p, "%s is not less than %s", fmtNum(x), fmtNum(maximum))
	} else if !exclusive && !(x <= maximum) {
		v.Add(p, "%s is greater than maximum %s", fmtNum(x), fmtNum(maximum))
	}
}

// MultipleOf checks that x is a multiple of m.
func (v *Validator) MultipleOf(p *Path, x, m float64) {
	if m == 0 {
		return
	}
	// Decimal steps are not exact in binary (0.3/0.1 is 2.9999999999999996),
	// so a quotient within rounding error of a whole number counts.
	q := x / m
	if math.Abs(q-math.Round(q)) > 1e-9*math.Max(1, math.Abs(q)) {
		v.Add(p, "%s is not a multiple of %s", fmtNum(x), fmtNum(m))
	}
}

// Integer is the Go types of OpenAPI integers.
type Integer interface {
	~int64 | ~int32 | ~uint64 | ~uint32
}

// IntMinimum checks x >= minimum (x > minimum when exclusive) on integers,
// exactly: as float64s, 9007199254740993 and 9007199254740992 are equal.
func IntMinimum[T Integer](v *Validator, p *Path, x, minimum T, exclusive bool) {
	if exclusive && !(x > minimum) {
		v.Add(p, "%d is not greater than %d", x, minimum)
	} else if !exclusive && !(x >= minimum) {
		v.Add(p, "%d is less than minimum %d", x, minimum)
	}
}

// IntMaximum checks x <= maximum (x < maximum when exclusive) on integers,
// exactly.
func IntMaximum[T Integer](v *Validator, p *Path, x, maximum T, exclusive bool) {
	if exclusive && !(x < maximum) {
		v.Add(p, "%d is not less than %d", x, maximum)
	} else if !exclusive && !(x <= maximum) {
		v.Add(p, "%d is greater than maximum %d", x, maximum)
	}
}

// IntMultipleOf checks that the integer x is a multiple of m (m > 0).
func IntMultipleOf[T Integer](v *Validator, p *Path, x, m T) {
	if m > 0 && x%m != 0 {
		v.Add(p, "%d is not a multiple of %d", x, m)
	}
}

// Pattern records a string that does not match its pattern.
func (v *Validator) Pattern(p *Path, s, pattern string) {
	v.Add(p, "%q does not match pattern %q", s, pattern)
}

// NotInEnum records a value outside its enum.
func (v *Validator) NotInEnum(p *Path, value any, allowed string) {
	v.Add(p, "%s is not one of %s", quoteValue(value), allowed)
}

// Format checks the common string formats: date-time, date, time, email,
// uuid, uri, hostname, ipv4, ipv6. Unknown formats are accepted.
func (v *Validator) Format(p *Path, s, format string) {
	if !FormatOK(s, format) {
		v.Add(p, "%q is not a valid %s", s, format)
	}
}

// FormatOK reports whether s is valid for the named format; unknown formats
// are always valid.
func FormatOK(s, format string) bool {
	switch format {
	case "date-time":
		_, err := time.Parse(time.RFC3339Nano, s)
		return err == nil
	case "date":
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	case "time":
		_, err := time.Parse("15:04:05Z07:00", s)
		if err != nil {
			_, err = time.Parse("15:04:05.999999999Z07:00", s)
		}
		return err == nil
	case "email":
		return isEmail(s)
	case "uuid":
		return isUUID(s)
	case "uri":
		return isURI(s)
	case "hostname":
		return isHostname(s)
	case "ipv4":
		a, err := netip.ParseAddr(s)
		return err == nil && a.Is4()
	case "ipv6":
		a, err := netip.ParseAddr(s)
		return err == nil && a.Is6()
	}
	return true
}

// isEmail accepts a bare RFC 5322 address (no display name). The common
// dot-atom form is checked without allocating; quoted local parts and
// address literals go to net/mail.
func isEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if local[0] == '"' || domain[0] == '[' {
		// ParseAddress also takes "Name <addr>"; the '<' test keeps it to
		// a bare address. It unquotes the local part, so compare the domain.
		a, err := mail.ParseAddress(s)
		return err == nil && strings.IndexByte(s, '<') < 0 && strings.HasSuffix(a.Address, "@"+domain)
	}
	return isDotAtom(local) && isHostname(domain) && strings.IndexByte(domain, '.') > 0
}

// isDotAtom reports whether s is atext runs separated by single dots.
func isDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c >= 0x80:
		case strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0:
		case c == '.':
			if s[i-1] == '.' {
				return false
			}
		default:
			return false
		}
	}
	return utf8.ValidString(s)
}

// isURI accepts an absolute URI (RFC 3986): a scheme, a colon, and no
// spaces, control characters or broken percent escapes.
func isURI(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon <= 0 {
		return false
	}
	for i := 0; i < colon; i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	for i := colon + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}':
			return false
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func isHostname(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	rest := strings.TrimSuffix(s, ".")
	for {
		// Labels are walked with IndexByte rather than strings.Split so that
		// a valid hostname costs no allocation.
		label := rest
		dot := strings.IndexByte(rest, '.')
		if dot >= 0 {
			label, rest = rest[:dot], rest[dot+1:]
		}
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
		if dot < 0 {
			return true
		}
	}
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func quoteValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return fmtNum(x)
	default:
		return fmt.Sprint(x)
	}
}

// SortedKeys returns a map's keys in order, so violations inside maps are
// reported in a stable order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ValidOK reports whether x passes its own Validate method (values without
// one always pass). Union decoding uses it to pick a variant.
func ValidOK(x any) bool {
	if v, ok := x.(interface{ Validate() error }); ok {
		return v.Validate() == nil
	}
	return true
}

// RequiredKey reports the member named key below p as missing: what
// generated ValidateInto methods call for a required member, so that the
// path is built here, on the error path, and not at every such member.
// Kept out of line for the same reason.
//
//go:noinline
func (v *Validator) RequiredKey(p *Path, key string) {
	k := p.Key(key)
	v.Add(&k, "required")
}
