package main

import (
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
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
func newLogger(level, format string, w io.Writer) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		l = slog.LevelInfo
	}
	if w == nil {
		w = os.Stderr
	}
	opt := &slog.HandlerOptions{Level: l, ReplaceAttr: redactAttr}
	if strings.EqualFold(strings.TrimSpace(format), "json") {
		return slog.New(slog.NewJSONHandler(w, opt))
	}
	return slog.New(slog.NewTextHandler(w, opt))
}

// redactAttr redacts string and error values.
func redactAttr(_ []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
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
	// slackToken matches Slack's tokens (xoxb-, xoxp-, xapp-, ...).
	slackToken = regexp.MustCompile(`\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+`)
)

// redact removes from s the passwords, paths and queries of URLs, but a
// Slack Web API method's path ("https://slack.com/api/chat.postMessage")
// or a Redis database number ("redis://host:6379/0"), and Slack tokens. A Slack response_url ("https://hooks.slack.com/commands/…")
// and a Discord webhook or interaction callback
// (".../webhooks/{app}/{token}") carry their secret in the path.
func redact(s string) string {
	if strings.Contains(s, "://") {
		s = urlPath.ReplaceAllStringFunc(s, func(u string) string {
			m := urlPath.FindStringSubmatch(u)
			if scheme, host, ok := strings.Cut(m[1], "://"); ok && strings.Contains(host, "@") {
				// user:password@host
				m[1] = scheme + "://[redacted]@" + host[strings.LastIndex(host, "@")+1:]
			}
			keep := noPath.MatchString(m[2]) || webAPIPath.MatchString(m[2]) ||
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
