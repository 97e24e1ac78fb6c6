package bot_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// mustScheduleTest schedules n test jobs (each pinging one member) in tn,
// due at at.
func mustScheduleTest(tb testing.TB, st bot.Store, tn bot.Tenant, n int, at time.Time) {
	tb.Helper()
	var jobs []bot.Job
	for i := range n {
		jobs = append(jobs, bot.NewJob(at, bot.JobTest, "u"+strconv.Itoa(i), strconv.Itoa(i)))
	}
	storetest.MustOK(tb, st.ScheduleJobs(context.Background(), tn, false, jobs...))
}

// sentBy returns the workspaces of the messages sent, in the order sent.
func sentBy(sent []bottest.Sent) []string {
	var out []string
	for _, s := range sent {
		out = append(out, s.To[0].Workspace)
	}
	return out
}

// TestTickFairRoundRobin: a workspace with a backlog, ticked first, runs
// one job, then every quiet workspace runs its due job, before the busy
// one runs its second.
func TestTickFairRoundRobin(t *testing.T) {
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			busy := storetest.Tenant(t, "test")
			h := bottest.New(t, be.Open(t), busy, bot.Config{})
			const backlog = 20
			mustScheduleTest(t, h.Store, busy, backlog, h.Clock.Now())
			quiet := []bot.Tenant{storetest.Tenant(t, "test"), storetest.Tenant(t, "test"), storetest.Tenant(t, "test")}
			for _, q := range quiet {
				mustScheduleTest(t, h.Store, q, 1, h.Clock.Now())
			}
			n, err := h.Bot.TickTenants(context.Background(), append([]bot.Tenant{busy}, quiet...)...)
			if err != nil {
				t.Fatal(err)
			}
			if n != backlog+len(quiet) {
				t.Fatalf("got %d jobs run, want %d", n, backlog+len(quiet))
			}
			order := sentBy(h.Platform.Take())
			if len(order) != n {
				t.Fatalf("got %d messages, want %d", len(order), n)
			}
			busySeen, quietSeen := 0, 0
			for i, ws := range order {
				if ws == busy.Workspace {
					busySeen++
					continue
				}
				quietSeen++
				if busySeen > 1 {
					t.Fatalf("quiet workspace %s ran after %d busy jobs (message %d), want after at most 1", ws, busySeen, i)
				}
			}
			if quietSeen != len(quiet) {
				t.Fatalf("got %d quiet messages, want %d", quietSeen, len(quiet))
			}
		})
	}
}

// clockedPlatform moves the clock by step at each message it sends: a
// tick that takes time.
type clockedPlatform struct {
	*bottest.Platform
	clock *bot.ManualClock
	step  time.Duration
}

func (p *clockedPlatform) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	p.clock.Advance(p.step)
	return p.Platform.Send(ctx, to, msg)
}

// TestTickFairBudget: a job that falls due in a quiet workspace while a
// busy one drains its backlog runs in the next tick, before the backlog
// is done: a tick starts no new pass after Config.Tick.
func TestTickFairBudget(t *testing.T) {
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			busy, quiet := storetest.Tenant(t, "test"), storetest.Tenant(t, "test")
			h := bottest.New(t, be.Open(t), busy, bot.Config{Tick: 3 * time.Second})
			h.Bot.Register("test", &clockedPlatform{Platform: h.Platform, clock: h.Clock, step: time.Second})
			const backlog = 20
			mustScheduleTest(t, h.Store, busy, backlog, h.Clock.Now())
			mustScheduleTest(t, h.Store, quiet, 1, h.Clock.Now().Add(2*time.Second))
			ctx := context.Background()

			n, err := h.Bot.TickTenants(ctx, busy, quiet)
			if err != nil {
				t.Fatal(err)
			}
			if n >= backlog {
				t.Fatalf("got %d jobs run in the first tick, want fewer than the backlog (%d): the tick outlasted Config.Tick", n, backlog)
			}
			if got := sentBy(h.Platform.Take()); len(got) != n {
				t.Fatalf("got %d messages, want %d", len(got), n)
			}

			if _, err := h.Bot.TickTenants(ctx, busy, quiet); err != nil {
				t.Fatal(err)
			}
			busySeen := n
			for _, ws := range sentBy(h.Platform.Take()) {
				if ws == quiet.Workspace {
					if busySeen >= backlog {
						t.Fatalf("the quiet job ran after the whole backlog of %d", backlog)
					}
					return
				}
				busySeen++
			}
			t.Fatal("the quiet job did not run in the second tick")
		})
	}
}
