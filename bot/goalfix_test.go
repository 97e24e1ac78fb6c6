package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// goalFixProgress returns where each of the pair's goals stands, by text.
func goalFixProgress(t *testing.T, h *bottest.Harness, user string) map[string]bot.GoalProgress {
	t.Helper()
	pair := mustOnlyPair(t, h, user)
	gs, err := h.Store.Goals(context.Background(), h.Tenant, pair.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bot.GoalProgress{}
	for _, g := range gs {
		out[g.Text] = g.Progress
	}
	return out
}

// mustNotContain fails if the reply's text contains unwanted.
func mustNotContain(t *testing.T, r bot.Reply, unwanted string) {
	t.Helper()
	if strings.Contains(r.Message.Text, unwanted) {
		t.Fatalf("got reply %q, want it without %q", r.Message.Text, unwanted)
	}
}

// TestGoalFixOneGoalKeepsOthers: /mentor goals with one goal's option
// changes that goal alone: the member's other goals stay, with their
// progress; the goal replaced is named, with where it stood and the
// command that puts it back, which does. In French (the report's
// repro) and English.
func TestGoalFixOneGoalKeepsOthers(t *testing.T) {
	t.Run("fr", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "langue fr")
		h.Run("dan", "langue fr")
		mustOfficial(h, "bob", "propose go capacité:2", "dan", "demande go type:individuel objectif:écrire mon premier service en Go")
		h.Run("dan", "objectifs premier:écrire un service deuxième:relire du code")
		MustTick(t, h, 3*day)
		inbox(h)
		MustContain(t, chooseGoal(t, h, "dan", lastSelect(t, h, "dan"), "1. écrire un service\u202f: en cours"), "C'est noté")
		MustContain(t, chooseGoal(t, h, "dan", lastSelect(t, h, "dan"), "2. relire du code\u202f: en cours"), "C'est noté")

		r := h.Run("dan", "objectif premier:passer une certification")
		MustContain(t, r, "Les objectifs du binôme\u202f:\n1. passer une certification (Dan)\u202f: pas commencé\n2. relire du code (Dan)\u202f: en cours")
		MustContain(t, r, "Ne fait plus partie de vos objectifs\u202f: «\u202fécrire un service\u202f» (en cours). Pour le remettre\u202f: `/mentor objectifs troisième:écrire un service`. Un objectif remis repart de «\u202fpas commencé\u202f».")
		if got := goalFixProgress(t, h, "dan"); len(got) != 2 || got["relire du code"] != bot.GoalInProgress || got["passer une certification"] != bot.GoalNotStarted {
			t.Fatalf("got %v, want the second goal kept in progress", got)
		}
		// The command given puts it back, and nothing else goes.
		r = h.Run("dan", "goals troisième:écrire un service")
		MustContain(t, r, "3. écrire un service (Dan)\u202f: pas commencé")
		mustNotContain(t, r, "Ne fait plus partie")
		// A goal given with its text unchanged keeps its progress.
		r = h.Run("dan", "objectifs deuxième:relire du code")
		MustContain(t, r, "2. relire du code (Dan)\u202f: en cours")
		mustNotContain(t, r, "Ne fait plus partie")
	})
	t.Run("en", func(t *testing.T) {
		h := MustHarness(t)
		mustOfficial(h, "bob", "offer go capacity:2", "dan", "request go kind:one-to-one goal:write my first Go service")
		r := h.Run("dan", "goals second:review code")
		// The request's goal stays the first.
		MustContain(t, r, "1. write my first Go service (Dan): not started\n2. review code (Dan): not started")
		mustNotContain(t, r, "No longer")
		MustTick(t, h, 3*day)
		inbox(h)
		MustContain(t, chooseGoal(t, h, "dan", lastSelect(t, h, "dan"), "2. review code: in progress"), "Noted")
		r = h.Run("dan", "goals first:pass a certification")
		MustContain(t, r, "1. pass a certification (Dan): not started\n2. review code (Dan): in progress")
		MustContain(t, r, "No longer among your goals: “write my first Go service”. To put it back: `/mentor goals third:write my first Go service`.")
		mustNotContain(t, r, "starts again")
		// The other member reads the pair's goals as they are.
		msgs := h.Platform.To("bob")
		if last := msgs[len(msgs)-1]; !strings.HasSuffix(last.Text, "The pair's goals now:\n1. pass a certification (Dan): not started\n2. review code (Dan): in progress") {
			t.Fatalf("got %q, want Bob told the pair's goals as they are", last.Text)
		}
	})
}

// TestGoalFixRemoveGoal: `second:none` (`deuxième:aucun`) removes one
// goal, and only it; the reply names it and how to put it back. Removing
// a goal one does not have says so and changes nothing, as does the same
// goal in two places. With three goals, one replaced goes back in the
// place of the new one. The help and the reply of /mentor goals alone
// say how.
func TestGoalFixRemoveGoal(t *testing.T) {
	t.Run("en", func(t *testing.T) {
		h := MustHarness(t)
		mustOfficial(h, "bob", "offer go", "dan", "request go kind:one-to-one")
		h.Run("bob", "goals first:listen second:share contacts third:review code")
		r := h.Run("bob", "goals second:none")
		MustContain(t, r, "1. listen (Bob): not started\n2. review code (Bob): not started")
		MustContain(t, r, "No longer among your goals: “share contacts”. To put it back: `/mentor goals third:share contacts`.")
		MustContain(t, h.Run("bob", "goals third:NONE"), "You set 2 goals yourself, so there is no goal 3 of yours to remove: nothing was changed.")
		h.Run("bob", "goals third:share contacts")
		r = h.Run("bob", "goals second:pair program")
		MustContain(t, r, "No longer among your goals: “review code”. To put it back: `/mentor goals second:review code`.")
		// The same goal in two places is a slip: refused.
		MustContain(t, h.Run("bob", "goals first:Share contacts"), "“Share contacts” is already your goal 3: nothing was changed.")
		r = h.Run("bob", "goals first:none second:none third:none")
		MustContain(t, r, "Your goals for your pair with Dan on “go” are removed.")
		MustContain(t, r, "No longer among your goals: “listen”, “pair program” and “share contacts”. To put them back: `/mentor goals first:listen second:pair program third:share contacts`.")
		MustContain(t, h.Run("bob", "goals"), "To remove one: `second:none`.")
		MustContain(t, h.Run("bob", "help goals"), "type “none” to remove it")
	})
	t.Run("fr", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "langue fr")
		mustOfficial(h, "bob", "propose go langues:en,fr", "dan", "request go kind:one-to-one")
		h.Run("bob", "objectifs premier:écouter deuxième:partager des contacts")
		r := h.Run("bob", "objectifs premier:aucun")
		MustContain(t, r, "Les objectifs du binôme\u202f:\n1. partager des contacts (Bob)\u202f: pas commencé")
		MustContain(t, r, "Ne fait plus partie de vos objectifs\u202f: «\u202fécouter\u202f». Pour le remettre\u202f: `/mentor objectifs deuxième:écouter`.")
		MustContain(t, h.Run("bob", "objectifs troisième:aucun"), "Vous avez fixé 1 objectif vous-même, donc pas d'objectif 3 à retirer\u202f: rien n'a été modifié.")
		MustContain(t, h.Run("bob", "objectifs deuxième:écouter"), "2. écouter (Bob)")
		MustContain(t, h.Run("bob", "objectifs troisième:Écouter"), "«\u202fÉcouter\u202f» est déjà votre objectif 2\u202f: rien n'a été modifié.")
		MustContain(t, h.Run("bob", "objectifs"), "Pour en retirer un\u202f: `deuxième:aucun`.")
		MustContain(t, h.Run("bob", "aide objectifs"), "tapez «\u202faucun\u202f» pour le retirer")
	})
}

// TestGoalFixFormRemoval: the form submits the whole list: a field
// emptied removes its goal, and the reply names it.
func TestGoalFixFormRemoval(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "bob", "offer go", "dan", "request go kind:one-to-one")
	h.Run("bob", "goals first:listen second:share contacts")
	pair := mustOnlyPair(t, h, "bob")
	r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("bob"), Name: "goals", FromForm: true,
		Values: map[string]string{"pair": pair.ID, "first": "listen", "second": "", "third": ""}})
	MustContain(t, r, "1. listen (Bob): not started")
	MustContain(t, r, "No longer among your goals: “share contacts”. To put it back: `/mentor goals second:share contacts`.")
}

// TestGoalFixSameMenuCorrection: in a check-in's goals menu, the member's
// own later choice corrects their answer, and says so; a change by the
// other member, or by the member in another menu, is still refused as
// stale. In English (the report's repro) and French.
func TestGoalFixSameMenuCorrection(t *testing.T) {
	t.Run("en", func(t *testing.T) {
		h := MustHarness(t)
		mustOfficial(h, "bob", "offer go", "dan", "request go kind:one-to-one goal:ship a service")
		MustTick(t, h, 3*day)
		inbox(h)
		menu, bobMenu := lastSelect(t, h, "dan"), lastSelect(t, h, "bob")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. ship a service: in progress"), "Noted: “ship a service” is in progress.")
		r := chooseGoal(t, h, "dan", menu, "1. ship a service: not started")
		MustContain(t, r, "Corrected: “ship a service” is now not started (you had marked it in progress).")
		if got := goalFixProgress(t, h, "dan")["ship a service"]; got != bot.GoalNotStarted {
			t.Fatalf("got %s, want not started", got)
		}
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. ship a service: done"), "Corrected, and well done: “ship a service” is done (you had marked it not started).")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. ship a service: in progress"), "Corrected: “ship a service” is now in progress (you had marked it done).")
		// Bob's menu was sent before Dan's answers: stale for him.
		r = chooseGoal(t, h, "bob", bobMenu, "1. ship a service: done")
		MustContain(t, r, "Dan marked “ship a service” in progress since this message: it stays in progress.")
		fresh := r.Message.Selects[0]
		MustContain(t, chooseGoal(t, h, "bob", fresh, "1. ship a service: done"), "Well done")
		// Bob's change came after Dan's: Dan's menu is stale now.
		r = chooseGoal(t, h, "dan", menu, "1. ship a service: not started")
		MustContain(t, r, "Bob marked “ship a service” done since this message: it stays done.")
		// Dan's answer in the fresh menu, then in his first one again:
		// that one is stale, his change was made in another menu.
		MustContain(t, chooseGoal(t, h, "dan", r.Message.Selects[0], "1. ship a service: in progress"), "Noted")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. ship a service: not started"), "You marked “ship a service” in progress since this message: it stays in progress.")
		if got := goalFixProgress(t, h, "dan")["ship a service"]; got != bot.GoalInProgress {
			t.Fatalf("got %s, want in progress", got)
		}
	})
	t.Run("fr", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("dan", "langue fr")
		mustOfficial(h, "bob", "offer go languages:en,fr", "dan", "demande go type:individuel objectif:livrer un service")
		MustTick(t, h, 3*day)
		inbox(h)
		menu := lastSelect(t, h, "dan")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. livrer un service\u202f: en cours"), "C'est noté\u202f: «\u202flivrer un service\u202f» est marqué «\u202fen cours\u202f».")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. livrer un service\u202f: pas commencé"), "C'est corrigé\u202f: «\u202flivrer un service\u202f» est maintenant marqué «\u202fpas commencé\u202f» (vous l'aviez marqué «\u202fen cours\u202f»).")
		// The menu kept in the answer to the check-in is another menu.
		kept := h.Click("dan", "dan", bot.ActionCheckinYes)
		MustContain(t, chooseGoal(t, h, "dan", kept.Message.Selects[0], "1. livrer un service\u202f: atteint"), "Bravo")
		MustContain(t, chooseGoal(t, h, "dan", menu, "1. livrer un service\u202f: en cours"), "Vous avez marqué «\u202flivrer un service\u202f» comme «\u202fatteint\u202f» depuis ce message")
		if got := goalFixProgress(t, h, "dan")["livrer un service"]; got != bot.GoalDone {
			t.Fatalf("got %s, want done", got)
		}
	})
}
