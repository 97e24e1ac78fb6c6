package bot

// catalogHomeEN holds the sentences of a member's home (home*.go), in
// English.
var catalogHomeEN = map[string]string{
	"home.paused_until":        "paused until {date}",
	"home.request_paused":      "Paused until {date}.",
	"home.request_paused_open": "Paused: I propose it to nobody until you resume.",
	"home.no_meeting":          "No meeting agreed yet.",
	"home.meeting":             "Next meeting: {when}",
	"home.last_meeting":        "Last meeting agreed: {when}. `/mentor meet` suggests new times.",
	"home.checkin":             "Next check-in: {date}",
	"home.goals":               "Goals:",
	"home.goal_by":             "{goal} ({name}): {progress}",
	"home.goal.not-started":    "not started",
	"home.goal.in-progress":    "in progress",
	"home.goal.done":           "done",
	"home.request_how":         "Type `/mentor request` followed by your topic, for example `/mentor request kubernetes`.",
	"home.profile_how":         "Set your time zone and working hours with `/mentor profile`, for example `/mentor profile tz:Europe/Paris hours:9-18`.",
	"btn.home_offer_change":    "Change my offer",
	"btn.home_request":         "Ask for a mentor",
	"btn.home_pause":           "Pause",
	"btn.home_resume":          "Resume",
	"btn.home_profile":         "Set my time zone and hours",
}

func init() {
	for k, v := range catalogHomeEN {
		addSentence(catalogEN, k, v)
	}
}
