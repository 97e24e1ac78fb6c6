package bot

// catalogManagersEN holds the managers' sentences added with issue 12, in
// English: the managers' help, unknown settings, a manager's pair asking
// for confirmation, the charter's languages and the week in progress.
var catalogManagersEN = map[string]string{
	"admin.pair.warn_topic":             "{mentor} does not offer “{topic}” (their topics: {topics})",
	"opt.pair_topic":                    "the topic of the pair: the mentee's open request on it, or a new one",
	"admin.charter.builtin":             "(built-in text)",
	"admin.charter.kept":                "The text in {language} stays as it was.",
	"admin.help.not_manager":            "The `/mentor admin` commands are for the program's managers: they follow the program, pair members by hand and change its settings. If you would like to help run it, tell one of them. Your own commands are in `/mentor help`.",
	"err.admin.unknown_setting":         "I don't know the setting `{setting}:`. The settings are: {settings}.",
	"err.admin.unknown_setting_suggest": "I don't know the setting `{setting}:`. Did you mean `{suggestion}:`? The settings are: {settings}.",
	"err.admin.managers_who_add":        "Whom should I make a manager? Mention the member: `/mentor admin managers add @ada`.",
	"err.admin.managers_who_remove":     "Whom should I remove from the managers? Mention the member: `/mentor admin managers remove @ada`.",
	"admin.stats.title":                 "Mentoring figures on {date}",
	"admin.stats.current":               "This week so far (since Monday {date}, {week})",
	"admin.stats.last":                  "*The last complete week: week of {date} ({week})*",
	"admin.stats.now":                   "*Right now*",
	"admin.stats.topic_unmet":           "{topic} ({count} last week, {waiting} waiting now)",
	"digest.manager_pairs":              "Of which formed by managers",
	"admin.pair.ask_intro":              "The matcher would not pair {mentor} with {mentee} on its own:",
	"admin.pair.warn_never":             "A previous pairing of {mentor} and {mentee} did not work out (a decline, or a pair ended early), so it will not pair them again",
	"admin.pair.warn_met":               "{mentor} and {mentee} were paired before and met, so it pairs them again only when no other mentor has room",
	"admin.pair.warn_none":              "{mentor} offers no mentoring",
	"admin.pair.warn_paused":            "{mentor} has paused their offer",
	"admin.pair.warn_full":              "{mentor} has no free slot: {used} of {capacity} taken by pairs and open proposals, so this pair goes beyond their capacity",
	"admin.pair.warn_timezone":          "{mentor} and {mentee} are {apart}, more than the {max} {max|hour|hours} this workspace allows",
	"admin.pair.warn_language":          "{mentor} and {mentee} share no language: {mentor} speaks {mentor_languages}, {mentee} {mentee_languages}",
	"admin.pair.warn_request":           "{mentee}'s waiting request is on “{request}”, not “{topic}”: this pair leaves it waiting, as it is",
	"admin.pair.left_waiting":           "{mentee}'s request on “{request}” still waits, as it was.",
	"admin.pair.told_left_waiting":      "Your request on “{topic}” still waits for a mentor, as it was.",
	"admin.pair.ask":                    "Pair them anyway on “{topic}”? Nothing changes until you click.",
	"admin.pair.btn_confirm":            "Pair them anyway",
	"admin.pair.btn_cancel":             "Cancel",
	"admin.pair.cancelled_paired":       "This question is closed, but {mentor} and {mentee} are paired already on “{topic}”, by another command: nothing was changed. Either of them can end it with `/mentor end`.",
	"admin.pair.cancelled":              "Cancelled: nothing was paired.",
	"admin.pair.answered":               "You have already answered this question, so nothing more was changed.",
	"admin.pair.in_flight":              "This pair is being formed right now.",
	"err.admin.pair_ask_expired":        "This question has expired, so nothing was paired. Run `/mentor admin pair` again.",
	"err.admin.pair_exists_charter":     "{mentor} and {mentee} already have a pair on “{topic}”, waiting for the charter, so nothing was changed.",
	"err.admin.pair_exists_active":      "{mentor} already mentors {mentee} on “{topic}”, so nothing was changed.",
	// err.channel_access: the platform refused a post in a channel the
	// bot is not in or may not write to (Slack not_in_channel, Discord
	// Missing Access).
	"err.channel_access": "I can't post in that channel: I'm not in it, or I may not write there, so nothing was posted. Add me to the channel (on Slack, `/invite` me there; on Discord, let me view it and send messages), then try again.",
}

func init() {
	for k, v := range catalogManagersEN {
		addSentence(catalogEN, k, v)
	}
}
