package bot

// catalogFollowupEN holds the sentences of ending a pair (/mentor end) and
// of a comment sent before its survey is finished, and of check-ins,
// their reminders and late answers, in English.
var catalogFollowupEN = map[string]string{
	"charter.step_due":              "One last step: the program charter.",
	"charter.step_other":            "You have accepted the program charter already: I'll introduce you as soon as {name} has too.",
	"charter.step_none":             "The program charter is already accepted on both sides: your introduction follows.",
	"btn.charter_withdraw":          "Cancel this pair",
	"err.charter_accepted":          "You have already accepted the charter for this pair, so nothing was changed. If you'd rather not go ahead, type `/mentor end`.",
	"charter.withdrew_mentor":       "You cancelled your pair with {name} on “{topic}” before it started. Thank you for your honesty.",
	"charter.withdrew_mentee":       "You cancelled your pair with {name} on “{topic}” before it started. Your request is back in the queue; withdraw it with `/mentor cancel` if you no longer need it.",
	"charter.withdrawn_mentor":      "{name} cancelled your pair on “{topic}” before it started. Thank you for offering your time.",
	"charter.withdrawn_mentee":      "{name} cancelled your pair on “{topic}” before it started. Don't worry: your request is back in the queue, for the next mentor who fits.",
	"charter.declined_mentee_left":  "You declined the charter, so your pair with {name} on “{topic}” is cancelled. Your request on “{request}” still waits for a mentor.",
	"charter.cancelled_mentee_left": "{name} did not accept the charter, so your pair on “{topic}” is cancelled. Your request on “{request}” still waits for a mentor.",
	"charter.withdrew_mentee_left":  "You cancelled your pair with {name} on “{topic}” before it started. Your request on “{request}” still waits for a mentor.",
	"charter.withdrawn_mentee_left": "{name} cancelled your pair on “{topic}” before it started. Your request on “{request}” still waits for a mentor.",
	"charter.expired_mentee_left":   "The charter for your pair with {name} on “{topic}” wasn't accepted in time, so the pair is cancelled. Your request on “{request}” still waits for a mentor.",
	"end.not_started":               "Your pair with {name} on “{topic}” hasn't started yet: it is waiting for the charter. If you'd rather not go ahead, click below.",
	"escalate.why":                  "Why it waits: {why}",
	"cmd.end.summary":               "end one of your pairs yourself, kindly (you confirm first)",
	"cmd.end.example":               "/mentor end Dan",
	"opt.pair":                      "the other member's name, or the topic, when you have several pairs",
	"end.none":                      "You have no pair in progress to end. `/mentor status` shows your pairs.",
	"end.no_match":                  "None of your pairs in progress is with “{query}” or on “{query}”. Your pairs in progress: {pairs}.",
	"end.choose":                    "You have {pairs} in progress. Which one do you want to end?",
	"end.pairs.one":                 "{count} pair",
	"end.pairs.other":               "{count} pairs",
	"end.more":                      "Another one? Type `/mentor end` followed by the name or the topic: {pairs}.",
	"end.pair_item":                 "{name} (“{topic}”)",
	"btn.end_pair":                  "End the pair with {name} (“{topic}”)",
	"end.confirm_title":             "End this pair?",
	"end.confirm":                   "Are you sure you want to end your pair with {name} on “{topic}”? I'll tell {name} kindly, then ask each of you whether you'd like a new match.",
	"btn.end_confirm":               "Yes, end the pair",
	"btn.end_keep":                  "No, keep it",
	"survey.low_offer":              "Thank you for your honest answer; I'm sorry it isn't going better. {name} won't see your rating. Would you like to end your pair with {name} on “{topic}”? If you do, I'll tell {name} kindly, without a word about this survey, then ask each of you whether you'd like a new match. If you keep it, the survey goes on.",
	"end.kept":                      "Good: your pair on “{topic}” goes on. Nothing was changed.",
	"btn.withdraw":                  "Withdraw my request",
	"withdraw.confirm_title":        "Withdraw your request?",
	"withdraw.confirm":              "Withdraw your request on “{topic}”? No mentor will be asked for it any more. You can ask again at any time.",
	"btn.withdraw_confirm":          "Yes, withdraw it",
	"btn.withdraw_keep":             "No, keep it",
	"withdraw.kept":                 "Good: your request on “{topic}” stays open. Nothing was changed.",
	"withdraw.gone":                 "This request is no longer open, so nothing was changed.",
	"survey.left":                   "Please finish your survey on “{topic}” first, with its buttons, then send your comment again. Still to answer: {questions}",
	"survey.left_item":              "“{question}”",
	"survey.left_and":               " and ",
	"ended.title_with":              "Your pair with {name} on “{topic}” has ended",
	"checkin.yes_late":              "Thank you: I have noted that you met, although this pair has ended.",
	"err.checkin_answered":          "You already answered this check-in, so nothing was changed. Thank you!",
	"checkin.text_reminder":         "Reminder: have you been in touch with {name} yet?",
	"checkin.yes_late_survey":       "Thanks, noted that you met. Your session is complete: the short survey is just below.",
	"checkin.yes_late_surveyed":     "Thanks, noted that you met. Your session is complete, and you have answered its survey already.",
	"checkin.yes_late_session":      "Thanks, noted that you met. Your session is complete.",
	"survey.become_next":            "To mentor others, whenever you like: `/mentor offer <topics>`.",
}

func init() {
	for k, v := range catalogFollowupEN {
		addSentence(catalogEN, k, v)
	}
}
