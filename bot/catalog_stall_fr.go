package bot

// catalogStallFR holds the sentences of a pair that stalls (a check-in
// nobody answers, two "not yet"), of a pair that ends without ever
// meeting, and of a mentor's "no" to mentoring again, in French.
var catalogStallFR = map[string]string{
	"digest.stalled_silent_item":    "{mentor} et {mentee}, «\u202f{topic}\u202f»\u202f: aucune réponse depuis le {date}",
	"stall.title":                   "Votre binôme avec {name} sur «\u202f{topic}\u202f»",
	"stall.mentee_silent":           "Ni vous ni {name} n'avez répondu à mes points d'étape depuis le {date}\u202f: je suppose que vous n'avez pas encore pu échanger. Souhaitez-vous un autre mentor\u202f? Mettez fin à ce binôme ci-dessous et je vous chercherai une nouvelle mise en relation sur «\u202f{topic}\u202f». Si vous êtes en contact malgré tout, répondez simplement au point d'étape.",
	"stall.mentee_notyet":           "Vous n'avez pas encore pu échanger avec {name} sur «\u202f{topic}\u202f». Souhaitez-vous un autre mentor\u202f? Mettez fin à ce binôme ci-dessous et je vous chercherai une nouvelle mise en relation. Si vous préférez vous laisser plus de temps, répondez simplement au prochain point d'étape.",
	"ended.never_met_mentor":        "Votre mentorat sur «\u202f{topic}\u202f» arrive à son terme, et aucun de vous deux ne m'a dit avoir échangé\u202f: j'ai donc clos le binôme comme n'ayant pas eu lieu, et non comme mené à bien. Souhaitez-vous accompagner une autre personne\u202f?",
	"ended.never_met_mentee":        "Votre mentorat sur «\u202f{topic}\u202f» arrive à son terme, et aucun de vous deux ne m'a dit avoir échangé\u202f: j'ai donc clos le binôme comme n'ayant pas eu lieu, et non comme mené à bien. Souhaitez-vous un nouveau binôme sur «\u202f{topic}\u202f»\u202f?",
	"proposal.expired_mentor_named": "La demande de {name} sur «\u202f{topic}\u202f» a attendu trop longtemps une réponse\u202f: elle est retournée dans la file pour un autre mentor. Aucun souci\u202f!",
	"survey.again_no_paused":        "C'est noté\u202f: votre offre est en pause, aucune nouvelle demande ne vous sera donc proposée. Si vous changez d'avis, `/mentor reprendre` la rouvre.",
}

func init() {
	for k, v := range catalogStallFR {
		addSentence(catalogFR, k, v)
	}
}
