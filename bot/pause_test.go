package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// mustManagedHarness is MustHarness with alice as a manager.
func mustManagedHarness(tb testing.TB) *bottest.Harness {
	tb.Helper()
	t := storetest.Tenant(tb, "test")
	t.Platform = "test-" + t.Workspace
	return bottest.New(tb, storetest.MustMemory(tb), t, bot.Config{Managers: []string{"alice"}})
}

// TestPauseUntil: a mentee paused for two weeks is proposed by no path (a
// new offer, the sweep, a manager's round), which say why; at the date,
// on the shell's clock, one of three replicas resumes the request, tells
// the mentee once, and proposes it.
func TestPauseUntil(t *testing.T) {
	h := mustManagedHarness(t)
	h.Run("ann", "request go")
	MustContain(t, h.Run("ann", "pause for:2w"), "Your request on “go” is paused until 16 November 2026.")
	MustContain(t, h.Run("ann", "status"), "Your request: “go”, waiting for a mentor\n    Paused until 16 November 2026.")
	h.Run("bob", "offer go")
	if err := h.Bot.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	MustContain(t, h.Run("alice", "admin match"), "• Ann, “go”, less than a day: Paused by the member until 16 November 2026: nobody is proposed until then.")
	MustContain(t, h.Run("cy", "request go"), "I've asked a mentor")
	inbox(h)
	if until := mustPausedUntil(t, h, "ann"); !until.Equal(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("got pausedUntil %v, want 16 November 2026 9:00 UTC (the workspace's zone)", until)
	}

	// A week later, the digest says why Ann waits; escalation waits too.
	MustTick(t, h, 7*24*time.Hour)
	r, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Waiting) != 2 || r.Waiting[0].Paused == nil || r.Waiting[0].Paused.Until.IsZero() || r.Waiting[1].Paused != nil {
		t.Fatalf("got waiting %+v, want Ann's request with her pause, then Cy's", r.Waiting)
	}
	for _, m := range inbox(h) {
		if strings.Contains(m, "waiting for a mentor") {
			t.Fatalf("got %q, want no escalation before the pause ends", m)
		}
	}

	replicas := []*bot.Bot{h.Bot, restarted(h, 2), restarted(h, 3)}
	h.Clock.Advance(7*24*time.Hour - time.Minute)
	mustTickAll(t, h, replicas)
	MustInbox(t, h)
	h.Clock.Advance(time.Minute)
	mustTickAll(t, h, replicas)
	got := inbox(h)
	want := []string{"ann: Your pause is over. Resumed: your request on “go”. To pause again, type `/mentor pause`.", "bob: Mentoring request: go | Ann would like your help on “go”."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if until := mustPausedUntil(t, h, "ann"); !until.IsZero() {
		t.Fatalf("got pausedUntil %v after the pause, want zero", until)
	}
}

// TestPauseOffer: a mentor paused until a date is sent nothing; plain
// /mentor pause keeps their date; /mentor resume before the date resumes
// at once, and the pause's job then does nothing.
func TestPauseOffer(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	MustContain(t, h.Run("bob", "pause until:2026-11-20"), "Your offer is paused until 20 November 2026.")
	MustContain(t, h.Run("bob", "pause"), "You're already paused until 20 November 2026.")
	MustContain(t, h.Run("ann", "request go"), "their offer is paused")
	MustContain(t, h.Run("bob", "resume"), "Welcome back!")
	MustInbox(t, h, "bob: Mentoring request: go | Ann would like your help on “go”.",
		"ann: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	MustTick(t, h, 19*24*time.Hour)
	for _, m := range inbox(h) {
		if strings.Contains(m, "pause is over") {
			t.Fatalf("got %q after /mentor resume, want the job to do nothing", m)
		}
	}
}

// TestPlainPause: /mentor pause alone pauses the offer only, and says
// the open request goes on.
func TestPlainPause(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "request rust")
	MustContain(t, h.Run("bob", "pause"), "Your open request still looks for a mentor.")
	if until := mustPausedUntil(t, h, "bob"); !until.IsZero() {
		t.Fatalf("got pausedUntil %v, want zero", until)
	}
	MustContain(t, h.Run("carol", "offer rust"), "mentor for: rust")
	MustInbox(t, h, "carol: Mentoring request: rust | Bob would like your help on “rust”.",
		"bob: Good news: a mentor who fits your request on “rust” can take it now, and I've asked them. I'll tell you as soon as they answer.")
}

// TestPauseDates: dates are read in the member's time zone; the past,
// today, over a year, both options and unreadable values are refused in
// the member's language.
func TestPauseDates(t *testing.T) {
	// bottest.Start is 2 November 2026 9:00 UTC: 22:00 that day in
	// Auckland, 1:00 in Los Angeles.
	tests := []struct {
		name, tz, text, want string
		until                time.Time
	}{
		{"TomorrowInAuckland", "Pacific/Auckland", "pause until:2026-11-03", "paused until 3 November 2026", time.Date(2026, 11, 2, 20, 0, 0, 0, time.UTC)},
		{"TodayInAuckland", "Pacific/Auckland", "pause until:2026-11-02", "2 November 2026 is not after today", time.Time{}},
		{"ForTwoMonths", "America/Los_Angeles", "pause for:2m", "paused until 2 January 2027", time.Date(2027, 1, 2, 17, 0, 0, 0, time.UTC)},
		{"ForTenDays", "UTC", "pause for:10 days", "paused until 12 November 2026", time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC)},
		{"Past", "UTC", "pause until:2026-10-01", "1 October 2026 is not after today", time.Time{}},
		{"TooFar", "UTC", "pause for:13m", "more than a year away", time.Time{}},
		{"Both", "UTC", "pause for:3w until:2026-12-01", "Give `until:` or `for:`, not both.", time.Time{}},
		{"BadDate", "UTC", "pause until:01/12/2026", "I can't read the date “01/12/2026”", time.Time{}},
		{"BadLength", "UTC", "pause for:3 fortnights", "I can't read the length “3 fortnights”", time.Time{}},
		{"ZeroDays", "UTC", "pause for:0d", "A pause lasts at least one day: write `for:1d` or more", time.Time{}},
		{"ZeroWeeks", "UTC", "pause for:0 weeks", "A pause lasts at least one day", time.Time{}},
		{"FarTooFar", "UTC", "pause for:500d", "more than a year away", time.Time{}},
		{"FrenchZeroDays", "Europe/Paris", "pause pendant:0j", "Une pause dure au moins un jour\u202f: écrivez `pendant:1j` ou plus", time.Time{}},
		{"French", "Europe/Paris", "pause pendant:3s", "Votre offre est en pause jusqu'au 23 novembre 2026.", time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)},
		{"FrenchPour", "Europe/Paris", "pause pour:3 semaines", "Votre offre est en pause jusqu'au 23 novembre 2026.", time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}, // « pour » as a French speaker writes it
		{"FrenchPast", "Europe/Paris", "pause jusqu-au:2026-11-01", "Le 1er novembre 2026 n'est pas après aujourd'hui", time.Time{}},
		{"FrenchMonths", "Europe/Paris", "pause pendant:2 mois", "en pause jusqu'au 2 janvier 2027", time.Date(2027, 1, 2, 8, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := MustHarness(t)
			if strings.HasPrefix(tt.name, "French") {
				h.Run("bob", "lang fr")
			}
			h.Run("bob", "offer go tz:"+tt.tz)
			MustContain(t, h.Run("bob", tt.text), tt.want)
			if got := mustPausedUntil(t, h, "bob"); !got.Equal(tt.until) {
				t.Fatalf("got pausedUntil %v, want %v", got, tt.until)
			}
		})
	}
	t.Run("Nothing", func(t *testing.T) {
		h := MustHarness(t)
		MustContain(t, h.Run("zed", "pause for:1w"), "You have no offer and no open request to pause.")
	})
}

// TestAutoPause: a mentor who lets three proposals expire in a row is
// paused and told once, with a Resume button; a click in between starts
// the count again; the digest counts them; Resume works once.
func TestAutoPause(t *testing.T) {
	h := mustManagedHarness(t)
	h.Run("bob", "offer go capacity:5")
	expire := func(mentee string) {
		t.Helper()
		h.Run(mentee, "request go")
		MustTick(t, h, 48*time.Hour)
	}
	expire("m1")
	expire("m2")
	h.Run("m3", "request go")
	MustContain(t, h.Click("bob", "bob", bot.ActionProposalDecline), "") // a click: the count starts again
	expire("m4")
	expire("m5")
	inbox(h)
	expire("m6")
	var dm []string
	for _, m := range inbox(h) {
		if strings.HasPrefix(m, "bob: You seem busy") {
			dm = append(dm, m)
		}
	}
	if len(dm) != 1 || dm[0] != "bob: You seem busy, so I've paused your offer. Resume any time, with the button below or `/mentor resume`." {
		t.Fatalf("got %q, want one auto-pause message", dm)
	}
	MustContain(t, h.Run("bob", "status"), "Mentor for: go (paused)")
	MustContain(t, h.Run("m7", "request go"), "their offer is paused")
	r, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil || r.AutoPaused != 1 {
		t.Fatalf("got AutoPaused %d (%v), want 1", r.AutoPaused, err)
	}
	MustContain(t, h.Run("alice", "admin stats"), "Paused for leaving messages unanswered: 0 in the week reported, 1 since Monday; 1 still paused now")
	inbox(h)

	MustContain(t, h.Click("bob", "bob", "Resume"), "Welcome back!")
	if got := inbox(h); len(got) == 0 || !strings.HasPrefix(got[0], "bob: Mentoring request: go") {
		t.Fatalf("got %q, want a proposal once resumed", got)
	}
	MustContain(t, h.Click("bob", "bob", "Resume"), "Your pause has already ended")
	MustContain(t, h.Click("eve", "bob", "Resume"), "meant for someone else")
}

// TestAutoPauseOff: with unanswered:0 nobody is paused.
func TestAutoPauseOff(t *testing.T) {
	h := mustManagedHarness(t)
	MustContain(t, h.Run("alice", "admin settings unanswered:0"), "Saved: unanswered.")
	MustContain(t, h.Run("alice", "admin settings unanswered:many"), "from 0 to 20")
	if n := h.Bot.Settings(context.Background(), h.Tenant).Unanswered; n != 0 {
		t.Fatalf("got unanswered %d, want 0", n)
	}
	h.Run("bob", "offer go capacity:5")
	for _, m := range []string{"m1", "m2", "m3", "m4"} {
		h.Run(m, "request go")
		MustTick(t, h, 48*time.Hour)
	}
	MustContain(t, h.Run("bob", "status"), "Mentor for: go (open to requests)")
}

// TestAutoPauseCheckins: check-in rounds left unanswered count when the
// pair's next round is sent; the mentor is paused, the mentee (with
// nothing to pause) is left alone.
func TestAutoPauseCheckins(t *testing.T) {
	h := mustManagedHarness(t)
	MustContain(t, h.Run("alice", "admin settings sans-réponse:2"), "Saved: unanswered.")
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
	MustTick(t, h, 3*24*time.Hour)  // round 1
	MustTick(t, h, 30*24*time.Hour) // round 2: round 1 unanswered (1)
	inbox(h)
	MustTick(t, h, 30*24*time.Hour) // round 3: round 2 unanswered (2)
	got := strings.Join(inbox(h), "\n")
	if !strings.Contains(got, "carol: You seem busy, so I've paused your offer.") || strings.Contains(got, "dan: You seem busy") {
		t.Fatalf("got:\n%s\nwant carol paused, dan not", got)
	}
}

func mustPausedUntil(tb testing.TB, h *bottest.Harness, user string) time.Time {
	tb.Helper()
	p, err := h.Store.GetPause(context.Background(), h.Tenant.Member(user))
	if bot.ErrorCode(err) == bot.ENOTFOUND {
		return time.Time{}
	}
	if err != nil {
		tb.Fatal(err)
	}
	return p.Until
}

// TestPauseExported: /mentor export-me's file gives the member's pause.
func TestPauseExported(t *testing.T) {
	id := bot.MemberID{Platform: "test", Workspace: "w", User: "ann"}
	p := bot.Pause{Member: id, Until: time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC), At: bottest.Start}
	data, err := bot.MemberJSON(id, bot.MemberData{Pause: &p}, bottest.Start)
	if err != nil {
		t.Fatal(err)
	}
	compact := strings.Join(strings.Fields(string(data)), "")
	if want := `"pause":{"since":"2026-11-02T09:00:00Z","until":"2027-01-10T09:00:00Z","automatic":false}`; !strings.Contains(compact, want) {
		t.Fatalf("got %s, want it to contain %s", data, want)
	}
}

// TestPlainPauseRequestOnly: a mentee with no offer who types /mentor
// pause is told how to pause their request.
func TestPlainPauseRequestOnly(t *testing.T) {
	h := MustHarness(t)
	h.Run("ann", "request go")
	MustContain(t, h.Run("ann", "pause"), "To pause your request on “go”, give a date")
	h.Run("fr", "lang fr")
	h.Run("fr", "request go")
	MustContain(t, h.Run("fr", "pause"), "Pour mettre en pause votre demande sur «\u202fgo\u202f», donnez une date")
}

// TestResumeTwice: a second /mentor resume says the member is not paused,
// rather than welcoming them back again.
func TestResumeTwice(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "pause")
	MustContain(t, h.Run("bob", "resume"), "Welcome back!")
	MustContain(t, h.Run("bob", "resume"), "You aren't paused: your offer already takes requests.")
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "resume"), "Vous n'êtes pas en pause\u202f: votre offre reçoit déjà des demandes.")
}

// TestResumedTogether: two mentors whose pauses end in the same tick are
// offered to the waitlist as one round. Mia (go and rust, room for one)
// comes back first, Noa (go only) a day later; Ann has waited longest,
// on go, Ben on rust. Offered one by one, Mia would take Ann, whom Noa
// could take too, and Ben would wait on; together, Mia takes Ben and
// Noa takes Ann.
func TestResumedTogether(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go,rust capacity:1")
	h.Run("mia", "pause until:2026-11-09")
	h.Run("noa", "offer go capacity:1")
	h.Run("noa", "pause until:2026-11-10")
	h.Run("ann", "request go")
	h.Clock.Advance(4 * 24 * time.Hour)
	h.Run("ben", "request rust")
	MustInbox(t, h)
	MustTick(t, h, 5*24*time.Hour)
	var proposals []string
	for _, m := range inbox(h) {
		if strings.Contains(m, "Mentoring request") {
			proposals = append(proposals, m)
		}
	}
	slices.Sort(proposals)
	want := []string{"mia: Mentoring request: rust | Ben would like your help on “rust”.", "noa: Mentoring request: go | Ann would like your help on “go”."}
	if !slices.Equal(proposals, want) {
		t.Errorf("got proposals %q, want %q", proposals, want)
	}
}

// TestPausePairsGoOnOnlyWithPairs: a pause says that the member's pairs go
// on only when they have one in progress, with a date or without, in
// English and in French.
func TestPausePairsGoOnOnlyWithPairs(t *testing.T) {
	for _, tc := range []struct {
		lang, pause, until, goOn string
	}{
		{"en", "pause", "pause until:2027-01-10", "Your current pairs go on."},
		{"fr", "pause", "pause jusqu-au:2027-01-10", "Vos binômes en cours continuent."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "lang "+tc.lang)
			h.Run("bob", "offer go languages:en,fr")
			for _, cmd := range []string{tc.pause, tc.until} {
				if r := h.Run("bob", cmd); strings.Contains(r.Message.Text, tc.goOn) {
					t.Fatalf("%s with no pair: got %q, want no word of pairs", cmd, r.Message.Text)
				}
			}
			h.Run("bob", "resume")
			h.Run("dan", "request go")
			h.Click("bob", "bob", bot.ActionProposalAccept)
			for _, cmd := range []string{tc.pause, tc.until} {
				MustContain(t, h.Run("bob", cmd), tc.goOn)
			}
		})
	}
}

// TestNewMatchReplacesDatedPause: a mentor paused until a date answers
// "would you like to mentor someone else?" as a later pause or a resume:
// "No, thanks" replaces the dated pause with one without a date (its job
// then resumes nothing, and a request it held stays paused, as said);
// "Yes, please" ends it at once, and its date then brings no "Your pause
// is over".
func TestNewMatchReplacesDatedPause(t *testing.T) {
	for _, yes := range []bool{false, true} {
		h := MustHarness(t)
		mustOfficial(h, "bob", "offer go", "carol", "request go kind:one-to-one")
		h.Run("bob", "request rust")
		MustContain(t, h.Run("bob", "pause for:3w"), "paused until 23 November 2026")
		endedBy(h, "carol")
		if !yes {
			MustContain(t, h.Click("bob", "bob", bot.ActionNewMatchNo), "Understood: your offer is paused. Type `/mentor resume` when you're ready again.\nYour request on “rust” stays paused too, now until you type `/mentor resume`.")
			if until := mustPausedUntil(t, h, "bob"); !until.IsZero() {
				t.Fatalf("got pausedUntil %v, want a pause with no date", until)
			}
			MustContain(t, h.Run("bob", "status"), "Mentor for: go (paused)\nYour request: “rust”, waiting for a mentor\n    Paused: I propose it to nobody until you resume.")
		} else {
			MustContain(t, h.Click("bob", "bob", bot.ActionNewMatchYes), "Thank you! You'll receive new requests that fit.\nYour request on “rust” looks for a mentor again.")
			if _, err := h.Store.GetPause(context.Background(), h.Tenant.Member("bob")); bot.ErrorCode(err) != bot.ENOTFOUND {
				t.Fatalf("got pause error %v, want no pause", err)
			}
		}
		inbox(h)
		MustTick(t, h, 22*24*time.Hour)
		for _, m := range inbox(h) {
			if strings.Contains(m, "pause is over") {
				t.Fatalf("yes=%v: got %q, want the dated pause's job to do nothing", yes, m)
			}
		}
		o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("bob"))
		if o.Paused == yes {
			t.Fatalf("yes=%v: got offer paused %v three weeks later", yes, o.Paused)
		}
	}
}

// TestPauseDatesAsTyped: until: takes a day as members write it: the ISO
// form, the month's name in English or French, the French numeric form
// for a French member; an English numeric day other than ISO, whose day
// and month may come either way, and a day that does not exist, are
// refused. Before, only 2027-01-10 was read.
func TestPauseDatesAsTyped(t *testing.T) {
	h := MustAdminHarness(t) // the clock: 2 November 2026
	h.Run("bob", "offer go")
	for _, tt := range []struct{ user, text, want string }{
		{"bob", "pause until:10 January", "paused until 10 January 2027"},
		{"bob", "pause until:January 10, 2027", "paused until 10 January 2027"},
		{"bob", "pause until:January 3rd", "paused until 3 January 2027"},
		{"bob", "pause until:01/10/2027", "I can't read the date “01/10/2027”: write it like `until:2027-01-10` or `until:10 January`."},
		// English reads no day/month form: 31/02 is unreadable there, not
		// a day that does not exist (28/02 would be unreadable too).
		{"bob", "pause until:31/02/2027", "I can't read the date “31/02/2027”: write it like `until:2027-01-10` or `until:10 January`."},
		// Written out, an impossible day is said so, in either language.
		{"bob", "pause until:31 February 2027", "The date “31 February 2027” does not exist: February 2027 has 28 days."},
		{"bob", "pause until:February 31", "The date “February 31” does not exist: February has 29 days."},
		{"zoe", "pause jusqu-au:30 février", "La date «\u202f30 février\u202f» n'existe pas\u202f: février n'a que 29 jours."},
		{"bob", "pause until:2027-01-10", "paused until 10 January 2027"},
		{"bob", "pause until:tomorrow", "paused until 3 November 2026"},
		{"zoe", "pause jusqu-au:10/01/2027", "en pause jusqu'au 10 janvier 2027"},
		{"zoe", "pause jusqu-au:le 1er mars", "en pause jusqu'au 1er mars 2027"},
		{"zoe", "pause jusqu-au:3 decembre", "en pause jusqu'au 3 décembre 2026"},
		{"zoe", "pause jusqu-au:demain", "en pause jusqu'au 3 novembre 2026"},
		{"zoe", "pause jusqu-au:31/02/2027", "La date «\u202f31/02/2027\u202f» n'existe pas\u202f: février 2027 n'a que 28 jours."},
		{"zoe", "pause jusqu-au:32/02/2027", "Je ne comprends pas la date «\u202f32/02/2027\u202f»\u202f: écrivez-la comme `jusqu'au:10/01/2027` ou `jusqu'au:10 janvier`."},
	} {
		if tt.user == "zoe" && !strings.Contains(h.Run("zoe", "offer go").Message.Text, "go") {
			t.Fatal("zoe's offer")
		}
		if tt.user == "zoe" {
			h.Run("zoe", "lang fr")
		}
		MustContain(t, h.Run(tt.user, tt.text), tt.want)
		h.Run(tt.user, "resume")
	}
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin program créer "P9" début:14/12/2026 fin:30 juin 2027`), "du 14 décembre 2026 au 30 juin 2027")
	// Without years: a start under way (1 October, a month back), an end
	// after the start (found in review: both were read from today).
	MustContain(t, h.Run("alice", `admin program créer "P10" début:1er octobre fin:20 janvier`), "du 1er octobre 2026 au 20 janvier 2027")
	MustContain(t, h.Run("alice", `admin program créer "P11" début:10 décembre fin:5 mars`), "du 10 décembre 2026 au 5 mars 2027")
	// Next summer's, not last summer's, which is over (found in review).
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", `admin program create "Summer" start:July 1 end:September 30`), "from 1 July 2027 to 30 September 2027")
}
