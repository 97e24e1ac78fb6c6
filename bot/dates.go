package bot

import (
	"strconv"
	"strings"
	"time"
)

// parseDayIn reads a day as members type it, in loc: the ISO form
// (2027-01-10) in any language; in French, the day first as French
// writes it (10/01/2027, 10.01.2027, « 10 janvier 2027 », « le 1er mars »);
// in English, the month's name with the day on either side ("January 10,
// 2027", "10 January"). A day written without its year is its first
// occurrence from the day from on (from included). A numeric day in English
// other than ISO (01/10/2027) is refused: the day or the month may come
// first, and a wrong guess would pause a member, or start a program,
// months off.
func parseDayIn(lang Lang, v string, from time.Time, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if d, err := time.ParseInLocation("2006-01-02", v, loc); err == nil {
		return d, true
	}
	if lang == French {
		if d, ok := numericDayFR(v, loc); ok {
			return d, true
		}
	}
	return namedDay(v, from, loc)
}

// numericDayFR reads 10/01/2027, 10/1/2027, 10.01.2027 or 10-01-2027.
func numericDayFR(v string, loc *time.Location) (time.Time, bool) {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(f) != 3 || len(f[2]) != 4 {
		return time.Time{}, false
	}
	day, err1 := strconv.Atoi(f[0])
	month, err2 := strconv.Atoi(f[1])
	year, err3 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return time.Time{}, false
	}
	return validDay(year, month, day, loc)
}

// namedDay reads a day with its month's name, in English or French,
// accents optional: "10 janvier", "le 1er mars 2027", "January 10, 2027".
func namedDay(v string, from time.Time, loc *time.Location) (time.Time, bool) {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(strings.ToLower(v)))
	if len(words) > 0 && words[0] == "le" {
		words = words[1:]
	}
	var day, month, year int
	for _, w := range words {
		if m := monthNamed(w); m > 0 && month == 0 {
			month = m
			continue
		}
		n, err := strconv.Atoi(ordinal(w))
		switch {
		case err != nil:
			return time.Time{}, false
		case len(w) == 4 && year == 0:
			year = n
		case day == 0:
			day = n
		default:
			return time.Time{}, false
		}
	}
	if month == 0 || day == 0 {
		return time.Time{}, false
	}
	if year != 0 {
		return validDay(year, month, day, loc)
	}
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	for y := from.Year(); y <= from.Year()+1; y++ {
		if d, ok := validDay(y, month, day, loc); ok && !d.Before(start) {
			return d, true
		}
	}
	return time.Time{}, false
}

// monthNamed is the month w names, in English or French (accents
// optional), or 0.
func monthNamed(w string) int {
	for i, fr := range monthsFR {
		if w == fr || w == foldAccents(fr) || w == strings.ToLower(time.Month(i+1).String()) {
			return i + 1
		}
	}
	return 0
}

// foldAccents drops the accents of the French months' names.
var foldAccents = strings.NewReplacer("é", "e", "û", "u").Replace

// validDay is that day, if it exists (not 31 February).
func validDay(year, month, day int, loc *time.Location) (time.Time, bool) {
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc)
	if month < 1 || month > 12 || d.Day() != day || d.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return d, true
}

// ordinal drops the ending of an ordinal day: « 1er », "1st", "2nd",
// "3rd", "4th".
func ordinal(w string) string {
	for _, end := range []string{"er", "st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(w, end); ok {
			return n
		}
	}
	return w
}
