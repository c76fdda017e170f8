package driver

// Round-trip comparison: a raw JSON body against its re-encoding, as JSON
// values, with the documented normalisations only.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// errNotJSON is returned by Compare's parse of a body that is not JSON.
var errNotJSON = errors.New("not JSON")

// Compare reports the differences between want (a raw JSON document as
// received) and got (its re-encoding) as JSON values, with the documented
// normalisations only: numbers compare by value (1.0 = 1), two strings
// that are both RFC 3339 timestamps compare as instants, two that are
// base64 of the same bytes are equal (sameBytes), and a member sent
// under a name that differs in case from the declared property's is
// compared with the property (foldedKeys).
func Compare(want, got []byte) []string {
	w, err := parse(want)
	if err != nil {
		return nil // not JSON: nothing to compare
	}
	g, err := parse(got)
	if err != nil {
		return []string{"re-encoding is not JSON: " + err.Error()}
	}
	var diffs []string
	compare("$", w, g, &diffs)
	return diffs
}

func parse(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, errNotJSON
	}
	return v, nil
}

const maxDiffs = 8

func compare(path string, w, g any, diffs *[]string) {
	if len(*diffs) >= maxDiffs {
		return
	}
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: sent %s, re-encoded %s", path, short(w), short(g)))
			return
		}
		keys := make([]string, 0, len(wv)+len(gv))
		for k := range wv {
			keys = append(keys, k)
		}
		for k := range gv {
			if _, ok := wv[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		folded := foldedKeys(wv, gv)
		for _, k := range keys {
			p := path + "." + k
			wx, inW := wv[k]
			gx, inG := gv[k]
			if to, ok := folded[k]; ok {
				if to != "" {
					compare(p+" (sent as "+to+")", wv[to], gx, diffs)
				}
				continue
			}
			switch {
			case !inG:
				*diffs = append(*diffs, fmt.Sprintf("%s: lost (was %s)", p, short(wx)))
			case !inW:
				*diffs = append(*diffs, fmt.Sprintf("%s: invented %s", p, short(gx)))
			default:
				compare(p, wx, gx, diffs)
			}
		}
	case []any:
		gv, ok := g.([]any)
		if !ok || len(gv) != len(wv) {
			*diffs = append(*diffs, fmt.Sprintf("%s: sent %s, re-encoded %s", path, short(w), short(g)))
			return
		}
		for i := range wv {
			compare(fmt.Sprintf("%s[%d]", path, i), wv[i], gv[i], diffs)
		}
	case json.Number:
		gv, ok := g.(json.Number)
		if !ok || !sameNumber(wv, gv) {
			*diffs = append(*diffs, fmt.Sprintf("%s: sent %s, re-encoded %s", path, short(w), short(g)))
		}
	case string:
		gv, ok := g.(string)
		if ok && (gv == wv || sameInstant(wv, gv) || sameBytes(wv, gv)) {
			return
		}
		*diffs = append(*diffs, fmt.Sprintf("%s: sent %s, re-encoded %s", path, short(w), short(g)))
	default: // bool, nil
		if w != g {
			*diffs = append(*diffs, fmt.Sprintf("%s: sent %s, re-encoded %s", path, short(w), short(g)))
		}
	}
}

// foldedKeys pairs a member only the re-encoding has with the one member
// only the document has whose name differs from it in case alone: the
// decoder matched it to the declared property, as encoding/json does
// (Docker's example sends "ID" for the property "Id"), a documented
// normalisation. The result maps the re-encoded name to the sent one and
// the sent name to "" (already compared).
func foldedKeys(w, g map[string]any) map[string]string {
	var out map[string]string
	for k := range g {
		if _, ok := w[k]; ok {
			continue
		}
		match := ""
		for wk := range w {
			if _, ok := g[wk]; !ok && strings.EqualFold(wk, k) {
				if match != "" {
					match = "" // ambiguous: leave both as differences
					break
				}
				match = wk
			}
		}
		if match != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[k], out[match] = match, ""
		}
	}
	return out
}

// sameNumber compares two JSON numbers by value: exactly as integers when
// both are, else as float64 (a float cannot be more exact than that).
func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	ai, errA := a.Int64()
	bi, errB := b.Int64()
	if errA == nil && errB == nil {
		return ai == bi
	}
	af, errA := a.Float64()
	bf, errB := b.Float64()
	return errA == nil && errB == nil && af == bf
}

func sameInstant(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	return errA == nil && errB == nil && ta.Equal(tb)
}

// sameBytes reports two strings that are base64 of the same bytes: a
// format: byte value whose last quantum has non-zero pad bits
// ("...E3EmC==", RFC 4648 §3.5, which decoders may accept, as Go's does)
// is re-encoded canonically ("...E3EmA=="), and unpadded text padded.
// Only a []byte field re-encodes a string so; a string field gives back
// the text it read, so the rule cannot hide a string field's loss.
func sameBytes(a, b string) bool {
	x, okA := base64Bytes(a)
	y, okB := base64Bytes(b)
	return okA && okB && bytes.Equal(x, y)
}

// base64Bytes decodes standard or URL-safe base64, padded or not.
func base64Bytes(s string) ([]byte, bool) {
	if s == "" {
		return nil, false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, true
		}
	}
	return nil, false
}

func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}
