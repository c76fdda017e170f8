package allofunion

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: an allOf over a union is a union whose
// variants hold the shared fields and their own, so what only a member
// declares (area_code, type) survives decoding and is sent.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRequiresOnlyUnionIsShared: the union that only requires properties
// does not stop the other from being distributed, so account_app_id is a
// field and is sent beside the shared breakout.
func TestRequiresOnlyUnionIsShared(t *testing.T) {
	var sent []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	v := NewAppConfig0("a1")
	v.Breakout.Set(true)
	body, err := AppConfigFromAppConfig0(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddAppConfig(context.Background(), body); err != nil {
		t.Fatal(err)
	}
	if string(sent) != `{"account_app_id":"a1","breakout":true}` {
		t.Errorf("sent %s", sent)
	}
}

func TestAllOfOverUnionKeepsEveryField(t *testing.T) {
	var sent []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"setid":2,"label":"north","type":"areacode","area_code":5}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	any0 := NewSpotSet0(1, Area0TypeAny)
	any0.Label.Set("all")
	body, err := SpotSetFromSpotSet0(any0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.CreateSpot(context.Background(), body)
	if err != nil {
		t.Fatal(err)
	}
	var wire map[string]any
	if err := json.Unmarshal(sent, &wire); err != nil || wire["setid"] != float64(1) || wire["type"] != "any" || wire["label"] != "all" {
		t.Errorf("sent %s, want setid 1, type any, label all", sent)
	}
	area, err := got.AsSpotSet1()
	if err != nil {
		t.Fatal(err)
	}
	label, _ := area.Label.Get()
	if area.Setid != 2 || area.Type != Area1TypeAreacode || area.AreaCode != 5 || label != "north" {
		t.Errorf("decoded %+v, want setid 2, type areacode, area_code 5, label north", area)
	}
	if v, err := got.Which(); err != nil {
		t.Error(err)
	} else if _, ok := v.(SpotSet1); !ok {
		t.Errorf("Which = %T, want SpotSet1", v)
	}
	out, err := json.Marshal(got)
	if err != nil || string(out) != `{"setid":2,"label":"north","type":"areacode","area_code":5}` {
		t.Errorf("re-encoded %s, %v", out, err)
	}
}
