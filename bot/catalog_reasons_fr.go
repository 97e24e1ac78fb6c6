package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in French.
var catalogReasonsFR = map[string]string{
	"waiting.paused":    "{count} {count|mentor propose|mentors proposent} «\u202f{topic}\u202f», mais {count|son offre est|leurs offres sont} en pause pour le moment.",
	"reason.waited":     "en attente depuis {days} {days|jour|jours}, donc en tête de file",
	"reason.waited_one": "en attente depuis un jour, donc en tête de file",
	"reason.met_before": "vous avez déjà formé un binôme ensemble : aucun autre mentor ne pouvait la prendre",

	"waiting.declined_next":   "Seul un nouveau mentor de ce sujet peut désormais la prendre\u202f; d'ici là, une personne responsable peut vous mettre en relation à la main, ou vous pouvez demander un sujet voisin après `/mentor annuler`.",
	"waiting.others":          "{count} {count|autre mentor|autres mentors} de «\u202f{topic}\u202f» ne {count|peut|peuvent} pas la prendre non plus.",
	"waiting.eligible":        "{count|Un mentor qui vous correspond a|Des mentors qui vous correspondent ont} une place libre\u202f: je {count|lui|leur} propose votre demande sous peu, au prochain passage sur la file d'attente.",
	"waiting.eligible_theirs": "{count|Un mentor qui lui correspond a|Des mentors qui lui correspondent ont} une place libre\u202f: le prochain passage sur la file d'attente propose la demande.",
	"waiting.language_theirs": "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» ne {count|parle|parlent} pas sa langue.",
	"waiting.timezone_theirs": "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» {count|a|ont} trop d'heures de décalage avec cette personne.",
	"opt.confirm":             "oui : réunir deux membres que la mise en relation automatique ne réunira plus",

	"offer.over_capacity":    "Vous avez plus de binômes et de propositions en attente que votre nouveau nombre de places ({capacity}) : tout est conservé, et aucune nouvelle demande ne vous arrive tant que vous n'êtes pas en dessous.",
	"offer.capacity_pending": "{used} {used|place occupée|places occupées} sur {capacity}, dont {pending} par {pending|une proposition|des propositions} en attente de votre réponse",

	// A mentor the proposal could not be sent to (they left, or their
	// direct messages are closed), who offers the topic all the same.
	"waiting.unreachable": "Je n'ai pas pu joindre {count|le mentor|les mentors} de «\u202f{topic}\u202f»\u202f: mon message privé avec votre demande ne {count|lui|leur} est pas parvenu.",
}

func init() {
	for k, v := range catalogReasonsFR {
		addSentence(catalogFR, k, v)
	}
}
