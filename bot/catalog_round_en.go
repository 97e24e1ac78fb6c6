package bot

// catalogRoundEN holds the sentences of a request's wait told without
// the claim that it put the request first in line (a request that waited
// less than another the mentor could take, or proposed on its own), in
// English.
var catalogRoundEN = map[string]string{
	"reason.waited_only":     "waiting for {days} {days|day|days}",
	"reason.waited_only_one": "waiting for a day",
}

func init() {
	for k, v := range catalogRoundEN {
		addSentence(catalogEN, k, v)
	}
}
