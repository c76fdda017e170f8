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

// appendTimeUTC appends t, whose location is UTC, as time.Time's
// AppendText writes it (RFC 3339 with nanoseconds, trailing zeros of the
// fraction dropped, "Z"), and reports false, appending nothing, for a year
// outside 0..9999, which AppendText reports as an error. Timestamps an API
// sends and receives are mostly UTC; for them the time package's general
// formatter (its calendar split, then a layout interpreter) was a seventh
// of encoding a small document with one timestamp.
func appendTimeUTC(dst []byte, t time.Time) ([]byte, bool) {
	const (
		secsPerDay = 86400
		minSecs    = -62167219200 // 0000-01-01T00:00:00Z
		maxSecs    = 253402300800 // 10000-01-01T00:00:00Z
	)
	secs := t.Unix()
	if secs < minSecs || secs >= maxSecs {
		return dst, false
	}
	// Days since 0000-03-01 of the proleptic Gregorian calendar, 400 years
	// (146097 days) early so that January and February of year 0 count
	// too: years that start on 1 March put the leap day last (the civil
	// date of Howard Hinnant's "chrono-compatible low-level date
	// algorithms"), in unsigned arithmetic, all values being positive.
	u := uint64(secs - minSecs)
	days, rem := u/secsPerDay+146097-60, u%secsPerDay // 0000-01-01 is 60 days before 0000-03-01
	era := days / 146097
	doe := days - era*146097                               // day of the era, [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, [0, 399]
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from 1 March, [0, 365]
	mp := (5*doy + 2) / 153                                // month from March, [0, 11]
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	year := yoe + era*400 - 400
	if month > 12 {
		month -= 12
		year++
	}
	hour, minute, sec := rem/3600, rem/60%60, rem%60
	y := year / 100
	dst = append(dst, digitPairs[2*y], digitPairs[2*y+1], digitPairs[2*(year%100)], digitPairs[2*(year%100)+1], '-',
		digitPairs[2*month], digitPairs[2*month+1], '-', digitPairs[2*day], digitPairs[2*day+1], 'T',
		digitPairs[2*hour], digitPairs[2*hour+1], ':', digitPairs[2*minute], digitPairs[2*minute+1], ':',
		digitPairs[2*sec], digitPairs[2*sec+1])
	if ns := uint64(t.Nanosecond()); ns != 0 {
		// Nine digits, as pairs, then the trailing zeros dropped.
		var frac [11]byte
		frac[0] = '.'
		hi, lo := ns/100_000, ns%100_000 // [0, 9999], [0, 99999]
		frac[1], frac[2] = digitPairs[2*(hi/100)], digitPairs[2*(hi/100)+1]
		frac[3], frac[4] = digitPairs[2*(hi%100)], digitPairs[2*(hi%100)+1]
		frac[5] = byte('0' + lo/10_000)
		lo %= 10_000
		frac[6], frac[7] = digitPairs[2*(lo/100)], digitPairs[2*(lo/100)+1]
		frac[8], frac[9] = digitPairs[2*(lo%100)], digitPairs[2*(lo%100)+1]
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		dst = append(dst, frac[:n]...)
	}
	return append(dst, 'Z'), true
}

// digitPairs holds "00" to "99": the two digits of n at 2n and 2n+1.
const digitPairs = "" +
	"00010203040506070809" + "10111213141516171819" + "20212223242526272829" +
	"30313233343536373839" + "40414243444546474849" + "50515253545556575859" +
	"60616263646566676869" + "70717273747576777879" + "80818283848586878889" +
	"90919293949596979899"
