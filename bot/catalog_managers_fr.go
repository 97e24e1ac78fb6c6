package bot

// catalogManagersFR holds the managers' sentences added with issue 12, in
// French (see catalogManagersEN).
var catalogManagersFR = map[string]string{
	"admin.charter.builtin": "(texte d'origine)",
	"admin.charter.kept":    "Le texte en {language} reste inchangé.",
}

func init() {
	for k, v := range catalogManagersFR {
		catalogFR[k] = v
	}
}
