package bot

// catalogSettingsFR holds the sentences of the settings each workspace
// may set for itself instead of the deployment's defaults
// (settings_workspace.go), in French.
var catalogSettingsFR = map[string]string{
	"offer.kinds_none_open":       "Cet espace de travail ne propose pas {closed} pour le moment, seulement {open}\u202f: aucune demande ne vous parviendra tant que votre offre ne comprendra pas l'une des formes qu'il propose (`types:`) ou qu'un responsable n'aura pas ouvert la vôtre.",
	"offer.kinds_some_closed":     "Cet espace de travail ne propose pas {closed} pour le moment\u202f: les demandes qui vous arriveront porteront sur {open}.",
	"opt.setting_digest-schedule": "quand le bilan hebdomadaire est publié, lu dans le fuseau horaire du programme : un jour et une heure entre guillemets, comme `\"le lundi à 9 h 30\"`, ou une expression cron, comme `\"0 9 * * 1\"` (le lundi à 9 h)",
	"opt.setting_charter-url":     "la page où lire la charte, en lien dans les invitations aux rencontres : une adresse `https://`",
	"opt.setting_meet-url":        "le service de visio des nouvelles salles : une adresse `https://`, sous laquelle chaque salle a son nom",
	"opt.setting_intro-channel":   "sur Discord, le canal où chaque nouveau binôme est présenté dans un fil privé, ou non (ou off) pour un message privé à chacun",

	"optname.digest-schedule": "l'horaire du bilan hebdomadaire",
	"optname.charter-url":     "l'adresse de la charte",
	"optname.meet-url":        "l'adresse de la visio",
	"optname.intro-channel":   "le canal des présentations",

	"admin.settings.hint.digest-schedule": "Donnez un jour et une heure entre guillemets, lus dans le fuseau horaire du programme, comme `horaire-bilan:\"lundi 9h\"`, ou une expression cron de cinq champs (minute, heure, jour, mois, jour de la semaine), comme `horaire-bilan:\"0 9 * * 1\"`.",
	"admin.settings.weekly":               "le {day} à {time}",
	"admin.settings.hint.charter-url":     "Donnez une adresse qui commence par `https://`.",
	"admin.settings.hint.meet-url":        "Donnez une adresse qui commence par `https://`, comme `https://meet.jit.si/`.",
	"admin.settings.hint.intro-channel":   "Nommez un canal avec #, comme `canal-présentations:#presentations`, ou écrivez non (ou off) pour un message privé à chacun.",
	"err.admin.setting_not_channel":       "«\u202f{value}\u202f» n'est pas un canal pour `{setting}:`. {hint}",
	"admin.settings.reset":                "Pour revenir à la valeur par défaut : `nom:défaut`.",
	"admin.settings.intro_platform":       "le canal choisi pour ce serveur par l'hébergeur du bot s'il y en a un, sinon un message privé à chacun",
	"admin.settings.intro_dm":             "un message privé à chacun",

	"err.admin.intro_channel_unsupported": "Ici, les binômes sont présentés dans un message de groupe : `canal-présentations:` ne s'applique que sur Discord.",
}

func init() {
	for k, v := range catalogSettingsFR {
		addSentence(catalogFR, k, v)
	}
}
