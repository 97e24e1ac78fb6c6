package bot

// catalogManagersEN holds the managers' sentences added with issue 12, in
// English: the managers' help, unknown settings, a manager's pair asking
// for confirmation, the charter's languages and the week in progress.
var catalogManagersEN = map[string]string{
	"admin.charter.builtin": "(built-in text)",
	"admin.charter.kept":    "The text in {language} stays as it was.",
}

func init() {
	for k, v := range catalogManagersEN {
		catalogEN[k] = v
	}
}
