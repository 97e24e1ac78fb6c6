package bot

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// parseDayIn reads a day as members type it, in loc: the ISO form
// (2027-01-10) in any language; in French, the day first as French
// writes it (10/01/2027, 10.01.2027, « 10 janvier 2027 », « le 1er mars »);
// in English, the month's name with the day on either side ("January 10,
// 2027", "10 January"). A day written without its year, with its month's
// name or in French as numbers (« 30/06 »), is its first occurrence from
// the day from on (from included). A numeric day in English
// other than ISO (01/10/2027) is refused: the day or the month may come
// first, and a wrong guess would pause a member, or start a program,
// months off.
func parseDayIn(lang Lang, v string, from time.Time, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if d, err := time.ParseInLocation("2006-01-02", v, loc); err == nil {
		return d, true
	}
	if lang == French {
		if d, ok := numericDayFR(v, from, loc); ok {
			return d, true
		}
	}
	return namedDay(v, from, loc)
}

// numericDayFR reads 10/01/2027, 10/1/2027, 10.01.2027 or 10-01-2027, and
// without the year 10/01 (or 10.01, 10-01): then the first such day from
// from on, as a month's name without a year reads.
func numericDayFR(v string, from time.Time, loc *time.Location) (time.Time, bool) {
	v = strings.TrimPrefix(v, "le ")
	f := strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(f) < 2 || len(f) > 3 || len(f[0]) > 2 || len(f[1]) > 2 || len(f) == 3 && len(f[2]) != 4 {
		return time.Time{}, false
	}
	day, err1 := strconv.Atoi(f[0])
	month, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	if len(f) == 2 {
		return nextDay(month, day, from, loc)
	}
	year, err := strconv.Atoi(f[2])
	if err != nil {
		return time.Time{}, false
	}
	return validDay(year, month, day, loc)
}

// nextDay is the first day of that month and day from from on (from's
// day included), this year or the next.
func nextDay(month, day int, from time.Time, loc *time.Location) (time.Time, bool) {
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	for y := from.Year(); y <= from.Year()+1; y++ {
		if d, ok := validDay(y, month, day, loc); ok && !d.Before(start) {
			return d, true
		}
	}
	return time.Time{}, false
}

// clockAtEnd is a time of day at the end of a date and time: "18:30",
// "18h30", « 18 h 30 », "18h", "18:00:00", "6:30 pm", "6pm", "6 p.m.".
var clockAtEnd = regexp.MustCompile(`(?i)(?:^|\s)(\d{1,2})\s*(?:(h|:)\s*(\d{2})?(?::\d{2})?)?\s*(?:([ap])\.?\s*m\.?)?$`)

// dateTimeJoin are the words between a day and its time: « à », "at",
// a comma.
var dateTimeJoin = []string{"à", "a", "at", ","}

// parseDateTimeIn reads a day and a time of day as members type them, in
// loc: the day as parseDayIn reads it (so, in French, 12/03/2027 and
// « 12 mars 2027 »; in any language 2027-03-12 and "12 March 2027"), then
// the time, after « à », "at", a comma, a space or the ISO "T": 18:30,
// 18h30, « 18 h 30 », 18h, or in 12-hour form 6:30 pm. A day without its
// year is its next occurrence from from on.
func parseDateTimeIn(lang Lang, v string, from time.Time, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\u00a0", " "))
	v = strings.ReplaceAll(v, "\u202f", " ")
	if len(v) > 10 && (v[10] == 'T' || v[10] == 't') {
		if _, err := time.Parse("2006-01-02", v[:10]); err == nil {
			v = v[:10] + " " + v[11:]
		}
	}
	m := clockAtEnd.FindStringSubmatchIndex(v)
	if m == nil || m[4] < 0 && m[8] < 0 {
		return time.Time{}, false // no "h", ":" nor am/pm: no time
	}
	hour, _ := strconv.Atoi(v[m[2]:m[3]])
	minute := 0
	if m[6] >= 0 {
		minute, _ = strconv.Atoi(v[m[6]:m[7]])
	}
	if m[8] >= 0 {
		if hour < 1 || hour > 12 {
			return time.Time{}, false
		}
		hour %= 12
		if strings.EqualFold(v[m[8]:m[9]], "p") {
			hour += 12
		}
	}
	if hour > 23 || minute > 59 {
		return time.Time{}, false
	}
	day := strings.TrimSpace(v[:m[0]])
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range dateTimeJoin {
			if rest, ok := strings.CutSuffix(strings.ToLower(day), w); ok && (w == "," || rest == "" || strings.HasSuffix(rest, " ")) {
				day, trimmed = strings.TrimSpace(day[:len(rest)]), true
			}
		}
	}
	d, ok := parseDayIn(lang, day, from, loc)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, loc), true
}

// namedDay reads a day with its month's name, in English or French,
// accents optional: "10 janvier", "le 1er mars 2027", "January 10, 2027".
func namedDay(v string, from time.Time, loc *time.Location) (time.Time, bool) {
	day, month, year, ok := namedParts(v)
	if !ok {
		return time.Time{}, false
	}
	if year != 0 {
		return validDay(year, month, day, loc)
	}
	return nextDay(month, day, from, loc)
}

// namedParts reads a day written with its month's name ("10 January
// 2027", « 1er mars »): the day, the month and the year (0 when not
// said), unchecked.
func namedParts(v string) (day, month, year int, ok bool) {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(strings.ToLower(v)))
	if len(words) > 0 && words[0] == "le" {
		words = words[1:]
	}
	for _, w := range words {
		if m := monthNamed(w); m > 0 && month == 0 {
			month = m
			continue
		}
		n, err := strconv.Atoi(ordinal(w))
		switch {
		case err != nil:
			return 0, 0, 0, false
		case len(w) == 4 && year == 0:
			year = n
		case day == 0:
			day = n
		default:
			return 0, 0, 0, false
		}
	}
	return day, month, year, month != 0 && day != 0
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
