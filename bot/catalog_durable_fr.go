package bot

// catalogDurableFR holds the sentences of an overloaded bot, in French.
var catalogDurableFR = map[string]string{
	"err.busy":      "Je traite beaucoup de demandes en ce moment : rien n'a été modifié. Réessayez dans un instant.",
	"err.busy_kept": "Je traite beaucoup de demandes en ce moment. J'ai gardé votre demande et je m'en occupe d'ici quelques minutes\u202f: inutile de recommencer.",
	// request.made: a request command redelivered after it was done.
	"request.made": "Votre demande sur « {topic} » est bien enregistrée ({state}). `/mentor statut` indique où elle en est.",
}

func init() {
	for k, v := range catalogDurableFR {
		addSentence(catalogFR, k, v)
	}
}
