package inlinecopies

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: the inline copy is the component's type
// (this assignment compiles only then), the different schema is its own.

import "testing"

func TestInlineCopyIsTheComponent(t *testing.T) {
	var c Card
	conf := NewCardConfiguration("on")
	c.Configuration = &conf
	var e CardEntity2
	e.Kind.Set("x")
	c.Entity = &e
	if c.Configuration.Activation != "on" {
		t.Errorf("activation = %q", c.Configuration.Activation)
	}
}
