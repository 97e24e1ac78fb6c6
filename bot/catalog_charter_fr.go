package bot

// catalogCharterFR holds the sentences of a charter accepted for several
// pairs at once (charter.go), in French.
var catalogCharterFR = map[string]string{
	"charter.also_both":    "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » ; {name} l'avait déjà acceptée : je vous mets en relation dans un message à part.",
	"charter.also_waiting": "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » : j'attends que {name} l'accepte aussi.",
}

func init() {
	for k, v := range catalogCharterFR {
		addSentence(catalogFR, k, v)
	}
}
