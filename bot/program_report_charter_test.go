package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramReportSkipsCharterDeclined: a pair whose charter a member
// declined never started: the report counts it apart, as the digest
// does, neither among the pairs that started nor in the topic balance;
// its labels say what each counts, so that the report's pairs that
// started and cancelled add up to the digest's pairs formed, in both
// languages and in the CSV.
func TestProgramReportSkipsCharterDeclined(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("carol", "offer career change program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("dan", "request career change kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 2 proposals")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	for _, m := range []string{"bob", "ann", "carol"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.Click("dan", "dan", bot.ActionCharterDecline)
	stats := h.Run("alice", "admin stats")
	MustContain(t, stats, "• Pairs formed: 2\n")
	MustContain(t, stats, "• Pairs cancelled before starting (before both had accepted the charter): 1\n")
	h.Posting.Posts()
	r := h.Run("alice", `admin report program:"Mentorat 2027"`)
	MustContain(t, r, "• Pairs that started (charter accepted): 1\n")
	MustContain(t, r, "• Pairs cancelled before starting (before both had accepted the charter): 1\n")
	MustContain(t, r, "• Pairs who met: 0 of 1 (0%)")
	MustContain(t, r, "• Topic balance: go 1 (100%)")
	if strings.Contains(r.Message.Text, "Pairs formed") || strings.Contains(r.Message.Text, "No pair was formed") {
		t.Errorf("got %q, want no \"pairs formed\" other than the digest's", r.Message.Text)
	}
	var csvFile, chart bool
	for _, p := range h.Posting.Posts() {
		if p.File != nil && p.File.Type == "text/csv" {
			csvFile = true
			for _, row := range []string{"\npairs_started,1,\n", "\npairs_cancelled_before_start,1,\n"} {
				if !strings.Contains(string(p.File.Data), row) {
					t.Errorf("got CSV %q, want the row %q", p.File.Data, row)
				}
			}
		}
	}
	// The chart's "pairs formed" counts the pairs formed, as the digest's.
	for _, c := range h.Charts() {
		if c.Title != "Mentorat 2027: pairs, meetings and ratings by week" {
			continue
		}
		chart = true
		var n float64
		for _, v := range c.Counts[0].Values {
			n += v
		}
		if c.Counts[0].Label != "Pairs formed" || n != 2 {
			t.Errorf("got chart series %+v, want 2 pairs formed", c.Counts[0])
		}
	}
	if !csvFile || !chart {
		t.Fatalf("got CSV %v, chart %v, want both", csvFile, chart)
	}
	h.Run("alice", "lang fr")
	r = h.Run("alice", `admin rapport programme:"Mentorat 2027"`)
	MustContain(t, r, "• Binômes qui ont commencé (charte acceptée)\u202f: 1\n")
	MustContain(t, r, "• Binômes annulés avant de commencer (avant que la charte soit acceptée des deux côtés)\u202f: 1\n")
}
