package bot

import (
	"strconv"
	"strings"
	"time"
)

// noSuchDay reports, for a date parseDayIn refused, whether it is
// written well but names a day that does not exist ("2027-02-31",
// 31/02/2027, 31/04): then the error that says so, whose option is
// option, else nil. A date the member can fix by its day deserves
// better than "I can't read it".
func noSuchDay(lang Lang, option, v string) error {
	v = strings.TrimPrefix(strings.TrimSpace(v), "le ")
	var year, month, day int
	named := true // the year is said
	if f := strings.Split(v, "-"); len(f) == 3 && len(f[0]) == 4 {
		year, month, day = atoiOr(f[0]), atoiOr(f[1]), atoiOr(f[2])
	} else if d, m, y, ok := namedParts(v); ok {
		// "31 February 2027", « 30 février »: read in either language.
		day, month, year, named = d, m, y, y != 0
		if year == 0 {
			year = 2000 // a leap year: 29 February exists in some year
		}
	} else {
		if lang != French {
			// English reads no day/month form (10/01 is the 1st of
			// October to some): "can't read, write it like 2027-01-10"
			// is the truth, not "does not exist".
			return nil
		}
		f := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
		if len(f) < 2 || len(f) > 3 || len(f[0]) > 2 || len(f[1]) > 2 {
			return nil
		}
		day, month, year = atoiOr(f[0]), atoiOr(f[1]), 2000 // a leap year: 29/02 exists in some year
		named = false
		if len(f) == 3 {
			if len(f[2]) != 4 {
				return nil
			}
			year, named = atoiOr(f[2]), true
		}
	}
	if year <= 0 || month < 1 || month > 12 || day < 1 || day > 31 {
		return nil
	}
	if _, ok := validDay(year, month, day, time.UTC); ok {
		return nil
	}
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	name := monthName(lang, time.Month(month))
	if named {
		name += " " + itoa(year)
	}
	return &Error{Code: EINVALID, Key: "err.date_no_such_day", Args: []string{"value", clip(v, 30), "month", name, "days", itoa(days)}, Field: option}
}

// monthName is a month's name as lang writes it in a sentence: "February",
// « février ».
func monthName(lang Lang, m time.Month) string {
	if lang == French {
		return monthsFR[m-1]
	}
	return m.String()
}

// atoiOr is s as a number, or -1 when it is none.
func atoiOr(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
