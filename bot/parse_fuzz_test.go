package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// FuzzParse types anything after /mentor, in English and in French: the
// parser never panics, and whatever it refuses, it refuses with a coded
// error that explains itself in the member's language, never an
// internal one.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "help", "offer go, kubernetes capacity:2 languages:fr,en", "request go goal: ship it: soon",
		"request kind:one-to-one go", "offer capacité:3 go", "admin charter text:« Soyez bienveillants »",
		"admin settings checkin-after:3j", "/mentor status", "ofer go", "request go capacity:2",
		"offer go tz:Europe/Paris years:12", "lang fr", "admin pair @U1 @U2 topic:go", "\x00:\xff:",
	} {
		f.Add(uint8(0), s)
		f.Add(uint8(1), s)
	}
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	f.Fuzz(func(t *testing.T, lang uint8, text string) {
		l := bot.English
		if lang%2 == 1 {
			l = bot.French
		}
		spec, _, err := b.ParseIn(l, text)
		switch code := bot.ErrorCode(err); {
		case err == nil && spec.Name == "":
			t.Fatalf("got no command and no error for %q", text)
		case code == bot.EINTERNAL:
			t.Fatalf("got an internal error %v for %q, want a coded one", err, text)
		}
	})
}
