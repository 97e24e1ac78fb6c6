package main_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestDiscordLeaveErases: the bot asks for the GUILD_MEMBERS intent
// (and GUILDS);
// /mentor export-me sends the member's JSON as a DM attachment; and when
// a mentee leaves the server (GUILD_MEMBER_REMOVE on the gateway),
// everything about them is erased as /mentor forget does: their mentor
// is told and asked the new-match question, and Redis holds nothing of
// the mentee.
func TestDiscordLeaveErases(t *testing.T) {
	w := MustStartDiscord(t, false)
	if id, want := w.Gateway.WaitIdentified(t), discordgo.IntentsGuilds|discordgo.IntentsGuildMembers; id.Intents != int(want) {
		t.Errorf("got intents %d, want GUILDS and GUILD_MEMBERS (%d) only", id.Intents, want)
	}
	c, mentor, mentee := w.Client, w.Mentor1, w.Mentee
	discordEphemeral(t, c.Command(t, mentor, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
	discordEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
	discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionProposalAccept), "You accepted")
	discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionCharterAccept), "waiting for")
	discordUpdated(t, c.Click(t, mentee, c.LastDM(t, mentee), bot.ActionCharterAccept), "both accepted")

	discordEphemeral(t, c.Command(t, mentee, "export-me"), "Your data is on its way")
	var files []string
	for _, dm := range w.REST.DMs(mentee) {
		for _, f := range dm.Files {
			files = append(files, f.Type+" "+f.Name)
		}
	}
	if len(files) != 1 || !strings.HasPrefix(files[0], "application/json mentorbot-my-data-") {
		t.Fatalf("got files %v by DM, want the member's JSON", files)
	}

	w.Gateway.DispatchEvent(t, "GUILD_MEMBER_REMOVE", discordtest.MemberRemove(w.Guild, mentee))
	mustErased(t, w.Main.Store, bot.MemberID{Platform: "discord", Workspace: w.Guild, User: mentee})
	last := c.LastDM(t, mentor)
	if _, ok := last.Button(bot.ActionNewMatchYes); !ok || !strings.Contains(last.Text(), "Your mentee has left the program") {
		t.Fatalf("got %q, want the mentor told and asked about a new match", last.Text())
	}
	if hits := storetest.Mentions(t, w.Main.Store, mentee); len(hits) > 0 {
		t.Fatalf("got the mentee still in Redis:\n  %s", strings.Join(hits, "\n  "))
	}
}

// TestSlackLeaveErases: /mentor export-me uploads the member's JSON to
// their DM; then a signed user_change event whose user is deleted erases
// them as /mentor forget does: their mentor is told and asked the
// new-match question, and the workspace's keys hold nothing of them.
func TestSlackLeaveErases(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go kind:one-to-one")
	w.click(bob, w.dms(bob, 1, hasButton("proposal.accept"))[0], "proposal.accept")
	w.click(bob, w.dms(bob, 1, hasButton("charter.accept"))[0], "charter.accept")
	w.click(alice, w.dms(alice, 1, hasButton("charter.accept"))[0], "charter.accept")
	w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "G") }, wait)

	MustContain(t, w.MustCommand(alice, "export-me"), "Your data is on its way")
	done := w.fake.WaitCalls(t, "files.completeUploadExternal", 1, nil, wait)[0]
	if got := done.Get("channel_id"); got != "D"+alice.ID {
		t.Fatalf("got the file shared in %q, want Alice's DM", got)
	}
	if up := w.fake.Calls("upload"); len(up) != 1 || !strings.Contains(string(up[0].Data), `"name": "Alice Martin"`) {
		t.Fatalf("got %d uploads, want Alice's JSON", len(up))
	}

	event := mustJSON(t, map[string]any{
		"token": "x", "team_id": w.team, "api_app_id": "AFAKE", "type": "event_callback", "event_id": "EvLeave",
		"event_time": 1700000000, "event": map[string]any{"type": "user_change", "user": map[string]any{
			"id": alice.ID, "team_id": w.team, "name": alice.Name, "deleted": true, "profile": map[string]any{"real_name": alice.RealName},
		}},
	})
	MustAck(t, w.post("/slack/events", testSecret, time.Now(), event), "")
	again := w.dms(bob, 1, hasButton("newmatch.yes"))[0]
	MustContain(t, again, "Your mentee has left the program")
	mustErased(t, w.m.Store, bot.MemberID{Platform: "slack", Workspace: w.team, User: alice.ID})
	var hits []string
	for _, h := range storetest.Mentions(t, w.m.Store, alice.ID, alice.RealName) {
		if strings.Contains(h, w.team) { // other tests' workspaces on a shared Redis
			hits = append(hits, h)
		}
	}
	if len(hits) > 0 {
		t.Fatalf("got Alice still in the workspace's keys:\n  %s", strings.Join(hits, "\n  "))
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// mustErased waits up to 5 s for the store to keep nothing of id: the
// erasure runs after the event's ack, and after the other member is told.
func mustErased(tb testing.TB, st *store.Store, id bot.MemberID) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		d, err := st.MemberData(context.Background(), id)
		if err == nil && d.Empty() {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("got %+v (%v) 5 s after %s left, want nothing kept", d, err, id)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
