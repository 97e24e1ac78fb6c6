package meeting

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseHours(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Hours
		str  string
	}{
		{"9-18", Hours{}, ""},
		{"9h-18h", Hours{}, ""},
		{"09:00–18:00", Hours{}, ""},
		{"9 - 18", Hours{}, ""},
		{"9:30-17", Hours{From: 570, To: 1020}, "9:30-17"},
		{"8h-17h", Hours{From: 480, To: 1020}, "8-17"},
		{"9h30-17h", Hours{From: 570, To: 1020}, "9:30-17"},
		{"8 to 16", Hours{From: 480, To: 960}, "8-16"},
		{"8h à 16h", Hours{From: 480, To: 960}, "8-16"},
		{"0-24", Hours{From: 0, To: 1440}, "0-24"},
		{"10-16 mon-thu", Hours{From: 600, To: 960, Days: Weekdays &^ (1 << time.Friday)}, "10-16 mon,tue,wed,thu"},
		{"9-18 lun,mar,jeu", Hours{From: 540, To: 1080, Days: 1<<time.Monday | 1<<time.Tuesday | 1<<time.Thursday}, "9-18 mon,tue,thu"},
		{"9-18 mon-fri", Hours{}, ""},
		{"9-13 sat-sun", Hours{From: 540, To: 780, Days: 1<<time.Saturday | 1<<time.Sunday}, "9-13 sat,sun"},
		{"9-18 fri-mon", Hours{From: 540, To: 1080, Days: 1<<time.Friday | 1<<time.Saturday | 1<<time.Sunday | 1<<time.Monday}, "9-18 mon,fri,sat,sun"},
	} {
		got, err := ParseHours(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseHours(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
			continue
		}
		if got.String() != tt.str {
			t.Errorf("ParseHours(%q).String() = %q, want %q", tt.in, got.String(), tt.str)
		}
		if back, err := ParseHours(got.String()); got.String() != "" && (err != nil || back != got) {
			t.Errorf("round trip of %q: %+v, %v", got.String(), back, err)
		}
	}
	for in, code := range map[string]string{
		"": ErrFormat, "banana": ErrFormat, "9": ErrFormat, "9-": ErrFormat, "-18": ErrFormat, "13pm-5pm": ErrFormat,
		"9:5-18": ErrFormat, "25-26": ErrRange, "9:60-18": ErrRange, "24:30-1": ErrRange, "18-9": ErrOrder, "9-9": ErrShort,
		"9-9:30": ErrShort, "9-18 someday": ErrDays, "9-18 mon-funday": ErrDays, strings.Repeat("9", 70): ErrFormat,
	} {
		_, err := ParseHours(in)
		var he *HoursError
		if !errors.As(err, &he) || he.Code != code {
			t.Errorf("ParseHours(%q) = %v, want code %s", in, err, code)
		}
	}
}

func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"9-18", "9h30-17h", "10-16 mon-thu", "18-9", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHours(s)
		if err != nil {
			var he *HoursError
			if !errors.As(err, &he) {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		n := h.Norm()
		if n.From < 0 || n.To > 24*60 || n.To-n.From < int(MinHours/time.Minute) || n.Days == 0 {
			t.Fatalf("ParseHours(%q) = %+v", s, h)
		}
		if back, err := ParseHours(h.String()); h.String() != "" && (err != nil || back != h) {
			t.Fatalf("round trip of %q: %+v, %v", h.String(), back, err)
		}
	})
}

// inside checks that a slot lies within p's hours in p's zone.
func inside(s Slot, p Person) bool {
	h := p.Hours.Norm()
	ls, le := s.Start.In(p.loc()), s.End.In(p.loc())
	from, to := ls.Hour()*60+ls.Minute(), le.Hour()*60+le.Minute()
	if le.YearDay() != ls.YearDay() {
		to += 24 * 60
	}
	return h.Days.Has(ls.Weekday()) && from >= h.From && to <= h.To
}

// farOutside is how far, in minutes, the farther end of s lies outside
// p's hours of that day in p's zone; a day off is a whole day.
func farOutside(s Slot, p Person) int {
	h := p.Hours.Norm()
	ls, le := s.Start.In(p.loc()), s.End.In(p.loc())
	if !h.Days.Has(ls.Weekday()) {
		return 24 * 60
	}
	from, to := ls.Hour()*60+ls.Minute(), le.Hour()*60+le.Minute()
	if le.YearDay() != ls.YearDay() {
		to += 24 * 60
	}
	far := 0
	for _, m := range []int{from, to} {
		far = max(far, h.From-m, m-h.To)
	}
	return far
}

// daytime reports whether s lies between 7:00 and 21:00 in p's zone.
func daytime(s Slot, p Person) bool {
	ls, le := s.Start.In(p.loc()), s.End.In(p.loc())
	return ls.YearDay() == le.YearDay() && ls.Hour() >= 7 && le.Hour()*60+le.Minute() <= 21*60
}

func TestSuggest(t *testing.T) {
	paris, montreal, tokyo := zone(t, "Europe/Paris"), zone(t, "America/Montreal"), zone(t, "Asia/Tokyo")
	la, auckland := zone(t, "America/Los_Angeles"), zone(t, "Pacific/Auckland")
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	early, _ := ParseHours("7-10")
	morning, _ := ParseHours("7-11")
	late, _ := ParseHours("16-20")
	carol, _ := ParseHours("8h30-16h")
	noon, _ := ParseHours("9-12")
	afternoon, _ := ParseHours("13-17")
	for _, tt := range []struct {
		name     string
		now      string
		a, b     Person
		dur      time.Duration
		full     bool
		distinct bool // three different days
		far      int  // no overlap: the farthest an end of a slot may lie outside anyone's hours, in minutes
	}{
		{"Paris-Montréal", "2026-12-07T08:00:00Z", Person{Loc: paris}, Person{Loc: montreal}, time.Hour, true, true, 0},
		{"Paris-Montréal flash", "2026-12-07T08:00:00Z", Person{Loc: paris}, Person{Loc: montreal}, 30 * time.Minute, true, true, 0},
		{"Paris-Tokyo", "2026-12-07T08:00:00Z", Person{Loc: paris}, Person{Loc: tokyo}, time.Hour, true, true, 0},
		{"same zone", "2026-12-04T16:00:00Z", Person{Loc: paris}, Person{Loc: paris}, time.Hour, true, true, 0},
		{"same zone, a Sunday night", "2026-12-06T22:00:00Z", Person{Loc: paris}, Person{Loc: paris, Hours: Hours{From: 600, To: 960}}, time.Hour, true, true, 0},
		{"Europe DST week (late March)", "2027-03-26T10:00:00Z", Person{Loc: paris}, Person{Loc: montreal}, time.Hour, true, true, 0},
		{"Europe DST end (late October)", "2027-10-29T10:00:00Z", Person{Loc: paris}, Person{Loc: montreal}, time.Hour, true, true, 0},
		{"America DST end (early November)", "2027-11-05T12:00:00Z", Person{Loc: montreal}, Person{Loc: paris}, time.Hour, true, true, 0},
		{"America DST start (mid March)", "2027-03-12T12:00:00Z", Person{Loc: la}, Person{Loc: paris}, time.Hour, true, true, 0},
		{"one-hour overlap", "2026-12-07T08:00:00Z", Person{Loc: paris, Hours: late}, Person{Loc: montreal, Hours: morning}, time.Hour, true, true, 0},
		// Paris 19:00-20:00 is Auckland 7:00-8:00, Paris 7:00-8:00 Auckland 19:00-20:00.
		{"no overlap: Paris-Auckland", "2026-12-07T08:00:00Z", Person{Loc: paris}, Person{Loc: auckland}, time.Hour, false, true, 120},
		// LA 7:00 (the earliest by day) is Paris 16:00, 6-7 hours past Paris's 10:00.
		{"no overlap: Paris-LA short days", "2026-12-07T08:00:00Z", Person{Loc: paris, Hours: early}, Person{Loc: la, Hours: early}, time.Hour, false, true, 420},
		// Paris 8:00-9:00 is Tokyo 16:00-17:00: an hour before one's day, an hour after the other's.
		{"no overlap: Paris 9-18, Tokyo 8h30-16h", "2026-12-07T08:00:00Z", Person{Loc: paris}, Person{Loc: tokyo, Hours: carol}, time.Hour, false, true, 60},
		// The gap is an hour: a half-hour slot in it lies an hour from one day, half an hour from the other.
		{"no overlap: Tokyo 8h30-16h, Paris 9-18, flash", "2026-12-07T08:00:00Z", Person{Loc: tokyo, Hours: carol}, Person{Loc: paris}, 30 * time.Minute, false, true, 60},
		// Paris 16:30-17:30 is LA 7:30-8:30: 5h30 past Paris's noon, 5h30 before LA's 13:00.
		{"no overlap: Paris 9-12, LA 13-17", "2026-12-07T08:00:00Z", Person{Loc: paris, Hours: noon}, Person{Loc: la, Hours: afternoon}, time.Hour, false, true, 330},
		{"no overlap: Paris 9-12, LA 13-17, DST", "2027-03-12T12:00:00Z", Person{Loc: paris, Hours: noon}, Person{Loc: la, Hours: afternoon}, time.Hour, false, true, 390},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Request{Now: at(tt.now), A: tt.a, B: tt.b, Duration: tt.dur}
			slots, full := Suggest(r)
			if full != tt.full {
				t.Fatalf("full = %v, want %v (%v)", full, tt.full, slots)
			}
			if len(slots) != 3 {
				t.Fatalf("%d slots: %v", len(slots), slots)
			}
			again, _ := Suggest(r)
			days := map[string]bool{}
			for i, s := range slots {
				if !s.Start.Equal(again[i].Start) {
					t.Errorf("not deterministic: %v then %v", slots, again)
				}
				if s.End.Sub(s.Start) != tt.dur {
					t.Errorf("slot %v lasts %v", s.Start, s.End.Sub(s.Start))
				}
				if s.Start.Before(r.Now.Add(Lead)) || s.End.After(r.Now.Add(Window)) {
					t.Errorf("slot %v outside the next 7 days", s.Start)
				}
				if i > 0 && !slots[i-1].End.Before(s.Start) && !slots[i-1].End.Equal(s.Start) {
					t.Errorf("slots overlap or are unsorted: %v", slots)
				}
				if tt.full && (!inside(s, tt.a) || !inside(s, tt.b) || !s.Fits()) {
					t.Errorf("slot %v (%v / %v) is not inside both members' hours",
						s.Start, s.Start.In(tt.a.loc()), s.Start.In(tt.b.loc()))
				}
				if !tt.full && s.Fits() {
					t.Errorf("no-overlap slot %v claims to fit", s.Start)
				}
				if !tt.full {
					for i, p := range []Person{tt.a, tt.b} {
						far := farOutside(s, p)
						if far > tt.far || far != s.Far[i] {
							t.Errorf("slot %v (%v) lies %d minutes outside the hours (Far %v), want at most %d",
								s.Start, s.Start.In(p.loc()), far, s.Far, tt.far)
						}
						if !daytime(s, p) {
							t.Errorf("slot %v is at night: %v", s.Start, s.Start.In(p.loc()))
						}
					}
				}
				if tt.full {
					for _, p := range []Person{tt.a, tt.b} {
						l := s.Start.In(p.loc())
						if l.Weekday() == time.Monday && l.Hour() < 12 || l.Weekday() == time.Friday && s.End.In(p.loc()).Hour()*60+s.End.In(p.loc()).Minute() > 12*60 {
							t.Errorf("slot %v is Monday morning or Friday afternoon in %v", l, p.loc())
						}
					}
				}
				days[s.Start.In(tt.a.loc()).Format(time.DateOnly)] = true
			}
			if tt.distinct && len(days) != 3 {
				t.Errorf("slots on %d days: %v", len(days), slots)
			}
		})
	}
}

func TestSuggestBestPartial(t *testing.T) {
	paris, la := zone(t, "Europe/Paris"), zone(t, "America/Los_Angeles")
	early, _ := ParseHours("7-10")
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	slots, full := Suggest(Request{Now: now, A: Person{Loc: paris, Hours: early}, B: Person{Loc: la, Hours: early}, Duration: time.Hour})
	if full {
		t.Fatal("Paris 7-10 and LA 7-10 overlap?")
	}
	// Paris 10:00 is LA 1:00; the best is 6 hours outside: e.g. Paris 9-10 / LA 0-1 is
	// 6 hours before LA's start... whichever, every slot has the same, least, outside time.
	for _, s := range slots {
		if s.Outside != slots[0].Outside || s.Far != slots[0].Far {
			t.Errorf("best partial slots differ: %v", slots)
		}
	}
}

// TestSuggestClosest is the reviewer's case: Bob in Paris 9-18, Carol in
// Tokyo 8h30-16h. The closest times were Paris 12:00 / Tokyo 20:00 and
// Paris 5:00 / Tokyo 13:00 (one hour outside someone's hours, like any
// one-hour slot, but four hours away from them); they are Paris 8:00 /
// Tokyo 16:00, an hour before Bob's day and an hour after Carol's, on
// three days.
func TestSuggestClosest(t *testing.T) {
	paris, tokyo := zone(t, "Europe/Paris"), zone(t, "Asia/Tokyo")
	carol, _ := ParseHours("8h30-16h")
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC) // a Monday
	r := Request{Now: now, A: Person{Loc: paris}, B: Person{Loc: tokyo, Hours: carol}, Duration: time.Hour}
	slots, full := Suggest(r)
	var got []string
	for _, s := range slots {
		got = append(got, s.Start.In(paris).Format("Mon 15:04")+" / "+s.Start.In(tokyo).Format("15:04"))
	}
	want := []string{"Tue 08:00 / 16:00", "Wed 08:00 / 16:00", "Thu 08:00 / 16:00"}
	if full || !slices.Equal(got, want) {
		t.Fatalf("Suggest = %q, %v; want %q", got, full, want)
	}
	for _, s := range slots {
		if s.Far != [2]int{60, 60} || s.Outside != [2]int{60, 60} {
			t.Errorf("slot %v: Far %v, Outside %v", s.Start, s.Far, s.Outside)
		}
	}
	// Other times: the closest left away from Monday morning and Friday
	// afternoon (Paris 7:00 / Tokyo 15:00, two hours out, on Tuesday,
	// Wednesday and Thursday) rather than Paris 8:00 / Tokyo 16:00 on
	// Friday (Friday afternoon in Tokyo) and next Monday (Monday morning
	// in Paris).
	r.Avoid = slots
	again, _ := Suggest(r)
	for _, s := range again {
		if overlapsAny(s, slots) || max(s.Far[0], s.Far[1]) > 120 || !daytime(s, r.A) || !daytime(s, r.B) {
			t.Errorf("other time %v (%v / %v), Far %v", s.Start, s.Start.In(paris), s.Start.In(tokyo), s.Far)
		}
	}
}

func TestSuggestOtherTimes(t *testing.T) {
	paris, montreal := zone(t, "Europe/Paris"), zone(t, "America/Montreal")
	r := Request{Now: time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC), A: Person{Loc: paris}, B: Person{Loc: montreal}, Duration: time.Hour}
	first, _ := Suggest(r)
	r.Avoid = first
	second, full := Suggest(r)
	if !full || len(second) != 3 {
		t.Fatalf("second round: %v %v", second, full)
	}
	for _, s := range second {
		if overlapsAny(s, first) {
			t.Errorf("new slot %v overlaps the first round %v", s.Start, first)
		}
	}
}

func TestSuggestNoWorkingDay(t *testing.T) {
	weekend, _ := ParseHours("9-18 sat-sun")
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	slots, full := Suggest(Request{Now: now, A: Person{Hours: weekend}, B: Person{}, Duration: time.Hour})
	if full || len(slots) != 3 {
		t.Fatalf("weekend and weekdays: %v %v", slots, full)
	}
}

func TestICS(t *testing.T) {
	start := time.Date(2026, 12, 8, 14, 0, 0, 0, time.UTC)
	e := Event{
		UID: "p123-1@mentorbot", Stamp: time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC), Start: start, End: start.Add(time.Hour),
		Summary:     "Mentoring: Go, Kubernetes; café – Élodie & Sam",
		Description: "Video room: https://meet.jit.si/mentorbot-abc\nCharter: https://example.org/charter\n" + strings.Repeat("é, long text; with \\ specials ", 8),
		URL:         "https://meet.jit.si/mentorbot-abc",
	}
	data := ICS(e)
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i, l)
		}
		if strings.Contains(l, "\n") || strings.Contains(l, "\r") {
			t.Errorf("bare line break in %q", l)
		}
	}
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	if !strings.Contains(unfolded, `SUMMARY:Mentoring: Go\, Kubernetes\; café – Élodie & Sam`+"\r\n") ||
		!strings.Contains(unfolded, `DESCRIPTION:Video room: https://meet.jit.si/mentorbot-abc\nCharter:`) ||
		!strings.Contains(unfolded, `é\, long text\; with \\ specials`) {
		t.Errorf("escaping: %s", unfolded)
	}
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("no CRLF end: %q", data[len(data)-20:])
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events", len(events))
	}
	ev := events[0]
	if ev.Id() != e.UID {
		t.Errorf("UID %q", ev.Id())
	}
	if s, err := ev.GetStartAt(); err != nil || !s.Equal(e.Start) {
		t.Errorf("DTSTART %v %v", s, err)
	}
	if s, err := ev.GetEndAt(); err != nil || !s.Equal(e.End) {
		t.Errorf("DTEND %v %v", s, err)
	}
	if s, err := ev.GetDtStampTime(); err != nil || !s.Equal(e.Stamp) {
		t.Errorf("DTSTAMP %v %v", s, err)
	}
	for prop, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertySummary: e.Summary, ics.ComponentPropertyDescription: e.Description, ics.ComponentPropertyUrl: e.URL,
	} {
		p := ev.GetProperty(prop)
		if p == nil {
			t.Errorf("no %s", prop)
			continue
		}
		// The library unescapes TEXT values as it parses.
		if got := p.Value; got != want {
			t.Errorf("%s = %q, want %q", prop, got, want)
		}
	}
}

func TestGoogleURL(t *testing.T) {
	start := time.Date(2026, 12, 8, 14, 0, 0, 0, time.UTC)
	u := GoogleURL(Event{Start: start, End: start.Add(30 * time.Minute), Summary: "Mentoring: Go & Rust", Description: "Room: https://x.y/z", URL: "https://x.y/z"})
	for _, want := range []string{"https://calendar.google.com/calendar/render?action=TEMPLATE&", "dates=20261208T140000Z%2F20261208T143000Z", "text=Mentoring%3A+Go+%26+Rust", "details=Room%3A+https%3A%2F%2Fx.y%2Fz"} {
		if !strings.Contains(u, want) {
			t.Errorf("%s lacks %s", u, want)
		}
	}
}

// TestICSCancel: a cancellation is the same event (UID, times), a later
// sequence, cancelled, under METHOD:CANCEL, as a calendar library reads it.
func TestICSCancel(t *testing.T) {
	start := time.Date(2026, 12, 8, 14, 0, 0, 0, time.UTC)
	e := Event{UID: "p123-1@mentorbot", Stamp: start.Add(-time.Hour), Start: start, End: start.Add(time.Hour), Summary: "Mentoring: go", Cancelled: true}
	cal, err := ics.ParseCalendar(bytes.NewReader(ICS(e)))
	if err != nil {
		t.Fatal(err)
	}
	if m := cal.CalendarProperties; !slices.ContainsFunc(m, func(p ics.CalendarProperty) bool { return p.IANAToken == "METHOD" && p.Value == "CANCEL" }) {
		t.Errorf("got calendar properties %+v, want METHOD:CANCEL", m)
	}
	events := cal.Events()
	if len(events) != 1 || events[0].Id() != e.UID {
		t.Fatalf("got %d events, want the one of UID %s", len(events), e.UID)
	}
	for prop, want := range map[ics.ComponentProperty]string{ics.ComponentPropertyStatus: "CANCELLED", ics.ComponentPropertySequence: "1"} {
		if p := events[0].GetProperty(prop); p == nil || p.Value != want {
			t.Errorf("got %s %+v, want %s", prop, p, want)
		}
	}
	if s, err := events[0].GetStartAt(); err != nil || !s.Equal(start) {
		t.Errorf("got DTSTART %v %v, want the event's", s, err)
	}
	if strings.Contains(string(ICS(Event{UID: "x", Stamp: start, Start: start, End: start})), "CANCEL") {
		t.Error("an invite says CANCEL")
	}
}
