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
	"os"
	"strings"
	"sync/atomic"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// secret signs every request of the run.
const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// target is an endpoint under load, and the command sent to it.
type target struct {
	name string
	url  string
	text string // after /mentor
	// mentorbot targets finish their work after the ack, or in it; the
	// baseline does all its work before its ack.
	mentorbot bool
	// empty marks a measure of the workspace before the pool was filled.
	empty bool
	// users numbers the target's users, whose IDs start with prefix.
	prefix string
	users  *atomic.Int64
}

// nextUser is the ID of a user the target has not sent yet.
func (t target) nextUser() string { return userID(t.prefix, t.users.Add(1)) }

// server is a running endpoint.
type server struct {
	url   string
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
// signature (with the same verifier as the adapter) and make one Redis
// round trip (reading the member's hash, as the bot does first, with a
// plain go-redis call: the store's read batching is mentorbot's own),
// then answer 200.
func startBaseline(st *store.Store) (server, error) {
	rdb := st.Client()
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/commands", func(w http.ResponseWriter, r *http.Request) {
		body, err := slackadapter.VerifyRequest(w, r, secret, 64<<10)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		form, _ := url.ParseQuery(string(body))
		tenant := bot.Tenant{Platform: slackadapter.Platform, Workspace: form.Get("team_id")}
		if err := rdb.HGetAll(r.Context(), "mb:{"+tenant.String()+"}:member:"+form.Get("user_id")).Err(); err != nil {
			http.Error(w, "redis", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
	u, stop, err := serve(mux)
	return server{url: u + "/slack/commands", close: stop}, err
}

// startMentorbot wires the bot and the Slack adapter as cmd/mentorbot's
// Main does, on the store and in front of the fake Slack.
func startMentorbot(ctx context.Context, st *store.Store, apiURL string, inline time.Duration, directory bool) (server, error) {
	quiet := slog.New(slog.DiscardHandler)
	if os.Getenv("SLACKLOAD_LOG") != "" {
		quiet = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	b := bot.New(bot.Config{DefaultLang: bot.English}, st, bot.SystemClock{}, rand.Reader, quiet)
	refresh := time.Duration(0) // the adapter's default: read at start
	if !directory {
		refresh = -1
	}
	a, err := slackadapter.New(b, slackadapter.Options{BotToken: "xoxb-load", SigningSecret: secret, APIURL: apiURL, Log: quiet, InlineBudget: inline, DirectoryRefresh: refresh})
	if err != nil {
		return server{}, err
	}
	b.Register(slackadapter.Platform, a)
	mux := http.NewServeMux()
	a.Register(mux)
	if err := a.Start(ctx); err != nil {
		return server{}, err
	}
	u, stop, err := serve(mux)
	return server{url: u + "/slack/commands", close: func() { stop(); a.Close() }}, err
}

// newTeam is a workspace ID no real data uses.
func newTeam() string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	return "TLOAD" + strings.ToUpper(hex.EncodeToString(b))
}

// cleanup removes what the run's commands wrote to Redis, all under the
// run's own workspace (newcomers' read-only commands and forms write
// nothing, other commands do), and the
// workspace's entry in the set of tenants, so that scheduled work never
// visits it. It follows the key schema of store/keys.go (every key of a
// tenant starts with "mb:{platform:workspace}:", the set is "mb:tenants").
func cleanup(ctx context.Context, st *store.Store, team string) (int, error) {
	tenant := bot.Tenant{Platform: slackadapter.Platform, Workspace: team}.String()
	rdb := st.Client()
	n := 0
	iter := rdb.Scan(ctx, 0, "mb:{"+tenant+"}:*", 1000).Iterator()
	var batch []string
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 1000 {
			if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
				return n, err
			}
			n, batch = n+len(batch), batch[:0]
		}
	}
	if err := iter.Err(); err != nil {
		return n, err
	}
	if len(batch) > 0 {
		if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
			return n, err
		}
		n += len(batch)
	}
	return n, rdb.SRem(ctx, "mb:tenants", tenant).Err()
}
