package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestLeaversEntry: with interactions over HTTP (no gateway, so no
// GUILD_MEMBER_REMOVE), the nightly cron entry asks Discord about each
// member the bot keeps data about, and erases the one Discord answers
// 404 Unknown Member for; the one it answers 200 for stays.
func TestLeaversEntry(t *testing.T) {
	const app, guild, stays, left = "845027738276462632", "845027738276460001", "100000000000000001", "100000000000000002"
	rest, signer := discordtest.NewREST(t), discordtest.MustSigner(t)
	m := NewMain()
	m.Config.HTTPAddr = "127.0.0.1:0"
	m.Config.Tick = -1 // only advance runs the scheduler
	m.Config.Discord = DiscordConfig{BotToken: "token", AppID: app, GuildID: guild, APIURL: rest.URL(), PublicKey: signer.PublicKey()}
	m.Clock = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	m.Stdout, m.Log = io.Discard, slog.New(slog.DiscardHandler)
	ctx := context.Background()
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	c := discordtest.HTTPClient(rest, signer, m.HTTPURL()+"/discord/interactions", app, guild)
	c.Command(t, stays, "offer", discordtest.Option{Name: "topics", Value: "go"})
	c.Command(t, left, "offer", discordtest.Option{Name: "topics", Value: "sql"})
	rest.Leave(left)
	before := len(rest.CallsTo("GET guilds/"))

	m.advance(ctx, 12*time.Hour) // 21:00: not yet
	if d, _ := m.Store.MemberData(ctx, bot.MemberID{Platform: "discord", Workspace: guild, User: left}); d.Empty() {
		t.Fatal("got the member erased before the night's check, want them kept until then")
	}
	m.advance(ctx, 12*time.Hour) // 09:00 the next day, past 03:47
	var asked []string
	for _, call := range rest.CallsTo("GET guilds/")[before:] {
		asked = append(asked, call.Path)
	}
	if got, want := strings.Join(asked, " "), "guilds/"+guild+"/members/"; len(asked) != 2 || strings.Count(got, want) != 2 {
		t.Errorf("got calls %v, want one GET member for each of the two members", asked)
	}
	if d, err := m.Store.MemberData(ctx, bot.MemberID{Platform: "discord", Workspace: guild, User: left}); err != nil || !d.Empty() {
		t.Errorf("got %+v (%v), want the member Discord does not know any more erased", d, err)
	}
	if d, err := m.Store.MemberData(ctx, bot.MemberID{Platform: "discord", Workspace: guild, User: stays}); err != nil || d.Offer == nil {
		t.Errorf("got %+v (%v), want the member still in the server kept", d, err)
	}
}
