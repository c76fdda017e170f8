package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestListSpecs: table rows of INDEX.md are specs, bullet-listed companion
// fragments are not, and a name that is not on disk is skipped.
func TestListSpecs(t *testing.T) {
	dir := t.TempDir()
	index := "# Corpus\n\n| File | OAS |\n|---|---|\n| `a.yaml` | 3.0 |\n| `sub/b.json` | 3.1 |\n| `gone.yaml` | 3.0 |\n\n" +
		"## Companions\n\n- `sub/frag.yml` (12 B)\n"
	for name, content := range map[string]string{"INDEX.md": index, "a.yaml": "openapi: 3.0.0", "sub/b.json": "{}", "sub/frag.yml": "x: 1"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := listSpecs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "a.yaml,sub/b.json" {
		t.Fatalf("listSpecs = %q, want [a.yaml sub/b.json]", got)
	}
	if _, err := listSpecs(t.TempDir()); err == nil {
		t.Fatal("listSpecs without INDEX.md succeeded")
	}
}

// TestRefusedOnPurpose tells the two refusals the issue allows from other
// generation errors.
func TestRefusedOnPurpose(t *testing.T) {
	for msg, want := range map[string]bool{
		"x.yaml:1:1: not an OpenAPI document: no `openapi` or `swagger` field at the top level":                    true,
		"x.yaml:15:17: c: remote $ref \"https://e.com/a.json\" refused: remote references are off (set allow-...)": true,
		"client.gen.go: oapi-codegen: duplicate typename 'Order' detected":                                         false,
	} {
		if got := refusedOnPurpose(msg); got != want {
			t.Errorf("refusedOnPurpose(%q) = %v, want %v", msg, got, want)
		}
	}
}

// TestRenderReport: the summary counts statuses and schemas, failures and
// warnings appear in the details.
func TestRenderReport(t *testing.T) {
	rs := []*Result{
		{Spec: "a.yaml", Status: StatusPass, GenTime: time.Second, childResult: childResult{Version: "3.0.0", Files: 3, Bytes: 2048,
			Schemas: 2, SchemasPresent: 2, Types: 5, Operations: 1, Client: true, WarningCount: 1, Warnings: []string{"a.yaml:3:1: warning: w"}}},
		{Spec: "b.yaml", Status: StatusRefused, Detail: "b.yaml:1:1: not an OpenAPI document"},
		{Spec: "c.yaml", Status: StatusBuildFailed, Detail: "undefined: X", childResult: childResult{Files: 1, Schemas: 4, SchemasPresent: 3}},
	}
	md := renderReport(rs)
	for _, want := range []string{
		"**3 specs: 1 pass, 1 refused on purpose, 1 fail.** Component schemas with a type: 5 / 6.",
		"| `a.yaml` | 3.0.0 | pass | 1.0s | 2 kB in 3 files | 2/2 | 5 | 1 | yes | 1 |",
		"### `c.yaml` — build-fail\n\n```\nundefined: X\n```",
		"a.yaml:3:1: warning: w",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}
