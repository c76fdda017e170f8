package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/gen/load"
)

const pageSpec = `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /items:
    post:
      operationId: listItems
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: size, in: query, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                after: {type: string}
      responses:
        "200":
          description: ok
          headers:
            Link: {schema: {type: string}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: object, properties: {id: {type: integer}}}}
                  next: {type: string}
                  meta: {type: object, properties: {cursor: {type: string, nullable: true}, pages: {type: integer}}}
                  free: {type: object, additionalProperties: true}
      x-speakeasy-pagination:
%s
`

func planPages(t *testing.T, ext string, infer bool) (*Model, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "openapi.yaml")
	spec := strings.Replace(pageSpec, "%s", ext, 1)
	if ext == "" {
		spec = strings.Replace(spec, "      x-speakeasy-pagination:\n", "", 1)
	}
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(s, Options{Package: "p", InferPagination: infer})
	if err != nil {
		return nil, "", err
	}
	return m, m.Warnings.Error(), nil
}

// TestPaginationPlan: the Speakeasy JSONPath subset resolves to Go
// selections; a path naming nothing is a positioned error, one beyond the
// subset a positioned warning, and then the operation has no iterators.
func TestPaginationPlan(t *testing.T) {
	for _, tc := range []struct {
		name, ext string
		kind      PageKind
		steps     int    // of Next (or Results)
		err, warn string // substrings, with the position
	}{
		{name: "cursor", ext: "        type: cursor\n        inputs: [{name: cursor, in: parameters, type: cursor}]\n        outputs: {nextCursor: $.meta.cursor, results: $.data}",
			kind: PageCursor, steps: 2},
		{name: "cursor in body from last item", ext: "        type: cursor\n        inputs: [{name: after, in: requestBody, type: cursor}]\n        outputs: {nextCursor: \"$.data[-1].id\"}",
			warn: "openapi.yaml:36:31: warning: paths./items.post.x-speakeasy-pagination.outputs.nextCursor: nextCursor $.data[-1].id is not of the cursor input \"after\"'s type"},
		{name: "bracket names", ext: "        type: cursor\n        inputs: [{name: cursor, in: parameters, type: cursor}]\n        outputs: {nextCursor: \"$['meta'][\\\"cursor\\\"]\"}",
			kind: PageCursor, steps: 2},
		{name: "offset", ext: "        type: offsetLimit\n        inputs: [{name: offset, in: parameters, type: offset}, {name: limit, in: parameters, type: limit}]\n        outputs: {results: $.data}",
			kind: PageOffset, steps: 1},
		{name: "url", ext: "        type: url\n        outputs: {nextUrl: $.next}", kind: PageURL, steps: 1},
		{name: "no such property", ext: "        type: cursor\n        inputs: [{name: cursor, in: parameters, type: cursor}]\n        outputs: {nextCursor: $.meta.next_cursor}",
			err: `openapi.yaml:36:31: paths./items.post.x-speakeasy-pagination.outputs.nextCursor: $.meta.next_cursor: $.meta (ListItemsOkResponseMeta) has no property "next_cursor"`},
		{name: "not an array", ext: "        type: offsetLimit\n        inputs: [{name: offset, in: parameters, type: offset}]\n        outputs: {results: $.next}",
			err: "outputs.results: $.next is not an array"},
		{name: "index on an object", ext: "        type: url\n        outputs: {nextUrl: \"$.meta[0]\"}",
			err: "$.meta is not an array"},
		{name: "not JSONPath", ext: "        type: url\n        outputs: {nextUrl: meta.next}", err: `JSONPath "meta.next" does not start with $`},
		{name: "no such parameter", ext: "        type: cursor\n        inputs: [{name: page_token, in: parameters, type: cursor}]\n        outputs: {nextCursor: $.next}",
			err: `openapi.yaml:35:18: paths./items.post.x-speakeasy-pagination.inputs[0]: the operation has no parameter "page_token"`},
		{name: "unknown type", ext: "        type: keyset\n        outputs: {nextUrl: $.next}", err: `pagination type "keyset" is not offsetLimit, cursor or url`},
		{name: "filter unsupported", ext: "        type: url\n        outputs: {nextUrl: \"$.data[?(@.id)]\"}",
			warn: "openapi.yaml:35:28: warning: paths./items.post.x-speakeasy-pagination.outputs.nextUrl: [?(@.id)] (wildcards, filters, slices, unions) is not supported; the operation gets no page iterators"},
		{name: "recursive descent unsupported", ext: "        type: url\n        outputs: {nextUrl: $..next}", warn: "recursive descent (..) is not supported"},
		{name: "free-form object unsupported", ext: "        type: url\n        outputs: {nextUrl: $.free.next}", warn: "is a free-form object, map or union"},
		{name: "string offset unsupported", ext: "        type: offsetLimit\n        inputs: [{name: size, in: parameters, type: offset}]\n        outputs: {results: $.data}",
			warn: `the offset input "size" is not an integer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, warnings, err := planPages(t, tc.ext, false)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			pg := m.Operations[0].Pagination
			if tc.warn != "" {
				if !strings.Contains(warnings, tc.warn) || pg != nil {
					t.Fatalf("warnings:\n%s\nwant %q and no pagination (got %+v)", warnings, tc.warn, pg)
				}
				return
			}
			if pg == nil {
				t.Fatalf("no pagination; warnings:\n%s", warnings)
			}
			acc := pg.Next
			if acc == nil {
				acc = pg.Results
			}
			if pg.Kind != tc.kind || len(acc.Steps) != tc.steps || pg.Pages != "ListItemsPages" {
				t.Fatalf("kind %v, %d steps, Pages %q; want %v, %d, ListItemsPages", pg.Kind, len(acc.Steps), pg.Pages, tc.kind, tc.steps)
			}
		})
	}
}

// TestInferredPagination: without the extension nothing is paginated
// unless the config asks; then a next property in the body is a cursor for
// a cursor-like query parameter.
func TestInferredPagination(t *testing.T) {
	m, _, err := planPages(t, "", false)
	if err != nil || m.Operations[0].Pagination != nil {
		t.Fatalf("paginated without being asked: %v", err)
	}
	m, _, err = planPages(t, "", true)
	if err != nil {
		t.Fatal(err)
	}
	pg := m.Operations[0].Pagination
	if pg == nil || pg.Kind != PageCursor || pg.Input.Name != "cursor" || pg.Next.Path != "$.next" || pg.Results.Path != "$.data" || pg.All != "ListItemsAll" {
		t.Fatalf("inferred %+v", pg)
	}
}
