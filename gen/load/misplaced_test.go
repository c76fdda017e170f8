package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMisplacedRefs: a $ref as the value of a string field is blanked in
// place (every other position unchanged) and warned about; a $ref under a
// property that happens to be named description is followed as ever.
func TestMisplacedRefs(t *testing.T) {
	for name, tc := range map[string]struct {
		doc  string
		want []string // warnings' positions and fields
	}{
		"block": {
			doc:  "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description:\n    $ref: ./intro.md  # pulled in by the docs tool\npaths: {}\n",
			want: []string{"x.yaml:6:11: warning: info.description: $ref \"./intro.md\""},
		},
		"flow": {
			doc:  "openapi: 3.0.3\ninfo: {title: t, version: '1', description: {$ref: './a}b.md'}}\npaths: {}\ntags: [{name: a, description: {$ref: a.md}}]\n",
			want: []string{"x.yaml:2:52: warning: info.description", "x.yaml:4:38: warning: tags.0.description"},
		},
		"JSON over lines": {
			doc:  "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\", \"version\": \"1\",\n  \"summary\": {\n    \"$ref\": \"s.md\"\n  }},\n \"paths\": {}}\n",
			want: []string{"x.yaml:4:13: warning: info.summary"},
		},
		"a property named description": {
			doc: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n" +
				"      properties:\n        description: {$ref: '#/components/schemas/B'}\n    B: {type: string}\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "x.yaml")
			if err := os.WriteFile(p, []byte(tc.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Load(p, Options{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var got []string
			for _, w := range s.Warnings {
				if strings.Contains(w.Msg, "where the spec allows none") {
					got = append(got, strings.TrimPrefix(w.String(), dir+string(filepath.Separator)))
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("warnings %q, want %q", got, tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("warning %q, want it to start %q", got[i], tc.want[i])
				}
			}
			if data := s.data[filepath.Clean(p)]; strings.Count(string(data), "\n") != strings.Count(tc.doc, "\n") || len(data) != len(tc.doc) {
				t.Errorf("blanking moved text:\n%q\n%q", data, tc.doc)
			}
			if d, err := Digest(p, Options{}); err != nil || d != s.Digest {
				t.Errorf("quick digest %s (%v), loader's %s", d, err, s.Digest)
			}
		})
	}
}
