package bot

// catalogUnreachableEN holds the sentences about mentors whom a proposal
// could not reach (pause_unreachable.go), in English.
var catalogUnreachableEN = map[string]string{
	"home.paused_unreachable":         "I paused your offer: a request I sent you by direct message couldn't reach you. Once I can write to you again, resume with `/mentor resume`, and the requests waiting on your topics come to you again.",
	"pause.resumed_unreachable":       "I tried to send you a request that waits for you, but it couldn't reach you by direct message either, so your offer is paused again. Once I can write to you, resume with `/mentor resume`.",
	"pause.reason_unreachable":        "Paused automatically: a direct message couldn't reach them; nobody is proposed until they resume.",
	"digest.unreachable_paused.one":   "1 mentor is paused because a proposal couldn't reach them by direct message: `/mentor status` tells them why, and they resume with `/mentor resume`.",
	"digest.unreachable_paused.other": "{count} mentors are paused because a proposal couldn't reach them by direct message: `/mentor status` tells them why, and they resume with `/mentor resume`.",
}

func init() {
	for k, v := range catalogUnreachableEN {
		addSentence(catalogEN, k, v)
	}
}
