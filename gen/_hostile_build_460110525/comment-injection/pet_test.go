package hostile

import (
	"encoding/json"
	"testing"
)

// The spec's text is data: the default keeps every character, and the
// package has no init function that panics (the binary would not start).
func TestPetDefaultsKeepText(t *testing.T) {
	p := NewPet("n")
	if v := p.TagOrDefault(); v != "tag\u2028with\x00nul\nand newline" {
		t.Errorf("Tag default = %q", v)
	}
	p.ApplyDefaults()
	if v, _ := p.Tag.Get(); v != p.TagOrDefault() {
		t.Errorf("Tag after ApplyDefaults = %q", v)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Pet
	if err := json.Unmarshal(b, &back); err != nil || back.Name != "n" {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}
