package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in English.
var catalogReasonsEN = map[string]string{
	"reason.waited":     "waiting for {days} days, so first in line",
	"reason.waited_one": "waiting for a day, so first in line",
	"reason.met_before": "you have met before: no other mentor had room",

	"admin.pair.never_confirm": "{mentee} and {mentor} were paired or proposed before and it did not work out (a decline, or a pair ended early), so the matcher will not pair them again. To pair them anyway, run the same command with `confirm:yes`.",
	"opt.confirm":              "yes: pair two members the matcher will not pair again",

	"offer.capacity_pending": "{used} of {capacity} in use ({pending} awaiting your answer)",
}

func init() {
	for k, v := range catalogReasonsEN {
		catalogEN[k] = v
	}
}
