package bot_test

import (
	"strings"
	"testing"
)

// TestDigestOnOfferReadsAsMentorsTyped: the topics on offer read as the
// mentors typed them, not as a waiting mentee did ("Data Sciences" and
// "Python" for a mentor's "data science" and "python"); the topics asked
// may keep the mentees' spelling.
func TestDigestOnOfferReadsAsMentorsTyped(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("carol", "offer data science, python")
	// Carol speaks no French: both requests wait, with their spelling.
	h.Run("max", "request Data Sciences languages:fr")
	h.Run("grace", "request Python languages:fr")
	r := h.Run("alice", "admin stats")
	MustContain(t, r, "On offer (mentors per topic): data science (1), python (1)")
	if text := r.Message.Text; !strings.Contains(text, "Requests waiting for a mentor (2)") {
		t.Fatalf("got %q, want a request still waiting, its spelling in the figures", text)
	}
}

// TestDigestOnOfferMostCommonSpelling: among the spellings of one topic
// in the offers counted, the most common names it; a paused offer, not
// counted, does not name it, nor do the waiting requests, however many.
func TestDigestOnOfferMostCommonSpelling(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("ada", "offer data science")
	h.Run("bob", "offer data science")
	h.Run("cid", "offer Data Science")
	for _, who := range []string{"dan", "eli"} {
		h.Run(who, "offer Data Science")
		h.Run(who, "pause")
	}
	for _, who := range []string{"fay", "gus", "hal"} {
		h.Run(who, "request Data Sciences languages:fr")
	}
	MustContain(t, h.Run("alice", "admin stats"), "On offer (mentors per topic): data science (3)")
}
