package bot

// catalogCharterEN holds the sentences of a charter accepted for several
// pairs at once (charter.go), in English.
var catalogCharterEN = map[string]string{
	"charter.also_both":    "It counts for your pair with {name} on “{topic}” too, and {name} had accepted it already: I'm putting you in touch in a separate message.",
	"charter.also_waiting": "It counts for your pair with {name} on “{topic}” too: now waiting for {name} to accept it.",

	// A pair cancelled over its charter: its charter messages replaced
	// (retractCharter), and a click on a button left says why.
	"charter.cancelled_here":        "This pair on “{topic}” was cancelled before it started: no need to answer this charter.",
	"err.charter_cancelled":         "Your pair with {name} on “{topic}” was cancelled before both of you had accepted the charter: there is nothing left to accept or decline.",
	"err.charter_cancelled_timeout": "The charter for your pair with {name} on “{topic}” wasn't accepted in time, so the pair was cancelled before it started: there is nothing left to accept or decline.",
}

func init() {
	for k, v := range catalogCharterEN {
		addSentence(catalogEN, k, v)
	}
}
