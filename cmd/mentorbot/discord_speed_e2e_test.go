package main_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// discordEvents is the channel where an event's registration goes.
const discordEvents = "777000000000000002"

// TestDiscordSpeedEvent plays a 2-round speed-mentoring event on Discord:
// a manager opens it, members register with the buttons of the message in
// the channel (in their client's language, a double click answered
// politely), each round's room is a private thread of the intro channel
// with the video link, the mentee left out of round 1 is told why and
// paired in round 2, and two "Yes, continue" after round 1 form a pair
// that starts with the charter, while a foreign click is refused.
func TestDiscordSpeedEvent(t *testing.T) {
	w := MustStartDiscord(t, true, func(c *main.DiscordConfig) { c.IntroChannelID = discordIntro })
	c := w.Client
	manager, other := discordGuild(t), discordGuild(t)
	open := discordtest.Command(discordApp, w.Guild, manager, "admin event",
		discordtest.Option{Name: "name", Value: "Speed test"}, discordtest.Option{Name: "rounds", Value: 2},
		discordtest.Option{Name: "minutes", Value: 15}, discordtest.Option{Name: "start", Value: "2026-03-02T10:00"},
		discordtest.Option{Name: "channel", Value: "<#" + discordEvents + ">"}).AsServerManager()
	discordEphemeral(t, c.Send(t, open), "The event “Speed test” is open")
	posts := w.REST.Messages(discordEvents)
	if len(posts) != 1 || posts[0].Embeds[0].Title != "Speed mentoring: Speed test" || len(posts[0].Buttons()) != 3 {
		t.Fatalf("got %+v, want the registration message in the channel", posts)
	}
	reg := posts[0]
	register := func(user, action, locale, want string) {
		t.Helper()
		b, ok := reg.Button(action)
		if !ok {
			t.Fatalf("no %s button: %+v", action, reg.Buttons())
		}
		p := discordtest.ClickInChannel(discordApp, w.Guild, user, discordEvents, reg.ID, b.CustomID)
		if locale != "" {
			p = p.WithLocale(locale)
		}
		discordEphemeral(t, c.Send(t, p), want)
	}
	// Mentor1 speaks both languages: the other mentee, whose first click
	// records them reading French, can meet them.
	discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}, discordtest.Option{Name: "languages", Value: "en, fr"}), "mentor for: go")
	register(w.Mentor1, bot.ActionSpeedMentor, "", "You are registered for “Speed test” as a mentor.")
	register(w.Mentee, bot.ActionSpeedMentee, "", "You are registered for “Speed test” as a mentee.")
	register(other, bot.ActionSpeedMentee, "fr", "Votre inscription à «\u202fSpeed test\u202f» comme personne mentorée est enregistrée.")
	register(w.Mentor1, bot.ActionSpeedMentor, "", "You are already registered for “Speed test” as a mentor.")
	register(other, bot.ActionSpeedMentor, "fr", "Vous participez à «\u202fSpeed test\u202f» comme personne mentorée. Pour y participer plutôt comme mentor")
	if n := len(w.REST.CallsTo("PATCH ")); n != 0 {
		t.Errorf("got %d edits, want the registration message left as it is for everyone", n)
	}

	tick := func(d time.Duration) {
		t.Helper()
		w.Main.Clock.(*bot.ManualClock).Advance(d)
		if _, err := w.Main.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "discord", Workspace: w.Guild}); err != nil {
			t.Fatalf("tick: %v", err)
		}
	}
	tick(time.Hour)
	threads := w.REST.Threads()
	if len(threads) != 1 || threads[0].Parent != discordIntro || len(threads[0].Members) != 2 {
		t.Fatalf("got threads %+v, want one private thread for round 1", threads)
	}
	first := threads[0].Members[1]
	if threads[0].Members[0] != w.Mentor1 {
		first = threads[0].Members[0]
	}
	room := w.REST.Messages(threads[0].ID)
	if len(room) != 1 || !strings.Contains(fmt.Sprint(room[0].Components), "https://meet.jit.si/mentorbot-") || !strings.Contains(room[0].Text(), "round 1 of 2") {
		t.Fatalf("got %+v, want the room with its video link", room)
	}
	second := other
	if first == other {
		second = w.Mentee
	}
	if sat := c.LastDM(t, second); !strings.Contains(sat.Text(), "round 1") && !strings.Contains(sat.Text(), "tour 1") {
		t.Fatalf("got %q, want why %s sits out", sat.Text(), second)
	}

	tick(15 * time.Minute)
	if threads := w.REST.Threads(); len(threads) != 2 || !contains(threads[1].Members, second) {
		t.Fatalf("got threads %+v, want round 2 with %s", threads, second)
	}
	asked := func(user string) discordtest.Message {
		t.Helper()
		for _, m := range w.REST.DMs(user) {
			if _, ok := m.Button(bot.ActionSpeedContinue); ok {
				return m
			}
		}
		t.Fatalf("%s was not asked to continue", user)
		return discordtest.Message{}
	}
	askMentor, askFirst := asked(w.Mentor1), asked(first)
	t.Run("ForeignClickIsRefused", func(t *testing.T) {
		b, _ := askMentor.Button(bot.ActionSpeedContinue)
		if len(b.CustomID) > 100 {
			t.Fatalf("custom_id %q is over 100 characters", b.CustomID)
		}
		r := c.Send(t, discordtest.Click(discordApp, second, askMentor.ChannelID, askMentor.ID, b.CustomID))
		if r.Type != discordtest.ChannelMessage || r.Data == nil || !strings.Contains(r.Data.Text(), "someone else") && !strings.Contains(r.Data.Text(), "quelqu'un d'autre") {
			t.Fatalf("got %d %+v, want the click refused", r.Type, r.Data)
		}
	})
	discordUpdated(t, c.Click(t, first, askFirst, bot.ActionSpeedContinue), "")
	discordUpdated(t, c.Click(t, w.Mentor1, askMentor, bot.ActionSpeedContinue), "wants to continue too")
	for _, u := range []string{w.Mentor1, first} {
		found := false
		for _, m := range w.REST.DMs(u) {
			if _, ok := m.Button(bot.ActionCharterAccept); ok {
				found = true
			}
		}
		if !found {
			t.Errorf("%s got no charter", u)
		}
	}
	discordChecks(t, w)
}
