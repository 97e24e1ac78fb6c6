package main_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordTestimonial plays the end of a flash session on Discord, the
// mentee reading French: the survey's last answer offers "Write a
// testimonial", whose click opens a modal from the DM; an oversized
// sentence is refused; the sentence submitted, the consent buttons come
// ephemerally, and a click replaces them (a second one says it replaced
// the first); the manager lists the quotes and gets the Markdown by DM.
func TestDiscordTestimonial(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	pair := playDiscordFlow(t, w)
	mentor, mentee := pair[0], pair[1]
	discordEphemeral(t, c.Command(t, mentee, "lang", discordtest.Option{Name: "lang", Value: "fr"}), "français")
	clock := w.Main.Clock.(*bot.ManualClock)
	clock.Advance(3*24*time.Hour + time.Hour)
	discordTick(t, w)
	c.Click(t, mentee, c.LastDM(t, mentee), bot.ActionCheckinYes)
	discordTick(t, w)

	answer := func(user string, parts ...string) discordtest.Message {
		t.Helper()
		survey := c.LastDM(t, user)
		for _, p := range parts {
			survey = discordtest.Updated(survey, c.ClickWith(t, user, survey, p))
		}
		return survey
	}
	end := answer(mentee, ":rating:5", ":answered:yes", ":become:yes")
	if !strings.Contains(end.Text(), bot.T(bot.French, "testimonial.ask", "topic", "go")) {
		t.Fatalf("got %q, want the testimonial asked in French", end.Text())
	}
	mentorEnd := answer(mentor, ":rating:4", ":again:yes")

	// write opens the form from the DM's button and submits sentence.
	write := func(user string, end discordtest.Message, sentence string) discordtest.Response {
		t.Helper()
		form := c.Click(t, user, end, bot.ActionTestimonialWrite)
		if form.Type != discordtest.Modal || !strings.HasPrefix(form.Data.CustomID, "mb:"+w.Guild+":form:testimonial?pair=") || len(form.Data.Inputs()) != 1 {
			t.Fatalf("got %d %+v, want the testimonial form opened from the DM", form.Type, form.Data)
		}
		return c.Send(t, discordtest.Submit(discordApp, w.Guild, user, form.Data.CustomID, map[string]string{"sentence": sentence}).WithoutGuild())
	}
	discordEphemeral(t, write(mentee, end, strings.Repeat("x", bot.MaxTestimonialLen+1)), "300 caractères au maximum")
	consent := write(mentee, end, "Merci pour tout, vraiment "+discordHostile)
	discordEphemeral(t, consent, bot.T(bot.French, "testimonial.saved", "topic", "go"))
	share := func(user string, r discordtest.Response, choice string) discordtest.Response {
		t.Helper()
		b, ok := r.Data.ButtonWith(":" + choice)
		if !ok {
			t.Fatalf("got buttons %+v, want the %s consent", r.Data.Buttons(), choice)
		}
		return c.Send(t, discordtest.Click(discordApp, user, w.REST.DMChannel(user), "ephemeral", b.CustomID))
	}
	r := share(mentee, consent, bot.ShareAnonymous)
	if r.Type != discordtest.UpdateMessage || !strings.Contains(r.Data.Text(), "sans votre nom") || len(r.Data.Buttons()) != 3 {
		t.Fatalf("got %d %+v, want the question replaced, its buttons kept", r.Type, r.Data)
	}
	if r = share(mentee, consent, bot.ShareName); !strings.Contains(r.Data.Text(), "Votre nouvelle réponse remplace la précédente.") {
		t.Fatalf("got %q, want the change said", r.Data.Text())
	}
	share(mentor, write(mentor, mentorEnd, "A pleasure."), bot.ShareName)

	manager := discordGuild(t)
	list := c.Send(t, discordtest.Command(discordApp, w.Guild, manager, "admin testimonials").AsServerManager())
	discordEphemeral(t, list, "2 testimonials you may share")
	if got := list.Data.Text(); !strings.Contains(got, ", mentee (go)") || !strings.Contains(got, ", mentor (go)") || strings.Contains(got, "— a ") {
		t.Fatalf("got %q, want both quotes signed with a first name", got)
	}
	md := c.Send(t, discordtest.Command(discordApp, w.Guild, manager, "admin testimonials", discordtest.Option{Name: "format", Value: "markdown"}).AsServerManager())
	discordEphemeral(t, md, "on their way")
	dms := w.REST.DMs(manager)
	if len(dms) != 1 || len(dms[0].Files) != 1 || !strings.HasSuffix(dms[0].Files[0].Name, ".md") {
		t.Fatalf("got %+v, want the Markdown by DM", dms)
	}
	discordEphemeral(t, c.Command(t, mentee, "admin testimonials"), "seuls les responsables")
	discordChecks(t, w)
}
