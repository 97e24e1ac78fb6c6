package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSlackMeeting plays a pair's first meeting through the real Main on
// Slack: the introduction (one group DM) offers three times with a "This
// works for me" button each; the mentee picks the second, the mentor is
// told, picks it too, and each gets the invite as a file uploaded to
// their DM: a .ics with the video room. A replayed click confirms
// nothing twice.
func TestSlackMeeting(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "profile tz:Europe/Paris hours:9-17")
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go kind:one-to-one tz:America/Montreal hours:8h30-16h")
	w.click(bob, w.dms(bob, 1, hasButton("proposal.accept"))[0], "proposal.accept")
	w.click(bob, w.dms(bob, 1, hasButton("charter.accept"))[0], "charter.accept")
	w.click(alice, w.dms(alice, 1, hasButton("charter.accept"))[0], "charter.accept")
	intro := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "G") }, wait)[0]
	MustContain(t, intro, en("field.meet_slots"), "(Paris)", "(Montreal)", en("btn.meet_pick", "n", "3"), en("btn.meet_other"))
	if _, ok := intro.Button("meet.pick#2"); !ok {
		t.Fatalf("got buttons %v, want three meet.pick buttons with unique action IDs", intro.Buttons())
	}

	MustContain(t, w.reply(w.click(alice, intro, "meet.pick#2")), "Noted")
	MustContain(t, w.dms(bob, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "can meet at time 2") })[0], "Alice Martin")
	MustContain(t, w.reply(w.click(bob, intro, "meet.pick#2")), "Agreed")

	done := w.fake.WaitCalls(t, "files.completeUploadExternal", 2, nil, wait)
	channels := map[string]bool{}
	for _, c := range done {
		channels[c.Get("channel_id")] = true
	}
	if !channels["D"+alice.ID] || !channels["D"+bob.ID] {
		t.Fatalf("got invites shared in %v, want Alice's and Bob's DMs", channels)
	}
	ups := w.fake.Calls("upload")
	if len(ups) != 2 {
		t.Fatalf("got %d uploads, want one .ics each", len(ups))
	}
	for _, up := range ups {
		data := string(up.Data)
		for _, want := range []string{"BEGIN:VCALENDAR\r\n", "BEGIN:VEVENT\r\n", "DTSTART:", "URL:https://meet.jit.si/mentorbot-"} {
			if !strings.Contains(data, want) {
				t.Errorf("got upload %q, want %q", data, want)
			}
		}
	}

	MustContain(t, w.reply(w.click(alice, intro, "meet.pick#2")), "already agreed")
	if n := len(w.fake.Calls("files.completeUploadExternal")); n != 2 {
		t.Fatalf("got %d invites after a replayed click, want 2", n)
	}
}
