package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// secret signs every request of the run.
const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// target is an endpoint under load.
type target struct {
	name string
	url  string
	// done counts the commands whose work after the ack has reached the
	// fake Slack; nil for the baseline, which does all its work before.
	done  func() int
	close func()
}

// serve serves h on a loopback port with the timeouts of mentorbot's Main.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Println("slackload: serve:", err)
		}
	}()
	return "http://" + ln.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

// startBaseline serves the least any Slack endpoint must do: verify the
// signature (with the same slack-go verifier) and make one Redis round
// trip (reading the member, as the bot does first), then answer 200.
func startBaseline(st *store.Store) (target, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/commands", func(w http.ResponseWriter, r *http.Request) {
		body, err := slackadapter.VerifyRequest(w, r, secret, 64<<10)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		form, _ := url.ParseQuery(string(body))
		id := bot.MemberID{Platform: slackadapter.Platform, Workspace: form.Get("team_id"), User: form.Get("user_id")}
		if _, err := st.GetMember(r.Context(), id); err != nil && bot.ErrorCode(err) != bot.ENOTFOUND {
			http.Error(w, "redis", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	u, stop, err := serve(mux)
	return target{name: "baseline", url: u + "/slack/commands", close: stop}, err
}

// startMentorbot wires the bot and the Slack adapter as cmd/mentorbot's
// Main does, on the store and in front of the fake Slack.
func startMentorbot(ctx context.Context, st *store.Store, fake *slackfake.Server) (target, error) {
	quiet := slog.New(slog.DiscardHandler)
	b := bot.New(bot.Config{DefaultLang: bot.English}, st, bot.SystemClock{}, rand.Reader, quiet)
	a, err := slackadapter.New(b, slackadapter.Options{BotToken: "xoxb-load", SigningSecret: secret, APIURL: fake.APIURL(), Log: quiet})
	if err != nil {
		return target{}, err
	}
	b.Register(slackadapter.Platform, a)
	mux := http.NewServeMux()
	a.Register(mux)
	if err := a.Start(ctx); err != nil {
		return target{}, err
	}
	u, stop, err := serve(mux)
	done := func() int { return fake.Count("views.open") + fake.Count("response_url") }
	return target{name: "mentorbot", url: u + "/slack/commands", done: done, close: func() { stop(); a.Close() }}, err
}

// newTeam is a workspace ID no real data uses.
func newTeam() string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	return "TLOAD" + strings.ToUpper(hex.EncodeToString(b))
}
