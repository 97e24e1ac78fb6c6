package slack_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// Members of the live workspace: a mentor, a mentee and a workspace admin.
const (
	uMentor  = "UCAROL"
	uMentee  = "UDAN"
	uManager = "UALICE"
)

// live is the real core on the in-memory store (the adapter's tests do
// not reach Redis: docs/architecture.md) behind the adapter, served over
// HTTP in front of the fake Slack, in a workspace of its own.
type live struct {
	*rig
	bot   *bot.Bot
	clock *bot.ManualClock
	team  string
	seq   int
}

func mustLive(tb testing.TB) *live {
	tb.Helper()
	team := "T" + strings.ToUpper(rand.Text()[:10])
	fake := MustFakeOf(tb, team)
	fake.AddUser(
		slackfake.User{ID: uMentor, Name: "carol", RealName: "Carol", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: uMentee, Name: "dan", RealName: "Dan", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: uManager, Name: "alice", RealName: "Alice", TZ: "Europe/Paris", Locale: "en-US", Admin: true},
	)
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	b := bot.New(bot.Config{}, inmem.New(clock.Now), clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	r := MustRigOn(tb, fake, b, func(o *slack.Options) { o.DirectoryRefresh = -1 })
	b.Register(slack.Platform, r.a)
	return &live{rig: r, bot: b, clock: clock, team: team}
}

// next is a fresh name for a trigger_id or a response_url: each
// delivery is its own, not a replay.
func (l *live) next() string {
	l.seq++
	return fmt.Sprintf("n%d", l.seq)
}

// run sends "/mentor text" as user and returns the reply posted to its
// response_url.
func (l *live) run(tb testing.TB, user, text string) slackfake.Call {
	tb.Helper()
	name := l.next()
	l.command(tb, slackfake.Command{Team: l.team, User: user, Text: text, ResponseURL: l.fake.ResponseURL(name), TriggerID: "tr-" + name})
	return l.fake.WaitCalls(tb, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, 5*time.Second)[0]
}

// dm waits for the DMs to user that carry a button for action, and
// returns the last.
func (l *live) dm(tb testing.TB, user, action string) slackfake.Call {
	tb.Helper()
	channel := l.fake.DM(l.team, user)
	got := l.fake.WaitCalls(tb, "chat.postMessage", 1, func(c slackfake.Call) bool {
		_, ok := button(c, action, "")
		return c.Get("channel") == channel && ok
	}, 5*time.Second)
	return got[len(got)-1]
}

// click clicks, as user, the first button for action whose value ends
// with suffix, on msg: a DM the bot posted (chat.postMessage), or the
// message a chat.update made of it. It returns the outcome: the
// chat.update of the clicked message, or the reply to the click's
// response_url.
func (l *live) click(tb testing.TB, user string, msg slackfake.Call, action, suffix string) slackfake.Call {
	tb.Helper()
	b, ok := button(msg, action, suffix)
	if !ok {
		tb.Fatalf("got buttons %+v, want %s with a value ending %q", msg.Buttons(), action, suffix)
	}
	channel, ts := msg.Get("channel"), msg.Get("ts")
	if msg.Method == "chat.postMessage" {
		ts = msg.TS()
	}
	name := l.next()
	start := time.Now()
	c := slackfake.Click{Team: l.team, User: user, Channel: channel, TS: ts, ResponseURL: l.fake.ResponseURL(name), TriggerID: "tr-" + name, Button: b}
	if status, body := l.post(tb, "/slack/interactions", time.Now(), c.Body()); status != 200 {
		tb.Fatalf("got %d %q, want 200", status, body)
	}
	return l.fake.WaitCalls(tb, "", 1, func(c slackfake.Call) bool {
		return c.Path == "/response/"+name || (c.Method == "chat.update" && c.Get("channel") == channel && c.Get("ts") == ts && !c.At.Before(start))
	}, 5*time.Second)[0]
}

// tick moves the core's clock by d and runs what fell due.
func (l *live) tick(tb testing.TB, d time.Duration) {
	tb.Helper()
	l.clock.Advance(d)
	if _, err := l.bot.TickTenants(context.Background(), bot.Tenant{Platform: slack.Platform, Workspace: l.team}); err != nil {
		tb.Fatal(err)
	}
}

// button is the first button of c for action (its action_id without the
// "#n" of a repeated one) whose value ends with suffix.
func button(c slackfake.Call, action, suffix string) (slackfake.Button, bool) {
	for _, b := range c.Buttons() {
		if id, _, _ := strings.Cut(b.ActionID, "#"); id == action && strings.HasSuffix(b.Value, suffix) {
			return b, true
		}
	}
	return slackfake.Button{}, false
}

func mustContain(tb testing.TB, c slackfake.Call, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(c.AllText(), w) {
			tb.Errorf("got %s %q, want it to contain %q", c.Method, c.AllText(), w)
		}
	}
}

// startCharter has the mentor offer go, the mentee request it
// one-to-one and the mentor accept: both are sent the charter.
func (l *live) startCharter(t *testing.T) {
	t.Helper()
	mustContain(t, l.run(t, uMentor, "offer go"), "go")
	mustContain(t, l.run(t, uMentee, "request go kind:one-to-one"), "asked a mentor")
	mustContain(t, l.click(t, uMentor, l.dm(t, uMentor, bot.ActionProposalAccept), bot.ActionProposalAccept, ""), "You accepted")
}

// TestCharterChangedAfterSent: in Slack, a charter's Accept button
// carries the version it showed. After a workspace admin sets a new
// charter, the old button records nothing: the DM is replaced
// (chat.update) by the change told, the new text and a fresh Accept
// button, which accepts version 2.
func TestCharterChangedAfterSent(t *testing.T) {
	l := mustLive(t)
	l.startCharter(t)
	mentorCharter, menteeCharter := l.dm(t, uMentor, bot.ActionCharterAccept), l.dm(t, uMentee, bot.ActionCharterAccept)
	old, _ := button(mentorCharter, bot.ActionCharterAccept, "")
	if !strings.HasPrefix(old.Value, "@"+uMentor+":") || !strings.HasSuffix(old.Value, ":1") {
		t.Fatalf("got Accept value %q, want the mentor's, with version 1", old.Value)
	}

	const rule = "Rule one: always pay the mentor 100 dollars."
	mustContain(t, l.run(t, uManager, "admin charter lang:en text:"+rule), "The charter in English is now version 2.")

	// The mentor read version 1: nothing recorded, version 2 shown instead.
	changed := l.click(t, uMentor, mentorCharter, bot.ActionCharterAccept, ":1")
	if changed.Method != "chat.update" {
		t.Fatalf("got %s %q, want the clicked DM replaced", changed.Method, changed.AllText())
	}
	mustContain(t, changed, "The charter was updated after this message was sent, so nothing was recorded. Here is its current version.",
		"Before your pair on “go” becomes official", rule)
	if b, ok := button(changed, bot.ActionCharterAccept, ""); !ok || b.Value != strings.TrimSuffix(old.Value, "1")+"2" {
		t.Fatalf("got buttons %+v, want a fresh Accept for version 2", changed.Buttons())
	}
	if _, ok := button(changed, bot.ActionCharterDecline, ""); !ok {
		t.Fatalf("got buttons %+v, want Decline too", changed.Buttons())
	}
	// The fresh button records version 2, and nothing was recorded before:
	// else it would say the mentor had answered already.
	mustContain(t, l.click(t, uMentor, changed, bot.ActionCharterAccept, ":2"), "You accepted the charter (version 2)", "Now waiting for Dan")
	again := l.click(t, uMentor, mentorCharter, bot.ActionCharterAccept, ":1")
	if again.Method != "response_url" {
		t.Fatalf("got %s, want an ephemeral reply", again.Method)
	}
	mustContain(t, again, "You have already answered for this pair")

	// The mentee's old button too; their fresh one makes the pair official.
	changed = l.click(t, uMentee, menteeCharter, bot.ActionCharterAccept, ":1")
	mustContain(t, changed, "nothing was recorded", rule)
	mustContain(t, l.click(t, uMentee, changed, bot.ActionCharterAccept, ":2"), "You accepted the charter (version 2)", "You both accepted")
}

// TestLowMidRatingOffersEnd: in Slack, a mid-program rating of 1 or 2
// does not end the pair: the rater's DM is replaced by "End this pair?".
// "No, keep it" goes on with the survey; "Yes, end the pair" ends it, and
// the other member is told it ended, without a word about the rating.
func TestLowMidRatingOffersEnd(t *testing.T) {
	l := mustLive(t)
	l.startCharter(t)
	mustContain(t, l.click(t, uMentee, l.dm(t, uMentee, bot.ActionCharterAccept), bot.ActionCharterAccept, ""), "Now waiting for Carol")
	mustContain(t, l.click(t, uMentor, l.dm(t, uMentor, bot.ActionCharterAccept), bot.ActionCharterAccept, ""), "You both accepted")

	// They met: a pair that never met is asked for no rating halfway.
	l.tick(t, 3*24*time.Hour)
	l.click(t, uMentee, l.dm(t, uMentee, bot.ActionCheckinYes), bot.ActionCheckinYes, "")
	l.tick(t, 87*24*time.Hour)
	menteeSurvey, mentorSurvey := l.dm(t, uMentee, bot.ActionSurveyAnswer), l.dm(t, uMentor, bot.ActionSurveyAnswer)
	mentorDM := l.fake.DM(l.team, uMentor)
	mentorPosts := len(l.posts(mentorDM))

	// The mentee rates 1, is offered to end, and keeps the pair.
	offer := mustEndOffer(t, l.click(t, uMentee, menteeSurvey, bot.ActionSurveyAnswer, ":rating:1"))
	kept := l.click(t, uMentee, offer, bot.ActionSurveyKeep, "")
	if kept.Method != "chat.update" || len(kept.Buttons()) == 0 {
		t.Fatalf("got %s %q, want the offer replaced by the survey's next question", kept.Method, kept.AllText())
	}
	mustContain(t, kept, "Good: your pair on “go” goes on. Nothing was changed.", "Did Carol answer your questions?")

	// The mentor rates 2, is offered to end, and ends the pair.
	offer = mustEndOffer(t, l.click(t, uMentor, mentorSurvey, bot.ActionSurveyAnswer, ":rating:2"))
	mustContain(t, l.click(t, uMentor, offer, bot.ActionSurveyEnd, ""), "I've ended your pair with")
	menteeDM := l.fake.DM(l.team, uMentee)
	ended := l.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool {
		return c.Get("channel") == menteeDM && strings.Contains(c.AllText(), " on “go” has ended")
	}, 5*time.Second)[0]
	mustContain(t, ended, "Sorry it didn't work out. Would you like a new match on “go”?")
	for _, word := range []string{"rating", "rated", "survey", "score"} {
		if strings.Contains(strings.ToLower(ended.AllText()), word) {
			t.Errorf("got %q, want no word about the rating (%q)", ended.AllText(), word)
		}
	}
	for _, c := range l.posts(mentorDM)[mentorPosts:] {
		if !strings.Contains(c.AllText(), " on “go” has ended") {
			t.Errorf("got %q posted to the mentor, want only the pair's end", c.AllText())
		}
	}
	again := l.click(t, uMentor, offer, bot.ActionSurveyEnd, "")
	if again.Method != "response_url" {
		t.Fatalf("got %s, want an ephemeral reply", again.Method)
	}
	mustContain(t, again, "This pair has already ended")
}

// posts are the messages posted to channel.
func (l *live) posts(channel string) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range l.fake.Calls("chat.postMessage") {
		if c.Get("channel") == channel {
			out = append(out, c)
		}
	}
	return out
}

// mustEndOffer checks that a rating's outcome replaced the survey with
// "End this pair?" and its two buttons.
func mustEndOffer(t *testing.T, c slackfake.Call) slackfake.Call {
	t.Helper()
	if c.Method != "chat.update" {
		t.Fatalf("got %s %q, want the rated survey replaced", c.Method, c.AllText())
	}
	mustContain(t, c, "End this pair?", "Would you like to end your pair with")
	var labels []string
	for _, b := range c.Buttons() {
		labels = append(labels, b.Text)
	}
	if got := strings.Join(labels, " | "); got != "Yes, end the pair | No, keep it" {
		t.Fatalf("got buttons %q, want Yes, end the pair | No, keep it", got)
	}
	return c
}
