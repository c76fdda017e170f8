package plan

import (
	"regexp"
	"testing"
)

// TestGoPattern holds the ECMA-262 escapes Go's regexp lacks to the
// meaning they have in a schema's pattern, and leaves the rest alone.
func TestGoPattern(t *testing.T) {
	for _, tc := range []struct {
		expr, want string
		match      []string
		noMatch    []string
	}{
		{expr: `^[a-z]+$`, want: `^[a-z]+$`, match: []string{"abc"}},
		{expr: `^[\u0020-\u007E]*$`, want: `^[\x{20}-\x{7e}]*$`, match: []string{"a b~"}, noMatch: []string{"é", "\t"}},
		// AWS's usual one: the pairs bound the range of supplementary characters.
		{expr: `^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*$`,
			want:  `^[\x{20}-\x{d7ff}\x{e000}-\x{fffd}\x{10000}-\x{10ffff}\r\n\t]*$`,
			match: []string{"ok é 😀\n"}, noMatch: []string{"\x01"}},
		{expr: `^\u{1F600}$`, want: `^\x{1f600}$`, match: []string{"😀"}},
		// An escaped backslash followed by u is not an escape; Go compiles it.
		{expr: `^\\u0041$`, want: `^\\u0041$`, match: []string{`\u0041`}, noMatch: []string{"A"}},
		{expr: `^\\\u0041$`, want: `^\\\x{41}$`, match: []string{`\A`}},
	} {
		got, err := goPattern(tc.expr)
		if err != nil || got != tc.want {
			t.Errorf("goPattern(%q) = %q, %v; want %q", tc.expr, got, err, tc.want)
			continue
		}
		re := regexp.MustCompile(got)
		for _, s := range tc.match {
			if !re.MatchString(s) {
				t.Errorf("%q does not match %q", got, s)
			}
		}
		for _, s := range tc.noMatch {
			if re.MatchString(s) {
				t.Errorf("%q matches %q", got, s)
			}
		}
	}
	for _, expr := range []string{`(?!x)\u0041`, `^\u0041{0,1001}$`, `\uZZZZ`} {
		if got, err := goPattern(expr); err == nil {
			t.Errorf("goPattern(%q) = %q, want an error", expr, got)
		}
	}
}
