package bot

// catalogSettingsEN holds the sentences of the settings each workspace
// may set for itself instead of the deployment's defaults
// (settings_workspace.go), in English.
var catalogSettingsEN = map[string]string{
	"offer.kinds_none_open":       "This workspace does not run {closed} at the moment, only {open}: no request will reach you until your offer includes a kind it runs (`kinds:`) or a manager opens yours.",
	"offer.kinds_some_closed":     "This workspace does not run {closed} at the moment: the requests you receive will be for {open}.",
	"opt.setting_digest-schedule": "when the weekly digest is posted, in the program's time zone: a day and a time like `\"monday 9:00\"`, or a cron spec like `\"0 9 * * 1\"`",
	"opt.setting_charter-url":     "the page where the charter can be read, linked from meeting invites: an `https://` address",
	"opt.setting_meet-url":        "the video-call service of new rooms: an `https://` address, each room a name under it",
	"opt.setting_intro-channel":   "on Discord, the channel where each new pair is introduced in a private thread, or no (or off) for one direct message each",

	"optname.digest-schedule": "the digest's schedule",
	"optname.charter-url":     "the charter's address",
	"optname.meet-url":        "the video-call address",
	"optname.intro-channel":   "the introductions' channel",

	"admin.settings.hint.digest-schedule": "Give a day and a time between quotes, read in the program's time zone, such as `digest-schedule:\"monday 9:00\"`, or a cron spec of five fields (minute, hour, day, month, weekday), such as `digest-schedule:\"0 9 * * 1\"`.",
	"admin.settings.weekly":               "{day}s at {time}",
	"admin.settings.hint.charter-url":     "Give an address starting with `https://`.",
	"admin.settings.hint.meet-url":        "Give an address starting with `https://`, such as `https://meet.jit.si/`.",
	"admin.settings.hint.intro-channel":   "Name a channel with #, such as `intro-channel:#introductions`, or write no (or off) for one direct message each.",
	"err.admin.setting_not_channel":       "“{value}” is not a channel for `{setting}:`. {hint}",
	"admin.settings.reset":                "To go back to the default: `name:default`.",
	"admin.settings.intro_platform":       "the channel the bot's host set for this server if any, otherwise one direct message each",
	"admin.settings.intro_dm":             "one direct message each",

	"err.admin.intro_channel_unsupported": "Here, pairs are introduced in a group message: `intro-channel:` only applies on Discord.",
}

func init() {
	for k, v := range catalogSettingsEN {
		addSentence(catalogEN, k, v)
	}
}
