package bot

// catalogReqlangFR holds the reason a manager reads for a request that
// waits because its topic's mentors lack the language the request asks
// for of its own (langue: on the request), not one its member speaks
// (waitingReasonFor), in French.
var catalogReqlangFR = map[string]string{
	"waiting.language_asked_theirs": "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» ne {count|parle|parlent} pas {langs|la langue voulue|les langues voulues} pour cette demande ({languages}).",
}

func init() {
	for k, v := range catalogReqlangFR {
		addSentence(catalogFR, k, v)
	}
}
