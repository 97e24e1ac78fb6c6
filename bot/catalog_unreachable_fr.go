package bot

// catalogUnreachableFR holds the sentences about mentors whom a proposal
// could not reach (pause_unreachable.go), in French.
var catalogUnreachableFR = map[string]string{
	"home.paused_unreachable":         "J'ai mis votre offre en pause\u202f: une demande que je vous ai envoyée en message privé ne vous est pas parvenue. Dès que je pourrai de nouveau vous écrire, reprenez avec `/mentor reprendre`, et les demandes en attente sur vos sujets vous seront de nouveau proposées.",
	"pause.resumed_unreachable":       "J'ai essayé de vous envoyer une demande qui vous attend, mais elle ne vous est pas parvenue en message privé non plus : votre offre est de nouveau en pause. Dès que je pourrai vous écrire, reprenez avec `/mentor reprendre`.",
	"pause.reason_unreachable":        "Mis en pause automatiquement, faute d'avoir pu recevoir un message privé\u202f: aucune proposition avant la reprise.",
	"digest.unreachable_paused.one":   "1 mentor est en pause, faute d'avoir pu recevoir une proposition en message privé\u202f: `/mentor statut` lui explique pourquoi, et `/mentor reprendre` le remet dans la file.",
	"digest.unreachable_paused.other": "{count} mentors sont en pause, faute d'avoir pu recevoir une proposition en message privé\u202f: `/mentor statut` leur explique pourquoi, et `/mentor reprendre` les remet dans la file.",
}

func init() {
	for k, v := range catalogUnreachableFR {
		addSentence(catalogFR, k, v)
	}
}
