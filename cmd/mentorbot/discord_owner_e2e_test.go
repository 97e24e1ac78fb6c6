package main_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordButtonOwner: on Discord, a click on a button sent to the
// other member of one's pair (the charter, the check-in, the confirmation
// of /mentor end) gets an ephemeral “meant for someone else” and leaves
// the clicked message as it was; its own member's click still works.
// /mentor end is registered with its option.
func TestDiscordButtonOwner(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	mentor, mentee := w.Mentor1, w.Mentee
	refused := func(t *testing.T, r discordtest.Response) {
		t.Helper()
		discordEphemeral(t, r, bot.T(bot.English, "err.not_your_button"))
	}

	discordEphemeral(t, c.Command(t, mentor, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
	discordEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
	discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionProposalAccept), "You accepted")
	charterMentor, charterMentee := c.LastDM(t, mentor), c.LastDM(t, mentee)

	t.Run("Charter", func(t *testing.T) {
		refused(t, c.Click(t, mentee, charterMentor, bot.ActionCharterAccept))
		discordUpdated(t, c.Click(t, mentor, charterMentor, bot.ActionCharterAccept), "waiting for")
		discordUpdated(t, c.Click(t, mentee, charterMentee, bot.ActionCharterAccept), "both accepted")
	})
	t.Run("Checkin", func(t *testing.T) {
		w.Main.Clock.(*bot.ManualClock).Advance(3*24*time.Hour + time.Hour)
		discordTick(t, w)
		checkin := c.LastDM(t, mentor)
		refused(t, c.Click(t, mentee, checkin, bot.ActionCheckinStop))
		discordUpdated(t, c.Click(t, mentor, checkin, bot.ActionCheckinYes), "Great, thanks")
	})
	t.Run("End", func(t *testing.T) {
		r := c.Command(t, mentee, "end")
		discordEphemeral(t, r, "Are you sure you want to end your pair with")
		b, ok := r.Data.Button(bot.ActionEndConfirm)
		if !ok {
			t.Fatalf("got buttons %+v, want the confirmation's", r.Data.Buttons())
		}
		click := func(user string) discordtest.Payload {
			return discordtest.ClickInChannel(discordApp, w.Guild, user, discordCommandChannel, discordGuild(t), b.CustomID)
		}
		refused(t, c.Send(t, click(mentor)))
		if res := c.Send(t, click(mentee)); res.Data == nil || !strings.Contains(res.Data.Text(), "I've ended your pair with") {
			t.Fatalf("got %d %+v, want the pair ended", res.Type, res.Data)
		}
		if _, ok := c.LastDM(t, mentor).Button(bot.ActionNewMatchYes); !ok {
			t.Fatalf("got no new-match question for the mentor")
		}
	})
	t.Run("Registered", func(t *testing.T) {
		regs := w.REST.Registrations()
		if len(regs) != 1 || !bytes.Contains(regs[0].Commands, []byte(`"name":"end"`)) || !bytes.Contains(regs[0].Commands, []byte(`"name":"pair"`)) {
			t.Errorf("got %s, want /mentor end with its option", regs[0].Commands)
		}
	})
	discordChecks(t, w)
}
