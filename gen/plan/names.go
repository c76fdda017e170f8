package plan

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are the words Go style writes in capitals (golint's list plus
// a few common in APIs).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "JWT": true, "LHS": true, "OS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SDK": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSL": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true, "URL": true,
	"UTF8": true, "UUID": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// words splits an identifier-ish string into words: at anything that is not
// a letter or digit, at lower→upper changes and at the end of an acronym
// ("HTTPServer" → HTTP, Server).
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			switch {
			case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
				flush()
			case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// GoName turns a spec name into an exported Go identifier with Go's
// initialisms: "account_id" → AccountID, "auth_link_url" → AuthLinkURL,
// "2fa-code" → X2faCode. It returns "" when s has no letter or digit.
func GoName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		// Plurals keep a lower-case s: "ids" → IDs, "urls" → URLs.
		if stem := up[:len(up)-1]; len(w) > 2 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && initialisms[stem] {
			b.WriteString(stem + "s")
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(strings.ToLower(w[n:]))
	}
	name := b.String()
	if name == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(r) {
		name = "X" + name
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		// A letter with no upper case (e.g. CJK) cannot start an exported name.
		name = "X" + name
	}
	return name
}

// namer hands out unique identifiers in one Go package. Names are claimed in
// the planner's fixed order, so the same spec always gets the same names.
type namer struct {
	used map[string]string // Go name -> what claimed it
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]string{}}
	for _, r := range reserved {
		n.used[r] = "reserved"
	}
	return n
}

// claim returns want, or want with the smallest numeric suffix that is free,
// and whether it had to rename.
func (n *namer) claim(want, owner string) (string, bool) {
	if _, taken := n.used[want]; !taken {
		n.used[want] = owner
		return want, false
	}
	for i := 2; ; i++ {
		c := want + strconv.Itoa(i)
		if _, taken := n.used[c]; !taken {
			n.used[c] = owner
			return c, true
		}
	}
}
