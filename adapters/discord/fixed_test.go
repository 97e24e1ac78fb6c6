package discord_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestFormFixedValues: a form's fixed values (the program an invitation's
// offer joins) travel in the modal's custom_id, unseen by the member, and
// come back with the submission as the command's values; values that
// would not fit Discord's 100 characters are left out, the form still
// opening.
func TestFormFixedValues(t *testing.T) {
	form := &bot.Form{Command: "offer", Title: "Offer", Fields: []bot.FormField{{Name: "topics", Label: "Topics", Required: true}},
		Fixed: map[string]string{"program": "mentorat-2028"}}
	raw, err := discord.Modal(form, testGuild)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Data struct {
			CustomID string `json:"custom_id"`
		}
	}
	if err := json.Unmarshal(raw, &r); err != nil || r.Data.CustomID != "mb:"+testGuild+":form:offer?program=mentorat-2028" {
		t.Fatalf("got custom_id %q (%v), want the command and its fixed program", r.Data.CustomID, err)
	}
	_, cmd, _, err := discord.Translate(discordtest.Submit(testApp, testGuild, testUser, r.Data.CustomID, map[string]string{"topics": "go", "program": "typed"}).JSON())
	if err != nil || cmd == nil || cmd.Name != "offer" || cmd.Values["topics"] != "go" || cmd.Values["program"] != "mentorat-2028" {
		t.Fatalf("got command %+v (%v), want the offer with its topics and the fixed program", cmd, err)
	}

	form.Fixed["program"] = strings.Repeat("p", 80)
	raw, err = discord.Modal(form, testGuild)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &r); err != nil || r.Data.CustomID != "mb:"+testGuild+":form:offer" {
		t.Fatalf("got custom_id %q, want the command alone when the fixed values do not fit", r.Data.CustomID)
	}
}
