package bot

// catalogManagersFR holds the managers' sentences added with issue 12, in
// French (see catalogManagersEN).
var catalogManagersFR = map[string]string{
	"admin.pair.warn_topic":             "{mentor} ne propose pas «\u202f{topic}\u202f» (ses sujets\u202f: {topics})",
	"opt.pair_topic":                    "le sujet du binôme\u202f: la demande en cours de la personne mentorée, ou une nouvelle",
	"admin.charter.builtin":             "(texte d'origine)",
	"admin.charter.kept":                "Le texte en {language} reste inchangé.",
	"admin.help.not_manager":            "Les commandes `/mentor admin` sont réservées aux responsables du programme\u202f: ils le suivent, forment des binômes eux-mêmes et en changent les réglages. Si vous souhaitez les aider, dites-le à l'un d'eux. Vos propres commandes sont dans `/mentor aide`.",
	"err.admin.unknown_setting":         "Je ne connais pas le réglage `{setting}:`. Les réglages sont\u202f: {settings}.",
	"err.admin.unknown_setting_suggest": "Je ne connais pas le réglage `{setting}:`. Vouliez-vous dire `{suggestion}:`\u202f? Les réglages sont\u202f: {settings}.",
	"err.admin.managers_who_add":        "Qui dois-je nommer responsable du programme\u202f? Mentionnez le membre\u202f: `/mentor admin responsables ajouter @ada`.",
	"err.admin.managers_who_remove":     "Qui dois-je retirer des responsables du programme\u202f? Mentionnez le membre\u202f: `/mentor admin responsables retirer @ada`.",
	"admin.stats.title":                 "Les chiffres du mentorat au {date}",
	"admin.stats.current":               "Cette semaine jusqu'ici (depuis le lundi {date}, {week})",
	"admin.stats.last":                  "*La dernière semaine complète\u202f: semaine du {date} ({week})*",
	"admin.stats.now":                   "*En ce moment*",
	"admin.stats.topic_unmet":           "{topic} ({count} la semaine dernière, {waiting} en attente)",
	"digest.manager_pairs":              "Dont formés par les responsables",
	"admin.pair.ask_intro":              "La mise en relation automatique n'associerait pas d'elle-même {mentor} et {mentee}\u202f:",
	"admin.pair.warn_never":             "Une précédente mise en relation de {mentor} et {mentee} n'a pas abouti (un refus, ou un binôme arrêté tôt)\u202f: elle ne les associera plus",
	"admin.pair.warn_met":               "{mentor} et {mentee} ont déjà formé un binôme, avec au moins un échange\u202f: elle ne les associe de nouveau que si aucun autre mentor n'a de place",
	"admin.pair.warn_none":              "{mentor} ne propose pas de mentorat",
	"admin.pair.warn_paused":            "{mentor} a mis son offre en pause",
	"admin.pair.warn_full":              "{mentor} n'a plus de place libre\u202f: {used} sur {capacity}, entre binômes et propositions en attente\u202f; ce binôme irait au-delà de son nombre de places",
	"admin.pair.warn_timezone":          "{mentor} et {mentee} ont {apart}, plus que les {max}\u00a0h que permet cet espace de travail",
	"admin.pair.warn_language":          "{mentor} et {mentee} n'ont aucune langue en commun\u202f: {mentor} parle {mentor_languages}, {mentee} {mentee_languages}",
	"admin.pair.warn_request":           "La demande en attente de {mentee} porte sur «\u202f{request}\u202f», pas sur «\u202f{topic}\u202f»\u202f: ce binôme la laisse en attente, telle quelle",
	"admin.pair.left_waiting":           "La demande de {mentee} sur «\u202f{request}\u202f» reste en attente, telle quelle.",
	"admin.pair.told_left_waiting":      "Votre demande sur «\u202f{topic}\u202f» reste en attente d'un mentor, telle quelle.",
	"admin.pair.ask":                    "Les associer quand même sur «\u202f{topic}\u202f»\u202f? Rien ne change tant que vous n'avez pas cliqué.",
	"admin.pair.btn_confirm":            "Les associer quand même",
	"admin.pair.btn_cancel":             "Annuler",
	"admin.pair.cancelled_paired":       "Cette question est close, mais {mentor} et {mentee} forment déjà un binôme sur «\u202f{topic}\u202f», par une autre commande\u202f: rien n'a changé. L'un ou l'autre peut y mettre fin avec `/mentor terminer`.",
	"admin.pair.cancelled":              "Annulé\u202f: aucun binôme n'a été formé.",
	"admin.pair.answered":               "Vous avez déjà répondu à cette question\u202f: rien d'autre n'a changé.",
	"admin.pair.in_flight":              "Ce binôme est en cours de formation.",
	"err.admin.pair_ask_expired":        "Cette question a expiré\u202f: aucun binôme n'a été formé. Relancez `/mentor admin binôme`.",
	"err.admin.pair_exists_charter":     "{mentor} et {mentee} forment déjà un binôme sur «\u202f{topic}\u202f», en attente de la charte\u202f: rien n'a été modifié.",
	"err.admin.pair_exists_active":      "{mentor} accompagne déjà {mentee} sur «\u202f{topic}\u202f»\u202f: rien n'a été modifié.",
	"err.channel_access":                "Je ne peux pas publier dans ce canal : je n'y suis pas, ou je n'ai pas le droit d'y écrire, donc rien n'a été publié. Ajoutez-moi au canal (sur Slack, invitez-moi avec `/invite` ; sur Discord, donnez-moi le droit de le voir et d'y envoyer des messages), puis réessayez.",
}

func init() {
	for k, v := range catalogManagersFR {
		addSentence(catalogFR, k, v)
	}
}
