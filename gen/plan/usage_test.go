package plan

import "testing"

func TestLowerFirstExampleName(t *testing.T) {
	for in, want := range map[string]string{"BadRequest": "badRequest", "URLError": "urlError", "ID": "id", "X": "x", "": ""} {
		if got := exampleLower(in); got != want {
			t.Errorf("exampleLower(%q) = %q, want %q", in, got, want)
		}
	}
}
