package bot

// catalogShellEN holds what the terminal (shell) adapter itself says, in
// English: its help, its notes and the frame of each message.
var catalogShellEN = map[string]string{
	"shell.welcome":         "mentorbot shell. You are {name}. Type `:help` for help.",
	"shell.help":            "  `as NAME`        act as member NAME (letters, digits, - and _)\n  `/mentor …`      run a command, for example `/mentor help`\n  `click N`        click button [N]. Button numbers are shared by everyone in the shell: any member may click any number, and the bot answers whether that button is theirs.\n  `:advance 3d`    move the clock forward (s, m, h, d) and run, in order, what falls due on the way: the follow-up (reminders, check-ins, surveys, timeouts), the hourly sweep that proposes waiting requests, and the weekly digest in the managers' channel (set it with `/mentor admin digest-channel`; Mondays at 9:00 unless the `digest-schedule` setting says otherwise)\n  `:quit`          leave (nothing is kept after exit with the embedded Redis)\n\nYour time zone and years of experience go with your offer or request, for example: `/mentor offer go tz:Europe/Paris years:12`",
	"shell.unknown":         "Unknown command {command}: only /mentor is installed here.",
	"shell.unknown_own":     "The terminal has no command {command}: type `:help` to see its commands.",
	"shell.as_usage":        "Usage: `as NAME`, where NAME is letters, digits, - or _ (at most 32).",
	"shell.now":             "You are now {name}.",
	"shell.click_usage":     "Usage: `click N`, where N is a button number like [2].",
	"shell.not_a_menu":      "[{n}] is a button, not a menu: type `click {n}` alone to press it.",
	"shell.button_gone":     "Button [{n}] was on a message that has been updated since: its buttons are gone.",
	"shell.no_button":       "There is no button [{n}].",
	"shell.no_clock":        "The clock can't be moved here.",
	"shell.advance_too_far": "That's too far at once: `:advance` moves the clock {days} days at most (each hour runs the bot's scheduled work). Go in steps, like `:advance 30d`.",
	"shell.advance_usage":   "Usage: `:advance 3d` (a positive duration: 90m, 12h, 3d).",
	"shell.advanced":        "The clock moves forward {duration}.",
	"shell.replaced":        "(the message you clicked is updated, its buttons are gone)",
	"shell.form":            "(a form would open here; in the shell, type the options instead)",
	"shell.to_you":          "[to {name}, only you]",
	"shell.to":              "[to {name}]",
	"shell.together":        "[to {names}, together]",
	"shell.and":             "{first} & {second}",
	"shell.in":              "[in #{channel}]",
	"shell.edited_in":       "[in #{channel}, edited: its buttons are gone]",
	"shell.file":            "(file: {path})",
	"shell.days.one":        "{count} day",
	"shell.days.other":      "{count} days",
	"shell.hours.one":       "{count} hour",
	"shell.hours.other":     "{count} hours",
	"shell.minutes.one":     "{count} minute",
	"shell.minutes.other":   "{count} minutes",
	"shell.seconds.one":     "{count} second",
	"shell.seconds.other":   "{count} seconds",
	// A duration of exactly 1 of a unit: French writes « un jour », so
	// that « de » elides before it (« d'un jour »).
	"shell.days.1":    "1 day",
	"shell.hours.1":   "1 hour",
	"shell.minutes.1": "1 minute",
	"shell.seconds.1": "1 second",
	// The last two parts of a duration: "1 day and 12 hours".
	"shell.duration_and": "{first} and {second}",
	"shell.field":        "{label}: {value}",
}

func init() {
	for k, v := range catalogShellEN {
		addSentence(catalogEN, k, v)
	}
}
