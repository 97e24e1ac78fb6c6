package main_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestSlackHome opens the App Home tab with a real signed app_home_opened
// event, checks the views.publish payload against Block Kit's limits (the
// fake refuses a view that breaks one), clicks the home's buttons from the
// tab (block_actions from a view: no channel, no response_url), and sees
// the home published again after each change, to those who opened it only.
func TestSlackHome(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { testHome(t, MustStartSlack(t, quickHome)) })
	t.Run("SocketMode", func(t *testing.T) { testHome(t, MustStartSlackSocket(t, quickHome)) })
}

// quickHome publishes homes 20 ms after a change instead of 2 s.
func quickHome(m *main.Main, _ *slackfake.Server) {
	m.SlackOptions = func(o *slackadapter.Options) {
		fastOptions(o)
		o.HomeDelay = 20 * time.Millisecond
	}
}

func testHome(t *testing.T, w *world) {
	// Alice opens her home: an empty one, with the buttons to start.
	home := w.openHome(alice)
	MustContain(t, home, en("status.no_offer"), en("status.no_request"), en("status.no_pairs"))
	mustButtons(t, home, "offer.open", "home.request", "home.profile")

	// Bob offers before he ever opens his home: nothing is published to him.
	MustContain(t, w.MustCommand(bob, "offer go"), en("offer.saved", "topics", "go"))
	time.Sleep(5 * 20 * time.Millisecond) // well past HomeDelay: a refresh would be out
	if n := w.publishes(bob); n != 0 {
		t.Fatalf("got %d views.publish to Bob, want none before he opened his home", n)
	}
	home = w.openHome(bob)
	MustContain(t, home, en("status.offer", "topics", "go", "state", en("status.offer_open")))

	// Pause from the home tab: the reply comes as a DM, the home follows.
	w.homeClick(bob, home, "home.pause")
	w.dms(bob, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), en("offer.paused")[:20]) })
	home = w.nextHome(bob, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), en("status.offer_paused")) })
	mustButtons(t, home, "home.resume")

	// Ask for a mentor from the home tab: the request form opens.
	w.homeClick(alice, w.lastHome(alice), "home.request")
	open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.View()["type"] == "modal" }, wait)[0]
	w.submit(alice, open, map[string]string{"topic": "go"})
	home = w.nextHome(alice, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "“go”") })
	MustContain(t, home, en("status.request", "topic", "go", "state", en("state.request.waiting")), en("waiting.paused", "topic", "go", "count", "1"))

	// The time zone form opens from the home too.
	opens := len(w.fake.Calls("views.open"))
	w.homeClick(alice, home, "home.profile")
	w.fake.WaitCalls(t, "views.open", opens+1, nil, wait)

	// Bob resumes: the request is proposed to him; both homes follow the pair.
	w.homeClick(bob, w.lastHome(bob), "home.resume")
	proposal := w.firstProposal()
	w.click(bob, proposal, "proposal.accept")
	w.click(bob, w.dms(bob, 1, hasButton("charter.accept"))[0], "charter.accept")
	w.click(alice, w.dms(alice, 1, hasButton("charter.accept"))[0], "charter.accept")
	home = w.nextHome(alice, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), en("home.no_meeting")) })
	MustContain(t, home, en("status.pair.mentee", "name", "Bob Stone", "topic", "go", "state", en("state.pair.active")), en("home.checkin", "date", "5 March 2026"))

	// End the pair from the home: the confirmation comes as a DM.
	w.homeClick(alice, home, "end.ask")
	confirm := w.dms(alice, 1, hasButton("end.confirm"))[0]
	MustContain(t, confirm, en("end.confirm", "name", "Bob Stone", "topic", "go"))

	// Every home published was valid Block Kit: the fake refused none.
	if got, want := w.fake.Succeeded("views.publish"), w.fake.Count("views.publish"); got != want {
		t.Fatalf("got %d of %d views.publish accepted", got, want)
	}
}

// openHome sends the signed app_home_opened event of user opening the
// home tab, and returns the home published for them.
func (w *world) openHome(user slackfake.User) slackfake.Call {
	w.tb.Helper()
	n := w.publishes(user)
	id := fmt.Sprintf("EvHome%d", w.seq.Add(1))
	ev := slackfake.HomeOpened(w.team, id, user.ID, "home")
	MustAck(w.tb, w.deliver("/slack/events", ev, func(env string) []byte { return slackfake.EventEnvelope(ev, env) }), "")
	calls := w.fake.WaitCalls(w.tb, "views.publish", n+1, func(c slackfake.Call) bool { return c.Get("user_id") == user.ID }, wait)
	return mustValidHome(w.tb, calls[len(calls)-1])
}

// publishes counts the views.publish calls for user.
func (w *world) publishes(user slackfake.User) int {
	n := 0
	for _, c := range w.fake.Calls("views.publish") {
		if c.Get("user_id") == user.ID {
			n++
		}
	}
	return n
}

// lastHome is the last home published for user.
func (w *world) lastHome(user slackfake.User) slackfake.Call {
	w.tb.Helper()
	var last slackfake.Call
	for _, c := range w.fake.Calls("views.publish") {
		if c.Get("user_id") == user.ID {
			last = c
		}
	}
	return last
}

// nextHome waits for a home published for user that matches.
func (w *world) nextHome(user slackfake.User, match func(slackfake.Call) bool) slackfake.Call {
	w.tb.Helper()
	calls := w.fake.WaitCalls(w.tb, "views.publish", 1, func(c slackfake.Call) bool { return c.Get("user_id") == user.ID && match(c) }, wait)
	return mustValidHome(w.tb, calls[len(calls)-1])
}

// homeClick clicks a button of a home as Slack sends it: from a view.
func (w *world) homeClick(user slackfake.User, home slackfake.Call, actionID string) {
	w.tb.Helper()
	b, ok := home.Button(actionID)
	if !ok {
		w.tb.Fatalf("no %s button in the home:\n%s", actionID, home.AllText())
	}
	c := slackfake.Click{Team: w.team, User: user.ID, UserName: user.Name, Button: b, Home: true, TriggerID: fmt.Sprintf("trigger-%d", w.seq.Add(1))}
	MustAck(w.tb, w.deliver("/slack/interactions", c.Body(), c.Envelope), "")
}

// mustValidHome checks a views.publish payload against Block Kit's
// limits, and that Slack accepted it.
func mustValidHome(tb testing.TB, c slackfake.Call) slackfake.Call {
	tb.Helper()
	if err := slackfake.CheckView(c.View()); err != nil {
		tb.Fatalf("got an invalid home view: %v", err)
	}
	if c.Answer["ok"] != true {
		tb.Fatalf("got views.publish answered %v, want ok", c.Answer)
	}
	return c
}

// mustButtons checks that a home has a button of each action.
func mustButtons(tb testing.TB, c slackfake.Call, actionIDs ...string) {
	tb.Helper()
	for _, id := range actionIDs {
		if _, ok := c.Button(id); !ok {
			tb.Fatalf("got home buttons %v, want one %s", c.Buttons(), id)
		}
	}
}

// TestSlackWithdraw withdraws a request from the App Home with real signed
// requests: "Withdraw my request" asks by DM, "Yes, withdraw it" withdraws
// it (the confirmation replaced, the mentor who had the proposal told and
// the proposal's message replaced, its buttons gone),
// the home is published again with "Ask for a mentor", and the
// confirmation clicked again changes nothing.
func TestSlackWithdraw(t *testing.T) {
	w := MustStartSlack(t, quickHome)
	MustContain(t, w.MustCommand(bob, "offer go"), en("offer.saved", "topics", "go"))
	w.MustCommand(alice, "request go")
	proposal := w.firstProposal()
	home := w.openHome(alice)
	mustButtons(t, home, "withdraw.ask")
	if _, ok := home.Button("home.request"); ok {
		t.Fatal("got Ask for a mentor in the home beside an open request, want Withdraw my request instead")
	}

	w.homeClick(alice, home, "withdraw.ask")
	confirm := w.dms(alice, 1, hasButton("withdraw.confirm"))[0]
	MustContain(t, confirm, en("withdraw.confirm", "topic", "go"))
	w.click(alice, confirm, "withdraw.confirm")
	// The DM's confirmation is replaced in place, its buttons gone.
	done := w.fake.WaitCalls(t, "chat.update", 1, func(c slackfake.Call) bool {
		return c.Get("ts") == confirm.TS() && strings.Contains(c.AllText(), "is withdrawn")
	}, wait)[0]
	if len(done.Buttons()) != 0 {
		t.Errorf("got buttons %v in the replaced confirmation, want none", done.Buttons())
	}
	w.dms(bob, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "was withdrawn by the member") })
	// Bob's proposal is replaced too: its Accept and Decline would only
	// be refused now.
	retracted := w.updated(proposal)
	MustContain(t, retracted, en("proposal.withdrawn_here", "topic", "go"))
	if len(retracted.Buttons()) != 0 {
		t.Errorf("got buttons %v in the withdrawn proposal, want none", retracted.Buttons())
	}
	home = w.nextHome(alice, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), en("status.no_request")) })
	mustButtons(t, home, "home.request")

	MustContain(t, w.reply(w.click(alice, confirm, "withdraw.confirm")), en("withdraw.gone"))
}
