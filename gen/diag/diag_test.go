package diag

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, tt := range []struct {
		pos  Pos
		want string
	}{
		{Pos{}, ""},
		{Pos{Line: 3, Col: 4}, ""}, // no file: nothing to point at
		{Pos{File: "spec.yaml"}, "spec.yaml"},
		{Pos{File: "spec.yaml", Line: 12}, "spec.yaml:12"},
		{Pos{File: "spec.yaml", Line: 12, Col: 7}, "spec.yaml:12:7"},
		{Pos{File: "spec.yaml", Col: 7}, "spec.yaml"}, // a column without a line means nothing
	} {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	at := Pos{File: "spec/x.yaml", Line: 12, Col: 7}
	for _, tt := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: at, Where: "components.schemas.Foo.properties.bar", Msg: "bad"},
			"spec/x.yaml:12:7: components.schemas.Foo.properties.bar: bad"},
		{Diagnostic{Pos: at, Where: "paths./pets", Msg: "odd", Severity: Warning},
			"spec/x.yaml:12:7: warning: paths./pets: odd"},
		{Diagnostic{Msg: "no position, no place"}, "no position, no place"},
		{Diagnostic{Where: "info", Msg: "m", Severity: Warning}, "warning: info: m"},
		{Diagnostic{Pos: Pos{File: "gen.yaml"}, Msg: "m"}, "gen.yaml: m"},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestListError(t *testing.T) {
	l := List{
		{Pos: Pos{File: "a.yaml", Line: 1, Col: 2}, Msg: "first"},
		{Pos: Pos{File: "b.yaml", Line: 3, Col: 4}, Where: "w", Msg: "second", Severity: Warning},
	}
	if got, want := l.Error(), "a.yaml:1:2: first\nb.yaml:3:4: warning: w: second"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (List{}).Error(); got != "" {
		t.Errorf("empty List.Error() = %q", got)
	}
}

// TestSort orders by file, line, column, place and message (not by the
// order found, which depends on scheduling), and keeps each diagnostic once.
func TestSort(t *testing.T) {
	d := func(file string, line, col int, where, msg string) Diagnostic {
		return Diagnostic{Pos: Pos{File: file, Line: line, Col: col}, Where: where, Msg: msg, Severity: Warning}
	}
	l := List{
		d("b.yaml", 1, 1, "", "x"),
		d("a.yaml", 10, 1, "", "x"),
		d("a.yaml", 2, 9, "", "x"),
		d("a.yaml", 2, 3, "z", "x"),
		d("a.yaml", 2, 3, "a", "y"),
		d("a.yaml", 2, 3, "a", "x"),
		d("a.yaml", 2, 3, "a", "x"), // a duplicate
		d("a.yaml", 10, 1, "", "x"), // a duplicate, not adjacent
	}
	want := List{
		d("a.yaml", 2, 3, "a", "x"),
		d("a.yaml", 2, 3, "a", "y"),
		d("a.yaml", 2, 3, "z", "x"),
		d("a.yaml", 2, 9, "", "x"),
		d("a.yaml", 10, 1, "", "x"), // line 10 after line 2: numbers, not text
		d("b.yaml", 1, 1, "", "x"),
	}
	if got := l.Sort(); !slices.Equal(got, want) {
		t.Errorf("Sort() =\n%v\nwant\n%v", got, want)
	}
	// The same text as an error and as a warning are two diagnostics.
	e := d("a.yaml", 1, 1, "", "x")
	e.Severity = Error
	if got := (List{e, d("a.yaml", 1, 1, "", "x")}).Sort(); len(got) != 2 {
		t.Errorf("an error and a warning of the same text were merged: %v", got)
	}
	if got := (List(nil)).Sort(); len(got) != 0 {
		t.Errorf("nil.Sort() = %v", got)
	}
}

func TestErrorf(t *testing.T) {
	err := Errorf(Pos{File: "s.json", Line: 4, Col: 2}, "components.schemas.A", "type %q is unknown", "flt")
	if got, want := err.Error(), `s.json:4:2: components.schemas.A: type "flt" is unknown`; got != want {
		t.Errorf("Errorf = %q, want %q", got, want)
	}
	var l List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Severity != Error {
		t.Errorf("Errorf gives %#v, want a List of one error", err)
	}
}

func TestIsInputError(t *testing.T) {
	in := Errorf(Pos{File: "s.yaml", Line: 1, Col: 1}, "", "bad")
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{in, true},
		{fmt.Errorf("loading: %w", in), true}, // wrapped once by a caller
		{List{}, true},
		{errors.New("disk full"), false},
		{nil, false},
	} {
		if got := IsInputError(tt.err); got != tt.want {
			t.Errorf("IsInputError(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
