package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in French.
var catalogReasonsFR = map[string]string{
	"reason.waited":     "en attente depuis {days} {days|jour|jours}, donc en tête de file",
	"reason.waited_one": "en attente depuis un jour, donc en tête de file",
	"reason.met_before": "vous avez déjà formé un binôme : aucun autre mentor n'avait de place",

	"admin.pair.never_confirm":    "{mentee} et {mentor} ont déjà été réunis sans succès (un refus, ou un binôme arrêté tôt) : la mise en relation automatique ne les réunira plus. Pour les réunir quand même, relancez la même commande avec `confirm:yes`.",
	"admin.pair.no_offer_confirm": "{mentor} ne propose pas de mentorat : la mise en relation automatique ne lui proposerait personne. Pour former quand même ce binôme avec {mentee}, relancez la même commande avec `confirm:yes`.",
	"admin.pair.full_confirm":     "{mentor} n'a plus de place libre : {used} sur {capacity}, entre binômes et propositions en attente. Pour former quand même ce binôme avec {mentee}, au-delà du nombre de places, relancez la même commande avec `confirm:yes`.",
	"waiting.language_theirs":     "Les mentors de «\u202f{topic}\u202f» ne parlent pas sa langue.",
	"opt.confirm":                 "yes : réunir deux membres que la mise en relation automatique ne réunira plus",

	"offer.capacity_pending": "{used} {used|place occupée|places occupées} sur {capacity}, dont {pending} par {pending|une proposition|des propositions} en attente de votre réponse",
}

func init() {
	for k, v := range catalogReasonsFR {
		catalogFR[k] = v
	}
}
