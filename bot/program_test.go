package bot_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// mustProgramHarness is an admin harness with a managers' channel and the
// program "Mentorat 2027", which runs from 10 to 20 November 2026 (the
// clock starts on 2 November).
func mustProgramHarness(t *testing.T) *adminHarness {
	t.Helper()
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	r := h.Run("alice", `admin program create "Mentorat 2027" kind:one-to-one start:2026-11-10 end:2026-11-20`)
	MustContain(t, r, "Program “Mentorat 2027” created (`mentorat-2027`), from 10 November 2026 to 20 November 2026.")
	h.Platform.Take()
	return h
}

// mustPost returns the text of the only post in the managers' channel
// since the last call, title first.
func mustPost(t *testing.T, h *adminHarness) bot.Message {
	t.Helper()
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].Channel != "managers" && posts[0].Channel != "#managers" {
		t.Fatalf("got posts %+v, want one in the managers' channel", posts)
	}
	return posts[0].Message
}

// TestProgramLifecycle follows a program: members join it before it
// starts and wait; the default program goes on as before; the kick-off
// round is posted at the start and sent by a manager; at the end the
// pair gets the final survey and thanks, and the managers hear of it.
func TestProgramLifecycle(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	MustContain(t, h.Run("bob", "offer go program:mentorat-2027"), "Thank you! You are now a mentor for: go.")
	h.Run("carl", "offer go")                               // the default program
	r := h.Run("ann", `request go program:"Mentorat 2027"`) // one-to-one: the program's kind
	MustContain(t, r, "Your request on “go” is saved in “Mentorat 2027”. Mentors are proposed from the program's kick-off, on 10 November 2026")
	MustInbox(t, h.Harness) // held: neither bob nor carl is proposed
	h.Run("dan", "request go")
	MustInbox(t, h.Harness, "carl: Mentoring request: go | Dan would like your help on “go”.")
	MustContain(t, h.Run("ann", "status"), "Your request belongs to: “Mentorat 2027”.")
	// Not "Nobody offers “go” yet": Bob does, in the program.
	MustContain(t, h.Run("ann", "status"), "Mentors are proposed from the kick-off of “Mentorat 2027”, on 10 November 2026: I will write to you as soon as one is.")
	MustContain(t, h.Run("bob", "status"), "You mentor in: “Mentorat 2027”.")
	if s := h.Run("carl", "status").Message.Text; strings.Contains(s, "program") {
		t.Errorf("got %q, want no program line for the default program alone", s)
	}

	h.At(9, 23, 0)
	h.Posting.Posts()
	h.Platform.Take() // dan's proposal to carl times out: not this test's
	h.At(10, 0, 1)
	post := mustPost(t, h)
	if post.Title != "“Mentorat 2027” has started" || !strings.Contains(post.Text, "• Ann with Bob, “go”") || len(post.Buttons) != 2 {
		t.Fatalf("got kick-off %+v, want Ann with Bob and two buttons", post)
	}
	// The buttons are explained once, by their labels, with what Cancel
	// does to a kick-off round.
	if want := "Nothing is sent until you click “Send these proposals”; “Cancel”, or no click by the end of the program's first day, leaves these requests to the usual matching."; strings.Count(post.Text, "Nothing is sent") != 1 || !strings.Contains(post.Text, want) {
		t.Errorf("got kick-off text %q, want the buttons explained once: %q", post.Text, want)
	}
	MustInbox(t, h.Harness) // nothing is sent before a manager says so
	send := post.Buttons[0]
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("bob"), ActionID: send.ActionID, Value: send.Value}), "managers")
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}), "Sent 1 proposal")
	MustInbox(t, h.Harness, "bob: Mentoring request: go | Ann would like your help on “go”.",
		"ann: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value}), "already sent")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	if p := mustOnlyPair(t, h.Harness, "ann"); p.State != bot.PairActive || p.Kind != "one-to-one" {
		t.Fatalf("got pair %s %s, want active, one-to-one as its program", p.State, p.Kind)
	}
	mustSayMet(t, h.Harness, "ann") // a pair that met gets the final survey and thanks
	h.Platform.Take()

	h.At(21, 0, 1)
	got := strings.Join(inbox(h.Harness), "\n")
	for _, want := range []string{
		"bob: Your mentoring with Ann on “go” is ending | How would you rate it",
		"ann: Your mentoring with Bob on “go” is ending | How would you rate it",
		"bob: The program “Mentorat 2027” has ended, and with it your mentoring on “go”. Thank you",
		"ann: The program “Mentorat 2027” has ended, and with it your mentoring on “go”. Thank you for taking part",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("got messages:\n%s\nwant %q", got, want)
		}
	}
	if p := mustOnlyPair(t, h.Harness, "ann"); p.State != bot.PairCompleted {
		t.Errorf("got pair %s, want completed", p.State)
	}
	post = mustPost(t, h)
	if !strings.Contains(post.Text, "The program “Mentorat 2027” has ended. Final survey and thanks: 1 pair.") {
		t.Errorf("got %q, want the end told to the managers", post.Text)
	}
	MustContain(t, h.Run("alice", "admin program close mentorat-2027"), "The program “Mentorat 2027” is already closed.")
	MustContain(t, h.Run("eve", "request go program:mentorat-2027"), "The program “Mentorat 2027” is closed")
	h.At(25, 0, 0)
	MustInbox(t, h.Harness) // the end ran once
	if posts := h.Posting.Posts(); len(posts) != 0 {
		t.Errorf("got posts %+v, want none", posts)
	}
}

// TestProgramWaitingReason: a request of a program is proposed only
// mentors of that program, and says so while it waits.
func TestProgramWaitingReason(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("carl", "offer go") // before Flash: the default program
	h.Run("alice", "admin program create Flash start:2026-11-01 end:2026-11-30")
	r := h.Run("ann", "request go program:flash")
	MustContain(t, r, "A mentor offers “go”, but only in another program for now.")
	MustInbox(t, h.Harness)
	// The current program: Flash runs today, so a new offer joins it.
	r = h.Run("bob", "offer go")
	if f := r.Message.Fields; len(f) == 0 || f[len(f)-1] != (bot.Field{Label: "Programs", Value: "Flash"}) {
		t.Errorf("got fields %+v, want Programs: Flash last", f)
	}
	MustInbox(t, h.Harness, "bob: Mentoring request: go | Ann would like your help on “go”.",
		"ann: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "status"), "Votre demande appartient à\u202f: «\u202fFlash\u202f».")
	MustContain(t, h.Run("bob", "status"), "You mentor in: “Flash”.")
}

// TestProgramAlreadyStarted: a program created on or after its first day
// says it has no kick-off round to wait for (it said its requests would
// wait for one on a date already past), its requests are proposed at
// once, and no kick-off round is posted.
func TestProgramAlreadyStarted(t *testing.T) {
	h := mustProgramHarness(t) // the clock: 2 November 2026
	r := h.Run("alice", "admin program create Flash kind:one-to-one start:2026-11-01 end:2026-11-30")
	MustContain(t, r, "Program “Flash” created (`flash`), from 1 November 2026 to 30 November 2026. Members join it with `program:flash` on `/mentor offer` and `/mentor request`. It has already started, so there is no kick-off round: its requests are matched as they come.")
	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin program créer Aujourdhui début:2026-11-02 fin:2026-11-30")
	MustContain(t, r, "Il a déjà commencé\u202f: il n'y a pas de vague de lancement, ses demandes sont mises en relation au fil de l'eau.")
	h.Run("bob", "offer go program:flash")
	MustInbox(t, h.Harness)
	h.Run("ann", "request go program:flash")
	MustInbox(t, h.Harness, "bob: Mentoring request: go | Ann would like your help on “go”.")
	h.Platform.Take()
	h.At(3, 10, 0) // the start jobs ran
	if posts := h.Posting.Posts(); len(posts) != 0 {
		t.Errorf("got posts %+v, want no kick-off round", posts)
	}
}

// TestProgramBadInput: each wrong program command gets a clear sentence,
// in English and in French, and changes nothing.
func TestProgramBadInput(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("ann", "lang fr")
	h.Run("alice", "admin managers add @ann")
	tests := []struct{ user, text, want string }{
		{"alice", `admin program create "Late" start:2026-12-01 end:2026-11-01`, "The program would end (1 November 2026) before it starts (1 December 2026): please check the dates."},
		{"ann", `admin program créer "Tard" début:2026-12-01 fin:2026-11-01`, "Le programme finirait (1er novembre 2026) avant de commencer (1er décembre 2026)\u202f: vérifiez les dates."},
		{"alice", `admin program create "mentorat 2027" start:2026-12-01 end:2027-01-01`, "There is already a program “Mentorat 2027” (`mentorat-2027`): please choose another name."},
		{"ann", `admin program créer "Mentorat 2027" début:2026-12-01 fin:2027-01-01`, "Il existe déjà un programme «\u202fMentorat 2027\u202f» (`mentorat-2027`)\u202f: choisissez un autre nom."},
		{"alice", `admin program create X start:15/01/2027 end:2027-06-30`, "“15/01/2027” is not a date I can read for the start date: write it as 2027-01-15 or 15 January 2027."},
		{"alice", `admin program create X start:2026-01-01 end:2026-01-31`, "That program would already be over"},
		{"alice", `admin program create Default start:2026-12-01 end:2027-01-01`, "the always-open default program"},
		{"alice", `admin program create X start:2026-12-01`, "Please give the program's last day"},
		{"alice", "admin program create", "Please give the program a name"},
		{"alice", "admin program show nope", "I know no program “nope”. Open programs: `Mentorat 2027` and the default program."},
		{"ann", "admin program voir rien", "Je ne connais aucun programme «\u202frien\u202f». Programmes ouverts\u202f: `Mentorat 2027` et le programme par défaut."},
		{"alice", "admin program close", "Which program?"},
		{"alice", "admin program launch x", "Write `/mentor admin program create`, `list`, `show` or `close`"},
		{"bob", "request go program:nope", "I know no program “nope”. Open programs: `Mentorat 2027`, and the default program: `default`."},
		{"ann", "demande go programme:rien", "Je ne connais aucun programme «\u202frien\u202f». Programmes ouverts\u202f: `Mentorat 2027` et le programme par défaut\u202f: `défaut`."},
		{"alice", "admin match program:nope", "I know no program “nope”."},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			MustContain(t, h.Run(tt.user, tt.text), tt.want)
		})
	}
	if all, _ := h.Store.Programs(context.Background(), h.Tenant); len(all) != 1 {
		t.Errorf("got %d programs, want the first only", len(all))
	}
	MustContain(t, h.Run("mia", "admin program list"), "managers")
}

// TestProgramClose: a manager closes a program after a confirmation;
// a second click and a second close say it is closed already; a list
// shows it closed.
func TestProgramClose(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	r := h.Run("alice", "admin program close Mentorat 2027")
	if r.Message.Title != "Close “Mentorat 2027”?" || len(r.Message.Buttons) != 2 {
		t.Fatalf("got %+v, want the confirmation", r.Message)
	}
	keep, closeIt := r.Message.Buttons[1], r.Message.Buttons[0]
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: keep.ActionID, Value: keep.Value}), "Fine: “Mentorat 2027” stays open.")
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: closeIt.ActionID, Value: closeIt.Value}), "“Mentorat 2027” is closed.")
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: closeIt.ActionID, Value: closeIt.Value}), "already closed")
	MustContain(t, h.Run("alice", "admin program list"), "Mentorat 2027 (`mentorat-2027`): one-to-one mentoring, 10 November 2026 to 20 November 2026, closed")
	MustTick(t, h.Harness, time.Minute)
	MustContain(t, bot.Reply{Message: mustPost(t, h)}, "Final survey and thanks: 0 pairs.")
	h.At(21, 0, 1)
	reports := 0
	for _, p := range h.Posting.Posts() {
		switch {
		case strings.HasPrefix(p.Message.Title, "End-of-program report: Mentorat 2027"):
			reports++ // a week after the closing
		case p.File != nil && p.File.Type == "text/csv":
		default:
			t.Errorf("got post %+v, want the end told once", p)
		}
	}
	if reports != 1 {
		t.Errorf("got %d reports, want the report a week after the closing", reports)
	}
}

// TestProgramForm: create with nothing after it opens a form where the
// platform has them; the submitted form creates the program.
func TestProgramForm(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	alice := h.Tenant.Member("alice")
	r := h.Bot.HandleCommand(ctx, bot.Command{Member: alice, Text: "admin program create", Forms: true})
	if r.Form == nil || r.Form.Command != "admin program" || len(r.Form.Fields) != 5 || r.Form.Fields[0].Name != "name" {
		t.Fatalf("got %+v, want the program form", r)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: alice, Name: "admin program", FromForm: true, Forms: true,
		Values: map[string]string{"name": "Mentorat 2027", "kind": "individuel", "start": "2027-01-15", "end": "2027-01-01"}})
	if r.FieldErrors["end"] == "" {
		t.Fatalf("got %+v, want the end date refused on its field", r)
	}
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: alice, Name: "admin program", FromForm: true, Forms: true,
		Values: map[string]string{"name": "Mentorat 2027", "kind": "individuel", "start": "2027-01-15", "end": "2027-06-30"}})
	MustContain(t, r, "Program “Mentorat 2027” created")
	p, err := h.Store.GetProgram(ctx, h.Tenant, "mentorat-2027")
	if err != nil || p.Kind != "one-to-one" {
		t.Fatalf("got %+v, %v, want a one-to-one program", p, err)
	}
}

// TestProgramCharter: the pairs of a program with a charter of its own
// accept it too, in the charter message, even members who accepted the
// workspace's charter before.
func TestProgramCharter(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin program create Flash start:2026-11-01 end:2026-11-30 charter:We meet twice a month.")
	h.Run("bob", "offer go program:flash")
	MustContain(t, h.Run("ann", "request go program:flash"), "I've asked a mentor")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	for _, user := range []string{"bob", "ann"} {
		msgs := h.Platform.To(user)
		if text := msgs[len(msgs)-1].Text; !strings.HasSuffix(text, "And the charter of the program “Flash”:\nWe meet twice a month.") {
			t.Errorf("%s: got charter %q, want the program's after the workspace's", user, text)
		}
	}
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	if p := mustOnlyPair(t, h.Harness, "ann"); p.State != bot.PairActive {
		t.Fatalf("got pair %s, want active", p.State)
	}
	h.Platform.Take()
	// Bob accepted the workspace's charter: a pair outside the program
	// skips it; one in the program asks for the program's again.
	h.Run("cat", "request go program:flash")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	if msgs := h.Platform.To("bob"); !strings.Contains(msgs[len(msgs)-1].Text, "We meet twice a month.") {
		t.Errorf("got %q, want the program's charter asked again", msgs[len(msgs)-1].Text)
	}
}

// TestProgramEndCancelsCharter: a pair of the program still waiting for
// its charter at the end is cancelled, and both are told once.
func TestProgramEndCancelsCharter(t *testing.T) {
	h := mustProgramHarness(t)
	MustContain(t, h.Run("alice", "admin program create Flash start:2026-11-01 end:2026-11-03"), "created")
	h.Run("bob", "offer go program:flash")
	MustContain(t, h.Run("ann", "request go program:flash"), "asked a mentor")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Platform.Take()
	h.At(4, 0, 1)
	got := strings.Join(inbox(h.Harness), "\n")
	for _, user := range []string{"bob", "ann"} {
		if want := user + ": The program “Flash” has ended before your pair on “go” accepted the charter: the pair is cancelled."; !strings.Contains(got, want) {
			t.Errorf("got messages:\n%s\nwant %q", got, want)
		}
	}
	if p := mustOnlyPair(t, h.Harness, "ann"); p.State != bot.PairCancelled {
		t.Errorf("got pair %s, want cancelled as the program ended", p.State)
	}
	if _, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got open request lookup %v, want the request withdrawn", err)
	}
	h.At(10, 0, 1)
	if got := strings.Join(inbox(h.Harness), "\n"); strings.Contains(got, "Flash") {
		t.Errorf("got messages:\n%s\nwant the end told once", got)
	}
}

// TestProgramNamedByOption: name: and nom: name the program as the text
// after the verb does, quoted or not.
func TestProgramNamedByOption(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", `admin program create name:"Mentorat 2027" start:2027-01-15 end:2027-06-30`), "Program “Mentorat 2027” created (`mentorat-2027`)")
	MustContain(t, h.Run("alice", `admin program voir nom:« Mentorat 2027 »`), "Joined: 0 mentors, 0 requests.")
	MustContain(t, h.Run("alice", "admin program show default"), "The default program is always open")
}

// TestProgramEndOnceAcrossReplicas: two replicas on one store tick at the
// end date at the same moment; each pair is thanked once and the
// managers hear of the end once.
func TestProgramEndOnceAcrossReplicas(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	h.At(10, 0, 1)
	post := mustPost(t, h)
	send := post.Buttons[0]
	h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("alice"), ActionID: send.ActionID, Value: send.Value})
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "ann") // a pair that met is thanked at the end
	h.Platform.Take()

	other := bot.New(bot.Config{Managers: []string{"alice"}}, h.Store, h.Clock, rand.NewChaCha8([32]byte{9}), nil)
	other.Register(h.Tenant.Platform, h.Posting)
	h.Clock.Advance(time.Date(2026, 11, 21, 0, 1, 0, 0, time.UTC).Sub(h.Clock.Now()))
	var wg sync.WaitGroup
	for _, b := range []*bot.Bot{h.Bot, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := b.TickTenants(context.Background(), h.Tenant); err != nil {
				t.Errorf("tick: %v", err)
			}
		}()
	}
	wg.Wait()
	thanks := map[string]int{}
	for _, line := range inbox(h.Harness) {
		if strings.Contains(line, "has ended, and with it your mentoring") {
			user, _, _ := strings.Cut(line, ":")
			thanks[user]++
		}
	}
	if thanks["bob"] != 1 || thanks["ann"] != 1 {
		t.Errorf("got thanks %v, want one each", thanks)
	}
	if n := len(h.Posting.Posts()); n != 1 {
		t.Errorf("got %d posts, want the end told once", n)
	}
}

// TestUnknownProgramDefaultIsOpen: with no program created, a program
// that does not exist gets a true sentence: the default program is open,
// in English and in French (not "Open programs: —").
func TestUnknownProgramDefaultIsOpen(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("ann", "lang fr")
	h.Run("alice", "admin managers add @ann")
	MustContain(t, h.Run("alice", "admin match program:toto"), "I know no program “toto”. Only the default program is open.")
	MustContain(t, h.Run("ann", "admin match programme:toto"), "Je ne connais aucun programme «\u202ftoto\u202f». Seul le programme par défaut est ouvert.")
	MustContain(t, h.Run("ann", "admin program voir toto"), "Seul le programme par défaut est ouvert.")
}

// TestProgramEarlyPreviewDiscarded: a manager who previews a program's
// round before it starts and discards the preview does not release its
// requests: they wait for the kick-off, as before the preview. Once the
// program has started, discarding its kick-off round does release them.
func TestProgramEarlyPreviewDiscarded(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	r := h.Run("alice", "admin match program:mentorat-2027")
	cancel := r.Message.Buttons[len(r.Message.Buttons)-1]
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: cancel.ActionID, Value: cancel.Value}), "Preview discarded: nothing was sent.")
	h.Platform.Take()
	h.At(5, 12, 0) // the sweep and the jobs run: still before the start
	h.Bot.Sweep(ctx)
	MustInbox(t, h.Harness)
	h.Run("cy", "request go program:mentorat-2027")
	MustInbox(t, h.Harness)
	h.At(10, 0, 1) // the start: the kick-off round, discarded
	post := mustPost(t, h)
	discard := post.Buttons[len(post.Buttons)-1]
	MustContain(t, h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("alice"), ActionID: discard.ActionID, Value: discard.Value}), "Preview discarded")
	h.Bot.Sweep(ctx)
	if got := inbox(h.Harness); len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "bob: Mentoring request: go") {
		t.Fatalf("got %q, want the requests released to the usual matching once the kick-off is discarded", got)
	}
}

// TestAdminMatchHeldSaysWho: a manager's round with nobody to pair but
// requests held for a program's kick-off says who waits, and how to
// preview that program's round, instead of "Nobody is waiting".
func TestAdminMatchHeldSaysWho(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	MustContain(t, h.Run("alice", "admin match"), "Nobody is waiting for a mentor outside the programs that have not started: 1 request waits for the kick-off of “Mentorat 2027” on 10 November 2026. To preview a program's kick-off round: `/mentor admin match program:mentorat-2027`.")
	h.Run("cy", "request go program:mentorat-2027")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin match"), "Personne n'attend de mentor hors des programmes pas encore lancés\u202f: 2 demandes attendent le lancement de «\u202fMentorat 2027\u202f» le 10 novembre 2026. Pour voir la vague de lancement d'un programme\u202f: `/mentor admin vague programme:mentorat-2027`.")
	// With someone waiting outside the program, the preview names them
	// too, under the round.
	h.Run("dan", "request rust")
	MustContain(t, h.Run("alice", "admin match"), "Hors de cette vague\u202f: 2 demandes attendent le lancement de «\u202fMentorat 2027\u202f» le 10 novembre 2026.")
}

// TestProgramEndReleasesOffers: when a program ends, no offer is left in
// it where no request can reach it: an offer of that program alone is
// paused and its mentor told once how to go on; an offer of the default
// program too serves requests outside programs as before. The message
// names the offer's topics as a sentence does: “go” and “sql”.
func TestProgramEndReleasesOffers(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "P1" start:2026-11-03 end:2027-01-31`)
	h.Run("bob", "offer go, sql program:p1")
	h.Run("carol", "offer rust")
	h.Run("carol", "offer add:go program:p1")
	h.Run("dan", "lang fr")
	h.Run("dan", "offer python, rust, sql programme:p1")
	h.ClickReply("alice", h.Run("alice", "admin program close p1"), "Yes, close it")
	h.Platform.Take()
	h.Tick()
	h.Tick()
	var told []string
	for _, s := range h.Platform.Take() {
		switch {
		case strings.Contains(s.Message.Text, "is over: thank you for offering your help in it! Your offer on “go” and “sql” is paused,"):
			told = append(told, s.To[0].User)
		case strings.Contains(s.Message.Text, "Votre offre sur «\u202fpython\u202f», «\u202frust\u202f» et «\u202fsql\u202f» est en pause,"):
			told = append(told, s.To[0].User)
		}
	}
	if got := strings.Join(told, ","); got != "bob,dan" && got != "dan,bob" {
		t.Fatalf("told %v, want bob and dan once each", told)
	}
	MustContain(t, h.Run("bob", "status"), "go and sql (paused)")
	MustContain(t, h.Run("gina", "request go"), "I've asked a mentor who fits")
	if msgs := h.Platform.To("carol"); len(msgs) == 0 || msgs[len(msgs)-1].Title != "Mentoring request: go" {
		t.Fatalf("carol got %+v, want gina's request", msgs)
	}
}

// TestResumeOpensOfferOfClosedPrograms: an offer left open in a program
// that closed (before offers were released at the end) is taken out of it
// by /mentor resume, though it was not paused.
func TestResumeOpensOfferOfClosedPrograms(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "P1" start:2026-11-03 end:2027-01-31`)
	h.Run("bob", "offer go program:p1")
	if _, err := h.Store.CloseProgram(context.Background(), h.Tenant, "p1", h.Clock.Now(), nil); err != nil {
		t.Fatal(err)
	}
	h.Run("bob", "resume")
	MustContain(t, h.Run("gina", "request go"), "I've asked a mentor who fits")
}
