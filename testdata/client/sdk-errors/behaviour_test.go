package sdkerrors

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: x-speakeasy-errors on the wire. The
// statuses it lists (merged from the document, path item and operation,
// or overridden) are errors; the other documented ones are results that
// say which status came.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// serve answers every request with the status in the query's "status"
// (or 200) and body.
func serve(t *testing.T, status int, body string) *APIClient {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := NewAPIClient(Options{ServerURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestErrorStatusesOnTheWire(t *testing.T) {
	ctx := context.Background()
	t.Run("document level: 404 is a result", func(t *testing.T) {
		res, err := serve(t, 404, `{"suggestion":"b"}`).GetItem(ctx, "a")
		if err != nil || res.StatusCode != 404 || res.NotFound == nil || res.NotFound.Suggestion.Or("") != "b" || res.OK != nil {
			t.Fatalf("GetItem 404: %+v, %v", res, err)
		}
		res, err = serve(t, 200, `{"id":"a"}`).GetItem(ctx, "a")
		if err != nil || res.StatusCode != 200 || res.OK == nil || res.OK.ID != "a" || res.NotFound != nil {
			t.Fatalf("GetItem 200: %+v, %v", res, err)
		}
	})
	for _, status := range []int{401, 500} {
		t.Run("document level: "+strconv.Itoa(status)+" is a typed error", func(t *testing.T) {
			res, err := serve(t, status, `{"message":"no"}`).GetItem(ctx, "a")
			var pe *oas.ResponseError[Problem]
			if res != nil || !errors.As(err, &pe) || pe.StatusCode != status || pe.Body.Message != "no" {
				t.Fatalf("GetItem %d: %+v, %v", status, res, err)
			}
		})
	}
	t.Run("undocumented 4xx stays an error", func(t *testing.T) {
		_, err := serve(t, 418, `{}`).GetItem(ctx, "a")
		var ae *oas.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 418 {
			t.Fatalf("GetItem 418: %v", err)
		}
	})
	t.Run("path item override: 5XX is no longer an error", func(t *testing.T) {
		res, err := serve(t, 500, ``).GetLegacy(ctx)
		if err != nil || res.StatusCode != 500 || res.OK != nil || res.Status4XX != nil {
			t.Fatalf("GetLegacy 500: %+v, %v", res, err)
		}
	})
	t.Run("path item override: 404 is an error before the 4XX result", func(t *testing.T) {
		_, err := serve(t, 404, `{"message":"gone"}`).GetLegacy(ctx)
		var pe *oas.ResponseError[Problem]
		if !errors.As(err, &pe) || pe.StatusCode != 404 || pe.Body.Message != "gone" {
			t.Fatalf("GetLegacy 404: %v", err)
		}
	})
	t.Run("operation level merged: undocumented 409 is an error", func(t *testing.T) {
		_, err := serve(t, 409, `{"message":"conflict"}`).GetLegacy(ctx)
		var ae *oas.APIError
		var pe *oas.ResponseError[Problem]
		if !errors.As(err, &ae) || ae.StatusCode != 409 || errors.As(err, &pe) {
			t.Fatalf("GetLegacy 409: %v", err)
		}
	})
	t.Run("any other 4xx is the 4XX result", func(t *testing.T) {
		res, err := serve(t, 422, `{"message":"bad"}`).GetLegacy(ctx)
		if err != nil || res.StatusCode != 422 || res.Status4XX == nil || res.Status4XX.Message != "bad" {
			t.Fatalf("GetLegacy 422: %+v, %v", res, err)
		}
	})
	t.Run("malformed values: valid entries still count", func(t *testing.T) {
		if res, err := serve(t, 409, ``).Ping(ctx); err != nil || res.StatusCode != 409 {
			t.Fatalf("Ping 409: %+v, %v", res, err)
		}
		if res, err := serve(t, 204, ``).Ping(ctx); err != nil || res.StatusCode != 204 {
			t.Fatalf("Ping 204: %+v, %v", res, err)
		}
		var ae *oas.APIError
		if _, err := serve(t, 404, ``).Ping(ctx); !errors.As(err, &ae) || ae.StatusCode != 404 {
			t.Fatalf("Ping 404: %v", err)
		}
	})
}
