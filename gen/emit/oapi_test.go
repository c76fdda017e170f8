package emit

import (
	"go/format"
	"testing"

	"github.com/oasgen/oasgen/gen/plan"
)

// TestRenameDecls: the declarations and what refers to them are renamed,
// doc comments follow; fields, methods and selectors that merely share a
// name are left alone.
func TestRenameDecls(t *testing.T) {
	src := `package p

// ClientOption configures a client.
type ClientOption func(*RawClient) error

// NewClient makes one.
func NewClient(opts ...ClientOption) (*RawClient, error) { return nil, nil }

type RawClient struct{ ClientOption int }

type ClientInterface interface {
	NewClient(x ClientOption) error
}

type Params struct {
	ClientOption *string
}

func use(p Params, c RawClient) (*string, int, ClientInterface) {
	_, _ = NewClient()
	_ = RawClient{ClientOption: 1}
	var o ClientOption = nil
	_ = []ClientOption{o}
	return p.ClientOption, c.ClientOption, nil
}
`
	want := `package p

// RawClientOption configures a client.
type RawClientOption func(*RawClient) error

// NewRawClient makes one.
func NewRawClient(opts ...RawClientOption) (*RawClient, error) { return nil, nil }

type RawClient struct{ ClientOption int }

type RawClientInterface interface {
	NewClient(x RawClientOption) error
}

type Params struct {
	ClientOption *string
}

func use(p Params, c RawClient) (*string, int, RawClientInterface) {
	_, _ = NewRawClient()
	_ = RawClient{ClientOption: 1}
	var o RawClientOption = nil
	_ = []RawClientOption{o}
	return p.ClientOption, c.ClientOption, nil
}
`
	renames := []plan.Rename{{From: "NewClient", To: "NewRawClient"}, {From: "ClientOption", To: "RawClientOption"},
		{From: "ClientInterface", To: "RawClientInterface"}, {From: "Absent", To: "Gone"}}
	got, err := renameDecls([]byte(src), renames)
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := format.Source(got)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	if string(formatted) != want {
		t.Errorf("got\n%s\nwant\n%s", formatted, want)
	}
}
