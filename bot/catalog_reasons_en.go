package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in English.
var catalogReasonsEN = map[string]string{
	"reason.waited":     "waiting for {days} {days|day|days}, so first in line",
	"reason.waited_one": "waiting for a day, so first in line",
	"reason.met_before": "you have met before: no other mentor had room",

	"admin.pair.never_confirm":    "{mentee} and {mentor} were paired or proposed before and it did not work out (a decline, or a pair ended early), so the matcher will not pair them again. To pair them anyway, run the same command with `confirm:yes`.",
	"admin.pair.no_offer_confirm": "{mentor} offers no mentoring, so the matcher would never propose them. To pair them with {mentee} anyway, run the same command with `confirm:yes`.",
	"admin.pair.full_confirm":     "{mentor} has no free slot: {used} of {capacity} taken by pairs and open proposals. To pair them with {mentee} anyway, beyond their capacity, run the same command with `confirm:yes`.",
	"waiting.language_theirs":     "The mentors for “{topic}” don't speak their language.",
	"opt.confirm":                 "yes: pair two members the matcher will not pair again",

	"offer.capacity_pending": "{used} of {capacity} in use ({pending} awaiting your answer)",
}

func init() {
	for k, v := range catalogReasonsEN {
		catalogEN[k] = v
	}
}
