package main

import (
	"strings"
	"testing"
	"time"
)

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
		{Spec: "d.yaml", Status: StatusNotRun},
	}
	rs[0].Commit, rs[1].Commit, rs[2].Commit = "abc", "abc", "def"
	md := renderReport(rs)
	for _, want := range []string{
		"**4 specs: 1 pass, 1 refused on purpose, 1 fail, 1 not run.** Component schemas with a type: 5 / 6.",
		"Run at `abc` (2 specs), `def` (1 specs);",
		"| `d.yaml` |  | not run |",
		"| `a.yaml` | 3.0.0 | pass | 1.0s | 2 kB in 3 files | 2/2 | 5 | 1 | yes | 1 |",
		"### `c.yaml` — build-fail\n\n```\nundefined: X\n```",
		"a.yaml:3:1: warning: w",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}
