package bot

// catalogReasonsEN holds the sentences of the matcher's priority reasons
// (waiting time, a repeat pairing), in English.
var catalogReasonsEN = map[string]string{
	"reason.waited":     "waiting for {days} days, so first in line",
	"reason.waited_one": "waiting for a day, so first in line",
	"reason.met_before": "you have met before: no other mentor had room",
}

func init() {
	for k, v := range catalogReasonsEN {
		catalogEN[k] = v
	}
}
