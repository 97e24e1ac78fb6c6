package metrics_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/metrics"
)

// scrape returns what GET /metrics answers.
func scrape(tb testing.TB, m *metrics.Metrics) string {
	tb.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		tb.Fatalf("got /metrics %d, want 200", rec.Code)
	}
	return rec.Body.String()
}

// MustScrape fails unless each of want is a line of the scrape.
func MustScrape(tb testing.TB, m *metrics.Metrics, want ...string) {
	tb.Helper()
	got := scrape(tb, m)
	lines := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		lines[l] = true
	}
	for _, w := range want {
		if !lines[w] {
			tb.Errorf("got no line %q in:\n%s", w, grep(got, "mentorbot_"))
		}
	}
}

func grep(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestObserver: what the core tells is counted under its names.
func TestObserver(t *testing.T) {
	m := metrics.New()
	m.Command("offer", "ok")
	m.Command("offer", "ok")
	m.Command("unknown", "invalid")
	m.Action("proposal.accept", "stale")
	m.JobDue("checkin", 5*time.Second)
	m.JobDue("checkin", 2*time.Hour)
	m.Job("checkin", bot.JobDone)
	m.Job("checkin", bot.JobRetried)
	m.Event(bot.EventProposed)
	m.Event(bot.EventAccepted)
	m.Event(bot.EventPaired)
	m.Event(bot.EventSurvey)
	m.RedisError("readonly")
	MustScrape(t, m,
		`mentorbot_commands_total{command="offer",outcome="ok"} 2`,
		`mentorbot_commands_total{command="unknown",outcome="invalid"} 1`,
		`mentorbot_clicks_total{action="proposal.accept",outcome="stale"} 1`,
		`mentorbot_jobs_due_total{kind="checkin"} 2`,
		`mentorbot_jobs_late_total{kind="checkin"} 1`,
		`mentorbot_job_lateness_seconds_count 2`,
		`mentorbot_jobs_total{kind="checkin",outcome="done"} 1`,
		`mentorbot_jobs_total{kind="checkin",outcome="retried"} 1`,
		`mentorbot_proposals_total 1`,
		`mentorbot_pairs_formed_total{how="accepted"} 1`,
		`mentorbot_pairs_formed_total{how="paired"} 1`,
		`mentorbot_surveys_answered_total 1`,
		`mentorbot_events_total{kind="survey"} 1`,
		`mentorbot_redis_errors_total{kind="readonly"} 1`,
	)
	if got := scrape(t, m); !strings.Contains(got, "go_goroutines") || !strings.Contains(got, "process_start_time_seconds") {
		t.Fatalf("got no Go runtime or process metrics:\n%s", got)
	}
}

// TestTransport counts outbound calls by platform, method and status,
// with every ID and token of a route replaced.
func TestTransport(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "limited") || strings.HasSuffix(r.URL.Path, "/messages") {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer api.Close()
	m := metrics.New()
	slack := &http.Client{Transport: m.Transport(metrics.Slack, nil)}
	discord := &http.Client{Transport: m.Transport(metrics.Discord, nil)}
	do := func(c *http.Client, method, path string) {
		t.Helper()
		req, _ := http.NewRequest(method, api.URL+path, nil)
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	do(slack, "POST", "/api/chat.postMessage")
	do(slack, "POST", "/api/chat.postMessage")
	do(slack, "POST", "/api/users.info?user=U123")
	do(slack, "POST", "/commands/T123/456/secrettoken")
	do(slack, "POST", "/upload/v1/abc")
	do(slack, "POST", "/api/limited.call")
	do(slack, "POST", "/api/U123SOMEUSER")
	do(discord, "POST", "/api/v9/channels/1234567890123456789/messages")
	do(discord, "POST", "/api/v9/interactions/1234567890123456789/aW50ZXJhY3Rpb25fdG9rZW4/callback")
	do(discord, "PATCH", "/api/v10/webhooks/42/aW50ZXJhY3Rpb25fdG9rZW4/messages/@original")
	do(discord, "GET", "/api/v9/guilds/111/members/222")
	MustScrape(t, m,
		`mentorbot_api_calls_total{method="chat.postMessage",platform="slack",status="200"} 2`,
		`mentorbot_api_calls_total{method="users.info",platform="slack",status="200"} 1`,
		`mentorbot_api_calls_total{method="response_url",platform="slack",status="200"} 1`,
		`mentorbot_api_calls_total{method="file_upload",platform="slack",status="200"} 1`,
		`mentorbot_api_calls_total{method="limited.call",platform="slack",status="429"} 1`,
		`mentorbot_api_calls_total{method="other",platform="slack",status="200"} 1`,
		`mentorbot_api_rate_limited_total{method="limited.call",platform="slack"} 1`,
		`mentorbot_api_calls_total{method="POST /channels/:id/messages",platform="discord",status="429"} 1`,
		`mentorbot_api_rate_limited_total{method="POST /channels/:id/messages",platform="discord"} 1`,
		`mentorbot_api_calls_total{method="POST /interactions/:id/:id/callback",platform="discord",status="200"} 1`,
		`mentorbot_api_calls_total{method="PATCH /webhooks/:id/:id/messages/@original",platform="discord",status="200"} 1`,
		`mentorbot_api_calls_total{method="GET /guilds/:id/members/:id",platform="discord",status="200"} 1`,
	)
	for _, secret := range []string{"secrettoken", "aW50", "1234567890", "U123"} {
		if got := scrape(t, m); strings.Contains(got, secret) {
			t.Fatalf("got %q in the metrics, want no ID nor token", secret)
		}
	}
}

// TestAck times each endpoint's handler.
func TestAck(t *testing.T) {
	m := metrics.New()
	h := m.Ack("/slack/commands", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for range 3 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/slack/commands", nil))
	}
	MustScrape(t, m, `mentorbot_ack_seconds_count{endpoint="/slack/commands"} 3`)
}

// TestBuildInfo: the build that runs is read from /metrics, as the
// constant 1 of mentorbot_build_info with its version.
func TestBuildInfo(t *testing.T) {
	m := metrics.New()
	m.BuildInfo("v1.4.0", "go1.26.8")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if want := `mentorbot_build_info{goversion="go1.26.8",version="v1.4.0"} 1`; !strings.Contains(rec.Body.String(), want) {
		t.Fatalf("got no %q in /metrics", want)
	}
}
