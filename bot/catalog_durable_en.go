package bot

// catalogDurableEN holds the sentences of an overloaded bot, in English.
var catalogDurableEN = map[string]string{
	"err.busy": "I'm handling a lot of requests right now, so nothing was changed. Please try again in a moment.",
	// err.busy_kept: the command or click was kept before the ack, and
	// another worker (or replica) takes it up when the kept copy falls due.
	"err.busy_kept": "I'm handling a lot of requests right now. I've kept what you asked and will do it within a few minutes: no need to try again.",
	// request.made: a request command redelivered after it was done.
	"request.made": "Your request on “{topic}” is saved ({state}). `/mentor status` shows where it stands.",
}

func init() {
	for k, v := range catalogDurableEN {
		addSentence(catalogEN, k, v)
	}
}
