package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in French.
var catalogReasonsFR = map[string]string{
	"reason.waited":     "en attente depuis {days} jours, donc en tête de file",
	"reason.waited_one": "en attente depuis un jour, donc en tête de file",
	"reason.met_before": "vous vous êtes déjà rencontrés\u202f: aucun autre mentor n'avait de place",

	"admin.pair.never_confirm":    "{mentee} et {mentor} ont déjà été mis en relation sans succès (un refus, ou un binôme arrêté tôt)\u202f: le matching ne les associera plus. Pour les associer quand même, relancez la même commande avec `confirm:yes`.",
	"admin.pair.no_offer_confirm": "{mentor} ne propose pas de mentorat\u202f: le matching ne lui proposerait personne. Pour l'associer quand même à {mentee}, relancez la même commande avec `confirm:yes`.",
	"admin.pair.full_confirm":     "{mentor} n'a plus de place libre\u202f: {used} sur {capacity}, entre binômes et propositions en attente. Pour l'associer quand même à {mentee}, au-delà de sa capacité, relancez la même commande avec `confirm:yes`.",
	"waiting.language_theirs":     "Les mentors de «\u202f{topic}\u202f» ne parlent pas sa langue.",
	"opt.confirm":                 "yes\u202f: associer deux membres que le matching n'associera plus",

	"offer.capacity_pending": "{used}/{capacity} (dont {pending} en attente de votre réponse)",
}

func init() {
	for k, v := range catalogReasonsFR {
		catalogFR[k] = v
	}
}
