package oasimpl

import (
	"strings"
	"testing"
)

// The strings, raw values and base64 bytes of one document share a backing
// array; these tests hold that sharing to what values may not notice.

func TestDecoderArenaValuesIndependent(t *testing.T) {
	d := NewDecoder([]byte(`["ab",{"x":1},"cd","aGk=","\u00e9\n"]`))
	if !d.BeginArray() {
		t.Fatal(d.Err())
	}
	var s1, s2, s3 string
	var raw, b64 []byte
	for i := 0; d.More(i); i++ {
		switch i {
		case 0:
			s1 = d.String()
		case 1:
			raw = d.RawMessage(nil)
		case 2:
			s2 = d.String()
		case 3:
			b64 = d.Base64()
		case 4:
			s3 = d.String()
		}
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}
	// Appending to a slice the decoder returned must copy it, never write
	// over the value after it in the shared array.
	if cap(raw) != len(raw) || cap(b64) != len(b64) {
		t.Errorf("capacity past the value: raw %d/%d, base64 %d/%d", len(raw), cap(raw), len(b64), cap(b64))
	}
	raw = append(raw, "zzzz"...)
	b64 = append(b64, "zzzz"...)
	raw[0] = '!'
	if s1 != "ab" || s2 != "cd" || s3 != "é\n" || string(b64[:2]) != "hi" {
		t.Errorf("values changed: %q %q %q %q", s1, s2, s3, b64)
	}
}

func TestDecoderArenaOutgrown(t *testing.T) {
	// Each invalid byte becomes a 3-byte U+FFFD, so these strings are
	// longer decoded than the whole input: the arena must take new chunks.
	bad := strings.Repeat("\xff", 100)
	in := `["` + bad + `","` + bad + `","ok"]`
	d := NewDecoder([]byte(in))
	var got []string
	if d.BeginArray() {
		for i := 0; d.More(i); i++ {
			got = append(got, d.String())
		}
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("\ufffd", 100)
	if len(got) != 3 || got[0] != want || got[1] != want || got[2] != "ok" {
		t.Errorf("got %q", got)
	}
}

func TestDecoderArenaOneAllocation(t *testing.T) {
	for _, in := range []string{
		`{"a":"one","b":"two","c":"th\u0072ee","d":{"raw":true},"e":"aGVsbG8="}`,
		// The first string is most of the document: the first chunk is
		// sized to hold it, not by the rest of the input alone.
		`{"a":"` + strings.Repeat("long text ", 60) + `","b":"two","d":{"raw":true}}`,
		`{"a":"","b":"` + strings.Repeat("x", 200) + `"}`,
	} {
		data := []byte(in)
		allocs := testing.AllocsPerRun(100, func() {
			d := NewDecoder(data)
			var n int
			if d.BeginObject() {
				for first := true; ; first = false {
					key, ok := d.Key(first)
					if !ok {
						break
					}
					switch string(key) {
					case "d":
						n += len(d.RawMessage(nil))
					case "e":
						n += len(d.Base64())
					default:
						n += len(d.String())
					}
				}
			}
			if d.End() != nil || n == 0 {
				t.Fatal("decode failed")
			}
		})
		if allocs != 1 {
			t.Errorf("%v allocations for the strings, raw value and bytes of %.40q..., want 1", allocs, in)
		}
	}
}

func TestDecoderArenaChunked(t *testing.T) {
	// A document larger than arenaChunk gets chunks, not one array of its size.
	item := `"` + strings.Repeat("x", 1000) + `"`
	in := "[" + strings.Repeat(item+",", 99) + item + "]"
	d := NewDecoder([]byte(in))
	var got []string
	if d.BeginArray() {
		for i := 0; d.More(i); i++ {
			got = append(got, d.String())
		}
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 || got[99] != strings.Repeat("x", 1000) {
		t.Fatalf("got %d strings", len(got))
	}
	if cap(d.arena) > arenaChunk {
		t.Errorf("chunk of %d bytes, want at most %d", cap(d.arena), arenaChunk)
	}
}
