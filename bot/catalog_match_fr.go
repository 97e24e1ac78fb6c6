package bot

// catalogMatchFR holds the sentences of a manager's round (/mentor admin match)
// and of the fairness report, in French.
var catalogMatchFR = map[string]string{
	"cmd.admin.match.summary": "voir une vague optimale de propositions pour les personnes en attente, puis l'envoyer ou l'annuler",
	"cmd.admin.match.example": "/mentor admin match",
	"request.proposed_later":  "Bonne nouvelle : un mentor qui correspond à votre demande sur « {topic} » peut la prendre maintenant, et je l'ai sollicité. Je vous préviens dès que j'ai sa réponse.",
	"round.discarded":         "Cet aperçu a été annulé : rien n'a été envoyé. Tapez `/mentor admin match` pour en voir un nouveau.",
	"round.title":             "Une vague de propositions : aperçu",
	"round.empty":             "Personne n'attend de mentor : il n'y a pas de vague à faire.",
	"round.intro":             "Cette vague proposerait {pairs}, la meilleure répartition d'ensemble pour {waiting} en attente :",
	"round.intro_none":        "Cette vague ne proposerait aucun binôme. En attente ({waiting}) :",
	"round.pairs.one":         "{count} binôme",
	"round.pairs.other":       "{count} binômes",
	"round.requests.one":      "{count} demande",
	"round.requests.other":    "{count} demandes",
	"round.proposals.one":     "{count} proposition",
	"round.proposals.other":   "{count} propositions",
	"round.pair":              "{mentee} avec {mentor}, « {topic} », score {score} : {why}",
	"round.reason_language":   "{language} en commun",
	"round.left":              "Elle laisserait {requests} en attente :",
	"round.left_item":         "{mentee}, « {topic} », {waited} : {why}",
	"round.left_taken":        "Les mentors de « {topic} » sont pris par d'autres demandes dans cette vague (meilleure correspondance, attente plus longue ou égalité).",
	"round.confirm":           "Rien n'est envoyé avant que vous cliquiez sur « Envoyer ces propositions ». Si les demandes ou les offres changent d'ici là, vous verrez d'abord la nouvelle vague.",
	"round.btn_send":          "Envoyer ces propositions",
	"round.btn_cancel":        "Annuler",
	"round.changed":           "Les demandes ou les offres ont changé depuis l'aperçu : rien n'a été envoyé. Voici la vague telle qu'elle est maintenant.",
	"round.sending":           "Cette vague est en cours d'envoi, depuis un autre clic.",
	"round.already_sent":      "Cette vague a déjà été envoyée. `/mentor admin match` montre la suivante.",
	"round.sent":              "Envoi effectué ({proposals}) :",
	"round.sent_item":         "{mentee} avec {mentor}, « {topic} »",
	"round.not_sent":          "Envoi impossible ({proposals}) ; ces demandes attendent la prochaine recherche automatique :",
	"round.not_waiting":       "(plus en attente)",
	"round.not_proposed":      "(le mentor ne pouvait pas la prendre)",
	"round.cancelled":         "Aperçu abandonné : rien n'a été envoyé.",
	"fair.title":              "Qui la mise en relation laisse de côté",
	"fair.window":             "Demandes faites du {from} au {to} ({weeks}), avec un binôme formé sous {days} {days|jour|jours} :",
	"fair.weeks.one":          "{count} semaine",
	"fair.weeks.other":        "{count} semaines",
	"fair.none":               "Aucune demande sur ces semaines.",
	"fair.all":                "Toutes les demandes",
	"fair.by_lang":            "Par langue",
	"fair.by_region":          "Par fuseau horaire",
	"fair.by_kind":            "Par forme de mentorat",
	"fair.group":              "{group} {value}",
	"fair.value":              "{matched} sur {asked} ({percent} %)",
	"fair.unknown":            "non renseigné",
	"fair.region.americas":    "Amériques (UTC−12 à −3)",
	"fair.region.europe":      "Europe et Afrique (UTC−2 à +3)",
	"fair.region.asia":        "Asie et Océanie (UTC+4 à +14)",
	"fair.region.unknown":     "fuseau inconnu",
	"fair.repeats":            "Binômes déjà formés par le passé, évités",
	"fair.days.one":           "{count} jour",
	"fair.days.other":         "{count} jours",
	"fair.days_none":          "moins d'un jour",
}

func init() {
	for k, v := range catalogMatchFR {
		addSentence(catalogFR, k, v)
	}
}
