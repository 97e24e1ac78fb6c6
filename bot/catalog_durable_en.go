package bot

// catalogDurableEN holds the sentences of an overloaded bot, in English.
var catalogDurableEN = map[string]string{
	"err.busy": "I'm handling a lot of requests right now, so nothing was changed. Please try again in a moment.",
}

func init() {
	for k, v := range catalogDurableEN {
		catalogEN[k] = v
	}
}
