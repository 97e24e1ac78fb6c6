package bot

// catalogFollowupFR holds the sentences of ending a pair (/mentor end) and
// of a comment sent before its survey is finished, and of check-ins,
// their reminders and late answers, in French.
var catalogFollowupFR = map[string]string{
	"charter.step_due":              "Dernière étape\u202f: la charte du programme.",
	"charter.step_other":            "Vous avez déjà accepté la charte du programme\u202f: je vous mettrai en relation dès que {name} l'aura acceptée aussi.",
	"charter.step_none":             "La charte du programme est déjà acceptée des deux côtés\u202f: votre mise en relation suit.",
	"btn.charter_withdraw":          "Annuler ce binôme",
	"err.charter_accepted":          "Vous avez déjà accepté la charte pour ce binôme\u202f: rien n'a été modifié. Si vous préférez ne pas y donner suite, tapez `/mentor terminer`.",
	"charter.withdrew_mentor":       "Vous avez annulé votre binôme avec {name} sur « {topic} » avant son début. Merci de votre franchise.",
	"charter.withdrew_mentee":       "Vous avez annulé votre binôme avec {name} sur « {topic} » avant son début. Votre demande retourne dans la file ; retirez-la avec `/mentor annuler` si vous n'en avez plus besoin.",
	"charter.withdrawn_mentor":      "{name} a annulé votre binôme sur « {topic} » avant son début. Merci d'avoir offert votre temps.",
	"charter.withdrawn_mentee":      "{name} a annulé votre binôme sur « {topic} » avant son début. Pas d'inquiétude : votre demande retourne dans la file, pour le prochain mentor qui correspondra.",
	"charter.declined_mentee_left":  "Vous avez décliné la charte : votre binôme avec {name} sur « {topic} » est annulé. Votre demande sur « {request} » attend toujours un mentor.",
	"charter.cancelled_mentee_left": "{name} n'a pas accepté la charte : votre binôme sur « {topic} » est annulé. Votre demande sur « {request} » attend toujours un mentor.",
	"charter.withdrew_mentee_left":  "Vous avez annulé votre binôme avec {name} sur « {topic} » avant son début. Votre demande sur « {request} » attend toujours un mentor.",
	"charter.withdrawn_mentee_left": "{name} a annulé votre binôme sur « {topic} » avant son début. Votre demande sur « {request} » attend toujours un mentor.",
	"charter.expired_mentee_left":   "La charte de votre binôme avec {name} sur « {topic} » n'a pas été acceptée à temps : le binôme est annulé. Votre demande sur « {request} » attend toujours un mentor.",
	"end.not_started":               "Votre binôme avec {name} sur «\u202f{topic}\u202f» n'a pas encore commencé\u202f: il attend la charte. Si vous préférez ne pas y donner suite, cliquez ci-dessous.",
	"escalate.why":                  "Pourquoi elle attend\u202f: {why}",
	"cmd.end.summary":               "mettre fin vous-même à l'un de vos binômes, en douceur (après confirmation)",
	"cmd.end.example":               "/mentor terminer Dan",
	"opt.pair":                      "le nom de l'autre membre, ou le sujet, si vous avez plusieurs binômes",
	"end.none":                      "Vous n'avez aucun binôme en cours auquel mettre fin. `/mentor statut` affiche vos binômes.",
	"end.no_match":                  "Aucun de vos binômes en cours n'est avec « {query} » ni sur « {query} ». Vos binômes en cours : {pairs}.",
	"end.choose":                    "Vous avez {pairs} en cours. Auquel voulez-vous mettre fin ?",
	"end.pairs.one":                 "{count} binôme",
	"end.pairs.other":               "{count} binômes",
	"end.more":                      "Un autre ? Tapez `/mentor terminer` suivi du nom ou du sujet : {pairs}.",
	"end.pair_item":                 "{name} (« {topic} »)",
	"btn.end_pair":                  "Mettre fin au binôme avec {name} (« {topic} »)",
	"end.confirm_title":             "Mettre fin à ce binôme ?",
	"end.confirm":                   "Voulez-vous vraiment mettre fin à votre binôme avec {name} sur « {topic} » ? Je le dirai avec tact à {name}, puis je proposerai à chacun de vous deux un nouveau binôme, si vous le souhaitez.",
	"btn.end_confirm":               "Oui, mettre fin au binôme",
	"btn.end_keep":                  "Non, continuer",
	"survey.low_offer":              "Merci pour votre réponse sincère. Dommage que cela ne se passe pas mieux. {name} ne verra pas votre note. Souhaitez-vous mettre fin à votre binôme avec {name} sur «\u202f{topic}\u202f»\u202f? Si oui, je le dirai avec tact à {name}, sans rien dire de ce questionnaire, puis je proposerai à chacun de vous deux un nouveau binôme, si vous le souhaitez. Sinon, le questionnaire continue.",
	"end.kept":                      "Très bien : votre binôme sur « {topic} » continue. Rien n'a été modifié.",
	"btn.withdraw":                  "Retirer ma demande",
	"withdraw.confirm_title":        "Retirer votre demande ?",
	"withdraw.confirm":              "Retirer votre demande sur « {topic} » ? Plus aucun mentor ne sera sollicité pour elle. Vous pourrez en faire une nouvelle à tout moment.",
	"btn.withdraw_confirm":          "Oui, la retirer",
	"btn.withdraw_keep":             "Non, la garder",
	"withdraw.kept":                 "Très bien : votre demande sur « {topic} » reste ouverte. Rien n'a été modifié.",
	"withdraw.gone":                 "Cette demande n'est plus en cours : rien n'a été modifié.",
	"survey.left":                   "Merci de terminer d'abord votre questionnaire sur « {topic} », avec ses boutons, puis de renvoyer votre commentaire. Il reste à répondre à : {questions}",
	"survey.left_item":              "« {question} »",
	"survey.left_and":               " et ",
	"ended.title_with":              "Votre binôme avec {name} sur « {topic} » est terminé",
	"checkin.yes_late":              "Merci : j'ai noté que la rencontre a eu lieu, même si ce binôme est terminé.",
	"err.checkin_answered":          "Vous avez déjà répondu à ce point d'étape\u202f: rien n'a été modifié. Merci\u202f!",
	"checkin.text_reminder":         "Petite relance\u202f: avez-vous pu échanger avec {name}\u202f?",
	"checkin.yes_late_survey":       "Merci, j'ai noté que la rencontre a eu lieu. Votre séance est terminée\u202f: le court questionnaire se trouve juste en dessous.",
	"checkin.yes_late_surveyed":     "Merci, j'ai noté que la rencontre a eu lieu. Votre séance est terminée, et vous avez déjà répondu à son questionnaire.",
	"checkin.yes_late_session":      "Merci, j'ai noté que la rencontre a eu lieu. Votre séance est terminée.",
	"survey.become_next":            "Pour devenir mentor, quand vous voudrez\u202f: `/mentor propose <sujets>`.",
}

func init() {
	for k, v := range catalogFollowupFR {
		addSentence(catalogFR, k, v)
	}
}
