package plan

import (
	"path"
	"sort"
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
// "2fa-code" → X2faCode. A sign before a leading digit is spelled out, so
// that "+1" and "-1" (GitHub's reactions) are Plus1 and Minus1, not two
// X1s. It returns "" when s has no letter or digit.
func GoName(s string) string {
	var b strings.Builder
	if len(s) > 1 && s[1] >= '0' && s[1] <= '9' {
		switch s[0] {
		case '+':
			b.WriteString("Plus")
			s = s[1:]
		case '-':
			b.WriteString("Minus")
			s = s[1:]
		}
	}
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
	used map[string]string // key of a Go name -> what claimed it
	// key is what two names must differ in (nil: the name itself).
	key func(string) string
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]string{}}
	for _, r := range reserved {
		n.used[r] = "reserved"
	}
	return n
}

// newOapiNamer is a namer for names oapi-codegen re-cases (its
// x-go-name): two names must differ in oapiKey.
func newOapiNamer(reserved ...string) *namer {
	n := &namer{used: map[string]string{}, key: oapiKey}
	for _, r := range reserved {
		n.used[oapiKey(r)] = "reserved"
	}
	return n
}

func (n *namer) keyOf(s string) string {
	if n.key == nil {
		return s
	}
	return n.key(s)
}

// claim returns want, or want with the smallest numeric suffix that is free,
// and whether it had to rename.
func (n *namer) claim(want, owner string) (string, bool) {
	if !n.taken(want) {
		n.used[n.keyOf(want)] = owner
		return want, false
	}
	for i := 2; ; i++ {
		c := want + strconv.Itoa(i)
		if !n.taken(c) {
			n.used[n.keyOf(c)] = owner
			return c, true
		}
	}
}

func (n *namer) taken(name string) bool {
	_, ok := n.used[n.keyOf(name)]
	return ok
}

// owner is what took name, "" if nothing did.
func (n *namer) owner(name string) string {
	return n.used[n.keyOf(name)]
}

// oapiKey is what survives of a name once oapi-codegen has normalised it
// (ToCamelCaseWithInitialisms re-cases words, after digits and initialisms,
// and drops every rune that is not an upper or lower case letter or an
// ASCII digit), folded to lower case: names with different keys stay
// different in its output. X2faCode and X2FaCode, or X名前 and X住所, do not.
func oapiKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) || r >= '0' && r <= '9' {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxFileBase bounds a generated file's base name, well under the 255 bytes
// file systems allow, whatever the nesting of inline schemas made the type
// name.
const maxFileBase = 120

// planFiles gives every type file and doc page names that are unique even on
// case-insensitive file systems (FooBar and FooBAR both snake to foo_bar),
// short enough, not a Windows device name and, for Go files, not restricted
// to one platform by their name (see platformSuffix). Types are taken in
// name order so the same spec always gets the same files.
func (p *planner) planFiles() {
	types := append([]*Type(nil), p.m.Types...)
	sort.SliceStable(types, func(i, j int) bool { return types[i].Name < types[j].Name })
	files, docs := map[string]bool{}, map[string]bool{}
	for _, t := range types {
		t.file = uniqueFile(goFileBase(t.Name), files)
		if t.Docs {
			t.docFile = uniqueFile(strings.ToLower(t.Name), docs)
		}
	}
}

func uniqueFile(base string, used map[string]bool) string {
	if len(base) > maxFileBase {
		cut := maxFileBase - 17
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut] + "_" + strconv.FormatUint(fnv64(base), 16)
	}
	if windowsDevice(base) {
		base += "_"
	}
	name := base
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	used[strings.ToLower(name)] = true
	return name
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// windowsDevice reports names Windows reserves whatever the extension.
func windowsDevice(s string) bool {
	switch strings.ToLower(s) {
	case "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
		"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9":
		return true
	}
	return false
}

// goFileBase is the base name of a type's Go file before planFiles makes it
// unique: model_<snake>, with "_" added when the name alone would make Go
// compile the file for one platform only. uniqueFile keeps that property:
// what it appends (_2, _<hex digest>) is never a GOOS or GOARCH.
func goFileBase(typeName string) string {
	base := "model_" + snake(typeName)
	if platformSuffix(base) {
		base += "_"
	}
	return base
}

// platformSuffix reports whether go/build reads a file name whose part
// before the first dot is base as a build constraint: a last _-separated
// element that is a GOOS or GOARCH (_windows, _arm64, _js_wasm), optionally
// followed by _test. Go then compiles the file only on that platform, so a
// schema called Billable_windows would silently vanish from the package
// everywhere else. A trailing _test is reserved too: with a .go extension
// it makes a test file. (The file still has a .gen.go extension, so this
// only ever adds a "_".)
func platformSuffix(base string) bool {
	i := strings.Index(base, "_")
	if i < 0 {
		return false
	}
	l := strings.Split(base[i+1:], "_")
	if n := len(l); l[n-1] == "test" {
		return true
	}
	n := len(l)
	return knownOS[l[n-1]] || knownArch[l[n-1]]
}

// knownOS and knownArch are go/build's lists of the GOOS and GOARCH values
// it recognises in file names (internal/syslist: past, present and
// reserved ones, which is more than `go tool dist list` shows). Go never
// removes a word from them; a word a later Go adds would need adding here.
var (
	knownOS = map[string]bool{"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true,
		"hurd": true, "illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
		"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true}
	knownArch = map[string]bool{"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true,
		"arm64": true, "arm64be": true, "loong64": true, "mips": true, "mipsle": true, "mips64": true,
		"mips64le": true, "mips64p32": true, "mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true,
		"riscv": true, "riscv64": true, "s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true}
)

// planClientNames names the production client's package-level
// identifiers, right after the component schemas: a schema keeps its name
// and the client's identifier takes the first free numeric suffix (a
// schema named Options makes the client's options type Options2). These
// are the generator's inventions, so giving way is no warning; the README
// documents the rule, and each one's doc comment uses its planned name.
func (p *planner) planClientNames() {
	n := &p.m.Names
	n.APIClient, _ = p.names.claim("APIClient", "the client's APIClient")
	// Its constructor follows it: APIClient2 is made by NewAPIClient2.
	for _, c := range n.all()[1:] {
		want := c.usual
		if c.field == &n.NewAPIClient {
			want = "New" + n.APIClient
		}
		*c.field, _ = p.names.claim(want, "the client's "+c.usual)
	}
}

// warnClientNames says which client identifiers a schema's name took
// (a schema RetryPolicy makes the client's RetryPolicy2): the README's
// api.Options is then api.Options2 in this package.
func (p *planner) warnClientNames() {
	n := &p.m.Names
	for _, c := range n.all() {
		if *c.field == c.usual {
			continue
		}
		owner := p.names.owner(c.usual)
		if !strings.HasPrefix(owner, "components.") {
			continue // renamed after another client name (NewAPIClient2 after APIClient2)
		}
		pos, _ := p.spec.WherePos(owner)
		p.warn(pos, owner, "schema %s has the name of the client's %s: the client's is named %s in this package", c.usual, c.usual, *c.field)
	}
}

// nameFuncs claims the names of the package-level functions generated
// for each type, after every type name: a schema called NewPet keeps its
// name and Pet's constructor becomes NewPet2, with a warning.
func (p *planner) nameFuncs() {
	claim := func(t *Type, want string) string {
		name, renamed := p.names.claim(want, "function of "+t.Name)
		if renamed {
			p.warn(t.Pos, t.Where, "function name %s is the name of %s, which keeps it; this function is named %s", want, p.names.owner(want), name)
		}
		return name
	}
	for _, t := range p.m.Types {
		switch t.Kind {
		case KindStruct:
			t.Ctor = claim(t, "New"+t.Name)
		case KindEnum:
			t.ValuesFunc = claim(t, t.Name+"Values")
		case KindUnion:
			for _, v := range t.Union.Variants {
				v.From = claim(t, t.Name+"From"+v.Name)
			}
		}
	}
}

func refName(ref string) string {
	_, frag, _ := strings.Cut(ref, "#")
	last := frag
	if i := strings.LastIndex(frag, "/"); i >= 0 {
		last = frag[i+1:]
	}
	if last == "" {
		file, _, _ := strings.Cut(ref, "#")
		last = strings.TrimSuffix(path.Base(file), path.Ext(file))
	}
	return GoName(last)
}

func snake(name string) string {
	ws := words(name)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, "_")
}
