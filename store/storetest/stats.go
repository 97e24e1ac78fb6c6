package storetest

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// statsTests are the contract of the managers' figures, managers, pairs
// formed by a manager and the export.
var statsTests = []contractTest{
	{"StatsCounters", testStatsCounters},
	{"StatsWeekInZone", testStatsWeekInZone},
	{"StatsFairness", testStatsFairness},
	{"StatsPeople", testStatsPeople},
	{"Flags", testFlags},
	{"Managers", testManagers},
	{"Drafts", testDrafts},
	{"FormPairNewRequest", testFormPairNew},
	{"FormPairWaitingRequest", testFormPairWaiting},
	{"Export", testExport},
}

func mustRecord(t *testing.T, s bot.Store, tn bot.Tenant, events ...bot.Event) {
	t.Helper()
	for _, e := range events {
		e.Member = tn.Member("A")
		MustOK(t, s.Record(ctx(), tn, e))
	}
}

func testStatsCounters(t *testing.T, s bot.Store, tn bot.Tenant) {
	w45, w46 := t0, t0.AddDate(0, 0, 7)
	mustRecord(t, s, tn,
		bot.Event{Kind: bot.EventRequest, At: w45, Topic: "kubernetes"},
		bot.Event{Kind: bot.EventRequest, At: w45, Topic: "kubernetes"},
		bot.Event{Kind: bot.EventRequest, At: w45, Topic: "go"},
		bot.Event{Kind: bot.EventIntro, At: w45, Duration: 90 * time.Minute},
		bot.Event{Kind: bot.EventIntro, At: w45, Duration: 3 * time.Hour},
		bot.Event{Kind: bot.EventSurvey, At: w45, Rating: 4, Ref: "p1"},
		bot.Event{Kind: bot.EventSurvey, At: w45, Rating: 5, Ref: "p1"},
		bot.Event{Kind: bot.EventAnswered, At: w45, Answer: "yes"},
		bot.Event{Kind: bot.EventAnswered, At: w45, Answer: "partly"},
		bot.Event{Kind: bot.EventRequest, At: w46, Topic: "go"},
	)
	got, err := s.Stats(ctx(), tn, []string{"2026-W45", "2026-W46", "2026-W47", bot.AllTime})
	MustOK(t, err)
	if len(got) != 4 || got[0].Week != "2026-W45" || got[3].Week != bot.AllTime {
		t.Fatalf("got %+v, want 4 weeks in the order asked", got)
	}
	w := got[0]
	if w.Counts[bot.EventRequest] != 3 || w.Counts[bot.EventIntro] != 2 || w.Counts[bot.EventSurvey] != 2 {
		t.Errorf("got counts %v, want 3 requests, 2 intros, 2 surveys", w.Counts)
	}
	if w.RatingSum != 9 || w.Answers["yes"] != 1 || w.Answers["partly"] != 1 {
		t.Errorf("got rating sum %d and answers %v, want 9 and yes 1 partly 1", w.RatingSum, w.Answers)
	}
	if !slices.Equal(w.IntroTimes, []time.Duration{90 * time.Minute, 3 * time.Hour}) {
		t.Errorf("got intro times %v, want 1h30m and 3h", w.IntroTimes)
	}
	if w.Topics["kubernetes"] != 2 || w.Topics["go"] != 1 || len(w.Topics) != 2 {
		t.Errorf("got topics %v, want kubernetes 2 and go 1 (as given: the core normalises)", w.Topics)
	}
	if got[1].Counts[bot.EventRequest] != 1 || len(got[2].Counts) != 0 || got[2].Topics == nil {
		t.Errorf("got W46 %v and W47 %v, want 1 request and an empty week", got[1].Counts, got[2].Counts)
	}
	if all := got[3]; all.Counts[bot.EventRequest] != 4 || all.RatingSum != 9 || all.Answers["yes"] != 1 {
		t.Errorf("got all-time %+v, want 4 requests, rating sum 9, 1 yes", all)
	}
}

// testStatsWeekInZone: an event on Monday 00:30 in Paris is Sunday in UTC;
// it counts in the week of its own time zone.
func testStatsWeekInZone(t *testing.T, s bot.Store, tn bot.Tenant) {
	paris, err := time.LoadLocation("Europe/Paris")
	MustOK(t, err)
	at := time.Date(2026, 11, 9, 0, 30, 0, 0, paris) // Monday of W46
	mustRecord(t, s, tn, bot.Event{Kind: bot.EventOffer, At: at})
	got, err := s.Stats(ctx(), tn, []string{"2026-W45", "2026-W46"})
	MustOK(t, err)
	if got[0].Counts[bot.EventOffer] != 0 || got[1].Counts[bot.EventOffer] != 1 {
		t.Fatalf("got W45 %v W46 %v, want the offer in W46", got[0].Counts, got[1].Counts)
	}
}

// testDrafts: a draft is read back until it expires.
func testDrafts(t *testing.T, s bot.Store, tn bot.Tenant) {
	if _, err := s.Draft(ctx(), tn, "d1"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want ENOTFOUND before it is saved", err)
	}
	MustOK(t, s.SaveDraft(ctx(), tn, "d1", "mentor=mia&mentee=ann", time.Hour))
	if v, err := s.Draft(ctx(), tn, "d1"); err != nil || v != "mentor=mia&mentee=ann" {
		t.Fatalf("got %q, %v, want the value saved", v, err)
	}
}

// testStatsPeople: a mentor back twice, in one week or two, is one mentor
// back in each week and one in all; a mentee who became a mentor likewise.
func testStatsPeople(t *testing.T, s bot.Store, tn bot.Tenant) {
	w45, w46 := t0, t0.AddDate(0, 0, 7)
	for _, e := range []bot.Event{
		{Kind: bot.EventReturned, At: w45, Member: tn.Member("mia"), Ref: "p1"},
		{Kind: bot.EventReturned, At: w45, Member: tn.Member("mia"), Ref: "p2"},
		{Kind: bot.EventReturned, At: w45, Member: tn.Member("max"), Ref: "p3"},
		{Kind: bot.EventReturned, At: w46, Member: tn.Member("mia"), Ref: "p4"},
		{Kind: bot.EventBecame, At: w45, Member: tn.Member("ann"), Ref: "p5"},
		{Kind: bot.EventBecame, At: w45, Member: tn.Member("ann"), Ref: "p6"},
	} {
		MustOK(t, s.Record(ctx(), tn, e))
	}
	got, err := s.Stats(ctx(), tn, []string{"2026-W45", "2026-W46", bot.AllTime})
	MustOK(t, err)
	for i, want := range [][2]int{{2, 1}, {1, 0}, {2, 1}} {
		if c := got[i].Counts; c[bot.EventReturned] != want[0] || c[bot.EventBecame] != want[1] {
			t.Errorf("got %s returned %d became %d, want %d and %d", got[i].Week, c[bot.EventReturned], c[bot.EventBecame], want[0], want[1])
		}
	}
}

// testStatsFairness: requests count by group in their week; a match counts
// once, under the request's week and groups, and only for a request that
// was counted with a window.
func testStatsFairness(t *testing.T, s bot.Store, tn bot.Tenant) {
	week, keep := 7*24*time.Hour, 8*24*time.Hour
	fr := []string{"all", "lang:fr", "region:europe", "kind:flash"}
	en := []string{"all", "lang:en", "region:americas", "kind:flash"}
	mustRecord(t, s, tn,
		bot.Event{Kind: bot.EventRequest, At: t0, Ref: "r1", Topic: "go", Groups: fr, Duration: week, Keep: keep},
		bot.Event{Kind: bot.EventRequest, At: t0, Ref: "r2", Topic: "go", Groups: en, Duration: week, Keep: keep},
		bot.Event{Kind: bot.EventRequest, At: t0.AddDate(0, 0, 7), Ref: "r3", Topic: "go", Groups: fr, Duration: week, Keep: keep},
		// r1 matched in the next week: counted in W45, once.
		bot.Event{Kind: bot.EventMatched, At: t0.AddDate(0, 0, 6), Ref: "r1"},
		bot.Event{Kind: bot.EventMatched, At: t0.AddDate(0, 0, 6), Ref: "r1"},
		// r2 matched after its 7 days: not counted.
		bot.Event{Kind: bot.EventMatched, At: t0.AddDate(0, 0, 7).Add(time.Minute), Ref: "r2"},
		// A request never counted (made by a manager with its pair).
		bot.Event{Kind: bot.EventMatched, At: t0, Ref: "unknown"},
		bot.Event{Kind: bot.EventRepeatAvoided, At: t0, Ref: "r2"},
		bot.Event{Kind: bot.EventRepeatAvoided, At: t0, Ref: "r3"},
	)
	got, err := s.Stats(ctx(), tn, []string{"2026-W45", "2026-W46"})
	MustOK(t, err)
	w45, w46 := got[0], got[1]
	wantAsked := map[string]int{"all": 2, "lang:fr": 1, "lang:en": 1, "region:europe": 1, "region:americas": 1, "kind:flash": 2}
	if !maps.Equal(w45.Asked, wantAsked) {
		t.Errorf("got W45 asked %v, want %v", w45.Asked, wantAsked)
	}
	wantMatched := map[string]int{"all": 1, "lang:fr": 1, "region:europe": 1, "kind:flash": 1}
	if !maps.Equal(w45.Matched, wantMatched) || w45.Counts[bot.EventMatched] != 1 {
		t.Errorf("got W45 matched %v (%d), want %v (1)", w45.Matched, w45.Counts[bot.EventMatched], wantMatched)
	}
	if w46.Asked["all"] != 1 || len(w46.Matched) != 0 || w46.Counts[bot.EventMatched] != 0 {
		t.Errorf("got W46 asked %v matched %v, want 1 asked, none matched", w46.Asked, w46.Matched)
	}
	if w45.Counts[bot.EventRepeatAvoided] != 2 || w45.Counts[bot.EventRequest] != 2 {
		t.Errorf("got W45 counts %v, want 2 repeats avoided and 2 requests", w45.Counts)
	}

	// A held request released at its kick-off in W47: counted in its
	// groups from then, and matched within its 7 days, without counting
	// a new request or its topic.
	released := t0.AddDate(0, 0, 14)
	mustRecord(t, s, tn,
		bot.Event{Kind: bot.EventReleased, At: released, Ref: "r4", Topic: "rust", Groups: en, Duration: week, Keep: keep},
		bot.Event{Kind: bot.EventMatched, At: released.AddDate(0, 0, 3), Ref: "r4"},
	)
	got, err = s.Stats(ctx(), tn, []string{"2026-W47"})
	MustOK(t, err)
	w47 := got[0]
	if w47.Asked["all"] != 1 || w47.Matched["lang:en"] != 1 || w47.Counts[bot.EventRequest] != 0 || w47.Topics["rust"] != 0 {
		t.Errorf("got W47 asked %v matched %v counts %v topics %v, want r4 asked and matched in its groups, no request or topic counted", w47.Asked, w47.Matched, w47.Counts, w47.Topics)
	}
}

func testFlags(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustRecord(t, s, tn,
		bot.Event{Kind: bot.EventStalled, At: t0, Ref: "p1"},
		bot.Event{Kind: bot.EventStalled, At: t0.Add(time.Hour), Ref: "p2"},
		bot.Event{Kind: bot.EventStalled, At: t0.Add(2 * time.Hour), Ref: "p3"},
		bot.Event{Kind: bot.EventMeeting, At: t0.Add(3 * time.Hour), Ref: "p1"},
		bot.Event{Kind: bot.EventEnded, At: t0.Add(3 * time.Hour), Ref: "p3"},
		bot.Event{Kind: bot.EventSurvey, At: t0, Ref: "old", Rating: 1, Flagged: true},
		bot.Event{Kind: bot.EventSurvey, At: t0.Add(48 * time.Hour), Ref: "p4", Rating: 3},
		bot.Event{Kind: bot.EventSurvey, At: t0.Add(49 * time.Hour), Ref: "p5", Rating: 2, Flagged: true},
		bot.Event{Kind: bot.EventSurvey, At: t0.Add(50 * time.Hour), Ref: "p5", Rating: 1, Flagged: true},
	)
	stalled, low, err := s.Flags(ctx(), tn, t0.Add(24*time.Hour))
	MustOK(t, err)
	if len(stalled) != 1 || stalled[0].Pair != "p2" || !stalled[0].At.Equal(t0.Add(time.Hour)) {
		t.Errorf("got stalled %+v, want only p2 (p1 met, p3 ended)", stalled)
	}
	want := []bot.Flag{{Pair: "p5", Rating: 2, At: t0.Add(49 * time.Hour)}, {Pair: "p5", Rating: 1, At: t0.Add(50 * time.Hour)}}
	if len(low) != 2 || low[0] != want[0] || low[1] != want[1] {
		t.Errorf("got low ratings %+v, want %+v (p4 is not flagged, the old one is before since)", low, want)
	}
	// A flag recorded with Keep drops the flags older than its time minus Keep.
	keep := 30 * 24 * time.Hour
	mustRecord(t, s, tn, bot.Event{Kind: bot.EventSurvey, At: t0.Add(49*time.Hour + keep), Ref: "p6", Rating: 1, Flagged: true, Keep: keep})
	_, low, err = s.Flags(ctx(), tn, time.Time{})
	MustOK(t, err)
	if len(low) != 2 || low[0].Pair != "p5" || low[0].Rating != 1 || low[1].Pair != "p6" {
		t.Errorf("got low ratings %+v, want p5's second and p6: the older ones are past Keep", low)
	}
}

func testManagers(t *testing.T, s bot.Store, tn bot.Tenant) {
	a, b := tn.Member("U2"), tn.Member("U1")
	MustOK(t, s.AddManager(ctx(), a))
	MustOK(t, s.AddManager(ctx(), b))
	MustOK(t, s.AddManager(ctx(), a))
	got, err := s.Managers(ctx(), tn)
	MustOK(t, err)
	if !slices.Equal(got, []bot.MemberID{b, a}) {
		t.Fatalf("got %v, want U1 and U2 in order", got)
	}
	MustOK(t, s.RemoveManager(ctx(), a))
	MustCode(t, s.RemoveManager(ctx(), a), bot.ENOTFOUND)
	if ok, err := s.IsManager(ctx(), a); err != nil || ok {
		t.Fatalf("got %v, %v for a removed manager, want false", ok, err)
	}
	if ok, err := s.IsManager(ctx(), b); err != nil || !ok {
		t.Fatalf("got %v, %v for a manager, want true", ok, err)
	}
}

func testFormPairNew(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	p := mustPropose(t, s, mustRequest(t, s, tn, "other", "r0"), mentor, "p0")
	_, err := s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: "pair0", Created: t0}, nil)
	MustOK(t, err) // the mentor is now at capacity
	r := bot.Request{ID: "r1", Mentee: tn.Member("M"), Topic: "go", Kind: matching.Flash, State: bot.RequestPaired, Created: t0}
	pair := bot.Pair{ID: "pair1", Mentor: mentor, Topic: "go", Kind: matching.Flash, Created: t0}
	got, err := s.FormPair(ctx(), r, "", pair, []bot.Job{bot.NewJob(t0, "test", "charter")})
	MustOK(t, err)
	if got.State != bot.PairCharter || got.Request != "r1" || got.Mentee != r.Mentee {
		t.Fatalf("got %+v, want a charter pair of M for r1", got)
	}
	if o, _ := s.GetOffer(ctx(), mentor); o.Active != 2 {
		t.Errorf("got active %d, want 2: a manager's pair goes beyond capacity", o.Active)
	}
	if stored, _ := s.GetRequest(ctx(), tn, "r1"); stored.State != bot.RequestPaired {
		t.Errorf("got request %s, want paired", stored.State)
	}
	if _, err := s.OpenRequest(ctx(), r.Mentee); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got open request error %v, want none open", err)
	}
	if pairs, _ := s.PairsOf(ctx(), r.Mentee); len(pairs) != 1 || pairs[0].ID != "pair1" {
		t.Errorf("got mentee pairs %v, want pair1", pairs)
	}
	if jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10); len(jobs) != 1 {
		t.Errorf("got jobs %v, want the charter job", jobs)
	}
	// A new request beside an open one (a manager's pair on another
	// topic) leaves the open one as it is.
	mustRequest(t, s, tn, "N", "r2")
	r3 := bot.Request{ID: "r3", Mentee: tn.Member("N"), Topic: "rust", Kind: matching.Flash, State: bot.RequestPaired, Created: t0}
	pair2 := bot.Pair{ID: "pair2", Mentor: mentor, Topic: "rust", Kind: matching.Flash, Created: t0}
	// The caller read no open request, but N filed r2 meanwhile: nothing
	// is stored, so that N is not paired beside a request of their own.
	_, err = s.FormPair(ctx(), r3, "", pair2, nil)
	MustCode(t, err, bot.ESTALE)
	if _, err := s.GetPair(ctx(), tn, "pair2"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got pair2 stored (%v) beside a request filed meanwhile, want none", err)
	}
	if o, _ := s.GetOffer(ctx(), mentor); o.Active != 2 {
		t.Errorf("got active %d after a refused pair, want 2 still", o.Active)
	}
	_, err = s.FormPair(ctx(), r3, "r9", pair2, nil)
	MustCode(t, err, bot.ESTALE) // nor beside another open request than the one read
	_, err = s.FormPair(ctx(), r3, "r2", pair2, nil)
	MustOK(t, err)
	if open, err := s.OpenRequest(ctx(), tn.Member("N")); err != nil || open.ID != "r2" || open.State != bot.RequestWaiting {
		t.Errorf("got open request %+v, %v, want r2 still waiting", open, err)
	}
	if waiting, _ := s.Waiting(ctx(), tn); len(waiting) != 1 || waiting[0].ID != "r2" {
		t.Errorf("got waiting %v, want r2", waiting)
	}
}

func testFormPairWaiting(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 2)
	r := mustRequest(t, s, tn, "M", "r1")
	got, err := s.FormPair(ctx(), r, "", bot.Pair{ID: "pair1", Mentor: mentor, Topic: r.Topic, Created: t0}, nil)
	MustOK(t, err)
	if got.Request != r.ID {
		t.Fatalf("got request %q, want the waiting request %q", got.Request, r.ID)
	}
	waiting, _ := s.Waiting(ctx(), tn)
	stored, _ := s.GetRequest(ctx(), tn, r.ID)
	if len(waiting) != 0 || stored.State != bot.RequestPaired {
		t.Fatalf("got %d waiting and state %s, want none waiting and paired", len(waiting), stored.State)
	}
	_, err = s.FormPair(ctx(), r, "", bot.Pair{ID: "pair2", Mentor: mentor, Created: t0}, nil)
	MustCode(t, err, bot.ESTALE)
}

func testExport(t *testing.T, s bot.Store, tn bot.Tenant) {
	for _, u := range []string{"B", "A"} {
		MustOK(t, s.SaveMember(ctx(), bot.Member{ID: tn.Member(u), Name: "name " + u, Lang: bot.French, Joined: t0}))
	}
	pair := formPair(t, s, tn)
	survey := bot.SurveyID(pair.ID + ":flash")
	MustOK(t, s.AnswerSurvey(ctx(), tn, survey, pair.Mentee, "rating", "4", t0))
	MustOK(t, s.AnswerSurvey(ctx(), tn, survey, pair.Mentee, "answered", "yes", t0.Add(time.Minute)))
	got, err := s.Export(ctx(), tn)
	MustOK(t, err)
	if len(got.Members) != 2 || got.Members[0].ID.User != "A" || got.Members[1].Name != "name B" {
		t.Errorf("got members %+v, want A then B", got.Members)
	}
	if len(got.Pairs) != 1 || got.Pairs[0].ID != pair.ID || got.Pairs[0].Mentee != pair.Mentee {
		t.Errorf("got pairs %+v, want %s", got.Pairs, pair.ID)
	}
	want := []bot.SurveyAnswer{
		{Survey: survey, Member: pair.Mentee, Question: "answered", Answer: "yes", At: t0.Add(time.Minute)},
		{Survey: survey, Member: pair.Mentee, Question: "rating", Answer: "4", At: t0.Add(time.Minute)},
	}
	if !slices.Equal(got.Answers, want) {
		t.Errorf("got answers %+v, want %+v", got.Answers, want)
	}
}
