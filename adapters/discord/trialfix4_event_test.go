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

const (
	f4Mgr      = "300000000000000009"
	f4MentorFr = "110000000000000001"
	f4MentorEn = "110000000000000002"
	f4MenteeEn = "210000000000000002"
	f4Chan     = "555000000000000123"
)

// f4 drives a French server: commands and clicks as its members, with
// their clients' locales.
type f4 struct {
	t *testing.T
	h *Harness
}

func (z f4) cmd(user, locale, sub string, opts ...discordtest.Option) discordtest.Response {
	z.t.Helper()
	p := discordtest.Command(testApp, z.h.Guild, user, sub, opts...).WithLocale(locale)
	if user == f4Mgr {
		p = p.AsServerManager()
	}
	return z.h.Client.Send(z.t, p)
}

func (z f4) click(user, locale string, msg discordtest.Message, part string) discordtest.Response {
	z.t.Helper()
	b, ok := msg.ButtonWith(part)
	if !ok {
		z.t.Fatalf("no button %s among %+v", part, msg.Buttons())
	}
	p := discordtest.ClickInChannel(testApp, z.h.Guild, user, msg.ChannelID, msg.ID, b.CustomID).WithLocale(locale)
	if user == f4Mgr {
		p = p.AsServerManager()
	}
	return z.h.Client.Send(z.t, p)
}

func (z f4) tick(d time.Duration) {
	z.t.Helper()
	z.h.Clock.Advance(d)
	if _, err := z.h.Bot.TickTenants(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: z.h.Guild}); err != nil {
		z.t.Fatal(err)
	}
}

func (z f4) dmText(user string) string {
	var b strings.Builder
	for _, m := range z.h.REST.DMs(user) {
		b.WriteString(m.Content + "\n")
		for _, e := range m.Embeds {
			b.WriteString(e.Title + "\n" + e.Description + "\n")
		}
	}
	return b.String()
}

// TestDiscordFix4EventNewcomerLocale: in a French server, an English
// member whose first contact is the event's button is written to in
// English afterwards, and paired with the English-only mentor.
func TestDiscordFix4EventNewcomerLocale(t *testing.T) {
	z := f4{t, MustHarness(t)}
	z.h.REST.SetChannelGuild(f4Chan, z.h.Guild)
	z.cmd(f4Mgr, "fr", "admin settings", discordtest.Option{Name: "default-lang", Value: "fr"})
	z.cmd(f4MentorFr, "fr", "offer", discordtest.Option{Name: "topics", Value: "go"}, discordtest.Option{Name: "languages", Value: "fr"})
	z.cmd(f4MentorEn, "en-US", "offer", discordtest.Option{Name: "topics", Value: "python"}, discordtest.Option{Name: "languages", Value: "en"})
	z.cmd(f4Mgr, "fr", "admin event", discordtest.Option{Name: "name", Value: "Soirée"}, discordtest.Option{Name: "rounds", Value: 2},
		discordtest.Option{Name: "minutes", Value: 15}, discordtest.Option{Name: "start", Value: "2 mars 2026 à 18 h 30"}, discordtest.Option{Name: "channel", Value: f4Chan})
	msgs := z.h.REST.Messages(f4Chan)
	if len(msgs) != 1 {
		t.Fatalf("got %d messages in the channel, want the registration", len(msgs))
	}
	reg := msgs[0]
	z.click(f4MentorFr, "fr", reg, "speed.mentor")
	z.click(f4MentorEn, "en-US", reg, "speed.mentor")
	r := z.click(f4MenteeEn, "en-US", reg, "speed.mentee")
	if r.Data == nil || !strings.Contains(r.Data.Content, "registered") {
		t.Fatalf("got %+v, want an English reply", r.Data)
	}
	z.tick(9*time.Hour + 30*time.Minute)
	got := z.dmText(f4MenteeEn)
	if !strings.Contains(got, "round 1 of 2") || !strings.Contains(got, "<@"+f4MentorEn+">") || strings.Contains(got, "Vous ne participez pas") {
		t.Errorf("got MenteeEN's DMs %q, want round 1 in English, with the English mentor", got)
	}
	if en := z.dmText(f4MentorEn); strings.Contains(en, "No mentee for you") {
		t.Errorf("got MentorEN's DMs %q, want a session", en)
	}
}

// TestDiscordFix4RegistrationClosed: a cancelled event's registration
// message is edited: its buttons go, and it says the event is cancelled.
func TestDiscordFix4RegistrationClosed(t *testing.T) {
	z := f4{t, MustHarness(t)}
	z.h.REST.SetChannelGuild(f4Chan, z.h.Guild)
	z.cmd(f4Mgr, "fr", "admin settings", discordtest.Option{Name: "default-lang", Value: "fr"})
	z.cmd(f4Mgr, "fr", "admin event", discordtest.Option{Name: "name", Value: "Soirée flash"}, discordtest.Option{Name: "rounds", Value: 3},
		discordtest.Option{Name: "minutes", Value: 10}, discordtest.Option{Name: "start", Value: "le 10 mars à 18:30"}, discordtest.Option{Name: "channel", Value: f4Chan})
	reg := z.h.REST.Messages(f4Chan)[0]
	r := z.cmd(f4Mgr, "fr", "admin events", discordtest.Option{Name: "action", Value: "annuler Soirée flash"})
	if r.Data == nil {
		t.Fatal("no answer to the cancellation")
	}
	m := *r.Data
	m.ChannelID, m.ID = f4Chan, "4242"
	z.click(f4Mgr, "fr", m, "admin.speed.cancel")
	z.tick(time.Minute)
	edits := z.h.REST.MessageEdits(f4Chan, reg.ID)
	if len(edits) != 1 {
		t.Fatalf("got %d edits of the registration message, want 1", len(edits))
	}
	e := edits[0]
	if len(e.Buttons()) != 0 || e.Components == nil {
		t.Errorf("got buttons %+v, want none", e.Buttons())
	}
	var text string
	for _, em := range e.Embeds {
		text += em.Title + "\n" + em.Description
	}
	text += e.Content
	if !strings.Contains(text, "Cet événement est annulé\u202f: les inscriptions sont closes.") || !strings.Contains(text, "Soirée flash") {
		t.Errorf("got %q, want the event, cancelled", text)
	}
}

// TestDiscordFix4Descriptions: admin needs has an action field whose
// choices are send and results, its program needs no quotes; admin
// event's start asks for a date and a time; admin program's action
// lists the verbs as the command's summary writes them.
func TestDiscordFix4Descriptions(t *testing.T) {
	root := MustCommands(t, bot.New(bot.Config{}, nil, nil, nil, nil).Commands())
	admin, _ := root.option("admin")
	needs, _ := admin.option("needs")
	action, ok := needs.option("action")
	if !ok || len(action.ChoicesField) != 2 || action.ChoicesField[1].Value != "results" || action.ChoicesField[1].LocalName["fr"] != "résultats" {
		t.Errorf("got admin needs action %+v, want choices send and results", action)
	}
	program, _ := needs.option("program")
	for _, d := range []string{program.Description, program.Localized["fr"]} {
		if strings.Contains(d, "quote") || strings.Contains(d, "guillemets") {
			t.Errorf("got admin needs program described as %q, want no quotes", d)
		}
	}
	event, _ := admin.option("event")
	start, _ := event.option("start")
	if !strings.Contains(start.Description, "date and time") || !strings.Contains(start.Localized["fr"], "date et l'heure") {
		t.Errorf("got admin event start described as %q / %q, want a date and a time", start.Description, start.Localized["fr"])
	}
	prog, _ := admin.option("program")
	pa, _ := prog.option("action")
	if !strings.Contains(pa.Localized["fr"], "créer, lister, voir ou clore") {
		t.Errorf("got admin program action described as %q", pa.Localized["fr"])
	}
}

// TestDiscordFix4NeedsResultsHint: on Discord, the hint after posting the
// needs survey names the results with the command's fields.
func TestDiscordFix4NeedsResultsHint(t *testing.T) {
	got := discord.ShowIn(bot.French, bot.T(bot.French, "needs.results_how.discord", "program", "Mentorat 2027"))
	if !strings.Contains(got, "`/mentor admin besoins programme:Mentorat 2027 action:résultats`") {
		t.Errorf("got %q", got)
	}
	got = discord.ShowIn(bot.English, bot.T(bot.English, "needs.results_how.discord", "program", "Mentorat 2027"))
	if !strings.Contains(got, "`/mentor admin needs program:Mentorat 2027 action:results`") {
		t.Errorf("got %q", got)
	}
}
