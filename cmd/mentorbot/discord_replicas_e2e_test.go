package main_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordGatewayReplicaKilled runs two replicas on one Redis, each
// with its own gateway connection, so that each receives every event:
// every interaction is answered exactly once, a member who leaves is
// erased once (by one replica), and once one replica's connection is
// cut off for good, as when it is killed, the other serves alone.
func TestDiscordGatewayReplicaKilled(t *testing.T) {
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://" + miniredis.RunT(t).Addr()
	}
	w := &discordWorld{REST: discordtest.NewREST(t), Guild: discordGuild(t), Log: &discordLog{},
		Mentor1: discordGuild(t), Mentor2: discordGuild(t), Mentee: discordGuild(t)}
	w.Gateway = discordtest.NewGateway(t, discordApp)
	w.REST.SetGateway(w.Gateway.URL())
	w.Main = w.startMain(t, redisURL)
	w.Gateway.WaitConnections(t, 1) // the first connection is this replica's
	w.startMain(t, redisURL)
	w.Gateway.WaitConnections(t, 2)
	c, mentor, mentee := discordtest.GatewayClient(w.REST, w.Gateway, discordApp, w.Guild), w.Mentor1, w.Mentee
	w.Client = c

	discordEphemeral(t, c.Command(t, mentor, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
	discordEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
	discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionProposalAccept), "You accepted")
	discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionCharterAccept), "waiting for")
	discordUpdated(t, c.Click(t, mentee, c.LastDM(t, mentee), bot.ActionCharterAccept), "both accepted")
	mustAnsweredOnce(t, w, 5)

	t.Run("LeaveErasedOnce", func(t *testing.T) {
		w.Gateway.DispatchEvent(t, "GUILD_MEMBER_REMOVE", discordtest.MemberRemove(w.Guild, mentee))
		mustErased(t, w.Main.Store, bot.MemberID{Platform: "discord", Workspace: w.Guild, User: mentee})
		time.Sleep(300 * time.Millisecond) // the other replica's copy of the event
		if n := strings.Count(w.Log.String(), "member left: erased"); n != 1 {
			t.Errorf("got %d erasures, want one: each replica receives the event", n)
		}
		var told int
		for _, dm := range w.REST.DMs(mentor) {
			if strings.Contains(dm.Text(), "Your mentee has left the program") {
				told++
			}
		}
		if told != 1 {
			t.Errorf("got the mentor told %d times, want once", told)
		}
	})

	t.Run("OneKilled", func(t *testing.T) {
		w.Gateway.Kill(t, 0)
		if n := w.Gateway.Connections(); n != 1 {
			t.Fatalf("got %d connections, want the survivor's only", n)
		}
		discordEphemeral(t, c.Command(t, w.Mentor2, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
		discordEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
		mustAnsweredOnce(t, w, 7)
	})
}

// mustAnsweredOnce checks that n interactions in all got a callback, one
// each, whichever replica served them.
func mustAnsweredOnce(t *testing.T, w *discordWorld, n int) {
	t.Helper()
	time.Sleep(200 * time.Millisecond) // a second answer would come now
	seen := map[string]int{}
	for _, call := range w.REST.CallsTo("POST interactions/") {
		seen[strings.Split(call.Path, "/")[1]]++
	}
	if len(seen) != n {
		t.Errorf("got callbacks for %d interactions, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("interaction %s: got %d callbacks, want one", id, k)
		}
	}
}
