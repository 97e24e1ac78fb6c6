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

// manager administers the test server (Manage Server permission).
const manager = "300000000000000001"

// startCharter has mentor1 offer go, the mentee request it one-to-one and
// mentor1 accept: both are then sent the charter, version 1.
func startCharter(t *testing.T, h *Harness) {
	t.Helper()
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	MustEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"},
		discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
	MustUpdate(t, c.Click(t, mentor1, c.LastDM(t, mentor1), "proposal.accept"), "You accepted")
}

// TestCharterChangedAfterSent: in a Discord server, a charter's Accept
// button carries the version it showed. After a server manager sets a
// new charter, the old button records nothing: the DM is updated in place
// with the change told, the new text and a fresh Accept button, which
// accepts version 2.
func TestCharterChangedAfterSent(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	startCharter(t, h)
	mentorCharter, menteeCharter := c.LastDM(t, mentor1), c.LastDM(t, mentee)
	old, ok := mentorCharter.Button(bot.ActionCharterAccept)
	if !ok || !strings.HasPrefix(untagged(old.CustomID), "mb:"+h.Guild+":charter.accept:@"+mentor1+":") || !strings.HasSuffix(old.CustomID, ":1") || len(old.CustomID) > 100 {
		t.Fatalf("got buttons %+v, want Accept owned by the mentor, with version 1, in at most 100 characters", mentorCharter.Buttons())
	}

	const rule = "Rule one: always pay the mentor 100 dollars."
	set := discordtest.Command(testApp, h.Guild, manager, "admin charter",
		discordtest.Option{Name: "lang", Value: "en"}, discordtest.Option{Name: "text", Value: rule}).AsServerManager()
	MustEphemeral(t, c.Send(t, set), "The charter in English is now version 2.")

	// The mentor read version 1: nothing recorded, version 2 shown instead.
	r := c.Click(t, mentor1, mentorCharter, bot.ActionCharterAccept)
	if r.Type != discordtest.UpdateMessage || r.Data == nil {
		t.Fatalf("got response type %d, want the clicked DM updated (7)", r.Type)
	}
	for _, want := range []string{
		"The charter was updated after this message was sent, so nothing was recorded. Here is its current version.",
		"Before your pair on “go” becomes official", rule,
	} {
		if !strings.Contains(r.Data.Text(), want) {
			t.Errorf("got %q, want it to contain %q", r.Data.Text(), want)
		}
	}
	fresh := discordtest.Updated(mentorCharter, r)
	accept, ok := fresh.Button(bot.ActionCharterAccept)
	if _, decline := fresh.Button(bot.ActionCharterDecline); !ok || !decline || accept.CustomID != strings.TrimSuffix(untagged(old.CustomID), "1")+"2" {
		t.Fatalf("got buttons %+v, want a fresh Accept for version 2 and Decline", fresh.Buttons())
	}
	// The fresh button records version 2, and nothing was recorded before:
	// else it would say the mentor had answered already.
	MustUpdate(t, c.Click(t, mentor1, fresh, bot.ActionCharterAccept), "You accepted the charter (version 2)")
	MustEphemeral(t, c.Click(t, mentor1, mentorCharter, bot.ActionCharterAccept), "You have already answered for this pair")

	// The mentee's old button too; their fresh one makes the pair official.
	r = c.Click(t, mentee, menteeCharter, bot.ActionCharterAccept)
	if r.Type != discordtest.UpdateMessage || r.Data == nil || !strings.Contains(r.Data.Text(), "nothing was recorded") {
		t.Fatalf("got response type %d %+v, want the mentee's DM updated with version 2", r.Type, r.Data)
	}
	MustUpdate(t, c.Click(t, mentee, discordtest.Updated(menteeCharter, r), bot.ActionCharterAccept), "You accepted the charter (version 2)")
	if intro := c.LastDM(t, mentee); len(intro.Embeds) != 1 || !strings.HasPrefix(intro.Embeds[0].Title, "Introduction: go") {
		t.Fatalf("got %q as the mentee's last DM, want the introduction", intro.Text())
	}
}

// TestLowMidRatingOffersEnd: in a Discord server, a mid-program rating of
// 1 or 2 does not end the pair: the rater's DM is updated with "End this
// pair?". "No, keep it" goes on with the survey; "Yes, end the pair" ends
// it, and the other member is told it ended, without a word about the
// rating.
func TestLowMidRatingOffersEnd(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	startCharter(t, h)
	MustUpdate(t, c.Click(t, mentee, c.LastDM(t, mentee), bot.ActionCharterAccept), "waiting for")
	MustUpdate(t, c.Click(t, mentor1, c.LastDM(t, mentor1), bot.ActionCharterAccept), "both accepted")

	// They met: a pair that never met is asked for no rating halfway.
	h.Clock.Advance(3 * 24 * time.Hour)
	if _, err := h.Bot.TickTenants(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}); err != nil {
		t.Fatal(err)
	}
	c.Click(t, mentee, c.LastDM(t, mentee), bot.ActionCheckinYes)
	h.Clock.Advance(87 * 24 * time.Hour)
	if _, err := h.Bot.TickTenants(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}); err != nil {
		t.Fatal(err)
	}
	menteeSurvey, mentorSurvey := surveyDM(t, h, mentee), surveyDM(t, h, mentor1)
	mentorDMs := len(h.REST.DMs(mentor1))

	// The mentee rates 1, is offered to end, and keeps the pair.
	offer := mustEndOffer(t, menteeSurvey, c.ClickWith(t, mentee, menteeSurvey, ":rating:1"))
	kept := c.Click(t, mentee, offer, bot.ActionSurveyKeep)
	if kept.Type != discordtest.UpdateMessage || kept.Data == nil ||
		!strings.Contains(kept.Data.Text(), "Good: your pair on “go” goes on. Nothing was changed.") ||
		!strings.Contains(kept.Data.Text(), "answer your questions?") || len(kept.Data.Buttons()) == 0 {
		t.Fatalf("got response type %d %+v, want the pair kept and the survey's next question", kept.Type, kept.Data)
	}

	// The mentor rates 2, is offered to end, and ends the pair.
	offer = mustEndOffer(t, mentorSurvey, c.ClickWith(t, mentor1, mentorSurvey, ":rating:2"))
	MustUpdate(t, c.Click(t, mentor1, offer, bot.ActionSurveyEnd), "I've ended your pair with")
	var ended discordtest.Message
	h.REST.WaitFor(t, "the mentee told the pair ended", func() bool {
		for _, m := range h.REST.DMs(mentee) {
			if strings.Contains(m.Text(), " on “go” has ended") {
				ended = m
				return true
			}
		}
		return false
	})
	if !strings.Contains(ended.Text(), "Sorry it didn't work out. Would you like a new match on “go”?") {
		t.Errorf("got %q, want the mentee offered a new match", ended.Text())
	}
	for _, word := range []string{"rating", "rated", "survey", "score"} {
		if strings.Contains(strings.ToLower(ended.Text()), word) {
			t.Errorf("got %q, want no word about the rating (%q)", ended.Text(), word)
		}
	}
	for _, m := range h.REST.DMs(mentor1)[mentorDMs:] {
		if !strings.Contains(m.Text(), " on “go” has ended") {
			t.Errorf("got %q sent to the mentor, want only the pair's end", m.Text())
		}
	}
	MustEphemeral(t, c.Click(t, mentor1, offer, bot.ActionSurveyEnd), "This pair has already ended")
}

// surveyDM is the last DM user got with the survey's rating buttons.
func surveyDM(t *testing.T, h *Harness, user string) discordtest.Message {
	t.Helper()
	dms := h.REST.DMs(user)
	for i := len(dms) - 1; i >= 0; i-- {
		if _, ok := dms[i].ButtonWith(":rating:1"); ok {
			return dms[i]
		}
	}
	t.Fatalf("user %s got no survey among %d DMs", user, len(dms))
	return discordtest.Message{}
}

// mustEndOffer checks that r updates survey, the rated DM, with "End this
// pair?" and its two buttons, and returns the updated DM.
func mustEndOffer(t *testing.T, survey discordtest.Message, r discordtest.Response) discordtest.Message {
	t.Helper()
	if r.Type != discordtest.UpdateMessage || r.Data == nil || !strings.Contains(r.Data.Text(), "End this pair?") ||
		!strings.Contains(r.Data.Text(), "Would you like to end your pair with") {
		t.Fatalf("got response type %d %+v, want the survey updated with End this pair?", r.Type, r.Data)
	}
	var labels []string
	for _, b := range r.Data.Buttons() {
		labels = append(labels, b.Label)
	}
	if got := strings.Join(labels, " | "); got != "Yes, end the pair | No, keep it" {
		t.Fatalf("got buttons %q, want Yes, end the pair | No, keep it", got)
	}
	return discordtest.Updated(survey, r)
}
