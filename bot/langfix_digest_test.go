package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// digestHarness is a harness where alice manages, on a deployment whose
// digest schedule is spec, with next as Config.NextDigest, on a platform
// that posts in channels.
func digestHarness(tb testing.TB, spec string, next func(spec, tz string, t time.Time) (time.Time, error)) *bottest.Harness {
	tb.Helper()
	t := storetest.Tenant(tb, "test")
	t.Platform = "test-" + t.Workspace
	h := bottest.New(tb, storetest.MustMemory(tb), t, bot.Config{Managers: []string{"alice"}, DigestSchedule: spec, NextDigest: next})
	h.Bot.Register(t.Platform, &managersPlatform{Platform: h.Platform})
	return h
}

// everyMinute is a Config.NextDigest that reads only "* * * * *".
func everyMinute(tb testing.TB) func(spec, tz string, t time.Time) (time.Time, error) {
	return func(spec, tz string, t time.Time) (time.Time, error) {
		if spec != "* * * * *" || tz != "UTC" {
			tb.Errorf("got spec %q in %q, want every minute in UTC", spec, tz)
		}
		return t.Truncate(time.Minute).Add(time.Minute), nil
	}
}

// TestDigestChannelSchedule: the reply to setting the digest channel is
// true to the digest's schedule: "every Monday morning" only with the
// built-in one; else when the next digest is due, or, when the core
// cannot tell (no NextDigest), the schedule itself.
func TestDigestChannelSchedule(t *testing.T) {
	tests := []struct {
		name, spec string
		next       bool
		lines      []string
		lang       bot.Lang
		want       string
	}{
		{"BuiltIn", "", true, nil, bot.English,
			"Done: the weekly digest will be posted in #mgr every Monday morning, with what needs your eye."},
		{"EveryMinute", "* * * * *", true, nil, bot.English,
			"Done: the weekly digest will be posted in #mgr, with what needs your eye. The next digest is due on Monday 2 November at 09:01 (UTC), unless this week's has already been posted: then it is due on Monday 9 November at 00:00 (UTC)."},
		{"EveryMinuteFR", "* * * * *", true, nil, bot.French,
			"C'est fait\u202f: le bilan hebdomadaire sera publié dans #mgr, avec ce qui demande votre attention. Le prochain bilan est prévu le lundi 2 novembre à 9\u00a0h\u00a001 (UTC), sauf si celui de cette semaine a déjà été publié\u202f: il est alors prévu le lundi 9 novembre à 0\u00a0h (UTC)."},
		{"NoNextCron", "* * * * *", false, nil, bot.English,
			"Done: the weekly digest will be posted in #mgr on its schedule, `* * * * *` (UTC), with what needs your eye."},
		{"NoNextWeeklyFR", "", false, []string{`admin settings tz:Europe/Paris digest-schedule:"friday 4pm"`}, bot.French,
			"C'est fait\u202f: le bilan hebdomadaire sera publié dans #mgr selon son horaire, le vendredi à 16\u00a0h (Paris), avec ce qui demande votre attention."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var next func(spec, tz string, t time.Time) (time.Time, error)
			if tt.next {
				next = everyMinute(t)
			}
			h := digestHarness(t, tt.spec, next)
			h.Run("alice", "lang "+string(tt.lang))
			for _, l := range tt.lines {
				h.Run("alice", l)
			}
			// The first line; a note on the language follows.
			got, _, _ := strings.Cut(h.Run("alice", "admin digest-channel #mgr").Message.Text, "\n")
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
