package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

func TestAdminSettings(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	t.Run("ShowOK", func(t *testing.T) {
		r := h.Run("alice", "admin settings")
		// intro-channel is left out: this platform does not introduce
		// pairs in channels.
		if len(r.Message.Fields) != len(bot.SettingNames())-1 || r.Message.Fields[0] != (bot.Field{Label: "proposal-timeout", Value: "2 days (default)"}) {
			t.Fatalf("got %+v, want every setting but intro-channel, proposal-timeout first at its default", r.Message.Fields)
		}
	})
	t.Run("SetOK", func(t *testing.T) {
		r := h.Run("alice", "admin settings proposal-timeout:3d kinds:flash,1:1 tz:Europe/Paris digest-channel:#C9")
		if !strings.HasPrefix(r.Message.Text, "Saved: proposal-timeout, kinds, tz, digest-channel.") {
			t.Fatalf("got %q", r.Message.Text)
		}
		s := h.Bot.Settings(ctx, h.Tenant)
		if s.ProposalTimeout != 72*time.Hour || s.Get("kinds") != "flash,one-to-one" || s.TZ != "Europe/Paris" || s.DigestChannel != "C9" {
			t.Fatalf("got %+v, want the four settings changed", s)
		}
		if r.Message.Fields[0].Value != "3 days" {
			t.Fatalf("got %q, want 3 days shown without (default)", r.Message.Fields[0].Value)
		}
	})
	t.Run("ErrBadValueChangesNothing", func(t *testing.T) {
		r := h.Run("alice", "admin settings checkin-after:2d max-tz-hours:99")
		if r.Message.Text != "“99” is not a valid value for `max-tz-hours:`. Give a number of hours from 0 to 12 (0: no limit)." {
			t.Fatalf("got %q", r.Message.Text)
		}
		if s := h.Bot.Settings(ctx, h.Tenant); s.CheckinAfter != bot.DefaultSettings().CheckinAfter {
			t.Fatalf("got checkin-after %v, want it unchanged", s.CheckinAfter)
		}
	})
	t.Run("ErrUnknownSetting", func(t *testing.T) {
		if r := h.Run("alice", "admin settings proposal-timout:3d"); !strings.Contains(r.Message.Text, "Did you mean `proposal-timeout:`?") {
			t.Fatalf("got %q, want a suggestion", r.Message.Text)
		}
	})
}

func TestAdminDigestChannel(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ name, text, want string }{
		{"ShowNoneOK", "admin digest-channel", "No managers' channel is set, so no digest is posted. Set one with `/mentor admin digest-channel #channel`."},
		{"SetOK", "admin digest-channel #C123", "Done: the weekly digest will be posted in #C123 every Monday morning, with what needs your eye."},
		{"ShowOK", "admin digest-channel", "The weekly digest is posted in #C123."},
		{"SetByIDOK", "admin digest-channel 1234567890", "Done: the weekly digest will be posted in #1234567890 every Monday morning, with what needs your eye."},
		{"OffOK", "admin digest-channel off", "Done: the weekly digest is no longer posted."},
		{"ErrBadChannel", "admin digest-channel #a/b", "I can't read “#a/b” as a channel: mention it, or give its ID."},
		// The adapters rewrite their platform's mentions: the core reads none.
		{"ErrPlatformMention", "admin digest-channel <#C123|team>", "I can't read “<#C123|team>” as a channel: mention it, or give its ID."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
				t.Fatalf("got %q, want %q", r.Message.Text, tc.want)
			}
		})
	}
	if s := h.Bot.Settings(context.Background(), h.Tenant); s.DigestChannel != "" {
		t.Fatalf("got %q, want no channel after off", s.DigestChannel)
	}
}

// TestAdminCharter: a manager sets the charter in French; members who
// accepted version 1 accept version 2 before their next pair.
func TestAdminCharter(t *testing.T) {
	h := MustAdminHarness(t)
	t.Run("ShowBuiltinOK", func(t *testing.T) {
		r := h.Run("alice", "admin charter")
		if r.Message.Title != "The charter, version 1" || len(r.Message.Fields) != 2 || r.Message.Fields[1].Value != bot.T(bot.French, "charter.default") {
			t.Fatalf("got %+v, want version 1 with the built-in texts", r.Message)
		}
	})
	t.Run("SetOK", func(t *testing.T) {
		r := h.Run("alice", "admin charter lang:fr text:Soyons bienveillants.\nEt ponctuels.")
		if r.Message.Text != "The charter in French is now version 2. Members accept it before their next pair.\nThe text in English stays as it was." {
			t.Fatalf("got %q", r.Message.Text)
		}
		r = h.Run("alice", "admin charter")
		f := r.Message.Fields
		if r.Message.Title != "The charter, version 2" || f[1].Label != "French" || f[1].Value != "Soyons bienveillants.\nEt ponctuels." ||
			f[0].Label != "English (built-in text)" || f[0].Value != bot.T(bot.English, "charter.default") {
			t.Fatalf("got %+v, want version 2, the French text, and English keeping its built-in text", r.Message)
		}
	})
	t.Run("NewVersionAskedEachInTheirLanguageOK", func(t *testing.T) {
		h.Run("ann", "lang fr")
		h.Run("mia", "offer go languages:en,fr")
		h.Run("ann", "request go")
		h.Click("mia", "mia", bot.ActionProposalAccept)
		var charters []string
		for _, s := range h.Platform.Take() {
			if strings.Contains(s.Message.Text, "Soyons bienveillants.") {
				charters = append(charters, s.To[0].User+": fr")
			}
			if strings.Contains(s.Message.Text, bot.T(bot.English, "charter.default")) {
				charters = append(charters, s.To[0].User+": en")
			}
		}
		if strings.Join(charters, ", ") != "mia: en, ann: fr" {
			t.Fatalf("got charters %v, want Mia reading the English text kept and Ann the new French one", charters)
		}
	})
}

func TestAdminAnnounce(t *testing.T) {
	h := MustAdminHarness(t)
	// Max mentored Ann, then paused his offer: a past mentor to re-invite.
	h.Run("max", "offer python")
	h.Run("ann", "request python")
	h.Click("max", "max", "Accept")
	h.Click("max", "max", "I accept the charter")
	h.Click("ann", "ann", "I accept the charter")
	h.Run("max", "pause")
	t.Run("BothLanguagesOK", func(t *testing.T) {
		r := h.Run("alice", "admin announce #C7 lang:both")
		if !strings.Contains(r.Message.Text, "ask experienced members in person, and re-invite past mentors") || !strings.Contains(r.Message.Text, "to re-invite: Max.") {
			t.Fatalf("got %q, want the recruiting advice and Max to re-invite", r.Message.Text)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].Channel != "C7" || posts[0].Message.Title != "Become a mentor / Devenez mentor" {
			t.Fatalf("got %+v, want one bilingual call in C7", posts)
		}
		text := posts[0].Message.Text
		if !strings.Contains(text, "few years of experience") || !strings.Contains(text, "mentored here before") || !strings.Contains(text, "déjà été mentor") {
			t.Fatalf("got %q, want experienced members and past mentors invited, in both languages", text)
		}
		b := posts[0].Message.Buttons
		if len(b) != 1 || b[0].Label != "Offer to mentor / Proposer mon aide" {
			t.Fatalf("got buttons %+v, want one bilingual button", b)
		}
		reply := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("zoe"), ActionID: b[0].ActionID, Value: b[0].Value})
		if reply.Form == nil || reply.Form.Command != "offer" {
			t.Fatalf("got %+v, want the offer form", reply)
		}
	})
	t.Run("FrenchOK", func(t *testing.T) {
		h.Run("alice", "admin announce general lang:fr")
		if posts := h.Posting.Posts(); len(posts) != 1 || posts[0].Message.Title != "Devenez mentor" {
			t.Fatalf("got %+v, want the call in French", posts)
		}
	})
	t.Run("ErrChannelRequired", func(t *testing.T) {
		if r := h.Run("alice", "admin announce"); !strings.HasPrefix(r.Message.Text, "Where should I post the call? Name a channel") {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
	t.Run("ErrCannotPost", func(t *testing.T) {
		h.Bot.Register(h.Tenant.Platform, h.Platform) // no Poster
		if r := h.Run("alice", "admin announce general"); r.Message.Text != "I can't post in channels on this platform." {
			t.Fatalf("got %q", r.Message.Text)
		}
	})
}

func TestAdminStats(t *testing.T) {
	h := runProgram(t)
	h.Posting.Posts()
	t.Run("OK", func(t *testing.T) {
		h.Run("alice", "lang fr")
		r := h.Run("alice", "admin stats")
		if r.Message.Title != "Les chiffres du mentorat au 23 novembre 2026" || !strings.Contains(r.Message.Text, "*La dernière semaine complète\u202f: semaine du 16 novembre 2026 (2026-W47)*") ||
			!strings.Contains(r.Message.Text, "• Note moyenne\u202f: 2,5/5 (semaine précédente\u202f: 4,5/5)") {
			t.Fatalf("got %+v, want the digest in the manager's language", r.Message)
		}
		posts := h.Posting.Posts()
		if len(posts) != 1 || posts[0].To.User != "alice" || posts[0].File == nil || posts[0].File.Type != "image/png" {
			t.Fatalf("got %+v, want the chart sent to alice", posts)
		}
	})
	t.Run("HelpOK", func(t *testing.T) {
		r := h.Run("alice", "admin help") // alice reads French
		for _, c := range h.Bot.Commands() {
			if c.Admin && !strings.Contains(r.Message.Text, "/mentor "+c.NameIn(bot.French)+" — ") {
				t.Errorf("got help without %q", c.Name)
			}
		}
	})
}
