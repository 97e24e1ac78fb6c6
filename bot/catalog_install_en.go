package bot

// catalogInstallEN holds the sentences of installing the app on a
// workspace: the pages of the Slack install by OAuth ("oauth.") and the answer
// where it is not installed or lacks a permission ("install."), in
// English. Keys sorted.
var catalogInstallEN = map[string]string{
	"install.welcome": "Thanks for installing mentorbot. As the person who installed it, you are a manager of the program in this workspace. To start:\n" +
		"1. Invite `@mentorbot` to your managers' channel and choose it for the weekly digest: `/mentor admin digest-channel #mentoring-team`\n" +
		"2. Give the program's time zone, for the digest and the meetings: `/mentor admin settings tz:{tz}`\n" +
		"3. Call for mentors, in English and French: `/mentor admin announce #general lang:both`\n" +
		"Members then type `/mentor offer` or `/mentor request`. `/mentor admin help` lists the managers' commands.",
	"install.welcome_title":      "mentorbot is installed",
	"install.missing_permission": "I don't have Slack's permission to do that in this workspace, so nothing was sent. A workspace admin can fix it by reinstalling mentorbot.",
	"install.not_installed":      "mentorbot isn't installed in this workspace, so it can't answer here. Ask a workspace admin to add it to Slack.",
	"oauth.again":                "Start the installation again",
	"oauth.denied":               "You cancelled the installation, so nothing was installed. You can install mentorbot at any time from the same link.",
	"oauth.done":                 "mentorbot is now installed in the {workspace} workspace.",
	"oauth.done_help":            "Type {command} in any conversation to see what it does.",
	"oauth.done_home":            "Open mentorbot in Slack",
	"oauth.done_manager":         "As the person who installed it, you are one of the program's managers in this workspace.",
	"oauth.expired":              "This installation link has expired (it lasts {minutes} minutes), so nothing was installed. Please start again.",
	"oauth.failed":               "The installation could not be saved, so nothing was installed. Please try again in a few minutes.",
	"oauth.forged":               "This installation link is not valid, so nothing was installed. Please start again from the install link.",
	"oauth.org_wide":             "mentorbot cannot be installed on a whole Enterprise Grid organization at once, so nothing was installed. Install it on each workspace of the organization instead, one at a time.",
	"oauth.other_browser":        "This installation was started in another browser, or your browser did not keep its cookie, so nothing was installed. Please start again from the install link, in this browser.",
	"oauth.slack_error_unknown":  "Slack did not complete the installation, without saying why, so nothing was installed. Please try again in a few minutes.",
	"oauth.slack_error":          "Slack did not complete the installation ({error}), so nothing was installed. Please try again in a few minutes.",
	"oauth.title_done":           "mentorbot is installed",
	"oauth.title_refused":        "mentorbot was not installed",
	"oauth.used":                 "This installation link has already been used, so nothing more was installed. To install mentorbot again, start again from the install link.",
}

func init() {
	for k, v := range catalogInstallEN {
		addSentence(catalogEN, k, v)
	}
}
