package bot_test

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestSpeedOpenTopicPair: Erin (French) had no request when she and Dave
// (English) both said yes after a round. Their pair's topic is not the
// event's name: it is OpenTopic, which every message about the pair reads
// in its reader's language (the charter, the introduction, the status and
// its End button), “open topic”, «\u202fsujet libre\u202f».
func TestSpeedOpenTopicPair(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("erin", "lang fr")
	h.Run("dave", "offer go languages:en,fr")
	click(h, "dave", reg, 0)
	click(h, "erin", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()
	h.Click("erin", "erin", bot.ActionSpeedContinue)
	h.Click("dave", "dave", bot.ActionSpeedContinue)
	pairs := speedPairsOf(t, h, "erin")
	if len(pairs) != 1 || pairs[0].Topic != bot.OpenTopic {
		t.Fatalf("got erin's pairs %+v, want one on bot.OpenTopic", pairs)
	}
	clickAll(h, "dave", bot.ActionCharterAccept)
	clickAll(h, "erin", bot.ActionCharterAccept)
	var texts []string
	for _, s := range h.Platform.Take() {
		texts = append(texts, s.Message.Title+"\n"+s.Message.Text)
	}
	for _, u := range []string{"dave", "erin"} {
		r := h.Run(u, "status")
		texts = append(texts, r.Message.Text)
		for _, b := range r.Message.Buttons {
			texts = append(texts, b.Label)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"Before your pair from the speed-mentoring event becomes official",
		"Avant que votre binôme de l'événement de speed mentoring devienne officiel",
		"Erin, voici Dave" + nb + ": votre mentor de l'événement de speed mentoring",
		"Dave, meet Erin, whom you will mentor following the speed-mentoring event",
		"Mentor of Erin from the speed-mentoring event",
		"End the pair with Erin (open topic)",
		"Accompagnement par Dave de l'événement de speed mentoring",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no message says %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"on “Speed test”", "sur «" + nb + "Speed test", "(“Speed test”)", "(« Speed test", "open topic»", "\u2060"} {
		if strings.Contains(all, bad) {
			t.Errorf("a message says %q:\n%s", bad, all)
		}
	}
	if strings.Contains(all, "Mettre fin au binôme avec Dave") && !strings.Contains(all, "sujet libre") {
		t.Errorf("erin's End button names no topic in French:\n%s", all)
	}
	// Ended, Erin asks for a new match: with no topic to ask on, she is
	// asked to name one, and no request is filed on the marker.
	// They met at the event: "terminer" offers "Nous avons terminé"
	// beside ending it as not working out, which asks about a new match.
	end := h.Run("erin", "terminer")
	var stop bot.Button
	for _, b := range end.Message.Buttons {
		if b.ActionID == bot.ActionEndConfirm {
			stop = b
		}
	}
	if stop.ActionID == "" {
		t.Fatalf("got buttons %+v, want the end confirmation", end.Message.Buttons)
	}
	h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("erin"), ActionID: stop.ActionID, Value: stop.Value})
	r := h.Click("erin", "erin", bot.ActionNewMatchYes)
	MustContain(t, r, "Votre binôme n'avait pas de sujet précis"+nb+": dites-moi sur quoi vous souhaitez de l'aide avec `/mentor demande` suivi du sujet")
	MustContain(t, h.Run("erin", "statut"), "Aucune demande en cours")
}

// TestSpeedLastRoundNoBreak: a member who sits out the last round is not
// told to take a break, nor that it "was" the last round as it starts: a
// mentor reads the break before round 2 only; in round 2 (the last) a
// mentor and a mentee read that it is the last round, in both languages.
func TestSpeedLastRoundNoBreak(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("gaelle", "lang fr")
	h.Run("farid", "lang fr")
	click(h, "bob", reg, 0)
	click(h, "gaelle", reg, 0)
	click(h, "farid", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	_, alone := rooms(h)
	if len(alone["bob"]) != 1 || !strings.Contains(alone["bob"][0].Text, "with another mentor. Take a break. The next round starts at") {
		t.Fatalf("round 1: Bob got %+v, want a break before round 2", alone["bob"])
	}
	h.At(2, 10, 15)
	_, alone = rooms(h)
	last := func(u string) string {
		for i := len(alone[u]) - 1; i >= 0; i-- {
			if strings.Contains(alone[u][i].Text, "tour 2") || strings.Contains(alone[u][i].Text, "round 2") {
				return alone[u][i].Text
			}
		}
		t.Fatalf("%s was not told they sit out round 2: %+v", u, alone[u])
		return ""
	}
	if got, want := last("bob"), "No mentee for you in round 2: no mentee still free speaks one of your languages. This is the event's last round: thank you for being there."; got != want {
		t.Errorf("Bob: got %q, want %q", got, want)
	}
	if got, want := last("gaelle"), "Pas de personne mentorée pour vous au tour 2\u202f: chaque personne mentorée encore libre a déjà échangé avec vous. C'est le dernier tour de l'événement\u202f: merci de votre présence."; got != want {
		t.Errorf("Gaëlle: got %q, want %q", got, want)
	}
	if got := last("farid"); !strings.HasSuffix(got, " C'est le dernier tour de l'événement\u202f: merci de votre présence.") || strings.Contains(got, "pause") {
		t.Errorf("Farid: got %q", got)
	}
}

// speedTwoMentors opens a 2-round event where Carol (French), with a
// request on “kubernetes” nobody offers, meets Bob and Dave, one a round;
// it returns the harness after round 2's continue questions, and who she
// met in round 1 and in round 2.
func speedTwoMentors(t *testing.T, h *adminHarness, reg bot.Message) (first, second string) {
	t.Helper()
	h.Run("carol", "lang fr")
	h.Run("carol", "request kubernetes")
	h.Run("bob", "offer design languages:en,fr")
	h.Run("dave", "offer rust languages:en,fr")
	click(h, "bob", reg, 0)
	click(h, "dave", reg, 0)
	click(h, "carol", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	together, _ := rooms(h)
	h.At(2, 10, 15)
	again, _ := rooms(h)
	h.At(2, 10, 30)
	h.Platform.Take()
	for k := range together {
		first, _, _ = strings.Cut(k, "+")
	}
	for k := range again {
		second, _, _ = strings.Cut(k, "+")
	}
	if first == "" || second == "" || first == second {
		t.Fatalf("got rounds %v then %v, want carol with bob and dave", together, again)
	}
	return first, second
}

// speedContinueValue is the value of owner's continue button of round n
// with the mentee.
func speedContinueValue(t *testing.T, h *adminHarness, owner string, n int, mentee string) string {
	t.Helper()
	for _, m := range h.Platform.To(owner) {
		for _, b := range m.Buttons {
			if b.ActionID == bot.ActionSpeedContinue && strings.HasSuffix(b.Value, ":"+strconv.Itoa(n)+":"+mentee) {
				return b.Value
			}
		}
	}
	t.Fatalf("no continue button of round %d", n)
	return ""
}

// yes answers "Yes, continue" to round n's question as user.
func yes(h *adminHarness, b *bot.Bot, user, value string) bot.Reply {
	return b.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: bot.ActionSpeedContinue, Value: value})
}

// TestSpeedOneRequestOnePair: Carol's one request on “kubernetes” gives
// one pair. She continues with her mentor of round 1, then says yes with
// her mentor of round 2, who says yes too: no second pair; she reads
// (in French) who her mentor on it is, the other mentor that she has one
// on it, and the figures count one pair.
func TestSpeedOneRequestOnePair(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	first, second := speedTwoMentors(t, h, reg)
	yes(h, h.Bot, "carol", speedContinueValue(t, h, "carol", 1, "carol"))
	yes(h, h.Bot, first, speedContinueValue(t, h, first, 1, "carol"))
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 || pairs[0].Mentor.User != first || pairs[0].Topic != "kubernetes" {
		t.Fatalf("got carol's pairs %+v, want one with %s on kubernetes", pairs, first)
	}
	h.Platform.Take()
	yes(h, h.Bot, "carol", speedContinueValue(t, h, "carol", 2, "carol"))
	r := yes(h, h.Bot, second, speedContinueValue(t, h, second, 2, "carol"))
	First := strings.ToUpper(first[:1]) + first[1:]
	Second := strings.ToUpper(second[:1]) + second[1:]
	MustContain(t, r, "Carol wants to continue too, but already has a mentor on “kubernetes”, the topic of their request: one request gives one pair, so I formed none for you two.")
	told := speedMessageTo(t, h, "carol", Second+" souhaite continuer aussi")
	if want := Second + " souhaite continuer aussi, mais votre demande sur «" + nb + "kubernetes" + nb + "» vous a déjà donné un binôme" + nb + ": " + First + " est votre mentor sur ce sujet. Une demande donne un seul binôme" + nb + ": je n'en ai donc pas formé de second avec " + Second + "."; !strings.HasPrefix(told.Text, want) {
		t.Errorf("carol told %q, want %q", told.Text, want)
	}
	if strings.Contains(r.Message.Text, First) {
		t.Errorf("%s was told of carol's other mentor: %q", second, r.Message.Text)
	}
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 {
		t.Fatalf("got carol's pairs %+v, want one", pairs)
	}
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin stats"), "• Binômes formés\u202f: 1\n")
}

// barrierStore holds the first two reads of a member's pairs until both
// are made, or for a moment: two pairings of the same mentee by two
// replicas, unguarded, would each read no pair on the topic.
type barrierStore struct {
	bot.Store
	mu      sync.Mutex
	arrived int
	both    chan struct{} // nil: no barrier
}

// arm holds the next two reads.
func (s *barrierStore) arm() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.arrived, s.both = 0, make(chan struct{})
}

func (s *barrierStore) PairsOf(ctx context.Context, m bot.MemberID) ([]bot.Pair, error) {
	s.mu.Lock()
	both := s.both
	s.arrived++
	n := s.arrived
	if both != nil && n == 2 {
		close(both)
	}
	s.mu.Unlock()
	if both != nil && n <= 2 {
		select {
		case <-both:
		case <-time.After(300 * time.Millisecond):
		}
	}
	return s.Store.PairsOf(ctx, m)
}

// TestSpeedOneRequestOnePairReplicas: Carol withdrew her request on
// “kubernetes” after registering; both her mentors of the event said yes,
// and her two yeses reach two replicas at once. One pair is formed on the
// session's topic, not two.
func TestSpeedOneRequestOnePairReplicas(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	st := &barrierStore{Store: storetest.MustMemory(t)}
	bh := bottest.New(t, st, tn, bot.Config{Managers: []string{"alice"}})
	h := &adminHarness{Harness: bh, Posting: &managersPlatform{Platform: bh.Platform}}
	bh.Bot.Register(tn.Platform, h.Posting)
	other := bot.New(bot.Config{Managers: []string{"alice"}}, st, bh.Clock, rand.NewChaCha8([32]byte{1}), nil)
	other.Register(tn.Platform, h.Posting)
	h.Run("alice", `admin event "Speed test" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`)
	first, second := speedTwoMentors(t, h, h.Posting.Posts()[0].Message)
	MustContain(t, h.Run("carol", "annuler"), "kubernetes")
	if _, err := st.OpenRequest(context.Background(), tn.Member("carol")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("carol's request: got %v, want none open", err)
	}
	yes(h, h.Bot, first, speedContinueValue(t, h, first, 1, "carol"))
	yes(h, h.Bot, second, speedContinueValue(t, h, second, 2, "carol"))
	v1, v2 := speedContinueValue(t, h, "carol", 1, "carol"), speedContinueValue(t, h, "carol", 2, "carol")
	st.arm()
	var wg sync.WaitGroup
	for i, v := range []string{v1, v2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			yes(h, []*bot.Bot{h.Bot, other}[i], "carol", v)
		}()
	}
	wg.Wait()
	pairs := speedPairsOf(t, h, "carol")
	if len(pairs) != 1 || pairs[0].Topic != "kubernetes" {
		t.Fatalf("got carol's pairs %+v, want one on kubernetes", pairs)
	}
}

// TestSpeedIntroWithoutRequest: the only introduction of the week is a
// speed pair whose mentee had no request: it counts among the
// introductions, with no median time from a request it never had; beside
// an introduction from a request, only that one is timed.
func TestSpeedIntroWithoutRequest(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("alice", "lang fr")
	click(h, "max", reg, 0)
	click(h, "ema", reg, 1)
	h.At(2, 10, 15)
	h.Click("ema", "ema", bot.ActionSpeedContinue)
	h.Click("max", "max", bot.ActionSpeedContinue)
	clickAll(h, "max", bot.ActionCharterAccept)
	clickAll(h, "ema", bot.ActionCharterAccept)
	stats := h.Run("alice", "admin stats")
	MustContain(t, stats, "• Mises en relation\u202f: 1, aucune issue d'une demande\n")
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", "admin stats"), "• Introductions: 1, none from a request\n")

	h.Run("bob", "offer go")
	h.Run("zoe", "request go")
	h.Clock.Advance(2 * time.Hour)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	clickAll(h, "bob", bot.ActionCharterAccept)
	clickAll(h, "zoe", bot.ActionCharterAccept)
	MustContain(t, h.Run("alice", "admin stats"), "• Introductions: 2, of which 1 from a request (median 2 h from it)\n")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin stats"), "• Mises en relation\u202f: 2, dont 1 issue d'une demande (médiane de 2 h depuis la demande)\n")
}
