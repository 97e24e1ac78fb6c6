package shell_test

import "testing"

// TestFollowupTranscript plays the follow-up of a one-to-one pair in
// English and in French: clicks on the other member's charter and
// check-in (refused), a "yes" and two "not yet" with their reminders (to
// the member who has not said yes only), then the mentee ends the pair
// with /mentor end, says "no" first, then ends it from /mentor status;
// both are asked about a new match. Run with -update to rewrite the
// golden files.
func TestFollowupTranscript(t *testing.T) {
	for _, name := range []string{"followup_en", "followup_fr"} {
		t.Run(name, func(t *testing.T) { playTranscript(t, name, transcript{}) })
	}
}
