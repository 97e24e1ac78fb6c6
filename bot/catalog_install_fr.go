package bot

// catalogInstallFR holds the sentences of installing the app in a
// workspace (install.go and the platforms' install flows), in French.
// Keys are sorted.
var catalogInstallFR = map[string]string{
	"install.not_installed": "mentorbot n'est pas installé dans cet espace de travail\u202f: il ne peut pas répondre ici. Demandez à un administrateur de l'espace de travail de l'ajouter à Slack.",
}

func init() {
	for k, v := range catalogInstallFR {
		addSentence(catalogFR, k, v)
	}
}
