package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDigestScheduleHelpIsTrue: the help of the digest-schedule setting,
// in each language, gives a day and a time as well as a cron spec, and
// every example it gives (its own, and those of the hint an error shows)
// is taken by the setting.
func TestDigestScheduleHelpIsTrue(t *testing.T) {
	example := regexp.MustCompile("`(?:[a-z-]+:)?(\"[^\"`]+\")`")
	for _, tc := range []struct {
		lang    bot.Lang
		setting string
		weekly  string
	}{
		{bot.English, "digest-schedule", `"monday 9:00"`},
		{bot.French, "horaire-bilan", `"le lundi à 9 h 30"`},
	} {
		h := MustAdminHarness(t)
		h.Run("alice", "lang "+string(tc.lang))
		help := bot.T(tc.lang, "opt.setting_digest-schedule")
		if !strings.Contains(help, tc.weekly) {
			t.Errorf("%s: got help %q, want a day and a time such as %s", tc.lang, help, tc.weekly)
		}
		got := example.FindAllStringSubmatch(help+" "+bot.T(tc.lang, "admin.settings.hint.digest-schedule"), -1)
		if len(got) < 4 {
			t.Errorf("%s: got examples %q, want a day and a time and a cron spec in the help and in the hint", tc.lang, got)
		}
		for _, m := range got {
			r := h.Run("alice", "admin settings "+tc.setting+":"+m[1])
			if text := r.Message.Text; !strings.HasPrefix(text, "Saved: digest-schedule.") && !strings.HasPrefix(text, "Enregistré\u202f: horaire-bilan.") {
				t.Errorf("%s: %s:%s: got %q, want it saved", tc.lang, tc.setting, m[1], text)
			}
		}
	}
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	if got := h.Run("alice", "admin aide réglages").Message.Text; !strings.Contains(got, "un jour et une heure entre guillemets, comme `\"le lundi à 9 h 30\"`") {
		t.Errorf("got help %q, want the day and time form of horaire-bilan", got)
	}
}
