// Package emit renders the plan model into files: Go source through
// oapi-codegen (operations and its client) and jennifer (models, validation,
// enums, constructors), and Markdown docs.
//
// Emitters only read the model. They make no naming or typing decision and
// never look at the spec; the one exception is handing oapi-codegen the
// document the planner annotated, which is what oapi-codegen consumes.
// Nothing here touches the disk: the write stage does.
package emit

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/oasgen/oasgen/gen/internal/par"
	"github.com/oasgen/oasgen/gen/plan"
)

// File is one rendered output file, path relative to the output directory.
type File struct {
	Path    string
	Content []byte
}

// Options are what emitting takes besides the model: which files exist is
// the model's to say (Model.Client, Model.Docs).
type Options struct {
	// Templates maps oapi-codegen template names to override text.
	Templates map[string]string
}

// All renders every file of the package, in a fixed order.
func All(m *plan.Model, opts Options) ([]File, error) {
	var files []File
	// oapi-codegen (slow on big specs) runs on another core meanwhile.
	var oapi File
	var oapiErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if m.RawClient {
			oapi, oapiErr = genOapi(m, opts.Templates)
		}
	}()
	typeFiles, err := parallel(m.Types, func(t *plan.Type) (File, error) { return genTypeFile(m, t) })
	<-done
	if err != nil {
		return nil, err
	}
	files = append(files, typeFiles...)
	if oapiErr != nil {
		return nil, oapiErr
	}
	if m.RawClient {
		files = append(files, oapi)
	}
	if m.Client {
		cf, err := genClient(m)
		if err != nil {
			return nil, err
		}
		files = append(files, cf...)
		ex, err := genExamples(m)
		if err != nil {
			return nil, err
		}
		if ex != nil {
			files = append(files, *ex)
		}
		if m.Docs {
			od, err := genOpDocs(m)
			if err != nil {
				return nil, err
			}
			files = append(files, od...)
		}
	}
	if m.Webhooks != nil {
		wf, err := genWebhooks(m)
		if err != nil {
			return nil, err
		}
		files = append(files, wf)
	}
	if m.Docs {
		files = append(files, genDocs(m)...)
	}
	pd, err := genPackageDoc(m)
	if err != nil {
		return nil, err
	}
	return append(files, pd), nil
}

// parallel maps fn over items on every core, keeping the order; the error
// is the first in item order, whatever the scheduling.
func parallel[T, R any](items []T, fn func(T) (R, error)) ([]R, error) {
	out := make([]R, len(items))
	errs := make([]error, len(items))
	par.For(len(items), func(i int) { out[i], errs[i] = fn(items[i]) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func render(f *jen.File, name string) (File, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("%s: rendering: %w", name, err)
	}
	return File{Path: name, Content: buf.Bytes()}, nil
}

func newFile(m *plan.Model) *jen.File {
	f := jen.NewFile(m.Package)
	// write formats every Go file once (after stamping its header);
	// jennifer's own pass would be a second.
	f.NoFormat = true
	f.ImportName(plan.RuntimePath, "oas")
	f.ImportName(plan.ImplPath, "oasimpl")
	return f
}

// cleanText makes spec text safe inside a Go comment or Markdown cell: valid
// UTF-8, no control characters, no line/paragraph separators and no bidi
// controls (which can make source read differently from how it compiles).
// Newlines are kept; comment writes each line as its own // comment.
// (Go itself ends lines only at \n, so U+2028 cannot end a // comment; it
// is still replaced, since editors and viewers break lines there.)
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t', r == '\r':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029' || r == '\uFEFF' || r == utf8.RuneError || isBidiControl(r):
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// isBidiControl reports the Unicode bidirectional formatting characters
// ("Trojan Source", CVE-2021-42574).
func isBidiControl(r rune) bool {
	switch {
	case r == '\u061C', r == '\u200E', r == '\u200F':
		return true
	case r >= '\u202A' && r <= '\u202E':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// docComment turns a description into a Go doc comment for name: "The
// origin username" becomes "OriginUsername is the origin username", "How
// long..." "ExpiresIn is how long...".
func docComment(name, text string) string {
	text = cleanText(text)
	if text == "" {
		return ""
	}
	first, _, _ := strings.Cut(text, " ")
	if strings.EqualFold(strings.Trim(first, ".,:;"), name) {
		return text // already starts with the name
	}
	// Go doc comments start with the name they document. A plain leading
	// word ("The", "How", "Whether") is lowered; acronyms and names with
	// inner capitals ("URL", "StackOne") are kept as written.
	if r, n := utf8.DecodeRuneInString(first); unicode.IsUpper(r) && strings.ToLower(first[n:]) == first[n:] {
		text = string(unicode.ToLower(r)) + text[n:]
	}
	return name + " is " + text
}

type commenter interface{ Comment(string) *jen.Statement }

// comment writes text as `//` line comments, one per line. jennifer would
// render a multi-line comment as /* */, which text containing "*/" could
// end, and writes a line that starts with "//" or "/*" verbatim, which would
// open a block comment; so each line gets its "//" here.
func comment(c commenter, text string) {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " ")
		if l == "" {
			c.Comment("//")
			continue
		}
		c.Comment("// " + l)
	}
}

// article is "a" or "an" for the word w as English reads it aloud:
// "an anyOf", "an Owner", "a User", "an HTTPHeader", "a URL". Acronyms are
// read letter by letter, so their first letter's name decides; a few
// words that start with a vowel letter but not a vowel sound ("user",
// "one") or the other way round ("hour") are listed.
func article(w string) string {
	first := w
	if ws := splitWords(w); len(ws) > 0 {
		first = ws[0]
	}
	if first == "" {
		return "a"
	}
	if len(first) > 1 && strings.ToUpper(first) == first {
		// An acronym: A, E, F, H, I, L, M, N, O, R, S and X are read
		// with a vowel first ("an HTTP", "an SDK", "an XML").
		if strings.ContainsRune("AEFHILMNORSX", rune(first[0])) {
			return "an"
		}
		return "a"
	}
	low := strings.ToLower(first)
	for _, p := range []string{"uni", "use", "usa", "usu", "uti", "ure", "uri", "eu", "one", "once", "ewe"} {
		if strings.HasPrefix(low, p) {
			return "a"
		}
	}
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(low, p) {
			return "an"
		}
	}
	if strings.ContainsRune("aeiou", rune(low[0])) {
		return "an"
	}
	return "a"
}

// withArticle is w preceded by its article: "an Owner".
func withArticle(w string) string { return article(w) + " " + w }

// splitWords splits an identifier at lower→upper changes and at the end of
// an acronym ("HTTPServer" → HTTP, Server; "anyOf" → any, Of).
func splitWords(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, r := rs[i-1], rs[i]
		if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) ||
			unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}
