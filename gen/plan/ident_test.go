package plan

import "testing"

func TestGoIdentQualified(t *testing.T) {
	for _, c := range []struct {
		id   GoIdent
		want string
	}{
		{OptIdent, "oas.Opt"},
		{NullableIdent, "oas.Nullable"},
		{TimeIdent, "time.Time"},
		{RawMessageIdent, "json.RawMessage"},
		{GoIdent{Name: "UUID", ImportPath: "github.com/google/uuid"}, "uuid.UUID"},
		{GoIdent{Name: "string"}, "string"},
	} {
		if got := c.id.Qualified(); got != c.want {
			t.Errorf("%#v.Qualified() = %q, want %q", c.id, got, c.want)
		}
	}
	if _, ok := Plain.Ident(); ok {
		t.Error("a plain field has a wrapper")
	}
	if id, ok := Bytes.Ident(); ok {
		t.Errorf("[]byte is the identifier %v", id)
	}
	if id, _ := Int64.Ident(); id != (GoIdent{Name: "int64"}) {
		t.Errorf("Int64.Ident() = %v", id)
	}
}

// TestExternalIdent: x-go-type with an import is split once, here, into
// the identifier and its package; without one it is kept as written.
func TestExternalIdent(t *testing.T) {
	m, _ := buildSpec(t, "openapi.yaml", `openapi: 3.0.3
info: {title: S, version: "1"}
paths: {}
components:
  schemas:
    T:
      type: object
      properties:
        id:
          type: string
          x-go-type: uuid.UUID
          x-go-type-import: {path: github.com/google/uuid}
        raw:
          type: object
          x-go-type: map[string]any
`)
	ty := typeNamed(t, m, "T")
	if r := fieldNamed(t, ty, "ID").Type; r.Go != (GoIdent{Name: "UUID", ImportPath: "github.com/google/uuid"}) || r.GoText != "uuid.UUID" {
		t.Errorf("id: Go %#v, GoText %q", r.Go, r.GoText)
	}
	if r := fieldNamed(t, ty, "Raw").Type; r.Go != (GoIdent{Name: "map[string]any"}) || r.GoText != "map[string]any" {
		t.Errorf("raw: Go %#v, GoText %q", r.Go, r.GoText)
	}
}
