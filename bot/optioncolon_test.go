package bot_test

import "testing"

// TestOptionColonForgotten: text given to a command that takes none,
// whose first words name one of its options, is read as that option
// without its colon, and the reply shows how to write it; other text is
// refused as before.
func TestOptionColonForgotten(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	MustContain(t, h.Run("bob", "pause until 2027-01-10"), "Did you mean `until:2027-01-10`? An option is written with a colon after its name.")
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "pause jusqu au 2027-01-10"), "Vouliez-vous dire `jusqu'au:2027-01-10`\u202f? Une option s'écrit avec deux-points après son nom.")
	MustContain(t, h.Run("ann", "pause pendant 3s"), "`pendant:3s`")
	MustContain(t, h.Run("bob", "pause whenever"), "`/mentor pause` takes no text.")
	MustContain(t, h.Run("bob", "pause until"), "Give `until:` a value after its colon: ")
}

// TestOptionNameTypedInTwo: an option whose name is two words joined
// ("jusqu'au") typed with a space before its colon ("jusqu au:…") is
// that option, not text the command does not take.
func TestOptionNameTypedInTwo(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "pause jusqu au:2027-01-10"), "en pause jusqu'au")
	MustContain(t, h.Run("bob", "pause blah au:2027-01-10"), "ne prend pas de texte")
}

// TestOptionNameAlone: an option's name alone, given to a command that
// takes no text, is told that its value is missing and what it takes,
// not that the command takes no text.
func TestOptionNameAlone(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", "admin settings proposal-timeout"), "Give `proposal-timeout:` a value after its colon: ")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin réglages canal-bilan"), "Donnez une valeur à `canal-bilan:` après ses deux-points\u202f: ")
}
