package oasimpl

import "time"

// timeJSON reads the JSON string at the start of b when it holds an RFC 3339
// timestamp in the one form APIs send, 2006-01-02T15:04:05[.frac](Z|±hh:mm)
// with at most nine fraction digits and nothing escaped, and returns it with
// the length of the literal. Anything else, valid or not, reports false and
// is left to time.Time's UnmarshalJSON, so that only the common case needs
// to be right here; for it the result is the one time.Parse gives, location
// included: UTC for Z, local when its offset at that instant is the one
// written, else time.FixedZone("", offset). local is time.Local but for
// tests.
//
// It exists because the time package's general parser was a fifth of the
// time of decoding a small document with one timestamp
// (docs/performance.md).
func timeJSON(b []byte, local *time.Location) (time.Time, int, bool) {
	// `"2006-01-02T15:04:05Z"` is the shortest.
	if len(b) < 22 || b[0] != '"' || b[5] != '-' || b[8] != '-' || b[11] != 'T' || b[14] != ':' || b[17] != ':' {
		return time.Time{}, 0, false
	}
	y1, ok1 := digits2(b[1:])
	y2, ok2 := digits2(b[3:])
	month, ok3 := digits2(b[6:])
	day, ok4 := digits2(b[9:])
	hour, ok5 := digits2(b[12:])
	minute, ok6 := digits2(b[15:])
	sec, ok7 := digits2(b[18:])
	year := y1*100 + y2
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) ||
		month < 1 || month > 12 || day < 1 || day > daysIn(month, year) ||
		hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, 0, false
	}
	i := 20
	nsec := 0
	if b[i] == '.' {
		i++
		n := 0
		for ; i < len(b) && b[i]-'0' <= 9; i++ {
			if n == 9 { // time.Parse truncates further digits; leave those to it
				return time.Time{}, 0, false
			}
			nsec = nsec*10 + int(b[i]-'0')
			n++
		}
		if n == 0 {
			return time.Time{}, 0, false
		}
		for ; n < 9; n++ {
			nsec *= 10
		}
	}
	if i+1 < len(b) && b[i] == 'Z' && b[i+1] == '"' {
		return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), i + 2, true
	}
	if i+6 >= len(b) || b[i] != '+' && b[i] != '-' || b[i+3] != ':' || b[i+6] != '"' {
		return time.Time{}, 0, false
	}
	oh, ok1 := digits2(b[i+1:])
	om, ok2 := digits2(b[i+4:])
	if !ok1 || !ok2 || oh > 23 || om > 59 {
		return time.Time{}, 0, false
	}
	offset := (oh*60 + om) * 60
	if b[i] == '-' {
		offset = -offset
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC).Add(time.Duration(-offset) * time.Second)
	if _, o := t.In(local).Zone(); o == offset {
		return t.In(local), i + 7, true
	}
	return t.In(time.FixedZone("", offset)), i + 7, true
}

// digits2 reads two decimal digits.
func digits2(b []byte) (int, bool) {
	hi, lo := b[0]-'0', b[1]-'0'
	return int(hi)*10 + int(lo), hi <= 9 && lo <= 9
}

// daysIn is the number of days in month of year (proleptic Gregorian).
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
