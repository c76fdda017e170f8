package oasimpl

import (
	"testing"

	"github.com/oapi-codegen/runtime"
)

// The parameter encoder next to oapi-codegen's runtime.StyleParamWithLocation
// (which param.go explains is not used for correctness, not speed) on a
// comma-joined array and a deepObject struct.

func BenchmarkParamsArray(b *testing.B) {
	v := []string{"id", "type", "name"}
	b.ReportAllocs()
	for b.Loop() {
		var ps Params
		ps.Query(Param{Name: "fields", Style: StyleForm}, v)
		_ = ps.query.String()
	}
}

func BenchmarkRuntimeArray(b *testing.B) {
	v := []string{"id", "type", "name"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := runtime.StyleParamWithLocation("form", false, "fields", runtime.ParamLocationQuery, v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParamsDeepObject(b *testing.B) {
	var f filter
	f.Connectors.Set("hibob")
	f.Tags = []string{"a", "b"}
	b.ReportAllocs()
	for b.Loop() {
		var ps Params
		ps.Query(Param{Name: "filter", Style: StyleDeepObject, Explode: true}, f)
		_ = ps.query.String()
	}
}

func BenchmarkRuntimeDeepObject(b *testing.B) {
	var f filter
	f.Connectors.Set("hibob")
	f.Tags = []string{"a", "b"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := runtime.StyleParamWithLocation("deepObject", true, "filter", runtime.ParamLocationQuery, f); err != nil {
			b.Fatal(err)
		}
	}
}
