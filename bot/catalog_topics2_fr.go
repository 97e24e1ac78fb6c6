package bot

// catalogTopics2FR holds the French sentences of an alias added again
// and of a request's own languages told to a manager who pairs.
var catalogTopics2FR = map[string]string{
	"admin.topics.already":             "«\u202f{alias}\u202f» veut déjà dire «\u202f{topic}\u202f»\u202f: il n'y a rien à ajouter.",
	"admin.topics.already_as":          "«\u202f{alias}\u202f» se lit comme l'alias «\u202f{first}\u202f», qui veut déjà dire «\u202f{topic}\u202f»\u202f: il n'y a rien à ajouter.",
	"admin.pair.warn_language_request": "La demande de {mentee} cherche un mentor qui parle {mentee_languages}, et {mentor} parle {mentor_languages}. Tous deux parlent {shared}\u202f: associez-les si {mentee} accepte un mentorat en {shared}",
	"langs.ask_full":                   "Si un mentor parlant {languages} vous convient aussi, cliquez sur le bouton\u202f: votre demande sera proposée dès qu'une place se libérera.",
}

func init() {
	for k, v := range catalogTopics2FR {
		addSentence(catalogFR, k, v)
	}
}
