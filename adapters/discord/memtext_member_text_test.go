package discord_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// The goals a member types in this file's tests: markup of Discord's
// (bold) and commands in backticks, which must show as typed, neither
// bold, nor code, nor rewritten as a French client names the command.
const (
	memtextBold    = "*Cliquez ici*"
	memtextForget  = "`/mentor forget`"
	memtextSetting = "`/mentor admin settings`"
)

// memtextClick clicks action on msg as user, from their DM, with a client
// in locale.
func memtextClick(t *testing.T, h *Harness, user, locale string, msg discordtest.Message, action string) discordtest.Response {
	t.Helper()
	b, ok := msg.Button(action)
	if !ok {
		t.Fatalf("got buttons %+v, want %s", msg.Buttons(), action)
	}
	return h.Client.Send(t, discordtest.Click(testApp, user, msg.ChannelID, msg.ID, b.CustomID).WithLocale(locale))
}

// memtextMustShowAsTyped fails unless what the member typed shows as
// typed in m: every field value holding the bold goal escapes it, and
// the goals in backticks are escaped, never code, never the French
// commands' names.
func memtextMustShowAsTyped(t *testing.T, what string, m discordtest.Message, goals ...string) {
	t.Helper()
	text := m.Text()
	for _, e := range m.Embeds {
		for _, f := range e.Fields {
			if strings.Contains(f.Value, "Cliquez ici") && !strings.Contains(f.Value, `\*Cliquez ici\*`) {
				t.Errorf("%s: got field %q: %q, want the member's asterisks escaped", what, f.Name, f.Value)
			}
		}
	}
	if strings.Contains(text, "**Cliquez ici**") {
		t.Errorf("%s: got %q, want the member's goal not bold", what, text)
	}
	for _, g := range goals {
		escaped := strings.ReplaceAll(g, "`", "\\`")
		if !strings.Contains(text, escaped) {
			t.Errorf("%s: got %q, want the member's %s escaped (%s)", what, text, g, escaped)
		}
		if strings.Contains(strings.ReplaceAll(text, escaped, ""), g) {
			t.Errorf("%s: got %q, want no code span of the member's %s", what, text, g)
		}
	}
	for _, bad := range []string{"oublier", "réglages", "admin settings:"} {
		if strings.Contains(text, bad) {
			t.Errorf("%s: got %q, want the member's goals not rewritten (%q)", what, text, bad)
		}
	}
}

// TestDiscordMemberTextAsTyped: a trial's goals show as the member typed
// them, to a French mentor and an English mentee alike. "*Cliquez ici*"
// was bold as the value of the proposal's and the introduction's
// "Objectif" field (escaped only inside a line), and "`/mentor forget`"
// and "`/mentor admin settings`" were code spans, rewritten for the
// French mentor as "`/mentor oublier`" and "`/mentor admin réglages`",
// in the goals' DMs and /mentor status: the adapter took any backticks
// that held one of the catalog's commands for the catalog's own.
func TestDiscordMemberTextAsTyped(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	o := func(n string, v any) discordtest.Option { return discordtest.Option{Name: n, Value: v} }
	MustEphemeral(t, c.Send(t, discordtest.Command(testApp, h.Guild, mentor1, "offer", o("topics", "go"), o("languages", "fr,en")).WithLocale("fr")), "")
	MustEphemeral(t, c.Send(t, discordtest.Command(testApp, h.Guild, mentee, "request", o("topic", "go"),
		o("kind", "one-to-one"), o("goal", memtextBold)).WithLocale("en-US")), "")

	proposal := c.LastDM(t, mentor1)
	if !strings.Contains(proposal.Text(), "Objectif") {
		t.Fatalf("got proposal %q, want it in French, with the goal's field", proposal.Text())
	}
	memtextMustShowAsTyped(t, "proposal", proposal)

	MustUpdate(t, memtextClick(t, h, mentor1, "fr", proposal, bot.ActionProposalAccept), "")
	MustUpdate(t, memtextClick(t, h, mentee, "en-US", c.LastDM(t, mentee), bot.ActionCharterAccept), "")
	MustUpdate(t, memtextClick(t, h, mentor1, "fr", c.LastDM(t, mentor1), bot.ActionCharterAccept), "")
	intro, mentorIntro := c.LastDM(t, mentee), c.LastDM(t, mentor1)
	for what, m := range map[string]discordtest.Message{"mentee's introduction": intro, "mentor's introduction": mentorIntro} {
		if !strings.Contains(m.Text(), "Cliquez ici") {
			t.Fatalf("got %s %q, want the goal in it", what, m.Text())
		}
		memtextMustShowAsTyped(t, what, m)
	}

	form := memtextClick(t, h, mentee, "en-US", intro, bot.ActionGoalsOpen)
	saved := MustEphemeral(t, c.Submit(t, mentee, form, map[string]string{"first": memtextBold, "second": memtextForget, "third": memtextSetting}),
		"Your goals for your pair with")
	memtextMustShowAsTyped(t, "English goals saved", saved, memtextForget, memtextSetting)
	told := c.LastDM(t, mentor1)
	if !strings.Contains(told.Text(), "pas commencé") {
		t.Fatalf("got %q, want the mentor told the goals in French", told.Text())
	}
	memtextMustShowAsTyped(t, "French goals DM", told, memtextForget, memtextSetting)

	for _, s := range []struct{ user, locale, want string }{{mentor1, "fr", "pas commencé"}, {mentee, "en-US", "not started"}} {
		status := MustEphemeral(t, c.Send(t, discordtest.Command(testApp, h.Guild, s.user, "status").WithLocale(s.locale)), s.want)
		memtextMustShowAsTyped(t, s.locale+" status", status, memtextForget, memtextSetting)
	}

	// A check-in's menu is plain text: the goals' labels as typed.
	h.Clock.Advance(3*24*time.Hour + time.Minute)
	if _, err := h.Bot.TickTenants(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{mentor1, mentee} {
		checkin := c.LastDM(t, user)
		menus := checkin.Menus()
		if len(menus) != 1 {
			t.Fatalf("got %q with menus %+v, want the check-in's menu", checkin.Text(), menus)
		}
		var labels []string
		for _, opt := range menus[0].Options {
			labels = append(labels, opt.Label)
		}
		all := strings.Join(labels, "\n")
		for _, g := range []string{memtextBold, memtextForget, memtextSetting} {
			if !strings.Contains(all, g) {
				t.Errorf("got menu %q, want %s as typed", all, g)
			}
		}
		memtextMustShowAsTyped(t, "check-in", checkin, memtextForget, memtextSetting)
	}
}
