package bot

// catalogManagersEN holds the managers' sentences added with issue 12, in
// English: the managers' help, unknown settings, a manager's pair asking
// for confirmation, the charter's languages and the week in progress.
var catalogManagersEN = map[string]string{
	"admin.charter.builtin":  "(built-in text)",
	"admin.charter.kept":     "The text in {language} stays as it was.",
	"admin.help.not_manager": "The `/mentor admin` commands are for the program's managers: they follow the program, pair members by hand and change its settings. If you would like to help run it, tell one of them. Your own commands are in `/mentor help`.",
}

func init() {
	for k, v := range catalogManagersEN {
		catalogEN[k] = v
	}
}
