package bot_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestSpeedReplicas: three replicas on one store tick at each round
// boundary at once; every room, sit-out notice and continue question goes
// out once, and the round is paired once.
func TestSpeedReplicas(t *testing.T) {
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			tn := storetest.Tenant(t, "test")
			h := bottest.New(t, be.Open(t), tn, bot.Config{Managers: []string{"alice"}})
			posting := &managersPlatform{Platform: h.Platform}
			replicas := []*bot.Bot{h.Bot}
			for i := range 2 {
				r := bot.New(bot.Config{Managers: []string{"alice"}}, h.Store, h.Clock, rand.NewChaCha8([32]byte{byte(i + 1)}), nil)
				replicas = append(replicas, r)
			}
			for _, r := range replicas {
				r.Register(tn.Platform, posting)
			}
			h.Run("alice", `admin event "Speed" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`)
			reg := posting.Posts()[0].Message
			for _, u := range []string{"max", "mia"} {
				h.Bot.HandleAction(context.Background(), bot.Action{Member: tn.Member(u), ActionID: reg.Buttons[0].ActionID, Value: reg.Buttons[0].Value})
			}
			for _, u := range []string{"ema", "eli", "eve"} {
				h.Bot.HandleAction(context.Background(), bot.Action{Member: tn.Member(u), ActionID: reg.Buttons[1].ActionID, Value: reg.Buttons[1].Value})
			}
			h.Platform.Take()
			boundary := func(d time.Duration) []bottest.Sent {
				h.Clock.Advance(d)
				var wg sync.WaitGroup
				for _, r := range replicas {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, err := r.TickTenants(context.Background(), tn); err != nil {
							t.Errorf("tick: %v", err)
						}
					}()
				}
				wg.Wait()
				return h.Platform.Take()
			}
			count := func(sent []bottest.Sent) (rooms, alone int) {
				seen := map[string]bool{}
				for _, s := range sent {
					key := s.To[0].User + "|" + s.Message.Title + "|" + s.Message.Text
					if seen[key] {
						t.Errorf("sent twice to %s: %q", s.To[0].User, s.Message.Title+s.Message.Text)
					}
					seen[key] = true
					if s.Together {
						rooms++
					} else {
						alone++
					}
				}
				return rooms, alone
			}
			if rooms, alone := count(boundary(time.Hour)); rooms != 2 || alone != 1 {
				t.Fatalf("round 1: got %d rooms and %d notices, want 2 and 1", rooms, alone)
			}
			// Round 2: 4 continue questions, 2 rooms, 1 notice.
			if rooms, alone := count(boundary(15 * time.Minute)); rooms != 2 || alone != 5 {
				t.Fatalf("round 2: got %d rooms and %d messages alone, want 2 and 5", rooms, alone)
			}
		})
	}
}

// TestSpeedFit: a mentor who offers the mentee's topic is chosen over one
// who does not, and a room for two members who read different languages
// is in both.
func TestSpeedFit(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("mia", "offer go languages:en,fr")
	h.Run("mia", "lang fr")
	h.Run("max", "offer design")
	h.Run("ema", "request go")
	for _, u := range []string{"max", "mia"} {
		click(h, u, reg, 0)
	}
	click(h, "ema", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	together, _ := rooms(h)
	m, ok := together["mia+ema"]
	if !ok {
		t.Fatalf("got %v, want Mia, who offers go, with Ema", together)
	}
	if !strings.Contains(m.Title, "round 1 of 2 / ") || !strings.Contains(m.Title, "tour 1 sur 2") ||
		!strings.Contains(m.Text, "Topic: go.") || !strings.Contains(m.Text, "Sujet\u202f: go.") {
		t.Fatalf("got %q %q, want the room in English and French", m.Title, m.Text)
	}
}

// leavingStore is a store where a member leaves the event just as a round
// is being stored: between the pairing's read of the registrations and
// its write.
type leavingStore struct {
	bot.Store
	leaver string
}

func (s *leavingStore) SaveSpeedRound(ctx context.Context, t bot.Tenant, r bot.SpeedRound) (bot.SpeedRound, bool, error) {
	if s.leaver != "" {
		if _, err := s.UnregisterSpeed(ctx, t, r.Event, s.leaver); err != nil {
			return r, false, err
		}
		s.leaver = ""
	}
	return s.Store.SaveSpeedRound(ctx, t, r)
}

// TestSpeedLeaveWhilePairing: a mentee who leaves while round 1 is being
// paired gets no room, and their mentor is told and paired with the
// mentee who would have sat out; a member who registers during round 1
// joins round 2, with the mentor the others have met.
func TestSpeedLeaveWhilePairing(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	st := &leavingStore{Store: storetest.MustMemory(t)}
	h := bottest.New(t, st, tn, bot.Config{Managers: []string{"alice"}})
	a := &adminHarness{Harness: h, Posting: &managersPlatform{Platform: h.Platform}}
	h.Bot.Register(tn.Platform, a.Posting)
	h.Run("alice", `admin event "Speed" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`)
	reg := a.Posting.Posts()[0].Message
	click(a, "max", reg, 0)
	click(a, "ema", reg, 1)
	click(a, "eli", reg, 1)
	h.Platform.Take()
	// eli is paired with max (the matcher's choice between equals), then
	// leaves before the round is stored.
	st.leaver = "eli"
	a.At(2, 10, 0)
	together, alone := rooms(a)
	if _, ok := together["max+eli"]; ok || len(alone["eli"]) != 0 {
		t.Fatalf("the leaver got a room: %v %v", together, alone)
	}
	if _, ok := together["max+ema"]; !ok || len(alone["max"]) != 1 || !strings.Contains(alone["max"][0].Text, "Eli had to leave the event: I have paired you with someone else") {
		t.Fatalf("got rooms %v and %v, want max told and with ema", together, alone)
	}
	t.Run("LateRegistration", func(t *testing.T) {
		if r := click(a, "zoe", reg, 1); !strings.Contains(r.Message.Text, "you join from round 2, at 10:15 (UTC)") {
			t.Fatalf("got %q", r.Message.Text)
		}
		a.At(2, 10, 15)
		together, _ := rooms(a)
		if _, ok := together["max+zoe"]; !ok {
			t.Fatalf("got rooms %v, want max with zoe in round 2", together)
		}
	})
}
