package bot

// catalogCharterRequeueFR holds what a mentee reads when their pair is
// cancelled over its charter and their request went on at once to
// another mentor (cancelCharter), in French.
var catalogCharterRequeueFR = map[string]string{
	"charter.declined_mentee_next":  "Vous avez décliné la charte\u202f: votre binôme avec {name} sur «\u202f{topic}\u202f» est annulé. J'ai sollicité un autre mentor qui correspond à votre demande, et je vous préviens dès que j'ai sa réponse\u202f; retirez-la avec `/mentor annuler` si vous n'en avez plus besoin.",
	"charter.withdrew_mentee_next":  "Vous avez annulé votre binôme avec {name} sur «\u202f{topic}\u202f» avant son début. J'ai sollicité un autre mentor qui correspond à votre demande, et je vous préviens dès que j'ai sa réponse\u202f; retirez-la avec `/mentor annuler` si vous n'en avez plus besoin.",
	"charter.cancelled_mentee_next": "{name} n'a pas accepté la charte\u202f: votre binôme sur «\u202f{topic}\u202f» est annulé. Pas d'inquiétude\u202f: j'ai sollicité un autre mentor qui correspond à votre demande, et je vous préviens dès que j'ai sa réponse.",
	"charter.withdrawn_mentee_next": "{name} a annulé votre binôme sur «\u202f{topic}\u202f» avant son début. Pas d'inquiétude\u202f: j'ai sollicité un autre mentor qui correspond à votre demande, et je vous préviens dès que j'ai sa réponse.",
	"charter.requeue_paused":        "Aucun mentor ne lui est proposé avant la fin de votre pause.",
}

func init() {
	for k, v := range catalogCharterRequeueFR {
		addSentence(catalogFR, k, v)
	}
}
