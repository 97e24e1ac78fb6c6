package bot

// catalogManagersFR holds the managers' sentences added with issue 12, in
// French (see catalogManagersEN).
var catalogManagersFR = map[string]string{
	"admin.charter.builtin":  "(texte d'origine)",
	"admin.charter.kept":     "Le texte en {language} reste inchangé.",
	"admin.help.not_manager": "Les commandes `/mentor admin` sont réservées aux responsables du programme\u202f: ils le suivent, forment des binômes eux-mêmes et en règlent les paramètres. Si vous souhaitez les aider, dites-le à l'un d'eux. Vos propres commandes sont dans `/mentor help`.",
}

func init() {
	for k, v := range catalogManagersFR {
		catalogFR[k] = v
	}
}
