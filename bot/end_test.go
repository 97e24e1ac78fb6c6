package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// TestEndPair: /mentor end asks "are you sure?" before it ends a pair;
// "No" keeps it; "Yes" takes the path of "It's not working out": both are
// told and asked about a new match. With several pairs the member picks
// one, by a button or by name or topic.
func TestEndPair(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	MustContain(t, h.Run("carol", "end"), "You have no pair in progress to end.")
	mustOfficial(h, "carol", "offer go, rust capacity:3 languages:en,fr", "dan", "request go kind:one-to-one")
	inbox(h)

	r := h.Run("carol", "end")
	if r.Message.Title != "End this pair?" || len(r.Message.Buttons) != 2 {
		t.Fatalf("got %q with %d buttons, want the confirmation", r.Message.Title, len(r.Message.Buttons))
	}
	MustContain(t, r, "Are you sure you want to end your pair with Dan on “go”? I'll tell Dan kindly, then ask each of you whether you'd like a new match.")
	MustContain(t, clickIn(h, "carol", r, bot.ActionEndKeep), "Good: your pair on “go” goes on.")
	MustInbox(t, h)

	h.Clock.Advance(time.Hour)
	h.Run("erin", "request rust kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	inbox(h)
	r = h.Run("carol", "end")
	MustContain(t, r, "You have 2 pairs in progress. Which one do you want to end?")
	if got := labels(r.Message.Buttons); got != "End the pair with Erin (“rust”) | End the pair with Dan (“go”)" {
		t.Fatalf("got buttons %s, want one per pair", got)
	}
	MustContain(t, h.Run("carol", "end nobody"), "None of your pairs in progress is with “nobody” or on “nobody”. Your pairs in progress: Erin (“rust”) and Dan (“go”).")
	// A mention (Slack's <@U…|frank> reaches the core as "@U…") names the
	// member, never their ID.
	h.Run("frank", "status")
	MustContain(t, h.Run("carol", "end @frank"), "You have no pair in progress with Frank. Your pairs in progress: Erin (“rust”) and Dan (“go”).")
	h.Platform.Gone["U0NOBODY"] = true // the directory knows no such member
	r = h.Run("carol", "end @U0NOBODY")
	MustContain(t, r, "You have no pair in progress with the member you named.")
	if strings.Contains(r.Message.Text, "U0NOBODY") {
		t.Fatalf("got %q, want no member ID", r.Message.Text)
	}
	MustContain(t, h.Run("dan", "end @frank"), "Vous n'avez aucun binôme en cours avec Frank. Vos binômes en cours : Carol («\u202fgo\u202f»).")
	MustContain(t, h.Run("carol", "end RUST"), "your pair with Erin on “rust”")
	MustContain(t, h.Run("carol", "end dan"), "your pair with Dan on “go”")

	r = h.Run("dan", "status")
	// The home's buttons (home.go), then one to end the pair.
	if got, want := labels(r.Message.Buttons), bot.T(bot.French, "btn.offer_open")+" | "+bot.T(bot.French, "btn.home_request")+" | "+bot.T(bot.French, "btn.home_profile")+" | "+bot.T(bot.French, "btn.end_pair", "name", "Carol", "topic", "go"); got != want {
		t.Fatalf("got status buttons %s, want %s", got, want)
	}
	r = clickIn(h, "dan", r, bot.ActionEndAsk)
	MustContain(t, r, bot.T(bot.French, "end.confirm", "name", "Carol", "topic", "go"))
	MustContain(t, clickIn(h, "dan", r, bot.ActionEndConfirm), "Merci de me l'avoir dit. J'ai mis fin à votre binôme avec Carol : cela arrive, et ce n'est la faute de personne.")
	MustInbox(t, h,
		"carol: Your pair with Dan on “go” has ended | Thank you for the time you gave. Would you like to mentor someone else?",
		"dan: "+bot.T(bot.French, "ended.title_with", "name", "Carol", "topic", "go")+" | "+bot.T(bot.French, "ended.text_mentee", "topic", "go"))
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("dan"))
	if len(pairs) != 1 || pairs[0].State != bot.PairCancelled || pairs[0].EndReason != "member-ended" {
		t.Fatalf("got %+v, want the pair ended by its member", pairs)
	}
	MustContain(t, clickIn(h, "dan", r, bot.ActionEndConfirm), bot.T(bot.French, "err.pair_over"))
	if got := labels(h.Run("dan", "status").Message.Buttons); strings.Contains(got, bot.T(bot.French, "btn.end_pair", "name", "Carol", "topic", "go")) {
		t.Fatalf("got status buttons %s, want none to end a pair without a pair in progress", got)
	}
}

// clickIn clicks, as member by, the first button of the reply r with
// that action ID (or label).
func clickIn(h *bottest.Harness, by string, r bot.Reply, action string) bot.Reply {
	h.TB.Helper()
	for _, b := range r.Message.Buttons {
		if b.ActionID == action || b.Label == action {
			return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
		}
	}
	h.TB.Fatalf("got buttons %s in %q, want %s", labels(r.Message.Buttons), r.Message.Text, action)
	return bot.Reply{}
}

func labels(buttons []bot.Button) string {
	out := make([]string, len(buttons))
	for i, b := range buttons {
		out[i] = b.Label
	}
	return strings.Join(out, " | ")
}

// TestEndPairNotStarted: a pair still waiting for its charter is said to
// be not started yet, with the way not to go ahead, rather than not found.
func TestEndPairNotStarted(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go capacity:2")
	h.Run("ines", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	want := "Your pair with Ines on “go” hasn't started yet: it is waiting for the charter. If you'd rather not go ahead, click below."
	MustContain(t, h.Run("bob", "end"), want)
	MustContain(t, h.Run("bob", "end Ines"), want)
}

// TestCharterStaleDecline: a member who accepted the charter cannot
// cancel the pair with the charter's Decline button (a stale click: the
// message lost its buttons), which once cancelled it and told the mentee
// that the mentor "did not accept the charter". /mentor end's button
// cancels it, and says so truthfully, in both languages.
func TestCharterStaleDecline(t *testing.T) {
	h := MustHarness(t)
	h.Run("ines", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("ines", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	decline := h.Button("bob", bot.ActionCharterDecline)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Platform.Take()
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: decline.ActionID, Value: decline.Value})
	MustContain(t, r, "You have already accepted the charter for this pair, so nothing was changed. If you'd rather not go ahead, type `/mentor end`.")
	MustInbox(t, h)
	end := h.Run("bob", "end")
	if len(end.Message.Buttons) != 1 || end.Message.Buttons[0].Label != "Cancel this pair" {
		t.Fatalf("got buttons %+v, want one to cancel the pair", end.Message.Buttons)
	}
	b := end.Message.Buttons[0]
	r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value})
	MustContain(t, r, "You cancelled your pair with Ines on “go” before it started. Thank you for your honesty.")
	// One message says it all: back in the queue, then why it waits (not
	// a second notice saying it again).
	msgs := h.Platform.To("ines")
	MustInbox(t, h, "ines: Bob a annulé votre binôme sur «\u202fgo\u202f» avant son début. Pas d'inquiétude\u202f: votre demande retourne dans la file, pour le prochain mentor qui correspondra.")
	if last := msgs[len(msgs)-1].Text; !strings.Contains(last, "\n") {
		t.Fatalf("got %q, want the reason it waits after the first line", last)
	}
	// The button again: the pair is over, and nothing changes.
	r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value})
	MustContain(t, r, "You have already answered for this pair, or it has ended. Nothing was changed.")
}

// TestStatusCharterNeverAccepted: a pair cancelled because its charter
// was declined or not accepted in time never started: /mentor status says
// so, rather than that it "ended".
func TestStatusCharterNeverAccepted(t *testing.T) {
	h := MustHarness(t)
	h.Run("ann", "lang fr")
	h.Run("mia", "offer go languages:en,fr")
	h.Run("ann", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Click("mia", "mia", bot.ActionCharterAccept)
	MustTick(t, h, 72*time.Hour)
	MustContain(t, h.Run("mia", "status"), "Mentor of Ann on “go”: cancelled before it started")
	MustContain(t, h.Run("ann", "status"), "Accompagnement par Mia sur «\u202fgo\u202f»\u202f: annulé avant de commencer")
}

// endedBy ends the pair of mentee at their word, with /mentor end and
// its confirmation, and clears the inbox.
func endedBy(h *bottest.Harness, mentee string) {
	h.TB.Helper()
	clickIn(h, mentee, h.Run(mentee, "end"), bot.ActionEndConfirm)
	inbox(h)
}

// TestNewMatchMentorWithoutOffer: a mentor paired by a manager, without
// an offer, who says "Yes, please" to mentoring someone else is told how
// to make an offer, and the question stays open: once they have one, the
// same button resumes it. "No, thanks" is taken as it is.
func TestNewMatchMentorWithoutOffer(t *testing.T) {
	h := MustAdminHarness(t)
	pair := func(mentor, mentee string) {
		h.Run("alice", "admin pair @"+mentor+" @"+mentee+" go confirm:yes")
		h.Click(mentor, mentor, bot.ActionCharterAccept)
		h.Click(mentee, mentee, bot.ActionCharterAccept)
		endedBy(h.Harness, mentee)
	}
	pair("bob", "carol")
	r := h.Click("bob", "bob", bot.ActionNewMatchYes)
	if want := "You have no offer to mentor at the moment, so there is nothing to resume yet. To mentor someone else, type `/mentor offer` and your topics, for example `/mentor offer go`: I'll then send you requests that fit."; r.Message.Text != want || r.Replace {
		t.Fatalf("got %+v, want %q beside the question, still open", r, want)
	}
	h.Run("bob", "offer go")
	MustContain(t, h.Click("bob", "bob", bot.ActionNewMatchYes), "Thank you! You'll receive new requests that fit.")
	MustContain(t, h.Click("bob", "bob", bot.ActionNewMatchNo), "You already answered this one.")

	h.Run("dan", "lang fr")
	pair("dan", "erin")
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchYes), "Vous n'avez pas d'offre de mentorat en ce moment\u202f: il n'y a donc rien à reprendre. Pour accompagner quelqu'un d'autre, tapez `/mentor propose` suivi de vos sujets, par exemple `/mentor propose go`\u202f:")
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchNo), "C'est noté\u202f: vous n'avez pas d'offre, je ne vous enverrai donc pas de demandes.")
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchYes), "Vous avez déjà répondu.")
}
