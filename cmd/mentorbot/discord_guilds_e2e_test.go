package main_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordBotRemoved: over the gateway, a server that removes the bot
// (GUILD_DELETE) is recorded as an uninstall, and its due check-in is not
// sent while the bot is away: the scheduler leaves the server out. An
// outage of the server (GUILD_DELETE, unavailable) changes nothing. Once
// the bot is added back (GUILD_CREATE) the record says installed again
// and the check-in goes out at the next tick.
func TestDiscordBotRemoved(t *testing.T) {
	w := MustStartDiscord(t, false)
	tenant := bot.Tenant{Platform: "discord", Workspace: w.Guild}
	mentee := playDiscordFlow(t, w)[1]
	clock := w.Main.Clock.(*bot.ManualClock)
	if tenants, err := w.Main.Bot.Tenants(context.Background()); err != nil || !slices.Contains(tenants, tenant) {
		t.Fatalf("got tenants %v (%v), want %v among them before the removal", tenants, err, tenant)
	}

	w.Gateway.DispatchEvent(t, "GUILD_DELETE", discordtest.GuildDelete(w.Guild, true))
	waitDiscordLog(t, w, "server unavailable; kept", "guild="+w.Guild)
	if _, err := w.Main.Store.Installation(context.Background(), tenant); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v after an outage, want no installation record", err)
	}

	w.Gateway.DispatchEvent(t, "GUILD_DELETE", discordtest.GuildDelete(w.Guild, false))
	in := waitInstallation(t, w, tenant, func(in bot.Installation) bool { return !in.UninstalledAt.IsZero() })
	if !in.UninstalledAt.Equal(clock.Now()) {
		t.Errorf("got the removal at %v, want the core's clock %v", in.UninstalledAt, clock.Now())
	}
	before := len(w.REST.DMs(mentee))
	clock.Advance(3*24*time.Hour + time.Hour)
	if ran := tickServed(t, w, tenant); ran != 0 || len(w.REST.DMs(mentee)) != before {
		t.Fatalf("got %d jobs run and %d DMs to the mentee, want none while the bot is out of the server", ran, len(w.REST.DMs(mentee))-before)
	}

	w.Gateway.DispatchEvent(t, "GUILD_CREATE", discordtest.GuildCreate(w.Guild))
	waitInstallation(t, w, tenant, func(in bot.Installation) bool { return in.UninstalledAt.IsZero() })
	if ran := tickServed(t, w, tenant); ran == 0 {
		t.Fatal("got no job run once the bot was added back, want the check-in")
	}
	if checkin := w.Client.LastDM(t, mentee); !strings.HasPrefix(checkin.Embeds[0].Title, "Check-in: go") {
		t.Fatalf("got %q, want the check-in", checkin.Text())
	}
	discordChecks(t, w)
}

// tickServed ticks the world's server as the scheduler does (Tick), if
// the scheduler's list of tenants has it: other tests' servers on the
// same Redis keep their jobs.
func tickServed(t *testing.T, w *discordWorld, tenant bot.Tenant) int {
	t.Helper()
	ctx := context.Background()
	tenants, err := w.Main.Bot.Tenants(ctx)
	if err != nil {
		t.Fatalf("tenants: %v", err)
	}
	if !slices.Contains(tenants, tenant) {
		return 0
	}
	ran, err := w.Main.Bot.TickTenants(ctx, tenant)
	if err != nil {
		t.Fatalf("tick: %v", err)
	}
	return ran
}

// waitInstallation waits until tenant's installation record satisfies ok.
func waitInstallation(t *testing.T, w *discordWorld, tenant bot.Tenant, ok func(bot.Installation) bool) bot.Installation {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		in, err := w.Main.Store.Installation(context.Background(), tenant)
		if err == nil && ok(in) {
			return in
		}
		if time.Now().After(deadline) {
			t.Fatalf("got installation %+v (%v) within 5 s, not the one awaited", in, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitDiscordLog waits for a line of the world's log holding every part.
func waitDiscordLog(t *testing.T, w *discordWorld, parts ...string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		for _, line := range strings.Split(w.Log.String(), "\n") {
			if !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(line, p) }) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("got no log line with %q within 5 s", parts)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
