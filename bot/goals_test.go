package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// lastSelect returns the newest goals menu user received.
func lastSelect(tb testing.TB, h *bottest.Harness, user string) bot.Select {
	tb.Helper()
	msgs := h.Platform.To(user)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, s := range msgs[i].Selects {
			if s.ActionID == bot.ActionGoalProgress {
				return s
			}
		}
	}
	tb.Fatalf("%s has no goals menu", user)
	return bot.Select{}
}

// chooseGoal picks the choice of s whose label has label, as member by.
func chooseGoal(tb testing.TB, h *bottest.Harness, by string, s bot.Select, label string) bot.Reply {
	tb.Helper()
	for _, c := range s.Choices {
		if strings.Contains(c.Label, label) {
			return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: s.ActionID, Value: bot.SelectValue(s.Value, []string{c.Value})})
		}
	}
	tb.Fatalf("no choice %q in %+v", label, s.Choices)
	return bot.Reply{}
}

// TestGoals follows a pair's goals with the shell clock: the request's
// goal first, the button of the introduction, /mentor goals for each
// side, the check-in's menu (a double click, a stale choice, someone
// else's), the mid-way review (keep, readjust) and the digest's counts.
// Carol (mentor) reads English, Dan (mentee) French.
func TestGoals(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "carol", "offer go capacity:1 languages:en,fr", "dan", "request go kind:one-to-one objectif:écrire des goroutines sans fuite")
	b := h.Button("dan", bot.ActionGoalsOpen)
	if b.Label != "Fixer nos objectifs / Set our goals" {
		t.Errorf("got the introduction's button %q, want it in both languages", b.Label)
	}
	inbox(h)

	// The button opens the form, the request's goal first.
	r := h.Click("dan", "dan", bot.ActionGoalsOpen)
	if r.Form == nil || r.Form.Command != "goals" || len(r.Form.Fields) != 3 || r.Form.Fields[0].Value != "écrire des goroutines sans fuite" || r.Form.Fixed["pair"] == "" {
		t.Fatalf("got form %+v, want three goal fields, the request's goal first, and the pair", r.Form)
	}
	MustContain(t, r, "1. écrire des goroutines sans fuite (Dan)\u202f: pas commencé")
	// Someone outside the pair cannot open it.
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("erin"), ActionID: b.ActionID, Value: b.Value}), "meant for someone else")

	// Each side sets theirs; the other is told.
	MustContain(t, h.Run("carol", "goals first:listen more than I talk second:share two contacts"), "Your goals for your pair with Dan on “go” are saved.")
	MustInbox(t, h, "dan: Objectifs\u202f: go | Carol a fixé ses objectifs pour votre binôme. Les objectifs du binôme désormais\u202f:")
	// The form submits the pair's ID; the unchanged goal keeps its progress.
	r = h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("dan"), Name: "goals", FromForm: true,
		Values: map[string]string{"pair": r.Form.Fixed["pair"], "first": "écrire des goroutines sans fuite", "second": "relire une PR en anglais"}})
	MustContain(t, r, "Vos objectifs pour votre binôme avec Carol sur «\u202fgo\u202f» sont enregistrés.")
	MustContain(t, r, "2. relire une PR en anglais (Dan)\u202f: pas commencé")
	MustContain(t, r, "4. share two contacts (Carol)\u202f: pas commencé")
	inbox(h)
	MustContain(t, h.Run("carol", "goals fourth:d"), "`first:`")
	long := strings.Repeat("x", bot.MaxGoalLen+1)
	MustContain(t, h.Run("carol", "goals first:"+long), "That's too long for your first goal: 500 characters at most.")

	// The check-in asks about each goal.
	MustTick(t, h, 3*day)
	MustInbox(t, h, "carol: Check-in: go | Have you been in touch with Dan?", "dan: Point d'étape\u202f: go | Avez-vous pu échanger avec Carol\u202f?")
	s := lastSelect(t, h, "dan")
	if len(s.Choices) != 4*3 {
		t.Fatalf("got %d choices, want 3 per goal", len(s.Choices))
	}
	MustContain(t, chooseGoal(t, h, "dan", s, "1. écrire des goroutines sans fuite\u202f: atteint"), "Bravo\u202f: «\u202fécrire des goroutines sans fuite\u202f» est atteint\u202f!")
	MustContain(t, chooseGoal(t, h, "dan", s, "1. écrire des goroutines sans fuite\u202f: atteint"), "est déjà marqué «\u202fatteint\u202f»\u202f: rien n'a changé.")
	MustContain(t, chooseGoal(t, h, "erin", s, "2. relire"), "meant for someone else")
	MustContain(t, chooseGoal(t, h, "carol", lastSelect(t, h, "carol"), "3. listen more than I talk: in progress"), "Noted: “listen more than I talk” is in progress.")
	// The check-in's answer keeps the menu.
	r = h.Click("carol", "carol", bot.ActionCheckinYes)
	if len(r.Message.Selects) != 1 {
		t.Errorf("got %+v, want the goals menu kept after a yes", r.Message)
	}
	// A goal changed since the check-in is a stale choice.
	stale := lastSelect(t, h, "carol")
	// first: replaces the first goal alone, and says what went.
	r = h.Run("carol", "goals first:listen well")
	MustContain(t, r, "4. share two contacts (Carol): not started")
	MustContain(t, r, "No longer among your goals: “listen more than I talk” (in progress). To put it back: `/mentor goals third:listen more than I talk`. A goal put back starts again as not started.")
	MustContain(t, chooseGoal(t, h, "carol", stale, "3. listen more than I talk: done"), "This goal was changed since this message was sent.")

	// The digest counts goals set and done.
	rep, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Goals) != 1 || rep.Goals[0].Set != 4 || rep.Goals[0].Done != 1 || rep.Goals[0].Pairs != 1 {
		t.Fatalf("got %+v, want 4 goals set and 1 done in 1 pair", rep.Goals)
	}
	msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil || !strings.Contains(msg.Text, "• Outside programs: 4 goals set in 1 pair, 1 done") {
		t.Errorf("got digest %q (%v), want its goals line", msg.Text, err)
	}

	// Halfway: the review of the goals.
	MustTick(t, h, 87*day)
	inbox(h)
	MustContain(t, h.Click("dan", "dan", bot.ActionGoalsKeep), "Très bien\u202f: vos objectifs pour «\u202fgo\u202f» restent les mêmes.")
	keep := h.Button("dan", bot.ActionGoalsKeep)
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("dan"), ActionID: keep.ActionID, Value: keep.Value}), "Vous avez déjà répondu à cette question.")
	MustContain(t, h.Click("carol", "dan", bot.ActionGoalsKeep), "meant for someone else")
	// No managers' channel: nothing is posted, and the answer says only
	// what is true, that it is noted for the managers' figures.
	r = h.Click("carol", "carol", bot.ActionGoalsReadjust)
	MustContain(t, r, "I've noted it for the program's managers")
	if len(r.Message.Buttons) == 0 || r.Message.Buttons[0].ActionID != bot.ActionEndAsk {
		t.Errorf("got %+v, want the button that ends the pair for a new match", r.Message.Buttons)
	}
	MustContain(t, h.Click("carol", "carol", bot.ActionGoalsReadjust), "already answered")
	// The digest of the week counts it.
	msg, _, err = h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now().AddDate(0, 0, 7))
	if err != nil || !strings.Contains(msg.Text, "• Readjusting asked at the mid-way review, last week: 1 time") {
		t.Errorf("got digest %q (%v), want the readjustment counted", msg.Text, err)
	}
}

// TestGoalsPairs: /mentor goals with no pair, a pair not started yet,
// several pairs (a button each, or pair:), and where there are no forms.
func TestGoalsPairs(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Run("carol", "goals"), "You have no pair in progress to set goals for.")
	h.Run("carol", "offer go capacity:2")
	h.Run("dan", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	MustContain(t, h.Run("dan", "goals first:x"), "hasn't started yet")
	h.Click("carol", "carol", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	h.Run("erin", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	r := h.Run("carol", "goals first:x")
	MustContain(t, r, "Which one are the goals for?")
	if len(r.Message.Buttons) != 2 {
		t.Fatalf("got %+v, want a button per pair", r.Message.Buttons)
	}
	MustContain(t, h.Run("carol", "goals pair:erin first:help Erin"), "Your goals for your pair with Erin on “go” are saved.")
	MustContain(t, h.Run("carol", "goals pair:zoe first:x"), "None of your pairs in progress is with “zoe”")
	// Without forms (the shell), the goals and what to type.
	r = h.Run("dan", "goals")
	MustContain(t, r, "/mentor goals first:… second:… third:…")
}

// TestGoalsErased: a member's goals are in their export and go with
// their data.
func TestGoalsErased(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go capacity:1", "dan", "request go kind:one-to-one goal:ship it")
	h.Run("carol", "goals first:listen")
	pair := mustOnlyPair(t, h, "dan")
	d, err := h.Store.MemberData(context.Background(), h.Tenant.Member("carol"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := bot.MemberJSON(h.Tenant.Member("carol"), d, h.Clock.Now())
	if err != nil || !strings.Contains(string(data), `"goals": []`) {
		t.Fatalf("got %s, %v: the store's MemberData leaves goals to the core", data, err)
	}
	if err := h.Bot.Forget(context.Background(), h.Tenant.Member("carol")); err != nil {
		t.Fatal(err)
	}
	goals, _ := h.Store.Goals(context.Background(), h.Tenant, pair.ID)
	for _, g := range goals {
		if g.By.User == "carol" {
			t.Errorf("got %+v, want carol's goals erased", g)
		}
	}
}

// TestGoalsReport: the end-of-program report gives the share of pairs
// that reached at least one goal, and the digest counts the program's.
func TestGoalsReport(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("alice", "admin settings checkin-after:2d")
	h.Run("bob", "offer go program:mentorat-2027 capacity:2")
	h.Run("carol", "offer design program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027 goal:ship a service")
	h.Run("dan", "request Design kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	for _, m := range []string{"bob", "ann", "carol", "dan"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.Run("dan", "goals first:a portfolio")
	h.At(12, 10, 0) // the check-in
	MustContain(t, chooseGoal(t, h.Harness, "ann", lastSelect(t, h.Harness, "ann"), "1. ship a service: done"), "Well done")
	rep, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil || len(rep.Goals) != 1 || rep.Goals[0].Program.Name != "Mentorat 2027" || rep.Goals[0].Set != 2 || rep.Goals[0].Done != 1 {
		t.Fatalf("got %+v (%v), want Mentorat 2027 with 2 goals set and 1 done", rep.Goals, err)
	}
	h.At(21, 0, 1)
	h.At(21, 9, 0)
	h.Posting.Posts()
	MustContain(t, h.Run("alice", `admin report program:"Mentorat 2027"`), "• Pairs that reached at least one goal: 1 of 2 (50%)")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin report programme:"Mentorat 2027"`), "• Binômes ayant atteint au moins un objectif\u202f: 1 sur 2 (50\u00a0%)")
}

// TestGoalsExported: /mentor export-me lists the goals the member set.
func TestGoalsExported(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "carol", "offer go capacity:1", "dan", "request go kind:one-to-one goal:ship it")
	h.Run("carol", "goals first:listen more")
	h.Posting.Posts()
	MustContain(t, h.Run("carol", "export-me"), "")
	files := h.Posting.Posts()
	if len(files) != 1 || files[0].File == nil {
		t.Fatalf("got %+v, want the export", files)
	}
	var export struct {
		Goals []struct{ Pair, Text, Progress string } `json:"goals"`
	}
	if err := json.Unmarshal(files[0].File.Data, &export); err != nil {
		t.Fatal(err)
	}
	if len(export.Goals) != 1 || export.Goals[0].Text != "listen more" || export.Goals[0].Progress != "not-started" || export.Goals[0].Pair == "" {
		t.Errorf("got goals %+v, want carol's one goal, not dan's", export.Goals)
	}
}

// TestGoalsStaleMenu: each member's check-in menu carries where the goals
// stood when it was sent; a choice in it once a goal moved (by the other
// member, or by oneself in another menu) is refused, naming who moved it
// and to what, in the clicker's language, with the goals now and a fresh
// menu; nothing is undone. The member's next choice in the menu they
// answered in corrects their answer. Carol (mentor) reads English, Dan
// (mentee) French.
func TestGoalsStaleMenu(t *testing.T) {
	h, carolMenu, danMenu, progress := mustCheckinMenus(t)

	MustContain(t, chooseGoal(t, h, "carol", carolMenu, "1. ship a Go service: done"), "Well done: “ship a Go service” is done!")
	// Dan's menu was sent before: his "not started" would undo Carol's answer.
	r := chooseGoal(t, h, "dan", danMenu, "1. ship a Go service\u202f: pas commencé")
	MustContain(t, r, "Carol a marqué «\u202fship a Go service\u202f» comme «\u202fatteint\u202f» depuis ce message\u202f: l'objectif reste «\u202fatteint\u202f». Choisissez de nouveau dans le menu si cela a changé.")
	MustContain(t, r, "Les objectifs du binôme désormais\u202f:\n1. ship a Go service (Dan)\u202f: atteint")
	if progress() != bot.GoalDone {
		t.Fatalf("got %s, want Carol's done kept", progress())
	}
	if len(r.Message.Selects) != 1 {
		t.Fatalf("got %+v, want a fresh menu", r.Message)
	}
	fresh := r.Message.Selects[0]
	// The same choice as the goal has says so, from either menu.
	MustContain(t, chooseGoal(t, h, "dan", danMenu, "1. ship a Go service\u202f: atteint"), "«\u202fship a Go service\u202f» est déjà marqué «\u202fatteint\u202f»\u202f: rien n'a changé.")
	// The fresh menu works.
	MustContain(t, chooseGoal(t, h, "dan", fresh, "1. ship a Go service\u202f: en cours"), "C'est noté\u202f: «\u202fship a Go service\u202f» est marqué «\u202fen cours\u202f».")
	if progress() != bot.GoalInProgress {
		t.Fatalf("got %s, want in progress", progress())
	}
	// Now Carol's menu is stale, and so is Dan's first one: he moved the
	// goal in another menu since.
	r = chooseGoal(t, h, "carol", carolMenu, "1. ship a Go service: not started")
	MustContain(t, r, "Dan marked “ship a Go service” in progress since this message: it stays in progress. Choose again in the menu if it has changed.")
	MustContain(t, r, "The pair's goals now:\n1. ship a Go service (Dan): in progress")
	carolFresh := r.Message.Selects[0]
	MustContain(t, chooseGoal(t, h, "dan", danMenu, "1. ship a Go service\u202f: pas commencé"), "Vous avez marqué «\u202fship a Go service\u202f» comme «\u202fen cours\u202f» depuis ce message")
	MustContain(t, chooseGoal(t, h, "carol", carolMenu, "1. ship a Go service: in progress"), "“ship a Go service” is already marked in progress: nothing changed.")
	if progress() != bot.GoalInProgress {
		t.Fatalf("got %s, want Dan's in progress kept", progress())
	}
	// Dan's next choice in the menu he answered in corrects his answer.
	MustContain(t, chooseGoal(t, h, "dan", fresh, "1. ship a Go service\u202f: pas commencé"), "C'est corrigé\u202f: «\u202fship a Go service\u202f» est maintenant marqué «\u202fpas commencé\u202f» (vous l'aviez marqué «\u202fen cours\u202f»).")
	if progress() != bot.GoalNotStarted {
		t.Fatalf("got %s, want Dan's correction", progress())
	}
	// Carol's fresh menu was sent before it: stale.
	r = chooseGoal(t, h, "carol", carolFresh, "1. ship a Go service: done")
	MustContain(t, r, "Dan marked “ship a Go service” not started since this message: it stays not started.")
	// Her newest menu records her choice.
	MustContain(t, chooseGoal(t, h, "carol", r.Message.Selects[0], "1. ship a Go service: in progress"), "Noted: “ship a Go service” is in progress.")
	if progress() != bot.GoalInProgress {
		t.Fatalf("got %s, want in progress", progress())
	}
	// A menu sent before choices carried the progress still works.
	legacy := bot.Select{ActionID: carolMenu.ActionID, Value: carolMenu.Value}
	for _, c := range carolMenu.Choices {
		legacy.Choices = append(legacy.Choices, bot.Choice{Label: c.Label, Value: c.Value[:strings.LastIndex(c.Value, ".")]})
	}
	MustContain(t, chooseGoal(t, h, "carol", legacy, "1. ship a Go service: done"), "Well done")
}

// TestGoalProgressFrench: the notice reads correctly in French for each
// of the three states.
func TestGoalProgressFrench(t *testing.T) {
	for p, want := range map[string]string{
		"not-started": "C'est noté\u202f: «\u202fx\u202f» est marqué «\u202fpas commencé\u202f».",
		"in-progress": "C'est noté\u202f: «\u202fx\u202f» est marqué «\u202fen cours\u202f».",
		"done":        "C'est noté\u202f: «\u202fx\u202f» est marqué «\u202fatteint\u202f».",
	} {
		if got := bot.T(bot.French, "goals.progress_saved", "goal", "x", "progress", bot.T(bot.French, "goals.progress."+p)); got != want {
			t.Errorf("%s: got %q, want %q", p, got, want)
		}
	}
}

// mustCheckinMenus pairs Carol (mentor, English) and Dan (mentee, French)
// with one goal, runs their first check-in, and returns each one's goals
// menu and where the goal stands.
func mustCheckinMenus(t *testing.T) (*bottest.Harness, bot.Select, bot.Select, func() bot.GoalProgress) {
	t.Helper()
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "carol", "offer go capacity:1 languages:en,fr", "dan", "request go kind:one-to-one objectif:ship a Go service")
	MustTick(t, h, 3*day)
	inbox(h)
	carolMenu, danMenu := lastSelect(t, h, "carol"), lastSelect(t, h, "dan")
	pair := mustOnlyPair(t, h, "dan")
	return h, carolMenu, danMenu, func() bot.GoalProgress {
		t.Helper()
		gs, err := h.Store.Goals(context.Background(), h.Tenant, pair.ID)
		if err != nil || len(gs) != 1 {
			t.Fatalf("got %v, %v, want the one goal", gs, err)
		}
		return gs[0].Progress
	}
}
