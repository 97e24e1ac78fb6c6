package bot

// catalogGoalsEN holds the sentences of a pair's goals (goals.go), in
// English.
var catalogGoalsEN = map[string]string{
	"cmd.goals.summary":   "set or change your goals for your pair (up to three); without them, opens the form",
	"cmd.goals.example":   "/mentor goals first:ship a Go service second:review code in English",
	"optname.goal_first":  "your first goal",
	"optname.goal_second": "your second goal",
	"optname.goal_third":  "your third goal",
	"opt.goal_n":          "a goal of yours for the pair, in one sentence (only this goal changes; type “none” to remove it)",
	"label.goal_n":        "Goal {n}",
	"form.goals.title":    "Our goals",

	"btn.goals_set":      "Set our goals",
	"btn.goals_pair":     "Goals with {name} (“{topic}”)",
	"btn.goals_keep":     "Keep our goals",
	"btn.goals_change":   "Change our goals",
	"btn.goals_readjust": "Readjust the pair",
	"btn.goals_rematch":  "End the pair for a new match",

	"goals.progress.not-started": "not started",
	"goals.progress.in-progress": "in progress",
	"goals.progress.done":        "done",
	"goals.item":                 "{n}. {goal} ({name}): {progress}",
	"goals.role.mentor":          "mentor",
	"goals.role.mentee":          "mentee",

	"goals.form_intro":    "Your goals for your pair with {name} on “{topic}”: up to {max}, one per field. Each of you sets their own; I ask where they stand at each check-in.",
	"goals.how":           "Type `/mentor goals first:… second:… third:…` (your own goals, in their order): each option changes that goal only, the others stay. To remove one: `second:none`.",
	"goals.saved":         "Your goals for your pair with {name} on “{topic}” are saved. The pair's goals:",
	"goals.cleared":       "Your goals for your pair with {name} on “{topic}” are removed.",
	"goals.other_title":   "Goals: {topic}",
	"goals.other_set":     "{name} set their goals for your pair. The pair's goals now:",
	"goals.other_changed": "{name} changed their goals for your pair. The pair's goals now:",
	"goals.other_cleared": "{name} removed their goals for your pair on “{topic}”.",
	"goals.too_long":      "Goal {n} is too long: {max} characters at most. One sentence is enough.",
	"goals.none":          "You have no pair in progress to set goals for. `/mentor status` shows your pairs.",
	"goals.not_started":   "Your pair with {name} on “{topic}” hasn't started yet: you can set your goals once you have both accepted the charter.",
	"goals.no_match":      "None of your pairs in progress is with “{query}” or on “{query}”. Your pairs in progress: {pairs}.",
	"goals.choose":        "You have several pairs in progress. Which one are the goals for?",
	"goals.more":          "Or name the pair with `pair:`: {pairs}.",

	"goals.checkin":           "And your goals: where does each stand now? Choose in the menu, once for each goal that moved.",
	"goals.select":            "Where does each goal stand?",
	"goals.choice":            "{n}. {goal}: {progress}",
	"goals.progress_saved":    "Noted: “{goal}” is {progress}.",
	"goals.progress_done":     "Well done: “{goal}” is done!",
	"goals.progress_same":     "“{goal}” is already marked {progress}: nothing changed.",
	"goals.moved":             "{name} marked “{goal}” {progress} since this message: it stays {progress}. Choose again in the menu if it has changed.",
	"goals.moved_you":         "You marked “{goal}” {progress} since this message: it stays {progress}. Choose again in the menu if it has changed.",
	"goals.moved_unknown":     "“{goal}” was marked {progress} since this message: it stays {progress}. Choose again in the menu if it has changed.",
	"goals.now":               "The pair's goals now:",
	"goals.changed":           "This goal was changed since this message was sent. The pair's goals now:\n{goals}",
	"goals.mid_title":         "Halfway with {name}: your goals for “{topic}”",
	"goals.mid_text":          "You are halfway through with {name}. Here are your pair's goals; do you keep them, change them, or would you like to readjust the pair?",
	"goals.mid_none":          "You are halfway through with {name}, and your pair has no goals yet. Would you like to set some, or to readjust the pair?",
	"goals.mid_answered":      "You have already answered this question.",
	"goals.kept":              "Good: your goals for “{topic}” stay as they are.",
	"goals.readjusted":        "Thank you for letting me know. I've told the program's managers, who may get in touch to readjust your pair with {name} on “{topic}”. If you would rather end it now and be matched again, click below.",
	"goals.readjusted_noted":  "Thank you for letting me know. I've noted it for the program's managers, who may get in touch to readjust your pair with {name} on “{topic}”. If you would rather end it now and be matched again, click below.",
	"goals.readjust_title":    "A pair asks to be readjusted",
	"goals.readjust_managers": "At the halfway review, {name} ({role}) asked to readjust their pair: {mentor} mentoring {mentee} on “{topic}”.",

	// A goal removed or replaced by /mentor goals (runGoals), and a
	// member's own answer corrected in a check-in's menu.
	"goals.no_goal":                 "You set {count} {count|goal|goals} yourself, so there is no goal {n} of yours to remove: nothing was changed.",
	"goals.twice":                   "“{goal}” is already your goal {n}: nothing was changed.",
	"goals.dropped":                 "No longer among your goals: {goals}. {count|To put it back|To put them back}: `/mentor goals {typed}`.",
	"goals.dropped_item":            "“{goal}”",
	"goals.dropped_item_progress":   "“{goal}” ({progress})",
	"goals.dropped_progress":        "A goal put back starts again as not started.",
	"goals.progress_corrected":      "Corrected: “{goal}” is now {progress} (you had marked it {before}).",
	"goals.progress_corrected_done": "Corrected, and well done: “{goal}” is done (you had marked it {before}).",

	"digest.goals":           "Goals, per program",
	"digest.goals_readjust":  "• Readjusting asked at the mid-way review, last week: {count} {count|time|times}",
	"digest.goals_default":   "Outside programs",
	"digest.goals_program":   "• {name}: {set} {set|goal|goals} set in {pairs} {pairs|pair|pairs}, {done} done",
	"report.goals":           "Pairs that reached at least one goal",
	"form.goals.placeholder": "a goal of yours for the pair, in one sentence; empty this field to remove it",
}

func init() {
	for k, v := range catalogGoalsEN {
		addSentence(catalogEN, k, v)
	}
}
