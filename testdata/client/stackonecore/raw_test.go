package stackonecore_test

// TestEndToEnd generates the package at import path oasgen.test/model.

import "oasgen.test/model/raw"

// oapi-codegen's parameters struct, in the raw client package.
var _ *float64 = raw.ListLinkedAccountsParams{}.PageSize
