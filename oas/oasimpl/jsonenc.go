package oasimpl

import (
	"encoding/base64"
	"errors"
	"math"
	"math/bits"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// The Append functions below are what generated AppendJSON methods call.
// Each writes exactly what encoding/json's Marshal writes for the same Go
// value (HTML-safe escaping, invalid UTF-8 as \ufffd, U+2028/U+2029 escaped,
// ES6 float formatting), so a generated type and a method-less copy of it
// encode to the same bytes. They append to dst and allocate only when dst
// has to grow.

const hexDigits = "0123456789abcdef"

// htmlSafe[b] is true for ASCII bytes encoding/json writes unescaped when
// escaping HTML: everything printable except ", \, <, > and &.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		switch b {
		case '"', '\\', '<', '>', '&', 0x7f:
			t[b] = b == 0x7f // DEL is printed as is
		default:
			t[b] = true
		}
	}
	return t
}()

// AppendString appends s as a JSON string.
//
// Most strings have nothing to escape: those are checked first, a word at
// a time (the last, overlapping word checks a tail of fewer than eight
// bytes), and copied in one piece; appendStringEsc writes the others.
// Interleaving the check and the copy instead cost 20 % more on the
// short strings (keys, names, identifiers) documents mostly hold.
func AppendString(dst []byte, s string) []byte {
	if n := len(s); n >= 8 {
		for i := 0; i+8 <= n; i += 8 {
			if escStop(le64(s[i:])) != 0 {
				return appendStringEsc(dst, s)
			}
		}
		if escStop(le64(s[n-8:])) != 0 {
			return appendStringEsc(dst, s)
		}
	} else {
		for i := 0; i < n; i++ {
			if c := s[i]; c >= utf8.RuneSelf || !htmlSafe[c] {
				return appendStringEsc(dst, s)
			}
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// appendStringEsc is AppendString for a string with something to escape.
func appendStringEsc(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Eight bytes at a time to the first one that is not written
			// as it is (see escStop).
			m := escStop(le64(s[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if htmlSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// escStop marks (as strStop does) the bytes AppendString cannot copy as
// they are: control bytes, '"', '\\', '<', '>', '&' and every non-ASCII
// byte (checked rune by rune for invalid UTF-8 and U+2028/U+2029).
func escStop(x uint64) uint64 {
	return ((x - 0x20*lo8) | ((x ^ '"'*lo8) - lo8) | ((x ^ '\\'*lo8) - lo8) |
		((x ^ '<'*lo8) - lo8) | ((x ^ '>'*lo8) - lo8) | ((x ^ '&'*lo8) - lo8) | x) & hi8
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ErrUnsupportedFloat is returned for NaN and ±Inf, which JSON cannot hold.
var ErrUnsupportedFloat = errors.New("json: unsupported value: NaN or Inf")

// AppendFloat64 appends f as encoding/json formats a float64.
func AppendFloat64(dst []byte, f float64) ([]byte, error) { return appendFloat(dst, f, 64) }

// AppendFloat32 appends f as encoding/json formats a float32.
func AppendFloat32(dst []byte, f float32) ([]byte, error) { return appendFloat(dst, float64(f), 32) }

func appendFloat(dst []byte, f float64, size int) ([]byte, error) {
	// Whole numbers that the float type holds exactly, and every integer
	// next to them too, are written as integers: their shortest form has
	// no fraction and no exponent, and strconv.AppendInt is several times
	// faster than the float formatting. -0 is "-0" and stays on the slow
	// path, as do NaN and ±Inf, whose int64 conversion never compares equal.
	exact := int64(1) << 53
	if size == 32 {
		exact = 1 << 24
	}
	if i := int64(f); float64(i) == f && -exact < i && i < exact && (i != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(dst, i, 10), nil
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, ErrUnsupportedFloat
	}
	// ES6 number formatting, as encoding/json does: %f between 1e-6 and
	// 1e21, exponent form outside, exponent without zero padding.
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if size == 64 && (abs < 1e-6 || abs >= 1e21) || size == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, f, format, -1, size)
	if format == 'e' {
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, nil
}

// AppendInt appends an integer.
func AppendInt(dst []byte, i int64) []byte { return strconv.AppendInt(dst, i, 10) }

// AppendBool appends true or false.
func AppendBool(dst []byte, b bool) []byte { return strconv.AppendBool(dst, b) }

// AppendUint appends an unsigned integer.
func AppendUint(dst []byte, u uint64) []byte { return strconv.AppendUint(dst, u, 10) }

// AppendTime appends t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds); years outside 0..9999 are an error.
func AppendTime(dst []byte, t time.Time) ([]byte, error) {
	n := len(dst)
	dst = append(dst, '"')
	if t.Location() == time.UTC {
		if out, ok := appendTimeUTC(dst, t); ok {
			return append(out, '"'), nil
		}
	}
	out, err := t.AppendText(dst)
	if err != nil {
		return dst[:n], err
	}
	return append(out, '"'), nil
}

// AppendBytes appends b as a base64 (standard encoding) string; nil is null.
func AppendBytes(dst []byte, b []byte) []byte {
	if b == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = base64.StdEncoding.AppendEncode(dst, b)
	return append(dst, '"')
}

// AppendRaw appends a json.RawMessage as encoding/json does: nil is null,
// anything else must be valid JSON and is compacted, with <, >, &, U+2028
// and U+2029 escaped.
func AppendRaw(dst []byte, raw []byte) ([]byte, error) {
	if raw == nil {
		return append(dst, "null"...), nil
	}
	return AppendCompact(dst, raw)
}

// AppendCompact appends the output of another MarshalJSON method the way
// encoding/json embeds it: validated, compacted and HTML-escaped.
func AppendCompact(dst []byte, src []byte) ([]byte, error) {
	// Mostly the text is already compact and has nothing to escape (it
	// came from a decoder or an encoder): one pass checks that, and it is
	// copied as it is.
	if end, plain, ok := scanValue(src, 0); ok && plain && end == len(src) {
		return append(dst, src...), nil
	}
	d := NewDecoder(src)
	d.Skip()
	if err := d.End(); err != nil {
		return dst, err
	}
	start := 0
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			switch {
			case c == '\\':
				i++ // the escaped byte cannot end the string
			case c == '"':
				inString = false
			case c == '<' || c == '>' || c == '&':
				dst = append(dst, src[start:i]...)
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
				start = i + 1
			case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xa8:
				dst = append(dst, src[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xf])
				i += 2
				start = i + 1
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case ' ', '\t', '\n', '\r':
			dst = append(dst, src[start:i]...)
			start = i + 1
		}
	}
	return append(dst, src[start:]...), nil
}

// Buffer is the scratch space of a generated MarshalJSON:
//
//	buf := oasimpl.GetBuffer()
//	return buf.Marshaled(m.AppendJSON(buf.Bytes()))
//
// The value is encoded into a buffer kept from earlier calls and then
// copied into a new slice of exactly its length, as encoding/json does:
// guessing the size up front either wastes memory (which the garbage
// collector then has to recycle, most of the cost of encoding a small
// value) or grows the slice several times (most of the cost of a large
// one).
type Buffer struct{ b []byte }

// buffers holds Buffers between MarshalJSON calls: a cache of scratch
// memory, not state (what a call returns never depends on it), as
// encoding/json keeps one. The garbage collector empties it.
var buffers = sync.Pool{New: func() any { return &Buffer{b: make([]byte, 0, 1024)} }}

// GetBuffer returns a Buffer from the pool; Marshaled puts it back.
func GetBuffer() *Buffer { return buffers.Get().(*Buffer) }

// Bytes returns the buffer's storage, empty, to append to.
func (b *Buffer) Bytes() []byte { return b.b[:0] }

// Marshaled returns a copy of out (what was appended to Bytes) of exactly
// its length, or err, and puts the buffer back in the pool, keeping out's
// storage if it grew.
func (b *Buffer) Marshaled(out []byte, err error) ([]byte, error) {
	var res []byte
	if err == nil {
		res = append([]byte(nil), out...)
		if cap(out) > cap(b.b) {
			b.b = out[:0]
		}
	}
	buffers.Put(b)
	return res, err
}
