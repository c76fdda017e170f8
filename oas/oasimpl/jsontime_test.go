package oasimpl

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // zones with offsets for the local-location cases
)

// timeSeeds are JSON literals for timeJSON and Decoder.Time: the usual
// forms, the edges of every field, and near misses that must be left to
// time.Time's UnmarshalJSON (an error there, or a form timeJSON does not
// read).
var timeSeeds = []string{
	`"2024-05-30T12:34:56.789Z"`,
	`"2024-05-30T12:34:56Z"`,
	`"2024-05-30T12:34:56.123456789Z"`,
	`"2024-05-30T12:34:56.1234567891Z"`, // ten digits: time.Parse truncates
	`"2024-05-30T12:34:56.Z"`,
	`"2024-05-30T12:34:56,5Z"`,
	`"2024-05-30T12:34:56+02:00"`,
	`"2024-05-30T12:34:56.5-07:00"`,
	`"2024-05-30T12:34:56+05:30"`,
	`"2024-05-30T12:34:56-00:00"`,
	`"2024-05-30T12:34:56+00:00"`,
	`"2024-01-15T12:00:00-05:00"`, // New York's offset in winter
	`"2024-07-15T12:00:00-04:00"`, // and in summer
	`"2024-07-15T12:00:00-05:00"`, // not New York's in summer
	`"2024-05-30T12:34:56+24:00"`,
	`"2024-05-30T12:34:56+23:60"`,
	`"2024-05-30T12:34:56+23:59"`,
	`"2024-05-30T12:34:56z"`,
	`"2024-05-30t12:34:56Z"`,
	`"2024-05-30 12:34:56Z"`,
	`"2024-02-29T00:00:00Z"`,
	`"2023-02-29T00:00:00Z"`,
	`"1900-02-29T00:00:00Z"`,
	`"2000-02-29T00:00:00Z"`,
	`"2024-02-30T00:00:00Z"`,
	`"2024-04-31T00:00:00Z"`,
	`"2024-12-31T23:59:59.999999999Z"`,
	`"2024-13-01T00:00:00Z"`,
	`"2024-00-01T00:00:00Z"`,
	`"2024-01-00T00:00:00Z"`,
	`"2024-01-01T24:00:00Z"`,
	`"2024-01-01T00:60:00Z"`,
	`"2024-01-01T00:00:60Z"`,
	`"0000-01-01T00:00:00Z"`,
	`"9999-12-31T23:59:59Z"`,
	`"0001-01-01T00:00:00Z"`,
	`"2024-5-30T12:34:56Z"`,
	`"2024-05-30T1:34:56Z"`,
	`"2024-05-30T12:34:56"`,
	`"2024-05-30T12:34:56Z `,
	`"2024-05-30T12:34:56Z\""`,
	`"2024-05-30T12:34:56\u005a"`,
	`"2024-05-30T12:34:56+02:00 "`,
	`"2024-05-30T12:34:56+0200"`,
	`"+024-05-30T12:34:56Z"`,
	`"2024-05-30T12:34:5aZ"`,
	`"2024-05-30T12:34:56.-1Z"`,
	`"2024-05-30T12:34:56Z"garbage`,
	`null`,
	`"`,
	``,
}

// timeLocations are the locals timeJSON is checked with: an offset in the
// input matching the local one at that instant gives the local location.
func timeLocations(t testing.TB) []*time.Location {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return []*time.Location{time.UTC, time.Local, ny, time.FixedZone("IST", 19800), time.FixedZone("", 7200)}
}

// checkTimeJSON holds timeJSON to time.ParseInLocation (which parses the
// way UnmarshalJSON does, for a given local location) and, for
// time.Local, to UnmarshalJSON itself.
func checkTimeJSON(t *testing.T, in string, locs []*time.Location) {
	t.Helper()
	for _, loc := range locs {
		got, n, ok := timeJSON([]byte(in), loc)
		if !ok {
			continue
		}
		lit := in[:n]
		if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' || strings.ContainsAny(lit[1:len(lit)-1], `"\`) {
			t.Fatalf("timeJSON(%q) read %q, not one string literal", in, lit)
		}
		want, err := time.ParseInLocation(time.RFC3339, lit[1:len(lit)-1], loc)
		if err != nil {
			t.Fatalf("timeJSON(%q, %v) = %v, but time.Parse: %v", in, loc, got, err)
		}
		if !sameTime(got, want) {
			t.Fatalf("timeJSON(%q, %v) = %v (%p), time.Parse: %v (%p)", in, loc, got, got.Location(), want, want.Location())
		}
		if loc == time.Local {
			var viaJSON time.Time
			if err := viaJSON.UnmarshalJSON([]byte(lit)); err != nil || !sameTime(got, viaJSON) {
				t.Fatalf("timeJSON(%q) = %v, UnmarshalJSON: %v, %v", in, got, viaJSON, err)
			}
		}
	}
}

// sameTime reports whether a and b are the same value: == but for the
// pointer of an unnamed fixed zone, which time.FixedZone allocates anew for
// offsets that are not whole hours.
func sameTime(a, b time.Time) bool {
	if a.Location() == b.Location() {
		return a == b
	}
	an, ao := a.Zone()
	bn, bo := b.Zone()
	return a.Location().String() == "" && b.Location().String() == "" && an == bn && ao == bo &&
		a.In(time.UTC) == b.In(time.UTC)
}

func TestTimeJSON(t *testing.T) {
	locs := timeLocations(t)
	for _, in := range timeSeeds {
		checkTimeJSON(t, in, locs)
	}
	// The fast path must take the common forms, or it is no use.
	for _, in := range []string{`"2024-05-30T12:34:56.789Z"`, `"2024-05-30T12:34:56Z"`, `"2024-05-30T12:34:56+05:30"`} {
		if _, _, ok := timeJSON([]byte(in), time.UTC); !ok {
			t.Errorf("timeJSON(%q) left it to time.Parse", in)
		}
	}
}

// TestDecoderTime checks Decoder.Time against encoding/json decoding the
// same member into a time.Time, errors included, and that it leaves the
// decoder after the value.
func TestDecoderTime(t *testing.T) {
	for _, in := range timeSeeds {
		checkDecoderTime(t, in)
	}
}

func checkDecoderTime(t *testing.T, in string) {
	t.Helper()
	doc := `{"T":` + in + `,"N":1}`
	var want struct {
		T time.Time
		N int
	}
	wantErr := json.Unmarshal([]byte(doc), &want)

	var got time.Time
	var n int64
	d := NewDecoder([]byte(doc))
	if d.BeginObject() {
		for first := true; ; first = false {
			key, ok := d.Key(first)
			if !ok {
				break
			}
			if string(key) == "T" {
				d.Time(&got)
			} else {
				n = d.Int64()
			}
		}
	}
	err := d.End()
	switch {
	case wantErr != nil:
		if err == nil {
			t.Errorf("Time(%q) = %v, want an error (%v)", in, got, wantErr)
		}
	case err != nil || n != 1:
		t.Errorf("Time(%q): %v (the member after it: %d)", in, err, n)
	case !sameTime(got, want.T):
		t.Errorf("Time(%q) = %v, want %v", in, got, want.T)
	}
}

func FuzzTimeJSON(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	locs := timeLocations(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkTimeJSON(t, in, locs)
		checkDecoderTime(t, in)
	})
}

func BenchmarkDecoderTime(b *testing.B) {
	in := []byte(`"2024-05-30T12:34:56.789Z"`)
	b.Run("via=timeJSON", func(b *testing.B) {
		for b.Loop() {
			var t time.Time
			d := NewDecoder(in)
			d.Time(&t)
		}
	})
	b.Run("via=UnmarshalJSON", func(b *testing.B) {
		for b.Loop() {
			var t time.Time
			d := NewDecoder(in)
			_ = t.UnmarshalJSON(d.Raw())
		}
	})
}

// checkAppendTime compares AppendTime with time.Time's MarshalJSON, error
// or not, for t in UTC and in a zone (which takes the time package's path).
func checkAppendTime(t *testing.T, tm time.Time) {
	t.Helper()
	for _, v := range []time.Time{tm.UTC(), tm.In(time.FixedZone("", 0)), tm.In(time.FixedZone("", -7*3600))} {
		want, wantErr := v.MarshalJSON()
		got, err := AppendTime([]byte("x"), v)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("AppendTime(%v): error %v, MarshalJSON's %v", v, err, wantErr)
		}
		if err != nil {
			if string(got) != "x" {
				t.Fatalf("AppendTime(%v) failed but appended: %q", v, got)
			}
			continue
		}
		if string(got) != "x"+string(want) {
			t.Fatalf("AppendTime(%v) = %s, MarshalJSON %s", v, got[1:], want)
		}
	}
}

func TestAppendTime(t *testing.T) {
	edges := []time.Time{
		{},
		time.Unix(0, 0),
		time.Unix(-1, 999_999_999),
		time.Date(2024, 5, 30, 12, 34, 56, 789_000_000, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 1, time.UTC),
		time.Date(2000, 2, 29, 0, 0, 0, 100, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1600, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-4713, 11, 24, 12, 0, 0, 0, time.UTC),
		time.Now(), // with a monotonic reading
	}
	for _, tm := range edges {
		checkAppendTime(t, tm)
	}
	// Every day of five centuries around the era's boundary at a random
	// time of day, and random instants across the whole range.
	rng := rand.New(rand.NewPCG(1, 2))
	for d := time.Date(1798, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2302; d = d.AddDate(0, 0, 1) {
		checkAppendTime(t, d.Add(time.Duration(rng.Int64N(int64(24*time.Hour)))))
	}
	lo, hi := time.Date(-2, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(10002, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for range 100_000 {
		ns := int64(0)
		switch rng.IntN(3) {
		case 1:
			ns = rng.Int64N(1e9)
		case 2:
			ns = rng.Int64N(1000) * 1e6
		}
		checkAppendTime(t, time.Unix(lo+rng.Int64N(hi-lo), ns))
	}
}

func BenchmarkAppendTime(b *testing.B) {
	tm := time.Date(2024, 5, 30, 12, 34, 56, 789_000_000, time.UTC)
	buf := make([]byte, 0, 64)
	b.Run("oasimpl", func(b *testing.B) {
		for b.Loop() {
			buf, _ = AppendTime(buf[:0], tm)
		}
	})
	b.Run("time", func(b *testing.B) {
		for b.Loop() {
			buf = append(buf[:0], '"')
			buf, _ = tm.AppendText(buf)
			buf = append(buf, '"')
		}
	})
}
