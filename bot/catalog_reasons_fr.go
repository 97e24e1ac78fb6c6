package bot

// catalogReasonsFR holds the sentences of the matcher's priority reasons
// (waiting time, a repeat pairing), in French.
var catalogReasonsFR = map[string]string{
	"reason.waited":     "en attente depuis {days} jours, donc en tête de file",
	"reason.waited_one": "en attente depuis un jour, donc en tête de file",
	"reason.met_before": "vous vous êtes déjà rencontrés\u202f: aucun autre mentor n'avait de place",
}

func init() {
	for k, v := range catalogReasonsFR {
		catalogFR[k] = v
	}
}
