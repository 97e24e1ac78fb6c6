package bot

// catalogWordsEN holds the English words that a sentence of another file
// needs to agree with its subject.
var catalogWordsEN = map[string]string{
	"digest.topics_none":  "none",
	"digest.answers_none": "no answers yet",
	// A pair cancelled over its charter never started: it did not "end".
	"state.pair.cancelled_charter": "cancelled before it started",
	// A waiting request held for its program's kick-off waits for that
	// day, not for a mentor (requestState).
	"state.request.held": "waiting for the kick-off of “{name}”, on {start}",
}

func init() {
	for k, v := range catalogWordsEN {
		addSentence(catalogEN, k, v)
	}
}
