package oasimpl

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// scanSeeds are values for scanValue: every kind, nesting, whitespace,
// escapes, the bytes AppendCompact escapes, and invalid text of each kind
// (which scanValue must leave to the Decoder).
var scanSeeds = []string{
	`0`, `-0`, `12`, `-12.5e+3`, `1E-2`, `0.0`, `1e5`, `true`, `false`, `null`, `""`, `"a"`,
	`"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"`, `"plain ascii, eight+ bytes long"`, `"é ü 日本"`,
	`"<a href=x>&amp;</a>"`, "\"\u2028\u2029\"", "\"\xe2\x82\xac\"", "\"\xff\xfe\"",
	`{}`, `[]`, `{"a":1}`, `[1,2,3]`, `{"a":{"b":[{"c":null}]},"d":[[],{}]}`,
	` {"a" : [ 1 , 2 ] } `, "{\n\t\"a\": \"b\"\r\n}", `[ ]`, `{ }`,
	strings.Repeat("[", 64) + strings.Repeat("]", 64),
	strings.Repeat("[", 65) + strings.Repeat("]", 65),
	strings.Repeat(`{"a":`, 70) + `1` + strings.Repeat("}", 70),
	// invalid
	``, ` `, `-`, `01`, `1.`, `1.e3`, `1e`, `1e+`, `.5`, `+1`, `1x`, `tru`, `truex`, `nul`, `nullx`,
	`"abc`, `"\x"`, `"\u12"`, `"\u12G4"`, "\"a\x01b\"", `{`, `[`, `{"a"}`, `{"a":}`, `{"a":1,}`,
	`[1,]`, `[1 2]`, `{"a":1 "b":2}`, `{1:2}`, `{"a":1]`, `[1}`, `]`, `}`, `,`, `:`, `[1]]`,
	`{"a":tru}`, `[1,-]`, `["a"x]`,
}

// TestScanValueAgrees checks the fast path's contract against the
// Decoder's token path, which it stands in for: where scanValue reports
// ok, skipSlow accepts the value too and ends at the same place; where
// it reports plain, AppendCompact's compaction leaves the text as it is.
func TestScanValueAgrees(t *testing.T) {
	for _, s := range scanSeeds {
		checkScanValue(t, []byte(s))
		checkScanValue(t, []byte(`[`+s+`]`))
		checkScanValue(t, []byte(`{"k":`+s+`,"z":0}`))
	}
}

func checkScanValue(t *testing.T, data []byte) {
	t.Helper()
	end, plain, ok := scanValue(data, 0)
	slow := NewDecoder(data)
	slow.skipSlow()
	if !ok {
		return
	}
	if slow.err != nil {
		t.Fatalf("scanValue(%q) ok at %d, the Decoder: %v", data, end, slow.err)
	}
	if slow.pos != end {
		t.Fatalf("scanValue(%q) ends at %d, the Decoder at %d", data, end, slow.pos)
	}
	if end == len(data) && json.Valid(data) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, data); err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(json.RawMessage(data))
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendCompact(nil, data)
		if err != nil || string(got) != string(want) {
			t.Fatalf("AppendCompact(%q) = %q, %v; encoding/json %q", data, got, err, want)
		}
		if plain && string(want) != string(data) {
			t.Fatalf("scanValue(%q) says plain, encoding/json writes %q", data, want)
		}
	}
}

// TestScanValueAccepts checks that the fast path takes what it is for:
// valid values nested at most scanDepth deep.
func TestScanValueAccepts(t *testing.T) {
	for _, s := range scanSeeds {
		data := []byte(s)
		if !json.Valid(data) || strings.Count(s, "[")+strings.Count(s, "{") > scanDepth {
			continue
		}
		end, _, ok := scanValue(data, 0)
		if !ok {
			t.Errorf("scanValue(%q) left a valid value to the Decoder", s)
			continue
		}
		if want := len(strings.TrimRight(s, " \t\r\n")); end != want {
			t.Errorf("scanValue(%q) ends at %d, want %d", s, end, want)
		}
	}
	deep := strings.Repeat("[", scanDepth+1) + strings.Repeat("]", scanDepth+1)
	if _, _, ok := scanValue([]byte(deep), 0); ok {
		t.Errorf("scanValue took a value %d deep", scanDepth+1)
	}
}

func FuzzScanValue(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkScanValue(t, data)
	})
}
