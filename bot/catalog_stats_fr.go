package bot

// catalogStatsFR holds the sentences of the managers' figures that say
// exactly what they count (catalogStatsEN), in French.
var catalogStatsFR = map[string]string{
	"admin.stats.retention_now":            "Fidélité depuis le début, jusqu'à maintenant\nMentors revenus accompagner une nouvelle personne\u202f: {returned}.\nPersonnes mentorées devenues mentors\u202f: {became}.",
	"admin.stats.retention_week":           "Fidélité\nMentors revenus accompagner une nouvelle personne\u202f: {returned} dans la semaine.\nPersonnes mentorées devenues mentors\u202f: {became} dans la semaine.",
	"digest.intros_value_kickoff":          "{count}, médiane de {median} depuis la demande, ou depuis le lancement du programme pour une demande qui l'attendait",
	"digest.intros_some_requested_kickoff": "{count}, dont {requested} {requested|issue|issues} d'une demande (médiane de {median} depuis la demande, ou depuis le lancement du programme pour une demande qui l'attendait)",
}

func init() {
	for k, v := range catalogStatsFR {
		addSentence(catalogFR, k, v)
	}
}
