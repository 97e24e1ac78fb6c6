package bot

// catalogRoundFR holds the sentences of a request's wait told without
// the claim that it put the request first in line, in French.
var catalogRoundFR = map[string]string{
	"reason.waited_only":     "en attente depuis {days} {days|jour|jours}",
	"reason.waited_only_one": "en attente depuis un jour",
}

func init() {
	for k, v := range catalogRoundFR {
		addSentence(catalogFR, k, v)
	}
}
