package oapinames_test

// oapi-codegen's client, in the raw subpackage, keeps the operations' own
// IDs (nothing of the model package is in its way) and refers to the model
// types. TestEndToEnd generates the package at import path
// oasgen.test/model.

import (
	model "oasgen.test/model"
	"oasgen.test/model/raw"
)

var (
	_                                = raw.CreateThingParams{}
	_                                = raw.NewCreateThingRequest
	_                                = raw.NewListThingsRequest
	_                                = raw.NewReplaceThingRequestWithApplicationMergePatchPlusJSONBody
	_ raw.CreateThingJSONRequestBody = []model.Thing{}
	_ raw.PatchThingsJSONRequestBody = model.Options{}
	_ raw.ClientRequestBody          = model.Options{}
	_ *raw.Client
)
