package main_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackInstallE2E: a running mentorbot with SLACK_BOT_TOKEN (its own
// workspace) and SLACK_CLIENT_ID is installed by OAuth on a second
// workspace, with no restart and no change of configuration: the
// installer becomes that workspace's manager (not the first's), its token
// is kept sealed in the store, and its members are answered with its own
// token at once. A replayed state is refused; a workspace that never
// installed is told so; uninstalling stops the workspace and erases its
// token.
func TestSlackInstallE2E(t *testing.T) {
	a := MustStartSlack(t, withOAuth(t))
	b := &world{tb: t, m: a.m, fake: a.fake, team: newTeam(t)}
	b.seq.Store(1 << 20)
	tokenB := "xoxb-" + strings.ToLower(b.team)
	state := installStart(t, a.m)
	a.fake.AddOAuthCode("code-b", slackfake.Grant{Team: b.team, TeamName: "Alumni B", Token: tokenB, BotUser: "UBOTB", Installer: admin.ID})
	if status, body := installBack(t, a.m, "code-b", state); status != http.StatusOK || !strings.Contains(body, "/mentor help") || !strings.Contains(body, "Alumni B") {
		t.Fatalf("got %d %s, want the success page naming the workspace", status, body)
	}
	ctx := context.Background()
	tb := bot.Tenant{Platform: slackadapter.Platform, Workspace: b.team}
	if ok, err := a.m.Store.IsManager(ctx, tb.Member(admin.ID)); !ok || err != nil {
		t.Fatalf("got %v, %v; want the installer a manager of the workspace installed", ok, err)
	}
	welcome := b.dms(admin, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "/mentor admin digest-channel") })[0]
	if welcome.Token != tokenB {
		t.Fatalf("got the installer's welcome with token %q, want B's own", welcome.Token)
	}
	if ok, _ := a.m.Store.IsManager(ctx, bot.Tenant{Platform: slackadapter.Platform, Workspace: a.team}.Member(admin.ID)); ok {
		t.Fatal("the installer became a manager of the other workspace too")
	}
	in, err := a.m.Store.Installation(ctx, tb)
	if err != nil || !in.Installed() || in.BotUser != "UBOTB" || in.InstalledBy != admin.ID {
		t.Fatalf("got installation %+v, %v; want B installed by its admin", in, err)
	}
	if bytes.Contains(in.Token, []byte(tokenB)) || bytes.Contains(in.Token, []byte("xoxb")) {
		t.Fatal("the store keeps the token in clear")
	}
	// The same state again (a browser's back button, or an attacker).
	a.fake.AddOAuthCode("code-b2", slackfake.Grant{Team: b.team, Token: tokenB, BotUser: "UBOTB", Installer: bob.ID})
	if status, body := installBack(t, a.m, "code-b2", state); status != http.StatusBadRequest || !strings.Contains(body, "already been used") {
		t.Fatalf("got %d %s, want the replayed state refused", status, body)
	}

	// B's members are served at once, with B's token; A's with its own.
	MustContain(t, b.MustCommand(bob, "offer go"), "go")
	MustContain(t, a.MustCommand(bob, "offer go"), "go")
	b.MustCommand(alice, "request go")
	proposal := b.dms(bob, 1, hasButton(bot.ActionProposalAccept))[0]
	if proposal.Token != tokenB {
		t.Fatalf("got B's proposal sent with token %q, want B's own", proposal.Token)
	}
	dmB := a.fake.DM(b.team, bob.ID)
	for _, c := range a.fake.Calls("chat.postMessage") {
		if c.Get("channel") == dmB && c.Token != tokenB {
			t.Fatalf("a message to B's bob went with token %q", c.Token)
		}
	}

	// A workspace that never installed gets a sentence, not silence.
	c := &world{tb: t, m: a.m, fake: a.fake, team: newTeam(t)}
	c.seq.Store(2 << 20)
	MustContain(t, c.MustCommand(bob, "offer go"), "isn't installed in this workspace")

	// Uninstalled: the token is erased, and B's scheduled work stops.
	if ack := a.post("/slack/events", testSecret, time.Now(), slackfake.Uninstalled(b.team, "EvUninstall")); ack.Status != http.StatusOK {
		t.Fatalf("got %d for app_uninstalled, want 200", ack.Status)
	}
	deadline := time.Now().Add(wait)
	for {
		in, err := a.m.Store.Installation(ctx, tb)
		if err == nil && !in.UninstalledAt.IsZero() && len(in.Token) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("got installation %+v, %v; want the token erased and the uninstall dated", in, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	tenants, err := a.m.Bot.Tenants(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tn := range tenants {
		if tn == tb {
			t.Fatal("the uninstalled workspace is still ticked")
		}
	}
}
