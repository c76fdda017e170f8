package openapi31_test

// The raw client (oapi-codegen's, in the raw subpackage) types each
// parameter as the plan does. TestEndToEnd generates the package at
// import path oasgen.test/model.

import (
	. "oasgen.test/model"
	"oasgen.test/model/raw"
)

var (
	_ *float64   = raw.CreateWidgetParams{}.PageSize
	_ *int64     = raw.CreateWidgetParams{}.Limit
	_ *Snowflake = raw.CreateWidgetParams{}.Before
	_ *Snowflake = raw.CreateWidgetParams{}.After
	_ *Snowflake = raw.CreateWidgetParams{}.Type
)
