package bot

// catalogReqlangEN holds the reason a manager reads for a request that
// waits because its topic's mentors lack the language the request asks
// for of its own (language: on the request), not one its member speaks
// (waitingReasonFor), in English.
var catalogReqlangEN = map[string]string{
	"waiting.language_asked_theirs": "The {count|mentor|mentors} for “{topic}” {count|doesn't|don't} speak {langs|the language|the languages} this request asks for ({languages}).",
}

func init() {
	for k, v := range catalogReqlangEN {
		addSentence(catalogEN, k, v)
	}
}
