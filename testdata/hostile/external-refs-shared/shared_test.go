package hostile

import (
	"context"

	"github.com/oasgen/oasgen/oas"
	"testing"
)

// A schema of another file referenced from several places is one Go type
// (kin-openapi resolves each reference to a copy of its own): GetA, GetB
// and Holder all use Pet, Tag and Errs, never Pet2.
func TestOneTypePerSchemaFile(t *testing.T) {
	var c *APIClient
	var getA func(context.Context, ...CallOption) (*Pet, error) = c.GetA
	var getB func(context.Context, ...CallOption) (*Pet, error) = c.GetB
	_, _ = getA, getB
	h := Holder{Pet: &Pet{Tag: &Tag{}}, Errs: oas.Some([]Errs{{}})}
	if e, _ := h.Errs.Get(); h.Pet == nil || len(e) != 1 {
		t.Fatal(h)
	}
}
