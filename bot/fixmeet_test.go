package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// fixmeetPair forms an official pair of bob (mentor) and alice (mentee),
// each set up by their own command, and returns its introduction.
func fixmeetPair(t *testing.T, h *bottest.Harness, bobCmd, aliceCmd string) bot.Message {
	t.Helper()
	h.Run("bob", bobCmd)
	h.Run("alice", aliceCmd)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	for _, s := range h.Platform.Take() {
		if s.Together {
			return s.Message
		}
	}
	t.Fatal("got no introduction")
	return bot.Message{}
}

// fixmeetSlots is the introduction's or a new round's list of times.
func fixmeetSlots(m bot.Message) string {
	out := ""
	for _, f := range m.Fields {
		if f.Label == bot.T(f.Lang, "field.meet_slots") {
			out += f.Value + "\n"
		}
	}
	return out
}

// TestFixmeetEtcZoneLabel: a zone of the Etc area is named by its real
// offset: Etc/GMT-9 is nine hours ahead of UTC, "UTC+9", not "GMT-9", in
// the times and in the profile.
func TestFixmeetEtcZoneLabel(t *testing.T) {
	h := MustHarness(t)
	intro := fixmeetPair(t, h, "offer go tz:UTC-5", "request go kind:one-to-one tz:Etc/GMT-9")
	slots := fixmeetSlots(intro)
	if !strings.Contains(slots, "(UTC+9)") || strings.Contains(slots, "GMT") || !strings.Contains(slots, "(UTC-5)") {
		t.Fatalf("got times %q, want Alice's zone named UTC+9", slots)
	}
	for _, lang := range []string{"en", "fr"} {
		h.Run("alice", "lang "+lang)
		r := h.Run("alice", "profile")
		if len(r.Message.Fields) == 0 || r.Message.Fields[0].Value != "UTC+9" {
			t.Errorf("%s: got profile %+v, want the zone UTC+9", lang, r.Message.Fields)
		}
	}
}

// TestFixmeetNextCheckinOwn: the home's next check-in is the one the
// member will get. A member who said yes is not reminded (the other's
// "not yet" is); a check-in nobody answered is reminded to both before
// the next round.
func TestFixmeetNextCheckinOwn(t *testing.T) {
	const day = 24 * time.Hour
	next := func(h *bottest.Harness, who string) string {
		text := h.Run(who, "status").Message.Text
		_, after, ok := strings.Cut(text, "Next check-in: ")
		if !ok {
			t.Fatalf("%s: got status %q, want a next check-in", who, text)
		}
		line, _, _ := strings.Cut(after, "\n")
		return line
	}
	t.Run("yes and not yet", func(t *testing.T) {
		h := MustHarness(t)
		fixmeetPair(t, h, "offer go tz:Europe/Paris", "request go kind:one-to-one tz:Europe/Paris")
		MustTick(t, h, 3*day) // the check-in, 5 November
		h.Click("alice", "alice", bot.ActionCheckinYes)
		h.Click("bob", "bob", bot.ActionCheckinNotYet)
		if got := next(h, "bob"); got != "9 November 2026" {
			t.Errorf("bob: got %q, want the reminder his “not yet” brings, 9 November 2026", got)
		}
		if got := next(h, "alice"); got != "5 December 2026" {
			t.Errorf("alice: got %q, want the next round, 5 December 2026: she said yes, the reminder is not hers", got)
		}
	})
	for _, kind := range []string{"one-to-one", "flash"} {
		t.Run("nobody answers "+kind, func(t *testing.T) {
			h := MustHarness(t)
			fixmeetPair(t, h, "offer go tz:Europe/Paris", "request go kind:"+kind+" tz:Europe/Paris")
			MustTick(t, h, 3*day)
			for _, who := range []string{"alice", "bob"} {
				if got := next(h, who); got != "9 November 2026" {
					t.Errorf("%s: got %q, want the reminder of the check-in nobody answered, 9 November 2026", who, got)
				}
			}
			MustTick(t, h, 4*day+time.Hour) // the reminder went
			if kind == "one-to-one" {
				if got := next(h, "alice"); got != "5 December 2026" {
					t.Errorf("after the reminder: got %q, want the next round", got)
				}
			}
		})
	}
}

// TestFixmeetNewTimesGoRound: when the window holds few times (Paris 9-12
// and London 10-13 share one hour a day), asking again and again offers
// the times offered least recently, says they were offered before, and
// never sends the same three times round after round.
func TestFixmeetNewTimesGoRound(t *testing.T) {
	h := MustHarness(t)
	intro := fixmeetPair(t, h, "offer go tz:Europe/Paris hours:9-12", "request go kind:one-to-one tz:Europe/London hours:10-13")
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member("alice"))
	if err != nil || len(pairs) != 1 {
		t.Fatalf("got %v, %v", pairs, err)
	}
	if strings.Contains(fixmeetSlots(intro), "offered before") {
		t.Fatalf("got %q, want no note on the first times", fixmeetSlots(intro))
	}
	key := func(m bot.Meeting) string {
		var k []string
		for _, s := range m.Slots {
			k = append(k, s.Start.Format("Mon 2"))
		}
		return strings.Join(k, ",")
	}
	var rounds []string
	offered := map[string]int{}
	for round := 1; round <= 6; round++ {
		if round > 1 {
			h.Run("alice", "meet")
		}
		m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pairs[0].ID)
		if err != nil || m.Round != round || len(m.Slots) != 3 {
			t.Fatalf("round %d: got %+v, %v", round, m, err)
		}
		rounds = append(rounds, key(m))
		for _, s := range m.Slots {
			offered[s.Start.Format("Mon 2")]++
		}
	}
	for i := 1; i < len(rounds); i++ {
		if rounds[i] == rounds[i-1] {
			t.Errorf("rounds %q: round %d repeats round %d", rounds, i+1, i)
		}
	}
	if rounds[2] == rounds[0] {
		t.Errorf("rounds %q: round 3 sends the introduction's times again, though others were offered less recently", rounds)
	}
	if len(offered) != 5 {
		t.Errorf("got times %v, want the five times of the week each offered", offered)
	}
	for d, n := range offered {
		if n < 3 || n > 4 {
			t.Errorf("got %s offered %d times in 6 rounds (%v), want every time in turn", d, n, offered)
		}
	}
	var last bot.Message
	for _, s := range h.Platform.To("alice") {
		if strings.Contains(fixmeetSlots(s), "1. ") {
			last = s
		}
	}
	if !strings.Contains(fixmeetSlots(last), "I have no other times to offer in the next week: these times were offered before.") {
		t.Errorf("got %q, want the times said offered before", fixmeetSlots(last))
	}
}

// TestFixmeetNoOverlapSaysWhose: times outside both members' hours are
// not said "partly" outside them; times within one member's hours say
// whose hours they lie outside.
func TestFixmeetNoOverlapSaysWhose(t *testing.T) {
	h := MustHarness(t)
	slots := fixmeetSlots(fixmeetPair(t, h, "offer go tz:Europe/Paris", "request go kind:one-to-one tz:America/Montreal hours:18-22"))
	if !strings.Contains(slots, "these are the closest times, outside the working hours of both of you.") || strings.Contains(slots, "partly") {
		t.Errorf("got %q, want the times said outside both members' hours", slots)
	}
	h = MustHarness(t)
	h.Run("alice", "lang fr")
	slots = fixmeetSlots(fixmeetPair(t, h, "offer go tz:Europe/Paris hours:7-10", "request go kind:one-to-one tz:America/Los_Angeles hours:7-10 languages:fr,en"))
	for _, want := range []string{
		"within Alice's working hours but outside Bob's.",
		"dans les heures de travail d'Alice mais en dehors de celles de Bob.",
	} {
		if !strings.Contains(slots, want) {
			t.Errorf("got %q, want %q", slots, want)
		}
	}
}

// TestFixmeetPassedNamesAhead: a time that has passed is refused with the
// times still ahead, named in the reader's zone and language.
func TestFixmeetPassedNamesAhead(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	intro := fixmeetPair(t, h, "offer go tz:Europe/Paris", "request go kind:one-to-one tz:America/Montreal languages:fr,en")
	picks := pickButtons(intro)
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("alice"))
	m, _ := h.Store.GetMeeting(context.Background(), h.Tenant, pairs[0].ID)
	h.Clock.Advance(m.Slots[0].End.Sub(h.Clock.Now()) + time.Minute)
	r := meetClick(h, "bob", picks[0])
	MustContain(t, r, "Still ahead: time 2 on Wednesday 4 November, ")
	MustContain(t, r, " (Paris) and time 3 on Thursday 5 November, ")
	r = meetClick(h, "alice", picks[0])
	MustContain(t, r, "Encore à venir\u202f: le créneau 2 du mercredi 4 novembre, ")
	MustContain(t, r, " (Montréal) et le créneau 3 du jeudi 5 novembre, ")
}

// TestFixmeetProfileWithoutZone: hours saved without a zone say the zone
// used meanwhile and how to give one, and the profile shows it.
func TestFixmeetProfileWithoutZone(t *testing.T) {
	h := MustHarness(t)
	r := h.Run("alice", "profile hours:9-17 mon-thu")
	MustContain(t, r, "in UTC time until you give your time zone: `/mentor profile tz:Europe/Paris`")
	if len(r.Message.Fields) == 0 || !strings.HasPrefix(r.Message.Fields[0].Value, "UTC (assumed until you give yours with `tz:`)") {
		t.Fatalf("got fields %+v, want UTC said assumed", r.Message.Fields)
	}
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "profil"), "dans le fuseau UTC tant que vous n'avez pas indiqué votre fuseau horaire")
}

// TestFixmeetProfileYears: the profile takes the years of experience that
// offers and requests take (years:, années:), and gives them to the offer.
func TestFixmeetProfileYears(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "lang fr")
	r := h.Run("bob", "profil années:8")
	// Only the years: nothing said of hours the member did not give.
	if r.Message.Text != "C'est enregistré\u202f: j'indique vos années d'expérience avec votre offre ou votre demande." {
		t.Fatalf("got %q, want the years saved, and no word of hours", r.Message.Text)
	}
	me, err := h.Store.GetMember(context.Background(), h.Tenant.Member("bob"))
	if err != nil || me.Years != 8 {
		t.Fatalf("got %d years (%v), want 8", me.Years, err)
	}
	o, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("bob"))
	if err != nil || o.Years != 8 {
		t.Fatalf("got offer years %d (%v), want 8", o.Years, err)
	}
	h.Run("bob", "lang en")
	if r := h.Run("bob", "profile years:12"); r.Message.Text != "Saved: I give your years of experience with your offer or your request." {
		t.Fatalf("got %q, want years: taken", r.Message.Text)
	}
	if me, _ := h.Store.GetMember(context.Background(), h.Tenant.Member("bob")); me.Years != 12 {
		t.Fatalf("got %d years, want 12", me.Years)
	}
}
