package bot_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// confirmDown is a store whose delivery confirmations fail as an
// unreachable Redis fails them, while down is set.
type confirmDown struct {
	bot.Store
	down      atomic.Bool
	tried     atomic.Int32
	confirmed atomic.Int32 // after a failure
}

func (s *confirmDown) ConfirmSent(ctx context.Context, t bot.Tenant, key, state string, ttl time.Duration) error {
	if s.down.Load() {
		s.tried.Add(1)
		return bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	}
	err := s.Store.ConfirmSent(ctx, t, key, state, ttl)
	if err == nil && s.tried.Load() > 0 {
		s.confirmed.Add(1)
	}
	return err
}

// TestConfirmationDoesNotHoldTheReply: Redis drops right after a
// proposal's DM is sent. The requester's reply is not held until Redis
// comes back (it was, for the whole job lease): the confirmation goes on
// in the background, and lands once Redis answers, so the DM is never
// sent twice.
func TestConfirmationDoesNotHoldTheReply(t *testing.T) {
	st := &confirmDown{Store: storetest.MustMemory(t)}
	h := harnessOn(t, st)
	h.Run("bob", "offer go")
	h.Platform.Take()
	st.down.Store(true)
	done := make(chan bot.Reply, 1)
	go func() { done <- h.Run("dan", "request go") }()
	select {
	case r := <-done:
		MustContain(t, r, "I've asked a mentor")
	case <-time.After(30 * time.Second):
		t.Fatal("got no reply while the confirmation fails, want the reply not held by it")
	}
	if st.tried.Load() == 0 {
		t.Fatal("got no confirmation tried while down (the scenario)")
	}
	st.down.Store(false)
	for deadline := time.Now().Add(20 * time.Second); st.confirmed.Load() == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("got no confirmation once Redis answered, want the background one to land")
		}
	}
	MustTick(t, h, 3*time.Minute) // past the job lease: an unconfirmed DM would go again
	n := 0
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "bob" && strings.Contains(s.Message.Text, "would like your help") {
			n++
		}
	}
	if n > 1 {
		t.Fatalf("got the proposal sent %d times, want once", n)
	}
}
