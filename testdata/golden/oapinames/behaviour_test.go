package oapinames

// Compiled against the generated package by gen's TestEndToEnd: that
// the package compiles at all is the check that nothing is declared twice.
// Here: every schema kept its name and meaning, and the production client's
// identifiers gave way (raw_test.go checks oapi-codegen's, in raw/).

import "testing"

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
	_ ThingID
	_ = Options{E: Options{}.E}
	_ APIClient
	_ CallOption
	_ RetryPolicy
	_ = APIError{Message: APIError{}.Message}
	_ DecodeError

	// The production client's identifiers, after the schemas'.
	_ = Options2{ServerURL: ""}
	_ = NewAPIClient2 // follows APIClient2
	_ *APIClient2
	_ CallOption2 = WithRetries(RetryPolicy2{})
	_ *APIError2
	_ *DecodeError2
)

func TestClientNames(t *testing.T) {
	c, err := NewAPIClient2(Options2{ServerURL: "http://localhost"})
	if err != nil || c == nil {
		t.Fatal(err)
	}
}
