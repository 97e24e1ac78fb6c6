package bot

// catalogGoalsFR holds the sentences of a pair's goals (goals.go), in
// French.
var catalogGoalsFR = map[string]string{
	"cmd.goals.summary":   "fixer ou changer vos objectifs pour votre binôme (jusqu'à trois)\u202f; sans eux, ouvre le formulaire",
	"cmd.goals.example":   "/mentor objectifs premier:déployer un service Go deuxième:relire du code en anglais",
	"optname.goal_first":  "votre premier objectif",
	"optname.goal_second": "votre deuxième objectif",
	"optname.goal_third":  "votre troisième objectif",
	"opt.goal_n":          "un de vos objectifs pour le binôme, en une phrase (seul celui-ci change\u202f; tapez «\u202faucun\u202f» pour le retirer)",
	"label.goal_n":        "Objectif {n}",
	"form.goals.title":    "Nos objectifs",

	"btn.goals_set":      "Fixer nos objectifs",
	"btn.goals_pair":     "Objectifs avec {name} («\u202f{topic}\u202f»)",
	"btn.goals_keep":     "Garder nos objectifs",
	"btn.goals_change":   "Changer nos objectifs",
	"btn.goals_readjust": "Réajuster le binôme",
	"btn.goals_rematch":  "Mettre fin au binôme pour une nouvelle mise en relation",

	"goals.progress.not-started": "pas commencé",
	"goals.progress.in-progress": "en cours",
	"goals.progress.done":        "atteint",
	"goals.item":                 "{n}. {goal} ({name})\u202f: {progress}",
	"goals.role.mentor":          "mentor",
	"goals.role.mentee":          "personne mentorée",

	"goals.form_intro":    "Vos objectifs pour votre binôme avec {name} sur «\u202f{topic}\u202f»\u202f: jusqu'à {max}, un par champ. Chaque membre du binôme fixe les siens\u202f; je demande où ils en sont à chaque point d'étape.",
	"goals.how":           "Tapez `/mentor objectifs premier:… deuxième:… troisième:…` (vos propres objectifs, dans leur ordre)\u202f: chaque option ne change que cet objectif, les autres restent. Pour en retirer un\u202f: `deuxième:aucun`.",
	"goals.saved":         "Vos objectifs pour votre binôme avec {name} sur «\u202f{topic}\u202f» sont enregistrés. Les objectifs du binôme\u202f:",
	"goals.cleared":       "Vos objectifs pour votre binôme avec {name} sur «\u202f{topic}\u202f» sont retirés.",
	"goals.other_title":   "Objectifs\u202f: {topic}",
	"goals.other_set":     "{name} a fixé ses objectifs pour votre binôme. Les objectifs du binôme désormais\u202f:",
	"goals.other_changed": "{name} a modifié ses objectifs pour votre binôme. Les objectifs du binôme désormais\u202f:",
	"goals.other_cleared": "{name} a retiré ses objectifs pour votre binôme sur «\u202f{topic}\u202f».",
	"goals.too_long":      "L'objectif {n} est trop long\u202f: {max} caractères au maximum. Une phrase suffit.",
	"goals.none":          "Vous n'avez aucun binôme en cours pour lequel fixer des objectifs. `/mentor statut` affiche vos binômes.",
	"goals.not_started":   "Votre binôme avec {name} sur «\u202f{topic}\u202f» n'a pas encore commencé\u202f: vous pourrez fixer vos objectifs une fois la charte acceptée par vous deux.",
	"goals.no_match":      "Aucun de vos binômes en cours n'est avec «\u202f{query}\u202f» ni sur «\u202f{query}\u202f». Vos binômes en cours\u202f: {pairs}.",
	"goals.choose":        "Vous avez plusieurs binômes en cours. Pour lequel sont ces objectifs\u202f?",
	"goals.more":          "Ou nommez le binôme avec `binôme:`\u202f: {pairs}.",

	"goals.checkin":           "Et vos objectifs\u202f: où en est chacun\u202f? Choisissez dans le menu, une fois par objectif qui a avancé.",
	"goals.select":            "Où en est chaque objectif\u202f?",
	"goals.choice":            "{n}. {goal}\u202f: {progress}",
	"goals.progress_saved":    "C'est noté\u202f: «\u202f{goal}\u202f» est marqué «\u202f{progress}\u202f».",
	"goals.progress_done":     "Bravo\u202f: «\u202f{goal}\u202f» est atteint\u202f!",
	"goals.progress_same":     "«\u202f{goal}\u202f» est déjà marqué «\u202f{progress}\u202f»\u202f: rien n'a changé.",
	"goals.moved":             "{name} a marqué «\u202f{goal}\u202f» comme «\u202f{progress}\u202f» depuis ce message\u202f: l'objectif reste «\u202f{progress}\u202f». Choisissez de nouveau dans le menu si cela a changé.",
	"goals.moved_you":         "Vous avez marqué «\u202f{goal}\u202f» comme «\u202f{progress}\u202f» depuis ce message\u202f: l'objectif reste «\u202f{progress}\u202f». Choisissez de nouveau dans le menu si cela a changé.",
	"goals.moved_unknown":     "«\u202f{goal}\u202f» a été marqué «\u202f{progress}\u202f» depuis ce message\u202f: l'objectif reste «\u202f{progress}\u202f». Choisissez de nouveau dans le menu si cela a changé.",
	"goals.now":               "Les objectifs du binôme désormais\u202f:",
	"goals.changed":           "Cet objectif a changé depuis l'envoi de ce message. Les objectifs du binôme désormais\u202f:\n{goals}",
	"goals.mid_title":         "Mi-parcours avec {name}\u202f: vos objectifs pour «\u202f{topic}\u202f»",
	"goals.mid_text":          "Vous êtes à mi-parcours avec {name}. Voici les objectifs de votre binôme\u202f: les gardez-vous, les changez-vous, ou souhaitez-vous réajuster le binôme\u202f?",
	"goals.mid_none":          "Vous êtes à mi-parcours avec {name}, et votre binôme n'a pas encore d'objectifs. Souhaitez-vous en fixer, ou réajuster le binôme\u202f?",
	"goals.mid_answered":      "Vous avez déjà répondu à cette question.",
	"goals.kept":              "Très bien\u202f: vos objectifs pour «\u202f{topic}\u202f» restent les mêmes.",
	"goals.readjusted":        "Merci de me l'avoir signalé. J'ai prévenu les responsables du programme, qui pourront vous contacter pour réajuster votre binôme avec {name} sur «\u202f{topic}\u202f». Si vous préférez y mettre fin maintenant et demander une nouvelle mise en relation, cliquez ci-dessous.",
	"goals.readjusted_noted":  "Merci de me l'avoir signalé. Je l'ai noté pour les responsables du programme, qui pourront vous contacter pour réajuster votre binôme avec {name} sur « {topic} ». Si vous préférez y mettre fin maintenant et demander une nouvelle mise en relation, cliquez ci-dessous.",
	"goals.readjust_title":    "Un binôme demande à être réajusté",
	"goals.readjust_managers": "Au bilan de mi-parcours, {name} ({role}) a demandé à réajuster son binôme\u202f: {mentor}, mentor de {mentee} sur «\u202f{topic}\u202f».",

	// A goal removed or replaced by /mentor goals (runGoals), and a
	// member's own answer corrected in a check-in's menu.
	"goals.no_goal":                 "Vous avez fixé {count} {count|objectif|objectifs} vous-même, donc pas d'objectif {n} à retirer\u202f: rien n'a été modifié.",
	"goals.twice":                   "«\u202f{goal}\u202f» est déjà votre objectif {n}\u202f: rien n'a été modifié.",
	"goals.dropped":                 "{count|Ne fait plus partie de vos objectifs|Ne font plus partie de vos objectifs}\u202f: {goals}. {count|Pour le remettre|Pour les remettre}\u202f: `/mentor objectifs {typed}`.",
	"goals.dropped_item":            "«\u202f{goal}\u202f»",
	"goals.dropped_item_progress":   "«\u202f{goal}\u202f» ({progress})",
	"goals.dropped_progress":        "Un objectif remis repart de «\u202fpas commencé\u202f».",
	"goals.progress_corrected":      "C'est corrigé\u202f: «\u202f{goal}\u202f» est maintenant marqué «\u202f{progress}\u202f» (vous l'aviez marqué «\u202f{before}\u202f»).",
	"goals.progress_corrected_done": "C'est corrigé, et bravo\u202f: «\u202f{goal}\u202f» est atteint (vous l'aviez marqué «\u202f{before}\u202f»).",

	"digest.goals":           "Objectifs, par programme",
	"digest.goals_readjust":  "• Réajustements demandés au bilan de mi-parcours, la semaine dernière\u202f: {count}",
	"digest.goals_default":   "Hors programme",
	"digest.goals_program":   "• {name}\u202f: {set} {set|objectif fixé|objectifs fixés} dans {pairs} {pairs|binôme|binômes}, {done} {done|atteint|atteints}",
	"report.goals":           "Binômes ayant atteint au moins un objectif",
	"form.goals.placeholder": "un de vos objectifs pour le binôme, en une phrase\u202f; videz ce champ pour le retirer",
}

func init() {
	for k, v := range catalogGoalsFR {
		addSentence(catalogFR, k, v)
	}
}
