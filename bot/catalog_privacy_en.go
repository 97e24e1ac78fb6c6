package bot

// catalogPrivacyEN holds the sentences of /mentor forget and /mentor
// export-me, and what the other member of a pair hears when a member's data
// is erased, in English.
var catalogPrivacyEN = map[string]string{
	"cmd.forget.summary":    "erase everything the bot keeps about you (you confirm first)",
	"cmd.forget.example":    "/mentor forget",
	"cmd.export-me.summary": "get everything the bot keeps about you, as a file",
	"cmd.export-me.example": "/mentor export-me",
	"forget.nothing":        "I keep nothing about you: there is nothing to erase.",
	"forget.confirm_title":  "Erase all your data?",
	"forget.confirm":        "This erases your profile, your offer and requests, your pairs, your answers to check-ins and surveys, and your charter acceptances. Anyone you are paired with is told that your pair has ended. It cannot be undone. To keep a copy first, use `/mentor export-me`.",
	"btn.forget_confirm":    "Yes, erase everything",
	"btn.forget_keep":       "No, keep my data",
	"forget.done":           "Done: everything I kept about you is erased. The program's figures still count what you did, without your name. Thank you for taking part.",
	"forget.already":        "Your data is already erased: I keep nothing more about you, so there is nothing more to do.",
	"forget.kept":           "Good: nothing was erased.",
	"forget.ended_mentor":   "Your mentee has left the program, so your pair on “{topic}” has ended. Thank you for the time you gave. Would you like to mentor someone else?",
	"forget.ended_mentee":   "Your mentor has left the program, so your pair on “{topic}” has ended. Would you like a new match on “{topic}”?",
	"forget.charter_mentor": "The mentee has left the program, so the pair on “{topic}” is cancelled. Thank you for offering your time.",
	"forget.charter_mentee": "Your mentor has left the program, so the pair on “{topic}” is cancelled. Don't worry: your request is back in the queue, for the next mentor who fits.",
	"forget.former_member":  "a former member",
	"exportme.title":        "Your mentorbot data",
	"exportme.file":         "Here is everything I keep about you, as a JSON file. It holds personal data: keep it safe.",
	"exportme.done":         "Your data is on its way, as a file in a private message.",

	// The file could not be sent to the member who asked for it: they
	// have not left, the platform could not write to them.
	"err.exportme_no_dm":         "I couldn't send you the file by direct message, so nothing was sent. Check that mentorbot may send you direct messages, then type `/mentor export-me` again.",
	"err.exportme_no_dm.discord": "I couldn't send you the file by direct message, so nothing was sent: your direct messages are closed to me. To open them, open this server's menu, choose Privacy Settings and turn on Direct Messages, then type `/mentor export-me` again.",
}

func init() {
	for k, v := range catalogPrivacyEN {
		addSentence(catalogEN, k, v)
	}
}
