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
	// fields returns the values of the bilingual introduction's fields
	// labelled key, the English half's first.
	fields := func(t *testing.T, key string) []string {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		mustOfficial(h, "bob", "offer go languages:en,fr", "erin", "request go kind:one-to-one")
		var out []string
		for _, s := range h.Platform.Take() {
			if s.Together {
				for _, f := range s.Message.Fields {
					if f.Label == bot.T(f.Lang, key) {
						out = append(out, f.Value)
					}
				}
			}
		}
		if len(out) != 2 {
			t.Fatalf("got %q for %s, want one field in each language", out, key)
		}
		return out
	}
	t.Run("WhyToItsReader", func(t *testing.T) {
		// The mentor's half says why to the mentor, as their proposal
		// did; the mentee's half names the mentor.
		why := fields(t, "field.why")
		if !strings.HasPrefix(why[0], "Bob offers “go”") || !strings.HasPrefix(why[1], "vous proposez «\u202fgo\u202f»") {
			t.Fatalf("got reasons %q, want the English half to name Bob and the French half to say « vous »", why)
		}
	})
	t.Run("TimeZoneToItsReader", func(t *testing.T) {
		// The note on a time zone not known yet speaks to its member in
		// the half only they read, and names them in the other.
		how := fields(t, "field.meet_how")
		for _, want := range []string{bot.T(bot.English, "meet.tz_assumed", "name", "Bob", "zone", "UTC"), bot.T(bot.English, "meet.tz_assumed_you", "zone", "UTC")} {
			if !strings.Contains(how[0], want) {
				t.Errorf("got English %q, want %q", how[0], want)
			}
		}
		for _, want := range []string{bot.T(bot.French, "meet.tz_assumed_you", "zone", "UTC"), bot.T(bot.French, "meet.tz_assumed", "name", "Erin", "zone", "UTC")} {
			if !strings.Contains(how[1], want) {
				t.Errorf("got French %q, want %q", how[1], want)
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
