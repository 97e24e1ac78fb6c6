package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// meetFixPair forms an official one-to-one pair of dan (mentor, Paris,
// French) and erin (mentee, in erinTZ, English) on h, and returns its
// introduction.
func meetFixPair(t *testing.T, h *bottest.Harness, erinTZ string) bot.Message {
	t.Helper()
	h.Run("dan", "lang fr")
	h.Run("dan", "offer go tz:Europe/Paris languages:fr,en")
	h.Run("erin", "lang en")
	h.Run("erin", "request go kind:one-to-one tz:"+erinTZ)
	h.Click("dan", "dan", bot.ActionProposalAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	for _, s := range h.Platform.Take() {
		if s.Together {
			return s.Message
		}
	}
	t.Fatal("got no introduction")
	return bot.Message{}
}

// meetFixAgree has both members of the pair pick the introduction's first
// time.
func meetFixAgree(t *testing.T, h *bottest.Harness, intro bot.Message) {
	t.Helper()
	picks := pickButtons(intro)
	meetClick(h, "erin", picks[0])
	if r := meetClick(h, "dan", picks[0]); !strings.Contains(r.Message.Text, "invitation") {
		t.Fatalf("got %q, want the time agreed", r.Message.Text)
	}
}

// TestMeetFixNoOverlapOwnLine: when the hours never overlap, the notice
// is a line of its own after the times, in each language, and "To pick a
// time" says only how to pick one: it no longer reads « Pour choisir :
// vos heures … : voici … ».
func TestMeetFixNoOverlapOwnLine(t *testing.T) {
	h := MustHarness(t)
	intro := meetFixPair(t, h, "America/Los_Angeles") // Paris 9-18 and Los Angeles 9-18 never overlap
	seen := map[bot.Lang]int{}
	for _, f := range intro.Fields {
		l := f.Lang
		switch f.Label {
		case bot.T(l, "field.meet_slots"):
			seen[l]++
			if !strings.HasSuffix(f.Value, "\n"+bot.T(l, "meet.no_overlap")) {
				t.Errorf("%s: got times %q, want the no-overlap notice on the last line", l, f.Value)
			}
		case bot.T(l, "field.meet_how"):
			seen[l]++
			if f.Value != bot.T(l, "meet.how") {
				t.Errorf("%s: got %q under %q, want how to pick a time alone", l, f.Value, f.Label)
			}
		}
	}
	if seen[bot.English] != 2 || seen[bot.French] != 2 {
		t.Fatalf("got fields %+v, want the times and how to pick one in English and French", intro.Fields)
	}
	for _, want := range []string{
		"Your working hours never overlap in the next week: these are the closest times, not all of them within your working hours.",
		"Vos heures de travail ne se recoupent jamais dans la semaine qui vient\u202f: ces créneaux sont les plus proches\u202f: ils ne tombent pas tous dans vos heures de travail.",
	} {
		found := false
		for _, f := range intro.Fields {
			found = found || strings.Contains(f.Value, want)
		}
		if !found {
			t.Errorf("got no field with %q", want)
		}
	}
}

// TestMeetFixKeepAndCancelSentences: "No, keep it" answers in words of
// its language, and a cancellation sets the time off with commas, in
// both languages.
func TestMeetFixKeepAndCancelSentences(t *testing.T) {
	const nb = "\u202f"
	h := MustHarness(t)
	meetFixAgree(t, h, meetFixPair(t, h, "America/Montreal"))
	h.Platform.Take()
	MustContain(t, clickIn(h, "erin", h.Run("erin", "meet"), bot.ActionMeetKeep), "Fine: your meeting stays as it is.")
	MustContain(t, clickIn(h, "dan", h.Run("dan", "rdv"), bot.ActionMeetKeep), "Très bien"+nb+": votre rendez-vous est maintenu.")
	clickIn(h, "erin", h.Run("erin", "meet"), bot.ActionMeetReplace)
	got := map[string]string{}
	for _, s := range h.Platform.Take() {
		if !s.Together {
			got[s.To[0].User] += s.Message.Text + "\n"
		}
	}
	if !strings.Contains(got["erin"], "Your meeting with Dan on Tuesday 3 November, 09:00–10:00 (Montreal), is cancelled: new times replace it.") {
		t.Errorf("got %q for erin, want the time set off with commas", got["erin"])
	}
	if !strings.Contains(got["dan"], "Votre rendez-vous avec Erin, le mardi 3 novembre, de 15\u00a0h à 16\u00a0h (Paris), est annulé"+nb+": de nouveaux créneaux le remplacent.") {
		t.Errorf("got %q for dan, want the time set off with commas", got["dan"])
	}
}

// TestMeetFixCancelOnly: the question before new times also offers to
// cancel the meeting alone. Each member gets the cancellation once, in
// their language, with the .ics that cancels the invite; the other is
// told who cancelled. The times of its round say so, and "Suggest other
// times" finds new ones; a second click cancels nothing more.
func TestMeetFixCancelOnly(t *testing.T) {
	const nb = "\u202f"
	a := MustAdminHarness(t)
	h := a.Harness
	introMsg := meetFixPair(t, h, "America/Montreal")
	meetFixAgree(t, h, introMsg)
	intro := pickButtons(introMsg)
	invites := map[string]string{}
	for _, p := range a.Posting.Posts() {
		if p.File != nil {
			invites[p.To.User] = string(p.File.Data)
		}
	}
	uid := func(ics string) string {
		for _, l := range strings.Split(ics, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				return l
			}
		}
		return ""
	}
	if len(invites) != 2 || uid(invites["erin"]) == "" {
		t.Fatalf("got invites %q, want one to each member", invites)
	}

	ask := h.Run("erin", "meet")
	if got := labels(ask.Message.Buttons); !strings.Contains(got, "Cancel the meeting") {
		t.Fatalf("got buttons %s, want “Cancel the meeting”", got)
	}
	if got := labels(h.Run("dan", "rdv").Message.Buttons); !strings.Contains(got, "Annuler le rendez-vous") {
		t.Fatalf("got buttons %s, want « Annuler le rendez-vous »", got)
	}
	// The button is erin's: dan's click on it changes nothing.
	MustContain(t, clickIn(h, "dan", ask, "Cancel the meeting"), bot.T(bot.French, "err.not_your_button"))
	r := clickIn(h, "erin", ask, "Cancel the meeting")
	MustContain(t, r, "Done: your meeting is cancelled. I've told Dan.")
	if !r.Replace {
		t.Error("got the question kept, want it replaced by the answer")
	}

	got := map[string]string{}
	for _, p := range a.Posting.Posts() {
		if p.File == nil {
			continue
		}
		if _, twice := got[p.To.User]; twice {
			t.Errorf("got a second cancellation to %s", p.To.User)
		}
		got[p.To.User] = p.Message.Text
		ics := string(p.File.Data)
		if !strings.Contains(ics, "METHOD:CANCEL\r\n") || !strings.Contains(ics, "STATUS:CANCELLED\r\n") || uid(ics) != uid(invites[p.To.User]) {
			t.Errorf("got .ics %q to %s, want the invite's event cancelled", ics, p.To.User)
		}
		if b := p.Message.Buttons; len(b) != 1 || b[0].ActionID != bot.ActionMeetOther {
			t.Errorf("got buttons %+v to %s, want “Suggest other times”", b, p.To.User)
		}
	}
	if !strings.Contains(got["erin"], "You cancelled your meeting with Dan on Tuesday 3 November, 09:00–10:00 (Montreal). To arrange another, click “Suggest other times” or use `/mentor meet`.") {
		t.Errorf("got %q for erin, want her cancellation", got["erin"])
	}
	if !strings.Contains(got["dan"], "Erin a annulé votre rendez-vous du mardi 3 novembre, de 15\u00a0h à 16\u00a0h (Paris). Pour en fixer un autre, cliquez sur «"+nb+"Proposer d'autres créneaux"+nb+"»") {
		t.Errorf("got %q for dan, want him told who cancelled", got["dan"])
	}
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("erin"))
	m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pairs[0].ID)
	if err != nil || !m.Agreed.IsZero() || len(m.Slots) != 0 {
		t.Fatalf("got meeting %+v, %v, want no time agreed nor offered", m, err)
	}

	// A second click, and the job scheduled first, cancel nothing more.
	MustContain(t, clickIn(h, "erin", ask, "Cancel the meeting"), "There is no meeting ahead to cancel any more")
	MustContain(t, clickIn(h, "erin", ask, bot.ActionMeetKeep), bot.T(bot.English, "meet.keep_gone"))
	MustTick(t, h, 2*time.Minute) // past the cancellation job (sendRetry)
	for _, p := range a.Posting.Posts() {
		if p.File != nil {
			t.Errorf("got %q to %s from the job, want nothing more", p.Message.Text, p.To.User)
		}
	}

	// The round's times say the meeting was cancelled; its "Suggest
	// other times" finds new ones.
	r = meetClick(h, "dan", intro[1])
	MustContain(t, r, "Le rendez-vous convenu parmi ces créneaux a été annulé.")
	h.Platform.Take()
	MustContain(t, clickIn(h, "dan", r, bot.ActionMeetOther), bot.T(bot.French, "meet.sent"))
	if m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pairs[0].ID); len(m.Slots) != 3 {
		t.Fatalf("got %d times after the cancellation, want three new ones", len(m.Slots))
	}
}
