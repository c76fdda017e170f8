package hostile

import (
	"encoding/json"
	"strings"
	"testing"
)

// The wrapper's required makes its inline member's property a plain,
// checked field.
func TestWrapperRequiredApplies(t *testing.T) {
	var name string = PostProfileBody{}.Name
	_ = name
	var b PostProfileBody
	if err := json.Unmarshal([]byte(`{}`), &b); err != nil {
		t.Fatal(err)
	}
	if err := b.Validate(); err == nil || !strings.Contains(err.Error(), "Name") {
		t.Errorf("Validate of a document without Name: %v", err)
	}
	if err := (PostProfileBody{Name: "n"}).Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	var inner string = HolderInner{}.Name
	_ = inner
	var pet *Pet = Holder{}.Pet
	_ = pet
}
