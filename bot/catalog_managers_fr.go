package bot

// catalogManagersFR holds the managers' sentences added with issue 12, in
// French (see catalogManagersEN).
var catalogManagersFR = map[string]string{
	"admin.charter.builtin":             "(texte d'origine)",
	"admin.charter.kept":                "Le texte en {language} reste inchangé.",
	"admin.help.not_manager":            "Les commandes `/mentor admin` sont réservées aux responsables du programme\u202f: ils le suivent, forment des binômes eux-mêmes et en règlent les paramètres. Si vous souhaitez les aider, dites-le à l'un d'eux. Vos propres commandes sont dans `/mentor help`.",
	"err.admin.unknown_setting":         "Je ne connais pas le paramètre `{setting}:`. Les paramètres sont\u202f: {settings}.",
	"err.admin.unknown_setting_suggest": "Je ne connais pas le paramètre `{setting}:`. Vouliez-vous dire `{suggestion}:`\u202f? Les paramètres sont\u202f: {settings}.",
	"err.admin.managers_who_add":        "Qui dois-je nommer responsable du programme\u202f? Mentionnez le membre\u202f: `/mentor admin managers ajouter @ada`.",
	"err.admin.managers_who_remove":     "Qui dois-je retirer des responsables du programme\u202f? Mentionnez le membre\u202f: `/mentor admin managers retirer @ada`.",
	"admin.stats.title":                 "Les chiffres du mentorat au {date}",
	"admin.stats.current":               "Cette semaine jusqu'ici (depuis le lundi {date}, {week})",
	"admin.stats.last":                  "*La dernière semaine complète\u202f: {date} ({week})*",
	"digest.manager_pairs":              "Dont formés par les responsables",
}

func init() {
	for k, v := range catalogManagersFR {
		catalogFR[k] = v
	}
}
