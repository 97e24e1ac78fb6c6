package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAdminHelpWays: "/mentor admin" and "/mentor help admin" show the
// managers' help to a manager, in their language; a member who is not a
// manager is told what those commands are for, and nothing is recorded.
func TestAdminHelpWays(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	for _, text := range []string{"admin", "help admin", "admin help", "HELP Admin"} {
		t.Run("Manager "+text, func(t *testing.T) {
			r := h.Run("alice", text)
			if r.Message.Title != "mentorbot: the managers' commands" || !strings.Contains(r.Message.Text, "/mentor admin pair") {
				t.Fatalf("got %+v, want the managers' help", r.Message)
			}
		})
	}
	t.Run("PlatformAdminOK", func(t *testing.T) {
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("olga"), Text: "help admin", IsAdmin: true})
		if r.Message.Title != "mentorbot: the managers' commands" {
			t.Fatalf("got %+v, want the managers' help for a workspace administrator", r.Message)
		}
	})
	t.Run("NotManagerHelp", func(t *testing.T) {
		r := h.Run("zoe", "help admin")
		want := "The `/mentor admin` commands are for the program's managers: they follow the program, pair members by hand and change its settings. If you would like to help run it, tell one of them. Your own commands are in `/mentor help`."
		if r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
		if _, err := h.Store.GetMember(ctx, h.Tenant.Member("zoe")); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Fatalf("got %v, want zoe not recorded by help", err)
		}
	})
	t.Run("NotManagerAdmin", func(t *testing.T) {
		if r := h.Run("zoe", "admin"); r.Message.Text != "Sorry, only the program's managers can do that." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("NotAManager", func(t *testing.T) {
		if r := h.Run("bob", "admin settings foo:1"); !strings.Contains(r.Message.Text, "only the program's managers") {
			t.Fatalf("got %q, want the managers-only refusal before the unknown setting", r.Message.Text)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		h.Run("yves", "lang fr")
		if r := h.Run("alice", "admin"); r.Message.Title != bot.T(bot.French, "admin.help.title") {
			t.Fatalf("got %+v, want the managers' help in French", r.Message)
		}
		if r := h.Run("yves", "help admin"); !strings.HasPrefix(r.Message.Text, "Les commandes `/mentor admin` sont réservées aux responsables du programme\u202f:") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
}

// TestAdminSettingsUnknown: a name that is no setting is refused as an
// unknown setting, with the closest one when it is close, and nothing is
// saved. The list is the one /mentor admin settings shows: here, where
// pairs are not introduced in a channel, without intro-channel.
func TestAdminSettingsUnknown(t *testing.T) {
	h := MustAdminHarness(t)
	list := "proposal-timeout, charter-timeout, checkin-after, checkin-reminder, survey-after, program-length, checkin-every, escalate-after, kinds, max-tz-hours, default-lang, tz, digest-channel, unanswered, digest-schedule, charter-url, meet-url"
	for _, tc := range []struct{ name, text, want string }{
		{"Unknown", "admin settings foo:1", "I don't know the setting `foo:`. The settings are: " + list + "."},
		{"Close", "admin settings proposal-timout:3d", "I don't know the setting `proposal-timout:`. Did you mean `proposal-timeout:`? The settings are: " + list + "."},
		{"AfterAGoodOne", "admin settings checkin-after:2d chekin-every:10d", "I don't know the setting `chekin-every:`. Did you mean `checkin-every:`? The settings are: " + list + "."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
		})
	}
	if s := h.Bot.Settings(context.Background(), h.Tenant); s.CheckinAfter != bot.DefaultSettings().CheckinAfter {
		t.Fatalf("got checkin-after %v, want nothing saved", s.CheckinAfter)
	}
	t.Run("NotAManager", func(t *testing.T) {
		if r := h.Run("bob", "admin settings foo:1"); !strings.Contains(r.Message.Text, "only the program's managers") {
			t.Fatalf("got %q, want the managers-only refusal before the unknown setting", r.Message.Text)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		want := "Je ne connais pas le réglage `proposal-timout:`. Vouliez-vous dire `proposal-timeout:`\u202f? Les réglages sont\u202f: délai-proposition, délai-charte, premier-point, relance-point, délai-questionnaire, durée-programme, fréquence-points, alerte-après, types, écart-fuseaux-max, langue-défaut, fuseau, canal-bilan, sans-réponse, horaire-bilan, lien-charte, lien-visio."
		if r := h.Run("alice", "admin settings proposal-timout:3d"); r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
	})
}

// TestAdminManagersWho: add or remove without a member asks for one.
func TestAdminManagersWho(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ text, want string }{
		{"admin managers add", "Whom should I make a manager? Mention the member: `/mentor admin managers add @ada`."},
		{"admin managers remove ", "Whom should I remove from the managers? Mention the member: `/mentor admin managers remove @ada`."},
		{"admin managers action:add", "Whom should I make a manager? Mention the member: `/mentor admin managers add @ada`."},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
		})
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin managers ajouter"); r.Message.Text != "Qui dois-je nommer responsable du programme\u202f? Mentionnez le membre\u202f: `/mentor admin responsables ajouter @ada`." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestAdminStatsWeekInProgress: on a new program, /mentor admin stats
// shows the week in progress so far before the last complete week, which
// is all zeros.
func TestAdminStatsWeekInProgress(t *testing.T) {
	h := MustAdminHarness(t) // Monday 2026-11-02, 09:00 UTC
	h.Run("mia", "offer go")
	h.Run("ann", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Clock.Advance(26 * time.Hour)
	r := h.Run("alice", "admin stats")
	if r.Message.Title != "Mentoring figures on 3 November 2026" {
		t.Fatalf("got title %q", r.Message.Title)
	}
	MustLines(t, r.Message.Text,
		"This week so far (since Monday 2 November 2026, 2026-W45)",
		"• Requests: 1",
		"• New mentors: 1",
		"• Pairs formed: 1",
		"• Proposals: 1 accepted, 0 declined, 0 expired",
		"*The last complete week: week of 26 October 2026 (2026-W44)*",
		"The week in numbers",
		"• Requests: 0 (week before: 0)",
	)
	h.Run("alice", "lang fr")
	MustLines(t, h.Run("alice", "admin stats").Message.Text,
		"Cette semaine jusqu'ici (depuis le lundi 2 novembre 2026, 2026-W45)",
		"*La dernière semaine complète\u202f: semaine du 26 octobre 2026 (2026-W44)*")
}

// TestAdminSettingsFrench: a French-speaking manager reads and types the
// settings' French names, and days as "j".
func TestAdminSettingsFrench(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	r := h.Run("alice", "admin settings délai-proposition:3j")
	MustContain(t, r, "Enregistré\u202f: délai-proposition.")
	for _, f := range r.Message.Fields {
		if f.Label == "proposal-timeout" {
			t.Fatalf("got field %q, want the French names", f.Label)
		}
	}
	if s := h.Bot.Settings(context.Background(), h.Tenant); s.ProposalTimeout != 72*time.Hour {
		t.Fatalf("got proposal timeout %v, want 3 days", s.ProposalTimeout)
	}
}

// TestAdminPairTopicHelp: the help of admin pair describes its topic as
// the pair's, not as "what you need help with".
func TestAdminPairTopicHelp(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", "help admin pair")
	MustContain(t, r, "topic: the topic of the pair")
	if strings.Contains(r.Message.Text, "what you need help with") {
		t.Fatalf("got %q, want the manager's description of topic", r.Message.Text)
	}
}
