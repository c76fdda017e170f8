package swagger2_test

// TestEndToEnd generates the package at import path oasgen.test/model.

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
