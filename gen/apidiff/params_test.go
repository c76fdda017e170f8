package apidiff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareNewOptionalQueryParam: an optional query parameter is not an
// HTTP break, and in Go it is a new field of the operation's Args struct,
// so neither side reports a breaking change. Removing one breaks both.
func TestCompareNewOptionalQueryParam(t *testing.T) {
	spec := func(extra string) string {
		return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer, format: int32}}
` + extra + `      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
`
	}
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "old.yaml"), filepath.Join(dir, "new.yaml")
	if err := os.WriteFile(oldPath, []byte(spec("")), 0o644); err != nil {
		t.Fatal(err)
	}
	added := "        - {name: tag, in: query, schema: {type: string}}\n"
	if err := os.WriteFile(newPath, []byte(spec(added)), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Compare(oldPath, newPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Breaking() {
		t.Errorf("a new optional query parameter is reported breaking: %+v", r)
	}
	found := false
	for _, c := range r.Go {
		found = found || c.Where == "field ListPetsArgs.Tag" && c.Level == Info
	}
	if !found {
		t.Errorf("no additive finding for field ListPetsArgs.Tag in %+v", r.Go)
	}

	// The other way round, the field (and the HTTP parameter) is gone.
	r, err = Compare(newPath, oldPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var goBreaks []string
	for _, c := range r.Go {
		if c.Level == Breaking {
			goBreaks = append(goBreaks, c.Where)
		}
	}
	if !strings.Contains(strings.Join(goBreaks, ","), "field ListPetsArgs.Tag") {
		t.Errorf("removing the parameter: Go breaks %v, want field ListPetsArgs.Tag", goBreaks)
	}
}
