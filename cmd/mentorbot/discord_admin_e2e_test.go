package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

// discordAnnounce is the channel where the call for mentors goes.
const discordAnnounce = "777000000000000001"

// TestDiscordAdmin runs managers' commands in a server: refused to an
// ordinary member, allowed to one with Manage Server; the call for
// mentors is posted in a channel, where anyone's click opens the offer
// form; the export arrives by DM as a CSV file.
func TestDiscordAdmin(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager, asManager := discordManager(t, w)

	t.Run("ErrForbidden", func(t *testing.T) {
		discordEphemeral(t, c.Command(t, w.Mentee, "admin stats"), "only the program's managers")
	})
	t.Run("Announce", func(t *testing.T) {
		discordEphemeral(t, asManager("admin announce", discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"}), "posted")
		posts := w.REST.Messages(discordAnnounce)
		if len(posts) != 1 || posts[0].Embeds[0].Title != "Become a mentor" {
			t.Fatalf("got %+v, want the call for mentors in the channel", posts)
		}
		b, ok := posts[0].Button("offer.open")
		if !ok {
			t.Fatalf("got buttons %+v, want “Offer to mentor”", posts[0].Buttons())
		}
		form := c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, w.Mentor1, discordAnnounce, posts[0].ID, b.CustomID))
		if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:offer" {
			t.Fatalf("got %d %+v, want the offer form for whoever clicked", form.Type, form.Data)
		}
		discordEphemeral(t, c.Submit(t, w.Mentor1, form, map[string]string{"topics": "go, rust"}), "mentor for: go and rust")
		if n := len(w.REST.CallsTo("PATCH ")); n != 0 {
			t.Errorf("got %d edits, want the call for mentors left as it is for everyone", n)
		}
	})
	t.Run("Export", func(t *testing.T) {
		// On a busy machine (the whole suite with -race) the export can
		// outlast the adapter's wait and be deferred: its reply then comes
		// as an edit of the deferred response, as Discord shows it.
		p := discordtest.Command(discordApp, w.Guild, manager, "admin export").AsServerManager()
		if r := c.Send(t, p); r.Type == discordtest.DeferredMessage {
			w.REST.WaitFor(t, "the deferred reply", func() bool { return len(w.REST.Edits(p.Token())) > 0 })
			if e := w.REST.Edits(p.Token())[0]; !strings.Contains(e.Text(), "on its way") {
				t.Fatalf("got deferred reply %q, want the export on its way", e.Text())
			}
		} else {
			discordEphemeral(t, r, "on its way")
		}
		dms := w.REST.DMs(manager)
		if len(dms) != 1 || len(dms[0].Files) != 1 || dms[0].Files[0].Type != "text/csv" || !strings.HasSuffix(dms[0].Files[0].Name, ".csv") {
			t.Fatalf("got %+v, want the export by DM as a CSV file", dms)
		}
	})
	// A call for a program: the form's offer joins the program, which
	// travels in the modal's custom_id; the report follows as files.
	t.Run("ProgramCallAndReport", func(t *testing.T) {
		discordEphemeral(t, asManager("admin program", discordtest.Option{Name: "action", Value: `create "Mentorat 2027"`},
			discordtest.Option{Name: "start", Value: "2027-01-15"}, discordtest.Option{Name: "end", Value: "2027-06-30"}), "created")
		discordEphemeral(t, asManager("admin announce", discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"},
			discordtest.Option{Name: "program", Value: "mentorat-2027"}), "posted")
		posts := w.REST.Messages(discordAnnounce)
		post := posts[len(posts)-1]
		b, ok := post.Button("offer.open")
		if !ok || !strings.Contains(post.Text(), "“Mentorat 2027” runs from 15 January 2027") {
			t.Fatalf("got %+v, want the call for Mentorat 2027", post)
		}
		form := c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, w.Mentor2, discordAnnounce, post.ID, b.CustomID))
		if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:offer?program=mentorat-2027" {
			t.Fatalf("got %d %+v, want the offer form for Mentorat 2027", form.Type, form.Data)
		}
		discordEphemeral(t, c.Submit(t, w.Mentor2, form, map[string]string{"topics": "sql"}), "Mentorat 2027")
		p := discordtest.Command(discordApp, w.Guild, manager, "admin report", discordtest.Option{Name: "program", Value: "mentorat-2027"}).AsServerManager()
		if r := c.Send(t, p); r.Type == discordtest.DeferredMessage {
			w.REST.WaitFor(t, "the deferred report", func() bool { return len(w.REST.Edits(p.Token())) > 0 })
		} else {
			discordEphemeral(t, r, "Mentorat 2027")
		}
		w.REST.WaitFor(t, "the report's CSV", func() bool {
			for _, dm := range w.REST.DMs(manager) {
				for _, f := range dm.Files {
					if f.Name == "mentorbot-report-mentorat-2027.csv" {
						return true
					}
				}
			}
			return false
		})
	})
	discordChecks(t, w)
}
