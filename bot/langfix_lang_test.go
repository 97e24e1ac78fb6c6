package bot_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// slackRun runs a command typed by user as Slack sends it: with the
// member's locale.
func slackRun(h *bottest.Harness, user, text, locale string) bot.Reply {
	return h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member(user), Text: text, Locale: locale})
}

// mustMember reads user's record as stored.
func mustMember(tb testing.TB, h *bottest.Harness, user string) bot.Member {
	tb.Helper()
	m, err := h.Store.GetMember(context.Background(), h.Tenant.Member(user))
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestFrenchWordsOverInferredLanguage: on Slack, a member whose first
// command ("offer go") recorded English from their locale, and who then
// types French command words, is answered in French, and French is
// recorded as inferred; a language chosen with /mentor lang is never
// overridden by the words typed.
func TestFrenchWordsOverInferredLanguage(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, slackRun(h, "eve", "offer go", "en-US"), "You are now a mentor for: go")
	if m := mustMember(t, h, "eve"); m.Lang != bot.English || m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want English inferred from the locale", m.Lang, m.LangChosen)
	}

	MustContain(t, slackRun(h, "eve", "statut", "en-US"), "vous lisez les messages en français")
	if m := mustMember(t, h, "eve"); m.Lang != bot.French || m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want French inferred from the words typed", m.Lang, m.LangChosen)
	}
	// The offer that spoke the language read follows it.
	MustContain(t, slackRun(h, "eve", "statut", "en-US"), "vous parlez français tant que")
	MustContain(t, slackRun(h, "eve", "aide", "en-US"), "Les commandes se tapent aussi en anglais")
	// An English word after that keeps French: nothing was chosen, and
	// the English names are every member's.
	MustContain(t, slackRun(h, "eve", "status", "en-US"), "vous lisez les messages en français")

	MustContain(t, slackRun(h, "eve", "lang en", "en-US"), "I'll speak English with you from now on")
	if m := mustMember(t, h, "eve"); m.Lang != bot.English || !m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want English chosen", m.Lang, m.LangChosen)
	}
	MustContain(t, slackRun(h, "eve", "statut", "en-US"), "you read English")
	MustContain(t, slackRun(h, "eve", "aide", "fr-FR"), "• /mentor help")
	if m := mustMember(t, h, "eve"); m.Lang != bot.English || !m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want English chosen still", m.Lang, m.LangChosen)
	}
}

// TestFrenchWordsOverDefaultLanguage: a member with no locale (the
// shell, or a platform that gives none) whose record took the
// workspace's language is answered in French too; "langue en", typed
// in French, chooses English.
func TestFrenchWordsOverDefaultLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("sam", "offer go")
	MustContain(t, h.Run("sam", "statut"), "vous lisez les messages en français")
	MustContain(t, h.Run("sam", "oublier"), "Cela efface")
	MustContain(t, h.Run("sam", "langue en"), "I'll speak English with you from now on")
	if m := mustMember(t, h, "sam"); m.Lang != bot.English || !m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want English chosen", m.Lang, m.LangChosen)
	}
	MustContain(t, h.Run("sam", "statut"), "you read English")
}

// TestFrenchWordsKeepChosenFrench: a member who chose French and types
// an English command word is still answered in French.
func TestFrenchWordsKeepChosenFrench(t *testing.T) {
	h := MustHarness(t)
	slackRun(h, "ann", "lang fr", "en-US")
	MustContain(t, slackRun(h, "ann", "status", "en-US"), "vous lisez les messages en français")
	if m := mustMember(t, h, "ann"); m.Lang != bot.French || !m.LangChosen {
		t.Fatalf("got lang %q chosen %v, want French chosen", m.Lang, m.LangChosen)
	}
}

// TestExportMeLanguageChosen: /mentor export-me tells whether the
// language was chosen or inferred.
func TestExportMeLanguageChosen(t *testing.T) {
	h := MustHarness(t)
	up := &managersPlatform{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, up)
	export := func() map[string]any {
		t.Helper()
		up.Posts()
		slackRun(h, "eve", "export-me", "en-US")
		posts := up.Posts()
		if len(posts) != 1 || posts[0].File == nil {
			t.Fatalf("got %+v, want one file", posts)
		}
		var got struct {
			Profile map[string]any
		}
		if err := json.Unmarshal(posts[0].File.Data, &got); err != nil {
			t.Fatal(err)
		}
		return got.Profile
	}
	slackRun(h, "eve", "offer go", "en-US")
	if p := export(); p["language"] != "en" || p["language_chosen"] != false {
		t.Fatalf("got profile %v, want language en, not chosen", p)
	}
	slackRun(h, "eve", "lang fr", "en-US")
	if p := export(); p["language"] != "fr" || p["language_chosen"] != true {
		t.Fatalf("got profile %v, want language fr, chosen", p)
	}
}
