package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// twoMentees gives bob (Paris, 9-17, the default capacity of 2) two
// official one-to-one pairs on "go" (in English or French), with alice
// then carol, both in
// Paris, introduced a minute apart, and returns the pairs and the
// introductions' meetings.
func twoMentees(t *testing.T, h *bottest.Harness) (first, second bot.Pair) {
	t.Helper()
	ctx := context.Background()
	h.Run("bob", "profile tz:Europe/Paris hours:9-17")
	h.Run("bob", "offer go languages:en,fr")
	active := func(user string) bot.Pair {
		t.Helper()
		pairs, err := h.Store.PairsOf(ctx, h.Tenant.Member(user))
		if err != nil || len(pairs) != 1 || pairs[0].State != bot.PairActive {
			t.Fatalf("got pairs %+v, %v of %s, want one active", pairs, err, user)
		}
		return pairs[0]
	}
	h.Run("alice", "request go kind:one-to-one tz:Europe/Paris")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	first = active("alice")
	h.Clock.Advance(time.Minute)
	h.Run("carol", "request go kind:one-to-one tz:Europe/Paris")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionCharterAccept)
	second = active("carol")
	h.Platform.Take()
	return first, second
}

func mustMeeting(t *testing.T, h *bottest.Harness, pair bot.Pair) bot.Meeting {
	t.Helper()
	m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	if err != nil {
		t.Fatalf("meeting of %s: %v", pair.ID, err)
	}
	return m
}

func overlaps(s bot.MeetingSlot, others []bot.MeetingSlot) bool {
	for _, o := range others {
		if s.Start.Before(o.End) && o.Start.Before(s.End) {
			return true
		}
	}
	return false
}

// pickIn clicks "n: This works for me" of the pair's round as user.
func pickIn(h *bottest.Harness, user string, pair bot.Pair, round, i int) bot.Reply {
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: bot.ActionMeetPick,
		Value: pair.ID + ":" + itoaM(round) + ":" + itoaM(i)})
}

// TestMeetingTakenNotOffered: a mentor's two introductions a minute apart
// offer different times; once a time is agreed in one pair, new times in
// the other never overlap it (the trial's mentor got the same three times
// in both, and the same hour agreed twice).
func TestMeetingTakenNotOffered(t *testing.T) {
	h := MustHarness(t)
	first, second := twoMentees(t, h)
	m1, m2 := mustMeeting(t, h, first), mustMeeting(t, h, second)
	if len(m1.Slots) != 3 || len(m2.Slots) != 3 {
		t.Fatalf("got %d and %d times, want three in each introduction", len(m1.Slots), len(m2.Slots))
	}
	for _, s := range m2.Slots {
		if overlaps(s, m1.Slots) {
			t.Errorf("second introduction offers %v, which the first one offers bob too", s.Start)
		}
	}
	MustContain(t, pickIn(h, "alice", first, 1, 0), "Noted")
	MustContain(t, pickIn(h, "bob", first, 1, 0), "Agreed: ")
	agreed := mustMeeting(t, h, first).Agreed
	// Three rounds of new times in the second pair: none overlaps the
	// meeting bob agreed with alice.
	for round := 1; round <= 3; round++ {
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("carol"), ActionID: bot.ActionMeetOther, Value: second.ID + ":" + itoaM(round)})
		MustContain(t, r, "three meeting times")
		m := mustMeeting(t, h, second)
		if m.Round != round+1 || len(m.Slots) != 3 {
			t.Fatalf("got round %d with %d times, want round %d with three", m.Round, len(m.Slots), round+1)
		}
		if overlaps(agreed, m.Slots) {
			t.Fatalf("round %d offers %v, which overlaps bob's meeting with alice at %v", m.Round, m.Slots, agreed.Start)
		}
	}
}

// TestMeetingTakenPickRefused: times offered before a meeting was agreed
// in another pair (or in a race) can no longer agree it: the mentor who
// picks such a time is told he already has another mentoring meeting
// then, the mentee that the mentor has, each in their language; neither
// pick is noted, nothing is agreed, no invite goes out, and the reply
// names the times still open with "Suggest other times".
func TestMeetingTakenPickRefused(t *testing.T) {
	for _, c := range []struct {
		name                 string
		bobLang, carolLang   string
		yours, theirs, still string
	}{
		{"MentorFrench", "fr", "en",
			"Vous avez déjà un autre rendez-vous de mentorat le lundi 2 novembre, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030 (Paris), qui chevauche le créneau 1, lundi 2 novembre, de 13\u00a0h à 14\u00a0h (Paris)\u202f: je n'ai pas noté ce créneau, pour ne pas vous donner deux rendez-vous à la même heure.",
			"Bob already has another mentoring meeting during time 1, Monday 2 November, 13:00–14:00 (Paris), so that time can't be agreed: I haven't noted it.",
			" Vous pouvez encore choisir le créneau 2 du jeudi 5 novembre, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030 (Paris) et le créneau 3 du lundi 9 novembre, de 12\u00a0h\u00a030 à 13\u00a0h\u00a030 (Paris), ou cliquer sur «\u202fProposer d'autres créneaux\u202f» pour en avoir de nouveaux."},
		{"MenteeFrench", "en", "fr",
			"You already have another mentoring meeting on Monday 2 November, 12:30–13:30 (Paris), which overlaps time 1, Monday 2 November, 13:00–14:00 (Paris): I haven't noted this time, so that you aren't booked twice.",
			"Bob a déjà un autre rendez-vous de mentorat pendant le créneau 1, lundi 2 novembre, de 13\u00a0h à 14\u00a0h (Paris)\u202f: ce créneau ne peut pas être retenu, je ne l'ai donc pas noté.",
			" You can still pick time 2 on Thursday 5 November, 12:30–13:30 (Paris) and time 3 on Monday 9 November, 12:30–13:30 (Paris), or click “Suggest other times” for new ones."},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := MustHarness(t)
			ctx := context.Background()
			h.Run("bob", "lang "+c.bobLang)
			h.Run("carol", "lang "+c.carolLang)
			first, second := twoMentees(t, h)
			m1, m2 := mustMeeting(t, h, first), mustMeeting(t, h, second)
			// The second pair was offered, before anything was agreed, a time
			// half an hour into the first pair's time 1 (an older round, or
			// two offers racing), and carol picked it.
			s := m1.Slots[0]
			clash := bot.MeetingSlot{Start: s.Start.Add(30 * time.Minute), End: s.End.Add(30 * time.Minute)}
			if _, err := h.Store.OfferSlots(ctx, h.Tenant, second.ID, m2.Round, []bot.MeetingSlot{clash, m2.Slots[1], m2.Slots[2]}, true, h.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			round := m2.Round + 1
			pickIn(h, "carol", second, round, 0)
			// Then bob and alice agreed time 1 in their pair.
			pickIn(h, "alice", first, 1, 0)
			pickIn(h, "bob", first, 1, 0)
			h.Platform.Take()

			r := pickIn(h, "bob", second, round, 0)
			MustContain(t, r, c.yours)
			MustContain(t, r, c.still)
			if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].ActionID != bot.ActionMeetOther {
				t.Errorf("got buttons %+v, want “Suggest other times”", r.Message.Buttons)
			}
			// Carol's second look at it (a pick of hers not yet noted).
			m := mustMeeting(t, h, second)
			if !m.Agreed.IsZero() || len(m.Picks["bob"]) != 0 {
				t.Fatalf("got agreed %v, bob's picks %v, want nothing agreed, nothing noted", m.Agreed, m.Picks["bob"])
			}
			if _, err := h.Store.OfferSlots(ctx, h.Tenant, second.ID, round, []bot.MeetingSlot{clash, m2.Slots[1], m2.Slots[2]}, true, h.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			MustContain(t, pickIn(h, "carol", second, round+1, 0), c.theirs)
			if m := mustMeeting(t, h, second); len(m.Picks["carol"]) != 0 {
				t.Fatalf("got carol's picks %v, want none noted", m.Picks["carol"])
			}
			for _, s := range h.Platform.Take() {
				if strings.Contains(s.Message.Title, "Meeting agreed") || strings.Contains(s.Message.Title, "Rendez-vous fixé") || s.To[0].User == "bob" {
					t.Errorf("got %s sent %q | %q, want nothing sent", s.To[0].User, s.Message.Title, s.Message.Text)
				}
			}
			// A time free for both is still noted and agreed as usual.
			pickIn(h, "carol", second, round+1, 1)
			if r := pickIn(h, "bob", second, round+1, 1); !strings.Contains(r.Message.Text, "Agreed") && !strings.Contains(r.Message.Text, "C'est convenu") {
				t.Fatalf("got %q, want time 2 agreed", r.Message.Text)
			}
		})
	}
}
