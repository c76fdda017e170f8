package enumnumericstrings

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: an integer enum written as strings is
// sent and decoded as numbers.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestNumericEnumOnTheWire(t *testing.T) {
	var sent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		sent = string(b)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"shards":16,"ratio":1.5}`))
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	body := NewSetShards(SetShardsShardsN32)
	body.Ratio.Set(SetShardsRatioN0_5)
	got, err := c.SetShards(context.Background(), body)
	if err != nil {
		t.Fatal(err)
	}
	if sent != `{"ratio":0.5,"shards":32}` {
		t.Errorf("sent %s", sent)
	}
	ratio, _ := got.Ratio.Get()
	if got.Shards != SetShardsShardsN16 || ratio != SetShardsRatioN1_5 {
		t.Errorf("decoded %+v", got)
	}
}
