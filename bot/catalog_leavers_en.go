package bot

// catalogLeaversEN holds the sentences of a click about a member who
// left without the bot hearing of it (CounterpartLeft), in English.
var catalogLeaversEN = map[string]string{
	"err.mentee_left":         "The member who made this request is no longer in this workspace, so nothing was changed: their request is closed.",
	"err.mentee_left.discord": "The member who made this request is no longer in this server, so nothing was changed: their request is closed.", // platformKey
}

func init() {
	for k, v := range catalogLeaversEN {
		addSentence(catalogEN, k, v)
	}
}
