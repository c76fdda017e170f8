package main

import (
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasgen/oasgen/gen"
	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/plan"

	"github.com/oasgen/oasgen/internal/conformance/driver"
)

// TestFromPattern: the string built from a pattern matches it.
func TestFromPattern(t *testing.T) {
	for _, p := range []string{
		`^[a-z]{3,5}$`, `^\d{4}-\d{2}-\d{2}$`, `^(foo|bar)-[A-Z0-9]+$`, `^acc_[0-9a-f]{8}$`,
		`^[^@]+@[^@]+\.[a-z]{2,}$`, `^\+?[1-9]\d{1,14}$`, `[A-Za-z]+`,
	} {
		s, ok := fromPattern(p)
		if !ok {
			t.Errorf("fromPattern(%q) failed", p)
			continue
		}
		if !regexp.MustCompile(p).MatchString(s) {
			t.Errorf("fromPattern(%q) = %q, which does not match", p, s)
		}
	}
	if _, ok := fromPattern(`^(?!x).*$`); ok {
		t.Error("a lookahead (not RE2) was accepted")
	}
}

// TestSynthValid: synthesized values satisfy their schemas, with optional
// properties filled, readOnly ones left out of requests, enums and bounds
// kept.
func TestSynthValid(t *testing.T) {
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
	  "Pet":{"type":"object","required":["name","kind"],"properties":{
	    "id":{"type":"integer","readOnly":true},
	    "name":{"type":"string","minLength":3,"maxLength":8},
	    "kind":{"type":"string","enum":["cat","dog"]},
	    "age":{"type":"integer","minimum":10,"maximum":20,"multipleOf":5},
	    "choice":{"allOf":[{"oneOf":[{"type":"string","enum":["none","auto"]},{"type":"object","properties":{"type":{"type":"string"}}}]},{"nullable":true}]},
	    "search":{"type":"object","properties":{"ids":{"type":"array","items":{"type":"string"}},"stores":{"type":"array","items":{"type":"integer"}}},
	      "oneOf":[{"required":["ids"]},{"required":["stores"]}]},
	    "snowflakes":{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"string","pattern":"^(0|[1-9][0-9]*)$"}},
	    "slug":{"type":"string","pattern":"^(?![0-9]+$)[a-z0-9_\\-]+$"},
	    "seed":{"type":"integer","format":"int64","minimum":-9223372036854775808,"maximum":9223372036854775807},
	    "tags":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string","pattern":"^t[0-9]+$"}},
	    "born":{"type":"string","format":"date-time"},
	    "owner":{"oneOf":[{"type":"string","format":"uuid"},{"type":"integer"}]},
	    "extra":{"allOf":[{"$ref":"#/components/schemas/Base"},{"type":"object","properties":{"b":{"type":"boolean"}}}]},
	    "sub":{"allOf":[{"$ref":"#/components/schemas/Base"}],"required":["kind"],"properties":{"kind":{"type":"string","enum":["sub.a","sub.b"]}}}}},
	  "Base":{"type":"object","required":["a","kind"],"properties":{"a":{"type":"number","exclusiveMinimum":true,"minimum":0},"kind":{"type":"string","enum":["base","sub.a","sub.b"]}}}}}}`
	loader := openapi3.NewLoader()
	d, err := loader.LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	y := &synth{request: true, full: 4}
	v, err := y.value(d.Components.Schemas["Pet"])
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	if _, ok := m["id"]; ok {
		t.Error("readOnly id was put in a request")
	}
	for _, k := range []string{"name", "kind", "age", "tags", "born", "owner", "extra", "slug"} {
		if _, ok := m[k]; !ok {
			t.Errorf("property %s missing from %v", k, m)
		}
	}
	if m["choice"] != "none" {
		t.Errorf("choice = %v, want none (allOf of a union and {nullable: true})", m["choice"])
	}
	if search := m["search"].(map[string]any); len(search) != 1 || search["ids"] == nil {
		t.Errorf("search = %v, want only ids (oneOf of required ids or stores)", search)
	}
	if got := m["snowflakes"].([]any); len(got) != 3 || got[1] != "1" || got[2] != "2" {
		t.Errorf("snowflakes = %v, want three distinct digit strings", got)
	}
	if y.valid(d.Components.Schemas["Pet"].Value.Properties["slug"].Value, "123") {
		t.Error("slug: 123 passed a pattern whose lookahead refuses digits only")
	}
	if m["seed"].(float64) != 1 {
		t.Errorf("seed = %v, want 1 (int64's own bounds are no bounds)", m["seed"])
	}
	if k := m["sub"].(map[string]any)["kind"]; k != "sub.a" {
		t.Errorf("sub.kind = %v, want sub.a (the allOf's own property narrows its member's)", k)
	}
	if m["age"].(float64) != 10 {
		t.Errorf("age = %v, want 10 (minimum, a multiple of 5)", m["age"])
	}
}

// TestCompare: losses, inventions and changes are reported; the documented
// normalisations are not.
func TestCompare(t *testing.T) {
	cases := []struct {
		want, got string
		diffs     []string
	}{
		{`{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1.0}`, nil},
		{`{"t":"2024-01-02T03:04:05+01:00"}`, `{"t":"2024-01-02T02:04:05Z"}`, nil},
		{`{"a":1,"b":2}`, `{"a":1}`, []string{"$.b: lost (was 2)"}},
		{`{"a":1}`, `{"a":1,"z":0}`, []string{"$.z: invented 0"}},
		{`{"n":9007199254740993}`, `{"n":9007199254740992}`, []string{"$.n: sent 9007199254740993, re-encoded 9007199254740992"}},
		{`{"a":[{"x":null}]}`, `{"a":[{}]}`, []string{"$.a[0].x: lost (was null)"}},
		{`"x"`, `"y"`, []string{`$: sent "x", re-encoded "y"`}},
		// format: byte with non-zero pad bits (RFC 4648 §3.5): the same bytes.
		{`{"c":"JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBv+f/ub0j6JPRX+E3EmC=="}`, `{"c":"JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBv+f/ub0j6JPRX+E3EmA=="}`, nil},
		{`{"c":"aGVsbG8"}`, `{"c":"aGVsbG8="}`, nil},
		{`{"c":"aGVsbG8="}`, `{"c":"aGVsbG0="}`, []string{`$.c: sent "aGVsbG8=", re-encoded "aGVsbG0="`}},
		// Decoded case-insensitively, as encoding/json does: compared as one.
		{`{"Net":{"ID":"a"}}`, `{"Net":{"Id":"a"}}`, nil},
		{`{"ID":"a"}`, `{"Id":"b"}`, []string{`$.Id (sent as ID): sent "a", re-encoded "b"`}},
		{`{"ID":"a","iD":"c"}`, `{"Id":"a"}`, []string{`$.ID: lost (was "a")`, `$.Id: invented "a"`, `$.iD: lost (was "c")`}},
	}
	for _, c := range cases {
		got := driver.Compare([]byte(c.want), []byte(c.got))
		if strings.Join(got, "\n") != strings.Join(c.diffs, "\n") {
			t.Errorf("Compare(%s, %s) = %q, want %q", c.want, c.got, got, c.diffs)
		}
	}
}

// TestDeclared: a lost property the response schema declares is a defect;
// one it does not declare is not; one under an explicit
// additionalProperties is declared.
func TestDeclared(t *testing.T) {
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/x":{"get":{"operationId":"x","responses":{"200":{"description":"ok","content":{"application/json":{"schema":
	  {"type":"object","properties":{"items":{"type":"array","items":{"allOf":[{"type":"object","properties":{"id":{"type":"string"}}}]}},
	   "meta":{"type":"object","additionalProperties":true},"free":{}}}}}}}}}}}`
	loader := openapi3.NewLoader()
	d, err := loader.LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	rs := &schemaIndex{ops: map[string]*openapi3.Operation{"X": d.Paths.Value("/x").Get}}
	for path, want := range map[string]bool{
		"$.items":           true,
		"$.items[0].id":     true,
		"$.items[0].nope":   false,
		"$.nope":            false,
		"$.meta.anything":   true,
		"$.free.anything":   true,
		"$.items[0].id.sub": true,
	} {
		if got := rs.declared("X", 200, path); got != want {
			t.Errorf("declared(%s) = %v, want %v", path, got, want)
		}
	}

	// An envelope declares result free-form, the response declares it
	// again: a member only the free-form declaration allows is not kept.
	env := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/y":{"get":{"operationId":"y","responses":{"200":{"description":"ok","content":{"application/json":{"schema":
	  {"allOf":[{"type":"object","properties":{"result":{"type":"object","nullable":true},"list":{"type":"array","items":{}},"info":{"$ref":"#/components/schemas/Info"}}},
	            {"properties":{"result":{"type":"object","properties":{"id":{"type":"string"}}},"list":{"type":"array","items":{"type":"object","properties":{"n":{"type":"integer"}}}},
	                           "info":{"type":"object","properties":{"cursor":{"type":"string"}}}}}]}}}}}}}},
	  "components":{"schemas":{"Info":{"type":"object","properties":{"page":{"type":"integer"}}}}}}`
	d, err = loader.LoadFromData([]byte(env))
	if err != nil {
		t.Fatal(err)
	}
	rs = &schemaIndex{ops: map[string]*openapi3.Operation{"Y": d.Paths.Value("/y").Get}}
	for path, want := range map[string]bool{
		"$.result.id":     true,
		"$.result.extra":  false,
		"$.list[0].n":     true,
		"$.list[0].extra": false,
		"$.info.page":     true,
		"$.info.cursor":   true,
		"$.info.extra":    false,
	} {
		if got := rs.declared("Y", 200, path); got != want {
			t.Errorf("declared(%s) = %v, want %v", path, got, want)
		}
	}
}

// TestClassify: request violations, Prism's own response violations,
// warnings, auth failures, decode errors and undeclared losses land where
// the report counts them.
func TestClassify(t *testing.T) {
	rep := &driver.Report{Calls: []driver.CallResult{
		{Op: "A", Exchanges: []driver.Exchange{{Request: "GET /a?x=1", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "query", "x"}, Severity: "Error", Message: "must be integer"}}}}},
		{Op: "B", Exchanges: []driver.Exchange{{Request: "GET /b", Status: 200, RespType: "application/json",
			Violations: []driver.Violation{{Location: []string{"response", "body"}, Severity: "Error", Message: "bad"}}}}, Err: "decode"},
		{Op: "C", Exchanges: []driver.Exchange{{Request: "GET /c", Status: 200,
			Violations: []driver.Violation{{Location: []string{"request", "query", "old"}, Severity: "Warning", Message: "deprecated"}}}}},
		{Op: "D", Exchanges: []driver.Exchange{{Request: "GET /d", Status: 401}}},
		{Op: "E", Exchanges: []driver.Exchange{{Request: "GET /e", Status: 200, RespType: "application/json"}}, Err: "bad body"},
		{Op: "F", Exchanges: []driver.Exchange{{Request: "GET /f", Status: 200, RespType: "application/json"}},
			Losses: []string{"$.known: lost (was 1)", "$.extra: lost (was 2)"}},
		{Op: "G", Skip: "why"},
		// The body breaks the response schema (a string for an object):
		// the spec's example, not the client, is wrong.
		{Op: "H", Exchanges: []driver.Exchange{{Request: "GET /f", Status: 200, RespType: "application/json", RespBody: `"{\"known\": 1}"`}}, Err: "cannot unmarshal string"},
		// A Content-Type header parameter OpenAPI ignores, checked by Prism.
		{Op: "I", Exchanges: []driver.Exchange{{Request: "POST /build", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "header", "content-type"}, Severity: "Error", Message: "must be equal to one of the allowed values: application/x-tar"}}}}},
		// Prism -d drew a negative number for format: uint64.
		{Op: "J", Exchanges: []driver.Exchange{{Request: "GET /j", Status: 200, RespType: "application/json", RespBody: `{"Index":-5}`}},
			Err: "J: 200 response (application/json) does not decode: json: cannot unmarshal number -5 into Go value of type uint64 at Index (offset 9)"},
		// A mocked 303 whose Location (the spec's example) is not Prism.
		{Op: "K", Exchanges: []driver.Exchange{{Request: "GET http://127.0.0.1:4010/snapshots/1/go", Status: 303},
			{Request: "GET http://example.com/db.zip", TransportE: "dial tcp: lookup example.com: no such host"}}, Err: "transport"},
		// A redirect to Prism itself that fails is the client's.
		{Op: "L", Exchanges: []driver.Exchange{{Request: "GET http://127.0.0.1:4010/a", Status: 302},
			{Request: "GET http://127.0.0.1:4010/b", TransportE: "connection reset"}}, Err: "transport"},
		// A nullable array in the query, sent as OpenAPI's form style
		// (explode false), which Prism leaves unsplit.
		{Op: "N", Exchanges: []driver.Exchange{{Request: "GET http://127.0.0.1:4010/images?fields=id,title", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "query", "fields"}, Severity: "Error", Message: "Request query parameter fields must be array,null"}}}}},
		// A non-nullable one that is not an array is the client's.
		{Op: "O", Exchanges: []driver.Exchange{{Request: "GET http://127.0.0.1:4010/images?fields=id", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "query", "fields"}, Severity: "Error", Message: "Request query parameter fields must be array"}}}}},
		// A response header example with a line break, which Prism cannot send.
		{Op: "M", Exchanges: []driver.Exchange{{Request: "POST http://127.0.0.1:4010/apps", Status: 500,
			RespBody: `{"type":"TypeError","title":"Invalid character in header content [\"Location\"]","status":500,"detail":""}`}}, Err: "500"},
	}}
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/f":{"get":{"operationId":"f","responses":{"200":{"description":"ok","content":{"application/json":{"schema":
	  {"type":"object","properties":{"known":{"type":"integer"}}}}}}}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var mr modeResult
	mr.classify(rep, &schemaIndex{ops: map[string]*openapi3.Operation{"F": d.Paths.Value("/f").Get, "H": d.Paths.Value("/f").Get}})
	got := map[string]int{}
	for _, f := range mr.Defects {
		got[f.Op[:1]+":"+f.Class]++
	}
	want := map[string]int{"A:" + classRequest: 1, "D:" + classAuth: 1, "E:" + classDecode: 1, "F:" + classLoss: 1, "L:" + classTransport: 1, "O:" + classRequest: 1}
	if len(got) != len(want) {
		t.Errorf("defects = %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("defects[%s] = %d, want %d (all: %v)", k, got[k], n, got)
		}
	}
	if len(mr.PrismOwn) != 8 || len(mr.Warnings) != 1 || len(mr.Undeclared) != 1 || len(mr.Skipped) != 1 || mr.Calls != 14 {
		t.Errorf("prism %d warnings %d undeclared %d skipped %d calls %d", len(mr.PrismOwn), len(mr.Warnings), len(mr.Undeclared), len(mr.Skipped), mr.Calls)
	}
}

// TestPrismFoldsCase: Prism's lower-cased lookup of deepObj is its own
// mistake; a parameter really missing is not.
func TestPrismFoldsCase(t *testing.T) {
	msg := "Request query must have required property 'deepobj'"
	if !prismFoldsCase(msg, "GET http://h/q?deepObj[Id]=1") {
		t.Error("deepObj sent, deepobj reported: not recognised as Prism's")
	}
	if prismFoldsCase(msg, "GET http://h/q?other=1") {
		t.Error("a missing parameter was blamed on Prism")
	}
	if prismFoldsCase("Request query must have required property 'deepObj'", "GET http://h/q?deepobj=1") {
		t.Error("a wrongly cased parameter the client sent was blamed on Prism")
	}
}

// TestPrismFormArray: a one-element form array Prism reads as a string is
// its mistake; a property the client did not send is not.
func TestPrismFormArray(t *testing.T) {
	e := &driver.Exchange{Header: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, Body: "Tags=a&Name=n"}
	v := driver.Violation{Location: []string{"request", "body", "Tags"}, Message: "Request body property Tags must be array"}
	if !prismFormArray(v, e) {
		t.Error("a sent one-element array was blamed on the client")
	}
	v.Location[2] = "Other"
	if prismFormArray(v, e) {
		t.Error("a property never sent was blamed on Prism")
	}
	e.Header.Set("Content-Type", "application/json")
	v.Location[2] = "Tags"
	if prismFormArray(v, e) {
		t.Error("a JSON body's array was blamed on Prism")
	}
}

// TestPrismRawBody: a multipart/related body or a text/plain number that
// Prism checks as raw text is its mistake; a text body that does not
// spell the number, or a JSON body, is not.
func TestPrismRawBody(t *testing.T) {
	body := []string{"request", "body"}
	for _, tc := range []struct {
		ct, body, msg string
		prism         bool
	}{
		{"multipart/related; boundary=x; type=text/plain", "--x...", "Request body must be object", true},
		{"multipart/mixed; boundary=x", "--x...", "Request body must be object", true},
		{"multipart/form-data; boundary=x", "--x...", "Request body must be object", false},
		{"text/plain", "1.5", "Request body must be number", true},
		{"text/plain", "7", "Request body must be integer", true},
		{"text/plain", "1.5", "Request body must be integer", false},
		{"text/plain", "abc", "Request body must be number", false},
		{"text/plain", "true", "Request body must be boolean", true},
		{"application/json", "1.5", "Request body must be number", false},
		{"application/x-www-form-urlencoded", "text=tacos", "Request body must be string", true},
		{"application/x-www-form-urlencoded", "text=tacos", "Request body must have required property 'lang'", false},
	} {
		e := &driver.Exchange{Header: http.Header{"Content-Type": {tc.ct}}, Body: tc.body}
		got := prismRawBody(driver.Violation{Location: body, Message: tc.msg}, e) != ""
		if got != tc.prism {
			t.Errorf("%s %q: %q blamed on Prism: %v, want %v", tc.ct, tc.body, tc.msg, got, tc.prism)
		}
	}
}

// TestViolatedHeader: the header a violation names, by its location or
// as the missing required property.
func TestViolatedHeader(t *testing.T) {
	for _, tc := range []struct {
		loc  []string
		msg  string
		want string
	}{
		{[]string{"request", "header", "Content-Type"}, "Request header must be equal to one of the allowed values", "content-type"},
		{[]string{"request", "header"}, "Request header must have required property 'content-length'", "content-length"},
		{[]string{"request", "query"}, "Request query must have required property 'q'", ""},
		{[]string{"request", "header"}, "Request header must NOT have additional properties", ""},
	} {
		if got := violatedHeader(driver.Violation{Location: tc.loc, Message: tc.msg}); got != tc.want {
			t.Errorf("%v %q: %q, want %q", tc.loc, tc.msg, got, tc.want)
		}
	}
}

// TestNoConsumes: Prism refusing any body is the spec's only where the
// operation has a body the client was told to send.
func TestNoConsumes(t *testing.T) {
	v := driver.Violation{Location: []string{"request"}, Message: "No supported content types, but request included a non-empty body"}
	withBody := &openapi3.Operation{RequestBody: &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody()}}
	if !noConsumes(v, withBody) {
		t.Error("body parameter without consumes: blamed on the client")
	}
	if noConsumes(v, &openapi3.Operation{}) {
		t.Error("a body the spec never declared: blamed on the spec")
	}
}

// TestPrismNullBody: a required body sent as JSON null and reported
// missing is Prism's mistake; an empty body reported missing is not.
func TestPrismNullBody(t *testing.T) {
	v := driver.Violation{Location: []string{"request"}, Message: "Body parameter is required"}
	if !prismNullBody(v, &driver.Exchange{Body: "null"}) {
		t.Error("null body: blamed on the client")
	}
	if prismNullBody(v, &driver.Exchange{Body: ""}) {
		t.Error("no body: blamed on Prism")
	}
	if prismNullBody(driver.Violation{Location: []string{"request", "body"}, Message: "Request body must be object"}, &driver.Exchange{Body: "null"}) {
		t.Error("a null where an object belongs: blamed on Prism")
	}
}

// TestPrismJSONPart: an object or array sent as an application/json part
// of a multipart/form-data body is Prism's to parse; a part sent as text,
// a part of another type, or a part that is not there is the client's.
func TestPrismJSONPart(t *testing.T) {
	part := func(name, ct, content string) string {
		h := `Content-Disposition: form-data; name="` + name + `"`
		if ct != "" {
			h += "\r\nContent-Type: " + ct
		}
		return "--b\r\n" + h + "\r\n\r\n" + content + "\r\n--b--\r\n"
	}
	for _, tc := range []struct {
		body, msg string
		prism     bool
	}{
		{part("metadata", "application/json", `{"k":"v"}`), "Request body property metadata must be object", true},
		{part("metadata", "application/json", `[1]`), "Request body property metadata must be array", true},
		{part("metadata", "application/json", `[1]`), "Request body property metadata must be object", false},
		{part("metadata", "text/plain", `{"k":"v"}`), "Request body property metadata must be object", false},
		{part("metadata", "", `{"k":"v"}`), "Request body property metadata must be object", false},
		{part("other", "application/json", `{"k":"v"}`), "Request body property metadata must be object", false},
		{part("metadata", "application/json", `{"k":"v"}`), "Request body property metadata must be string", false},
	} {
		e := &driver.Exchange{Header: http.Header{"Content-Type": {"multipart/form-data; boundary=b"}}, Body: tc.body}
		v := driver.Violation{Location: []string{"request", "body", "metadata"}, Message: tc.msg}
		if got := prismJSONPart(v, e); got != tc.prism {
			t.Errorf("%q: %q blamed on Prism: %v, want %v", tc.body, tc.msg, got, tc.prism)
		}
	}
}

// TestPrismFormObject: a required exploded form object parameter without
// type: object, or a free-form object (no properties), is reported missing
// by Prism; an object with the type and properties, a primitive, or an
// unexploded one is the client's.
func TestPrismFormObject(t *testing.T) {
	props := openapi3.Schemas{"inner": {Value: openapi3.NewStringSchema()}}
	op := func(s *openapi3.Schema) *openapi3.Operation {
		return &openapi3.Operation{Parameters: openapi3.Parameters{{Value: &openapi3.Parameter{Name: "p2", In: "query", Required: true, Schema: &openapi3.SchemaRef{Value: s}}}}}
	}
	v := driver.Violation{Location: []string{"request", "query"}, Message: "Request query must have required property 'p2'"}
	if !prismFormObject(v, op(&openapi3.Schema{Properties: props})) {
		t.Error("untyped object: blamed on the client")
	}
	freeForm := &openapi3.Schema{Type: &openapi3.Types{"object"}, AdditionalProperties: openapi3.AdditionalProperties{Has: openapi3.Ptr(true)}}
	if !prismFormObject(v, op(freeForm)) {
		t.Error("free-form object: blamed on the client")
	}
	if !prismFormObject(v, op(&openapi3.Schema{})) {
		t.Error("schema {}: blamed on the client")
	}
	lower := driver.Violation{Location: v.Location, Message: "Request query must have required property 'p2'"}
	mixed := op(&openapi3.Schema{})
	mixed.Parameters[0].Value.Name = "P2"
	if !prismFormObject(lower, mixed) {
		t.Error("parameter P2, named p2 by Prism: blamed on the client")
	}
	if prismFormObject(v, op(&openapi3.Schema{Enum: []any{"a"}})) {
		t.Error("untyped enum: blamed on Prism")
	}
	if prismFormObject(v, op(&openapi3.Schema{Type: &openapi3.Types{"object"}, Properties: props})) {
		t.Error("typed object: blamed on Prism")
	}
	if prismFormObject(v, op(openapi3.NewStringSchema())) {
		t.Error("string: blamed on Prism")
	}
	unexploded := op(freeForm)
	unexploded.Parameters[0].Value.Explode = openapi3.Ptr(false)
	if prismFormObject(v, unexploded) {
		t.Error("unexploded free-form object: blamed on Prism")
	}
}

// TestImpliedType: a JSON string holding an object's text passes a schema
// of properties without type in kin-openapi, and is still not the object
// the schema means; an object, or a schema that declares its type, is fine.
func TestImpliedType(t *testing.T) {
	folder := &openapi3.Schema{Properties: openapi3.Schemas{"Name": {Value: openapi3.NewStringSchema()}}}
	list := &openapi3.Schema{Items: &openapi3.SchemaRef{Value: folder}}
	for _, tc := range []struct {
		s    *openapi3.Schema
		v    any
		want bool // a mistake found
	}{
		{folder, `{ "Name": "My Docs" }`, true},
		{folder, map[string]any{"Name": "My Docs"}, false},
		{folder, nil, false},
		{list, []any{map[string]any{}, "x"}, true},
		{list, map[string]any{}, true},
		{openapi3.NewStringSchema(), "x", false},
		{&openapi3.Schema{AllOf: openapi3.SchemaRefs{{Value: folder}}}, "x", true},
		{&openapi3.Schema{Properties: openapi3.Schemas{"f": {Value: folder}}}, map[string]any{"f": "{}"}, true},
	} {
		got := impliedType(tc.s, tc.v, "$", 0)
		if (got != "") != tc.want {
			t.Errorf("%#v: %q, want a mistake: %v", tc.v, got, tc.want)
		}
	}
	y := &synth{}
	if y.valid(folder, `{ "Name": "My Docs" }`) {
		t.Error("synth.valid let a string through an object's schema")
	}
}

// TestUndeclaredRequired: Prism finding a required property missing that
// the body's schema never declares is the spec's mistake; one it declares
// is the client's.
func TestUndeclaredRequired(t *testing.T) {
	file := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"id", "Name"},
		Properties: openapi3.Schemas{"Id": {Value: openapi3.NewStringSchema()}, "Name": {Value: openapi3.NewStringSchema()}}}
	wrap := &openapi3.Schema{Properties: openapi3.Schemas{"files": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: file}}}}}
	op := func(s *openapi3.Schema) *openapi3.Operation {
		return &openapi3.Operation{RequestBody: &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithJSONSchema(s)}}
	}
	for _, tc := range []struct {
		s    *openapi3.Schema
		loc  []string
		msg  string
		spec bool
	}{
		{file, []string{"request", "body"}, "Request body must have required property 'id'", true},
		{file, []string{"request", "body"}, "Request body must have required property 'Name'", false},
		{wrap, []string{"request", "body", "files", "0"}, "Request body property files.0 must have required property 'id'", true},
		{&openapi3.Schema{AllOf: openapi3.SchemaRefs{{Value: file}}}, []string{"request", "body"}, "Request body must have required property 'id'", true},
		{file, []string{"request", "query"}, "Request query must have required property 'id'", false},
	} {
		if got := undeclaredRequired(driver.Violation{Location: tc.loc, Message: tc.msg}, op(tc.s)); got != tc.spec {
			t.Errorf("%v %q: the spec's: %v, want %v", tc.loc, tc.msg, got, tc.spec)
		}
	}
}

// TestConcreteMedia: the run names a type inside a range, as a caller of
// a method taking image/* must.
func TestConcreteMedia(t *testing.T) {
	for _, tc := range []struct {
		accepts []string
		want    string
	}{
		{[]string{"image/*"}, "image/x-conformance"},
		{[]string{"image/png", "video/*; q=1"}, "video/x-conformance"},
		{[]string{"application/pdf"}, "application/pdf"},
		{nil, "application/octet-stream"},
	} {
		if got := concreteMedia(tc.accepts); got != tc.want {
			t.Errorf("concreteMedia(%q) = %q, want %q", tc.accepts, got, tc.want)
		}
	}
}

// TestTemplateTwins: a request violation on a path parameter of an
// operation whose path differs from another only in template names (which
// OpenAPI forbids) is the spec's own mistake; the same violation on a path
// without a twin stays a defect.
func TestTemplateTwins(t *testing.T) {
	for in, want := range map[string]string{"/a/{id}/b/{x}": "/a/{}/b/{}", "/a": "/a", "/a/{unclosed": "/a/{unclosed", "/{a}{b}": "/{}{}"} {
		if got := templateShape(in); got != want {
			t.Errorf("templateShape(%q) = %q, want %q", in, got, want)
		}
	}
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
	  "/c/{id}":{"get":{"operationId":"byID","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],"responses":{"200":{"description":"ok"}}}},
	  "/c/{number}":{"get":{"operationId":"byNumber","parameters":[{"name":"number","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}},
	                 "delete":{"operationId":"del","parameters":[{"name":"number","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
	  "/d/{id}":{"get":{"operationId":"other","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"description":"ok"}}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]*openapi3.Operation{"ByID": d.Paths.Value("/c/{id}").Get, "ByNumber": d.Paths.Value("/c/{number}").Get,
		"Del": d.Paths.Value("/c/{number}").Delete, "Other": d.Paths.Value("/d/{id}").Get}
	planned := []*plan.Operation{{Name: "ByID", Path: "/c/{id}", Method: "GET"}, {Name: "ByNumber", Path: "/c/{number}", Method: "GET"},
		{Name: "Del", Path: "/c/{number}", Method: "DELETE"}, {Name: "Other", Path: "/d/{id}", Method: "GET"}}
	ix := &schemaIndex{ops: ops, twins: templateTwins(d, planned)}
	if ix.twins["ByNumber"] != "/c/{id}" || ix.twins["ByID"] != "/c/{number}" || ix.twins["Del"] != "" || ix.twins["Other"] != "" {
		t.Fatalf("twins = %v", ix.twins)
	}
	viol := func(op, param string) driver.CallResult {
		return driver.CallResult{Op: op, Exchanges: []driver.Exchange{{Request: "GET /x", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "path", param}, Severity: "Error", Message: "must match format \"uuid\""}}}}}
	}
	var mr modeResult
	mr.classify(&driver.Report{Calls: []driver.CallResult{viol("ByNumber", "id"), viol("Other", "id")}}, ix)
	if len(mr.SpecOwn) != 1 || !strings.HasPrefix(mr.SpecOwn[0].Op, "ByNumber") || len(mr.Defects) != 1 || !strings.HasPrefix(mr.Defects[0].Op, "Other") {
		t.Errorf("spec's own = %v, defects = %v", mr.SpecOwn, mr.Defects)
	}
}

// TestUntemplatedPathParam: Prism asking for a path parameter the template
// does not name is the spec's; one the template names is the client's.
func TestUntemplatedPathParam(t *testing.T) {
	op := &openapi3.Operation{}
	v := driver.Violation{Location: []string{"request", "path"}, Message: "Request path must have required property 'cert_id'"}
	if !untemplatedPathParam(v, op, "/certificates/{certificate_id}") {
		t.Error("a parameter the template does not name: blamed on the client")
	}
	if untemplatedPathParam(v, op, "/certificates/{cert_id}") {
		t.Error("a parameter the template names: blamed on the spec")
	}
}

// TestConstAsEnum: a oneOf of consts (OpenAPI 3.1) picks exactly one
// member once constAsEnum has run, where kin-openapi alone would find
// every member matching; the synthesizer then finds a value for it.
func TestConstAsEnum(t *testing.T) {
	doc := `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
	  "Duration":{"type":"integer","oneOf":[{"title":"HOUR","const":60},{"title":"DAY","const":1440}]},
	  "Thread":{"type":"object","properties":{"archive":{"oneOf":[{"type":"null"},{"$ref":"#/components/schemas/Duration"}]}}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	y := &synth{request: true, full: 4}
	if _, err := y.value(d.Components.Schemas["Thread"]); err == nil {
		t.Fatal("without constAsEnum kin-openapi accepted a oneOf of consts: the test no longer shows anything")
	}
	constAsEnum(d)
	v, err := y.value(d.Components.Schemas["Thread"])
	if err != nil {
		t.Fatal(err)
	}
	if got := v.(map[string]any)["archive"]; got != 60 && got != float64(60) {
		t.Errorf("archive = %v (%T), want 60", got, got)
	}
}

// TestSynthPropertyNames: a map's one key satisfies its propertyNames
// (Vercel's edge config items: ^[\\w-]+$ is a backslash, w or -).
func TestSynthPropertyNames(t *testing.T) {
	doc := `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{
	  "Items":{"type":"object","additionalProperties":{"type":"string"},"propertyNames":{"type":"string","maxLength":8,"pattern":"^[\\\\w-]+$"}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	y := &synth{request: true, full: 4}
	v, err := y.value(d.Components.Schemas["Items"])
	if err != nil {
		t.Fatal(err)
	}
	for k := range v.(map[string]any) {
		if !regexp.MustCompile(`^[\\w-]+$`).MatchString(k) {
			t.Errorf("key %q breaks propertyNames", k)
		}
	}
}

// TestSynthPatternMinLength: a pattern's shortest match is stretched to
// the schema's minLength while the pattern still takes it (LGTM's 40-hex
// ids, Velo Payments' .* of at least 4).
func TestSynthPatternMinLength(t *testing.T) {
	max := uint64(40)
	for _, s := range []*openapi3.Schema{
		{Type: &openapi3.Types{"string"}, Pattern: "[a-f0-9]+", MinLength: 40, MaxLength: &max},
		{Type: &openapi3.Types{"string"}, Pattern: ".*", MinLength: 4},
	} {
		y := &synth{request: true, full: 4}
		v := y.build(s, 0)
		if !y.valid(s, v) {
			t.Errorf("pattern %q minLength %d: %q (%s)", s.Pattern, s.MinLength, v, y.why(s, v))
		}
	}
}

// TestPrismEncodedName: Prism missing resources[] under its encoded name
// while the request carries it is Prism's; a parameter really missing is
// not.
func TestPrismEncodedName(t *testing.T) {
	const msg = "Request query must have required property 'resources%5b%5d'"
	if !prismEncodedName(msg, "GET http://127.0.0.1:4010/resources/download?resources%5B%5D=a&name=b") {
		t.Error("resources[] sent, not blamed on Prism")
	}
	if prismEncodedName(msg, "GET http://127.0.0.1:4010/resources/download?name=b") {
		t.Error("resources[] missing, blamed on Prism")
	}
	if prismEncodedName("Request query must have required property 'resources'", "GET http://127.0.0.1:4010/r?resources=a") {
		t.Error("a plain name blamed on Prism")
	}
}

// TestImpliedTypeThroughUnion: an example whose member value is a string
// where every union member's schema implies an object (Cloudflare's
// zones_actions: value "on" for a value with properties) breaks its
// schema; one member that takes it is enough.
func TestImpliedTypeThroughUnion(t *testing.T) {
	route := &openapi3.Schema{Properties: openapi3.Schemas{"value": {Value: &openapi3.Schema{Properties: openapi3.Schemas{"url": {Value: openapi3.NewStringSchema()}}}}}}
	actions := &openapi3.Schema{Items: &openapi3.SchemaRef{Value: &openapi3.Schema{OneOf: openapi3.SchemaRefs{{Value: route}}}}}
	if why := impliedType(actions, []any{map[string]any{"id": "browser_check", "value": "on"}}, "$", 0); why == "" {
		t.Error("a string for an object through a oneOf passed")
	}
	either := &openapi3.Schema{OneOf: openapi3.SchemaRefs{{Value: route}, {Value: openapi3.NewStringSchema()}}}
	if why := impliedType(either, "on", "$", 0); why != "" {
		t.Errorf("a string a member takes: %s", why)
	}
}

// TestEncodeMultipart: a multipart body the method takes encoded is built
// with its boundary in the Content-Type, strings as text parts, string
// arrays as repeated parts, anything else as an application/json part.
func TestEncodeMultipart(t *testing.T) {
	body, ct, err := encodeMultipart("multipart/form-data", map[string]any{
		"meta": map[string]any{"main_module": "w.js"}, "w.js": []any{"a", "b"}, "name": "n",
	})
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := multipart.NewReader(strings.NewReader(body), params["boundary"])
	var got []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		got = append(got, p.FormName()+"|"+p.Header.Get("Content-Type")+"|"+string(b))
	}
	want := []string{`meta|application/json|{"main_module":"w.js"}`, "name||n", "w.js||a", "w.js||b"}
	if !slices.Equal(got, want) {
		t.Errorf("parts %q, want %q", got, want)
	}
}

// TestPrismUntypedEnumParam: a query value that spells one of an untyped
// enum's numbers or booleans is Prism's to read; a typed enum, a value
// off the enum, or another parameter is the client's.
func TestPrismUntypedEnumParam(t *testing.T) {
	param := func(name string, s *openapi3.Schema) *openapi3.ParameterRef {
		return &openapi3.ParameterRef{Value: &openapi3.Parameter{Name: name, In: "query", Schema: &openapi3.SchemaRef{Value: s}}}
	}
	op := &openapi3.Operation{Parameters: openapi3.Parameters{
		param("ssl", &openapi3.Schema{Enum: []any{0.0, 1.0}}),
		param("retry", &openapi3.Schema{Enum: []any{true}}),
		param("typed", &openapi3.Schema{Type: &openapi3.Types{"integer"}, Enum: []any{0.0, 1.0}}),
	}}
	const msg = "Request query parameter x must be equal to one of the allowed values: 0, 1"
	for _, tc := range []struct {
		name, request string
		prism         bool
	}{
		{"ssl", "GET http://h/x?ssl=0", true},
		{"ssl", "GET http://h/x?ssl=2", false},
		{"retry", "GET http://h/x?retry=true", true},
		{"retry", "GET http://h/x?retry=yes", false},
		{"typed", "GET http://h/x?typed=0", false},
		{"other", "GET http://h/x?other=0", false},
	} {
		v := driver.Violation{Location: []string{"request", "query", tc.name}, Message: msg}
		if got := prismUntypedEnumParam(v, op, tc.request); got != tc.prism {
			t.Errorf("%s: blamed on Prism: %v, want %v", tc.request, got, tc.prism)
		}
	}
}

// TestPrismReadOnlyInUnion: Prism demanding a required readOnly property
// of a oneOf alternative is its mistake, with the oneOf failure that
// follows, when the body is a valid request; a required property that is
// not readOnly, or a body that breaks the schema otherwise, is the
// client's.
func TestPrismReadOnlyInUnion(t *testing.T) {
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/m":{"put":{"operationId":"m",
	  "requestBody":{"content":{"application/json":{"schema":{"oneOf":[
	    {"type":"object","required":["roles"],"properties":{"roles":{"type":"array","items":{"type":"object","required":["id","name"],
	      "properties":{"id":{"type":"string"},"name":{"type":"string","readOnly":true}}}}}},
	    {"type":"object","required":["policies"],"properties":{"policies":{"type":"array"}}}]}}}},
	  "responses":{"204":{"description":"ok"}}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	op := d.Paths.Value("/m").Put
	viol := func(msg string, loc ...string) driver.Violation {
		return driver.Violation{Location: append([]string{"request", "body"}, loc...), Message: msg}
	}
	name := viol("Request body property roles.0 must have required property 'name'", "roles", "0")
	oneOf := viol("Request body must match exactly one schema in oneOf")
	id := viol("Request body property roles.0 must have required property 'id'", "roles", "0")
	for _, tc := range []struct {
		body  string
		viols []driver.Violation
		prism bool
	}{
		{`{"roles":[{"id":"r1"}]}`, []driver.Violation{name, oneOf}, true},
		{`{"roles":[{}]}`, []driver.Violation{name, id, oneOf}, false},
		{`{"roles":[{"id":"r1"}]}`, []driver.Violation{oneOf}, false},
	} {
		e := &driver.Exchange{Body: tc.body, Violations: tc.viols}
		if got := prismReadOnlyInUnion(e, op); got != tc.prism {
			t.Errorf("%s with %d violations: blamed on Prism: %v, want %v", tc.body, len(tc.viols), got, tc.prism)
		}
	}
}

// TestLiteralRemoteRefs: a "$ref" member naming a URL (data, in a spec the
// loader accepted) is renamed in Prism's copy; a local one is kept, and a
// spec without one is not copied.
func TestLiteralRemoteRefs(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "openapi.json")
	in := `{"a": {"$ref": "#/b"}, "ex": {"value": {"$ref" : "https://api.example.com/Users/1"}}}`
	if err := os.WriteFile(spec, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := literalRemoteRefs(spec, dir)
	if err != nil || out == "" {
		t.Fatalf("literalRemoteRefs: %q, %v", out, err)
	}
	got, _ := os.ReadFile(out)
	want := `{"a": {"$ref": "#/b"}, "ex": {"value": {"$ref_" : "https://api.example.com/Users/1"}}}`
	if string(got) != want {
		t.Errorf("copy\n got %s\nwant %s", got, want)
	}
	yml := filepath.Join(dir, "openapi.yaml")
	os.WriteFile(yml, []byte("value:\n  $ref: 'https://x/1'\n  other: {$ref: \"#/a\"}\n"), 0o644)
	if out, _ = literalRemoteRefs(yml, dir); out == "" {
		t.Fatal("YAML: no copy")
	}
	if got, _ := os.ReadFile(out); string(got) != "value:\n  $ref_: 'https://x/1'\n  other: {$ref: \"#/a\"}\n" {
		t.Errorf("YAML copy: %s", got)
	}
	os.WriteFile(spec, []byte(`{"a": {"$ref": "#/b"}}`), 0o644)
	if out, err := literalRemoteRefs(spec, dir); out != "" || err != nil {
		t.Errorf("no remote member: %q, %v", out, err)
	}
}

func TestOnlyAnyMedia(t *testing.T) {
	resp := func(media ...string) *openapi3.ResponseRef {
		r := &openapi3.Response{Content: openapi3.Content{}}
		for _, m := range media {
			r.Content[m] = &openapi3.MediaType{}
		}
		return &openapi3.ResponseRef{Value: r}
	}
	op := func(rs ...*openapi3.ResponseRef) *openapi3.Operation {
		o := &openapi3.Operation{Responses: openapi3.NewResponses()}
		for i, r := range rs {
			o.Responses.Set(strconv.Itoa(400+i), r)
		}
		return o
	}
	if !onlyAnyMedia(op(resp("*/*"), resp())) {
		t.Error("*/* only: want true")
	}
	if onlyAnyMedia(op(resp("*/*"), resp("application/json"))) {
		t.Error("*/* and JSON: want false")
	}
	if onlyAnyMedia(op(resp())) || onlyAnyMedia(nil) {
		t.Error("no content: want false")
	}
}

// TestRoutedElsewhere: Prism answering 404 for a status the operation
// documents, because the URL also matches another path template it took
// instead, is the spec's ambiguity; a 404 with no other template matching
// stays a defect.
func TestRoutedElsewhere(t *testing.T) {
	doc := `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
	  "/collection/processed.{ct}":{"get":{"operationId":"processed","responses":{"200":{"description":"ok"},"202":{"description":"later"}}}},
	  "/collection/{id}.{ct}":{"get":{"operationId":"byID","responses":{"200":{"description":"ok"}}},"delete":{"operationId":"del","responses":{"200":{"description":"ok"}}}},
	  "/other/{id}":{"get":{"operationId":"other","responses":{"200":{"description":"ok"},"202":{"description":"later"}}}}}}`
	d, err := openapi3.NewLoader().LoadFromData([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	planned := []*plan.Operation{{Name: "Processed", Path: "/collection/processed.{ct}", Method: "GET"},
		{Name: "ByID", Path: "/collection/{id}.{ct}", Method: "GET"}, {Name: "Other", Path: "/other/{id}", Method: "GET"}}
	ix := &schemaIndex{ops: map[string]*openapi3.Operation{}}
	ix.indexPaths(d, planned)
	for _, tc := range []struct{ op, req, want string }{
		{"Processed", "GET http://127.0.0.1:4010/collection/processed.json?x=1", "/collection/{id}.{ct}"},
		{"Processed", "GET http://127.0.0.1:4010/v2/collection/processed.json", "/collection/{id}.{ct}"},
		{"Processed", "DELETE http://127.0.0.1:4010/collection/processed.json", "/collection/{id}.{ct}"},
		{"ByID", "GET http://127.0.0.1:4010/collection/abc.json", ""},
		{"Other", "GET http://127.0.0.1:4010/other/7", ""},
		{"Processed", "GET http://127.0.0.1:4010/elsewhere", ""},
	} {
		if got := ix.routedElsewhere(tc.op, tc.req); got != tc.want {
			t.Errorf("routedElsewhere(%s, %q) = %q, want %q", tc.op, tc.req, got, tc.want)
		}
	}
	notFound := func(op, url string) driver.CallResult {
		return driver.CallResult{Op: op, Prefer: "202", Exchanges: []driver.Exchange{{Request: "GET " + url, Status: 404,
			RespBody: `{"type":"https://stoplight.io/prism/errors#NOT_FOUND","title":"The server cannot find the requested content"}`}}}
	}
	var mr modeResult
	mr.classify(&driver.Report{Calls: []driver.CallResult{notFound("Processed", "http://h/collection/processed.json"), notFound("Other", "http://h/other/7")}}, ix)
	if len(mr.SpecOwn) != 1 || !strings.HasPrefix(mr.SpecOwn[0].Op, "Processed") || len(mr.Defects) != 1 || !strings.HasPrefix(mr.Defects[0].Op, "Other") {
		t.Errorf("spec's own = %v, defects = %v", mr.SpecOwn, mr.Defects)
	}
}

// TestPrismNoMediaBody: Prism's 415 to a body where a Swagger 2.0 body
// parameter has no consumes is Prism's own; a 415 to an operation with no
// body, or another 415, stays the client's.
func TestPrismNoMediaBody(t *testing.T) {
	const refusal = `{"type":"https://stoplight.io/prism/errors#INVALID_CONTENT_TYPE","title":"Invalid content type","status":415,"detail":"No supported content types, but request included a non-empty body"}`
	withBody := &openapi3.Operation{RequestBody: &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody()}}
	call := func(op, body string) driver.CallResult {
		return driver.CallResult{Op: op, Method: "POST", Path: "/agents", Err: "415",
			Exchanges: []driver.Exchange{{Request: "POST http://127.0.0.1:4010/agents", Body: `{"name":"string"}`, Status: 415, RespBody: body}}}
	}
	other := `{"type":"https://stoplight.io/prism/errors#INVALID_CONTENT_TYPE","title":"Invalid content type","status":415,"detail":"Supported content types: application/xml"}`
	var mr modeResult
	mr.classify(&driver.Report{Calls: []driver.CallResult{call("A", refusal), call("B", refusal), call("C", other)}},
		&schemaIndex{ops: map[string]*openapi3.Operation{"A": withBody, "B": {}, "C": withBody}})
	if len(mr.PrismOwn) != 1 || !strings.HasPrefix(mr.PrismOwn[0].Op, "A ") || len(mr.Defects) != 2 {
		t.Errorf("prism's own = %v, defects = %v", mr.PrismOwn, mr.Defects)
	}
}

// TestPrismUnionArrayParam: one item of an anyOf [array, null] query
// parameter, which Prism does not read as an array, is Prism's own; a
// value the array member refuses, or a parameter without a union, is not.
func TestPrismUnionArrayParam(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/v1/agents":{"get":{"parameters":[
	  {"name":"sources","in":"query","schema":{"anyOf":[{"type":"array","items":{"type":"string","enum":["api","playground"]}},{"type":"null"}]}},
	  {"name":"ids","in":"query","schema":{"oneOf":[{"type":"array","items":{"type":"integer"}},{"type":"null"}]}},
	  {"name":"plain","in":"query","schema":{"type":"string"}}],
	  "responses":{"200":{"description":"ok"}}}}}}`)
	op := d.Paths.Value("/v1/agents").Get
	for _, tc := range []struct {
		param, msg, url string
		want            bool
	}{
		{"sources", "Request query parameter sources must be array", "?sources=api", true},
		{"sources", "Request query parameter sources must be null", "?sources=api", true},
		{"sources", "Request query parameter sources must match a schema in anyOf", "?sources=api", true},
		{"ids", "Request query parameter ids must be array", "?ids=7", true},
		{"sources", "Request query parameter sources must be array", "?sources=web", false}, // not in the enum
		{"ids", "Request query parameter ids must be array", "?ids=x", false},               // not an integer
		{"sources", "Request query parameter sources must be array", "?sources=api&sources=playground", false},
		{"plain", "Request query parameter plain must be string", "?plain=1", false},
	} {
		v := driver.Violation{Location: []string{"request", "query", tc.param}, Message: tc.msg}
		if got := prismUnionArrayParam(v, op, "GET http://127.0.0.1:4010/v1/agents"+tc.url); got != tc.want {
			t.Errorf("%s %q: %v, want %v", tc.url, tc.msg, got, tc.want)
		}
	}
}

// TestFragmentTwins: paths that differ only by a #fragment (template
// names aside) are one URL; a request violation on either is the spec's
// own, filed apart from the template-name twins.
func TestFragmentTwins(t *testing.T) {
	d := loadDoc(t, `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{
	  "/c/{id}":{"post":{"operationId":"append","responses":{"200":{"description":"ok"}}}},
	  "/c/{cid}#stream":{"post":{"operationId":"appendStream","responses":{"200":{"description":"ok"}}},
	                      "get":{"operationId":"getStream","responses":{"200":{"description":"ok"}}}},
	  "/d/{id}":{"post":{"operationId":"other","responses":{"200":{"description":"ok"}}}}}}`)
	planned := []*plan.Operation{{Name: "Append", Path: "/c/{id}", Method: "POST"}, {Name: "AppendStream", Path: "/c/{cid}#stream", Method: "POST"},
		{Name: "GetStream", Path: "/c/{cid}#stream", Method: "GET"}, {Name: "Other", Path: "/d/{id}", Method: "POST"}}
	twins := fragmentTwins(d, planned)
	if twins["AppendStream"] != "/c/{id}" || twins["Append"] != "/c/{cid}#stream" || twins["GetStream"] != "" || twins["Other"] != "" {
		t.Fatalf("twins = %v", twins)
	}
	if tt := templateTwins(d, planned); len(tt) != 0 {
		t.Errorf("template twins = %v", tt)
	}
	viol := func(op string) driver.CallResult {
		return driver.CallResult{Op: op, Exchanges: []driver.Exchange{{Request: "POST /c/x", Status: 422,
			Violations: []driver.Violation{{Location: []string{"request", "body", "stream"}, Severity: "Error", Message: "must be equal to one of the allowed values: false"}}}}}
	}
	var mr modeResult
	mr.classify(&driver.Report{Calls: []driver.CallResult{viol("AppendStream"), viol("Other")}}, &schemaIndex{fragmentTwins: twins})
	if len(mr.SpecOwn) != 1 || !strings.HasPrefix(mr.SpecOwn[0].Op, "AppendStream") || !strings.Contains(mr.SpecOwn[0].Class, "#fragment") ||
		len(mr.Defects) != 1 || !strings.HasPrefix(mr.Defects[0].Op, "Other") {
		t.Errorf("spec's own = %v, defects = %v", mr.SpecOwn, mr.Defects)
	}
}

// TestWebhookExamples: the request-body examples of webhooks and
// callbacks are round-tripped through the event's Body; one that breaks
// its schema is listed, not checked.
func TestWebhookExamples(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "hooks.yaml")
	if err := os.WriteFile(spec, []byte(`openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /subscribe:
    post:
      operationId: subscribe
      responses: {"201": {description: ok}}
      callbacks:
        onEvent:
          "{$request.body#/url}/events":
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {id: {type: string}}}
                    example: {id: e1}
              responses: {"202": {description: ok}}
webhooks:
  petAdded:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
            examples:
              good: {value: {name: Rex}}
              bad: {value: {name: 7}}
      responses: {"204": {description: ok}}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := gen.Run([]gen.Job{{Spec: spec, Package: "api", Output: t.TempDir(), Client: true, ImportPath: "example.com/api"}})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := load.Load(spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, invalid, _ := planCalls(res[0].Model, ls.Doc, 0)
	var got []string
	for _, e := range p.Examples {
		got = append(got, e.Type+"."+e.Field+" "+e.Where)
	}
	want := []string{"OnEventWebhook.Body OnEventWebhook: requestBody.example", "PetAddedWebhook.Body PetAddedWebhook: requestBody.examples.good"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("examples = %q, want %q", got, want)
	}
	if len(invalid) != 1 || !strings.HasPrefix(invalid[0], "PetAddedWebhook: requestBody.examples.bad") {
		t.Errorf("invalid = %q", invalid)
	}
}

// An operation with several 2xx is called once per status with Prefer:
// code=N, unless it declares a Prefer header of its own, which the
// driver's would replace (PayPal's Prefer: return=representation).
func TestPreferRepeatsSpareDeclaredPrefer(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "openapi.yaml")
	if err := os.WriteFile(spec, []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      operationId: a
      responses: {"200": {description: ok}, "201": {description: created}}
  /b:
    post:
      operationId: b
      parameters:
        - {name: Prefer, in: header, schema: {type: string, pattern: "^[a-zA-Z=]*$"}}
      responses: {"200": {description: ok}, "201": {description: created}}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := gen.Run([]gen.Job{{Spec: spec, Package: "api", Output: t.TempDir(), Client: true, ImportPath: "example.com/api"}})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := load.Load(spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := planCalls(res[0].Model, ls.Doc, 0)
	n := map[string][]string{}
	for _, c := range p.Calls {
		n[c.Op] = append(n[c.Op], c.Prefer)
	}
	if !slices.Equal(n["A"], []string{"", "200", "201"}) || !slices.Equal(n["B"], []string{""}) {
		t.Errorf("calls by operation and Prefer: %q", n)
	}
}
