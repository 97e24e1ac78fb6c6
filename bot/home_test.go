package bot_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestHomeRender writes a home from its data, in English and in French:
// a paused offer with its date, a waiting request and why, a pair with its
// next meeting (in the member's zone), its next check-in and its goals.
func TestHomeRender(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	me, mentor, mentee := tn.Member("ann"), tn.Member("bob"), tn.Member("cat")
	paris, _ := time.LoadLocation("Europe/Paris")
	d := bot.HomeData{
		Member: me, Me: bot.Member{ID: me, Name: "Ann", TZ: "Europe/Paris"}, Loc: paris,
		Overview: bot.Overview{
			Offer:   &bot.Offer{Mentor: me, Topics: []string{"go", "rust"}, Capacity: 2, Active: 1, Paused: true},
			Request: &bot.Request{ID: "r1", Mentee: me, Topic: "kubernetes", State: bot.RequestWaiting},
			Pairs: []bot.Pair{
				{ID: "p1", Mentor: me, Mentee: mentee, Topic: "go", State: bot.PairActive, Kind: matching.OneToOne},
				{ID: "p2", Mentor: mentor, Mentee: me, Topic: "design", State: bot.PairActive, Kind: matching.OneToOne},
			},
			Names: map[string]string{"bob": "Bob", "cat": "Cat"},
		},
		PausedUntil: time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC), RequestPaused: true,
		Waiting: &matching.Explanation{NoCapacity: 1},
		Next: map[string]bot.PairNext{
			"p1": {
				Meeting: bot.MeetingSlot{Start: time.Date(2026, 11, 12, 13, 30, 0, 0, time.UTC), End: time.Date(2026, 11, 12, 14, 30, 0, 0, time.UTC)},
				Checkin: time.Date(2026, 11, 13, 9, 0, 0, 0, time.UTC),
				Goals: []bot.Goal{
					{ID: "g1", By: mentee, Text: "ship a service", Progress: bot.GoalInProgress},
					{ID: "g2", By: me, Text: "review code", Progress: bot.GoalDone},
					{ID: "g3", By: mentee, Text: "speak at a meetup", Progress: bot.GoalNotStarted},
				},
			},
			"p2": {},
		},
	}
	tests := []struct {
		lang bot.Lang
		want []string
	}{
		{bot.English, []string{
			"Mentor for: go and rust (paused until 10 January 2027)",
			"Your request: “kubernetes”, waiting for a mentor",
			"    Paused until 10 January 2027.",
			"    The mentor for “kubernetes” who could take it has no free slot right now.",
			"Mentor of Cat on “go”: active",
			"    Next meeting: Thursday 12 November, 14:30–15:30 (Paris)",
			"    Next check-in: 13 November 2026",
			"    Goals:",
			"      • ship a service (Cat): in progress",
			"      • review code (Ann): done",
			"      • speak at a meetup (Cat): not started",
			"Mentored by Bob on “design”: active",
			"    No meeting agreed yet.",
		}},
		{bot.French, []string{
			"Mentor pour\u202f: go et rust (en pause jusqu'au 10 janvier 2027)",
			"Votre demande\u202f: «\u202fkubernetes\u202f», en attente d'un mentor",
			"    En pause jusqu'au 10 janvier 2027.",
			"    Prochain rendez-vous\u202f: le jeudi 12 novembre, de 14\u00a0h\u00a030 à 15\u00a0h\u00a030 (Paris)",
			"    Prochain point d'étape\u202f: le 13 novembre 2026",
			"    Objectifs\u202f:",
			"      • ship a service (Cat)\u202f: en cours",
			"      • review code (Ann)\u202f: atteint",
			"      • speak at a meetup (Cat)\u202f: pas commencé",
			"    Pas encore de rendez-vous convenu.",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			msg := bot.RenderHome(tt.lang, d)
			lines := strings.Split(msg.Text, "\n")
			for _, w := range tt.want {
				if !contains(lines, w) {
					t.Errorf("got home:\n%s\nwant the line %q", msg.Text, w)
				}
			}
			got := make([]string, len(msg.Buttons))
			for i, b := range msg.Buttons {
				got[i] = b.ActionID
			}
			want := "offer.open withdraw.ask home.resume home.profile end.ask end.ask"
			if strings.Join(got, " ") != want {
				t.Errorf("got buttons %v, want %s: change the offer, withdraw the open request (no ask), resume, the profile, end each pair", got, want)
			}
		})
	}
	t.Run("PausedWithoutDate", func(t *testing.T) {
		d := d
		d.PausedUntil = time.Time{}
		if msg := bot.RenderHome(bot.English, d); !strings.Contains(msg.Text, "Mentor for: go and rust (paused)") {
			t.Fatalf("got home:\n%s\nwant a pause without a date", msg.Text)
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// publisher is the fake platform with a home tab: it records who it is
// told about.
type publisher struct {
	bot.Platform
	mu      sync.Mutex
	changed []string
}

func (p *publisher) HomeChanged(m bot.MemberID) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.changed = append(p.changed, m.User)
}

// take returns the members told about since the last take, each once,
// in order: the platform folds repeats (the adapter publishes once).
func (p *publisher) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := slices.Compact(slices.Sorted(slices.Values(p.changed)))
	p.changed = nil
	return out
}

// TestHomeRefresh: the core tells a platform with a home tab whose home
// changed (the member who acted, both members of an event, a mentor
// proposed to), and Bot.Home shows a home only to a member who opened it.
func TestHomeRefresh(t *testing.T) {
	h := MustHarness(t)
	pub := &publisher{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, pub)
	ctx := context.Background()
	bob := h.Tenant.Member("bob")

	h.Run("bob", "offer go")
	if got := pub.take(); strings.Join(got, ",") != "bob" {
		t.Fatalf("got homes changed %v after an offer, want bob's", got)
	}
	h.Run("bob", "status")
	if got := pub.take(); len(got) != 0 {
		t.Fatalf("got homes changed %v after a status, want none: it changes nothing", got)
	}
	if _, _, show, err := h.Bot.Home(ctx, bob, "", false); err != nil || show {
		t.Fatalf("got show %v, %v for a home never opened, want false: nothing is published to them", show, err)
	}
	msg, lang, show, err := h.Bot.Home(ctx, bob, "fr", true)
	if err != nil || !show || lang != bot.English || !strings.Contains(msg.Text, "Mentor for: go (open to requests)") {
		t.Fatalf("got %q in %s, show %v, %v on opening, want bob's home in English", msg.Text, lang, show, err)
	}
	if _, _, show, err := h.Bot.Home(ctx, bob, "", false); err != nil || !show {
		t.Fatalf("got show %v, %v once opened, want true", show, err)
	}
	for _, b := range msg.Buttons {
		if b.ActionID != bot.ActionOfferOpen && !strings.HasPrefix(b.Value, "@bob:") {
			t.Fatalf("got button %+v, want it marked as bob's", b)
		}
	}

	h.Run("cat", "request go")
	if got := strings.Join(pub.take(), ","); got != "bob,cat" {
		t.Fatalf("got homes changed %s after a request proposed to bob, want cat's and bob's", got)
	}
	h.Click("bob", "bob", bot.ActionProposalAccept)
	if got := strings.Join(pub.take(), ","); got != "bob,cat" {
		t.Fatalf("got homes changed %s after the accept, want both members'", got)
	}

	// A newcomer opening their home sees the way in, in their platform's language.
	msg, lang, show, err = h.Bot.Home(ctx, h.Tenant.Member("new"), "fr-FR", true)
	if err != nil || !show || lang != bot.French || !strings.Contains(msg.Text, bot.T(bot.French, "status.no_offer")) {
		t.Fatalf("got %q in %s, show %v, %v for a newcomer, want an empty home in French", msg.Text, lang, show, err)
	}
}

// TestHomeButtons clicks the home's buttons: pause and resume run the
// commands; ask and the profile open their forms; a click by someone else
// is refused.
func TestHomeButtons(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	bob := h.Tenant.Member("bob")
	h.Run("bob", "offer go")
	msg, _, _, _ := h.Bot.Home(ctx, bob, "", true)
	click := func(by, action string) bot.Reply {
		t.Helper()
		for _, b := range msg.Buttons {
			if b.ActionID == action {
				return h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
			}
		}
		t.Fatalf("no %s button in %+v", action, msg.Buttons)
		return bot.Reply{}
	}
	MustContain(t, click("eve", bot.ActionHomePause), bot.T(bot.English, "err.not_your_button"))
	MustContain(t, click("bob", bot.ActionHomePause), bot.T(bot.English, "offer.paused"))
	msg, _, _, _ = h.Bot.Home(ctx, bob, "", false)
	MustContain(t, click("bob", bot.ActionHomeResume), bot.T(bot.English, "offer.resumed"))
	if r := click("bob", bot.ActionHomeRequest); r.Form == nil || r.Form.Command != "request" {
		t.Fatalf("got %+v, want the request form", r)
	}
	if r := click("bob", bot.ActionHomeProfile); r.Form == nil {
		t.Fatalf("got %+v, want the profile form", r)
	}
	if r := click("bob", bot.ActionOfferOpen); r.Form == nil || r.Form.Command != "offer" {
		t.Fatalf("got %+v, want the offer form", r)
	}
}

// TestHomeRefreshFromThePair: what one member or a job does to a pair or a
// pause changes the other member's home too, and they are told: a time
// both picked, goals set, a pause ended by its job.
func TestHomeRefreshFromThePair(t *testing.T) {
	h := MustHarness(t)
	pub := &publisher{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, pub)
	_, intro := meetingPair(t, h, "America/Montreal")
	picks := pickButtons(intro)
	pub.take()

	meetClick(h, "alice", picks[0])
	if got := strings.Join(pub.take(), ","); got != "alice" {
		t.Fatalf("got homes changed %s after one pick, want alice's: nothing is agreed yet", got)
	}
	meetClick(h, "bob", picks[0])
	if got := strings.Join(pub.take(), ","); got != "alice,bob" {
		t.Fatalf("got homes changed %s once a time is agreed, want both members': their next meeting", got)
	}
	h.Run("bob", "goals first:listen more")
	if got := strings.Join(pub.take(), ","); got != "alice,bob" {
		t.Fatalf("got homes changed %s after bob's goals, want both members': their goals", got)
	}

	MustContain(t, h.Run("bob", "pause for:1w"), "paused until")
	pub.take()
	h.Clock.Advance(8 * 24 * time.Hour)
	if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
		t.Fatal(err)
	}
	if got := pub.take(); !slices.Contains(got, "bob") {
		t.Fatalf("got homes changed %v after the pause's end, want bob's", got)
	}
}

// TestHomeAutoPausedRequest: a request the bot paused, with no date, reads
// as paused in the home, with a Resume button that resumes it.
func TestHomeAutoPausedRequest(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.Run("cat", "request rust")
	if err := h.Store.SetPause(ctx, bot.Pause{Member: h.Tenant.Member("cat"), Auto: true, At: h.Clock.Now()}); err != nil {
		t.Fatal(err)
	}
	r := h.Run("cat", "status")
	MustContain(t, r, "Paused: I propose it to nobody until you resume.")
	MustContain(t, clickIn(h, "cat", r, bot.ActionHomeResume), "looks for a mentor again")
	if r := h.Run("cat", "status"); strings.Contains(r.Message.Text, "Paused") {
		t.Fatalf("got %q after resuming, want the request no longer paused", r.Message.Text)
	}
	h.Run("cat", "lang fr")
	if err := h.Store.SetPause(ctx, bot.Pause{Member: h.Tenant.Member("cat"), Auto: true, At: h.Clock.Now().Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	MustContain(t, h.Run("cat", "status"), "En pause\u202f: je ne la propose à personne tant que vous n'avez pas repris.")
}
