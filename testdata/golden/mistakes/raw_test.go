package mistakes_test

// TestEndToEnd generates the package at import path oasgen.test/model.

import "oasgen.test/model/raw"

// oapi-codegen's form body, in the raw client package, keeps its field.
var _ *string = raw.AddPetFormdataBody{}.Name
