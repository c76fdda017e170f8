package oasimpl

import (
	"encoding/binary"
	"math/bits"
)

// scanDepth is how deep scanValue follows nested containers: one bit each
// in a uint64. Deeper values take the Decoder's own path.
const scanDepth = 64

// scanValue is the fast path of skipping a value (Decoder.Skip) and of
// embedding raw JSON (AppendCompact): one loop over the text, without the
// Decoder's per-token calls, that finds where the value starting at
// data[i] (after any whitespace) ends, checking its syntax on the way.
//
// It reports ok only for a value it fully checked, nested at most
// scanDepth deep, whose numbers and literals are followed by whitespace,
// ',', ']', '}' or the end of data; anything else (invalid input
// included) is left to the Decoder, which then finds the same end or
// reports the error as encoding/json does. So the fast path accepts a
// subset of what the slow path does, with the same end, and never has to
// word an error itself.
//
// plain reports that the value's text is already what AppendCompact
// writes: no whitespace outside strings and, inside strings, none of the
// bytes encoding/json escapes when it embeds raw JSON (<, >, & and the
// first byte of U+2028 and U+2029).
func scanValue(data []byte, i int) (end int, plain, ok bool) {
	var stack uint64 // bit per open container, lowest the innermost: 1 object, 0 array
	depth := 0
	plain = true
	n := len(data)
	for {
		// A value.
		i = skipSpace(data, i, &plain)
		if i >= n {
			return 0, false, false
		}
		closed := true // the value is complete: look for what follows it
		switch c := data[i]; c {
		case '{', '[':
			if depth == scanDepth {
				return 0, false, false
			}
			depth++
			stack <<= 1
			i = skipSpace(data, i+1, &plain)
			if c == '{' {
				stack |= 1
				if i < n && data[i] == '}' {
					i++
					depth--
					stack >>= 1
					break
				}
				if i = scanKey(data, i, &plain); i < 0 {
					return 0, false, false
				}
			} else if i < n && data[i] == ']' {
				i++
				depth--
				stack >>= 1
				break
			}
			closed = false
		case '"':
			if i = scanString(data, i, &plain); i < 0 {
				return 0, false, false
			}
		case 't':
			if i = scanLiteral(data, i, "true"); i < 0 {
				return 0, false, false
			}
		case 'f':
			if i = scanLiteral(data, i, "false"); i < 0 {
				return 0, false, false
			}
		case 'n':
			if i = scanLiteral(data, i, "null"); i < 0 {
				return 0, false, false
			}
		default:
			if i = scanNumber(data, i); i < 0 {
				return 0, false, false
			}
		}
		if !closed {
			continue
		}
		// What follows a complete value: a comma and the next member or
		// element, or the closing brackets of the containers it ends.
		for {
			if depth == 0 {
				return i, plain, true
			}
			if i = skipSpace(data, i, &plain); i >= n {
				return 0, false, false
			}
			c := data[i]
			i++
			if stack&1 == 1 {
				if c == '}' {
					depth--
					stack >>= 1
					continue
				}
				if c != ',' {
					return 0, false, false
				}
				if i = scanKey(data, skipSpace(data, i, &plain), &plain); i < 0 {
					return 0, false, false
				}
				break
			}
			if c == ']' {
				depth--
				stack >>= 1
				continue
			}
			if c != ',' {
				return 0, false, false
			}
			break
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the index of the first byte from data[i] on that is
// not whitespace, clearing *plain if there was any: AppendCompact drops it.
func skipSpace(data []byte, i int, plain *bool) int {
	for i < len(data) && isSpace(data[i]) {
		i++
		*plain = false
	}
	return i
}

// scanKey checks a member name at data[i] and the colon after it, and
// returns the index after the colon, or -1.
func scanKey(data []byte, i int, plain *bool) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	if i = scanString(data, i, plain); i < 0 {
		return -1
	}
	if i = skipSpace(data, i, plain); i >= len(data) || data[i] != ':' {
		return -1
	}
	return i + 1
}

// scanString checks the string whose opening quote is data[i] and returns
// the index after its closing quote, or -1. Bytes that are not ASCII are
// not checked as UTF-8: encoding/json's syntax does not check them either.
func scanString(data []byte, i int, plain *bool) int {
	n := len(data)
	for i++; i < n; {
		if i+8 <= n {
			// Eight bytes at a time to the first one a JSON encoder does
			// not write as it is (see escStop): the same stops as here.
			m := escStop(binary.LittleEndian.Uint64(data[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1
		case c == '\\':
			if i+1 >= n {
				return -1
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > n || !isHex(data[i+2]) || !isHex(data[i+3]) || !isHex(data[i+4]) || !isHex(data[i+5]) {
					return -1
				}
				i += 6
			default:
				return -1
			}
		case c < 0x20:
			return -1
		case c == '<' || c == '>' || c == '&' || c == 0xe2:
			*plain = false
			i++
		default:
			i++
		}
	}
	return -1
}

// scanLiteral checks that data[i:] starts with lit followed by a byte
// that may follow a value, and returns the index after lit, or -1.
func scanLiteral(data []byte, i int, lit string) int {
	end := i + len(lit)
	if end > len(data) || string(data[i:end]) != lit || !endsValue(data, end) {
		return -1
	}
	return end
}

// scanNumber checks the number at data[i] (JSON's grammar: -?(0|[1-9]\d*)
// (\.\d+)?([eE][+-]?\d+)?) followed by a byte that may follow a value, and
// returns the index after it, or -1.
func scanNumber(data []byte, i int) int {
	n := len(data)
	if i < n && data[i] == '-' {
		i++
	}
	switch {
	case i >= n:
		return -1
	case data[i] == '0':
		i++
	case data[i] >= '1' && data[i] <= '9':
		for i++; i < n && isDigit(data[i]); i++ {
		}
	default:
		return -1
	}
	if i < n && data[i] == '.' {
		i++
		if i >= n || !isDigit(data[i]) {
			return -1
		}
		for i++; i < n && isDigit(data[i]); i++ {
		}
	}
	if i < n && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < n && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= n || !isDigit(data[i]) {
			return -1
		}
		for i++; i < n && isDigit(data[i]); i++ {
		}
	}
	if !endsValue(data, i) {
		return -1
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// endsValue reports whether data[i] may follow a number or a literal: the
// end, whitespace, or a comma or closing bracket. Anything else is for the
// Decoder to report.
func endsValue(data []byte, i int) bool {
	if i >= len(data) {
		return true
	}
	switch data[i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return true
	}
	return false
}
