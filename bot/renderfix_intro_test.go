package bot_test

import (
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestRenderfixIntroFieldsByLanguage: a bilingual introduction lists each
// language's fields together, the mentee's language first, its meeting
// times last, so that every adapter (Slack's two columns, Discord's
// embed, the shell's lines) shows each language reading down its own part.
func TestRenderfixIntroFieldsByLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("alice", "request go goal:ship a small service")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	var intro *bot.Message
	for _, s := range h.Platform.Take() {
		if s.Together {
			intro = &s.Message
		}
	}
	if intro == nil {
		t.Fatal("got no introduction, want one")
	}
	var got []string
	for _, f := range intro.Fields {
		got = append(got, string(f.Lang)+":"+f.Label)
	}
	want := []string{
		"fr:Objectif", "fr:Pourquoi ce binôme", "fr:Prochaine étape suggérée", "fr:Créneaux proposés", "fr:Pour choisir",
		"en:Goal", "en:Why you were matched", "en:Suggested next step", "en:Suggested times", "en:To pick a time",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got fields %q, want %q", got, want)
	}
}
