package bot

// catalogCalendarEN holds the sentences about a member's meetings across
// their pairs (meeting_taken.go) and about a pair whose member left the
// workspace or asked to be forgotten (forget.go), in English.
var catalogCalendarEN = map[string]string{
	// The names of the files sent to a member (the calendar's, their data),
	// which Slack shows as their titles.
	"file.export_me":   "mentorbot-my-data-{date}.json",
	"file.ics_meeting": "mentoring-{when}.ics",
	"file.ics_cancel":  "cancelled-{when}.ics",
	"meettaken.yours":  "You already have another mentoring meeting on {busy}, which overlaps time {n}, {when}: I haven't noted this time, so that you aren't booked twice.",
	"meettaken.theirs": "{name} already has another mentoring meeting during time {n}, {when}, so that time can't be agreed: I haven't noted it.",
	"meettaken.still":  "You can still pick {times}, or click “Suggest other times” for new ones.",

	"meetleft.cancel":                "Your meeting on {when}, is cancelled: the pair has ended.",
	"meetleft.ics_summary":           "Mentoring: {topic}",
	"opentopic.meetleft.ics_summary": "Mentoring session",

	"forget.left_ended_mentor":                   "Your mentee has left the program by leaving the workspace, so your pair on “{topic}” has ended. Thank you for the time you gave. Would you like to mentor someone else?",
	"forget.left_ended_mentor.discord":           "Your mentee has left the program by leaving the server, so your pair on “{topic}” has ended. Thank you for the time you gave. Would you like to mentor someone else?", // platformKey
	"forget.left_ended_mentee":                   "Your mentor has left the program by leaving the workspace, so your pair on “{topic}” has ended. Would you like a new match on “{topic}”?",
	"forget.left_ended_mentee.discord":           "Your mentor has left the program by leaving the server, so your pair on “{topic}” has ended. Would you like a new match on “{topic}”?", // platformKey
	"opentopic.forget.left_ended_mentee":         "Your mentor has left the program by leaving the workspace, so your pair from the speed-mentoring event has ended. Would you like a new match?",
	"opentopic.forget.left_ended_mentee.discord": "Your mentor has left the program by leaving the server, so your pair from the speed-mentoring event has ended. Would you like a new match?",
	"forget.left_charter_mentor":                 "The mentee has left the program by leaving the workspace, so the pair on “{topic}” is cancelled. Thank you for offering your time.",
	"forget.left_charter_mentor.discord":         "The mentee has left the program by leaving the server, so the pair on “{topic}” is cancelled. Thank you for offering your time.", // platformKey
	"forget.left_charter_mentee":                 "Your mentor has left the program by leaving the workspace, so the pair on “{topic}” is cancelled. Don't worry: your request is back in the queue, for the next mentor who fits.",
	"forget.left_charter_mentee.discord":         "Your mentor has left the program by leaving the server, so the pair on “{topic}” is cancelled. Don't worry: your request is back in the queue, for the next mentor who fits.", // platformKey
}

func init() {
	for k, v := range catalogCalendarEN {
		addSentence(catalogEN, k, v)
	}
}
