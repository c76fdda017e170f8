package mistakes_test

// TestGoldenBuilds replaces the import path oasgen.test/model with the
// generated package's.

import "oasgen.test/model/raw"

// oapi-codegen's form body, in the raw client package, keeps its field.
var _ *string = raw.AddPetFormdataBody{}.Name
