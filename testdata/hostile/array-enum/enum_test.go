package hostile

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// An enum written on an array schema whose values are scalars is the
// items' enum: the array on the wire decodes, each item is checked.
func TestArrayEnumIsItemsEnum(t *testing.T) {
	const doc = `{"content_filter":["drugs","safe"],"levels":[1,2],"tags":["red"],"both":["x"]}`
	var u User
	if err := json.Unmarshal([]byte(doc), &u); err != nil {
		t.Fatal(err)
	}
	cf, _ := u.ContentFilter.Get()
	if len(cf) != 2 || cf[0] != UserContentFilterDrugs || cf[1] != UserContentFilterSafe {
		t.Errorf("content_filter = %q", cf)
	}
	if err := u.Validate(); err != nil {
		t.Errorf("valid document: %v", err)
	}
	out, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	var got, want map[string]any
	json.Unmarshal(out, &got)
	json.Unmarshal([]byte(doc), &want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("re-encoded %s\nwant %s", out, doc)
	}
	var bad User
	if err := json.Unmarshal([]byte(`{"content_filter":["drugs","violence"],"levels":[3],"tags":["blue"]}`), &bad); err != nil {
		t.Fatal(err)
	}
	err = bad.Validate()
	if err == nil {
		t.Fatal("items outside the enum pass Validate")
	}
	for _, want := range []string{"content_filter[1]", "levels[0]", "tags[0]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate: %v\nsays nothing of %s", err, want)
		}
	}
}
