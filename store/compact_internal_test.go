package store

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
	"github.com/redis/go-redis/v9"
)

// TestPieces: a text reads back as written whatever its length, multibyte
// characters cut across pieces included, and no piece is longer than a
// listpack takes.
func TestPieces(t *testing.T) {
	for _, v := range []string{"", "short", strings.Repeat("x", pieceLen), strings.Repeat("y", pieceLen+1), strings.Repeat("é€🙂", 200)} {
		kv := pieces("goal", v)
		h := map[string]string{"other": "1"}
		for i := 0; i < len(kv); i += 2 {
			if len(kv[i+1]) > pieceLen {
				t.Fatalf("got a piece of %d bytes, want at most %d", len(kv[i+1]), pieceLen)
			}
			h[kv[i]] = kv[i+1]
		}
		if got := joined(h, "goal"); got != v {
			t.Fatalf("got %q, want %q", got, v)
		}
		if names := pieceFields("goal", v); len(names) != len(kv)/2 {
			t.Fatalf("got %d piece names, want %d", len(names), len(kv)/2)
		}
	}
	if !isPiece("goal+3") || isPiece("goal") || isPiece("a+b") {
		t.Fatal("got isPiece wrong")
	}
}

// mustEmbedded returns a store on an embedded Redis and a tenant.
func mustEmbedded(t *testing.T) (*Embedded, bot.Tenant) {
	t.Helper()
	e, err := OpenEmbedded(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, bot.Tenant{Platform: "slack", Workspace: "T1"}
}

var (
	t0      = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	oldGoal = "grow into a staff engineer role within two years, and learn to write design documents"
	reasons = []matching.Reason{{Code: matching.ReasonTopic, Detail: "kubernetes", Exact: true}, {Code: matching.ReasonLanguage, Detail: "fr"}, {Code: matching.ReasonTimeZone, Hours: -3}}
)

// TestOldRecordsRead: records written whole by the previous version (a
// long goal in one field, zero fields written out, reasons as JSON, a
// delivery mark as a string) read as before.
func TestOldRecordsRead(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	old := map[string][]any{
		k.request("r1"): {"mentee", "U2", "topic", "go", "kind", "one-to-one", "languages", "", "goal", oldGoal, "state", "paired", "proposal", "", "created", ms(t0), "keys", `["go"]`, "pair", "pa1"},
		k.proposal("p1"): {"request", "r1", "mentor", "U1", "mentee", "U2", "topic", "go", "kind", "one-to-one", "goal", oldGoal,
			"reasons", jsonOf(reasons), "score", "0.9400", "state", "accepted", "created", ms(t0)},
		k.pair("pa1"): {"request", "r1", "proposal", "p1", "mentor", "U1", "mentee", "U2", "topic", "go", "kind", "one-to-one", "goal", oldGoal,
			"reasons", jsonOf(reasons), "state", "active", "room", "https://meet.jit.si/mentorbot-x", "created", ms(t0), "official", ms(t0),
			"mentor_ack", "1", "mentee_ack", "1", "met", "0", "notyet", "0", "stalled", "0", "ended", "0", "end_reason", ""},
		k.survey("pa1:mid", "U2"): {"rating", "4", "comment", strings.Repeat("c", 300), "at", ms(t0)},
	}
	for key, kv := range old {
		if err := e.rdb.HSet(ctx, key, kv...).Err(); err != nil {
			t.Fatal(err)
		}
	}
	e.rdb.Set(ctx, k.sent("checkin:pa1:1:U2"), "done", time.Hour)
	e.rdb.HSet(ctx, k.checkin("pa1"), "1:U2", "yes", "1:U1", "notyet", "1:notyet", "1") // check-ins in a key of their own
	e.rdb.HSet(ctx, k.marks("U2"), "checkin:pa1:2", "20000")                            // a field named by its job
	e.rdb.HSet(ctx, k.marks("pa1"), "intro", "unknown/20000")                           // a mark to no single member

	r, err := e.GetRequest(ctx, tn, "r1")
	if err != nil || r.Goal != oldGoal || r.State != bot.RequestPaired || r.Keys[0] != "go" {
		t.Fatalf("got request %+v (%v), want it as stored", r, err)
	}
	p, err := e.GetProposal(ctx, tn, "p1")
	if err != nil || p.Goal != oldGoal || !reflect.DeepEqual(p.Reasons, reasons) {
		t.Fatalf("got proposal %+v (%v), want it as stored", p, err)
	}
	pair, err := e.GetPair(ctx, tn, "pa1")
	want := bot.Pair{ID: "pa1", Request: "r1", Proposal: "p1", Mentor: tn.Member("U1"), Mentee: tn.Member("U2"), Topic: "go", Kind: "one-to-one",
		Goal: oldGoal, Reasons: reasons, State: bot.PairActive, Room: "https://meet.jit.si/mentorbot-x", Created: t0, Official: t0, MentorAck: 1, MenteeAck: 1}
	if err != nil || !reflect.DeepEqual(pair, want) {
		t.Fatalf("got pair %+v (%v), want %+v", pair, err, want)
	}
	s, err := e.Survey(ctx, tn, "pa1:mid", tn.Member("U2"))
	if err != nil || s["comment"] != strings.Repeat("c", 300) {
		t.Fatalf("got survey %v (%v), want the comment whole", s, err)
	}
	if got, err := e.MarkSent(ctx, tn, "checkin:pa1:1:U2", time.Minute); got != "done" {
		t.Fatalf("got mark %q (%v), want an older done mark read as done", got, err)
	}
	answers, err := e.CheckinAnswers(ctx, tn, "pa1")
	if want := map[string]map[string]string{"1": {"U1": "notyet", "U2": "yes"}}; err != nil || !reflect.DeepEqual(answers, want) {
		t.Fatalf("got check-ins %v (%v), want %v", answers, err, want)
	}
	if _, err := e.RecordCheckin(ctx, tn, "pa1", "1", tn.Member("U2"), "notyet", t0, nil); bot.ErrorCode(err) != bot.ESTALE {
		t.Fatalf("got %v for an answer given under the older version, want ESTALE", err)
	}
	for key, want := range map[string]string{"checkin:pa1:2:U2": "done", "intro:pa1": "unknown"} {
		if got, err := e.MarkSent(ctx, tn, key, time.Minute); got != want {
			t.Fatalf("got mark %q (%v) for %s, want the older mark read as %q", got, err, key, want)
		}
	}
}

// TestRecordsStayCompact: a request, a proposal, a pair and a survey
// with a goal, reasons and a comment of the longest lengths keep every
// hash value within a listpack's 64 bytes, read back whole, and an
// accepted proposal gives its goal and reasons to its pair.
func TestRecordsStayCompact(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	goal := strings.Repeat("apprendre à écrire ", 26)[:bot.MaxGoalLen]
	comment := strings.Repeat("très utile ", 90)
	mentor, mentee := tn.Member("U1"), tn.Member("U2")
	if err := e.SaveOffer(ctx, bot.Offer{Mentor: mentor, Topics: []string{"go"}, Capacity: 1, Keys: []string{"go"}}); err != nil {
		t.Fatal(err)
	}
	r := bot.Request{ID: "r1", Mentee: mentee, Topic: "go", Kind: "one-to-one", Goal: goal, State: bot.RequestWaiting, Created: t0, Keys: []string{"go"}}
	p := bot.Proposal{ID: "p1", Request: "r1", Mentor: mentor, Mentee: mentee, Topic: "go", Kind: "one-to-one", Goal: goal, Reasons: reasons, State: bot.ProposalPending, Created: t0, RequestKeys: r.Keys}
	if err := e.CreateRequest(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.Propose(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.GetProposal(ctx, tn, "p1"); got.Goal != goal || !reflect.DeepEqual(got.Reasons, reasons) {
		t.Fatalf("got pending proposal %q %v, want its goal and reasons", got.Goal, got.Reasons)
	}
	pair, err := e.AcceptProposal(ctx, tn, "p1", mentor, bot.Pair{ID: "pa1", Room: "https://meet.jit.si/mentorbot-x", Created: t0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.AnswerSurvey(ctx, tn, "pa1:mid", mentee, "comment", comment, t0); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{k.request("r1"), k.proposal("p1"), k.pair("pa1"), k.survey("pa1:mid", "U2")} {
		for f, v := range e.rdb.HGetAll(ctx, key).Val() {
			if len(v) > pieceLen {
				t.Errorf("got %s %s of %d bytes, want at most %d", key, f, len(v), pieceLen)
			}
		}
	}
	if h := e.rdb.HGetAll(ctx, k.proposal("p1")).Val(); h["goal"] != "" || h["reasons"] != "" {
		t.Errorf("got an accepted proposal keeping its goal and reasons, want them left to its pair")
	}
	if got, _ := e.GetRequest(ctx, tn, "r1"); got.Goal != goal || got.Mentee != mentee || got.Topic != "go" || got.Kind != "one-to-one" || got.State != bot.RequestPaired {
		t.Errorf("got request %+v, want its goal %q, mentee, topic and kind read from its pair", got, goal)
	}
	if h := e.rdb.HGetAll(ctx, k.proposal("p1")).Val(); h["mentor"] != "" || h["mentee"] != "" || h["topic"] != "" || h["request"] != "r1" {
		t.Errorf("got accepted proposal %v, want its members and topic left to its pair, its request kept", h)
	}
	if got, _ := e.GetProposal(ctx, tn, "p1"); got.Goal != goal || !reflect.DeepEqual(got.Reasons, reasons) || got.State != bot.ProposalAccepted ||
		got.Mentor != mentor || got.Mentee != mentee || got.Topic != "go" || got.Kind != "one-to-one" {
		t.Errorf("got accepted proposal %+v, want its goal and reasons read from its pair", got)
	}
	if got, _ := e.GetPair(ctx, tn, "pa1"); got.Goal != goal || !reflect.DeepEqual(got.Reasons, reasons) || !reflect.DeepEqual(got, pair) {
		t.Errorf("got pair %+v, want %+v", got, pair)
	}
	if got, _ := e.Survey(ctx, tn, "pa1:mid", mentee); !reflect.DeepEqual(got, map[string]string{"comment": comment, "at": ms(t0)}) {
		t.Errorf("got survey %v, want the comment whole", got)
	}
	d, err := e.MemberData(ctx, mentee)
	if err != nil || len(d.Proposals) != 1 || d.Proposals[0].Goal != goal || len(d.Surveys) != 1 || d.Surveys[0].Answer != comment {
		t.Errorf("got member data %+v (%v), want the proposal's goal and the comment whole", d, err)
	}
	if len(d.Requests) != 1 || d.Requests[0].Goal != goal {
		t.Errorf("got requests %+v in the member data, want the goal read from the pair", d.Requests)
	}
	// The paired request left its goal to the pair; a declined charter
	// gives it back, with the request waiting again.
	if h := e.rdb.HGetAll(ctx, k.request("r1")).Val(); h["goal"] != "" || h["goal+1"] != "" || h["mentee"] != "" || h["topic"] != "" {
		t.Errorf("got paired request %v, want its goal, mentee and topic left to the pair", h)
	}
	if _, err := e.DeclineCharter(ctx, tn, "pa1", mentee, bot.Outbox{}); err != nil {
		t.Fatal(err)
	}
	if h := e.rdb.HGetAll(ctx, k.request("r1")).Val(); joined(h, "goal") != goal || h["state"] != string(bot.RequestWaiting) || h["mentee"] != "U2" || h["topic"] != "go" || h["kind"] != "one-to-one" {
		t.Errorf("got request %v after the declined charter, want it waiting with its goal, mentee, topic and kind back", h)
	}
}

// mustProposed saves an offer of p's mentor on "go", r, and p for it.
func mustProposed(t *testing.T, e *Embedded, r bot.Request, p bot.Proposal) {
	t.Helper()
	ctx := context.Background()
	if err := e.SaveOffer(ctx, bot.Offer{Mentor: p.Mentor, Topics: []string{"go"}, Capacity: 2, Keys: []string{"go"}}); err != nil {
		t.Fatal(err)
	}
	if err := e.CreateRequest(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.Propose(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
}

// TestProposalFoldedIntoPair: once its pair takes its ID, an accepted
// proposal is no key of its own (a key costs some 100 bytes of Redis
// memory before its fields), and reads back whole from the pair.
func TestProposalFoldedIntoPair(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	mentor, mentee := tn.Member("U1"), tn.Member("U2")
	r := bot.Request{ID: "r1", Mentee: mentee, Topic: "go", Kind: "one-to-one", Goal: oldGoal, State: bot.RequestWaiting, Created: t0, Keys: []string{"go"}}
	p := bot.Proposal{ID: "p1", Request: "r1", Mentor: mentor, Mentee: mentee, Topic: "go", Kind: "one-to-one", Goal: oldGoal, Reasons: reasons,
		Score: 0.94, State: bot.ProposalPending, Created: t0, RequestKeys: r.Keys}
	mustProposed(t, e, r, p)
	if _, err := e.AcceptProposal(ctx, tn, "p1", mentor, bot.Pair{ID: "p1", Created: t0.Add(time.Hour)}, nil); err != nil {
		t.Fatal(err)
	}
	if n := e.rdb.Exists(ctx, k.proposal("p1")).Val(); n != 0 {
		t.Errorf("got the accepted proposal's hash kept, want it folded into its pair")
	}
	for f, v := range e.rdb.HGetAll(ctx, k.pair("p1")).Val() {
		if len(v) > pieceLen {
			t.Errorf("got pair field %s of %d bytes, want at most %d", f, len(v), pieceLen)
		}
	}
	got, err := e.GetProposal(ctx, tn, "p1")
	p.State, p.RequestKeys = bot.ProposalAccepted, nil
	if err != nil || !reflect.DeepEqual(got, p) {
		t.Fatalf("got %+v (%v), want %+v", got, err, p)
	}
}

// TestMeetingInPair: a meeting is fields of its pair's hash, no key of
// its own; one kept in its own hash by an older version reads the same,
// and moves into the pair's with the next pick.
func TestMeetingInPair(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	if err := e.rdb.HSet(ctx, k.pair("pa1"), "mentor", "U1", "mentee", "U2", "state", "active", "created", ms(t0)).Err(); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 3, 13, 30, 0, 0, time.UTC)
	slots := []bot.MeetingSlot{{Start: at, End: at.Add(time.Hour)}, {Start: at.Add(24 * time.Hour), End: at.Add(25 * time.Hour)}}
	m, err := e.OfferSlots(ctx, tn, "pa1", 0, slots, false, t0)
	if err != nil || m.Round != 1 || len(m.Slots) != 2 {
		t.Fatalf("got %+v (%v), want round 1 with two slots", m, err)
	}
	if e.rdb.Exists(ctx, k.meeting("pa1")).Val() != 0 || e.rdb.HGet(ctx, k.pair("pa1"), "m:round").Val() != "1" {
		t.Fatal("got the meeting in a key of its own, want it in the pair's hash")
	}
	// An older version's meeting of pair pa2, with a pick made.
	e.rdb.HSet(ctx, k.pair("pa2"), "mentor", "U1", "mentee", "U2", "state", "active", "created", ms(t0))
	e.rdb.HSet(ctx, k.meeting("pa2"), "round", "1", "slots", slotsJSON(slots), "past", "[]", "full", "0", "offered", ms(t0), "pick:U1", "1")
	old, err := e.GetMeeting(ctx, tn, "pa2")
	if err != nil || old.Round != 1 || len(old.Slots) != 2 || !slices.Equal(old.Picks["U1"], []int{1}) {
		t.Fatalf("got %+v (%v), want the older meeting as stored", old, err)
	}
	m, agreed, err := e.PickSlot(ctx, tn, "pa2", 1, 1, "U2", "U1", t0)
	if err != nil || !agreed || !m.Agreed.Start.Equal(slots[1].Start) {
		t.Fatalf("got %+v, %v (%v), want slot 1 agreed with the older pick", m, agreed, err)
	}
	if e.rdb.Exists(ctx, k.meeting("pa2")).Val() != 0 || e.rdb.HGet(ctx, k.pair("pa2"), "m:pick:U1").Val() != "1" {
		t.Fatal("got the older meeting left in its own key, want it moved into the pair's hash")
	}
	// New times over an older version's meeting move it first, its round
	// counted on.
	e.rdb.HSet(ctx, k.pair("pa3"), "mentor", "U1", "mentee", "U2", "state", "active", "created", ms(t0))
	e.rdb.HSet(ctx, k.meeting("pa3"), "round", "2", "slots", slotsJSON(slots), "past", "[]", "full", "0", "offered", ms(t0))
	if m, err := e.OfferSlots(ctx, tn, "pa3", 2, slots[:1], true, t0); err != nil || m.Round != 3 || len(m.Past) != 2 || e.rdb.Exists(ctx, k.meeting("pa3")).Val() != 0 {
		t.Fatalf("got %+v (%v), want round 3 over the older round 2, moved", m, err)
	}
	// Moved, its slots are re-encoded within a listpack's 64 bytes: the
	// JSON of before would make the whole pair's hash a hash table.
	for f, v := range e.rdb.HGetAll(ctx, k.pair("pa2")).Val() {
		if len(v) > pieceLen {
			t.Errorf("got %s of %d bytes in the pair's hash, want at most %d", f, len(v), pieceLen)
		}
	}
}

// TestGoalsInPair: goals are fields of their pair's hash, no key of their
// own; goals kept in their own hash by an older version read the same,
// and move into the pair's with the member's next change, the other
// member's staying where they are until theirs.
func TestGoalsInPair(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	e.rdb.HSet(ctx, k.pair("pa1"), "mentor", "U1", "mentee", "U2", "state", "active", "created", ms(t0))
	old := []bot.Goal{{ID: "g1", By: tn.Member("U2"), Text: oldGoal, Progress: bot.GoalNotStarted, Updated: t0}}
	e.rdb.HSet(ctx, k.goals("pa1"), "U2", goalsJSON(old), "U2:v", "3", "U1", goalsJSON([]bot.Goal{{ID: "g2", Text: "listen", Progress: bot.GoalNotStarted, Updated: t0}}), "U1:v", "1")
	got, err := e.Goals(ctx, tn, "pa1")
	if err != nil || len(got) != 2 || got[1].Text != oldGoal || got[0].Text != "listen" {
		t.Fatalf("got %+v (%v), want both older goals", got, err)
	}
	_, err = e.SetProgress(ctx, tn, "pa1", tn.Member("U2"), "g1", bot.ProgressChange{To: bot.GoalDone, By: tn.Member("U1"), At: t0})
	if err != nil {
		t.Fatal(err)
	}
	pair := e.rdb.HGetAll(ctx, k.pair("pa1")).Val()
	if pair["g:U2:v"] != "4" || e.rdb.HExists(ctx, k.goals("pa1"), "U2").Val() || !e.rdb.HExists(ctx, k.goals("pa1"), "U1").Val() {
		t.Fatalf("got pair %v and older goals %v, want U2's moved with version 4, U1's left", pair, e.rdb.HGetAll(ctx, k.goals("pa1")).Val())
	}
	got, _ = e.Goals(ctx, tn, "pa1")
	if len(got) != 2 || got[1].Progress != bot.GoalDone || got[1].Text != oldGoal || got[0].Text != "listen" {
		t.Fatalf("got %+v, want U2's goal done and U1's still read", got)
	}
	if _, err := e.SetGoals(ctx, tn, "pa1", "", tn.Member("U1"), func(g []bot.Goal, fresh bool) ([]bot.Goal, error) {
		if fresh || len(g) != 1 {
			t.Errorf("got %+v, fresh %v: want U1's older goal, not fresh", g, fresh)
		}
		return g, nil
	}); err != nil {
		t.Fatal(err)
	}
	if e.rdb.Exists(ctx, k.goals("pa1")).Val() != 0 {
		t.Fatalf("got older goals %v left, want none once both members changed theirs", e.rdb.HGetAll(ctx, k.goals("pa1")).Val())
	}
	// Pairs with goals are filed in small buckets; the one hash of before
	// reads, and a pair filed there moves to its bucket with its next
	// change, under the program it gives.
	e.rdb.HSet(ctx, k.goalPairs(), "older", "p2", "pa1", "p-old")
	filed, err := e.GoalPairs(ctx, tn)
	if err != nil || len(filed) != 2 || filed["older"] != "p2" || filed["pa1"] != "" {
		t.Fatalf("got %v (%v), want pa1 in its bucket (program \"\"), winning over the older filing, and the older pair", filed, err)
	}
	if _, err := e.SetGoals(ctx, tn, "pa1", "p3", tn.Member("U1"), func(g []bot.Goal, _ bool) ([]bot.Goal, error) { return g, nil }); err != nil {
		t.Fatal(err)
	}
	if filed, _ := e.GoalPairs(ctx, tn); filed["pa1"] != "p3" || e.rdb.HExists(ctx, k.goalPairs(), "pa1").Val() {
		t.Fatalf("got %v, want pa1 under p3, and no longer in the older filing", filed)
	}
}

// TestIndexInMember: a member's pairs and history are fields of their
// member hash, no keys of their own; those an older version kept in
// pairs:<user> and hist:<user> read the same, merged, its "never" kept;
// and a hash of such fields alone is no member's record.
func TestIndexInMember(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	mentor, mentee := tn.Member("U1"), tn.Member("U2")
	r := bot.Request{ID: "r1", Mentee: mentee, Topic: "go", Kind: "one-to-one", State: bot.RequestWaiting, Created: t0, Keys: []string{"go"}}
	mustProposed(t, e, r, bot.Proposal{ID: "p1", Request: "r1", Mentor: mentor, Mentee: mentee, Topic: "go", State: bot.ProposalPending, Created: t0, RequestKeys: r.Keys})
	if _, err := e.AcceptProposal(ctx, tn, "p1", mentor, bot.Pair{ID: "p1", Created: t0.Add(time.Hour)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.RememberPair(ctx, tn, "U2", "U1", bot.VerdictMet); err != nil {
		t.Fatal(err)
	}
	if n := e.rdb.Exists(ctx, k.pairs("U1"), k.pairs("U2"), k.history("U2")).Val(); n != 0 {
		t.Fatalf("got %d keys of pairs or history, want them in the member's hash", n)
	}
	if _, err := e.GetMember(ctx, mentee); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v for a member never saved, with pairs and history in their hash, want ENOTFOUND", err)
	}
	// What an older version kept: an earlier pair, and a mentor never again.
	e.rdb.ZAdd(ctx, k.pairs("U2"), redis.Z{Score: float64(t0.UnixMilli()), Member: "old"})
	e.rdb.HSet(ctx, k.pair("old"), "mentor", "U3", "mentee", "U2", "state", "completed", "created", ms(t0))
	e.rdb.HSet(ctx, k.history("U2"), "U3", bot.VerdictNever)
	if err := e.RememberPair(ctx, tn, "U2", "U3", bot.VerdictMet); err != nil {
		t.Fatal(err)
	}
	pairs, err := e.PairsOf(ctx, mentee)
	if err != nil || len(pairs) != 2 || pairs[0].ID != "p1" || pairs[1].ID != "old" {
		t.Fatalf("got pairs %+v (%v), want p1 then the older one", pairs, err)
	}
	hist, err := e.Histories(ctx, tn, []string{"U2"})
	if want := map[string]string{"U1": bot.VerdictMet, "U3": bot.VerdictNever}; err != nil || !reflect.DeepEqual(hist["U2"], want) {
		t.Fatalf("got history %v (%v), want %v", hist, err, want)
	}
	if ov, err := e.Overview(ctx, mentee); err != nil || len(ov.Pairs) != 2 {
		t.Fatalf("got overview %+v (%v), want both pairs", ov, err)
	}
}

// TestCharterAcceptedInPair: a charter accepted is written in the pair's
// hash, not in a log of its own; the log of older versions still reads.
func TestCharterAcceptedInPair(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	e.rdb.HSet(ctx, k.pair("pa1"), "mentor", "U1", "mentee", "U2", "state", "charter", "created", ms(t0), "mentor_ack", "0", "mentee_ack", "0")
	e.rdb.HSet(ctx, k.member("U2"), "name", "Mia", "p:pa1", ms(t0), "p:old", ms(t0))
	e.rdb.HSet(ctx, k.pair("old"), "mentor", "U3", "mentee", "U2", "state", "completed", "created", ms(t0), "mentee_ack", "1")
	e.rdb.RPush(ctx, k.charterLog(), "U2|old|1|"+ms(t0))
	if _, err := e.AcceptCharter(ctx, tn, "pa1", tn.Member("U2"), 2, t0.Add(time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if n := e.rdb.LLen(ctx, k.charterLog()).Val(); n != 1 {
		t.Fatalf("got %d entries in the charter log, want the older one alone", n)
	}
	d, err := e.MemberData(ctx, tn.Member("U2"))
	want := []bot.CharterAcceptance{{Pair: "old", Version: 1, At: t0}, {Pair: "pa1", Version: 2, At: t0.Add(time.Hour)}}
	if err != nil || !reflect.DeepEqual(d.Charters, want) {
		t.Fatalf("got charters %+v (%v), want %+v", d.Charters, err, want)
	}
}

// TestMemberFieldCleared: a profile field saved empty is left out of the
// hash, and clears what was saved before.
func TestMemberFieldCleared(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx := context.Background()
	m := bot.Member{ID: tn.Member("U1"), Name: "Ada", TZ: "Europe/Paris", Years: 3, Lang: bot.French}
	if err := e.SaveMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	m.TZ, m.Years = "", 0
	if err := e.SaveMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := e.GetMember(ctx, m.ID)
	if err != nil || got.TZ != "" || got.Years != 0 || got.Lang != bot.French || got.Name != "Ada" {
		t.Fatalf("got %+v (%v), want the zone and years cleared, the rest kept", got, err)
	}
	if h := e.rdb.HGetAll(ctx, keysFor(tn).member("U1")).Val(); len(h) != 2 {
		t.Fatalf("got fields %v, want only name and lang", h)
	}
}

// TestMarksKept: a member's confirmed marks read back by job, an
// "unknown" one included, and a confirmation drops only the marks older
// than the keep it is given (90 days here).
func TestMarksKept(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	e.rdb.HSet(ctx, k.marks("U1"), "checkin:old:1", "1", "survey:old:mid", "unknown/1")
	for key, state := range map[string]string{"checkin:p1:1:U1": "done", "survey:p1:mid:U1": "unknown"} {
		if prev, err := e.MarkSent(ctx, tn, key, time.Minute); prev != "" || err != nil {
			t.Fatalf("got %q (%v), want a free mark", prev, err)
		}
		if err := e.ConfirmSent(ctx, tn, key, state, 90*24*time.Hour); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.MarkSent(ctx, tn, key, time.Minute); got != state {
			t.Fatalf("got %q for %s, want %q", got, key, state)
		}
	}
	h := e.rdb.HGetAll(ctx, k.marks("U1")).Val()
	if _, ok := h["checkin:old:1"]; ok || len(h) != 2 {
		t.Fatalf("got marks %v, want the two of today only", h)
	}
	if n := e.rdb.Exists(ctx, k.sent("checkin:p1:1:U1")).Val(); n != 0 {
		t.Fatalf("got the pending mark left, want it gone once confirmed")
	}
	// A message to no single member: its mark goes to a shared hash, and
	// confirming it moves an older version's mark there.
	e.rdb.HSet(ctx, k.marks("pa2"), "intro", "1")
	if err := e.ConfirmSent(ctx, tn, "intro:pa2", "done", 90*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.MarkSent(ctx, tn, "intro:pa2", time.Minute); got != "done" {
		t.Fatalf("got %q for intro:pa2, want done", got)
	}
	if n := e.rdb.Exists(ctx, k.marks("pa2")).Val(); n != 0 {
		t.Fatalf("got a hash of marks named after the pair, want the mark in a shared hash")
	}
	shared := markOf(k, "intro:pa2")
	if !strings.Contains(shared.hash, ":mark:~") || len(shared.field) != 8 {
		t.Fatalf("got mark %+v, want an 8-byte field of a shared hash", shared)
	}
	if v := e.rdb.HGet(ctx, shared.hash, shared.field).Val(); v == "" {
		t.Fatalf("got no mark in %s, want today's", shared.hash)
	}
}

// TestAnswersInPair: a pair's check-in and survey answers live in its
// hash under the member's role, no key of their own; the erasure of the
// mentee, the pair kept for the mentor, deletes the mentee's answers and
// keeps the mentor's; a survey answered before the retention cut goes.
func TestAnswersInPair(t *testing.T) {
	e, tn := mustEmbedded(t)
	ctx, k := context.Background(), keysFor(tn)
	e.rdb.HSet(ctx, k.pair("pa1"), "mentor", "U1", "mentee", "U2", "state", "active", "created", ms(t0), "notyet", "0")
	for _, u := range []string{"U1", "U2"} {
		if _, err := e.RecordCheckin(ctx, tn, "pa1", "1", tn.Member(u), "yes", t0, nil); err != nil {
			t.Fatal(err)
		}
		if err := e.AnswerSurvey(ctx, tn, "pa1:mid", tn.Member(u), "comment", strings.Repeat("c", 100), t0); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.rdb.Exists(ctx, k.checkin("pa1"), k.survey("pa1:mid", "U1"), k.survey("pa1:mid", "U2")).Val(); n != 0 {
		t.Fatalf("got %d keys of check-ins or surveys, want the answers in the pair's hash", n)
	}
	if got, _ := e.Survey(ctx, tn, "pa1:mid", tn.Member("U2")); got["comment"] != strings.Repeat("c", 100) {
		t.Fatalf("got survey %v, want the comment whole", got)
	}
	if err := e.Erase(ctx, bot.Erasure{Member: tn.Member("U2"), Blank: []string{"pa1"}}); err != nil {
		t.Fatal(err)
	}
	var left []string
	for f := range e.rdb.HGetAll(ctx, k.pair("pa1")).Val() {
		if strings.HasPrefix(f, "c:") || strings.HasPrefix(f, "s:") {
			left = append(left, f)
		}
	}
	slices.Sort(left)
	if want := []string{"c:1:m", "s:mid:m:at", "s:mid:m:comment", "s:mid:m:comment+1"}; !slices.Equal(left, want) {
		t.Fatalf("got answers %v left after the mentee's erasure, want the mentor's %v", left, want)
	}
	if _, err := e.Prune(ctx, tn, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.Survey(ctx, tn, "pa1:mid", tn.Member("U1")); len(got) != 0 {
		t.Fatalf("got survey %v after the retention cut, want it gone", got)
	}
	if got, _ := e.CheckinAnswers(ctx, tn, "pa1"); got["1"]["U1"] != "yes" {
		t.Fatalf("got check-ins %v, want the mentor's kept", got)
	}
}

// TestMeetingSlotsCompact: three meeting slots take under 64 bytes, so
// that the meeting's hash stays a listpack, and read back as written; the
// JSON of before still reads, and a slot off whole seconds is kept whole.
func TestMeetingSlotsCompact(t *testing.T) {
	at := time.Date(2026, 11, 3, 13, 30, 0, 0, time.UTC)
	slots := []bot.MeetingSlot{{Start: at, End: at.Add(time.Hour)}, {Start: at.Add(24 * time.Hour), End: at.Add(25 * time.Hour)}, {Start: at.Add(48 * time.Hour), End: at.Add(48*time.Hour + 30*time.Minute)}}
	f := slotsField(slots)
	if len(f) >= 64 || !reflect.DeepEqual(slotsFrom(f), slots) {
		t.Fatalf("slotsField = %q (%d bytes), reads %v, want under 64 bytes reading %v", f, len(f), slotsFrom(f), slots)
	}
	if got := slotsFrom(slotsJSON(slots)); !reflect.DeepEqual(got, slots) {
		t.Fatalf("the JSON of before reads %v, want %v", got, slots)
	}
	odd := []bot.MeetingSlot{{Start: at.Add(time.Millisecond), End: at.Add(time.Hour)}}
	if got := slotsFrom(slotsField(odd)); !reflect.DeepEqual(got, odd) {
		t.Fatalf("a slot off whole seconds reads %v, want %v", got, odd)
	}
	if slotsFrom("") != nil || len(slotsFrom("[]")) != 0 || slotsFrom("garbage") != nil {
		t.Fatal("empty, [] and garbage: want no slots")
	}
}

// TestGoalsWrittenWholeOverPieces: goals written whole by an older
// version, over the pieces of a longer list, read as written.
func TestGoalsWrittenWholeOverPieces(t *testing.T) {
	tn := bot.Tenant{Platform: "test", Workspace: "T1"}
	long := []bot.Goal{{ID: "g1", Text: strings.Repeat("un long objectif ", 10), Progress: "not_started"}}
	h := map[string]string{}
	kv := pieces("M", goalsJSON(long))
	for i := 0; i < len(kv); i += 2 {
		h[kv[i]] = kv[i+1]
	}
	if got := goalsFrom(tn, "M", goalsRaw(h, "M")); len(h) < 2 || len(got) != 1 || got[0].Text != long[0].Text {
		t.Fatalf("in %d pieces, read %+v, want the long goal", len(h), got)
	}
	short := []bot.Goal{{ID: "g2", Text: "court", Progress: "done"}}
	h["M"] = goalsJSON(short) // the older version's write: the first field only
	if got := goalsFrom(tn, "M", goalsRaw(h, "M")); len(got) != 1 || got[0].Text != "court" {
		t.Fatalf("got %+v, want the goal written whole", got)
	}
}
