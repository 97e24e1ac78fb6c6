package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestIntroEachHalfToItsReader: a bilingual introduction speaks, in each
// language, to the member who reads it: the mentee's half introduces the
// mentor, the mentor's half the mentee; one language says it once.
func TestIntroEachHalfToItsReader(t *testing.T) {
	intro := func(t *testing.T, mentorLang string) string {
		h := MustHarness(t)
		h.Run("bob", "lang "+mentorLang)
		mustOfficial(h, "bob", "offer go languages:en,fr", "erin", "request go kind:one-to-one")
		for _, s := range h.Platform.Take() {
			if s.Together {
				return s.Message.Text
			}
		}
		t.Fatal("got no introduction, want one")
		return ""
	}
	t.Run("Bilingual", func(t *testing.T) {
		got := intro(t, "fr")
		en := bot.T(bot.English, "intro.text", "mentor", "Bob", "mentee", "Erin", "topic", "go", "kind", bot.T(bot.English, "kind.one-to-one"))
		fr := bot.T(bot.French, "intro.text_mentor", "mentor", "Bob", "mentee", "Erin", "topic", "go", "kind", bot.T(bot.French, "kind.one-to-one"))
		if got != en+"\n\n"+fr {
			t.Fatalf("got %q, want %q", got, en+"\n\n"+fr)
		}
		if !strings.HasPrefix(fr, "Bob, voici Erin") {
			t.Fatalf("got French half %q, want it to speak to Bob", fr)
		}
	})
	t.Run("WhyToItsReader", func(t *testing.T) {
		// The mentor's half says why to the mentor, as their proposal
		// did; the mentee's half names the mentor.
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		mustOfficial(h, "bob", "offer go languages:en,fr", "erin", "request go kind:one-to-one")
		var why []string
		for _, s := range h.Platform.Take() {
			if s.Together {
				for _, f := range s.Message.Fields {
					if f.Label == bot.T(f.Lang, "field.why") {
						why = append(why, f.Value)
					}
				}
			}
		}
		if len(why) != 2 || !strings.HasPrefix(why[0], "Bob offers “go”") || !strings.HasPrefix(why[1], "vous proposez «\u202fgo\u202f»") {
			t.Fatalf("got reasons %q, want the English half to name Bob and the French half to say « vous »", why)
		}
	})
	t.Run("TimeZoneToItsReader", func(t *testing.T) {
		// The note on a time zone not known yet speaks to its member in
		// the half only they read, and names them in the other.
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		mustOfficial(h, "bob", "offer go languages:en,fr", "erin", "request go kind:one-to-one")
		var how []string
		for _, s := range h.Platform.Take() {
			if s.Together {
				for _, f := range s.Message.Fields {
					if f.Label == bot.T(f.Lang, "field.meet_how") {
						how = append(how, f.Value)
					}
				}
			}
		}
		en, fr := strings.Join(how[:1], ""), strings.Join(how[1:], "")
		for _, want := range []string{bot.T(bot.English, "meet.tz_assumed", "name", "Bob", "zone", "UTC"), bot.T(bot.English, "meet.tz_assumed_you", "zone", "UTC")} {
			if !strings.Contains(en, want) {
				t.Errorf("got English %q, want %q", en, want)
			}
		}
		for _, want := range []string{bot.T(bot.French, "meet.tz_assumed_you", "zone", "UTC"), bot.T(bot.French, "meet.tz_assumed", "name", "Erin", "zone", "UTC")} {
			if !strings.Contains(fr, want) {
				t.Errorf("got French %q, want %q", fr, want)
			}
		}
	})
	t.Run("OneLanguage", func(t *testing.T) {
		got := intro(t, "en")
		if want := bot.T(bot.English, "intro.text", "mentor", "Bob", "mentee", "Erin", "topic", "go", "kind", bot.T(bot.English, "kind.one-to-one")); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}
