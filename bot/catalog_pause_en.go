package bot

// catalogPauseEN holds the sentences of pauses until a date and of
// members paused for not answering (pause*.go), in English.
var catalogPauseEN = map[string]string{
	"opt.until":     "the date your pause ends, in your time zone: `until:2027-01-10`",
	"opt.for":       "how long you pause: days, weeks or months, like `for:10d`, `for:3w` or `for:2m`",
	"optname.until": "the end date",
	"optname.for":   "the length of the pause",

	"pause.done_until_offer":   "Your offer is paused until {date}.",
	"pause.done_until_request": "Your request on “{topic}” is paused until {date}.",
	"pause.done_until_both":    "Your offer and your request on “{topic}” are paused until {date}.",
	"pause.done_until_end":     "I'll tell you when it resumes; to come back earlier, type `/mentor resume`.",
	"pause.pairs_go_on":        "Your current pairs go on.",
	"pause.already":            "Your offer is already paused: I send you no new requests until you type `/mentor resume`.",
	"pause.already_until":      "You're already paused until {date}. To come back earlier, type `/mentor resume`.",
	"pause.request_goes_on":    "Your open request still looks for a mentor. To pause it too, give a date: `/mentor pause until:2027-01-10` or `/mentor pause for:3w`.",
	"pause.what_offer":         "your offer",
	"pause.what_request":       "your request on “{topic}”",
	"pause.what_both":          "your offer and your request on “{topic}”",
	"pause.resumed_request":    "Your request on “{topic}” looks for a mentor again.",
	"pause.not_paused":         "You aren't paused: your offer already takes requests.",
	"pause.resumed_nothing":    "Welcome back! Nothing was paused.",
	"pause.nothing_to_resume":  "Nothing is paused, so there is nothing to resume. To offer mentoring: `/mentor offer <topics>`.",
	"pause.resumed_already":    "Your pause has already ended: nothing more to resume.",
	"pause.ended":              "Your pause is over. Resumed: {what}. To pause again, type `/mentor pause`.",
	"pause.auto":               "You seem busy, so I've paused {what}. Resume any time, with the button below or `/mentor resume`.",
	"btn.pause_resume":         "Resume",

	"pause.request_waits":       "Your request on “{topic}” is saved. You're paused, so I won't propose it until you type `/mentor resume`.",
	"pause.request_waits_until": "Your request on “{topic}” is saved. You're paused until {date}, so I won't propose it before then; to look for a mentor now, type `/mentor resume`.",
	"pause.reason":              "Paused by the member: nobody is proposed until they resume.",
	"pause.reason_until":        "Paused by the member until {date}: nobody is proposed until then.",
	"pause.reason_auto":         "Paused automatically after leaving messages unanswered: nobody is proposed until they resume.",

	"err.pause_nothing":   "You have no offer and no open request to pause. To offer mentoring, type `/mentor offer`.",
	"err.pause_need_date": "You don't offer mentoring. To pause your request on “{topic}”, give a date: `/mentor pause until:2027-01-10` or `/mentor pause for:3w`.",
	"err.pause_both":      "Give `until:` or `for:`, not both.",
	"err.pause_bad_until": "I can't read the date “{value}”: write it like `until:2027-01-10` or `until:10 January`.",
	"err.pause_bad_for":   "I can't read the length “{value}”: write it like `for:10d` (days), `for:3w` (weeks) or `for:2m` (months).",
	"err.pause_zero":      "A pause lasts at least one day: write `for:1d` or more, or give its end date, like `until:2027-01-10`.",
	"err.pause_past":      "{date} is not after today: give a later date.",
	"err.pause_too_far":   "{date} is more than a year away: a pause lasts a year at most.",

	"digest.auto_paused": "Paused for leaving messages unanswered: {week} in the week reported, {current} since Monday; {count} still paused now (`/mentor admin settings unanswered:`).",

	"opt.unanswered":                 "pause a member who leaves this many proposals or check-ins in a row unanswered (0: never)",
	"optname.unanswered":             "the number of unanswered messages",
	"admin.settings.hint.unanswered": "Give a number from 0 to 20 (0: never pause anyone).",
	"admin.settings.unanswered_off":  "never",
}

func init() {
	for k, v := range catalogPauseEN {
		addSentence(catalogEN, k, v)
	}
}
