package jsonfuzz

// Differential fuzz tests over every kind of field the JSON emitter
// handles (see testdata/jsonfuzz/openapi.yaml): the generated methods
// against encoding/json on method-less copies of the same types.

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/oasgen/oasgen/internal/jsondiff"
	"github.com/oasgen/oasgen/oas"
)

type (
	plainEverything Everything
	plainChild      Child
	plainTags       Tags
	plainNode       Node
)

const seedEverything = `{"count":1,"small":2,"opt_small":3,"ratio":1.5,"ratio32":0.25,"flag":true,"blob":"aGk=","blob_req":null,
"when":"2024-01-02T03:04:05.123+02:00","when_req":"2024-01-02T03:04:05Z","counts":{"b":2,"a":1},"nullable_counts":{"x":null,"y":1},
"child":{"name":"c","score":null,"grand":{"k":"k","v":1}},"opt_child":{"name":"o"},"children":[{"name":"a","grand":{"k":"g"}},{"score":2}],
"matrix":[[1,2],[],null],"tags":["t1","t2"],"level":2,"color":"red","any":[1,"<&>"],"free":{"a":{}},"ID":"upper","id":"lower","Ünïcödé":"u"}`

func check(t *testing.T, data []byte) {
	jsondiff.Decode[Everything, plainEverything](t, "Everything", nil, data)
	jsondiff.Decode[Everything, plainEverything](t, "Everything/merge", []byte(seedEverything), data)
	jsondiff.Decode[Child, plainChild](t, "Child", nil, data)
	jsondiff.Decode[Child, plainChild](t, "Child/merge", []byte(`{"name":"n","score":1,"grand":{"k":"k","v":2}}`), data)
	jsondiff.Decode[Node, plainNode](t, "Node", nil, data)
	jsondiff.Decode[Node, plainNode](t, "Node/merge", []byte(`{"v":1,"next":{"v":2,"next":{"v":3}}}`), data)
	jsondiff.Decode[Tags, plainTags](t, "Tags", nil, data)
	jsondiff.Decode[Tags, plainTags](t, "Tags/merge", []byte(`["a","b","c"]`), data)
}

var seeds = []string{
	seedEverything, `{}`, `null`, `[]`, `["x"]`, `[null,"y"]`, `{"count":1.5}`, `{"count":1e2}`, `{"count":-0}`,
	`{"count":9223372036854775807}`, `{"count":9223372036854775808}`, `{"small":2147483648}`, `{"small":-2147483648}`,
	`{"ratio32":3.5e38}`, `{"ratio32":1e-46}`, `{"ratio":-1e-400}`, `{"flag":null}`, `{"flag":"true"}`, `{"flag":tru}`,
	`{"blob":"aGk"}`, `{"blob":"a\nGk="}`, `{"blob":[1,2,null]}`, `{"blob":[null,5]}`, `{"blob":[]}`, `{"blob":[256]}`, `{"blob":[1.0]}`, `{"blob":["1"]}`, `{"blob":""}`, `{"blob":null}`, `{"blob_req":"aGk="}`, `{"blob":5}`,
	`{"when":"2024-01-02T03:04:05"}`, `{"when":null}`, `{"when_req":null}`, `{"when":"2024-01-02T03:04:05\u005a"}`,
	`{"counts":null}`, `{"counts":{"a":1,"a":2}}`, `{"counts":{"\u0041":1}}`, `{"counts":{"a":null}}`, `{"counts":[]}`,
	`{"nullable_counts":{"a":null}}`, `{"nullable_counts":null}`, `{"child":null}`, `{"child":{"grand":null}}`,
	`{"child":{"NAME":"x"}}`, `{"child":[]}`, `{"children":null}`, `{"children":[]}`, `{"children":[{},{},{}]}`,
	`{"children":[{"grand":{"v":1}}]}`, `{"children":[null]}`, `{"matrix":[[null]]}`, `{"matrix":[[1],[2,3]]}`,
	`{"tags":null}`, `{"tags":[1]}`, `{"level":4}`, `{"level":"1"}`, `{"level":1.0}`, `{"color":"purple"}`, `{"color":null}`,
	`{"any":null}`, `{"free":null}`, `{"any":  [ 1 , { "a" : "\u2028" } ] }`, `{"Id":"fold"}`, `{"iD":"fold"}`, `{"ID":"a","id":"b"}`,
	`{"üNÏCÖDÉ":"fold"}`, `{"ünïcödé":"fold"}`, `{"COUNT":3,"Count":4}`, `{"opt_child":{"name":"a"},"opt_child":{"score":1}}`,
	`{"child":{"name":"a"},"child":{"score":1}}`, `{"neg":-0,"secret":"","stamp":"0001-01-01T00:00:00Z","ro_level":0,"ro_child":{}}`,
	`{"neg":-0.0,"ro_child":{"name":""}}`, `{"big":18446744073709551615,"u32":4294967295}`, `{"big":18446744073709551616}`,
	`{"u32":4294967296}`, `{"big":-1}`, `{"u32":-0}`, `{"big":1e3}`, `{"node":{"v":1,"next":{"v":2,"next":null}}}`,
	`{"v":5,"next":{"next":{"v":7}}}`, `{"next":null}`, `{"next":{"v":"x"}}`, `{"next":[]}`, `{"NEXT":{"V":9}}`, `{"stamp":"0001-01-01T00:00:00+01:00"}`, `{"children":[{"name":"a"}],"children":[{"score":1}]}`,
}

func FuzzDecodeEverything(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { check(t, data) })
}

func TestDecodeSeeds(t *testing.T) {
	for _, s := range seeds {
		check(t, []byte(s))
	}
}

// FuzzEncodeEverything builds values decoding cannot produce (NaN, invalid
// UTF-8, out-of-range times, invalid raw JSON, nil vs empty).
func FuzzEncodeEverything(f *testing.F) {
	f.Add("a", "\xff<>&\u2028", 1.5, int64(7), []byte(`{"a" : [1, "<"]}`), uint16(0xffff))
	f.Add("", "", math.NaN(), int64(-1), []byte(`nope`), uint16(0))
	f.Add("k", "v", math.Inf(-1), int64(253402300800), []byte(nil), uint16(0x5555))
	f.Add("\x00", "\"\\\t", 1e21, int64(-62135596801), []byte(``), uint16(0xaaaa))
	f.Fuzz(func(t *testing.T, s1, s2 string, fl float64, n int64, raw []byte, mask uint16) {
		on := func(bit int) bool { return mask&(1<<bit) != 0 }
		ts := time.Unix(n, 0).UTC()
		m := Everything{Count: n, Small: int32(n), WhenReq: ts, Tags: Tags{s1, s2}}
		if on(0) {
			m.Tags = nil
		}
		if on(1) {
			m.Children = []Child{{Name: oas.Some(s1), Score: oas.Value(fl)}, {Score: oas.Null[float64]()}}
		}
		if on(2) {
			m.Child = Child{Grand: &Grandchild{K: oas.Some(s2), V: oas.Some(n)}}
		}
		if on(3) {
			m.Ratio = oas.Some(fl)
			m.Ratio32 = oas.Some(float64(float32(fl)))
		}
		if on(4) {
			m.Blob = oas.Some([]byte(s1))
			m.BlobReq = oas.Value[[]byte](nil)
		}
		if on(5) {
			m.Counts = oas.Some(map[string]int64{s1: 1, s2: 2, "": 3})
			m.NullableCounts = oas.Value(map[string]oas.Nullable[int64]{s1: oas.Null[int64](), s2: oas.Value(n)})
		}
		if on(6) {
			m.Any = oas.Some(json.RawMessage(raw))
			m.Free = oas.Some(json.RawMessage(nil))
		}
		if on(7) {
			m.Matrix = oas.Some([][]float64{{fl, 1}, nil, {}})
		}
		if on(8) {
			m.Level = oas.Some(Level(n))
			m.Color = oas.Some(Color(s1))
		}
		if on(9) {
			m.When = oas.Some(time.Unix(n, 5).In(time.FixedZone("", int(n%50000))))
		}
		if on(10) {
			m.Flag = oas.Null[bool]()
			m.ID = oas.Some(s1)
			m.ID2 = oas.Some(s2)
			m.Ünïcödé = oas.Some(s1 + s2)
		}
		if on(11) {
			m.OptChild = &Child{}
			m.OptSmall = oas.Some(int32(-n))
		}
		if on(12) {
			m.Neg = fl
			m.Secret = s2
			m.Stamp = ts
		}
		if on(13) {
			m.Neg = math.Copysign(0, -1)
			m.RoLevel = Level(n)
		}
		if on(14) {
			m.RoChild = Child{Name: oas.Some(s1)}
		}
		if on(15) {
			m.Big = oas.Some(uint64(n))
			m.U32 = oas.Some(uint32(n))
			m.Node = &Node{V: oas.Some(n), Next: &Node{}}
		}
		jsondiff.Encode(t, "Everything", m, plainEverything(m))
		if nd := m.Node; nd != nil {
			jsondiff.Encode(t, "Node", *nd, plainNode(*nd))
		}
		jsondiff.Encode(t, "Tags", m.Tags, plainTags(m.Tags))
	})
}
