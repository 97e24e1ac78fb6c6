package store_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// lateTaker is a platform that takes every message but answers the
// first send too late, as Slack answering after the client's timeout:
// its error says the message may have been taken (bot.MaybeSent). It can
// tell whether a tagged message reached its member (bot.Verifier) when
// verifies is set.
type lateTaker struct {
	mu       sync.Mutex
	sends    int
	asked    int
	tags     map[string]bool
	verifies bool
}

type maybeSentErr struct{}

func (maybeSentErr) Error() string   { return "written in full, no answer" }
func (maybeSentErr) MaybeSent() bool { return true }

func (p *lateTaker) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sends++
	p.tags[msg.Delivery] = true
	if p.sends == 1 {
		return &bot.Error{Code: bot.EUNAVAILABLE, Err: maybeSentErr{}}
	}
	return nil
}

func (p *lateTaker) Introduce(context.Context, []bot.MemberID, bot.Message) error { return nil }

// verifiedTaker is a lateTaker that is a bot.Verifier.
type verifiedTaker struct{ *lateTaker }

func (p verifiedTaker) Delivered(ctx context.Context, to bot.MemberID, key string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.asked++
	return p.tags[key], nil
}

// TestSendMaybeSentVerified: a send whose outcome the platform says is
// unknown (a request written in full and answered by no one) is not sent
// again by the job's retry: once the delivery's mark runs out, the retry
// asks the platform, finds it, and confirms it. Before, the mark was
// freed and the retry sent the message a second time. A platform that
// cannot tell gets it again, as before: a message is not lost.
func TestSendMaybeSentVerified(t *testing.T) {
	for _, tt := range []struct {
		name      string
		verifier  bool
		wantSends int
	}{{"Verifier", true, 1}, {"NoVerifier", false, 2}} {
		t.Run(tt.name, func(t *testing.T) {
			tn := ownPlatform(storetest.Tenant(t, "maybesent"))
			clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
			st := storetest.MustOpen(t)
			const lease = 400 * time.Millisecond
			b := bot.New(bot.Config{JobLease: lease, JobRetry: time.Second}, st, clock, rand.NewChaCha8([32]byte{}), nil)
			p := &lateTaker{tags: map[string]bool{}}
			if tt.verifier {
				b.Register(tn.Platform, verifiedTaker{p})
			} else {
				b.Register(tn.Platform, p)
			}
			storetest.MustOK(t, st.ScheduleJobs(context.Background(), tn, false, bot.NewJob(clock.Now(), bot.JobTest, "u1", "1")))
			// Tick past the mark's lease, in real time (Redis's clock), and
			// past every job lease and retry on the bot's clock.
			for end := time.Now().Add(lease + 1500*time.Millisecond); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
				_, _ = b.TickTenants(context.Background(), tn)
				clock.Advance(lease + time.Minute)
			}
			p.mu.Lock()
			defer p.mu.Unlock()
			if p.sends != tt.wantSends {
				t.Fatalf("got the message sent %d times, want %d", p.sends, tt.wantSends)
			}
			if tt.verifier && p.asked != 1 {
				t.Fatalf("got Delivered asked %d times, want once, after the mark ran out", p.asked)
			}
		})
	}
}
