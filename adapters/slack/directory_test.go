package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDirectory: the adapter reads the whole workspace with users.list,
// page after page, waiting out a 429; members' profiles then come from
// it, without one users.info call each. A user_change event updates a
// profile at once; a deactivated member is not kept.
func TestDirectory(t *testing.T) {
	fake := slackfake.MustNew(t)
	fake.SetTeam("T1")
	for i := range 450 { // three pages of 200
		fake.AddUser(slackfake.User{ID: fmt.Sprintf("U%04d", i), Name: fmt.Sprint("m", i), RealName: fmt.Sprint("Member ", i), TZ: "Europe/Paris", Locale: "fr-FR"})
	}
	fake.AddUser(slackfake.User{ID: "UGONE", Name: "gone", RealName: "Gone", Deleted: true})
	r := MustRigOn(t, fake, &recorder{}, func(o *slack.Options) { o.DirectoryRefresh = -1 })
	a := r.a

	fake.Fail("users.list", slackfake.Failure{Status: http.StatusTooManyRequests, RetryAfter: "1"})
	n, err := a.ReadDirectory(context.Background())
	if err != nil || n != 450 {
		t.Fatalf("got %d members, %v; want the 450 active ones", n, err)
	}
	if calls, ok := fake.Count("users.list"), fake.Succeeded("users.list"); calls != 4 || ok != 3 {
		t.Fatalf("got %d users.list calls, %d answered; want the 429, then 3 pages", calls, ok)
	}

	p, err := a.Profile(context.Background(), member("U0299"))
	if err != nil || p.Name != "Member 299" || p.TZ != "Europe/Paris" || p.Locale != "fr-FR" {
		t.Fatalf("got %+v, %v; want Member 299 from the directory", p, err)
	}
	if n := fake.Count("users.info"); n != 0 {
		t.Fatalf("got %d users.info calls, want the profile from the directory", n)
	}
	if _, err := a.Profile(context.Background(), member("UGONE")); bot.ErrorCode(err) != bot.EGONE {
		t.Fatalf("got %v for a deactivated member, want EGONE from users.info", err)
	}

	// user_change for a member read above, team_join for one who just
	// joined: each updates the cache at once.
	userEvent := func(typ, id, name string) {
		t.Helper()
		event, _ := json.Marshal(map[string]any{
			"token": "x", "team_id": "T1", "api_app_id": "AFAKE", "type": "event_callback", "event_id": "Ev-" + id,
			"event_time": 1700000000, "event": map[string]any{"type": typ, "user": map[string]any{
				"id": id, "team_id": "T1", "name": "m", "real_name": name, "tz": "America/Montreal", "locale": "en-US",
				"profile": map[string]any{"real_name": name},
			}},
		})
		if status, body := r.post(t, "/slack/events", time.Now(), event); status != http.StatusOK {
			t.Fatalf("got %d %q for %s, want 200", status, body, typ)
		}
	}
	userEvent("user_change", "U0299", "Renamed")
	userEvent("team_join", "UNEW", "New Member")
	for id, name := range map[string]string{"U0299": "Renamed", "UNEW": "New Member"} {
		p, _ = a.Profile(context.Background(), member(id))
		if p.Name != name || p.TZ != "America/Montreal" || fake.Count("users.info") != 1 { // UGONE's
			t.Fatalf("got %+v for %s (%d users.info calls), want %s from the event at once", p, id, fake.Count("users.info"), name)
		}
	}
}

// TestDirectoryAtStart: by default the adapter reads the directory as it
// starts, and again every DirectoryRefresh, until Close.
func TestDirectoryAtStart(t *testing.T) {
	r := MustRig(t, &recorder{}, func(o *slack.Options) { o.DirectoryRefresh = 50 * time.Millisecond })
	r.fake.SetTeam("T1")
	r.fake.AddUser(slackfake.User{ID: "UADA", Name: "ada", RealName: "Ada", TZ: "Europe/London"})
	r.fake.WaitCalls(t, "users.list", 3, nil, 5*time.Second) // a read at start, and later ones: the second is done when the third starts
	p, err := r.a.Profile(context.Background(), member("UADA"))
	if err != nil || p.Name != "Ada" || r.fake.Count("users.info") != 0 {
		t.Fatalf("got %+v, %v with %d users.info calls; want Ada from the directory", p, err, r.fake.Count("users.info"))
	}
	r.a.Close()
	n := r.fake.Count("users.list")
	time.Sleep(200 * time.Millisecond)
	if m := r.fake.Count("users.list"); m != n {
		t.Fatalf("got %d more users.list calls after Close, want none", m-n)
	}
}
