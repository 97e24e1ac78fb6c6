package bot

// catalogPauseFR holds the sentences of pauses until a date and of
// members paused for not answering (pause*.go), in French.
var catalogPauseFR = map[string]string{
	"opt.until":     "la date de fin de votre pause, dans votre fuseau horaire : `jusqu'au:2027-01-10`",
	"opt.for":       "la durée de la pause en jours, semaines ou mois, par ex. `10j`, `3s` ou `2mois`",
	"optname.until": "la date de fin",
	"optname.for":   "la durée de la pause",

	"pause.done_until_offer":   "Votre offre est en pause jusqu'au {date}.",
	"pause.done_until_request": "Votre demande sur «\u202f{topic}\u202f» est en pause jusqu'au {date}.",
	"pause.done_until_both":    "Votre offre et votre demande sur «\u202f{topic}\u202f» sont en pause jusqu'au {date}.",
	"pause.done_until_end":     "Je vous préviendrai à la reprise ; pour revenir plus tôt, tapez `/mentor reprendre`.",
	"pause.pairs_go_on":        "Vos binômes en cours continuent.",
	"pause.already":            "Votre offre est déjà en pause : je ne vous envoie plus de nouvelles demandes jusqu'à ce que vous tapiez `/mentor reprendre`.",
	"pause.already_until":      "Vous êtes déjà en pause jusqu'au {date}. Pour revenir plus tôt, tapez `/mentor reprendre`.",
	"pause.request_goes_on":    "Votre demande en cours cherche toujours un mentor. Pour la mettre en pause aussi, donnez une date : `/mentor pause jusqu'au:2027-01-10` ou `/mentor pause pendant:3s`.",
	"pause.what_offer":         "votre offre",
	"pause.what_request":       "votre demande sur « {topic} »",
	"pause.what_both":          "votre offre et votre demande sur « {topic} »",
	"pause.resumed_request":    "Votre demande sur « {topic} » cherche de nouveau un mentor.",
	"pause.not_paused":         "Vous n'êtes pas en pause\u202f: votre offre reçoit déjà des demandes.",
	"pause.resumed_nothing":    "Bon retour ! Rien n'était en pause.",
	"pause.nothing_to_resume":  "Rien n'est en pause : il n'y a rien à reprendre. Pour proposer votre aide : `/mentor propose <sujets>`.",
	"pause.resumed_already":    "Votre pause est déjà terminée : rien de plus à reprendre.",
	"pause.ended":              "Votre pause est terminée. Reprise : {what}. Pour une nouvelle pause, tapez `/mentor pause`.",
	"pause.auto":               "Vous semblez avoir beaucoup à faire : j'ai mis en pause {what}. Reprenez quand vous voulez, avec le bouton ci-dessous ou `/mentor reprendre`.",
	"btn.pause_resume":         "Reprendre",

	"pause.request_waits":       "Votre demande sur « {topic} » est enregistrée. Vous êtes en pause : je ne la proposerai pas avant que vous tapiez `/mentor reprendre`.",
	"pause.request_waits_until": "Votre demande sur « {topic} » est enregistrée. Vous êtes en pause jusqu'au {date} : je ne la proposerai pas avant ; pour chercher un mentor dès maintenant, tapez `/mentor reprendre`.",
	"pause.reason":              "En pause à sa demande : aucune proposition avant la reprise.",
	"pause.reason_until":        "En pause à sa demande jusqu'au {date} : aucune proposition d'ici là.",
	"pause.reason_auto":         "Mis en pause automatiquement après des messages restés sans réponse : aucune proposition avant la reprise.",

	"err.pause_nothing":   "Vous n'avez ni offre ni demande en cours à mettre en pause. Pour proposer du mentorat, tapez `/mentor propose`.",
	"err.pause_need_date": "Vous ne proposez pas de mentorat. Pour mettre en pause votre demande sur « {topic} », donnez une date : `/mentor pause jusqu'au:2027-01-10` ou `/mentor pause pendant:3s`.",
	"err.pause_both":      "Donnez `jusqu'au:` ou `pendant:`, pas les deux.",
	"err.pause_bad_until": "Je ne comprends pas la date « {value} » : écrivez-la comme `jusqu'au:10/01/2027` ou `jusqu'au:10 janvier`.",
	"err.pause_bad_for":   "Je ne comprends pas la durée « {value} » : écrivez-la comme `pendant:10j` (jours), `pendant:3s` (semaines) ou `pendant:2mois` (mois).",
	"err.pause_zero":      "Une pause dure au moins un jour : écrivez `pendant:1j` ou plus, ou donnez sa date de fin, comme `jusqu'au:2027-01-10`.",
	"err.pause_past":      "Le {date} n'est pas après aujourd'hui : donnez une date plus lointaine.",
	"err.pause_too_far":   "Le {date} est dans plus d'un an : une pause dure un an au plus.",

	"digest.auto_paused": "Mis en pause pour des messages restés sans réponse\u202f: {week} dans la semaine présentée, {current} depuis lundi\u202f; {count} encore en pause aujourd'hui (`/mentor admin réglages sans-réponse:`).",

	"opt.unanswered":                 "mise en pause après autant de propositions ou de points d'étape de suite sans réponse (0 : jamais)",
	"optname.unanswered":             "le nombre de messages sans réponse",
	"admin.settings.hint.unanswered": "Donnez un nombre de 0 à 20 (0 : ne mettre personne en pause).",
	"admin.settings.unanswered_off":  "jamais",
}

func init() {
	for k, v := range catalogPauseFR {
		addSentence(catalogFR, k, v)
	}
}
