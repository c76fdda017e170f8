package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/oasgen/oasgen/internal/conformance/driver"
)

// TestPrismReservedPart: Prism's reserved-character check on a multipart
// part is its own mistake; on a form-urlencoded body, where OpenAPI's
// allowReserved applies, it is not.
func TestPrismReservedPart(t *testing.T) {
	v := driver.Violation{Location: []string{"request", "body", "obj"}, Severity: "Error", Message: "Reserved characters used in request body"}
	for _, tc := range []struct {
		ct    string
		prism bool
	}{
		{"multipart/form-data; boundary=b", true},
		{"application/x-www-form-urlencoded", false},
		{"application/json", false},
	} {
		e := &driver.Exchange{Header: http.Header{"Content-Type": {tc.ct}}, Body: "x"}
		if got := prismReservedPart(v, e); got != tc.prism {
			t.Errorf("%s: blamed on Prism %v, want %v", tc.ct, got, tc.prism)
		}
	}
	other := v
	other.Message = "Request body property obj must be object"
	if prismReservedPart(other, &driver.Exchange{Header: http.Header{"Content-Type": {"multipart/form-data; boundary=b"}}}) {
		t.Error("another violation of a part was blamed on Prism")
	}
}

// TestOneOfNotExclusive: a body matching two oneOf members (both allOf
// of one base) is the spec's mistake; a body matching one, or none, is not.
func TestOneOfNotExclusive(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/e":{"post":{
	  "requestBody":{"content":{"application/json":{"schema":{"oneOf":[{"$ref":"#/components/schemas/A"},{"$ref":"#/components/schemas/B"}],
	    "discriminator":{"propertyName":"kind","mapping":{"a":"#/components/schemas/A","b":"#/components/schemas/B"}}}}}},
	  "responses":{"200":{"description":"ok"}}}}},
	  "components":{"schemas":{
	    "Base":{"type":"object","required":["kind"],"properties":{"kind":{"type":"string","enum":["a","b"]},"n":{"type":"integer"}}},
	    "A":{"allOf":[{"$ref":"#/components/schemas/Base"}]},
	    "B":{"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["n"]}]}}}}`)
	op := d.Paths.Value("/e").Post
	v := driver.Violation{Location: []string{"request", "body"}, Severity: "Error", Message: "Request body must match exactly one schema in oneOf"}
	for _, tc := range []struct {
		body string
		spec bool
	}{
		{`{"kind":"b","n":1}`, true}, // A and B both
		{`{"kind":"a"}`, false},      // A only: the client's
		{`{"kind":"c"}`, false},      // none
		{`not json`, false},
	} {
		got := oneOfNotExclusive(v, &driver.Exchange{Body: tc.body}, op)
		if (got != "") != tc.spec {
			t.Errorf("%s: members %q, want the spec's: %v", tc.body, got, tc.spec)
		}
	}
	// Prism may word the failing oneOf as its members' own errors.
	if got := oneOfNotExclusive(driver.Violation{Location: []string{"request", "body"}, Message: "Request body must have required property 'provider'"}, &driver.Exchange{Body: `{"kind":"b","n":1}`}, op); got == "" {
		t.Error("a member's error at the oneOf, the value matching two members: not the spec's")
	}
	// Deeper, where no oneOf is, it is not.
	if got := oneOfNotExclusive(driver.Violation{Location: []string{"request", "body", "n"}, Message: "must be integer"}, &driver.Exchange{Body: `{"kind":"b","n":1}`}, op); got != "" {
		t.Errorf("a violation where no oneOf is: %q", got)
	}
}

// TestOnly401Documented: a 401 for an operation that documents only 401,
// with the credential sent, is the answer Prism mocks; without the
// credential, or when a 2xx is documented, it is a missing credential.
func TestOnly401Documented(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{
	  "/only":{"post":{"security":[{"key":[]}],"responses":{"401":{"description":"no"}}}},
	  "/ok":{"post":{"security":[{"key":[]}],"responses":{"200":{"description":"ok"},"401":{"description":"no"}}}}},
	  "components":{"securitySchemes":{"key":{"type":"apiKey","in":"header","name":"X-API-KEY"}}}}`)
	ix := &schemaIndex{ops: map[string]*openapi3.Operation{"Only": d.Paths.Value("/only").Post, "OK": d.Paths.Value("/ok").Post},
		security: map[string][][]*openapi3.SecurityScheme{}}
	for name, op := range ix.ops {
		ix.security[name] = securityAlternatives(d, op)
	}
	withKey := http.Header{"X-Api-Key": {"k"}}
	rep := &driver.Report{Calls: []driver.CallResult{
		{Op: "Only", Exchanges: []driver.Exchange{{Request: "POST /only", Header: withKey, Status: 401}}, Err: "401"},
		{Op: "Only", Exchanges: []driver.Exchange{{Request: "POST /only", Header: http.Header{}, Status: 401}}, Err: "401"},
		{Op: "OK", Exchanges: []driver.Exchange{{Request: "POST /ok", Header: withKey, Status: 401}}, Err: "401"},
	}}
	var mr modeResult
	mr.classify(rep, ix)
	if len(mr.Defects) != 2 || mr.Defects[0].Class != classAuth || mr.Defects[1].Class != classAuth ||
		!strings.HasPrefix(mr.Defects[1].Op, "OK") {
		t.Errorf("defects = %v, want the call without its key and the one documenting a 200", mr.Defects)
	}
}

// TestCredentialSent: each kind of scheme is found where it goes.
func TestCredentialSent(t *testing.T) {
	key := func(in, name string) *openapi3.SecurityScheme {
		return &openapi3.SecurityScheme{Type: "apiKey", In: in, Name: name}
	}
	bearer := &openapi3.SecurityScheme{Type: "http", Scheme: "bearer"}
	e := &driver.Exchange{Request: "GET http://h/a?api_key=1", Header: http.Header{"Cookie": {"a=1; sid=2"}}}
	for _, tc := range []struct {
		name string
		alts [][]*openapi3.SecurityScheme
		want bool
	}{
		{"none needed", nil, true},
		{"query", [][]*openapi3.SecurityScheme{{key("query", "api_key")}}, true},
		{"cookie", [][]*openapi3.SecurityScheme{{key("cookie", "sid")}}, true},
		{"header missing", [][]*openapi3.SecurityScheme{{key("header", "X-Key")}}, false},
		{"bearer missing", [][]*openapi3.SecurityScheme{{bearer}}, false},
		{"both needed, one sent", [][]*openapi3.SecurityScheme{{key("query", "api_key"), bearer}}, false},
		{"either", [][]*openapi3.SecurityScheme{{bearer}, {key("cookie", "sid")}}, true},
		{"unresolved", [][]*openapi3.SecurityScheme{{nil}}, false},
	} {
		if got := credentialSent(e, tc.alts); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestExitedWithin: a Prism whose exit is seen after its socket closed
// is waited for; one still running is not.
func TestExitedWithin(t *testing.T) {
	p := &prism{exited: make(chan error, 1)}
	go func() {
		time.Sleep(50 * time.Millisecond)
		p.exited <- errors.New("exit status 1")
	}()
	if p.exitedEarly() {
		t.Fatal("exited before it did")
	}
	if !p.exitedWithin(5 * time.Second) {
		t.Error("the exit was not waited for")
	}
	if !p.exitedEarly() {
		t.Error("the exit was not kept for stop")
	}
	alive := &prism{exited: make(chan error, 1)}
	if alive.exitedWithin(10 * time.Millisecond) {
		t.Error("a running Prism was taken for dead")
	}
}

// TestFirstTransportError and notReached: where a crash is, and the calls
// after it, filed as Prism's.
func TestFirstTransportError(t *testing.T) {
	ok := driver.CallResult{Op: "A", Exchanges: []driver.Exchange{{Status: 200}}}
	refused := driver.CallResult{Op: "B", Exchanges: []driver.Exchange{{TransportE: "connect: connection refused"}}}
	if k := firstTransportError([]driver.CallResult{ok, ok}); k != 2 {
		t.Errorf("no error: %d", k)
	}
	if k := firstTransportError([]driver.CallResult{ok, refused, refused}); k != 1 {
		t.Errorf("crash at 1: %d", k)
	}
	fs := notReached([]driver.Call{{Op: "C", Method: "GET", Path: "/c", Prefer: "201"}}, "why")
	if len(fs) != 1 || fs[0].Class != classPrismCrash || fs[0].Op != "C (GET /c) Prefer 201" {
		t.Errorf("notReached = %v", fs)
	}
}

// TestRefusal: Prism's fatal line is the reason kept.
func TestRefusal(t *testing.T) {
	log := "[8:51:44 AM] › [CLI] …  awaiting  Starting Prism…\n" +
		"[8:51:45 AM] › [CLI] ✖  fatal     Error parsing x.yaml: mapping key must be a string scalar rather than number at line 156, column 9:\n" +
		"prism mock <document>\n\n{\n}\n"
	if got := refusal(log); !strings.HasPrefix(got, "Error parsing x.yaml: mapping key must be a string scalar") {
		t.Errorf("refusal = %q", got)
	}
	if got := refusal("a\nTypeError: boom\n    at f (/x/errors/y.js:1)\n"); got != "TypeError: boom" {
		t.Errorf("refusal without a fatal line = %q", got)
	}
}

// TestJSONCopy: a YAML spec with integer keys, anchors, a merge key and a
// date becomes JSON with string keys, the date as written.
func TestJSONCopy(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "s.yaml")
	src := "openapi: 3.0.3\ninfo: {title: t, version: 1.0, x-date: 2020-01-02}\n" +
		"base: &b {a: 1, b: 2}\nmerged: {<<: *b, b: 3}\npaths:\n  /x:\n    get:\n      responses:\n        200: {description: ok}\n"
	if err := os.WriteFile(spec, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := jsonCopy(spec, dir)
	if err != nil || out == "" {
		t.Fatalf("jsonCopy: %q, %v", out, err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	resp := got["paths"].(map[string]any)["/x"].(map[string]any)["get"].(map[string]any)["responses"].(map[string]any)
	if _, ok := resp["200"]; !ok {
		t.Errorf("integer key not a string: %s", data)
	}
	if d := got["info"].(map[string]any)["x-date"]; d != "2020-01-02" {
		t.Errorf("date = %v", d)
	}
	if m := got["merged"].(map[string]any); m["a"] != 1.0 || m["b"] != 3.0 {
		t.Errorf("merged = %v", m)
	}
	if p, err := jsonCopy(filepath.Join(dir, "s.json"), dir); p != "" || err != nil {
		t.Errorf("a JSON spec was copied: %q, %v", p, err)
	}
}

// TestVetFinding: go vet's first finding, without its package line.
func TestVetFinding(t *testing.T) {
	out := "# example.com/c00\nc00/model_body.gen.go:12:2: struct field tag `json:\"a, b\"` not compatible with reflect.StructTag.Get: suspicious space in struct tag value\n"
	if got := vetFinding(out); !strings.HasPrefix(got, "c00/model_body.gen.go:12:2: struct field tag") {
		t.Errorf("vetFinding = %q", got)
	}
	r := &specResult{Status: statusRan, Vet: out}
	if r.defectCount() != 1 || len(r.allDefects(5)) != 1 {
		t.Errorf("a vet failure is not a defect: %d %v", r.defectCount(), r.allDefects(5))
	}
	if rep := renderReport([]*specResult{r}); !strings.Contains(rep, "go vet on the generated package") {
		t.Error("the report does not show go vet's message")
	}
}

// TestPrismRefusedNotADefect: a mode where Prism refused the spec counts
// no defect and shows as not run.
func TestPrismRefusedNotADefect(t *testing.T) {
	r := &specResult{Status: statusRan, Modes: []modeResult{{Mode: "static", PrismRefused: "Error parsing",
		PrismOwn: []finding{{classPrismRefused, "the spec", "Error parsing"}}}}}
	if r.defectCount() != 0 {
		t.Errorf("defects = %d", r.defectCount())
	}
	if got := r.count(func(m *modeResult) int { return m.Calls }); got != "–" {
		t.Errorf("calls = %q", got)
	}
	var err error = &prismRefused{Reason: "r", Err: errors.New("prism exited before listening")}
	var pr *prismRefused
	if !errors.As(err, &pr) || pr.Reason != "r" {
		t.Error("not a prismRefused")
	}
}

// TestMaxOpsNotInError: the -max-ops cap stays out of the generator's
// error text, in results saved before MaxOps existed too, and shows in
// the operations cell of a capped spec.
func TestMaxOpsNotInError(t *testing.T) {
	const gen = "x.json:9946:21: components.schemas.A.properties.b: $ref does not resolve"
	old := &specResult{Spec: "x.json", Status: statusGenFailed, Detail: "at most 80 operations called; " + gen}
	oldMaxOps(old)
	if old.Detail != gen || old.MaxOps != 80 {
		t.Errorf("old result: Detail %q, MaxOps %d", old.Detail, old.MaxOps)
	}
	ran := &specResult{Spec: "y.json", Status: statusRan, Ops: 120, Called: 80, MaxOps: 80}
	rep := renderReport([]*specResult{{Spec: "x.json", Status: statusGenFailed, Detail: gen, MaxOps: 80}, ran})
	if strings.Contains(rep, "at most 80") || !strings.Contains(rep, "(does not generate): `"+gen) {
		t.Errorf("the error text is not the generator's alone:\n%s", rep)
	}
	if !strings.Contains(rep, "| `y.json` | ran | 80 of 120 |") {
		t.Errorf("the capped spec's operations cell:\n%s", rep)
	}
}

// TestSlowPrism: a call that waited out its deadline twice after sending
// its request in full is Prism's own; a transport error before the
// request was sent, or without the second try, stays the client's.
func TestSlowPrism(t *testing.T) {
	const deadline = "context deadline exceeded"
	rep := &driver.Report{Calls: []driver.CallResult{
		{Op: "A", Retried: "no answer within 30s after the request was sent; called again with 1m30s", Err: deadline,
			Exchanges: []driver.Exchange{{Request: "GET /a", TransportE: deadline, WaitedOut: true}}},
		{Op: "B", Err: deadline, Exchanges: []driver.Exchange{{Request: "GET /b", TransportE: deadline}}},
		{Op: "C", Err: deadline, Exchanges: []driver.Exchange{{Request: "GET /c", TransportE: deadline, WaitedOut: true}}},
	}}
	var mr modeResult
	mr.classify(rep, &schemaIndex{})
	if len(mr.PrismOwn) != 1 || !strings.HasPrefix(mr.PrismOwn[0].Op, "A ") || len(mr.Defects) != 2 {
		t.Errorf("prism's own = %v, defects = %v", mr.PrismOwn, mr.Defects)
	}
}

// TestPrismFormComposed: a property only a composition member of a form
// body's schema declares, present in the body, reported missing by Prism,
// is Prism's; one the body lacks, or a JSON body, is not.
func TestPrismFormComposed(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/seek":{"post":{
	  "requestBody":{"content":{"application/x-www-form-urlencoded":{"schema":{"allOf":[
	    {"type":"object","properties":{"rated":{"type":"boolean"}}},
	    {"oneOf":[{"type":"object","required":["time"],"properties":{"time":{"type":"number"}}},
	              {"type":"object","required":["days"],"properties":{"days":{"type":"integer"}}}]}]}}}},
	  "responses":{"204":{"description":"ok"}}}}}}`)
	op := d.Paths.Value("/seek").Post
	form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	v := driver.Violation{Location: []string{"request", "body"}, Message: "Request body must have required property 'time'"}
	for _, tc := range []struct {
		body   string
		header http.Header
		want   bool
	}{
		{"rated=true&time=15", form, true},
		{"rated=true", form, false},
		{"rated=true&days=1", form, true}, // 'time' is the member it did not take
		{`{"time":15}`, http.Header{"Content-Type": {"application/json"}}, false},
	} {
		if got := prismFormComposed(v, &driver.Exchange{Body: tc.body, Header: tc.header}, op); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.body, got, tc.want)
		}
		u := driver.Violation{Location: []string{"request", "body"}, Message: "Request body must match exactly one schema in oneOf"}
		if got := prismFormComposed(u, &driver.Exchange{Body: tc.body, Header: tc.header}, op); got != tc.want {
			t.Errorf("%s, oneOf: %v, want %v", tc.body, got, tc.want)
		}
	}
}

// TestNoMediaType: content: {"": ...} names no media type.
func TestNoMediaType(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{
	  "/a":{"delete":{"requestBody":{"content":{"":{"schema":{"type":"object"}}}},"responses":{"200":{"description":"ok"}}}},
	  "/b":{"delete":{"requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}},"responses":{"200":{"description":"ok"}}}}}}`)
	if !noMediaType(d.Paths.Value("/a").Delete) || noMediaType(d.Paths.Value("/b").Delete) || noMediaType(nil) {
		t.Error("noMediaType")
	}
}
