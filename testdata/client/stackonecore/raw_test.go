package stackonecore_test

// TestGoldenBuilds replaces the import path oasgen.test/model with the
// generated package's.

import "oasgen.test/model/raw"

// oapi-codegen's parameters struct, in the raw client package.
var _ *float64 = raw.ListLinkedAccountsParams{}.PageSize
