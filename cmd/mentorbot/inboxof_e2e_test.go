package main_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestSlackPrivacyHandledNamesNoOne: a command or a click, kept in Redis
// before its ack and handled, leaves no key or value that names its
// member: a newcomer's /mentor help stores nothing about them, and a
// second click on "Yes, erase everything" after the erasure brings
// nothing of them back. Before, the member's index of kept deliveries
// (inboxof:<user>) stayed for its TTL, an hour, after each of them.
func TestSlackPrivacyHandledNamesNoOne(t *testing.T) {
	w := MustStartSlack(t)
	MustContain(t, w.MustCommand(carol, "help"), "/mentor")
	mustNamedNowhere(t, w, carol.ID, "after a newcomer's help")

	w.MustCommand(carol, "lang en") // a record, to erase
	confirm := w.MustCommand(carol, "forget")
	MustContain(t, w.reply(w.clickEphemeral(carol, confirm, bot.ActionForgetConfirm)), en("forget.done"))
	mustNamedNowhere(t, w, carol.ID, "after the erasure")
	w.reply(w.clickEphemeral(carol, confirm, bot.ActionForgetConfirm))
	mustNamedNowhere(t, w, carol.ID, "after a second click on the erasure")
}

// mustNamedNowhere fails unless, within a few seconds (a delivery whose
// forget failed once is tried again in the background), no key or value
// of the world's workspace holds needle.
func mustNamedNowhere(t *testing.T, w *world, needle, when string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		var hits []string
		for _, h := range storetest.Mentions(t, w.m.Store, needle) {
			if strings.Contains(h, w.team) { // other tests' workspaces on a shared Redis
				hits = append(hits, h)
			}
		}
		if len(hits) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("got the member still in the workspace's keys %s:\n  %s", when, strings.Join(hits, "\n  "))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
