package bot

// catalogLeaversFR holds the sentences of a click about a member who
// left without the bot hearing of it (CounterpartLeft), in French.
var catalogLeaversFR = map[string]string{
	"err.mentee_left":         "La personne qui a fait cette demande ne fait plus partie de cet espace, donc rien n'a été changé\u202f: sa demande est close.",
	"err.mentee_left.discord": "La personne qui a fait cette demande ne fait plus partie de ce serveur, donc rien n'a été changé\u202f: sa demande est close.", // platformKey
}

func init() {
	for k, v := range catalogLeaversFR {
		addSentence(catalogFR, k, v)
	}
}
