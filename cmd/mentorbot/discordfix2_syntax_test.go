package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// TestDiscordFix2FrenchReaderSeesDiscordNames: through the whole bot, a
// French manager and member on Discord read what their client shows and
// what the core reads: the help's examples name the command in French
// (commande:propose, commande:réglages), which the core takes back; the
// pause's date error names the field jusqu-au; the topics' usage shows
// every way as a command with its fields; status gives one name of the
// languages' field; the digest schedule's hint asks for no quotes.
func TestDiscordFix2FrenchReaderSeesDiscordNames(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager := discordGuild(t)
	asManager := func(sub string, opts ...discordtest.Option) discordtest.Response {
		return c.Send(t, discordtest.Command(discordApp, w.Guild, manager, sub, opts...).AsServerManager().WithLocale("fr"))
	}
	asMember := func(sub string, opts ...discordtest.Option) discordtest.Response {
		return c.Send(t, discordtest.Command(discordApp, w.Guild, w.Mentee, sub, opts...).WithLocale("fr"))
	}
	opt := func(name string, v any) discordtest.Option { return discordtest.Option{Name: name, Value: v} }

	help := asMember("help", opt("command", "help"))
	discordEphemeral(t, help, "/mentor aide commande:propose")
	if got := help.Data.Text(); strings.Contains(got, "commande:offer") {
		t.Errorf("help's help: got %q, want commande:propose only", got)
	}
	one := asMember("help", opt("command", "propose"))
	discordEphemeral(t, one, "sujets")
	if len(one.Data.Embeds) == 0 || one.Data.Embeds[0].Title != "/mentor propose" {
		t.Errorf("help propose: got %+v, want the help of /mentor propose", one.Data.Embeds)
	}
	discordEphemeral(t, asManager("admin help", opt("command", "help")), "/mentor admin aide commande:réglages")
	discordEphemeral(t, asManager("admin help", opt("command", "réglages")), "horaire-bilan")

	pause := asMember("pause", opt("until", "n'importe quand"))
	discordEphemeral(t, pause, "`jusqu-au:10/01/2027`")
	if strings.Contains(pause.Data.Text(), "jusqu'au:") {
		t.Errorf("pause: got %q, want the field named jusqu-au", pause.Data.Text())
	}

	topics := asManager("admin topics", opt("action", "alias"))
	discordEphemeral(t, topics, "`/mentor admin sujets action:retirer alias:<alias>` ou `/mentor admin sujets action:lister`")
	if got := topics.Data.Text(); strings.Contains(got, "\u200b") || !strings.Contains(got, "`/mentor admin sujets action:alias alias:conduite de projet sujet:project management`") {
		t.Errorf("admin topics: got %q, want every command in named form, without zero-width spaces", got)
	}

	status := asMember("status")
	if got := status.Data.Text(); strings.Contains(got, "languages:") || !strings.Contains(got, "avec `langues:` dans une offre") {
		t.Errorf("status: got %q, want no English field name", got)
	}

	schedule := asManager("admin settings", opt("digest-schedule", "jamais"))
	discordEphemeral(t, schedule, "`horaire-bilan:lundi 9h`")
	if got := schedule.Data.Text(); strings.Contains(got, "guillemets") {
		t.Errorf("settings: got %q, want no quotes asked for in a field", got)
	}
}
