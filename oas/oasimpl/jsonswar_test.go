package oasimpl

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"testing"
)

// The word-at-a-time tests must find exactly the first byte the byte loop
// would stop at, whatever the bytes around it.
func TestWordStops(t *testing.T) {
	escaped := func(c byte) bool {
		b, _ := json.Marshal(string([]byte{c}))
		return c >= 0x80 || string(b) != `"`+string(c)+`"`
	}
	for _, fill := range []byte{'a', ' ', '~', 0x7f} {
		for lane := range 8 {
			for c := range 256 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[lane] = byte(c)
				x := binary.LittleEndian.Uint64(w[:])
				check := func(name string, m uint64, stop bool) {
					t.Helper()
					switch {
					case !stop && m != 0:
						t.Errorf("%s(%q): stops at lane %d, want none", name, w, bits.TrailingZeros64(m)>>3)
					case stop && (m == 0 || bits.TrailingZeros64(m)>>3 != lane):
						t.Errorf("%s(%q): mask %#x, want lane %d", name, w, m, lane)
					}
				}
				check("strStop", strStop(x), !plainStr[c])
				check("escStop", escStop(x), escaped(byte(c)))
				if le64(string(w[:])) != x {
					t.Fatalf("le64(%q) = %#x, want %#x", w, le64(string(w[:])), x)
				}
			}
		}
	}
}

// Whole floats take the integer fast path; it must print what the float
// formatting prints.
func TestAppendFloatWhole(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 42, 1800, 1<<53 - 1, -(1<<53 - 1), 1 << 53, 1<<53 + 2, 1e20, 1e21, 123456789012345678, math.Copysign(0, -1)} {
		got, _ := AppendFloat64(nil, f)
		want, _ := json.Marshal(f)
		if string(got) != string(want) {
			t.Errorf("AppendFloat64(%v) = %s, want %s", f, got, want)
		}
		f32 := float32(f)
		got, _ = AppendFloat32(nil, f32)
		want, _ = json.Marshal(f32)
		if string(got) != string(want) {
			t.Errorf("AppendFloat32(%v) = %s, want %s", f32, got, want)
		}
	}
	for i := range 1 << 12 {
		f := float32(1<<24 - i)
		got, _ := AppendFloat32(nil, f)
		if want, _ := json.Marshal(f); string(got) != string(want) {
			t.Fatalf("AppendFloat32(%s) = %s, want %s", strconv.Itoa(1<<24-i), got, want)
		}
	}
}

// Integers take a fast path in Float64; it must give what ParseFloat gives.
func TestFloat64SmallInt(t *testing.T) {
	for _, s := range []string{"0", "-0", "7", "-42", "1800", "999999999999999", "-999999999999999", "1000000000000000", "9007199254740993", "1.5", "1e3", "-1E-2"} {
		d := NewDecoder([]byte(s))
		got := d.Float64()
		if err := d.End(); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		want, _ := strconv.ParseFloat(s, 64)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("Float64(%s) = %v, want %v", s, got, want)
		}
	}
}

// String copies plain strings into the arena as it scans them and hands
// everything else to the byte loop; at every length and position of the
// first special byte, near the end of the input and of the arena's free
// part, it must give what encoding/json gives.
func TestStringFastPath(t *testing.T) {
	specials := []string{"", `\n`, `\u0041`, "é", "\xff", `\"`, "\x01"}
	var lits []string
	for n := range 20 {
		for _, sp := range specials {
			for at := 0; at <= n; at += 3 {
				lits = append(lits, `"`+strings.Repeat("a", at)+sp+strings.Repeat("b", n-at)+`"`)
			}
		}
	}
	for _, lit := range lits {
		var want string
		wantErr := json.Unmarshal([]byte(lit), &want)
		// Alone (the string ends the input) and after others in an array
		// (the arena's free part shrinking under it).
		for _, doc := range []string{lit, `["x","yy",` + lit + `,` + lit + `]`} {
			d := NewDecoder([]byte(doc))
			var got []string
			if doc[0] == '[' {
				if d.BeginArray() {
					for i := 0; d.More(i); i++ {
						got = append(got, d.String())
					}
				}
			} else {
				got = append(got, d.String())
			}
			err := d.End()
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("%q: error %v, encoding/json: %v", doc, err, wantErr)
			}
			if err == nil && got[len(got)-1] != want {
				t.Fatalf("%q: got %q, want %q", doc, got[len(got)-1], want)
			}
		}
	}
}

func TestSameBytes(t *testing.T) {
	for n := range 24 {
		s := strings.Repeat("k", n)
		for i := range n {
			b := []byte(s)
			if !sameBytes(b, s) {
				t.Fatalf("sameBytes(%q, %q) = false", b, s)
			}
			b[i] = 'x'
			if sameBytes(b, s) {
				t.Fatalf("sameBytes(%q, %q) = true", b, s)
			}
		}
	}
}
