package stackone_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/oasgen/oasgen/generated/stackone"
	"github.com/oasgen/oasgen/oas"
)

// Build a request with the constructor (required fields as parameters, in
// the order the spec lists them), set optional fields, validate it. Only
// what was set is sent: expires_in stays absent, and the server applies
// its default, which ExpiresInOrDefault reads.
func ExampleNewConnectSessionCreate() {
	req := stackone.NewConnectSessionCreate("customer-42", "Acme Ltd")
	req.Provider.Set("hibob")
	req.Categories.Set([]oas.Nullable[stackone.ConnectSessionCreateCategories]{
		oas.Value(stackone.ConnectSessionCreateCategoriesHris),
	})
	req.Metadata.Set(json.RawMessage(`{"team":"people-ops"}`))
	if err := req.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	body, _ := json.Marshal(req)
	fmt.Println(string(body))
	fmt.Println("expires_in:", req.ExpiresInOrDefault())
	// Output:
	// {"categories":["hris"],"metadata":{"team":"people-ops"},"origin_owner_id":"customer-42","origin_owner_name":"Acme Ltd","provider":"hibob"}
	// expires_in: 1800
}

// ApplyDefaults sets the spec's defaults explicitly, so that they are sent.
func ExampleConnectSessionCreate_ApplyDefaults() {
	req := stackone.NewConnectSessionCreate("customer-42", "Acme Ltd")
	req.ApplyDefaults()
	body, _ := json.Marshal(req)
	fmt.Println(string(body))
	// Output:
	// {"expires_in":1800,"origin_owner_id":"customer-42","origin_owner_name":"Acme Ltd"}
}

// Validate reports every violation with its JSON path, as one
// *oas.ValidationError. Required means present: the decoder records the
// required members a document left out, while "" is a string like any
// other (unless the spec sets minLength or a pattern).
func ExampleConnectSessionCreate_Validate() {
	var req stackone.ConnectSessionCreate
	if err := json.Unmarshal([]byte(`{"provider":"hibob"}`), &req); err != nil {
		fmt.Println(err)
		return
	}
	err := req.Validate()
	fmt.Println(err)
	var verr *oas.ValidationError
	if errors.As(err, &verr) {
		for _, v := range verr.Violations {
			fmt.Printf("%s: %s\n", v.Path, v.Message)
		}
	}
	// Output:
	// ConnectSessionCreate is invalid: origin_owner_id: required; origin_owner_name: required
	// origin_owner_id: required
	// origin_owner_name: required
}

// A nullable field has three states: absent, null and a value. Each
// survives decoding and encoding unchanged.
func ExampleConnectSessionCreate_nullable() {
	for _, in := range []string{
		`{"origin_owner_id":"o","origin_owner_name":"n"}`,
		`{"account_id":null,"origin_owner_id":"o","origin_owner_name":"n"}`,
		`{"account_id":"acc-1","origin_owner_id":"o","origin_owner_name":"n"}`,
	} {
		var m stackone.ConnectSessionCreate
		_ = json.Unmarshal([]byte(in), &m)
		switch id, ok := m.AccountID.Get(); {
		case ok:
			fmt.Println("value:", id)
		case m.AccountID.IsNull():
			fmt.Println("null")
		default:
			fmt.Println("absent")
		}
	}

	// Setting the three states:
	var m stackone.ConnectSessionCreate
	m.AccountID.Set("acc-1") // "account_id":"acc-1"
	m.AccountID.SetNull()    // "account_id":null
	m.AccountID.Unset()      // no account_id key
	// An explicit null is never replaced by a default:
	m.ExpiresIn.SetNull()
	m.ApplyDefaults()
	fmt.Println("expires_in null after ApplyDefaults:", m.ExpiresIn.IsNull())
	// Output:
	// absent
	// null
	// value: acc-1
	// expires_in null after ApplyDefaults: true
}

// Read a response: unknown enum values from a newer server are kept and
// told apart with IsKnown.
func ExampleConnectSessionTokenAuthLink() {
	body := `{"auth_link_url":"https://hub.stackone.com/connect?token=t","categories":["hris","payroll"],` +
		`"created_at":"2025-03-05T10:00:00Z","id":42,"organization_id":7,"origin_owner_id":"o","origin_owner_name":"n",` +
		`"project_id":"p","provider":null,"token":"t"}`
	var resp stackone.ConnectSessionTokenAuthLink
	if err := json.Unmarshal([]byte(body), &resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.ID, resp.AuthLinkURL, resp.CreatedAt.Year())
	fmt.Println("provider is null:", resp.Provider.IsNull(), "label present:", resp.Label.IsSet())
	cats, _ := resp.Categories.Get()
	for _, c := range cats {
		if v, ok := c.Get(); ok {
			fmt.Printf("%s known=%v\n", v, v.IsKnown())
		}
	}
	// Output:
	// 42 https://hub.stackone.com/connect?token=t 2025
	// provider is null: true label present: false
	// hris known=true
	// payroll known=false
}
