package gen

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite docs/gen.schema.json")

// TestConfigSchemaUpToDate keeps docs/gen.schema.json (what editors use to
// complete the config) equal to the schema derived from the config types.
func TestConfigSchemaUpToDate(t *testing.T) {
	want, err := ConfigSchema()
	if err != nil {
		t.Fatal(err)
	}
	const path = "../docs/gen.schema.json"
	if *updateSchema {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale; run go test ./gen -run TestConfigSchemaUpToDate -update-schema", path)
	}
}
