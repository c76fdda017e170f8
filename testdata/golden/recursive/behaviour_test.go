package recursive

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"encoding/json"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

var (
	_ *Node               = Node{}.Parent
	_ oas.Nullable[*Node] = Node{}.Next
	_ oas.Opt[[]Node]     = Node{}.Children // a slice needs no pointer
	_ Manager             = Employee{}.Manager
	_ *Employee           = Manager{}.Deputy // the optional struct is the cycle's pointer
)

func TestTreeRoundTrip(t *testing.T) {
	in := `{"by_name":{"b":{"name":"b"}},"children":[{"name":"c1","parent":{"name":"root"}}],"name":"root","next":null}`
	var n Node
	if err := json.Unmarshal([]byte(in), &n); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(n)
	if string(out) != in {
		t.Errorf("round trip\n in %s\nout %s", in, out)
	}
	if err := n.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestNestedViolations(t *testing.T) {
	var n Node
	if err := json.Unmarshal([]byte(`{"name":"root","children":[{"name":"c","parent":{"name":""}}],"by_name":{"x":{}},"next":{"name":""}}`), &n); err != nil {
		t.Fatal(err)
	}
	// "" is a string: only a name the document left out is missing.
	want := "Node is invalid: by_name.x.name: required; children[0].parent.name: length 0 is less than minLength 1; next.name: length 0 is less than minLength 1"
	if err := n.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v\nwant %s", err, want)
	}
	var e Employee
	if err := json.Unmarshal([]byte(`{"id":"e1"}`), &e); err != nil {
		t.Fatal(err)
	}
	if err := e.Validate(); err == nil || err.Error() != "Employee is invalid: manager: required" {
		t.Errorf("Validate() = %v", err)
	}
	if err := json.Unmarshal([]byte(`{"id":"e1","manager":{"deputy":{"id":"e2"}}}`), &e); err != nil {
		t.Fatal(err)
	}
	if err := e.Validate(); err == nil || err.Error() != "Employee is invalid: manager.deputy.manager: required" {
		t.Errorf("Validate() = %v", err)
	}
}
