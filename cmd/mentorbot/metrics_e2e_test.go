package main_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// scrapeMetrics GETs /metrics from m.
func scrapeMetrics(tb testing.TB, m *main.Main) string {
	tb.Helper()
	res, err := http.Get(m.HTTPURL() + "/metrics")
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		tb.Fatalf("got /metrics %d, %v; want 200", res.StatusCode, err)
	}
	return string(b)
}

// mustMetrics fails unless every one of want starts a line of the
// scrape, and none of hidden appears in it.
func mustMetrics(tb testing.TB, got string, want, hidden []string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains("\n"+got, "\n"+w) {
			var ours []string
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "mentorbot_") {
					ours = append(ours, l)
				}
			}
			tb.Fatalf("got no line starting %q in:\n%s", w, strings.Join(ours, "\n"))
		}
	}
	for _, h := range hidden {
		if strings.Contains(got, h) {
			tb.Fatalf("got %q in /metrics, want no member, workspace or token", h)
		}
	}
}

// TestSlackMetrics plays commands and a click through the real Main on
// the fake Slack, with a 429 and a Redis that refuses writes, and reads
// them back from GET /metrics, with no member's or workspace's ID.
func TestSlackMetrics(t *testing.T) {
	mr := miniredis.RunT(t)
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) { m.Config.RedisURL = "redis://" + mr.Addr() })
	w.MustCommand(bob, "offer go")
	w.fake.Fail("chat.postMessage", slackfake.Failure{Status: http.StatusTooManyRequests, RetryAfter: "1"})
	w.MustCommand(alice, "request go")
	// The proposal's first try was refused: click the one that went out.
	proposal := w.dms(bob, 1, func(c slackfake.Call) bool { return c.Status == http.StatusOK && hasButton("proposal.accept")(c) })[0]
	w.click(bob, proposal, "proposal.accept")
	w.updated(proposal)
	w.MustCommand(alice, "frobnicate")
	w.MustCommand(alice, "offer go capcity:2")
	mr.SetError("READONLY You can't write against a read only replica.")
	w.MustCommand(carol, "offer rust")
	mr.SetError("")

	mustMetrics(t, scrapeMetrics(t, w.m), []string{
		`mentorbot_commands_total{command="offer",outcome="ok"} 1`,
		`mentorbot_commands_total{command="request",outcome="ok"} 1`,
		`mentorbot_commands_total{command="unknown",outcome="invalid"} 1`,
		`mentorbot_commands_total{command="offer",outcome="invalid"} 1`,
		`mentorbot_commands_total{command="offer",outcome="unavailable"} 1`,
		`mentorbot_clicks_total{action="proposal.accept",outcome="ok"} 1`,
		`mentorbot_proposals_total 1`,
		`mentorbot_pairs_formed_total{how="accepted"} 1`,
		`mentorbot_ack_seconds_count{endpoint="/slack/commands"} 5`,
		`mentorbot_ack_seconds_count{endpoint="/slack/interactions"} 1`,
		`mentorbot_api_calls_total{method="chat.postMessage",platform="slack",status="200"}`,
		`mentorbot_api_calls_total{method="chat.postMessage",platform="slack",status="429"} 1`,
		`mentorbot_api_rate_limited_total{method="chat.postMessage",platform="slack"} 1`,
		`mentorbot_api_calls_total{method="chat.update",platform="slack",status="200"} 1`,
		`mentorbot_redis_errors_total{kind="readonly"}`,
	}, []string{alice.ID, bob.ID, w.team, "xoxb-test", "Alice", "Bob",
		// go-redis's CLIENT SETINFO on each new connection, which
		// miniredis refuses, is no error of the bot's.
		`mentorbot_redis_errors_total{kind="err"}`})
}

// TestDiscordMetrics counts Discord's REST calls by route, IDs and
// tokens replaced, and times the interactions endpoint.
func TestDiscordMetrics(t *testing.T) {
	w := MustStartDiscord(t, true)
	discordEphemeral(t, w.Client.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}), "")
	discordEphemeral(t, w.Client.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "asked a mentor")
	mustMetrics(t, scrapeMetrics(t, w.Main), []string{
		`mentorbot_commands_total{command="offer",outcome="ok"} 1`,
		`mentorbot_ack_seconds_count{endpoint="/discord/interactions"} 2`,
		`mentorbot_api_calls_total{method="PUT /applications/:id/guilds/:id/commands",platform="discord",status="200"} 1`,
		`mentorbot_api_calls_total{method="POST /channels/:id/messages",platform="discord",status="200"}`,
		`mentorbot_proposals_total 1`,
	}, []string{w.Mentor1, w.Mentee, w.Guild, discordApp, discordToken})
}

// TestSlackSocketMetrics times the acks of Socket Mode envelopes, which
// no HTTP handler carries.
func TestSlackSocketMetrics(t *testing.T) {
	w := MustStartSlackSocket(t)
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go")
	proposal := w.dms(bob, 1, hasButton("proposal.accept"))[0]
	w.click(bob, proposal, "proposal.accept")
	w.updated(proposal)
	mustMetrics(t, scrapeMetrics(t, w.m), []string{
		`mentorbot_ack_seconds_count{endpoint="socket_mode/commands"} 2`,
		`mentorbot_ack_seconds_count{endpoint="socket_mode/interactions"} 1`,
		`mentorbot_clicks_total{action="proposal.accept",outcome="ok"} 1`,
	}, []string{alice.ID, bob.ID, w.team})
}
