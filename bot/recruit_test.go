package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// mustSent returns the newest message sent to user among msgs.
func mustSent(t *testing.T, h *adminHarness, user string) bot.Message {
	t.Helper()
	var found *bot.Message
	for _, s := range h.Platform.Take() {
		for _, to := range s.To {
			if to.User == user {
				m := s.Message
				found = &m
			}
		}
	}
	if found == nil {
		t.Fatalf("nothing sent to %s", user)
	}
	return *found
}

// TestReinvite: creating a program re-invites the mentors of earlier pairs
// with a personal message of what they did; "Yes, same topics" puts their
// offer in the new program; the buttons are theirs only; "Not this time"
// changes nothing.
func TestReinvite(t *testing.T) {
	h := runReportedProgram(t) // bob and carol mentored in Mentorat 2027; "Mentorat 2028" created at its end
	h.Run("carol", "lang fr")
	r := h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustContain(t, r, "I am re-inviting 2 mentors of earlier pairs to “Printemps 2027”, by a personal message each. I will show you the progress in a direct message.")
	MustTick(t, h.Harness, time.Minute)
	got := map[string]bot.Message{}
	sent := h.Platform.Take()
	if !strings.Contains(strings.Join(inboxOf(sent), "\n"), "alice: Re-invitations of past mentors to Printemps 2027 | Sent 2 of 2") {
		t.Errorf("got %v, want alice's progress: 2 mentors re-invited", inboxOf(sent))
	}
	for _, s := range sent {
		if strings.HasPrefix(s.Message.Title, "Mentor again in Printemps 2027") || strings.HasPrefix(s.Message.Title, "De nouveau mentor dans Printemps 2027") {
			got[s.To[0].User] = s.Message
		}
	}
	bob, carol := got["bob"], got["carol"]
	if bob.Text != "You mentored 1 person in “Mentorat 2027” (satisfaction 5.0/5). Thank you! Would you mentor again in “Printemps 2027”, from 1 March 2027 to 30 June 2027?" {
		t.Errorf("got bob's %q", bob.Text)
	}
	if carol.Text != "Vous avez accompagné 1 personne dans «\u202fMentorat 2027\u202f» (satisfaction\u202f: 3,0/5). Merci\u202f! Souhaitez-vous de nouveau être mentor dans «\u202fPrintemps 2027\u202f», du 1er mars 2027 au 30 juin 2027\u202f?" {
		t.Errorf("got carol's %q", carol.Text)
	}
	if len(bob.Buttons) != 4 || bob.Buttons[0].Label != "Yes, same topics" || bob.Buttons[3].ActionID != bot.ActionCampaignOptOut {
		t.Fatalf("got buttons %+v", bob.Buttons)
	}
	ctx := context.Background()
	click := func(by string, b bot.Button) bot.Reply {
		return h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
	}
	MustContain(t, click("ann", bob.Buttons[0]), "meant for someone else")
	r = click("bob", bob.Buttons[0])
	if f := r.Message.Fields; len(f) == 0 || f[len(f)-1].Value != "Mentorat 2028 and Printemps 2027" {
		t.Errorf("got %+v, want bob's offer in Printemps 2027 too, out of the closed Mentorat 2027", r.Message)
	}
	MustContain(t, h.Run("bob", "status"), "Printemps 2027")
	r = click("carol", carol.Buttons[2])
	MustContain(t, r, "Merci de me l'avoir dit. Votre offre reste telle quelle")
	if s := h.Run("carol", "status").Message.Text; strings.Contains(s, "Printemps") {
		t.Errorf("got %q, want carol's offer unchanged", s)
	}
	// A second program later re-invites them again, each once.
	MustTick(t, h.Harness, time.Hour)
	MustInbox(t, h.Harness)
}

// TestReinviteChangeTopics: "Change my topics" joins the program, then
// opens the offer form.
func TestReinviteChangeTopics(t *testing.T) {
	h := runReportedProgram(t)
	h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	var m bot.Message
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "bob" && s.Message.Title == "Mentor again in Printemps 2027?" {
			m = s.Message
		}
	}
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: m.Buttons[1].ActionID, Value: m.Buttons[1].Value})
	if r.Form == nil || r.Form.Command != "offer" {
		t.Fatalf("got %+v, want the offer form", r)
	}
	MustContain(t, r, "Change your topics in the form; your offer stays in “Printemps 2027”.")
}

// TestGiveBack: mentees whose mentoring went well, with five years of
// experience, are invited to mentor in turn; one who says yes without an
// offer gets the offer form, whose offer joins the program; a second
// invitation asks for confirmation; members named are invited anyway.
func TestGiveBack(t *testing.T) {
	h := runReportedProgram(t) // ann (rated 5, met) offers already; dan (rated 3) did not meet
	h.Run("ann", "cancel")
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028"), "Nobody to invite: among the mentees whose mentoring went well")

	// A fresh program where a mentee with experience rated 5 and met.
	h = mustWentWell(t, "request go kind:one-to-one program:mentorat-2027 years:8")
	ctx := context.Background()

	r := h.Run("alice", "admin invite-mentors program:mentorat-2028")
	MustContain(t, r, "I am inviting 1 member to mentor in “Mentorat 2028”")
	MustTick(t, h.Harness, time.Minute)
	m := mustSent(t, h, "eve")
	if m.Text != "Your mentoring on “go” went well, and with 8 years of experience you could now guide someone in turn. Would you mentor in “Mentorat 2028”, from 25 November 2026 to 31 March 2027?" {
		t.Errorf("got %q", m.Text)
	}
	r = h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("eve"), ActionID: m.Buttons[0].ActionID, Value: m.Buttons[0].Value})
	if r.Form == nil || r.Form.Fixed["program"] != "mentorat-2028" {
		t.Fatalf("got %+v, want the offer form for Mentorat 2028", r)
	}
	// The form, submitted with its fixed values as the adapters send it.
	r = h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member("eve"), Name: "offer", FromForm: true, Forms: true,
		Values: map[string]string{"topics": "career change", "program": r.Form.Fixed["program"]}})
	if f := r.Message.Fields; len(f) == 0 || f[len(f)-1].Value != "Mentorat 2028" {
		t.Errorf("got %+v, want eve's offer in Mentorat 2028", r.Message)
	}

	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028 members:@eve"), "No invitation for Eve, who already offers mentoring in “Mentorat 2028”.")
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028 members:@dan,@eve confirm:yes"), "No invitation for Eve, who already offers mentoring in “Mentorat 2028”. I am inviting 1 member")
	MustTick(t, h.Harness, time.Minute)
	m = mustSent(t, h, "dan")
	MustContain(t, bot.Reply{Message: m}, "Alice thinks you would make a good mentor.")
	MustContain(t, h.Run("alice", "admin invite-mentors"), "Which program?")
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028 members:@eve,!!"), "“!!”")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin invite-mentors programme:mentorat-2028 membres:@dan"), "J'ai déjà invité Dan à devenir mentor dans «\u202fMentorat 2028\u202f» (le 21 novembre 2026)\u202f: je ne l'invite donc pas de nouveau")
	// One already invited does not hold back the others: Frank is invited,
	// Dan named as invited before. Before, the whole list was refused with
	// "already invited these members", untrue of Frank.
	h.Run("alice", "lang en")
	MustContain(t, h.Run("alice", "admin invite-mentors program:mentorat-2028 members:@dan,@frank"),
		"I already invited Dan to mentor in “Mentorat 2028” (on 21 November 2026), so I have not invited this member again; add `confirm:yes` to do so. I am inviting 1 member")
	MustTick(t, h.Harness, time.Minute)
	MustContain(t, bot.Reply{Message: mustSent(t, h, "frank")}, "Alice thinks you would make a good mentor.")
}

// TestAnnounceTargeted: a call for mentors for a program names it, and
// its button's form joins it; years:5+ sends it by DM to the experienced
// members who offer no mentoring, once unless confirmed.
func TestAnnounceTargeted(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	r := h.Run("alice", "admin announce #general program:mentorat-2027")
	MustContain(t, r, "Your call for mentors is posted in")
	posts := h.Posting.Posts()
	if len(posts) != 1 || posts[0].Channel != "general" {
		t.Fatalf("got %+v, want the call in #general", posts)
	}
	post := posts[0].Message
	if !strings.HasPrefix(post.Text, "“Mentorat 2027” runs from 10 November 2026 to 20 November 2026. Our mentoring program is looking for mentors.") {
		t.Errorf("got %q, want the program named first", post.Text)
	}
	b := post.Buttons[0]
	r = h.Bot.HandleAction(ctx, bot.Action{Member: h.Tenant.Member("zoe"), ActionID: b.ActionID, Value: b.Value})
	if r.Form == nil || r.Form.Fixed["program"] != "mentorat-2027" {
		t.Fatalf("got %+v, want the offer form for Mentorat 2027", r)
	}

	h.Run("gus", "request python years:12") // an experienced member, not a mentor
	h.Run("ivy", "request go years:2")
	h.Run("kim", "offer go years:20")
	h.Platform.Take()
	MustContain(t, h.Run("alice", "admin announce years:5+ program:mentorat-2027"), "I am sending your call for mentors to 1 member with 5 years of experience or more")
	MustTick(t, h.Harness, time.Minute)
	var got []string
	for _, s := range h.Platform.Take() {
		if s.Message.Title == "Become a mentor" {
			got = append(got, s.To[0].User)
		}
	}
	if strings.Join(got, ",") != "gus" {
		t.Errorf("got the call sent to %v, want gus alone", got)
	}
	MustContain(t, h.Run("alice", "admin announce years:5+ program:mentorat-2027"), "This call was already sent, or is being sent, to some of these members")
	MustContain(t, h.Run("alice", "admin announce years:many"), "“many” is not a number of years")
	MustContain(t, h.Run("alice", "admin announce years:50"), "Nobody to send it to")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin announce"), "Où publier l'appel\u202f?")
	// Posted in the workspace's language (English), not the French
	// manager's: said, with how to post it in French; not when chosen.
	MustContain(t, h.Run("alice", "admin announce #general"), "Votre appel à mentors est publié dans #general. Il est en anglais, la langue de l'espace de travail\u202f; `langue:fr` le publie dans la vôtre, `langue:les-deux` dans les deux.")
	if r := h.Run("alice", "admin announce #general langue:en"); strings.Contains(r.Message.Text, "Il est en anglais") {
		t.Errorf("got %q, want no word on the language chosen", r.Message.Text)
	}
}

// TestReinviteOnlyPastMentors: a program's re-invitation goes to mentors
// of earlier programs only: not to a mentor whose only pair is in the new
// program itself (formed before the job ran), who would read "You have
// mentored 0 people here".
func TestReinviteOnlyPastMentors(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "P1" start:2026-11-03 end:2027-01-31`)
	h.Run("bob", "offer go program:p1")
	h.Run("dave", "request go program:p1")
	h.ClickReply("alice", h.Run("alice", "admin match program:p1"), "Send these proposals")
	h.Click("bob", "bob", "Accept")
	h.Click("bob", "bob", "I accept the charter")
	h.Click("dave", "dave", "I accept the charter")
	h.Platform.Take()
	MustTick(t, h.Harness, time.Minute)
	for _, s := range h.Platform.Take() {
		if strings.Contains(s.Message.Title, "Mentor again") || strings.Contains(s.Message.Text, "mentored 0") {
			t.Fatalf("%s was re-invited: %q", s.To[0].User, s.Message.Text)
		}
	}
}

// mustWentWell plays a program whose mentee eve, after her commands (her
// request last, as typed), met bob and rated her mentoring 5, then opens
// the next program (Mentorat 2028) and clears what was sent so far.
func mustWentWell(t *testing.T, eve ...string) *adminHarness {
	t.Helper()
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	for _, command := range eve {
		h.Run("eve", command)
	}
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("eve", "eve", bot.ActionCharterAccept)
	h.Run("alice", "admin settings checkin-after:1d")
	h.At(14, 10, 0)
	h.Click("eve", "eve", bot.ActionCheckinYes)
	h.At(21, 9, 0)
	h.Click("eve", "eve", "5")
	h.Platform.Take()
	h.Run("alice", `admin program create "Mentorat 2028" start:2026-11-25 end:2027-03-31`)
	MustTick(t, h.Harness, time.Minute)
	h.Platform.Take()
	return h
}
