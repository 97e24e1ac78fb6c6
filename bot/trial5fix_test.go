package bot_test

import "testing"

// TestSuggestionsInReadersWords: a misspelt option or command is
// suggested by the name its reader reads: a French reader is never told
// an English name ("capcity" gets `capacité:`, "ofer" `/mentor
// propose`), and the managers' French help says their English names
// work too, as the members' does.
func TestSuggestionsInReadersWords(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "propose go capcity:2"), "Vouliez-vous dire `capacité:`\u202f?")
	MustContain(t, h.Run("bob", "ofer go"), "Vouliez-vous dire `/mentor propose`\u202f?")
	MustContain(t, h.Run("carl", "offer go capacte:2"), "Did you mean `capacity:`?")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin setings"), "Vouliez-vous dire `/mentor admin réglages`\u202f?")
	MustContain(t, h.Run("alice", "admin aide"), "Les commandes se tapent aussi en anglais\u202f: help, stats, match")
}
