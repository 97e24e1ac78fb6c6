package bot_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// TestNotYetKeepsItsPromise: every "not yet" says "I'll check in again in
// 4 days", the second one too (the pair is then stalled), and 4 days later
// the check-in comes, once, whatever the replicas and restarts, with its
// three buttons working.
func TestNotYetKeepsItsPromise(t *testing.T) {
	for _, tt := range []struct {
		button, want string
		state        bot.PairState
	}{
		{bot.ActionCheckinYes, "Great, thanks", bot.PairActive},
		{bot.ActionCheckinNotYet, "I'll check in again in 4 days", bot.PairActive},
		{bot.ActionCheckinStop, "Thank you for telling me. I've ended your pair with Carol: these things happen, and it is nobody's fault.", bot.PairCancelled},
	} {
		t.Run(tt.button, func(t *testing.T) {
			h := MustHarness(t)
			mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
			MustTick(t, h, 3*day)
			inbox(h)
			MustContain(t, h.Click("dan", "dan", bot.ActionCheckinNotYet), "I'll check in again in 4 days")
			MustTick(t, h, 4*day)
			MustInbox(t, h, "carol: Check-in: go | Reminder: have you been in touch with Dan yet?", "dan: Check-in: go | Reminder: have you been in touch with Carol yet?")
			// The second makes the pair stalled: Dan's reply asks, after
			// its answer, whether he wants a new match, with its button.
			r := h.Click("dan", "dan", bot.ActionCheckinNotYet)
			MustContain(t, r, "I'll check in again in 4 days.\n\n"+bot.T(bot.English, "stall.mentee_notyet", "name", "Carol", "topic", "go"))
			if r.Message.Title != "Your pair with Carol on “go”" || len(r.Message.Buttons) == 0 || r.Message.Buttons[0].ActionID != bot.ActionEndAsk {
				t.Fatalf("got %+v, want the stall's title and its new-match button first", r.Message)
			}
			if p := mustOnlyPair(t, h, "dan"); !p.Stalled {
				t.Fatalf("got a pair not stalled after two “not yet”, want it flagged to the managers")
			}
			MustInbox(t, h)

			// A restart and a second replica: both tick the same store.
			replicas := []*bot.Bot{h.Bot, restarted(h, 2), restarted(h, 3)}
			h.Clock.Advance(4*day - time.Minute)
			mustTickAll(t, h, replicas)
			MustInbox(t, h)
			h.Clock.Advance(time.Minute)
			mustTickAll(t, h, replicas)
			MustInbox(t, h, "carol: Check-in: go | Reminder: have you been in touch with Dan yet?", "dan: Check-in: go | Reminder: have you been in touch with Carol yet?")

			if tt.button == bot.ActionCheckinStop {
				MustContain(t, clickStop(t, h, "dan"), tt.want)
			} else {
				MustContain(t, h.Click("dan", "dan", tt.button), tt.want)
			}
			if p := mustOnlyPair(t, h, "dan"); p.State != tt.state {
				t.Fatalf("got pair %s, want %s", p.State, tt.state)
			}
			if tt.button == bot.ActionCheckinStop {
				MustInbox(t, h,
					"carol: Your pair with Dan on “go” has ended | Thank you for the time you gave. Would you like to mentor someone else?",
					"dan: Your pair with Carol on “go” has ended | Sorry it didn't work out. Would you like a new match on “go”?")
			}
		})
	}
}

// restarted returns another bot process on the harness's store, clock
// and platform: a replica, or the same bot after a restart.
func restarted(h *bottest.Harness, seed byte) *bot.Bot {
	b := bot.New(bot.Config{}, h.Store, h.Clock, rand.NewChaCha8([32]byte{seed}), nil)
	b.Register(h.Tenant.Platform, h.Platform)
	return b
}

// mustTickAll ticks the replicas at once.
func mustTickAll(tb testing.TB, h *bottest.Harness, replicas []*bot.Bot) {
	tb.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(replicas))
	for _, b := range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := b.TickTenants(context.Background(), h.Tenant); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatalf("tick: %v", err)
	}
}

// TestReminderSkipsWhoSaidYes: the reminder after a "not yet" goes only
// to the member who has not said yes.
func TestReminderSkipsWhoSaidYes(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
	MustTick(t, h, 3*day)
	inbox(h)
	MustContain(t, h.Click("carol", "carol", bot.ActionCheckinYes), "Great, thanks")
	notYet := bot.T(bot.French, "checkin.notyet", "days", "4")
	reminder := "dan: " + bot.T(bot.French, "checkin.title", "topic", "go") + " | " + bot.T(bot.French, "checkin.text_reminder", "name", "Carol")
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinNotYet), notYet)
	MustTick(t, h, 4*day)
	MustInbox(t, h, reminder)
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinNotYet), notYet)
	MustTick(t, h, 4*day)
	MustInbox(t, h, reminder)
}

// TestLateCheckinYes: a flash pair's check-in answered "yes" after its
// survey completed the pair is kept (the meeting counts), schedules
// nothing, and says so; "not yet" or "not working" then still say the
// pair has ended.
func TestLateCheckinYes(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:flash")
	mustSayMet(t, h, "dan") // said before the check-in under test
	MustTick(t, h, 8*day)   // the check-in (3 days), then the flash survey (7 days), which completes the pair
	inbox(h)
	if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairCompleted {
		t.Fatalf("got pair %s, want completed", p.State)
	}
	MustContain(t, h.Click("carol", "carol", bot.ActionCheckinNotYet), "Dan told me you have met, so your session is complete and nothing was changed.")
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinYes), "Thanks, noted that you met. Your session is complete: the short survey is just below.")
	if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairCompleted || p.Met.IsZero() {
		t.Fatalf("got pair %s met %v, want completed and met", p.State, p.Met)
	}
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinYes), "already")
	MustTick(t, h, day)
	MustInbox(t, h) // nothing scheduled by the late answer
}

// clickStop clicks "It's not working out" on who's check-in, checks that
// it asks first and changes nothing yet, and confirms.
func clickStop(t *testing.T, h *bottest.Harness, who string) bot.Reply {
	t.Helper()
	r := h.Click(who, who, bot.ActionCheckinStop)
	MustContain(t, r, "Are you sure you want to end your pair")
	if p := mustOnlyPair(t, h, who); p.State != bot.PairActive {
		t.Fatalf("one click ended the pair: %s", p.State)
	}
	if len(r.Message.Buttons) != 2 || r.Message.Buttons[0].ActionID != bot.ActionCheckinStopConfirm {
		t.Fatalf("got buttons %+v", r.Message.Buttons)
	}
	b := r.Message.Buttons[0]
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(who), ActionID: b.ActionID, Value: b.Value})
}
