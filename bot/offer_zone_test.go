package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferZoneAsProfile: a mentor who gave no time zone reads the same
// zone on their offer, their home and their profile (the one assumed for
// meeting times until they give theirs), not "unknown" on one and "UTC"
// on the other; once given, all three show it.
func TestOfferZoneAsProfile(t *testing.T) {
	h := MustHarness(t)
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		user := "bob" + string(lang)
		h.Run(user, "lang "+string(lang))
		want := bot.T(lang, "profile.tz_assumed", "zone", "UTC")
		for _, cmd := range []string{"offer kubernetes", "offer", "status", "profile"} {
			if got := zoneField(t, lang, h.Run(user, cmd)); got != want {
				t.Errorf("%s: %q shows zone %q, want %q", lang, cmd, got, want)
			}
		}
		h.Run(user, "profile tz:Europe/Paris")
		for _, cmd := range []string{"offer", "status", "profile"} {
			if got := zoneField(t, lang, h.Run(user, cmd)); got != "Europe/Paris" {
				t.Errorf("%s: %q shows zone %q after tz:, want Europe/Paris", lang, cmd, got)
			}
		}
	}
}

// zoneField is the value of a reply's time zone field.
func zoneField(t *testing.T, lang bot.Lang, r bot.Reply) string {
	t.Helper()
	n := 0
	value := ""
	for _, f := range r.Message.Fields {
		if f.Label == bot.T(lang, "field.tz") {
			n++
			value = f.Value
		}
	}
	if n != 1 {
		t.Fatalf("got %d time zone fields in %+v, want one", n, r.Message)
	}
	return value
}
