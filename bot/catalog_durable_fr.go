package bot

// catalogDurableFR holds the sentences of an overloaded bot, in French.
var catalogDurableFR = map[string]string{
	"err.busy": "Je traite beaucoup de demandes en ce moment : rien n'a été modifié. Réessayez dans un instant.",
}

func init() {
	for k, v := range catalogDurableFR {
		catalogFR[k] = v
	}
}
