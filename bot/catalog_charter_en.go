package bot

// catalogCharterEN holds the sentences of a charter accepted for several
// pairs at once (charter.go), in English.
var catalogCharterEN = map[string]string{
	"charter.also_both":    "It counts for your pair with {name} on “{topic}” too, and {name} had accepted it already: I'm putting you in touch in a separate message.",
	"charter.also_waiting": "It counts for your pair with {name} on “{topic}” too: now waiting for {name} to accept it.",
}

func init() {
	for k, v := range catalogCharterEN {
		addSentence(catalogEN, k, v)
	}
}
