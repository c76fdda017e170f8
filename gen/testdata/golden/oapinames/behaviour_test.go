package oapinames

// Compiled against the generated package by gen's TestGoldenBuilds: that
// the package compiles at all is the check that oapi-codegen declared
// none of these names again. Here: the schemas kept their names and
// meaning, and the raw client moved aside.

var (
	_ = CreateThingJSONBody{A: CreateThingJSONBody{}.A}
	_ = CreateThingMultipartBody{}
	_ CreateThingFormdataBody
	_ CreateThingTextBody
	_ CreateThingJSONRequestBody
	_ CreateThingTextRequestBody
	_ = CreateThingParams{}
	_ = CreateThingResponse{}
	_ CreateThingRequestBody
	_ NewCreateThingRequest
	_ NewCreateThingRequestWithBody
	_ NewCreateThingRequestWithMultipartBody
	_ ParseCreateThingResponse
	_ CreateThingOpParams
	_ ListThingsResponse
	_ ParseListThingsResponse
	_ ReplaceThingApplicationMergePatchPlusJSONBody

	// oapi-codegen's names for the operations, derived from other IDs.
	_ = NewCreateThingOp2Request
	_ = CreateThingOp2Params{}
	_ = NewListThingsOpRequest
	_ = NewReplaceThingOpRequestWithApplicationMergePatchPlusJSONBody
)
