package store

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// A pair's or a proposal's reasons are kept compactly, one reason per
// record (record separator 0x1e) with its fields in a fixed order (unit
// separator 0x1f): code, detail, hours, years, exact, days, a zero or
// false as nothing. JSON with its
// field names took four times the room in every proposal and pair. A
// value written by an older version (a JSON array) is still read.
const reasonsVersion = "r1"

func reasonsField(rs []matching.Reason) string {
	if len(rs) == 0 {
		return ""
	}
	parts := make([]string, 0, len(rs)+1)
	parts = append(parts, reasonsVersion)
	for _, r := range rs {
		exact := ""
		if r.Exact {
			exact = "1"
		}
		f := []string{string(r.Code), separators.Replace(r.Detail), itoa0(r.Hours), itoa0(r.Years), exact, itoa0(r.Days)}
		if r.MenteeYears != 0 {
			// A seventh field only where there is one: a record of six
			// stays readable by a replica that knows six.
			f = append(f, itoa0(r.MenteeYears))
		}
		parts = append(parts, strings.Join(f, fieldSep))
	}
	return strings.Join(parts, itemSep)
}

// itoa0 writes a number, and 0 as nothing (num reads it back as 0).
func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func reasonsFrom(s string) []matching.Reason {
	if strings.HasPrefix(s, "[") {
		var rs []matching.Reason
		_ = json.Unmarshal([]byte(s), &rs)
		return rs
	}
	records := strings.Split(s, itemSep)
	if len(records) < 2 || records[0] != reasonsVersion {
		return nil
	}
	out := make([]matching.Reason, 0, len(records)-1)
	for _, rec := range records[1:] {
		f := strings.Split(rec, fieldSep)
		if len(f) != 6 && len(f) != 7 {
			continue
		}
		r := matching.Reason{
			Code: matching.ReasonCode(f[0]), Detail: f[1], Hours: num(f[2]), Years: num(f[3]), Exact: f[4] == "1", Days: num(f[5]),
		}
		if len(f) == 7 {
			r.MenteeYears = num(f[6])
		}
		out = append(out, r)
	}
	return out
}
