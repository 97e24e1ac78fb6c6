package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestButtonBelongsToItsMember: a button sent to one member answers only
// for them. Anyone else, the other member of the pair included, is told
// it is meant for someone else, in their language; nothing is recorded
// and the message stays, so its member can still answer.
func TestButtonBelongsToItsMember(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	h.Run("carol", "offer go languages:en,fr")
	h.Run("dan", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)

	mustForeign := func(t *testing.T, by, owner, button string) {
		t.Helper()
		r := h.Click(by, owner, button)
		want := "This button is meant for someone else, so nothing was changed."
		if by == "dan" {
			want = bot.T(bot.French, "err.not_your_button")
		}
		if r.Message.Text != want || r.Replace {
			t.Fatalf("got %q (replace %v), want %q and the message left as it was", r.Message.Text, r.Replace, want)
		}
	}
	t.Run("Charter", func(t *testing.T) {
		mustForeign(t, "dan", "carol", bot.ActionCharterAccept)
		mustForeign(t, "dan", "carol", bot.ActionCharterDecline)
		if p := mustOnlyPair(t, h, "dan"); p.MentorAck != 0 || p.MenteeAck != 0 || p.State != bot.PairCharter {
			t.Fatalf("got acks %d/%d, state %s; want nothing recorded", p.MentorAck, p.MenteeAck, p.State)
		}
		MustContain(t, h.Click("carol", "carol", bot.ActionCharterAccept), "You accepted the charter")
		MustContain(t, h.Click("dan", "dan", bot.ActionCharterAccept), "Vous avez accepté la charte")
	})
	t.Run("Checkin", func(t *testing.T) {
		MustTick(t, h, 3*day)
		mustForeign(t, "dan", "carol", bot.ActionCheckinYes)
		mustForeign(t, "carol", "dan", bot.ActionCheckinStop)
		mustForeign(t, "mallory", "dan", bot.ActionCheckinNotYet)
		if p := mustOnlyPair(t, h, "dan"); !p.Met.IsZero() || p.State != bot.PairActive {
			t.Fatalf("got met %v, state %s; want nothing recorded", p.Met, p.State)
		}
		MustContain(t, h.Click("carol", "carol", bot.ActionCheckinYes), "Great, thanks")
		MustContain(t, h.Click("dan", "dan", bot.ActionCheckinYes), "merci")
	})
	t.Run("Survey", func(t *testing.T) {
		MustTick(t, h, 90*day)
		mustForeign(t, "carol", "dan", bot.ActionSurveyAnswer)
		MustContain(t, h.Click("dan", "dan", "5"), "Vos questions ont-elles trouvé réponse auprès de Carol")
	})
	t.Run("EndAndNewMatch", func(t *testing.T) {
		confirm := h.Run("carol", "end")
		for _, action := range []string{bot.ActionEndConfirm, bot.ActionEndKeep} {
			r := clickIn(h, "dan", confirm, action)
			if r.Message.Text != bot.T(bot.French, "err.not_your_button") || r.Replace {
				t.Fatalf("got %q (replace %v), want the button refused", r.Message.Text, r.Replace)
			}
		}
		if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairActive {
			t.Fatalf("got %s, want the pair going on", p.State)
		}
		MustContain(t, clickIn(h, "carol", confirm, bot.ActionEndConfirm), "I've ended your pair with")
		mustForeign(t, "carol", "dan", bot.ActionNewMatchYes)
		mustForeign(t, "dan", "carol", bot.ActionNewMatchNo)
		MustContain(t, h.Click("carol", "carol", bot.ActionNewMatchNo), "your offer is paused")
		MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchNo), bot.T(bot.French, "newmatch.no_mentee"))
	})
}

// TestSharedButtonAnswersForEach: a button on a message both members of a
// pair share (not marked for one of them) takes each one's click as their
// own answer, and leaves the message for the other.
func TestSharedButtonAnswersForEach(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
	MustTick(t, h, 3*day)
	pair := mustOnlyPair(t, h, "dan")
	click := func(user, action string) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: action, Value: pair.ID + ":1"})
	}
	for _, user := range []string{"carol", "dan"} {
		r := click(user, bot.ActionCheckinNotYet)
		MustContain(t, r, "I'll check in again in 4 days")
		if r.Replace {
			t.Fatalf("%s: got the shared message replaced, want it left for the other member", user)
		}
	}
	MustContain(t, click("carol", bot.ActionCheckinYes), "You already answered")
	MustContain(t, click("mallory", bot.ActionCheckinYes), "meant for someone else")
	answers, err := h.Store.CheckinAnswers(context.Background(), h.Tenant, pair.ID)
	if err != nil || answers["1"]["carol"] != "notyet" || answers["1"]["dan"] != "notyet" || len(answers["1"]) != 2 {
		t.Fatalf("got %v (%v), want each member's own answer", answers, err)
	}
}

// TestEveryActionHasAnOwner: each button action is either marked with the
// member it is sent to, or says why not, so that a new member-addressed
// button cannot be added without deciding whose it is.
func TestEveryActionHasAnOwner(t *testing.T) {
	actions, owned, unowned := bot.ActionOwnership()
	for _, a := range actions {
		if owned[a] == (unowned[a] != "") {
			t.Errorf("action %q: got owned %v, reason %q; want it in exactly one of owner.go's maps", a, owned[a], unowned[a])
		}
	}
}

// TestGoalMenuBelongsToItsMember: a check-in's menu of where the goals
// stand is its member's, as the check-in's buttons are: the other member
// of the pair choosing in it is refused in their language and nothing
// changes; the menu kept in a check-in's answer is its member's too. A
// menu sent before menus were marked still takes either member's choice.
func TestGoalMenuBelongsToItsMember(t *testing.T) {
	h, carolMenu, danMenu, progress := mustCheckinMenus(t)
	mustRefused := func(t *testing.T, r bot.Reply, lang bot.Lang) {
		t.Helper()
		if want := bot.T(lang, "err.not_your_button"); r.Message.Text != want || r.Replace || len(r.Message.Selects) != 0 {
			t.Fatalf("got %+v, want only %q", r, want)
		}
		if progress() != bot.GoalNotStarted {
			t.Fatalf("got %s, want the goal left not started", progress())
		}
	}

	mustRefused(t, chooseGoal(t, h, "carol", danMenu, "1. ship a Go service\u202f: en cours"), bot.English)
	mustRefused(t, chooseGoal(t, h, "dan", carolMenu, "1. ship a Go service: done"), bot.French)
	// The menu kept in the answer to the check-in is its member's.
	kept := h.Click("dan", "dan", bot.ActionCheckinYes)
	if len(kept.Message.Selects) != 1 {
		t.Fatalf("got %+v, want the goals menu kept", kept.Message)
	}
	mustRefused(t, chooseGoal(t, h, "carol", kept.Message.Selects[0], "1. ship a Go service\u202f: atteint"), bot.English)
	// Each member's own menu works.
	MustContain(t, chooseGoal(t, h, "dan", kept.Message.Selects[0], "1. ship a Go service\u202f: en cours"), "C'est noté\u202f: «\u202fship a Go service\u202f» est marqué «\u202fen cours\u202f».")
	// A menu without the mark (sent before menus carried one) is the
	// pair's, as it was.
	legacy := bot.Select{ActionID: carolMenu.ActionID, Value: mustOnlyPair(t, h, "dan").ID}
	for _, c := range carolMenu.Choices {
		legacy.Choices = append(legacy.Choices, bot.Choice{Label: c.Label, Value: c.Value[:strings.LastIndex(c.Value, ".")]})
	}
	MustContain(t, chooseGoal(t, h, "carol", legacy, "1. ship a Go service: done"), "Well done")
	MustContain(t, chooseGoal(t, h, "erin", legacy, "1. ship a Go service: not started"), "meant for someone else")
}
