package metrics

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// Platforms, for Transport.
const (
	Slack   = "slack"
	Discord = "discord"
)

// Transport returns base (http.DefaultTransport if nil) counting each
// call in mentorbot_api_calls_total, and each 429 in
// mentorbot_api_rate_limited_total, labelled by the platform's API method:
// Slack's Web API method ("chat.postMessage"), "response_url" or
// "file_upload"; Discord's HTTP verb and route with every ID and token
// replaced by ":id" ("POST /channels/:id/messages"). A retry is a call of
// its own.
func (m *Metrics) Transport(platform string, base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	name := slackMethod
	if platform == Discord {
		name = discordRoute
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		resp, err := base.RoundTrip(req)
		method, status := name(req), "error"
		if err == nil {
			status = strconv.Itoa(resp.StatusCode)
			if resp.StatusCode == http.StatusTooManyRequests {
				m.rateLimits.WithLabelValues(platform, method).Inc()
			}
		}
		m.apiCalls.WithLabelValues(platform, method, status).Inc()
		return resp, err
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// webAPIMethod is the shape of a Slack Web API method name.
var webAPIMethod = regexp.MustCompile(`^[a-z]+(\.[a-zA-Z]+){1,3}$`)

// slackMethod names a call to Slack: the Web API method after /api/, an
// upload to the URL files.getUploadURLExternal gave, or a response_url.
func slackMethod(req *http.Request) string {
	path := req.URL.Path
	if i := strings.LastIndex(path, "/api/"); i >= 0 {
		if m := path[i+len("/api/"):]; webAPIMethod.MatchString(m) {
			return m
		}
		return "other"
	}
	if strings.Contains(path, "/upload/") {
		return "file_upload"
	}
	return "response_url"
}

// discordWords are the words of Discord's REST routes that the adapter
// and discordgo use; any other path segment is an ID, a token or a name,
// and becomes ":id".
var discordWords = map[string]bool{
	"applications": true, "commands": true, "guilds": true, "members": true, "channels": true,
	"messages": true, "users": true, "@me": true, "@original": true, "interactions": true,
	"callback": true, "webhooks": true, "threads": true, "thread-members": true, "gateway": true,
	"bot": true, "roles": true, "attachments": true, "reactions": true, "pins": true,
}

// versionSegment is the API version of the path (v9, v10).
var versionSegment = regexp.MustCompile(`^v[0-9]+$`)

// discordRoute names a call to Discord: "VERB /route/:id/...", the path
// after the API version.
func discordRoute(req *http.Request) string {
	segs := strings.Split(strings.Trim(req.URL.Path, "/"), "/")
	for i, s := range segs {
		if s == "api" && i+1 < len(segs) && versionSegment.MatchString(segs[i+1]) {
			segs = segs[i+2:]
			break
		}
	}
	var b strings.Builder
	b.WriteString(req.Method)
	b.WriteByte(' ')
	for _, s := range segs {
		b.WriteByte('/')
		if discordWords[s] {
			b.WriteString(s)
		} else {
			b.WriteString(":id")
		}
	}
	return b.String()
}
