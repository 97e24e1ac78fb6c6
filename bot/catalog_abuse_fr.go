package bot

// catalogAbuseFR holds the sentences about abuse and bad input, in
// French.
var catalogAbuseFR = map[string]string{
	"err.slow_down": "Vous allez un peu vite. Merci de patienter une minute, puis de réessayer.",
}

func init() {
	for k, v := range catalogAbuseFR {
		addSentence(catalogFR, k, v)
	}
}
