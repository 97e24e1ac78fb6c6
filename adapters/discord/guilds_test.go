package discord_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// TestGuildRemoved: GUILD_DELETE for a server the bot was removed from
// records it uninstalled (a record made for it, as it had none) and the
// server is no longer served; GUILD_CREATE when the bot is added back
// records it installed again, and it is served.
func TestGuildRemoved(t *testing.T) {
	installs := newFakeInstalls()
	h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true; o.Config.Installs = installs })
	tenant := bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}
	h.MustOffer(t, mentor1, "go")
	if got, _ := h.Bot.Tenants(context.Background()); !containsTenant(got, tenant) || !h.Adapter.Serves(context.Background(), tenant) {
		t.Fatalf("got %v not served before any event (tenants %v), want served", tenant, got)
	}

	h.Gateway.DispatchEvent(t, "GUILD_DELETE", discordtest.GuildDelete(h.Guild, false))
	h.REST.WaitFor(t, "the removal recorded", func() bool { in, ok := installs.get(tenant); return ok && !in.UninstalledAt.IsZero() })
	in, _ := installs.get(tenant)
	if in.InstalledAt.IsZero() || in.Installed() {
		t.Errorf("got %+v, want a record installed then removed", in)
	}
	if h.Adapter.Serves(context.Background(), tenant) {
		t.Error("got the server served after the bot's removal, want not served")
	}
	if got, _ := h.Bot.Tenants(context.Background()); containsTenant(got, tenant) {
		t.Errorf("got %v among the tenants of scheduled work, want it left out", tenant)
	}

	h.Gateway.DispatchEvent(t, "GUILD_CREATE", discordtest.GuildCreate(h.Guild))
	h.REST.WaitFor(t, "the return recorded", func() bool { in, ok := installs.get(tenant); return ok && in.UninstalledAt.IsZero() })
	if !h.Adapter.Serves(context.Background(), tenant) {
		t.Error("got the server not served after the bot was added back, want served")
	}
}

// TestGuildUnavailable: GUILD_DELETE with unavailable (an outage) changes
// nothing: no record is made, an installed one stays, the server is
// served; GUILD_CREATE of a server with no record makes none.
func TestGuildUnavailable(t *testing.T) {
	installs := newFakeInstalls()
	h := MustHarness(t, func(o *HarnessOptions) { o.Gateway = true; o.Config.Installs = installs })
	other := MustGuild(t)
	kept := bot.Tenant{Platform: discord.Platform, Workspace: other}
	if err := installs.SaveInstallation(context.Background(), bot.Installation{Tenant: kept, InstalledAt: time.Unix(1, 0)}); err != nil {
		t.Fatal(err)
	}
	for _, g := range []string{h.Guild, other} {
		h.Gateway.DispatchEvent(t, "GUILD_DELETE", discordtest.GuildDelete(g, true))
		h.REST.WaitFor(t, "the outage seen", func() bool { return logged(h.Log, "server unavailable; kept", "guild="+g) })
		h.Gateway.DispatchEvent(t, "GUILD_CREATE", discordtest.GuildCreate(g))
	}
	h.REST.WaitFor(t, "the servers back", func() bool { return installs.reads.Load() >= 2 })
	if _, ok := installs.get(bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}); ok {
		t.Error("got a record for a server only unavailable, want none")
	}
	if in, _ := installs.get(kept); !in.UninstalledAt.IsZero() || !in.InstalledAt.Equal(time.Unix(1, 0)) {
		t.Errorf("got %+v, want the record as it was", in)
	}
	for _, g := range []string{h.Guild, other} {
		if !h.Adapter.Serves(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: g}) {
			t.Errorf("got %s not served after an outage, want served", g)
		}
	}
}

// TestServesReadsRecords: over HTTP (no gateway) Serves reflects the
// records, read again once the cached answer is a minute old; with no
// record, or a store that cannot tell, the server is served; a tenant of
// another platform is not Discord's.
func TestServesReadsRecords(t *testing.T) {
	installs := newFakeInstalls()
	var offset atomic.Int64
	h := MustHarness(t, func(o *HarnessOptions) {
		o.Config.Installs = installs
		o.Config.Now = func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	})
	ctx := context.Background()
	gone := bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}
	_ = installs.SaveInstallation(ctx, bot.Installation{Tenant: gone, InstalledAt: time.Unix(1, 0)})
	_ = installs.Uninstall(ctx, gone, time.Unix(2, 0))
	if h.Adapter.Serves(ctx, gone) {
		t.Error("got a removed server served, want not served")
	}
	_ = installs.SaveInstallation(ctx, bot.Installation{Tenant: gone, InstalledAt: time.Unix(3, 0)})
	if h.Adapter.Serves(ctx, gone) {
		t.Error("got the cached answer changed at once, want it kept for a minute")
	}
	offset.Store(int64(2 * time.Minute))
	if !h.Adapter.Serves(ctx, gone) {
		t.Error("got a reinstalled server not served after a minute, want served")
	}
	if !h.Adapter.Serves(ctx, bot.Tenant{Platform: discord.Platform, Workspace: MustGuild(t)}) {
		t.Error("got a server with no record not served, want served")
	}
	installs.fail.Store(true)
	if !h.Adapter.Serves(ctx, bot.Tenant{Platform: discord.Platform, Workspace: MustGuild(t)}) {
		t.Error("got a server not served when the store fails, want served")
	}
	if h.Adapter.Serves(ctx, bot.Tenant{Platform: "slack", Workspace: h.Guild}) {
		t.Error("got a Slack workspace served by Discord, want not")
	}
}

// logged reports whether one line of log holds all of parts.
func logged(log *SyncBuffer, parts ...string) bool {
	for _, line := range strings.Split(log.String(), "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

func containsTenant(ts []bot.Tenant, t bot.Tenant) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// fakeInstalls is the in-memory store's bot.InstallStore (store/inmem),
// with its reads counted; fail makes every call fail.
type fakeInstalls struct {
	bot.InstallStore
	fail  atomic.Bool
	reads atomic.Int64 // calls of Installation
}

func newFakeInstalls() *fakeInstalls { return &fakeInstalls{InstallStore: inmem.New(nil)} }

var errFake = bot.Wrap(bot.EUNAVAILABLE, errors.New("fake store down"), "installs")

// get returns t's record as kept, and whether there is one.
func (f *fakeInstalls) get(t bot.Tenant) (bot.Installation, bool) {
	in, err := f.InstallStore.Installation(context.Background(), t)
	return in, err == nil
}

func (f *fakeInstalls) SaveInstallation(ctx context.Context, in bot.Installation) error {
	if f.fail.Load() {
		return errFake
	}
	return f.InstallStore.SaveInstallation(ctx, in)
}

func (f *fakeInstalls) Installation(ctx context.Context, t bot.Tenant) (bot.Installation, error) {
	f.reads.Add(1)
	if f.fail.Load() {
		return bot.Installation{}, errFake
	}
	return f.InstallStore.Installation(ctx, t)
}

func (f *fakeInstalls) Uninstall(ctx context.Context, t bot.Tenant, at time.Time) error {
	if f.fail.Load() {
		return errFake
	}
	return f.InstallStore.Uninstall(ctx, t, at)
}
