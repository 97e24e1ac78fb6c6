package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestNeedsSurveyTellsWhatItShows: a needs survey with no topic to offer
// asks only what its menus show (kind, month) and says how to name
// topics; the manager is told how many members it goes to, not counting
// those who opted out of campaigns, who are counted apart.
func TestNeedsSurveyTellsWhatItShows(t *testing.T) {
	h, ed := needsHarness(t, 2)
	h.Run("m01", "campaigns off")
	r := h.Run("alice", `admin needs "Printemps" dm:yes`)
	if !strings.Contains(r.Message.Text, "going out to 2 members") || !strings.Contains(r.Message.Text, "The survey skips 1 other member, who asked for no such messages.") {
		t.Fatalf("got %q, want 2 members, and the one who opted out apart", r.Message.Text)
	}
	MustTick(t, h.Harness, time.Minute)
	dms := dmsOf(h)
	if len(dms) != 2 {
		t.Fatalf("got %d surveys, want 2", len(dms))
	}
	if want := bot.T(bot.English, "needs.text_no_topics", "program", "Printemps"); dms[0].Text != want {
		t.Fatalf("got %q, want %q", dms[0].Text, want)
	}
	for _, s := range dms[0].Selects {
		if strings.Contains(s.Value, ":learn:") || strings.Contains(s.Value, ":teach:") {
			t.Fatalf("got a topics menu %q with no topic", s.Placeholder)
		}
	}
	if v := ed.Latest(); !strings.HasPrefix(v[len(v)-1], "Sent 2 of 2") || strings.Contains(v[len(v)-1], "asked for no such") {
		t.Fatalf("got progress %q, want 2 of 2", v[len(v)-1])
	}
	// With topics, the text names them.
	h.Run("alice", `admin needs "Automne" dm:yes topics:go`)
	MustTick(t, h.Harness, time.Minute)
	if dms := dmsOf(h); len(dms) == 0 || dms[0].Text != bot.T(bot.English, "needs.text", "program", "Automne") {
		t.Fatalf("got %+v, want the survey with its topics", dms)
	}
}

// TestNeedsNobodyButOptedOut: when every member opted out, nothing is
// started and the manager is told why.
func TestNeedsNobodyButOptedOut(t *testing.T) {
	h, _ := needsHarness(t, 1)
	h.Run("m00", "campaigns off")
	h.Run("alice", "campaigns off")
	r := h.Run("alice", `admin needs "Printemps" dm:yes`)
	if want := bot.T(bot.English, "needs.none_opted_out", "program", "Printemps", "n", "2", "count", "2"); r.Message.Text != want {
		t.Fatalf("got %q, want %q", r.Message.Text, want)
	}
}
