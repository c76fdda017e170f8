// Package diag holds the positioned diagnostics that every stage reports:
// errors and warnings of the form `file:line:col: where: what`.
//
// It knows nothing about OpenAPI or Go; it only formats and collects.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col are 1-based; zero means
// unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity tells a warning from an error.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Pos      Pos
	Where    string // a path in the document, e.g. components.schemas.Foo
	Msg      string
	Severity Severity
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Where != "" {
		b.WriteString(d.Where)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is a set of diagnostics. As an error it prints one per line.
type List []Diagnostic

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders diagnostics by file, line, column and message, and drops exact
// duplicates, so that each is printed once and output is stable.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Where != b.Where {
			return a.Where < b.Where
		}
		return a.Msg < b.Msg
	})
	out := l[:0]
	for i, d := range l {
		if i > 0 && d == l[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Errorf returns a single positioned error.
func Errorf(pos Pos, where, format string, args ...any) error {
	return List{{Pos: pos, Where: where, Msg: fmt.Sprintf(format, args...)}}
}

// IsInputError reports whether err is a problem with the input (the spec or
// the config) rather than a failure of the tool itself.
func IsInputError(err error) bool {
	var l List
	return errors.As(err, &l)
}
