package bot_test

import (
	"strings"
	"testing"
)

// TestSpeedStartFrenchAndEnglish: an event's start is read as managers
// write it, in French (12/03/2027 18h30, « 12 mars 2027 à 18 h 30 ») and
// in English ("12 March 2027 at 18:30", "March 12, 2027 at 6:30 pm"), and
// ISO; a day without its year is the next one. A form it cannot read is
// refused with an example that works, and the time is printed with
// no-break spaces in French (« 18 h 30 »).
func TestSpeedStartFrenchAndEnglish(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	for i, c := range []struct{ start, want string }{
		{"12/03/2027 18h30", "du 12 mars 2027 à 18\u00a0h\u00a030 (UTC)"},
		{"12 mars 2027 à 18 h 30", "du 12 mars 2027 à 18\u00a0h\u00a030 (UTC)"},
		{"le 12 mars 2027 à 18:30", "du 12 mars 2027 à 18\u00a0h\u00a030 (UTC)"},
		{"12/03 18h", "du 12 mars 2027 à 18\u00a0h (UTC)"},
		{"12.03.2027, 9h05", "du 12 mars 2027 à 9\u00a0h\u00a005 (UTC)"},
		{"2027-03-12T18:00", "du 12 mars 2027 à 18\u00a0h (UTC)"},
		{"2027-03-12 18:00:00", "du 12 mars 2027 à 18\u00a0h (UTC)"},
	} {
		name := "Speed " + string(rune('A'+i))
		r := h.Run("alice", `admin event "`+name+`" tours:2 minutes:15 début:`+c.start+` canal:#general`)
		MustContain(t, r, c.want)
	}
	for _, bad := range []string{"12/03/2027", "demain 18h", "31/02/2027 18h", "12/03/2027 25h", "12 mars 2027 à 18 heures"} {
		r := h.Run("alice", `admin event "Bad" tours:2 minutes:15 début:`+bad+` canal:#general`)
		MustContain(t, r, "Je ne comprends pas le début «\u202f"+bad+"\u202f»\u202f: écrivez le jour et l'heure, par exemple `début:12/03/2027 18h30` ou `début:12 mars 2027 à 18h30`.")
	}

	h.Run("alice", "lang en")
	for i, c := range []struct{ start, want string }{
		{"12 March 2027 at 18:30", "12 March 2027 at 18:30 (UTC)"},
		{"March 12, 2027 at 6:30 pm", "12 March 2027 at 18:30 (UTC)"},
		{"March 12 at 6pm", "12 March 2027 at 18:00 (UTC)"},
		{"2027-03-12T09:15", "12 March 2027 at 09:15 (UTC)"},
	} {
		name := "Event " + string(rune('A'+i))
		r := h.Run("alice", `admin event "`+name+`" rounds:2 minutes:15 start:`+c.start+` channel:#general`)
		MustContain(t, r, c.want)
	}
	// A workspace's zone is named by its city, as meeting times name it,
	// in each reader's language.
	h.Run("alice", "admin settings tz:America/New_York")
	MustContain(t, h.Run("alice", `admin event "Zoned" rounds:2 minutes:15 start:2027-03-12T18:30 channel:#general`), "12 March 2027 at 18:30 (New York)")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin event "Zoné" tours:2 minutes:15 début:2027-03-13T18:30 canal:#general`), "du 13 mars 2027 à 18\u00a0h\u00a030 (New York)")
	h.Run("alice", "lang en")
	// Day and month could come either way: refused, with what works.
	r := h.Run("alice", `admin event "Bad" rounds:2 minutes:15 start:12/03/2027 18:30 channel:#general`)
	MustContain(t, r, "I can't read the start “12/03/2027 18:30”: write the day and the time, like `start:12 March 2027 at 18:30`")
	if strings.Contains(r.Message.Text, "is open") {
		t.Fatalf("got %q, want it refused", r.Message.Text)
	}
}

// TestProgramEndWithoutYear: a program's fin:30/06 is read as fin:30 juin
// is, the next 30 June, and not refused.
func TestProgramEndWithoutYear(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin program créer "P1" début:14/12/2026 fin:30/06`), "du 14 décembre 2026 au 30 juin 2027")
	MustContain(t, h.Run("alice", `admin program créer "P2" début:14/12 fin:30 juin`), "du 14 décembre 2026 au 30 juin 2027")
}
