package swagger2_test

// TestGoldenBuilds replaces the import path oasgen.test/model with the
// generated package's.

import (
	model "oasgen.test/model"
	"oasgen.test/model/raw"
)

// Body parameters became request bodies of oapi-codegen's client (in the
// raw package), typed with the model's types.
var (
	_ raw.AddPetJSONRequestBody = model.NewNewPet("Rex")
	_                           = raw.GetPetResponse{JSON200: &model.Pet{}}
)
