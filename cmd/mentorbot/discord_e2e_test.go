package main_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// The Discord application and members of the end-to-end tests.
const (
	discordApp      = "845027738276462632"
	discordToken    = "e2e-token"
	discordIntro    = "555000000000000001"
	discordGoalText = "ship my first cluster"
	discordHostile  = "@everyone <@123> <@&456>"
)

// discordWorld is the real Main of cmd/mentorbot with Discord configured,
// on REDIS_URL (or the embedded Redis), talking to a fake Discord.
type discordWorld struct {
	Main    *main.Main
	REST    *discordtest.REST
	Gateway *discordtest.Gateway // nil when interactions come over HTTP
	Signer  *discordtest.Signer  // nil over the gateway
	Client  *discordtest.Client
	Guild   string
	Log     *discordLog
	// Two mentors and a mentee. Their IDs are new in each world: runs on
	// one Redis share it, and a tick also runs the jobs that earlier runs
	// left in their own servers, which must not reach this run's members.
	Mentor1, Mentor2, Mentee string
	replicas                 int // started so far: each draws its own IDs
}

// MustStartDiscord starts Main with the interactions endpoint (http) or
// the gateway, and tune applied to its Discord settings.
func MustStartDiscord(tb testing.TB, http bool, tune ...func(*main.DiscordConfig)) *discordWorld {
	tb.Helper()
	w := &discordWorld{REST: discordtest.NewREST(tb), Guild: discordGuild(tb), Log: &discordLog{},
		Mentor1: discordGuild(tb), Mentor2: discordGuild(tb), Mentee: discordGuild(tb)}
	if http {
		w.Signer = discordtest.MustSigner(tb)
	} else {
		w.Gateway = discordtest.NewGateway(tb, discordApp)
		w.REST.SetGateway(w.Gateway.URL())
	}
	w.Main = w.startMain(tb, os.Getenv("REDIS_URL"), tune...)
	if http {
		w.Client = discordtest.HTTPClient(w.REST, w.Signer, w.endpoint(), discordApp, w.Guild)
	} else {
		w.Gateway.WaitIdentified(tb)
		w.Client = discordtest.GatewayClient(w.REST, w.Gateway, discordApp, w.Guild)
	}
	return w
}

// startMain starts a Main (a replica of the bot) on redisURL ("": the
// embedded Redis) in front of the world's fake Discord.
func (w *discordWorld) startMain(tb testing.TB, redisURL string, tune ...func(*main.DiscordConfig)) *main.Main {
	tb.Helper()
	m := main.NewMain()
	m.Config.HTTPAddr = "127.0.0.1:0"
	m.Config.RedisURL = redisURL
	m.Config.Tick = -1 // the test drives time; no scheduler
	m.Config.Discord = main.DiscordConfig{BotToken: discordToken, AppID: discordApp, GuildID: w.Guild, APIURL: w.REST.URL()}
	if w.Signer != nil {
		m.Config.Discord.PublicKey = w.Signer.PublicKey()
	}
	for _, f := range tune {
		f(&m.Config.Discord)
	}
	if ch := m.Config.Discord.IntroChannelID; ch != "" {
		w.REST.SetChannelGuild(ch, w.Guild) // the world's guild owns its intro channel
	}
	m.Clock = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	// Each replica draws its own IDs, as crypto/rand makes them in
	// production: replicas seeded alike would name two proposals alike.
	w.replicas++
	m.Rand = mrand.NewChaCha8([32]byte{7, byte(w.replicas)})
	m.Stdout = io.Discard
	m.Log = slog.New(slog.NewTextHandler(w.Log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if err := m.Open(context.Background()); err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		if err := m.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return m
}

func (w *discordWorld) endpoint() string { return w.Main.HTTPURL() + "/discord/interactions" }

// TestDiscordHTTP plays the core flow through POST /discord/interactions,
// with the introduction as a private thread of the intro channel.
func TestDiscordHTTP(t *testing.T) {
	w := MustStartDiscord(t, true, func(c *main.DiscordConfig) { c.IntroChannelID = discordIntro })
	pair := playDiscordFlow(t, w)

	threads := w.REST.Threads()
	if len(threads) != 1 || threads[0].Parent != discordIntro || threads[0].Type != 12 {
		t.Fatalf("got threads %+v, want one private thread in the intro channel", threads)
	}
	if got := strings.Join(threads[0].Members, ","); got != pair[0]+","+pair[1] {
		t.Errorf("got thread members %s, want mentor then mentee", got)
	}
	intro := w.REST.Messages(threads[0].ID)
	if len(intro) != 1 || !strings.HasPrefix(intro[0].Embeds[0].Title, "Introduction: go") {
		t.Fatalf("got %+v, want the introduction in the thread", intro)
	}
	if users := strings.Join(intro[0].AllowedMentions.Users, ","); users != pair[0]+","+pair[1] || !intro[0].PingsNoneFromText() {
		t.Errorf("got allowed_mentions %+v, want only the pair pinged", intro[0].AllowedMentions)
	}
	if n := len(w.REST.CallsTo("GET gateway")); n != 0 {
		t.Errorf("got %d gateway lookups, want none with an HTTP endpoint", n)
	}
}

// TestDiscordGateway plays the same flow over the gateway, without an
// intro channel: each member gets the introduction by DM.
func TestDiscordGateway(t *testing.T) {
	w := MustStartDiscord(t, false)
	if id := w.Gateway.WaitIdentified(t); id.Token != "Bot "+discordToken {
		t.Errorf("got Identify token %q, want the bot token", id.Token)
	}
	pair := playDiscordFlow(t, w)
	for _, user := range pair {
		intro := w.Client.LastDM(t, user)
		if len(intro.Embeds) != 1 || !strings.HasPrefix(intro.Embeds[0].Title, "Introduction: go") {
			t.Errorf("got %q, want the introduction by DM", intro.Text())
		}
	}
	if n := len(w.REST.CallsTo("POST interactions/")); n != 9 {
		t.Errorf("got %d callbacks, want one per interaction (9)", n)
	}
}

// TestDiscordGatewayReplicas runs two replicas on one Redis, each with its
// own gateway connection, so that each receives every interaction: the
// whole flow still gets exactly one answer per interaction, and one
// proposal, charter and introduction each.
func TestDiscordGatewayReplicas(t *testing.T) {
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		mr := miniredis.RunT(t)
		redisURL = "redis://" + mr.Addr()
	}
	w := &discordWorld{REST: discordtest.NewREST(t), Guild: discordGuild(t), Log: &discordLog{},
		Mentor1: discordGuild(t), Mentor2: discordGuild(t), Mentee: discordGuild(t)}
	w.Gateway = discordtest.NewGateway(t, discordApp)
	w.REST.SetGateway(w.Gateway.URL())
	w.Main = w.startMain(t, redisURL)
	w.startMain(t, redisURL)
	w.Gateway.WaitConnections(t, 2)
	w.Client = discordtest.GatewayClient(w.REST, w.Gateway, discordApp, w.Guild)

	pair := playDiscordFlow(t, w)
	if n := len(w.REST.CallsTo("POST interactions/")); n != 9 {
		t.Errorf("got %d callbacks, want one per interaction (9), whichever replica served it", n)
	}
	for _, user := range pair {
		if n := len(w.REST.DMs(user)); n == 0 {
			t.Errorf("got no DM to %s, want the introduction", user)
		}
	}
	if !strings.Contains(w.Log.String(), "event taken by another replica") {
		t.Errorf("got no interaction left to the other replica, want each one served once")
	}
}

// playDiscordFlow offers, requests through the modal, declines, accepts,
// accepts the charter twice, and returns the pair (mentor, mentee). It
// checks every message the bot sent along the way.
func playDiscordFlow(t *testing.T, w *discordWorld) [2]string {
	c := w.Client
	for _, m := range []string{w.Mentor1, w.Mentor2} {
		discordEphemeral(t, c.Command(t, m, "offer", discordtest.Option{Name: "topics", Value: "go, kubernetes"}, discordtest.Option{Name: "capacity", Value: 2}), "mentor for: go")
	}
	form := c.Command(t, w.Mentee, "request")
	if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:request" {
		t.Fatalf("got response %d %+v, want the request form", form.Type, form.Data)
	}
	discordEphemeral(t, c.Submit(t, w.Mentee, form, map[string]string{"topic": "go", "goal": discordHostile + " " + discordGoalText}), "asked a mentor")

	first, second := w.Mentor1, w.Mentor2
	if len(w.REST.DMs(first)) == 0 {
		first, second = second, first
	}
	proposal := discordProposal(t, w, first)
	discordUpdated(t, c.Click(t, first, proposal, bot.ActionProposalDecline), "You declined")
	discordEphemeral(t, c.Click(t, first, proposal, bot.ActionProposalDecline), "already declined")

	proposal = discordProposal(t, w, second)
	discordUpdated(t, c.Click(t, second, proposal, bot.ActionProposalAccept), "You accepted")
	charters := map[string]discordtest.Message{w.Mentee: c.LastDM(t, w.Mentee), second: c.LastDM(t, second)}
	for user, m := range charters {
		if _, ok := m.Button(bot.ActionCharterAccept); !ok || m.Embeds[0].Title != "The mentoring charter" {
			t.Fatalf("got %q for %s, want the charter with its buttons", m.Text(), user)
		}
	}
	discordUpdated(t, c.Click(t, w.Mentee, charters[w.Mentee], bot.ActionCharterAccept), "waiting for")
	discordUpdated(t, c.Click(t, second, charters[second], bot.ActionCharterAccept), "both accepted")
	discordChecks(t, w)
	return [2]string{second, w.Mentee}
}

// discordProposal returns the proposal user just received, checked.
func discordProposal(t *testing.T, w *discordWorld, user string) discordtest.Message {
	t.Helper()
	m := w.Client.LastDM(t, user)
	if len(m.Embeds) != 1 || m.Embeds[0].Title != "Mentoring request: go" || !strings.Contains(m.Text(), discordGoalText) {
		t.Fatalf("got %q, want the proposal with the goal", m.Text())
	}
	for _, bad := range []string{"@everyone", "<@123>", "<@&456>"} {
		if strings.Contains(m.Text(), bad) {
			t.Errorf("got %q in the proposal, want it defused", bad)
		}
	}
	for _, b := range m.Buttons() {
		// "mb:" or, on a message sent once, "mb.<tag>:" (Retract).
		if _, rest, _ := strings.Cut(b.CustomID, ":"); !strings.HasPrefix(b.CustomID, "mb") || !strings.HasPrefix(rest, w.Guild+":proposal.") || len(b.CustomID) > 100 {
			t.Errorf("got custom_id %q, want the server in it, at most 100 characters", b.CustomID)
		}
	}
	return m
}

// discordChecks holds for every call of a run: the bot token, messages
// that parse no mentions from text, and logs free of what members typed.
func discordChecks(t *testing.T, w *discordWorld) {
	t.Helper()
	for _, call := range w.REST.Calls() {
		if call.Auth != "Bot "+discordToken && !strings.HasPrefix(call.Path, "interactions/") && !strings.HasPrefix(call.Path, "webhooks/") {
			t.Errorf("%s: got Authorization %q, want the bot token", call.Route(), call.Auth)
		}
		if call.Method == "POST" && strings.HasSuffix(call.Path, "/messages") && !bytes.Contains(call.Body, []byte(`"parse":[]`)) {
			t.Errorf("%s: got %s, want allowed_mentions.parse []", call.Route(), call.Body)
		}
	}
	if log := w.Log.String(); strings.Contains(log, discordGoalText) || strings.Contains(log, "@everyone") {
		t.Errorf("got what a member typed in the log, want IDs only")
	}
}

// TestDiscordEndpoint checks the endpoint as Main serves it.
func TestDiscordEndpoint(t *testing.T) {
	w := MustStartDiscord(t, true)
	t.Run("Ping", func(t *testing.T) {
		r := w.Signer.MustPost(t, w.endpoint(), discordtest.Ping(discordApp).JSON())
		if r.Status != http.StatusOK || r.Response().Type != discordtest.Pong {
			t.Errorf("got %d %s, want 200 and PONG", r.Status, r.Body)
		}
	})
	t.Run("ErrBadSignature", func(t *testing.T) {
		body := discordtest.Command(discordApp, w.Guild, w.Mentee, "status").JSON()
		r := discordtest.MustPostSigned(t, w.endpoint(), body, func(req *http.Request) { discordtest.MustSigner(t).Sign(req, body, time.Now()) })
		if r.Status != http.StatusUnauthorized {
			t.Errorf("got HTTP %d, want 401", r.Status)
		}
	})
	t.Run("UnknownSubcommand", func(t *testing.T) {
		discordEphemeral(t, w.Client.Command(t, w.Mentee, "frobnicate"), "I don't know the command")
	})
	t.Run("ErrGet", func(t *testing.T) {
		resp, err := http.Get(w.endpoint())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("got HTTP %d, want 405", resp.StatusCode)
		}
	})
	t.Run("Registered", func(t *testing.T) {
		regs := w.REST.Registrations()
		if len(regs) != 1 || regs[0].GuildID != w.Guild || !bytes.Contains(regs[0].Commands, []byte(`"name":"mentor"`)) {
			t.Errorf("got %+v, want /mentor registered in the server", regs)
		}
	})
}

// TestDiscordFailures drives Main through Discord's failure modes.
func TestDiscordFailures(t *testing.T) {
	t.Run("StaleToken", func(t *testing.T) {
		w := MustStartDiscord(t, false)
		p := discordtest.Command(discordApp, w.Guild, w.Mentee, "status")
		w.REST.ExpireToken(p.Token())
		w.Gateway.Dispatch(t, p)
		w.REST.WaitFor(t, "the stale token logged", func() bool { return strings.Contains(w.Log.String(), "code=10062") })
		discordEphemeral(t, w.Client.Command(t, w.Mentee, "status"), "Your mentoring")
	})
	t.Run("DMsClosed", func(t *testing.T) {
		w := MustStartDiscord(t, true)
		discordEphemeral(t, w.Client.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "")
		w.REST.CloseDMs(w.Mentor1)
		p := discordtest.Command(discordApp, w.Guild, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"})
		discordEphemeral(t, w.Client.Send(t, p), "mentor for: go")
		w.REST.WaitFor(t, "the DM hint", func() bool { return len(w.REST.Followups(p.Token())) == 1 })
		if f := w.REST.Followups(p.Token())[0]; f.Flags != discordtest.Ephemeral || !strings.Contains(f.Text(), "Direct Messages") {
			t.Errorf("got %q, want an ephemeral explanation of how to open DMs", f.Text())
		}
	})
	t.Run("RateLimited", func(t *testing.T) {
		w := MustStartDiscord(t, true)
		discordEphemeral(t, w.Client.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}), "")
		w.REST.RateLimit("POST channels/", 1, 50*time.Millisecond)
		discordEphemeral(t, w.Client.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "asked a mentor")
		calls := w.REST.CallsTo("POST channels/")
		if len(calls) != 2 || calls[0].Status != 429 || calls[1].Status != 200 || len(w.REST.DMs(w.Mentor1)) != 1 {
			t.Errorf("got %d calls, want a 429 then the proposal delivered once", len(calls))
		}
	})
}

func discordEphemeral(tb testing.TB, r discordtest.Response, want string) {
	tb.Helper()
	if r.Type != discordtest.ChannelMessage || r.Data == nil || r.Data.Flags != discordtest.Ephemeral {
		tb.Fatalf("got response %d %+v, want an ephemeral message", r.Type, r.Data)
	}
	if !strings.Contains(r.Data.Text(), want) || !r.Data.PingsNoneFromText() {
		tb.Fatalf("got %q, want %q with allowed_mentions parse []", r.Data.Text(), want)
	}
}

func discordUpdated(tb testing.TB, r discordtest.Response, want string) {
	tb.Helper()
	if r.Type != discordtest.UpdateMessage || r.Data == nil || r.Data.Components == nil || len(r.Data.Buttons()) != 0 {
		tb.Fatalf("got response %d %+v, want the message updated, its buttons removed", r.Type, r.Data)
	}
	if !strings.Contains(r.Data.Text(), want) {
		tb.Fatalf("got %q, want %q", r.Data.Text(), want)
	}
}

// discordManager returns a new member who manages w's server, and a
// function that sends /mentor sub as them.
func discordManager(t *testing.T, w *discordWorld) (string, func(sub string, opts ...discordtest.Option) discordtest.Response) {
	t.Helper()
	manager := discordGuild(t)
	return manager, func(sub string, opts ...discordtest.Option) discordtest.Response {
		return w.Client.Send(t, discordtest.Command(discordApp, w.Guild, manager, sub, opts...).AsServerManager())
	}
}

// discordGuild returns a snowflake no other test uses: a server ID, so
// that tests sharing one Redis never see each other's keys, or a user ID.
func discordGuild(tb testing.TB) string {
	tb.Helper()
	n, err := rand.Int(rand.Reader, big.NewInt(1e17))
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("8%017d", n)
}

// discordLog is a log sink safe for concurrent writes.
type discordLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *discordLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *discordLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
