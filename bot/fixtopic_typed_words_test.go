package bot_test

import "testing"

// TestRequestFindsFoldedFrenchTopic: a mentor of "bases de données"
// (folded "database") is found for a request on one of the words they
// typed, as a related topic.
func TestRequestFindsFoldedFrenchTopic(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer bases de données capacity:5")
	for _, tc := range []struct{ user, topic string }{{"carol", "donnees"}, {"dan", "base"}, {"erin", "database"}} {
		MustContain(t, h.Run(tc.user, "request "+tc.topic), "I've asked a mentor who fits your request on “"+tc.topic+"”.")
	}
}
