package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestInboundHandledNamesNoOne: a delivery kept before its ack and then
// handled leaves nothing that names its member, on every backend,
// whether the adapter that answered it forgets it (Handled) or its job
// hands it back after its lease (runInbound, here to a platform that
// cannot redeliver). Before, the member's index of kept deliveries
// stayed for its TTL, an hour: a newcomer's /mentor help left their ID
// in a key name. A job of an older version, which names no member, is
// still handled: its data and job go.
func TestInboundHandledNamesNoOne(t *testing.T) {
	ctx := context.Background()
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := MustHarnessOn(t, b)
			who := h.Tenant.Member("U" + strings.ToUpper(storetest.Tenant(t, "x").Workspace))
			named := func(when string) {
				t.Helper()
				if hits := storetest.Mentions(t, h.Store, who.User); len(hits) != 0 {
					t.Fatalf("got the member named %s:\n  %s", when, strings.Join(hits, "\n  "))
				}
			}

			fresh, err := h.Bot.Receive(ctx, who, "cmd:help", []byte("help"))
			if err != nil || !fresh {
				t.Fatalf("got %v, %v, want the command kept", fresh, err)
			}
			if err := h.Bot.Handled(ctx, who, "cmd:help"); err != nil {
				t.Fatal(err)
			}
			named("once the adapter forgot the command")

			if _, err := h.Bot.Receive(ctx, who, "act:click", []byte("click")); err != nil {
				t.Fatal(err)
			}
			h.Clock.Advance(bot.JobLease + time.Second)
			if _, err := h.Bot.TickTenants(ctx, h.Tenant); err != nil {
				t.Fatal(err)
			}
			named("once the click's job handed it back")

			due := h.Clock.Now()
			if _, err := h.Store.Receive(ctx, h.Tenant, "in:old", "old1", who.User, []byte("old"), bot.NewJob(due, bot.JobInbound, "old1"), time.Minute, time.Hour); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Bot.TickTenants(ctx, h.Tenant); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Store.Inbound(ctx, h.Tenant, "old1"); bot.ErrorCode(err) != bot.ENOTFOUND {
				t.Fatalf("got %v, want an older job's delivery handled", err)
			}
			if jobs, _ := h.Store.ClaimJobs(ctx, h.Tenant, due.Add(time.Hour), time.Minute, 10); len(jobs) != 0 {
				t.Fatalf("got jobs %v, want none left", jobs)
			}
		})
	}
}
