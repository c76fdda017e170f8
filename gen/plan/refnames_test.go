package plan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oasgen/oasgen/gen/load"
)

// TestRefCtx: a $ref that does not name a component schema is named
// after the nearest element of its pointer that names something, and
// what follows as inline schemas are named there.
func TestRefCtx(t *testing.T) {
	path := filepath.Join(t.TempDir(), "openapi.yaml")
	spec := `openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /v2/domains/{name}/records:
    parameters:
      - {name: name, in: path, required: true, schema: {type: string}}
    get:
      operationId: domains_list_records
      parameters:
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        "200": {description: ok}
  /zones:
    post:
      responses:
        "201": {description: ok}
`
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &planner{spec: s}
	p.planOperationNames()
	const op = "#/paths/~1v2~1domains~1%7Bname%7D~1records/get"
	for _, c := range []struct{ ref, want string }{
		// Properties name as before.
		{op + "/responses/200/content/application~1json/schema/properties/region", "Region"},
		{"#/components/schemas/Droplet/properties/networks/properties/v4", "V4"},
		// Items and map values take their container's name.
		{op + "/responses/200/content/application~1json/schema/allOf/0/properties/domain_records/items", "DomainRecords"},
		{op + "/responses/200/content/application~1json/schema/properties/labels/additionalProperties", "Labels"},
		// An operation's body, response and parameters.
		{op + "/responses/200/content/application~1json/schema", "DomainsListRecordsOkResponse"},
		{op + "/responses/200/content/application~1json/schema/allOf/1", "DomainsListRecordsOkResponse1"},
		{op + "/responses/default/content/application~1json/schema/oneOf/2", "DomainsListRecordsDefaultResponse2"},
		{op + "/requestBody/content/application~1json/schema/anyOf/0/allOf/0", "DomainsListRecordsBody00"},
		{op + "/parameters/0/schema", "DomainsListRecordsPerPageParam"},
		{"#/paths/~1v2~1domains~1%7Bname%7D~1records/parameters/0/schema", "NameParam"},
		{"#/paths/~1zones/post/requestBody/content/application~1json/schema", "PostZonesBody"},
		{"#/paths/~1missing/get/responses/200/content/application~1json/schema", "GetMissingOkResponse"},
		// Components other than schemas.
		{"#/components/responses/NotFound/content/application~1json/schema", "NotFoundResponse"},
		{"#/components/requestBodies/Pet/content/application~1json/schema/properties/tag", "Tag"},
		{"#/components/parameters/limit/schema", "LimitParam"},
		// Another file: its definitions and names; its paths are not this
		// document's operations.
		{"common.yaml#/definitions/Error", "Error"},
		{"common.yaml#/components/schemas/Money/properties/amount/items", "Amount"},
		{"common.yaml", "Common"},
		{"./ext.yml#/schemas/Foo", "Foo"},
		{"./ext.yml#/schemas/Foo/items", "Foo"},
		{"lib.json#/types/0/oneOf/1", "Types01"},
		{"other.yaml#/paths/~1v2~1domains~1%7Bname%7D~1records/get/responses/200/content/application~1json/schema", "GetV2DomainsNameRecordsOkResponse"},
		// A property called properties, and pointers with nothing to name.
		{"#/components/schemas/Meta/properties/properties/properties/x", "X"},
		{"#/components/schemas/Meta/properties/properties", "Properties"},
		{"#/x-defs/0", "XDefs0"},
	} {
		if got := p.refCtx(c.ref); got != c.want {
			t.Errorf("refCtx(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
}
