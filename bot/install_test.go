package bot_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// servingPlatform is the fake platform that serves every workspace but
// those it was told are gone (bot.Serving).
type servingPlatform struct {
	*bottest.Platform
	mu   sync.Mutex
	gone map[bot.Tenant]bool
}

func (p *servingPlatform) Serves(ctx context.Context, t bot.Tenant) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.gone[t]
}

func (p *servingPlatform) stop(t bot.Tenant) { p.mu.Lock(); p.gone[t] = true; p.mu.Unlock() }

// TestTenantsServed: scheduled work leaves out a workspace that its
// platform says it no longer serves; its jobs wait, and the other's run.
func TestTenantsServed(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	p := &servingPlatform{Platform: h.Platform, gone: map[bot.Tenant]bool{}}
	h.Bot.Register(h.Tenant.Platform, p)
	other := bot.Tenant{Platform: h.Tenant.Platform, Workspace: "W2"}
	for _, tn := range []bot.Tenant{h.Tenant, other} {
		storetest.MustOK(t, h.Store.ScheduleJobs(ctx, tn, false, bot.NewJob(h.Clock.Now(), bot.JobTest, "ann", tn.Workspace)))
	}
	if got, err := h.Bot.Tenants(ctx); err != nil || len(got) != 2 {
		t.Fatalf("got tenants %v (%v), want both workspaces served", got, err)
	}

	p.stop(other)
	got, err := h.Bot.Tenants(ctx)
	if err != nil || !slices.Equal(got, []bot.Tenant{h.Tenant}) {
		t.Fatalf("got tenants %v (%v), want only %v", got, err, h.Tenant)
	}
	if _, err := h.Bot.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	sent := h.Platform.Take()
	if len(sent) != 1 || sent[0].To[0] != h.Tenant.Member("ann") {
		t.Fatalf("got %+v sent, want one message, in the workspace served", sent)
	}
	if jobs, _ := h.Store.ClaimJobs(ctx, other, h.Clock.Now(), time.Minute, 10); len(jobs) != 1 {
		t.Errorf("got %v due in the workspace not served, want its job left waiting", jobs)
	}
}

// TestPruneUninstalled: the retention job erases a workspace that removed
// the app more than the retention ago, and keeps one that removed it
// yesterday, one that installed it again, and one that never removed it.
func TestPruneUninstalled(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) { testPruneUninstalled(t, b) })
	}
}

func testPruneUninstalled(t *testing.T, b storetest.Backend) {
	const year = 365 * day
	ctx := context.Background()
	h := MustHarnessOn(t, b)
	ws := func(w string) bot.Tenant {
		return bot.Tenant{Platform: h.Tenant.Platform, Workspace: h.Tenant.Workspace + w}
	}
	old, recent, back, stays := ws("old"), ws("recent"), ws("back"), h.Tenant
	for _, tn := range []bot.Tenant{old, recent, back, stays} {
		storetest.MustOK(t, h.Store.SaveMember(ctx, bot.Member{ID: tn.Member("ann"), Name: "Ann"}))
		storetest.MustOK(t, h.Store.ScheduleJobs(ctx, tn, false, bot.NewJob(h.Clock.Now().Add(year), bot.JobTest, "ann", "1")))
		storetest.MustInstall(t, h.Store, tn)
	}
	storetest.MustOK(t, h.Store.Uninstall(ctx, old, h.Clock.Now()))
	storetest.MustOK(t, h.Store.Uninstall(ctx, back, h.Clock.Now()))
	h.Clock.Advance(2 * year)
	storetest.MustOK(t, h.Store.Uninstall(ctx, recent, h.Clock.Now()))
	h.Clock.Advance(day - time.Hour)
	storetest.MustInstall(t, h.Store, back)
	h.Clock.Advance(time.Hour) // old left 2 years and a day ago, recent yesterday
	if b.Name != "redis" && len(storetest.Mentions(t, h.Store, old.Workspace)) == 0 {
		t.Fatalf("found nothing of %v before pruning", old)
	}

	if err := h.Bot.Prune(ctx, 2*year); err != nil {
		t.Fatal(err)
	}
	// The shared Redis is too big to read whole: store's TestEraseTenant
	// counts the workspace's keys there.
	if b.Name != "redis" {
		// (before the reads below, which the memory store answers by
		// making an empty workspace)
		if hits := storetest.Mentions(t, h.Store, old.Workspace); len(hits) > 0 {
			t.Errorf("got %v left of the erased workspace, want nothing", hits)
		}
	}
	if _, err := h.Store.Installation(ctx, old); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v, want the installation of the workspace gone 2 years and a day erased", err)
	}
	if _, err := h.Store.GetMember(ctx, old.Member("ann")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v, want its member erased", err)
	}
	for _, tn := range []bot.Tenant{recent, back, stays} {
		if _, err := h.Store.Installation(ctx, tn); err != nil {
			t.Errorf("%v: got %v, want its installation kept", tn, err)
		}
		if _, err := h.Store.GetMember(ctx, tn.Member("ann")); err != nil {
			t.Errorf("%v: got %v, want its member kept", tn, err)
		}
	}
	tenants, _ := h.Store.Tenants(ctx)
	if slices.Contains(tenants, old) || !slices.Contains(tenants, recent) {
		t.Errorf("got tenants %v, want %v out and %v kept", tenants, old, recent)
	}
}
