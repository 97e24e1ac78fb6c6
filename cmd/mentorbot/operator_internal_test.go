package main

import (
	"context"
	"encoding/json"
	"errors"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestMainRedisAuth: a Redis that refuses REDIS_URL's password, or needs
// one the URL lacks, is a configuration refused (status 2) whose sentence
// names REDIS_URL and never prints the password, for the bot and for an
// operator's command alike; JSON says "configuration refused".
func TestMainRedisAuth(t *testing.T) {
	mr := miniredis.RunT(t)
	mr.RequireAuth("s3cr3t-pw")
	const wrong = "N0tTheOne"
	for _, tt := range []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"WrongPassword", nil, []string{"REDIS_URL=redis://:" + wrong + "@" + mr.Addr() + "/0", "MENTORBOT_SHELL=1"}, "mentorbot: REDIS_URL: Redis refused the password"},
		{"NoPassword", nil, []string{"REDIS_URL=redis://" + mr.Addr() + "/0", "MENTORBOT_SHELL=1"}, "mentorbot: REDIS_URL: this Redis needs a password"},
		{"Export", []string{"export", "slack:T1:U1"}, []string{"REDIS_URL=redis://:" + wrong + "@" + mr.Addr() + "/0"}, "mentorbot: REDIS_URL: Redis refused the password"},
		{"JSON", nil, []string{"LOG_FORMAT=json", "REDIS_URL=redis://" + mr.Addr() + "/0", "MENTORBOT_SHELL=1"}, `"msg":"configuration refused","err":"REDIS_URL: this Redis needs a password`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runMainArgs(t, tt.args, strings.NewReader("help\n"), tt.env...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("got status %d and:\n%s\nwant status 2 and %q", code, stderr, tt.want)
			}
			if strings.Contains(stderr, wrong) || strings.Contains(stderr, "shutting down") {
				t.Fatalf("got:\n%s\nwant neither the password nor a shutdown", stderr)
			}
		})
	}
}

// TestMainArguments: an argument main does not know is refused with the
// usage and status 2, rather than ignored (the shell would otherwise run
// on the input), and so is an operator's command without its member, or
// with a member ID that is malformed or on no platform, or without
// REDIS_URL.
func TestMainArguments(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"Unknown", []string{"erase"}, nil, `mentorbot: unknown argument "erase": usage: mentorbot [-h] [-version] | mentorbot export MEMBER | mentorbot forget MEMBER`},
		{"NoMember", []string{"export"}, nil, "mentorbot: export: want the member's ID, as the log prints it"},
		{"TwoMembers", []string{"forget", "slack:T1:U1", "slack:T1:U2"}, nil, "mentorbot: forget: want one member, got 2 arguments"},
		{"Malformed", []string{"export", "U456"}, []string{"REDIS_URL=redis://127.0.0.1:1/0"}, "mentorbot: export MEMBER: want platform:workspace:user"},
		{"NoPlatform", []string{"forget", "teams:T1:U1"}, []string{"REDIS_URL=redis://127.0.0.1:1/0"}, "the platform one of slack, discord or shell"},
		{"NoRedis", []string{"export", "slack:T1:U1"}, nil, "mentorbot: REDIS_URL: want the Redis the bot keeps its data in"},
		{"Mention", []string{"export", "slack:T1:<@U1>"}, []string{"REDIS_URL=redis://127.0.0.1:1/0"}, "(a pasted mention <@U456> is the ID U456)"},
		{"BareMention", []string{"export", "<@U456>"}, []string{"REDIS_URL=redis://127.0.0.1:1/0"}, "export MEMBER: a mention says no platform or workspace: want platform:workspace:user; give it as the log prints it"},
		{"LowerCaseSlack", []string{"forget", "slack:tacme01:ueng"}, []string{"REDIS_URL=redis://127.0.0.1:1/0"}, "want Slack's IDs in capitals, as Slack writes them (T123, U456)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runMainArgs(t, tt.args, strings.NewReader("help\n"), append(tt.env, "MENTORBOT_SHELL=1")...)
			if code != 2 || !strings.Contains(stderr, tt.want) || stdout != "" {
				t.Fatalf("got status %d, stdout:\n%s\nstderr:\n%s\nwant status 2, nothing on stdout and %q", code, stdout, stderr, tt.want)
			}
		})
	}
}

// TestMainOperator: mentorbot export MEMBER writes the member's data as
// JSON (the file /mentor export-me sends) and mentorbot forget MEMBER
// erases them, from Redis alone, with no platform token; the member's
// mentor is told by the running bot at its next tick, and asked the
// new-match question. A member the bot keeps nothing about (never seen,
// or erased) is said so: export exits with status 3, told from Redis
// down (1); forget with 0, as erasing again is no failure.
func TestMainOperator(t *testing.T) {
	mr := miniredis.RunT(t)
	url := "redis://" + mr.Addr() + "/0"
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The running bot: a core on the same Redis, its platform a recording
	// fake standing for Discord.
	tn := bot.Tenant{Platform: "discord", Workspace: "812345678901234567"}
	h := &bottest.Harness{TB: t, Store: st, Tenant: tn, Clock: bot.NewManualClock(time.Now().UTC()),
		Platform: &bottest.Platform{Gone: map[string]bool{}, Locales: map[string]string{}, TZs: map[string]string{}}}
	h.Bot = bot.New(bot.Config{}, st, h.Clock, mrand.NewChaCha8([32]byte{3}), nil)
	h.Bot.Register(tn.Platform, h.Platform)
	const mentor, mentee = "100000000000000001", "200000000000000002"
	h.Run(mentor, "offer go")
	h.Run(mentee, "request go kind:one-to-one")
	h.Click(mentor, mentor, bot.ActionProposalAccept)
	h.Click(mentor, mentor, bot.ActionCharterAccept)
	h.Click(mentee, mentee, bot.ActionCharterAccept)
	id := tn.Member(mentee).String()

	t.Run("Export", func(t *testing.T) {
		stdout, stderr, code := runMainArgs(t, []string{"export", id}, nil, "REDIS_URL="+url)
		var got struct {
			Platform, Workspace, User string
			Profile                   struct{ Name string }
			Pairs                     []struct{ Mentor, Mentee, Topic, State string }
		}
		if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil {
			t.Fatalf("got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0 and JSON", code, stdout, stderr)
		}
		if got.Platform != "discord" || got.Workspace != tn.Workspace || got.User != mentee || got.Profile.Name != "2"+mentee[1:] ||
			len(got.Pairs) != 1 || got.Pairs[0].Mentor != mentor || got.Pairs[0].Topic != "go" {
			t.Fatalf("got %+v, want the mentee's profile and their pair with the mentor on go", got)
		}
	})
	t.Run("ErrUnknown", func(t *testing.T) {
		stdout, stderr, code := runMainArgs(t, []string{"export", tn.Member("300000000000000003").String()}, nil, "REDIS_URL="+url)
		if code != 3 || stdout != "" || !strings.Contains(stderr, "mentorbot: export: the bot keeps nothing about discord:812345678901234567:300000000000000003") {
			t.Fatalf("got status %d, stdout:\n%s\nstderr:\n%s\nwant status 3 and the member unknown", code, stdout, stderr)
		}
	})
	t.Run("Forget", func(t *testing.T) {
		stdout, stderr, code := runMainArgs(t, []string{"forget", id}, nil, "REDIS_URL="+url)
		if code != 0 || !strings.Contains(stdout, id+" erased") {
			t.Fatalf("got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0 and the member erased", code, stdout, stderr)
		}
		if hits := storetest.Mentions(t, st, mentee); len(hits) > 0 {
			t.Fatalf("got the mentee still in Redis:\n  %s", strings.Join(hits, "\n  "))
		}
		h.Platform.Take()
		h.Clock.Advance(time.Minute)
		if _, err := h.Bot.Tick(context.Background()); err != nil {
			t.Fatal(err)
		}
		msgs := h.Platform.To(mentor)
		last := msgs[len(msgs)-1]
		if !strings.Contains(last.Text, "Your mentee has left the program") || len(last.Buttons) == 0 || last.Buttons[0].ActionID != bot.ActionNewMatchYes {
			t.Fatalf("got %+v last, want the mentor told and asked about a new match", last)
		}
		stdout, stderr, code = runMainArgs(t, []string{"forget", id}, nil, "REDIS_URL="+url)
		if code != 0 || !strings.Contains(stdout, "mentorbot: forget: the bot keeps nothing about "+id+", so there is nothing to erase") {
			t.Fatalf("forget again: got status %d, stdout:\n%s\nstderr:\n%s\nwant status 0, the member unknown", code, stdout, stderr)
		}
	})
}

// TestRedisDatabaseOutOfRange: a database the Redis does not have
// (REDIS_URL=redis://host:6379/99) is a configuration refused, naming
// the variable, not an error a restart would meet again and again.
func TestRedisDatabaseOutOfRange(t *testing.T) {
	why := redisAuth(errors.New("internal: ping: ERR DB index is out of range"), "REDIS_URL")
	if !strings.HasPrefix(why, "this Redis has no such database") {
		t.Fatalf("got %q, want the database named as the fault", why)
	}
}

// TestMainVersion: -version prints the build and exits 0 without
// reading the configuration; the same version is on /metrics.
func TestMainVersion(t *testing.T) {
	stdout, stderr, code := runMainArgs(t, []string{"-version"}, strings.NewReader(""), "SLACK_BOT_TOKEN=not-a-token")
	v, goVersion := buildVersion()
	if code != 0 || stdout != "mentorbot "+v+" ("+goVersion+")\n" || stderr != "" {
		t.Fatalf("got status %d, stdout %q, stderr %q; want 0 and the version", code, stdout, stderr)
	}
	if v == "" || !strings.HasPrefix(goVersion, "go") {
		t.Fatalf("got version %q built with %q", v, goVersion)
	}
	if _, stderr, code := runMainArgs(t, []string{"-version", "extra"}, strings.NewReader("")); code != 2 || !strings.Contains(stderr, `-version takes no argument, got "extra"`) {
		t.Fatalf("got status %d and %q, want 2 and the argument refused", code, stderr)
	}
}
