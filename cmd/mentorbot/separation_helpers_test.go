package main_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// sepTenant is one workspace (Slack) or server (Discord) of the
// separation test, with the members it holds. Every tenant has members
// of the same display names (alice, bob, ada the manager) and the same
// topic; its goal text is the only thing its members type that no other
// tenant has, and so marks its data wherever it travels.
type sepTenant struct {
	Name   string
	Tenant bot.Tenant
	// User IDs. On Discord Alice is one person in both servers (user IDs
	// are global): she is no marker of either. Carol, a second mentee, is
	// in the tenants with two pairs only.
	Alice, Bob, Carol, Manager string
	Goal                       string
	Digest                     string // the managers' channel
	Pairs                      int    // pairs the test forms in it
}

// users are the tenant's members.
func (tn *sepTenant) users() []string {
	us := []string{tn.Alice, tn.Bob, tn.Manager}
	if tn.Carol != "" {
		us = append(us, tn.Carol)
	}
	return us
}

// has reports whether user is a member of the tenant.
func (tn *sepTenant) has(user string) bool {
	for _, u := range tn.users() {
		if u == user {
			return true
		}
	}
	return false
}

// member is the tenant's member user.
func (tn *sepTenant) member(user string) bot.MemberID {
	return bot.MemberID{Platform: tn.Tenant.Platform, Workspace: tn.Tenant.Workspace, User: user}
}

// markers are what only this tenant's data holds: its workspace ID, its
// goal, and the IDs of members who are in no other tenant.
func (tn *sepTenant) markers(all []*sepTenant) []string {
	ms := []string{tn.Tenant.Workspace, tn.Goal}
	for _, u := range tn.users() {
		shared := false
		for _, o := range all {
			if o != tn && o.has(u) {
				shared = true
			}
		}
		if !shared {
			ms = append(ms, u)
		}
	}
	return ms
}

// sepWorld is ONE Main serving Slack (HTTP, signed requests, on a fake
// Slack) and Discord (the signed interactions endpoint, on a fake
// Discord) at once, on REDIS_URL or the embedded Redis, with the clock in
// the test's hands.
type sepWorld struct {
	m     *main.Main
	fake  *slackfake.Server
	a     *world            // the workspace of SLACK_BOT_TOKEN
	slack map[string]*world // by team
	// bases is where each workspace's helpers start numbering requests
	// (response URLs, trigger IDs), by team: a number tells whose it is.
	bases map[string]int64
	rest  *discordtest.REST
	// discord sends interactions to the one endpoint, by server.
	discord map[string]*discordtest.Client
	// intro is DISCORD_INTRO_CHANNEL_ID, a channel of the first Discord
	// server added: one setting for every server the bot is in.
	intro, introGuild string
	// tokens is the bot token each Slack workspace's calls must carry
	// (installSlackWorkspace sets it).
	tokens map[string]string
}

// mustStartSeparation starts the world with Slack workspace teamA, the
// one of SLACK_BOT_TOKEN. Other workspaces and servers join with
// addSlack and addDiscord.
func mustStartSeparation(t *testing.T) *sepWorld {
	t.Helper()
	rest := discordtest.NewREST(t)
	signer := discordtest.MustSigner(t)
	intro := discordGuild(t)
	a := MustStartSlack(t, withOAuth(t), func(m *main.Main, _ *slackfake.Server) {
		m.Config.Tick = -1 // the test drives time: no scheduler
		// No DISCORD_GUILD_ID: /mentor is registered globally, for every
		// server the bot is in.
		m.Config.Discord = main.DiscordConfig{BotToken: discordToken, AppID: discordApp, APIURL: rest.URL(), PublicKey: signer.PublicKey(),
			IntroChannelID: intro}
	})
	if a.m.SlackAdapter() == nil || a.m.HTTPURL() == "" {
		t.Fatal("got no Slack adapter or no HTTP server, want both adapters in one process")
	}
	w := &sepWorld{m: a.m, fake: a.fake, a: a, intro: intro, slack: map[string]*world{a.team: a}, rest: rest,
		discord: map[string]*discordtest.Client{}, tokens: map[string]string{a.team: "xoxb-test"}, bases: map[string]int64{a.team: 0}}
	endpoint := a.m.HTTPURL() + "/discord/interactions"
	w.discord[""] = discordtest.HTTPClient(rest, signer, endpoint, discordApp, "")
	return w
}

// addSlack makes a second workspace on the same fake Slack and the same
// Main, installs the bot there, and returns its helpers. Its response
// URLs are numbered apart from the first workspace's.
func (w *sepWorld) addSlack(t *testing.T, installer string) *world {
	t.Helper()
	s := &world{tb: t, m: w.m, fake: w.fake, team: newTeam(t)}
	w.bases[s.team] = int64(len(w.slack)) << 20
	s.seq.Store(w.bases[s.team])
	w.slack[s.team] = s
	installSlackWorkspace(t, w, s.team, installer)
	return s
}

// installSlackWorkspace installs the bot on Slack workspace team by
// OAuth, as its admin installer does (GET /slack/install, the fake's
// consent, then GET /slack/oauth_redirect), with no restart of the Main,
// and sets w.tokens[team] to the token the fake issued for it: the
// separation test then checks that every call for the workspace uses it,
// and no other.
func installSlackWorkspace(t *testing.T, w *sepWorld, team, installer string) {
	t.Helper()
	token := "xoxb-" + strings.ToLower(team)
	installByOAuth(t, w.m, w.fake, "code-"+team, slackfake.Grant{Team: team, TeamName: team, Token: token, BotUser: "UBOT", Installer: installer})
	w.tokens[team] = token
	// Other tests' bots share REDIS_URL and serve every workspace
	// installed there: this one leaves as a workspace that removed the
	// app does.
	t.Cleanup(func() {
		tn := bot.Tenant{Platform: "slack", Workspace: team}
		if err := w.m.Store.Uninstall(context.Background(), tn, w.m.Clock.Now()); err != nil {
			t.Errorf("uninstall %s: %v", team, err)
		}
	})
}

// addDiscord adds a server of the bot, with a client for it in w.discord,
// and returns its ID. The intro channel is in the first.
func (w *sepWorld) addDiscord(t *testing.T) string {
	t.Helper()
	guild := discordGuild(t)
	if len(w.discord) == 1 {
		w.rest.SetChannelGuild(w.intro, guild)
		w.introGuild = guild
	}
	base := w.discord[""]
	c := *base
	c.Guild = guild
	w.discord[guild] = &c
	return guild
}

// discordAs sends /mentor sub in tn's server as user, with the display
// name name (Discord sends the member's nick with each interaction), as a
// server manager when user is the tenant's manager.
func (w *sepWorld) discordAs(t *testing.T, tn *sepTenant, user, name, sub string, opts ...discordtest.Option) discordtest.Response {
	t.Helper()
	p := discordtest.Command(discordApp, tn.Tenant.Workspace, user, sub, opts...)
	p["member"].(map[string]any)["nick"] = name
	if user == tn.Manager {
		p = p.AsServerManager()
	}
	return w.discord[tn.Tenant.Workspace].Send(t, p)
}

// discordDMs returns the DMs user received for tn's server: those whose
// buttons name it, when with is set those with a button of that action.
func (w *sepWorld) discordDMs(tn *sepTenant, user, with string) []discordtest.Message {
	var out []discordtest.Message
	for _, m := range w.rest.DMs(user) {
		if _, ok := m.ButtonWith(":" + tn.Tenant.Workspace + ":" + with); ok {
			out = append(out, m)
		}
	}
	return out
}

// mustDiscordDM waits for the n-th DM (from 1) user received for tn's
// server with a button of action, and returns it.
func (w *sepWorld) mustDiscordDM(t *testing.T, tn *sepTenant, user, action string, n int) discordtest.Message {
	t.Helper()
	var got []discordtest.Message
	w.rest.WaitFor(t, fmt.Sprintf("DM %d with %s for %s", n, action, tn.Name), func() bool {
		got = w.discordDMs(tn, user, action+":")
		return len(got) >= n
	})
	return got[n-1]
}

// tick runs the jobs due in the test's tenants only: a shared Redis holds
// other tests' tenants, which this bot must leave alone.
func (w *sepWorld) tick(t *testing.T, tenants []*sepTenant) {
	t.Helper()
	ts := make([]bot.Tenant, len(tenants))
	for i, tn := range tenants {
		ts[i] = tn.Tenant
	}
	if _, err := w.m.Bot.TickTenants(context.Background(), ts...); err != nil {
		t.Fatalf("tick: %v", err)
	}
}

// sepMark is a word found nowhere else, to mark a tenant's goal.
func sepMark(t *testing.T, tenant string) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "learn go in " + tenant + " " + hex.EncodeToString(b)
}

// owners returns the tenants whose markers text holds.
func owners(text string, all []*sepTenant) []*sepTenant {
	var out []*sepTenant
	for _, tn := range all {
		for _, m := range tn.markers(all) {
			if m != "" && strings.Contains(text, m) {
				out = append(out, tn)
				break
			}
		}
	}
	return out
}

// names lists tenants' names, for failure messages.
func names(tns []*sepTenant) string {
	var s []string
	for _, tn := range tns {
		s = append(s, tn.Name)
	}
	return strings.Join(s, ", ")
}

// discordText sends p in guild and returns the text of its answer: the
// response, or on a busy machine the edit that completes a deferred one.
func discordText(t *testing.T, w *sepWorld, guild string, p discordtest.Payload) string {
	t.Helper()
	r := w.discord[guild].Send(t, p)
	if r.Type != discordtest.DeferredMessage && r.Type != discordtest.DeferredUpdate {
		if r.Data == nil {
			t.Fatalf("got response %d without data, want a message", r.Type)
		}
		return r.Data.Text()
	}
	var edits []discordtest.Message
	w.rest.WaitFor(t, "the deferred answer", func() bool {
		edits = w.rest.Edits(p.Token())
		return len(edits) > 0
	})
	return edits[0].Text()
}
