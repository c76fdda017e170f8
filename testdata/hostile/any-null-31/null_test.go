package hostile

import (
	"encoding/json"
	"testing"
)

// A null sent for an untyped (3.1 {}) property is kept: re-encoded as
// null, not dropped as absent.
func TestAnyNullKept(t *testing.T) {
	const doc = `{"req":null,"setting":null,"tags":[null,1],"weird":null}`
	var c Category
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	if !c.Setting.IsNull() || !c.Weird.IsNull() || c.ID.IsSet() {
		t.Errorf("decoded %+v", c)
	}
	out, err := json.Marshal(c)
	if err != nil || string(out) != doc {
		t.Errorf("re-encoded %s (%v), want %s", out, err, doc)
	}
}
