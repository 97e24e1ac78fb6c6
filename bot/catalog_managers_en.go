package bot

// catalogManagersEN holds the managers' sentences added with issue 12, in
// English: the managers' help, unknown settings, a manager's pair asking
// for confirmation, the charter's languages and the week in progress.
var catalogManagersEN = map[string]string{
	"admin.charter.builtin":             "(built-in text)",
	"admin.charter.kept":                "The text in {language} stays as it was.",
	"admin.help.not_manager":            "The `/mentor admin` commands are for the program's managers: they follow the program, pair members by hand and change its settings. If you would like to help run it, tell one of them. Your own commands are in `/mentor help`.",
	"err.admin.unknown_setting":         "I don't know the setting `{setting}:`. The settings are: {settings}.",
	"err.admin.unknown_setting_suggest": "I don't know the setting `{setting}:`. Did you mean `{suggestion}:`? The settings are: {settings}.",
	"err.admin.managers_who_add":        "Whom should I make a manager? Mention the member: `/mentor admin managers add @ada`.",
	"err.admin.managers_who_remove":     "Whom should I remove from the managers? Mention the member: `/mentor admin managers remove @ada`.",
	"admin.stats.title":                 "Mentoring figures on {date}",
	"admin.stats.current":               "This week so far (since Monday {date}, {week})",
	"admin.stats.last":                  "*The last complete week: {date} ({week})*",
	"digest.manager_pairs":              "Of which formed by managers",
}

func init() {
	for k, v := range catalogManagersEN {
		catalogEN[k] = v
	}
}
