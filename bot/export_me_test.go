package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestExportMe: /mentor export-me sends the member, privately, a JSON
// file of everything the bot keeps about them: profile, offer, requests,
// proposals, pairs, check-in and survey answers, charter acceptances.
// Other members appear by user ID only, where they are part of the
// member's own record (a pair, a proposal).
func TestExportMe(t *testing.T) {
	h, _, ada, name := forgetHarness(t, storetest.Backends()[0])
	up := &managersPlatform{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, up)
	MustContain(t, h.Run(ada, "export-me"), "Your data is on its way")
	posts := up.Posts()
	if len(posts) != 1 || posts[0].File == nil || posts[0].To.User != ada {
		t.Fatalf("got %+v, want one file sent to the member", posts)
	}
	var empty map[string]any
	if err := json.Unmarshal(posts[0].File.Data, &empty); err != nil || empty["profile"] != nil || empty["user"] != ada {
		t.Fatalf("got %s (%v), want a newcomer's file with no profile", posts[0].File.Data, err)
	}

	mustHistory(t, h, ada)
	h.Run(ada, "lang fr")
	h.Run(ada, "profile heures:10-16 lun-jeu")
	if _, _, _, err := h.Bot.Home(context.Background(), h.Tenant.Member(ada), "", true); err != nil {
		t.Fatal(err)
	}
	installed := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	if err := h.Store.SaveInstallation(context.Background(), bot.Installation{Tenant: h.Tenant, InstalledBy: ada, InstalledAt: installed, Token: []byte("sealed")}); err != nil {
		t.Fatal(err)
	}
	MustContain(t, h.Run(ada, "export-me"), "Vos données arrivent")
	posts = up.Posts()
	if len(posts) != 1 || posts[0].File == nil {
		t.Fatalf("got %+v, want one file", posts)
	}
	f := posts[0].File
	if f.Type != "application/json" || f.Name != "mentorbot-mes-donnees-2026-11-08.json" || posts[0].Message.Title != "Vos données mentorbot" {
		t.Fatalf("got %s (%s) titled %q, want the member's JSON file", f.Name, f.Type, posts[0].Message.Title)
	}
	var got struct {
		User    string
		Manager bool
		Profile struct {
			Name, Language string
			Hours          string `json:"working_hours"`
		}
		OpenedHome bool       `json:"opened_app_home"`
		Installed  *time.Time `json:"installed_the_app"`
		Offer      struct{ Topics []string }
		Requests   []struct {
			Topic, State, Goal string
		}
		Proposals []struct{ Mentor, Mentee, State string }
		Pairs     []struct{ Role, Mentor, Topic, State string }
		Checkins  []struct{ Pair, Round, Answer string }
		Surveys   []struct{ Survey, Question, Answer string } `json:"survey_answers"`
		Charters  []struct {
			Pair    string
			Version int
		} `json:"charter_acceptances"`
		History map[string]string `json:"past_mentors"`
	}
	if err := json.Unmarshal(f.Data, &got); err != nil {
		t.Fatalf("got invalid JSON: %v", err)
	}
	var topics []string
	for _, r := range got.Requests {
		topics = append(topics, r.Topic+":"+r.State)
	}
	var pairs []string
	for _, p := range got.Pairs {
		pairs = append(pairs, p.Role+":"+p.Mentor+":"+p.Topic+":"+p.State)
	}
	var answers []string
	for _, s := range got.Surveys {
		answers = append(answers, s.Question+"="+s.Answer)
	}
	for what, c := range map[string]bool{
		"user":      got.User == ada && got.Manager,
		"profile":   got.Profile.Name == name && got.Profile.Language == "fr" && got.Profile.Hours == "10-16 mon,tue,wed,thu",
		"home":      got.OpenedHome,
		"installed": got.Installed != nil && got.Installed.Equal(installed),
		"offer":     strings.Join(got.Offer.Topics, ",") == "rust",
		"requests":  strings.Join(topics, " ") == "python:cancelled sql:paired go:paired haskell:waiting",
		"proposals": len(got.Proposals) == 4, // sql and go as mentee; carol's and dave's as mentor
		"pairs":     strings.Join(pairs, " ") == "mentee:bob:go:active mentee:erin:sql:completed",
		"checkins":  len(got.Checkins) == 2,
		"surveys":   strings.Contains(strings.Join(answers, " "), "comment=Erin was great"),
		"charters":  len(got.Charters) == 2,
		"history":   got.History["erin"] == bot.VerdictMet,
	} {
		if !c {
			t.Errorf("got %s wrong in:\n%s", what, f.Data)
		}
	}
	if !strings.Contains(string(f.Data), "dave\"") || strings.Contains(string(f.Data), "Bob") {
		t.Errorf("got the file without the proposal of dave's request, or with another member's name, in:\n%s", f.Data)
	}
}

// TestExportMeEmptyLists: a member with nothing but a profile gets empty
// lists in their file, not nulls.
func TestExportMeEmptyLists(t *testing.T) {
	b, err := bot.MemberJSON(bot.MemberID{Platform: "test", Workspace: "T1", User: "U1"}, bot.MemberData{}, time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{"requests", "proposals", "pairs", "checkins", "survey_answers", "charter_acceptances"} {
		if !strings.Contains(string(b), `"`+list+`": []`) {
			t.Errorf("got %s, want %q as an empty list", b, list)
		}
	}
}

// TestExportMeKeepsRatingsPrivate: a pair the mentee ended when a low
// mid-program rating offered to is, in the mentor's export as in the mentee's,
// "ended-early", as one ended by "It's not working out": the mentor's
// export does not tell the mentee's answer.
func TestExportMeKeepsRatingsPrivate(t *testing.T) {
	h := MustHarness(t)
	up := &managersPlatform{Platform: h.Platform}
	h.Bot.Register(h.Tenant.Platform, up)
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
	MustTick(t, h, 90*day)
	pair := mustOnlyPair(t, h, "dan")
	endByLowRating(t, h, pair, "dan")
	if p := mustOnlyPair(t, h, "dan"); p.EndReason != "low-rating" {
		t.Fatalf("got end reason %q, want the pair ended by the low rating", p.EndReason)
	}
	for _, who := range []string{"carol", "dan"} {
		up.Posts()
		h.Run(who, "export-me")
		posts := up.Posts()
		if len(posts) != 1 || posts[0].File == nil {
			t.Fatalf("got %+v, want %s's file", posts, who)
		}
		data := string(posts[0].File.Data)
		if strings.Contains(data, "low-rating") || !strings.Contains(data, `"end_reason": "ended-early"`) && !strings.Contains(data, `"end_reason":"ended-early"`) {
			t.Fatalf("got %s's export %s, want the pair ended-early, no low-rating", who, data)
		}
	}
}
