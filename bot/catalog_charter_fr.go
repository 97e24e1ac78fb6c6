package bot

// catalogCharterFR holds the sentences of a charter accepted for several
// pairs at once (charter.go), in French.
var catalogCharterFR = map[string]string{
	"charter.also_both":    "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » ; {name} l'avait déjà acceptée : je vous mets en relation dans un message à part.",
	"charter.also_waiting": "Elle vaut aussi pour votre binôme avec {name} sur « {topic} » : j'attends que {name} l'accepte aussi.",

	// A pair cancelled over its charter: its charter messages replaced
	// (retractCharter), and a click on a button left says why.
	"charter.cancelled_here":        "Ce binôme sur «\u202f{topic}\u202f» a été annulé avant de commencer\u202f: inutile de répondre à cette charte.",
	"err.charter_cancelled":         "Votre binôme avec {name} sur «\u202f{topic}\u202f» a été annulé avant que la charte soit acceptée des deux côtés\u202f: il n'y a plus rien à accepter ni à refuser.",
	"err.charter_cancelled_timeout": "La charte de votre binôme avec {name} sur «\u202f{topic}\u202f» n'a pas été acceptée à temps\u202f: le binôme a donc été annulé avant de commencer, et il n'y a plus rien à accepter ni à refuser.",
}

func init() {
	for k, v := range catalogCharterFR {
		addSentence(catalogFR, k, v)
	}
}
