package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordFixEventsChannelLinkedOnce: two speed-mentoring events in
// the same channel are listed each with a link to it, <#ID>, never
// wrapped twice (<<#ID>>).
func TestDiscordFixEventsChannelLinkedOnce(t *testing.T) {
	w := MustStartDiscord(t, true)
	_, asManager := discordManager(t, w)
	for _, name := range []string{"Soirée", "Matinée"} {
		discordEphemeral(t, asManager("admin event", discordtest.Option{Name: "name", Value: name},
			discordtest.Option{Name: "rounds", Value: 2}, discordtest.Option{Name: "minutes", Value: 15},
			discordtest.Option{Name: "start", Value: "2026-03-12T18:30"}, discordtest.Option{Name: "channel", Value: "<#" + discordEvents + ">"}), name)
	}
	r := asManager("admin events")
	discordEphemeral(t, r, "Matinée")
	got := r.Data.Text()
	if strings.Contains(got, "<<#") || strings.Count(got, "<#"+discordEvents+">") != 2 {
		t.Errorf("got %q, want each event's channel linked once, as <#%s>", got, discordEvents)
	}
}

// TestDiscordFixFrenchCommandsShown: on Discord, a French manager and a
// French member read the commands as their client has them: the
// subcommands' French names, each value after its field's name. The
// call for mentors shows its example with the topics in "sujets:", not
// typed where a member would put them into the topics with the program.
func TestDiscordFixFrenchCommandsShown(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager := discordGuild(t)
	asManager := func(sub string, opts ...discordtest.Option) discordtest.Response {
		return c.Send(t, discordtest.Command(discordApp, w.Guild, manager, sub, opts...).AsServerManager().WithLocale("fr"))
	}
	discordEphemeral(t, asManager("admin program", discordtest.Option{Name: "action", Value: `créer "Mentorat 2027"`},
		discordtest.Option{Name: "start", Value: "2027-01-15"}, discordtest.Option{Name: "end", Value: "2027-06-30"}), "créé")
	discordEphemeral(t, asManager("admin announce", discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"},
		discordtest.Option{Name: "program", Value: "mentorat-2027"}, discordtest.Option{Name: "lang", Value: "fr"}), "publié")
	posts := w.REST.Messages(discordAnnounce)
	if len(posts) == 0 {
		t.Fatal("no call for mentors posted")
	}
	post := posts[len(posts)-1].Text()
	if !strings.Contains(post, "`/mentor propose sujets:go, reconversion programme:mentorat-2027`") || strings.Contains(post, "`/mentor offer go") {
		t.Errorf("got %q, want the example in Discord's shape, in French", post)
	}
	help := c.Send(t, discordtest.Command(discordApp, w.Guild, w.Mentee, "help").WithLocale("fr"))
	discordEphemeral(t, help, bot.T(bot.French, "help.example")+" /mentor propose sujets:go, kubernetes")
	if got := help.Data.Text(); strings.Contains(got, "/mentor offer") || strings.Contains(got, "se tapent aussi en français") {
		t.Errorf("got %q, want the French help without the English subcommands nor typed French words", got)
	}
}
