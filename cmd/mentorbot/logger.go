package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
)

// newLogger returns the program's logger: JSON lines when format is
// "json" (LOG_FORMAT=json, for a log collector), slog's key=value text
// otherwise, at level (debug, info, warn, error; default info), on w
// (standard error when nil).
//
// What is logged is the callers' business, and their rule is the same
// everywhere: IDs (members, workspaces, pairs, jobs), codes and counts;
// never a token or a secret, a message's text, or a member's name. The
// logger adds a safety net for what callers cannot see: errors quote the
// URLs they failed on, and some URLs are secrets (a Slack response_url, a
// Discord interaction's webhook), so every string and error is redacted
// (see redact) before it is written.
//
// Every line has one "msg": an attribute a caller names after a key the
// handler writes itself (go-redis's text, passed as "msg" by the store's
// bridge) is renamed (cleanHandler). A duration is written as
// time.Duration's String ("1.2s", "6ms"), in both formats.
func newLogger(level, format string, w io.Writer) *slog.Logger {
	return newProgramLogger(level, format, w, nil)
}

// newProgramLogger is newLogger for Main: once stopping is set (Close
// has begun), an error or warning caused by a cancelled context is
// logged at debug level, since cancelling the work in flight is what a
// shutdown does (the reindex of the shell's workspace, cut short at the
// end of its input).
func newProgramLogger(level, format string, w io.Writer, stopping *atomic.Bool) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		l = slog.LevelInfo
	}
	if w == nil {
		w = os.Stderr
	}
	opt := &slog.HandlerOptions{Level: l, ReplaceAttr: redactAttr}
	var h slog.Handler = slog.NewTextHandler(w, opt)
	if isJSON(format) {
		h = slog.NewJSONHandler(w, opt)
	}
	return slog.New(cleanHandler{h: h, stopping: stopping})
}

// isJSON reports whether LOG_FORMAT asks for JSON lines.
func isJSON(format string) bool { return strings.EqualFold(strings.TrimSpace(format), "json") }

// builtinKeys are the keys the handlers write themselves, and what an
// attribute of the same name is renamed to.
var builtinKeys = map[string]string{
	slog.MessageKey: "detail", slog.TimeKey: "at", slog.LevelKey: "severity", slog.SourceKey: "from",
}

// cleanHandler renames the attributes that would repeat a key the
// handler writes (builtinKeys), and lowers to debug what a shutdown's
// cancellation made fail (newProgramLogger).
type cleanHandler struct {
	h        slog.Handler
	stopping *atomic.Bool
}

func (c cleanHandler) Enabled(ctx context.Context, l slog.Level) bool { return c.h.Enabled(ctx, l) }

func (c cleanHandler) Handle(ctx context.Context, r slog.Record) error {
	level, renamed := r.Level, false
	r.Attrs(func(a slog.Attr) bool {
		if _, ok := builtinKeys[a.Key]; ok {
			renamed = true
		}
		if err, ok := a.Value.Any().(error); ok && level > slog.LevelDebug && c.stopping != nil && c.stopping.Load() && errors.Is(err, context.Canceled) {
			level = slog.LevelDebug
		}
		return true
	})
	if level != r.Level && !c.h.Enabled(ctx, level) {
		return nil
	}
	if level == r.Level && !renamed {
		return c.h.Handle(ctx, r)
	}
	out := slog.NewRecord(r.Time, level, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(rename(a))
		return true
	})
	return c.h.Handle(ctx, out)
}

func (c cleanHandler) WithAttrs(as []slog.Attr) slog.Handler {
	renamed := make([]slog.Attr, len(as))
	for i, a := range as {
		renamed[i] = rename(a)
	}
	return cleanHandler{h: c.h.WithAttrs(renamed), stopping: c.stopping}
}

func (c cleanHandler) WithGroup(name string) slog.Handler {
	return cleanHandler{h: c.h.WithGroup(name), stopping: c.stopping}
}

// rename gives a an unused key if its own is one of builtinKeys.
func rename(a slog.Attr) slog.Attr {
	if k, ok := builtinKeys[a.Key]; ok {
		a.Key = k
	}
	return a
}

// redactAttr redacts string and error values, and writes durations as
// text.
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindDuration:
		return slog.String(a.Key, a.Value.Duration().String())
	case slog.KindString:
		if s := a.Value.String(); s != redact(s) {
			return slog.String(a.Key, redact(s))
		}
	case slog.KindAny:
		if err, ok := a.Value.Any().(error); ok {
			return slog.String(a.Key, redact(err.Error()))
		}
	}
	return a
}

var (
	// urlPath matches a URL's path, after its host: a Redis URL's too,
	// of a cluster or a sentinel, whose host part lists several nodes.
	urlPath = regexp.MustCompile(`((?:https?|wss?|rediss?(?:\+cluster|\+sentinel)?)://[^/\s"?]+)(/[^\s"?]*)?(\?[^\s"]*)?`)
	// noPath is a URL's path that is none: "/", or "/," where the URL
	// ends a clause of an error ("such as https://meet.jit.si/, got").
	noPath = regexp.MustCompile(`^(/[:,;.)]?)?$`)
	// redisDB is a Redis URL's database number ("/0", or "/0:" at the
	// end of an error's clause): no secret in it, and a bad REDIS_URL's
	// hint shows it.
	redisDB = regexp.MustCompile(`^/\d{1,5}[:,;.)]?$`)
	// webAPIPath is a Slack Web API method's path: no secret in it.
	webAPIPath = regexp.MustCompile(`^(/[a-z0-9.-]+)*/api/[a-z]+(\.[a-zA-Z]+)+$`)
	// apiBase is a REST API's base, such as Discord's /api/v9/ or Slack's
	// /api/ (possibly
	// ending a clause of an error): no secret in it.
	apiBase = regexp.MustCompile(`^(/[a-z0-9.-]+)*/api(/v\d+)?/?[:,;.)]?$`)
	// placeholder is the host part of a URL the bot writes itself in an
	// error to show what it wants ("redis+sentinel://host1:26379/mymaster",
	// "redis+cluster://:password@host1:port,host2:port"): nothing of the
	// operator's in it, so it is shown whole.
	placeholder = regexp.MustCompile(`^(:password@)?host\d?(:(port|\d+))?(,host\d?(:(port|\d+))?)*[:,;.)]?$`)
	// slackToken matches Slack's tokens (xoxb-, xoxp-, xapp-, ...).
	slackToken = regexp.MustCompile(`\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+`)
)

// exampleHost reports whether a URL's host is example.com or under it,
// kept for documentation (RFC 2606): the bot's own example of what it
// wants ("https://mentorbot.example.com/slack/oauth_redirect"), shown
// whole, and never an operator's secret.
func exampleHost(host string) bool {
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return host == "example.com" || strings.HasSuffix(host, ".example.com")
}

// redact removes from s the passwords, paths and queries of URLs, but a
// Slack Web API method's path ("https://slack.com/api/chat.postMessage")
// or a Redis database number ("redis://host:6379/0"), and Slack tokens. A Slack response_url ("https://hooks.slack.com/commands/…")
// and a Discord webhook or interaction callback
// (".../webhooks/{app}/{token}") carry their secret in the path.
func redact(s string) string {
	if strings.Contains(s, "://") {
		s = urlPath.ReplaceAllStringFunc(s, func(u string) string {
			m := urlPath.FindStringSubmatch(u)
			if _, host, _ := strings.Cut(m[1], "://"); (placeholder.MatchString(host) || exampleHost(host)) && m[3] == "" {
				return u
			}
			if scheme, host, ok := strings.Cut(m[1], "://"); ok && strings.Contains(host, "@") {
				// user:password@host
				m[1] = scheme + "://[redacted]@" + host[strings.LastIndex(host, "@")+1:]
			}
			keep := noPath.MatchString(m[2]) || webAPIPath.MatchString(m[2]) || apiBase.MatchString(m[2]) ||
				strings.HasPrefix(m[1], "redis") && redisDB.MatchString(m[2])
			switch {
			case !keep:
				return m[1] + "/[redacted]"
			case m[3] != "":
				return m[1] + m[2] + "?[redacted]" // a query may carry a password or a ticket
			}
			return m[1] + m[2]
		})
	}
	if strings.Contains(s, "x") {
		s = slackToken.ReplaceAllString(s, "[redacted]")
	}
	return s
}
