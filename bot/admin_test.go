package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// adminSamples is one invocation of each admin command: TestAdminRefused
// fails when a new admin command has none.
var adminSamples = map[string]string{
	"admin help":           "admin help",
	"admin stats":          "admin stats",
	"admin match":          "admin match",
	"admin pair":           "admin pair @mia @ann go",
	"admin charter":        "admin charter lang:fr text:Soyons bienveillants.",
	"admin export":         "admin export",
	"admin testimonials":   "admin testimonials format:csv",
	"admin announce":       "admin announce #general lang:both",
	"admin needs":          "admin needs \"Mentorat 2027\" channel:#general",
	"admin settings":       "admin settings proposal-timeout:5d",
	"admin digest-channel": "admin digest-channel #managers",
	"admin managers":       "admin managers add @bob",
	"admin program":        `admin program create "Mentorat 2027" start:2027-01-15 end:2027-06-30`,
	"admin report":         `admin report program:mentorat-2027`,
	"admin event":          `admin event "Speed" rounds:2 minutes:15 start:2026-12-01T18:00 channel:#general`,
	"admin events":         `admin events cancel "Speed"`,
	"admin invite-mentors": `admin invite-mentors program:mentorat-2027`,
}

// TestAdminRefused: each admin command from a member who is not a manager
// is refused politely and changes nothing, not even the member's record.
func TestAdminRefused(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go")
	h.Platform.Take()
	for _, c := range h.Bot.Commands() {
		if !c.Admin {
			continue
		}
		text, ok := adminSamples[c.Name]
		if !ok {
			t.Errorf("%s: no sample invocation in adminSamples", c.Name)
			continue
		}
		t.Run(strings.ReplaceAll(c.Name, " ", "-")+"/EFORBIDDEN", func(t *testing.T) {
			r := h.Run("bob", text)
			if want := bot.T(bot.English, "err.forbidden"); r.Message.Text != want || r.Form != nil {
				t.Fatalf("got %+v, want %q", r, want)
			}
			if _, err := h.Store.GetMember(ctx, h.Tenant.Member("bob")); bot.ErrorCode(err) != bot.ENOTFOUND {
				t.Errorf("got member lookup %v, want bob still unknown", err)
			}
		})
	}
	if sent, posts := h.Platform.Take(), h.Posting.Posts(); len(sent)+len(posts) != 0 {
		t.Errorf("got %d messages and %d posts, want nothing sent", len(sent), len(posts))
	}
	s := h.Bot.Settings(ctx, h.Tenant)
	managers, _ := h.Store.Managers(ctx, h.Tenant)
	_, charter := h.Store.GetCharter(ctx, h.Tenant)
	pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member("mia"))
	if s.ProposalTimeout != bot.DefaultSettings().ProposalTimeout || s.DigestChannel != "" || len(managers) != 0 || bot.ErrorCode(charter) != bot.ENOTFOUND || len(pairs) != 0 {
		t.Errorf("got settings %+v, managers %v, charter %v, pairs %v; want nothing changed", s, managers, charter, pairs)
	}
}

// TestAdminAllowed: each admin command from a manager (configured, added
// by command, or an administrator for the platform) runs.
func TestAdminAllowed(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go")
	for name, text := range adminSamples {
		t.Run(strings.ReplaceAll(name, " ", "-")+"/OK", func(t *testing.T) {
			r := h.Run("alice", text)
			if r.Message.Text == bot.T(bot.English, "err.forbidden") || strings.HasPrefix(r.Message.Text, "Something went wrong") {
				t.Fatalf("got %q, want the command run", r.Message.Text)
			}
		})
	}
	t.Run("PlatformAdmin/OK", func(t *testing.T) {
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("root"), Text: "admin help", IsAdmin: true})
		if r.Message.Title != "mentorbot: the managers' commands" {
			t.Fatalf("got %+v, want the managers' help", r.Message)
		}
	})
	t.Run("AddedManager/OK", func(t *testing.T) {
		r := h.Run("bob", "admin help") // bob was added by "admin managers add @bob"
		if r.Message.Title != "mentorbot: the managers' commands" {
			t.Fatalf("got %+v, want the managers' help for an added manager", r.Message)
		}
	})
	t.Run("ConfigFullID/OK", func(t *testing.T) {
		tn := storetest.Tenant(t, "test")
		other := bottest.New(t, h.Store, tn, bot.Config{Managers: []string{"nobody", tn.String() + ":carol"}})
		if r := other.Run("carol", "admin help"); r.Message.Title != "mentorbot: the managers' commands" {
			t.Fatalf("got %+v, want carol a manager of her workspace", r.Message)
		}
		h2 := bottest.New(t, h.Store, storetest.Tenant(t, "test"), bot.Config{Managers: []string{tn.String() + ":carol"}})
		if r := h2.Run("carol", "admin help"); r.Message.Text != bot.T(bot.English, "err.forbidden") {
			t.Fatalf("got %+v, want carol refused in another workspace", r.Message)
		}
	})
}

func TestAdminManagers(t *testing.T) {
	h := MustAdminHarness(t)
	t.Run("AddOK", func(t *testing.T) {
		r := h.Run("alice", "admin managers add @bob")
		if r.Message.Text != "Bob is now a manager of the program." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if msgs := h.Platform.To("bob"); len(msgs) != 1 || !strings.Contains(msgs[0].Text, "/mentor admin help") {
			t.Fatalf("got %+v, want bob welcomed as a manager", msgs)
		}
		if r := h.Run("bob", "admin managers list"); !strings.Contains(r.Message.Text, "• Bob\n• Alice (from the configuration)") {
			t.Fatalf("got %q, want Bob, and Alice from the configuration", r.Message.Text)
		}
	})
	t.Run("AddConfigManager", func(t *testing.T) {
		if r := h.Run("alice", "admin managers add @alice"); r.Message.Text != "Alice is already a manager of the program: nothing changes." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("AddTwice", func(t *testing.T) {
		h.Platform.Take()
		r := h.Run("alice", "admin managers add @bob")
		if r.Message.Text != "Bob is already a manager of the program: nothing changes." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if msgs := h.Platform.Take(); len(msgs) != 0 {
			t.Fatalf("bob was welcomed again: %+v", msgs)
		}
	})
	t.Run("RemoveOK", func(t *testing.T) {
		if r := h.Run("bob", "admin managers remove bob"); r.Message.Text != "Bob is no longer a manager of the program." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if r := h.Run("bob", "admin stats"); r.Message.Text != bot.T(bot.English, "err.forbidden") {
			t.Fatalf("got %q, want bob refused once removed", r.Message.Text)
		}
	})
	for name, tc := range map[string]struct{ text, want string }{
		"ErrNotManager":    {"admin managers remove @zoe", "Zoe is not a manager added here, so nothing was changed."},
		"ErrConfigManager": {"admin managers remove @alice", "Alice is a manager from the configuration (MENTORBOT_MANAGERS): remove them there."},
		"ErrBadUser":       {"admin managers add @a b", "I can't read “@a b” as a member: mention them, or give their user ID."},
		// The adapters rewrite their platform's mentions: the core reads none.
		"ErrPlatformMention": {"admin managers add <@bob>", "I can't read “<@bob>” as a member: mention them, or give their user ID."},
		"ErrUsage":           {"admin managers promote @zoe", "Use `/mentor admin managers add @member`, `remove @member` or `list`."},
	} {
		t.Run(name, func(t *testing.T) {
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
		})
	}
}

// TestMakeManager: whoever installs the app becomes a manager and is
// welcomed once by DM, in their language, with the first steps; twice is
// not an error and sends nothing more.
func TestMakeManager(t *testing.T) {
	h := MustAdminHarness(t)
	installer := h.Tenant.Member("dana")
	for range 2 {
		if err := h.Bot.MakeManager(t.Context(), installer); err != nil {
			t.Fatal(err)
		}
	}
	if r := h.Run("dana", "admin managers list"); !strings.Contains(r.Message.Text, "• Dana\n") {
		t.Fatalf("got %q, want dana listed as a manager", r.Message.Text)
	}
	msgs := h.Platform.To("dana")
	if len(msgs) != 1 || msgs[0].Title != bot.T(bot.English, "install.welcome_title") || !strings.Contains(msgs[0].Text, "/mentor admin digest-channel") {
		t.Fatalf("got %+v, want one welcome with the first steps", msgs)
	}
	h.Run("erin", "lang fr")
	if err := h.Bot.MakeManager(t.Context(), h.Tenant.Member("erin")); err != nil {
		t.Fatal(err)
	}
	if msgs := h.Platform.To("erin"); len(msgs) == 0 || !strings.Contains(msgs[len(msgs)-1].Text, "fuseau:Europe/Paris") {
		t.Fatalf("got %+v, want the welcome in French", msgs)
	}
	// The time zone example is the installer's own, when the platform
	// tells it.
	h.Platform.TZs["fay"] = "America/Toronto"
	if err := h.Bot.MakeManager(t.Context(), h.Tenant.Member("fay")); err != nil {
		t.Fatal(err)
	}
	if msgs := h.Platform.To("fay"); len(msgs) == 0 || !strings.Contains(msgs[len(msgs)-1].Text, "`/mentor admin settings tz:America/Toronto`") {
		t.Fatalf("got %+v, want the installer's time zone in the example", msgs)
	}
}
