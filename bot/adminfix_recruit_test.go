package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestInviteMentorsAlreadyIn: members named who offer in the program
// already are not invited, and the manager is told who they are; one who
// joins it before the invitation goes out is sent none. "Already invited"
// agrees with the number of members.
func TestInviteMentorsAlreadyIn(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Platform.Take()
	r := h.Run("alice", "admin invite-mentors program:mentorat-2027 members:@bob")
	if r.Message.Text != "No invitation for Bob, who already offers mentoring in “Mentorat 2027”." {
		t.Fatalf("got %q", r.Message.Text)
	}
	r = h.Run("alice", "admin invite-mentors program:mentorat-2027 members:@bob,@dan,@eve")
	if r.Message.Text != "No invitation for Bob, who already offers mentoring in “Mentorat 2027”. I am inviting 2 members to mentor in “Mentorat 2027”, each by a personal message. I will show you the progress in a direct message." {
		t.Fatalf("got %q", r.Message.Text)
	}
	h.Run("eve", "offer python program:mentorat-2027") // before the invitations go out
	h.Platform.Take()
	MustTick(t, h.Harness, time.Minute)
	var to []string
	for _, s := range h.Platform.Take() {
		if strings.HasPrefix(s.Message.Title, "Mentor in turn") {
			to = append(to, s.To[0].User)
		}
	}
	if strings.Join(to, ",") != "dan" {
		t.Fatalf("invited %v, want dan alone", to)
	}
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2027 members:@dan"), "I already invited Dan to mentor in “Mentorat 2027” (on ")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin invite-mentors programme:mentorat-2027 membres:@dan"), "J'ai déjà invité Dan à devenir mentor dans «\u202fMentorat 2027\u202f» (le ")
	if r := h.Run("alice", "admin invite-mentors programme:mentorat-2027 membres:@bob,@eve"); r.Message.Text != "Pas d'invitation pour Bob et Eve, qui proposent déjà leur aide dans «\u202fMentorat 2027\u202f»." {
		t.Fatalf("French: got %q", r.Message.Text)
	}
}

// TestReinviteEndedPairsOnly: the past mentors a new program re-invites
// are the mentors of pairs ended when it was created: a fresh workspace's
// reply says nothing of them; a mentor whose pair is under way, or ends
// only after the creation, is no past mentor, and the job invites the
// mentors the reply counted, whatever was formed or ended in between.
func TestReinviteEndedPairsOnly(t *testing.T) {
	h := MustAdminHarness(t)
	r := h.Run("alice", `admin program create "Mentorat 2027" start:2027-01-15 end:2027-06-30`)
	if strings.Contains(r.Message.Text, "\n") || strings.Contains(r.Message.Text, "re-invit") {
		t.Fatalf("got %q, want no line on re-invitations", r.Message.Text)
	}
	mustOfficial(h.Harness, "carol", "offer go", "dan", "request go kind:one-to-one")
	mustSayMet(t, h.Harness, "dan") // a pair that never met makes no past mentor
	clickIn(h.Harness, "carol", h.Run("carol", "end"), bot.ActionEndConfirm)
	mustOfficial(h.Harness, "bob", "offer rust", "ann", "request rust kind:one-to-one")
	h.Platform.Take()
	MustContain(t, h.Run("alice", `admin program create "Mentorat 2028" start:2027-09-01 end:2027-12-20`),
		"I am re-inviting 1 mentor of earlier pairs to “Mentorat 2028”, by a personal message each. I will show you the progress in a direct message.")
	// Before the job runs: Hugo forms a pair, Bob's pair ends.
	h.Clock.Advance(time.Second)
	mustOfficial(h.Harness, "hugo", "offer python", "eve", "request python kind:one-to-one")
	clickIn(h.Harness, "bob", h.Run("bob", "end"), bot.ActionEndConfirm)
	h.Platform.Take()
	MustTick(t, h.Harness, time.Minute)
	var invited []string
	sent := h.Platform.Take()
	for _, s := range sent {
		if strings.HasPrefix(s.Message.Title, "Mentor again in Mentorat 2028") {
			invited = append(invited, s.To[0].User)
		}
	}
	if strings.Join(invited, ",") != "carol" {
		t.Fatalf("re-invited %v, want carol alone", invited)
	}
	if got := strings.Join(inboxOf(sent), "\n"); !strings.Contains(got, "alice: Re-invitations of past mentors to Mentorat 2028 | Sent 1 of 1") {
		t.Errorf("got %s\nwant alice's progress: 1 of 1", got)
	}
}
