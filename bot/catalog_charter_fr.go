package bot

// catalogCharterFR holds the sentences of a charter accepted for several
// pairs at once (charter.go), in French.
var catalogCharterFR = map[string]string{
	"charter.also_both":    "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » ; {name} l'avait déjà acceptée : votre mise en relation arrive.",
	"charter.also_waiting": "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » : j'attends que {name} l'accepte aussi.",
}

func init() {
	for k, v := range catalogCharterFR {
		addSentence(catalogFR, k, v)
	}
}
