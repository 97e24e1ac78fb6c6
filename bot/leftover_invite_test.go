package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// invitedTo returns who received an invitation to mentor in turn.
func invitedTo(sent []bottest.Sent) []string {
	var to []string
	for _, s := range sent {
		if strings.HasPrefix(s.Message.Title, "Mentor in turn") || strings.HasPrefix(s.Message.Title, "Devenir mentor") {
			to = append(to, s.To[0].User)
		}
	}
	return to
}

// TestLeftoverInviteMentorsUnknown: /mentor admin invite-mentors
// members:… checks the names against the workspace's directory, as admin
// pair does. A name it does not know (a typo) invites nobody, not even
// the names it knows, and the manager is told every unknown name at once,
// in their language: the corrected list, sent again, invites each once.
// The names it knows are invited as before.
func TestLeftoverInviteMentorsUnknown(t *testing.T) {
	h := mustProgramHarness(t)
	h.Platform.Gone["zqxmarker"] = true
	h.Platform.Gone["bbo"] = true
	r := h.Run("alice", "admin invite-mentors program:mentorat-2027 members:@dan,zqxmarker,@bbo,@zqxmarker")
	if want := "I can't find “zqxmarker” and “@bbo” in this workspace, so I have invited nobody yet. Mention each member (type @ and pick their name) or give their user ID, then send the command again."; r.Message.Text != want {
		t.Fatalf("got %q, want %q", r.Message.Text, want)
	}
	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin inviter-mentors programme:mentorat-2027 membres:@dan,@bbo")
	if want := "Je ne trouve pas «\u202f@bbo\u202f» dans cet espace de travail\u202f: je n'ai donc encore invité personne. Mentionnez chaque membre (tapez @ puis choisissez son nom) ou donnez son identifiant, puis renvoyez la commande."; r.Message.Text != want {
		t.Fatalf("French: got %q, want %q", r.Message.Text, want)
	}
	h.Platform.Take()
	MustTick(t, h.Harness, time.Minute)
	if to := invitedTo(h.Platform.Take()); len(to) != 0 {
		t.Fatalf("invited %v, want nobody", to)
	}
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2027 members:@dan,@eve"), "I am inviting 2 members to mentor in “Mentorat 2027”")
	MustTick(t, h.Harness, time.Minute)
	if to := strings.Join(invitedTo(h.Platform.Take()), ","); to != "dan,eve" {
		t.Fatalf("invited %s, want dan and eve", to)
	}
}

// TestLeftoverInviteMentorsUnknownDiscord: on a Discord server, the
// refusal says server.
func TestLeftoverInviteMentorsUnknownDiscord(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "discord"
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	MustContain(t, h.Run("alice", `admin program create "Mentorat 2027" kind:one-to-one start:2026-11-10 end:2026-11-20`), "created")
	h.Platform.Gone["zqxmarker"] = true
	r := h.Run("alice", "admin invite-mentors program:mentorat-2027 members:zqxmarker")
	if want := "I can't find “zqxmarker” in this server, so I have invited nobody yet. Mention each member (type @ and pick their name) or give their user ID, then send the command again."; r.Message.Text != want {
		t.Fatalf("got %q, want %q", r.Message.Text, want)
	}
}
