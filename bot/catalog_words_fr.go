package bot

// catalogWordsFR holds the French words that a sentence of another file
// needs to agree with its subject: « Demandés dans la semaine : aucun »
// (des sujets), but « Note moyenne : aucune ».
var catalogWordsFR = map[string]string{
	"digest.topics_none":  "aucun",
	"digest.answers_none": "aucune réponse",
	// « annulé » agrees with « Mentor de… » and « Accompagnement par… ».
	"state.pair.cancelled_charter": "annulé avant de commencer",
	// « en attente », as « en attente d'un mentor » (requestState).
	"state.request.held": "en attente du lancement de «\u202f{name}\u202f», le {start}",
}

func init() {
	for k, v := range catalogWordsFR {
		addSentence(catalogFR, k, v)
	}
}
