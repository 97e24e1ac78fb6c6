package meeting

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Hours are a member's working hours: from From to To minutes after
// midnight, on Days, in the member's own time zone. The zero value is the
// default, 9:00-18:00 Monday to Friday (Norm).
type Hours struct {
	From, To int  // minutes after midnight, From < To
	Days     Days // working days; none means Monday to Friday
}

// Days is a set of weekdays: bit d is time.Weekday d.
type Days uint8

// Weekdays are Monday to Friday.
const Weekdays Days = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday

// Has reports whether d holds day w.
func (d Days) Has(w time.Weekday) bool { return d&(1<<w) != 0 }

// Default working hours.
const (
	DefaultFrom = 9 * 60
	DefaultTo   = 18 * 60
)

// IsZero reports whether h is the zero value: the default hours.
func (h Hours) IsZero() bool { return h == Hours{} }

// Norm returns h with its defaults filled in: 9:00-18:00 when no time
// was given, Monday to Friday when no day was.
func (h Hours) Norm() Hours {
	if h.From == 0 && h.To == 0 {
		h.From, h.To = DefaultFrom, DefaultTo
	}
	if h.Days == 0 {
		h.Days = Weekdays
	}
	return h
}

// Contains reports whether the minutes from..to (after midnight) of a day
// with weekday w lie within h.
func (h Hours) Contains(w time.Weekday, from, to int) bool {
	h = h.Norm()
	return h.Days.Has(w) && from >= h.From && to <= h.To
}

// String writes h as ParseHours reads it: "9-18", "9:30-17:15",
// "9-18 mon,tue,thu". The zero value is "".
func (h Hours) String() string {
	if h.IsZero() {
		return ""
	}
	n := h.Norm()
	s := clock(n.From) + "-" + clock(n.To)
	if n.Days != Weekdays {
		var names []string
		for _, d := range weekOrder {
			if n.Days.Has(d) {
				names = append(names, dayNames[d][0])
			}
		}
		s += " " + strings.Join(names, ",")
	}
	return s
}

// Clock writes minutes after midnight as "9:00" or "17:30".
func Clock(m int) string {
	return strconv.Itoa(m/60) + ":" + pad2(m%60)
}

func clock(m int) string {
	if m%60 == 0 {
		return strconv.Itoa(m / 60)
	}
	return Clock(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// HoursError is why ParseHours refused its input. Code is one of the
// Err* codes; the bot turns it into a sentence in the member's language.
type HoursError struct {
	Code  string
	Input string
}

func (e *HoursError) Error() string {
	return "meeting: hours " + e.Code + ": " + strconv.Quote(e.Input)
}

// ParseHours error codes.
const (
	ErrFormat = "format" // not a range of times ("banana")
	ErrRange  = "range"  // a time past 24:00, or minutes past 59
	ErrOrder  = "order"  // the end is before the start ("18-9")
	ErrShort  = "short"  // under MinHours long, or empty ("9-9")
	ErrDays   = "days"   // days that are not weekdays' names
)

// dashSpaces are the spaces around a dash ("9 - 18").
var dashSpaces = regexp.MustCompile(` ?- ?`)

// MinHours is the shortest working day ParseHours accepts.
const MinHours = time.Hour

// MaxHoursLen is the longest text ParseHours reads: long enough for
// hours as the bot writes them back, « de 9 h 30 à 17 h 30, du lundi au
// jeudi ».
const MaxHoursLen = 80

// weekOrder lists the days from Monday.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// dayNames are the names a day is typed with, English first, then French.
var dayNames = map[time.Weekday][]string{
	time.Monday:    {"mon", "monday", "lun", "lundi"},
	time.Tuesday:   {"tue", "tuesday", "tues", "mar", "mardi"},
	time.Wednesday: {"wed", "wednesday", "mer", "mercredi"},
	time.Thursday:  {"thu", "thursday", "thur", "thurs", "jeu", "jeudi"},
	time.Friday:    {"fri", "friday", "ven", "vendredi"},
	time.Saturday:  {"sat", "saturday", "sam", "samedi"},
	time.Sunday:    {"sun", "sunday", "dim", "dimanche"},
}

// ParseHours reads working hours: a range of times, "9-18", "9:30-17",
// "8h-17h", "9h30-17h", "09:00–18:00" (either dash, or "to", "à"),
// optionally followed by days: "mon-thu", "lun,mar,jeu", "monday-friday".
// Without days, Monday to Friday. It refuses anything else with a
// *HoursError.
func ParseHours(s string) (Hours, error) {
	in := s
	bad := func(code string) (Hours, error) { return Hours{}, &HoursError{Code: code, Input: clip(in)} }
	if len(s) > MaxHoursLen {
		return bad(ErrFormat)
	}
	timePart, dayPart, ok := splitHours(s)
	if !ok {
		return bad(ErrFormat)
	}
	from, to, ok := strings.Cut(timePart, "-")
	if !ok {
		return bad(ErrFormat)
	}
	f, code := parseClock(from)
	if code != "" {
		return bad(code)
	}
	t, code := parseClock(to)
	if code != "" {
		return bad(code)
	}
	if t < f {
		return bad(ErrOrder)
	}
	if time.Duration(t-f)*time.Minute < MinHours {
		return bad(ErrShort)
	}
	h := Hours{From: f, To: t}
	if dayPart != "" {
		d, ok := parseDays(dayPart)
		if !ok {
			return bad(ErrDays)
		}
		h.Days = d
	}
	if h.Days == Weekdays {
		h.Days = 0
	}
	if h.From == DefaultFrom && h.To == DefaultTo && h.Days == 0 {
		return Hours{}, nil
	}
	return h, nil
}

// Spellings of hours as people write them, and as the bot writes them
// back (« de 9 h à 18 h, du lundi au jeudi », "9:00–18:00, Monday to
// Thursday"), that splitHours brings to "9h-18h lundi-jeudi".
var (
	// "9 h 30", "9 h": the French clock, spaced.
	spacedH = regexp.MustCompile(`(\d{1,2}) ?h(?: ?(\d{2}))?\b`)
	// "9am", "5:30 pm", "6 p.m.": a twelve-hour clock.
	twelveHour = regexp.MustCompile(`(\d{1,2})(?:[:.h](\d{2}))? ?([ap])\.?m\b\.?`)
	// Words between a time and a day, or around a range, that say nothing
	// a dash or a comma does not.
	hourWords = map[string]bool{"de": true, "from": true, "du": true, "on": true, "le": true, "les": true, "between": true, "entre": true, "et": true, "and": true}
)

// splitHours brings s to a range of times and the days after it: "9-18"
// and "mon-thu" for "9-18 mon-thu", « de 9 h à 18 h, du lundi au jeudi »,
// "from 9am to 6pm on Mon-Thu" or "lundi-jeudi 9-18". ok is false when
// no word begins with a digit: no time is given.
func splitHours(s string) (times, days string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "–", "-", "—", "-", "’", "'").Replace(s)
	s = twelveHour.ReplaceAllStringFunc(s, func(m string) string {
		p := twelveHour.FindStringSubmatch(m)
		h, _ := strconv.Atoi(p[1])
		if h > 12 || h == 0 {
			return m // not a twelve-hour clock: refused as it is
		}
		if h == 12 {
			h = 0
		}
		if p[3] == "p" {
			h += 12
		}
		mm := p[2]
		if mm == "" {
			mm = "00"
		}
		return strconv.Itoa(h) + ":" + mm
	})
	s = spacedH.ReplaceAllString(s, "${1}h${2}")
	s = " " + strings.Join(strings.Fields(s), " ") + " "
	for _, d := range []string{" to ", " à ", " a ", " au ", " until ", " through ", " thru ", " jusqu'à "} {
		s = strings.ReplaceAll(s, d, "-")
	}
	s = dashSpaces.ReplaceAllString(strings.TrimSpace(s), "-")
	var rest []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		switch {
		case hourWords[w]:
		case times == "" && w[0] >= '0' && w[0] <= '9':
			times = w
		default:
			rest = append(rest, w)
		}
	}
	return times, strings.Join(rest, ","), times != ""
}

func clip(s string) string {
	if len(s) > MaxHoursLen {
		return s[:MaxHoursLen]
	}
	return s
}

// parseClock reads "9", "09", "9:30", "9h", "9h30", "17.30", "24".
func parseClock(s string) (int, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, ErrFormat
	}
	hh, mm := s, ""
	for _, sep := range []string{":", "h", "."} {
		if a, b, ok := strings.Cut(s, sep); ok {
			hh, mm = a, b
			break
		}
	}
	if !digits(hh) || len(hh) > 2 || (mm != "" && (!digits(mm) || len(mm) != 2)) {
		return 0, ErrFormat
	}
	h, _ := strconv.Atoi(hh)
	m := 0
	if mm != "" {
		m, _ = strconv.Atoi(mm)
	}
	if h > 24 || m > 59 || (h == 24 && m > 0) {
		return 0, ErrRange
	}
	return h*60 + m, ""
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parseDays reads "mon-fri", "mon,wed,fri", "lun-jeu", "mon-wed,fri".
func parseDays(s string) (Days, bool) {
	var d Days
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		a, b, isRange := strings.Cut(part, "-")
		from, ok := dayOf(a)
		if !ok {
			return 0, false
		}
		if !isRange {
			d |= 1 << from
			continue
		}
		to, ok := dayOf(b)
		if !ok {
			return 0, false
		}
		i := indexOf(from)
		for {
			w := weekOrder[i%7]
			d |= 1 << w
			if w == to {
				break
			}
			i++
		}
	}
	return d, d != 0
}

func dayOf(s string) (time.Weekday, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	for w, names := range dayNames {
		for _, n := range names {
			if s == n {
				return w, true
			}
		}
	}
	return 0, false
}

func indexOf(w time.Weekday) int {
	for i, d := range weekOrder {
		if d == w {
			return i
		}
	}
	return 0
}

// ParseWeekly reads a day of the week and a time, as a manager types when
// a weekly message should go out: "monday 9:00", "Mondays at 9", "mon
// 09:30", "lundi 9h", "le lundi à 9 h 30". It returns the day and the
// minute of the day; ok is false for anything else.
func ParseWeekly(s string) (day time.Weekday, minute int, ok bool) {
	if len(s) > MaxHoursLen {
		return 0, 0, false
	}
	var words []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch w {
		case "le", "les", "on", "at", "à", "a", "every", "chaque", "tous":
			continue
		}
		words = append(words, w)
	}
	if len(words) < 2 {
		return 0, 0, false
	}
	name := strings.TrimSuffix(words[0], ",")
	d, found := dayOf(name)
	if !found && strings.HasSuffix(name, "s") { // "Mondays", « les lundis »
		d, found = dayOf(strings.TrimSuffix(name, "s"))
	}
	if !found {
		return 0, 0, false
	}
	// The time may be typed with spaces: « 9 h 30 ».
	clock := strings.Join(words[1:], "")
	pm, am := strings.HasSuffix(clock, "pm"), strings.HasSuffix(clock, "am")
	clock = strings.TrimSuffix(strings.TrimSuffix(clock, "pm"), "am")
	clock = strings.TrimSuffix(clock, "h") // « 9h », « 9 h »
	m, code := parseClock(clock)
	if code != "" || m >= 24*60 {
		return 0, 0, false
	}
	switch {
	case (pm || am) && (m == 0 || m > 12*60+59):
		return 0, 0, false // "0pm", "13am"
	case pm && m < 12*60:
		m += 12 * 60
	case am && m >= 12*60:
		m -= 12 * 60 // "12am" is midnight
	}
	return d, m, true
}
