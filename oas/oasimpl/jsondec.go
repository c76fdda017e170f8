package oasimpl

// The JSON decoder generated DecodeJSON methods drive. Why one file of
// ~1,000 lines: it is one hot loop's state (the input, the offset, the
// string arena, the error path) and the token readers that share it;
// splitting it by value kind would scatter what the compiler must inline
// together and what a reader must hold in mind at once. The error type is
// in jsonerror.go (package oas), the encoder in jsonenc.go, the
// timestamp fast path in jsontime.go.

import (
	"encoding/base64"
	"encoding/binary"
	"math/bits"
	"slices"
	"strconv"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/oasgen/oasgen/oas"
)

// jsonPath is the path of the value at offset off in data, found by
// scanning data up to there: the members and items it is inside, and the
// member or item it is (or is being read as). It runs only for an error,
// so decoding keeps no path while it works.
func jsonPath(data []byte, off int) string {
	type frame struct {
		object bool
		key    string // object: the member being read ("" before its name)
		index  int    // array: the item being read
	}
	var stack []frame
	for i := 0; i < off && i < len(data); i++ {
		switch c := data[i]; c {
		case '{':
			stack = append(stack, frame{object: true})
		case '[':
			stack = append(stack, frame{})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if n := len(stack); n > 0 {
				if stack[n-1].object {
					stack[n-1].key = ""
				} else {
					stack[n-1].index++
				}
			}
		case '"':
			end := i + 1
			for end < len(data) && data[end] != '"' {
				if data[end] == '\\' {
					end++
				}
				end++
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].key == "" && end < off {
				// A member name: the next value is this member's.
				d := NewDecoder(data[i : end+1])
				stack[n-1].key = d.String()
				if stack[n-1].key == "" {
					stack[n-1].key = `""`
				}
			}
			i = end
		}
	}
	var b []byte
	for _, f := range stack {
		switch {
		case f.object && f.key == "":
			// between members: the object itself is the place
		case f.object:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, f.key...)
		default:
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(f.index), 10)
			b = append(b, ']')
		}
	}
	return string(b)
}

// maxDepth is encoding/json's nesting limit: deeper input is rejected.
const maxDepth = 10000

// Decoder reads one JSON document from a byte slice for generated
// UnmarshalJSON methods. It never allocates except for the values it
// returns (strings, slices) and errors. The first error sticks: after it
// every method returns zero values and Err reports it.
//
// The strings, raw values and base64 bytes it returns share one backing
// array per document (see arenaChunk), so decoding a value with many string
// fields costs one allocation for all of them, not one each. Holding any
// one of them keeps its chunk alive, as with sonic's default, which does
// the same.
//
// It is a value type so that a generated UnmarshalJSON keeps it on the
// stack: d := oas.NewDecoder(data); m.DecodeJSON(&d); return d.End().
type Decoder struct {
	data  []byte
	pos   int
	depth int
	err   error
	arena []byte // backing array of the values returned so far (see alloc)
}

// arenaChunk caps one backing array of a Decoder's strings: a document
// smaller than this gets one allocation for all its strings and raw values,
// a larger one a chunk of this size at a time, so that one string kept from
// a large document pins at most this much memory.
const arenaChunk = 32 << 10

// alloc returns n bytes of the decoder's arena, with their capacity ending
// at their length, so that appending to a returned value copies it rather
// than writing over the next one. The arena only grows: bytes handed out
// are never written again by the decoder. A new chunk is sized from the
// rest of the input (see grow), which bounds what is still to come (each
// value is at most as long as its text, except strings with invalid UTF-8,
// whose U+FFFD replacements can outgrow it; those take a new chunk).
func (d *Decoder) alloc(n int) []byte {
	t := d.tail(n)
	d.arena = d.arena[:len(d.arena)+n]
	return t[:n:n]
}

// tail returns the arena's free part, at least n bytes, taking a new chunk
// when the current one has less. Strings with escapes are unescaped there
// (strSlow); String then takes them by extending the arena over them.
func (d *Decoder) tail(n int) []byte {
	if n > cap(d.arena)-len(d.arena) {
		d.grow(n)
	}
	return d.arena[len(d.arena):cap(d.arena)]
}

// grow starts a new arena chunk of at least n bytes. The first chunk of a
// document is sized by half the rest of the input: member names, quotes,
// punctuation, numbers and enum values take the other half of a typical
// document, and every byte allocated is a byte the garbage collector has
// to recycle (for a small document it is most of the cost of decoding).
// A document denser in strings than that gets a second chunk, sized by
// all of the rest, so at most two in all (but for arenaChunk).
func (d *Decoder) grow(n int) {
	rest := len(d.data) - d.pos
	if cap(d.arena) == 0 {
		rest /= 2
	}
	d.arena = make([]byte, 0, max(min(rest+n, arenaChunk), n))
}

// inTail reports whether b starts at the arena's free part.
func (d *Decoder) inTail(b []byte) bool {
	n := len(d.arena)
	return len(b) > 0 && n < cap(d.arena) && &b[0] == &d.arena[:n+1][n]
}

// keep copies b into the arena.
func (d *Decoder) keep(b []byte) []byte {
	k := d.alloc(len(b))
	copy(k, b)
	return k
}

// NewDecoder returns a decoder over data.
func NewDecoder(data []byte) Decoder { return Decoder{data: data} }

// Err returns the first error met, if any.
func (d *Decoder) Err() error { return d.err }

// End checks that only whitespace follows the value and returns the first
// error met.
func (d *Decoder) End() error {
	if d.err != nil {
		return d.err
	}
	d.ws()
	if d.pos < len(d.data) {
		d.fail("invalid character " + quoteByte(d.data[d.pos]) + " after top-level value")
	}
	return d.err
}

func (d *Decoder) fail(msg string) {
	if d.err == nil {
		d.err = &oas.JSONError{Offset: d.pos, Path: jsonPath(d.data, d.pos), Msg: msg}
	}
	d.pos = len(d.data) // stop everything after the first error
}

func (d *Decoder) failEOF() { d.fail("unexpected end of JSON input") }

func quoteByte(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.QuoteRune(rune(c))
	return "'" + s[1:len(s)-1] + "'"
}

func (d *Decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the next byte, or 0 at the end.
//
// peek is meant to be inlined (TestHotPathsInline checks that it is): its
// inlining cost is at the compiler's budget, so mind the cost of any change.
func (d *Decoder) peek() (c byte) {
	if d.pos < len(d.data) {
		c = d.data[d.pos]
		if c > ' ' {
			return c
		}
	}
	return d.peekSlow()
}

// peekSlow is peek past whitespace, which compact JSON does not have: out
// of line, so that each of the hundreds of places peek is inlined into
// does not carry the whitespace loop too.
//
//go:noinline
func (d *Decoder) peekSlow() byte {
	d.ws()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

// wrongType records that the next value cannot go into the Go type. The
// value is still scanned, so that a syntax error inside it is what gets
// reported first (as encoding/json does, which checks syntax before types).
func (d *Decoder) wrongType(want string) {
	start := d.pos
	d.Skip()
	if d.err == nil {
		d.pos = start
		d.fail("cannot unmarshal " + kindName(d.data[start]) + " into " + want)
	}
}

func kindName(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// Null consumes a null literal if one is next and reports whether it did.
// Anything else is left for the caller.
func (d *Decoder) Null() bool {
	if d.peek() != 'n' {
		return false
	}
	d.literal("null")
	return true
}

// isNull is Null for the per-field helpers (jsonfield.go): the usual
// next byte, the start of a value that is not null with no whitespace
// before it, is answered inline, without Null's call.
func (d *Decoder) isNull() bool {
	if d.pos < len(d.data) && d.data[d.pos]-'!' < 'n'-'!' {
		return false // a byte above ' ' and below 'n': '"', '{', '[', '-', a digit
	}
	return d.Null()
}

// AtNull reports whether the next value is null, without reading it.
// Generated decoders use it to count a required member sent as null as
// missing when its field cannot hold null.
func (d *Decoder) AtNull() bool { return d.peek() == 'n' }

func (d *Decoder) literal(lit string) {
	end := d.pos + len(lit)
	if end > len(d.data) {
		for i := d.pos; i < len(d.data); i++ {
			if d.data[i] != lit[i-d.pos] {
				d.pos = i
				d.fail("invalid character " + quoteByte(d.data[i]) + " in literal " + lit)
				return
			}
		}
		d.failEOF()
		return
	}
	for i := d.pos; i < end; i++ {
		if d.data[i] != lit[i-d.pos] {
			d.pos = i
			d.fail("invalid character " + quoteByte(d.data[i]) + " in literal " + lit)
			return
		}
	}
	d.pos = end
}

// BeginObject consumes '{'. It reports false (with an error) when the next
// value is not an object.
func (d *Decoder) BeginObject() bool { return d.begin('{', "Go struct or map") }

// begin consumes the opening bracket of a container, counting depth; any
// other value is a wrong type for the Go type named by want.
func (d *Decoder) begin(open byte, want string) bool {
	switch d.peek() {
	case open:
		d.pos++
		d.depth++
		if d.depth > maxDepth {
			d.fail("exceeded max depth")
			return false
		}
		return true
	case 0:
		d.failEOF()
	default:
		d.wrongType(want)
	}
	return false
}

// Key reads the next member name of an object opened by BeginObject and
// the colon after it. first is true for the first call on an object. It
// returns false after consuming the closing '}' or on error. The returned
// slice is only valid until the next call.
func (d *Decoder) Key(first bool) ([]byte, bool) {
	if !d.member(first) {
		return nil, false
	}
	return d.name()
}

// KeyIs is Key for a member that is likely to be want: the member name as
// encoding/json writes it, quotes included (`"id"`). Generated decoders
// pass the name of the field after the one just decoded, since documents
// mostly list members in the order of the fields that wrote them. When
// the input holds exactly want followed by the colon, KeyIs consumes both
// and reports match (key is then nil) without unescaping the name or
// comparing it with every field's. Otherwise it is Key. An empty want
// never matches.
func (d *Decoder) KeyIs(first bool, want string) (key []byte, match, ok bool) {
	// Compact input, `,"` between members, skips member's checks.
	if p := d.pos; !first && p+1 < len(d.data) && d.data[p] == ',' && d.data[p+1] == '"' {
		d.pos = p + 1
	} else if !d.member(first) {
		return nil, false, false
	}
	// d.data[d.pos] is '"', so the colon after want's closing quote makes
	// want the whole name.
	if end := d.pos + len(want); end < len(d.data) && d.data[end] == ':' && sameBytes(d.data[d.pos:end], want) {
		d.pos = end + 1
		return nil, true, true
	}
	key, ok = d.name()
	return key, false, ok
}

// sameBytes reports whether b holds s, of the same length. Member names
// with their quotes are mostly 8 to 16 bytes: those are compared as two
// words that may overlap, inline rather than through a call of memequal.
func sameBytes(b []byte, s string) bool {
	if n := len(s); n >= 8 && n <= 16 && len(b) == n {
		w := unsafe.Slice(unsafe.StringData(s), n) // read only
		return binary.LittleEndian.Uint64(b) == binary.LittleEndian.Uint64(w) &&
			binary.LittleEndian.Uint64(b[n-8:]) == binary.LittleEndian.Uint64(w[n-8:])
	}
	return string(b) == s
}

// member reads up to the next member name (a comma before it unless
// first) and reports whether there is one: false after the closing '}'
// (consumed) or on error. d.pos is then at the name's opening quote.
func (d *Decoder) member(first bool) bool {
	c := d.peek()
	if !first {
		switch c {
		case ',':
			d.pos++
			c = d.peek()
			if c != '"' {
				d.expected("beginning of object key string")
				return false
			}
		case '}':
			d.pos++
			d.depth--
			return false
		default:
			d.expected("after object key:value pair")
			return false
		}
	} else if c == '}' {
		d.pos++
		d.depth--
		return false
	}
	if c != '"' {
		d.expected("looking for beginning of object key string")
		return false
	}
	return true
}

// name reads the member name at d.pos and the colon after it.
func (d *Decoder) name() ([]byte, bool) {
	key := d.str()
	if d.err != nil {
		return nil, false
	}
	if d.peek() != ':' {
		d.expected("after object key")
		return nil, false
	}
	d.pos++
	return key, true
}

func (d *Decoder) expected(context string) {
	if d.pos >= len(d.data) {
		d.failEOF()
		return
	}
	d.fail("invalid character " + quoteByte(d.data[d.pos]) + " " + context)
}

// BeginArray consumes '['. It reports false (with an error) when the next
// value is not an array.
func (d *Decoder) BeginArray() bool { return d.begin('[', "Go slice") }

// More is the loop condition for arrays: for i := 0; d.More(i); i++ {...}.
func (d *Decoder) More(i int) bool {
	if d.err != nil {
		return false
	}
	if i == 0 {
		if d.peek() == ']' {
			d.pos++
			d.depth--
			return false
		}
		if d.pos >= len(d.data) {
			d.failEOF()
			return false
		}
		return true
	}
	switch d.peek() {
	case ',':
		d.pos++
		if d.peek() == 0 {
			d.failEOF()
			return false
		}
		if d.data[d.pos] == ']' {
			d.expected("looking for beginning of value")
			return false
		}
		return true
	case ']':
		d.pos++
		d.depth--
		return false
	case 0:
		d.failEOF()
		return false
	}
	d.expected("after array element")
	return false
}

// Skip reads and discards one value, checking its syntax.
func (d *Decoder) Skip() {
	if d.depth <= maxDepth-scanDepth {
		if end, _, ok := scanValue(d.data, d.pos); ok {
			d.pos = end
			return
		}
	}
	d.skipSlow()
}

// skipSlow is Skip token by token, for what scanValue leaves: values
// nested deeper than it follows, and invalid input, whose error it words
// as encoding/json does.
func (d *Decoder) skipSlow() {
	switch d.peek() {
	case '{':
		if !d.BeginObject() {
			return
		}
		for first := true; ; first = false {
			if _, ok := d.Key(first); !ok {
				return
			}
			d.Skip()
		}
	case '[':
		if !d.BeginArray() {
			return
		}
		for i := 0; d.More(i); i++ {
			d.Skip()
		}
	case '"':
		d.str()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	case 0:
		d.failEOF()
	default:
		d.number()
	}
}

// Raw reads one value and returns its bytes as they appear in the input
// (not copied: valid until the input changes).
func (d *Decoder) Raw() []byte {
	d.ws()
	start := d.pos
	d.Skip()
	if d.err != nil {
		return nil
	}
	return d.data[start:d.pos]
}

// RawMessage reads one value into a json.RawMessage the way its
// UnmarshalJSON does: a copy of the value's bytes, reusing dst's storage.
func (d *Decoder) RawMessage(dst []byte) []byte {
	raw := d.Raw()
	if d.err != nil {
		return dst
	}
	if cap(dst) >= len(raw) {
		return append(dst[:0], raw...)
	}
	return d.keep(raw)
}

// Time reads a time.Time as its UnmarshalJSON does (null leaves t alone).
// The usual RFC 3339 form is read by hand (timeJSON), the rest by
// UnmarshalJSON.
func (d *Decoder) Time(t *time.Time) {
	if d.peek() == '"' {
		if v, n, ok := timeJSON(d.data[d.pos:], time.Local); ok {
			*t = v
			d.pos += n
			return
		}
	}
	raw := d.Raw()
	if d.err != nil {
		return
	}
	start := d.pos - len(raw)
	if err := t.UnmarshalJSON(raw); err != nil {
		d.pos = start
		d.fail(err.Error())
	}
}

// number scans a number and returns its text.
func (d *Decoder) number() []byte {
	data := d.data
	start := d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i >= len(data) {
		d.pos = i
		d.failEOF()
		return nil
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case c >= '1' && c <= '9':
		for i++; i < len(data) && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	default:
		d.pos = i
		if i == start {
			d.fail("invalid character " + quoteByte(c) + " looking for beginning of value")
		} else {
			d.fail("invalid character " + quoteByte(c) + " in numeric literal")
		}
		return nil
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) {
			d.pos = i
			d.failEOF()
			return nil
		}
		if data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.fail("invalid character " + quoteByte(data[i]) + " after decimal point in numeric literal")
			return nil
		}
		for i++; i < len(data) && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			d.pos = i
			d.failEOF()
			return nil
		}
		if data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.fail("invalid character " + quoteByte(data[i]) + " in exponent of numeric literal")
			return nil
		}
		for i++; i < len(data) && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	}
	d.pos = i
	return data[start:i]
}

// num returns the text of the next value when it is a number; anything else
// is a type error against want.
func (d *Decoder) num(want string) []byte {
	c := d.peek()
	if c == '-' || c >= '0' && c <= '9' {
		return d.number()
	}
	if c == 0 {
		d.failEOF()
		return nil
	}
	d.wrongType(want)
	return nil
}

// bytesString views b as a string without copying; the result must not
// outlive the call it is passed to (strconv keeps it only in errors, which
// are replaced here).
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Float64 reads a number into a float64.
func (d *Decoder) Float64() float64 {
	n := d.num("Go value of type float64")
	if n == nil {
		return 0
	}
	if f, ok := smallInt(n); ok {
		return f
	}
	f, err := strconv.ParseFloat(bytesString(n), 64)
	if err != nil {
		d.numFail(n, "float64")
	}
	return f
}

// smallInt converts a number of at most 15 digits, no fraction and no
// exponent, which a float64 holds exactly (so ParseFloat would give the
// same, -0 included), without ParseFloat's general machinery.
func smallInt(n []byte) (float64, bool) {
	neg := n[0] == '-'
	digits := n
	if neg {
		digits = n[1:]
	}
	if len(digits) > 15 {
		return 0, false
	}
	var u uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	f := float64(u)
	if neg {
		f = -f
	}
	return f, true
}

// Float32 reads a number into a float32.
func (d *Decoder) Float32() float32 {
	n := d.num("Go value of type float32")
	if n == nil {
		return 0
	}
	f, err := strconv.ParseFloat(bytesString(n), 32)
	if err != nil {
		d.numFail(n, "float32")
	}
	return float32(f)
}

// Int64 reads an integer into an int64; fractions and exponents are errors.
func (d *Decoder) Int64() int64 { return d.signed("Go value of type int64", "int64", 64) }

// Int32 reads an integer into an int32.
func (d *Decoder) Int32() int32 { return int32(d.signed("Go value of type int32", "int32", 32)) }

// Uint64 reads a non-negative integer into a uint64.
func (d *Decoder) Uint64() uint64 { return d.unsigned("Go value of type uint64", "uint64", 64) }

// Uint32 reads a non-negative integer into a uint32.
func (d *Decoder) Uint32() uint32 { return uint32(d.unsigned("Go value of type uint32", "uint32", 32)) }

// signed parses an integer of the given size; want and typ are constants
// so that the happy path builds no strings.
func (d *Decoder) signed(want, typ string, bits int) int64 {
	n := d.num(want)
	if n == nil {
		return 0
	}
	i, err := strconv.ParseInt(bytesString(n), 10, bits)
	if err != nil {
		d.numFail(n, typ)
	}
	return i
}

func (d *Decoder) unsigned(want, typ string, bits int) uint64 {
	n := d.num(want)
	if n == nil {
		return 0
	}
	u, err := strconv.ParseUint(bytesString(n), 10, bits)
	if err != nil {
		d.numFail(n, typ)
	}
	return u
}

func (d *Decoder) numFail(n []byte, typ string) {
	d.pos -= len(n)
	d.fail("cannot unmarshal number " + string(n) + " into Go value of type " + typ)
}

// Bool reads true or false.
func (d *Decoder) Bool() bool {
	switch d.peek() {
	case 't':
		d.literal("true")
		return true
	case 'f':
		d.literal("false")
		return false
	case 0:
		d.failEOF()
		return false
	}
	d.wrongType("Go value of type bool")
	return false
}

// String reads a string value. A plain ASCII string is copied into the
// arena eight bytes at a time as it is scanned, which saves a second pass
// (a copy of each string was 6 % of decoding a small document); any other
// string, or one the arena's free part may not hold, takes stringSlow.
func (d *Decoder) String() string {
	data := d.data
	start := d.pos + 1
	if d.pos >= len(data) || data[d.pos] != '"' {
		return d.stringSlow()
	}
	if cap(d.arena) == 0 && start < len(data) && data[start] != '"' {
		// The document's first non-empty string: the arena's first chunk
		// now, with room for the string (up to its first byte that is not
		// plain ASCII), so that the loop below takes it.
		d.grow(plainLen(data[start:]))
	}
	t := d.arena[len(d.arena):cap(d.arena)]
	i := start
	for ; i+8 <= len(data) && i-start+8 <= len(t); i += 8 {
		x := binary.LittleEndian.Uint64(data[i:])
		binary.LittleEndian.PutUint64(t[i-start:], x)
		if m := strStop(x); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			if data[i] == '"' {
				return d.took(t, i-start, i+1)
			}
			return d.stringSlow()
		}
	}
	for ; i < len(data) && i-start < len(t); i++ { // the last few bytes
		c := data[i]
		if c == '"' {
			return d.took(t, i-start, i+1)
		}
		if !plainStr[c] {
			break
		}
		t[i-start] = c
	}
	return d.stringSlow()
}

// plainLen returns the length of the plain ASCII prefix of a string's
// contents b (see strStop): up to its closing quote when it has nothing
// to unescape.
func plainLen(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if m := strStop(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(b) && plainStr[b[i]]; i++ {
	}
	return i
}

// took hands out the first n bytes of the arena's free part t as a string
// and moves the decoder to pos.
func (d *Decoder) took(t []byte, n, pos int) string {
	d.pos = pos
	if n == 0 {
		return ""
	}
	d.arena = d.arena[:len(d.arena)+n]
	return unsafe.String(&t[0], n)
}

// stringSlow is String for what its fast loop does not take.
func (d *Decoder) stringSlow() string {
	b := d.StringBytes()
	if d.err != nil || len(b) == 0 {
		return ""
	}
	if d.inTail(b) { // unescaped in place: take it
		d.arena = d.arena[:len(d.arena)+len(b)]
		return unsafe.String(&b[0], len(b))
	}
	k := d.keep(b)
	return unsafe.String(&k[0], len(k))
}

// StringBytes reads a string value and returns its unescaped bytes without
// copying; the slice is only valid until the next call.
func (d *Decoder) StringBytes() []byte {
	switch d.peek() {
	case '"':
		return d.str()
	case 0:
		d.failEOF()
		return nil
	}
	d.wrongType("Go value of type string")
	return nil
}

// Base64 reads a string holding standard base64, as encoding/json decodes
// a []byte. The result is a new slice (empty, not nil, for "").
func (d *Decoder) Base64() []byte {
	var s []byte
	switch d.peek() {
	case '"':
		s = d.str()
	case 0:
		d.failEOF()
		return nil
	default:
		d.wrongType("Go value of type []uint8")
		return nil
	}
	if d.err != nil {
		return nil
	}
	if len(s) == 0 {
		return []byte{}
	}
	if d.inTail(s) { // escaped base64 (rare): alloc would hand out s's bytes
		s = append([]byte(nil), s...)
	}
	b := d.alloc(base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(b, s)
	if err != nil {
		d.fail(err.Error())
		return nil
	}
	return b[:n:n]
}

// Bytes reads a []byte as encoding/json decodes one: a string holding
// standard base64 (a new slice, as Base64), or an array of numbers 0–255
// decoded into old's elements the way a slice is (its storage reused, a
// null element left as it was, [] an empty slice). The caller handles a
// null value.
func (d *Decoder) Bytes(old []byte) []byte {
	if d.peek() != '[' {
		return d.Base64()
	}
	if !d.BeginArray() {
		return old
	}
	s := old[:0]
	for i := 0; d.More(i); i++ {
		if len(s) == cap(s) {
			s = slices.Grow(s, 1)
		}
		s = s[:len(s)+1]
		if !d.Null() {
			s[i] = uint8(d.unsigned("Go value of type uint8", "uint8", 8))
		}
	}
	if d.err != nil {
		return old
	}
	if len(s) == 0 {
		s = []byte{}
	}
	return s
}

// str reads the string at d.pos (which is '"') and returns its unescaped
// contents: a view of the input when there is nothing to unescape, else a
// view of the decoder's arena tail (see tail), valid until the next call.
func (d *Decoder) str() []byte {
	data := d.data
	start := d.pos + 1
	i := start
	for i < len(data) {
		if i+8 <= len(data) {
			// Eight bytes at a time to the first one that is not plain
			// ASCII (see strStop).
			m := strStop(binary.LittleEndian.Uint64(data[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := data[i]
		if plainStr[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			d.pos = i + 1
			return data[start:i]
		case c == '\\':
			return d.strSlow(start, i)
		case c < 0x20:
			d.pos = i
			d.fail("invalid character " + quoteByte(c) + " in string literal")
			return nil
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return d.strSlow(start, i)
			}
			i += size
		}
	}
	d.pos = i
	d.failEOF()
	return nil
}

// Word-at-a-time byte tests: x holds eight bytes, little-endian. has*(x)
// sets the high bit of the lowest byte that matches (higher bytes may be
// set falsely by a borrow, so only the lowest set bit counts); 0 means none.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// strStop marks the bytes a JSON string literal cannot pass over as they
// are: '"', '\\', control bytes and every non-ASCII byte (UTF-8 is checked
// rune by rune).
func strStop(x uint64) uint64 {
	return ((x - 0x20*lo8) | ((x ^ '"'*lo8) - lo8) | ((x ^ '\\'*lo8) - lo8) | x) & hi8
}

// plainStr marks the ASCII bytes a string holds as they are.
var plainStr = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// strSlow unescapes a string as encoding/json does: escapes decoded, bad
// surrogates and invalid UTF-8 bytes each become U+FFFD.
func (d *Decoder) strSlow(start, i int) []byte {
	data := d.data
	// The unescaped text is at most as long as the literal (but for invalid
	// UTF-8, where append takes over), so it fits in that much of the tail.
	end := i
	for end < len(data) && data[end] != '"' {
		if data[end] == '\\' {
			end++
		}
		end++
	}
	out := append(d.tail(end - start)[:0], data[start:i]...)
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return out
		case c == '\\':
			i++
			if i >= len(data) {
				d.pos = i
				d.failEOF()
				return nil
			}
			switch data[i] {
			case '"', '\\', '/':
				out = append(out, data[i])
				i++
			case 'b':
				out = append(out, '\b')
				i++
			case 'f':
				out = append(out, '\f')
				i++
			case 'n':
				out = append(out, '\n')
				i++
			case 'r':
				out = append(out, '\r')
				i++
			case 't':
				out = append(out, '\t')
				i++
			case 'u':
				r, ok := d.hex4(i + 1)
				if !ok {
					return nil
				}
				i += 5
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						if x, ok := hex4(data, i+2); ok {
							r2 = x
						}
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						i += 6
						r = dec
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				d.pos = i
				d.fail("invalid character " + quoteByte(data[i]) + " in string escape code")
				return nil
			}
		case c < 0x20:
			d.pos = i
			d.fail("invalid character " + quoteByte(c) + " in string literal")
			return nil
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, "\uFFFD"...)
			} else {
				out = append(out, data[i:i+size]...)
			}
			i += size
		}
	}
	d.pos = i
	d.failEOF()
	return nil
}

// hex4 reads the four hex digits of a \u escape at i, failing on bad ones.
func (d *Decoder) hex4(i int) (rune, bool) {
	for j := i; j < i+4; j++ {
		if j >= len(d.data) {
			d.pos = j
			d.failEOF()
			return 0, false
		}
		if unhex(d.data[j]) < 0 {
			d.pos = j
			d.fail("invalid character " + quoteByte(d.data[j]) + " in \\u hexadecimal character escape")
			return 0, false
		}
	}
	r, _ := hex4(d.data, i)
	return r, true
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		h := unhex(c)
		if h < 0 {
			return 0, false
		}
		r = r<<4 | h
	}
	return r, true
}

func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// FoldKey appends the case-folded form of an object key, as encoding/json
// folds names when no field matches exactly: ASCII letters upper-cased,
// other runes mapped to the smallest rune of their Unicode fold set.
// Generated decoders compare it with field names folded the same way.
func FoldKey(dst, key []byte) []byte {
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(key[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += n
	}
	return dst
}

// FoldName is FoldKey for a string, used by the generator.
func FoldName(name string) string { return string(FoldKey(nil, []byte(name))) }

func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}

// Fail records err (if not nil) as the decoder's error; generated code uses
// it for values decoded through encoding/json.
func (d *Decoder) Fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
		d.pos = len(d.data)
	}
}

// ArrayLen counts the elements of the array just opened by BeginArray,
// without consuming anything, so a new slice can be allocated once. It
// does not check syntax (decoding does); on malformed input the count is
// merely a capacity hint.
func (d *Decoder) ArrayLen() int {
	data := d.data
	n, depth := 0, 0
	seen := false // a value started at depth 0
	for i := d.pos; i < len(data); i++ {
		switch data[i] {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			seen = true
		case '[', '{':
			depth++
			seen = true
		case ']', '}':
			if depth == 0 {
				if seen {
					n++
				}
				return n
			}
			depth--
		case ',':
			if depth == 0 {
				n++
				seen = false
			}
		case ' ', '\t', '\n', '\r':
		default:
			seen = true
		}
	}
	return n
}

// Discriminator returns the string value of the member name of the JSON
// object raw, as a union's Which reads its discriminator: the last member
// of that exact name wins, null or no such member is "", and raw must be
// valid JSON whose member, if present, is a string or null.
func Discriminator(raw []byte, name string) (string, error) {
	d := NewDecoder(raw)
	var v string
	if !d.Null() && d.BeginObject() {
		for first := true; ; first = false {
			key, ok := d.Key(first)
			if !ok {
				break
			}
			if string(key) != name {
				d.Skip()
				continue
			}
			v = ""
			if !d.Null() {
				v = d.String()
			}
		}
	}
	if err := d.End(); err != nil {
		return "", err
	}
	return v, nil
}
