package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestGiveBackYearsUnknown: an invitation to mentor in turn says nothing
// about the years of experience of a mentee who never gave them (unknown
// is not zero), in French as in English, and counts known years with the
// plural of the reader's language (« 1 an », "1 year").
func TestGiveBackYearsUnknown(t *testing.T) {
	// eve reads French; her request gives no years: unknown.
	h := mustWentWell(t, "lang fr", "request go kind:one-to-one program:mentorat-2027 languages:fr,en")

	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028 years:0"), "I am inviting 1 member to mentor in “Mentorat 2028”")
	MustTick(t, h.Harness, time.Minute)
	m := mustSent(t, h, "eve")
	want := "Votre mentorat sur «\u202fgo\u202f» s'est bien passé, et vous pourriez à votre tour accompagner quelqu'un. Souhaitez-vous être mentor dans «\u202fMentorat 2028\u202f», du 25 novembre 2026 au 31 mars 2027\u202f?"
	if m.Text != want {
		t.Errorf("got %q, want %q", m.Text, want)
	}

	for _, tc := range []struct {
		lang       bot.Lang
		key, years string
		want       string
	}{
		{bot.English, "recruit.giveback_well", "", "went well, and you could now guide someone"},
		{bot.English, "recruit.giveback_well_years", "1", "with 1 year of experience"},
		{bot.English, "recruit.giveback_well_years", "8", "with 8 years of experience"},
		{bot.French, "recruit.giveback_well_years", "1", "avec 1 an d'expérience"},
		{bot.French, "recruit.giveback_well_years", "8", "avec 8 ans d'expérience"},
		{bot.English, "admin.announce.dm_started", "1", "with 1 year of experience or more"},
		{bot.French, "admin.announce.dm_started", "1", "au moins 1 an d'expérience"},
		{bot.French, "admin.announce.dm_started", "5", "au moins 5 ans d'expérience"},
		{bot.English, "recruit.giveback_none", "1", "none has 1 year of experience or more"},
	} {
		if got := bot.T(tc.lang, tc.key, "years", tc.years, "count", "2", "topic", "go"); !strings.Contains(got, tc.want) {
			t.Errorf("%s %s years %s: got %q, want it to contain %q", tc.lang, tc.key, tc.years, got, tc.want)
		}
	}
}

// TestAnnounceToEveryone: years:0 sends the call to every member without
// an offer, and the reply does not speak of "0 years of experience".
func TestAnnounceToEveryone(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("gus", "request python")
	h.Run("kim", "offer go years:20")
	h.Platform.Take()
	r := h.Run("alice", "admin announce years:0 program:mentorat-2027")
	MustContain(t, r, "I am sending your call for mentors to 2 members, each by a direct message in their language")
	if strings.Contains(r.Message.Text, "0 years") {
		t.Errorf("got %q, want no years said", r.Message.Text)
	}
}
