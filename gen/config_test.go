package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadConfigOapiCodegen feeds config files in oapi-codegen's shape (and
// mistakes in ours) and checks the jobs, warnings and positioned errors.
func TestLoadConfigOapiCodegen(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		wantJobs []Job    // Spec/Output relative to the config dir; compared on those fields, Client and NoRawClient
		wantWarn []string // substrings, in order, of ConfigWarnings of job 0
		wantErr  []string // substrings of the error
		notErr   string   // not in the error
	}{
		{
			name: "oapi-codegen file plus spec",
			config: `package: api
spec: openapi.yaml
generate:
  models: true
  client: true
output: internal/api/client.gen.go
output-options:
  skip-prune: true
  nullable-type: false
compatibility:
  old-merge-schemas: true
`,
			wantJobs: []Job{{Spec: "openapi.yaml", Package: "api", Output: "internal/api", Client: true}},
			wantWarn: []string{
				"gen.yaml:8:3: warning: output-options.skip-prune: oapi-codegen option accepted but has no effect in oasgen: nothing is pruned",
				"gen.yaml:11:3: warning: compatibility.old-merge-schemas: oapi-codegen option accepted but has no effect",
			},
		},
		{
			name:     "generate without client turns the client off",
			config:   "package: api\nspec: openapi.yaml\noutput: out\ngenerate:\n  models: true\n",
			wantJobs: []Job{{Spec: "openapi.yaml", Package: "api", Output: "out", Client: false}},
		},
		{
			name:     "raw-client false leaves oapi-codegen's client out",
			config:   "specs:\n  - spec: openapi.yaml\n    package: api\n    output: out\n    raw-client: false\n  - spec: openapi.yaml\n    package: b\n    output: b\n",
			wantJobs: []Job{{Spec: "openapi.yaml", Package: "api", Output: "out", Client: true, NoRawClient: true}, {Spec: "openapi.yaml", Package: "b", Output: "b", Client: true}},
		},
		{
			name:     "allow-remote-refs-from allows remote refs",
			config:   "package: api\nspec: openapi.yaml\noutput: out\nallow-remote-refs-from: [example.com]\n",
			wantJobs: []Job{{Spec: "openapi.yaml", Package: "api", Output: "out", Client: true, AllowRemoteRefs: true}},
		},
		{
			name: "oapi-codegen keys inside a specs entry",
			config: `templates: tmpl
specs:
  - spec: a.yaml
    package: a
    output: a/a.gen.go
    generate: {client: true}
  - spec: b.yaml
    package: b
    output: b
`,
			wantJobs: []Job{
				{Spec: "a.yaml", Package: "a", Output: "a", Client: true, TemplatesDir: "tmpl"},
				{Spec: "b.yaml", Package: "b", Output: "b", Client: true, TemplatesDir: "tmpl"},
			},
		},
		{
			name:    "server generation is an error with its position",
			config:  "package: api\nspec: openapi.yaml\noutput: out\ngenerate:\n  client: true\n  chi-server: true\n",
			wantErr: []string{"gen.yaml:6:3: generate.chi-server: oasgen generates models and a client, not servers"},
		},
		{
			name:    "unknown top-level key",
			config:  "package: api\nspec: openapi.yaml\noutput: out\noutputs: x\n",
			wantErr: []string{"gen.yaml:4:1: config: field outputs not found"},
		},
		{
			name:    "unknown key inside output-options",
			config:  "package: api\nspec: openapi.yaml\noutput: out\noutput-options:\n  skip-prunes: true\n",
			wantErr: []string{"gen.yaml:5:3: config: field skip-prunes not found"},
		},
		{
			name:    "unknown key: the closest valid one is suggested",
			config:  "specs:\n  - spec: a.yaml\n    pakage: a\n    output: a\n",
			wantErr: []string{`gen.yaml:3:5: config: field pakage not found (did you mean "package"?)`},
		},
		{
			name:    "unknown limits key",
			config:  "spec: a.yaml\npackage: a\noutput: a\nlimits:\n  max-node: 5\n",
			wantErr: []string{`gen.yaml:5:3: config: field max-node not found (did you mean "max-nodes"?)`},
		},
		{
			name:    "unknown key with nothing close: no suggestion",
			config:  "spec: a.yaml\npackage: a\noutput: a\nflavour: x\n",
			wantErr: []string{"gen.yaml:4:1: config: field flavour not found"},
			notErr:  "did you mean",
		},
		{
			name:    "unknown key in an oapi-codegen block",
			config:  "spec: a.yaml\npackage: a\noutput: a\noutput-options:\n  skip-prun: true\n",
			wantErr: []string{`field skip-prun not found (did you mean "skip-prune"?)`},
		},
		{
			name:    "oapi-codegen file without spec",
			config:  "package: api\noutput: out.go\n",
			wantErr: []string{"gen.yaml:1:1: `spec` is required: oapi-codegen takes the spec on its command line"},
		},
		{
			name:    "specs list and top-level spec keys",
			config:  "package: api\nspecs:\n  - spec: a.yaml\n    package: a\n    output: a\n",
			wantErr: []string{"both a `specs:` list and spec keys"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "gen.yaml")
			if err := os.WriteFile(path, []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := LoadConfig(path)
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("LoadConfig succeeded; want an error containing %q", tt.wantErr)
				}
				msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
				for _, w := range tt.wantErr {
					if !strings.Contains(msg, w) {
						t.Errorf("error\n%s\ndoes not contain %q", msg, w)
					}
				}
				if tt.notErr != "" && strings.Contains(msg, tt.notErr) {
					t.Errorf("error\n%s\ncontains %q", msg, tt.notErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			jobs, err := c.Jobs(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(jobs) != len(tt.wantJobs) {
				t.Fatalf("got %d jobs, want %d", len(jobs), len(tt.wantJobs))
			}
			for i, j := range jobs {
				w := tt.wantJobs[i]
				w.Spec = filepath.Join(dir, w.Spec)
				w.Output = filepath.Join(dir, w.Output)
				if w.TemplatesDir != "" {
					w.TemplatesDir = filepath.Join(dir, w.TemplatesDir)
				}
				if j.Spec != w.Spec || j.Package != w.Package || j.Output != w.Output || j.Client != w.Client ||
					j.NoRawClient != w.NoRawClient || j.AllowRemoteRefs != w.AllowRemoteRefs || j.TemplatesDir != w.TemplatesDir {
					t.Errorf("job %d = %+v\nwant %+v", i, j, w)
				}
			}
			var got []string
			for _, d := range jobs[0].ConfigWarnings {
				got = append(got, strings.ReplaceAll(d.String(), dir+string(filepath.Separator), ""))
			}
			if len(got) != len(tt.wantWarn) {
				t.Fatalf("warnings %q, want %d matching %q", got, len(tt.wantWarn), tt.wantWarn)
			}
			for i, w := range tt.wantWarn {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
