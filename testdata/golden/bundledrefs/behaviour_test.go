package bundledrefs

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a schema a bundler's pointer reaches
// ("#/paths/~1zones/post/requestBody/...", ".../allOf/0/properties/records/items")
// is one type wherever it is used, named as it is where the pointer leads
// (CreateZoneBody, not Schema; ListRecordsOkResponse1, not X1). Each
// assignment below compiles only then.

import (
	"context"
	"testing"
)

func TestBundledPointersNameOneType(t *testing.T) {
	var c *APIClient
	var _ func(context.Context, CreateRecordArgs, ListRecordsOkResponseRecords, ...CallOption) (*CreateRecordCreatedResponse, error) = c.CreateRecord
	var _ func(context.Context, CreateZoneBody, ...CallOption) (*CreateZoneBodyRegion, error) = c.CreateZone

	var created CreateRecordCreatedResponse
	var rec ListRecordsOkResponseRecords
	rec.Data.Set("10.0.0.1")
	created.Record = &rec
	var links ListRecordsOkResponse1
	created.Links = &links
	created.Kind.Set(ListRecordsKindParamMx)

	var zones ListZonesOkResponse
	zones.Zones.Set([]CreateZoneBody{NewCreateZoneBody("eu")})
	var body CreateZoneBody
	body.Region = &CreateZoneBodyRegion{}
	if got := created.Record.Data.Or(""); got != "10.0.0.1" {
		t.Errorf("record data = %q", got)
	}
}
