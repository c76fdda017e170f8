package hostile

import (
	"encoding/json"
	"testing"
)

// The schemas whose examples were a map keep every field: a response
// decodes and encodes back whole.
func TestExcelStatusRoundTrip(t *testing.T) {
	in := `{"examples":["a","b"],"inProgress":true,"report":{"size":3}}`
	var s ExcelStatus
	if err := json.Unmarshal([]byte(in), &s); err != nil {
		t.Fatal(err)
	}
	if p, ok := s.InProgress.Get(); !ok || !p {
		t.Errorf("inProgress = %v, %v", p, ok)
	}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("round trip\n got %s\nwant %s", out, in)
	}
}
