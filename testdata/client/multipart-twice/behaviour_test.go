package multiparttwice

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: the body goes out as multipart/form-data,
// the first multipart media type, with its two parts.

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

func TestPostTrackSendsFormData(t *testing.T) {
	type part struct{ name, file, body string }
	var media string
	var got []part
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Error(err)
			return
		}
		media = mt
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(p)
			got = append(got, part{p.FormName(), p.FileName(), string(b)})
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"id":7}`)
	}))
	defer srv.Close()
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.PostTrack(context.Background(), PostTrackParts{
		TrackTitle:     "Song",
		TrackAssetData: oas.File{Name: "song.mp3", Body: strings.NewReader("ID3")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := res.ID.Get(); !ok || id != 7 {
		t.Errorf("id = %v, %v; want 7", id, ok)
	}
	if media != "multipart/form-data" {
		t.Errorf("Content-Type %q, want multipart/form-data", media)
	}
	want := []part{{"track[asset_data]", "song.mp3", "ID3"}, {"track[title]", "", "Song"}}
	if len(got) != len(want) {
		t.Fatalf("parts %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
