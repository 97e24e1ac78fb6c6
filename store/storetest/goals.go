package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

var goalTests = []contractTest{
	{"Goals", testGoals},
	{"GoalProgress", testGoalProgress},
	{"GoalProgressExpected", testGoalProgressExpected},
	{"GoalProgressMenu", testGoalProgressMenu},
	{"ConcurrentGoals", testConcurrentGoals},
	{"GoalsErased", testGoalsErased},
	{"GoalsPruned", testGoalsPruned},
}

func goal(id, text string) bot.Goal {
	return bot.Goal{ID: id, Text: text, Progress: bot.GoalNotStarted, Updated: t0}
}

// mustGoals sets by's goals to goals and checks the store says fresh as
// want.
func mustGoals(t *testing.T, s bot.Store, tn bot.Tenant, pair string, by bot.MemberID, wantFresh bool, goals ...bot.Goal) {
	t.Helper()
	_, err := s.SetGoals(ctx(), tn, pair, "p1", by, func(mine []bot.Goal, fresh bool) ([]bot.Goal, error) {
		if fresh != wantFresh {
			t.Errorf("fresh %v, want %v (mine %v)", fresh, wantFresh, mine)
		}
		return goals, nil
	})
	MustOK(t, err)
}

func texts(goals []bot.Goal) []string {
	var out []string
	for _, g := range goals {
		out = append(out, g.By.User+":"+g.Text+":"+string(g.Progress))
	}
	return out
}

func testGoals(t *testing.T, s bot.Store, tn bot.Tenant) {
	formPair(t, s, tn) // pair1, of A and M
	a, m := tn.Member("A"), tn.Member("M")
	if gs, err := s.Goals(ctx(), tn, "pair1"); err != nil || len(gs) != 0 {
		t.Fatalf("got %v, %v, want no goals", gs, err)
	}
	// A pair that is gone (erased, pruned) takes no goals.
	_, err := s.SetGoals(ctx(), tn, "gone", "p1", m, func([]bot.Goal, bool) ([]bot.Goal, error) { return []bot.Goal{goal("g0", "lost")}, nil })
	MustCode(t, err, bot.ENOTFOUND)
	if _, err := s.GetPair(ctx(), tn, "gone"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v for a pair that is gone after goals were set on it, want it still gone", err)
	}
	mustGoals(t, s, tn, "pair1", m, true, goal("g1", "ship"), goal("g2", "review"))
	mustGoals(t, s, tn, "pair1", a, true, goal("g3", "listen"))
	gs, err := s.Goals(ctx(), tn, "pair1")
	MustOK(t, err)
	got := map[string][]string{}
	for _, g := range gs {
		got[g.By.User] = append(got[g.By.User], g.ID)
		if g.By != tn.Member(g.By.User) || !g.Updated.Equal(t0) {
			t.Errorf("got %+v, want the member's full ID and the time set", g)
		}
	}
	if len(gs) != 3 || len(got["M"]) != 2 || got["M"][0] != "g1" || got["M"][1] != "g2" || got["A"][0] != "g3" {
		t.Fatalf("got %v, want M's g1, g2 in order and A's g3", texts(gs))
	}
	// A change sees the member's own goals, not fresh; its error writes nothing.
	boom := errors.New("no")
	_, err = s.SetGoals(ctx(), tn, "pair1", "p1", m, func(mine []bot.Goal, fresh bool) ([]bot.Goal, error) {
		if fresh || len(mine) != 2 || mine[0].Text != "ship" {
			t.Errorf("got %v fresh %v, want M's two goals", texts(mine), fresh)
		}
		return nil, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want change's error", err)
	}
	// Cleared goals are not fresh any more.
	mustGoals(t, s, tn, "pair1", m, false)
	mustGoals(t, s, tn, "pair1", m, false, goal("g4", "again"))
	all, err := s.GoalsOf(ctx(), tn, []string{"pair1", "nope"})
	MustOK(t, err)
	if len(all) != 1 || len(all["pair1"]) != 2 {
		t.Fatalf("got %v, want pair1's two goals only", all)
	}
	filed, err := s.GoalPairs(ctx(), tn)
	MustOK(t, err)
	if len(filed) != 1 || filed["pair1"] != "p1" {
		t.Fatalf("got %v, want pair1 under p1", filed)
	}
}

func testGoalProgress(t *testing.T, s bot.Store, tn bot.Tenant) {
	formPair(t, s, tn) // pair1, of A and M
	m := tn.Member("M")
	mustGoals(t, s, tn, "pair1", m, true, goal("g1", "ship"), goal("g2", "review"))
	at := t0.Add(time.Hour)
	done := bot.ProgressChange{To: bot.GoalDone, By: m, At: at}
	g, err := s.SetProgress(ctx(), tn, "pair1", m, "g2", done)
	MustOK(t, err)
	if g.ID != "g2" || g.Progress != bot.GoalDone || !g.Updated.Equal(at) || g.By != m || g.ProgressBy != m {
		t.Fatalf("got %+v, want g2 done at %v by M", g, at)
	}
	g, err = s.SetProgress(ctx(), tn, "pair1", m, "g2", done)
	MustCode(t, err, bot.ESTALE)
	if g.Progress != bot.GoalDone {
		t.Errorf("got %+v with ESTALE, want the goal as stored", g)
	}
	_, err = s.SetProgress(ctx(), tn, "pair1", m, "zz", done)
	MustCode(t, err, bot.ENOTFOUND)
	_, err = s.SetProgress(ctx(), tn, "pair1", tn.Member("A"), "g1", done)
	MustCode(t, err, bot.ENOTFOUND)
	gs, _ := s.Goals(ctx(), tn, "pair1")
	if len(gs) != 2 || gs[0].Progress != bot.GoalNotStarted || gs[1].Progress != bot.GoalDone {
		t.Fatalf("got %v, want g1 not started and g2 done", texts(gs))
	}
}

// testGoalProgressExpected: a change that expects a progress is refused
// with ESTALE, and the goal as stored (who set it, to what), once the
// goal has another; of changes racing from one expected progress to
// different ones, exactly one counts.
func testGoalProgressExpected(t *testing.T, s bot.Store, tn bot.Tenant) {
	formPair(t, s, tn) // pair1, of A and M
	m, a := tn.Member("M"), tn.Member("A")
	mustGoals(t, s, tn, "pair1", m, true, goal("g1", "ship"), goal("g2", "review"))
	at := t0.Add(time.Hour)
	g, err := s.SetProgress(ctx(), tn, "pair1", m, "g1", bot.ProgressChange{To: bot.GoalDone, From: bot.GoalNotStarted, By: a, At: at})
	MustOK(t, err)
	if g.Progress != bot.GoalDone || g.ProgressBy != a || g.By != m {
		t.Fatalf("got %+v, want g1 of M done by A", g)
	}
	// A menu sent while g1 was not started is stale now.
	g, err = s.SetProgress(ctx(), tn, "pair1", m, "g1", bot.ProgressChange{To: bot.GoalInProgress, From: bot.GoalNotStarted, By: m, At: at.Add(time.Minute)})
	MustCode(t, err, bot.ESTALE)
	if g.Progress != bot.GoalDone || g.ProgressBy != a || !g.Updated.Equal(at) {
		t.Fatalf("got %+v, want the goal as stored: done by A at %v", g, at)
	}
	gs, _ := s.Goals(ctx(), tn, "pair1")
	if texts(gs)[0] != "M:ship:done" || gs[0].ProgressBy != a {
		t.Fatalf("got %v, want g1 still done by A", texts(gs))
	}
	// From the progress it has, the change is made.
	g, err = s.SetProgress(ctx(), tn, "pair1", m, "g1", bot.ProgressChange{To: bot.GoalInProgress, From: bot.GoalDone, By: m, At: at})
	MustOK(t, err)
	if g.Progress != bot.GoalInProgress || g.ProgressBy != m {
		t.Fatalf("got %+v, want g1 in progress by M", g)
	}
	// Racing clicks from menus that showed g2 not started: one counts.
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		won []bot.GoalProgress
	)
	for i := range 6 {
		to := []bot.GoalProgress{bot.GoalInProgress, bot.GoalDone}[i%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.SetProgress(ctx(), tn, "pair1", m, "g2", bot.ProgressChange{To: to, From: bot.GoalNotStarted, By: a, At: at})
			mu.Lock()
			defer mu.Unlock()
			switch bot.ErrorCode(err) {
			case "":
				won = append(won, to)
			case bot.ESTALE, bot.ECONFLICT:
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	gs, _ = s.Goals(ctx(), tn, "pair1")
	if len(won) != 1 || gs[1].Progress != won[0] {
		t.Fatalf("got %v won and g2 %v, want exactly one change, kept", won, gs[1].Progress)
	}
}

// testGoalProgressMenu: a change of progress keeps the menu it was made
// in (ProgressMenu), read back and kept by a change of the member's
// goals; a change without a menu leaves none.
func testGoalProgressMenu(t *testing.T, s bot.Store, tn bot.Tenant) {
	formPair(t, s, tn) // pair1, of A and M
	m := tn.Member("M")
	mustGoals(t, s, tn, "pair1", m, true, goal("g1", "ship"), goal("g2", "review"))
	g, err := s.SetProgress(ctx(), tn, "pair1", m, "g1", bot.ProgressChange{To: bot.GoalInProgress, From: bot.GoalNotStarted, By: m, At: t0, Menu: "menu1"})
	MustOK(t, err)
	if g.ProgressMenu != "menu1" {
		t.Fatalf("got %+v, want the menu kept", g)
	}
	_, err = s.SetGoals(ctx(), tn, "pair1", "p1", m, func(mine []bot.Goal, _ bool) ([]bot.Goal, error) {
		return append(mine, goal("g3", "listen")), nil
	})
	MustOK(t, err)
	gs, err := s.Goals(ctx(), tn, "pair1")
	MustOK(t, err)
	if len(gs) != 3 || gs[0].ProgressMenu != "menu1" || gs[0].Progress != bot.GoalInProgress || gs[1].ProgressMenu != "" {
		t.Fatalf("got %+v, want g1's menu read back and kept, g2 without one", gs)
	}
	g, err = s.SetProgress(ctx(), tn, "pair1", m, "g1", bot.ProgressChange{To: bot.GoalDone, From: bot.GoalInProgress, By: m, At: t0})
	MustOK(t, err)
	if gs, _ = s.Goals(ctx(), tn, "pair1"); g.ProgressMenu != "" || gs[0].ProgressMenu != "" {
		t.Fatalf("got %+v, %+v, want no menu after a change without one", g, gs[0])
	}
}

// testConcurrentGoals: changes racing on one member's goals are all kept,
// and of several clicks setting one progress, exactly one counts.
func testConcurrentGoals(t *testing.T, s bot.Store, tn bot.Tenant) {
	formPair(t, s, tn) // pair1, of A and M
	m := tn.Member("M")
	const n = 6
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.SetGoals(ctx(), tn, "pair1", "p1", m, func(mine []bot.Goal, _ bool) ([]bot.Goal, error) {
				return append(mine, goal(string(rune('a'+i)), "goal")), nil
			})
			if err != nil && bot.ErrorCode(err) != bot.ECONFLICT {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	gs, _ := s.Goals(ctx(), tn, "pair1")
	if len(gs) == 0 || len(gs) > n {
		t.Fatalf("got %d goals, want each change that returned kept", len(gs))
	}
	var mu sync.Mutex
	ok := 0
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.SetProgress(ctx(), tn, "pair1", m, gs[0].ID, bot.ProgressChange{To: bot.GoalDone, By: m, At: t0})
			mu.Lock()
			defer mu.Unlock()
			switch bot.ErrorCode(err) {
			case "":
				ok++
			case bot.ESTALE, bot.ECONFLICT:
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if ok != 1 {
		t.Fatalf("%d clicks counted, want 1", ok)
	}
}

func testGoalsErased(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	mustGoals(t, s, tn, pair.ID, pair.Mentee, true, goal("g1", "ship"))
	mustGoals(t, s, tn, pair.ID, pair.Mentor, true, goal("g2", "listen"))
	mustPairOf(t, s, tn, "other", "B", pair.Mentee.User)
	mustGoals(t, s, tn, "other", pair.Mentee, true, goal("g3", "other"))
	_, err := s.SetProgress(ctx(), tn, pair.ID, pair.Mentee, "g1", bot.ProgressChange{To: bot.GoalDone, By: pair.Mentor, At: t0})
	MustOK(t, err)
	// The mentor leaves: the pair is kept for the mentee, blanked; the
	// mentee's goal keeps its progress, no longer who set it.
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentor, Blank: []string{pair.ID}}))
	gs, _ := s.Goals(ctx(), tn, pair.ID)
	if len(gs) != 1 || gs[0].ID != "g1" || gs[0].Progress != bot.GoalDone || gs[0].ProgressBy.User != "" {
		t.Fatalf("got %v (%+v), want the mentee's goal only, done, by nobody", texts(gs), gs)
	}
	// The mentee erases the pair: its goals go, and its filing.
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentee, Pairs: []string{pair.ID}}))
	if gs, _ := s.Goals(ctx(), tn, pair.ID); len(gs) != 0 {
		t.Fatalf("got %v, want no goals left", texts(gs))
	}
	filed, _ := s.GoalPairs(ctx(), tn)
	if _, ok := filed[pair.ID]; ok || len(filed) != 1 {
		t.Fatalf("got %v, want only the other pair filed", filed)
	}
}

func testGoalsPruned(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	mustGoals(t, s, tn, pair.ID, pair.Mentee, true, goal("g1", "ship"))
	mustPairOf(t, s, tn, "young", "B", pair.Mentee.User)
	mustGoals(t, s, tn, "young", pair.Mentee, true, goal("g2", "kept"))
	_, err := s.EndPair(ctx(), tn, pair.ID, bot.PairCompleted, "", t0)
	MustOK(t, err)
	_, err = s.Prune(ctx(), tn, t0.Add(24*time.Hour))
	MustOK(t, err)
	if gs, _ := s.Goals(ctx(), tn, pair.ID); len(gs) != 0 {
		t.Fatalf("got %v, want the pruned pair's goals gone", texts(gs))
	}
	if gs, _ := s.Goals(ctx(), tn, "young"); len(gs) != 1 {
		t.Fatalf("got %v, want the other pair's goals kept", texts(gs))
	}
	filed, _ := s.GoalPairs(ctx(), tn)
	if _, ok := filed[pair.ID]; ok {
		t.Fatalf("got %v, want the pruned pair unfiled", filed)
	}
}
