package bot

// catalogTimesEN holds the sentences of meeting times found outside
// working hours or offered again, of the times still ahead, and of a
// profile without a time zone, in English.
var catalogTimesEN = map[string]string{
	"meet.no_overlap_outside":        "Your working hours never overlap in the next week: these are the closest times, outside the working hours of both of you.",
	"meet.no_overlap_within":         "Your working hours never overlap in the next week: these are the closest times, within {in}'s working hours but outside {out}'s.",
	"meet.no_overlap_within_partly":  "Your working hours never overlap in the next week: these are the closest times, all within {in}'s working hours, but not all within {out}'s.",
	"meet.no_overlap_outside_partly": "Your working hours never overlap in the next week: these are the closest times: not all of them are within {partly}'s working hours, and none is within {out}'s.",
	"meet.still_ahead":               "Still ahead: {times}.",
	"meet.repeated":                  "I have no other times to offer in the next week: {k|time|times} {times} {k|was|were} offered before.",
	"meet.repeated_all":              "I have no other times to offer in the next week: {k|this time was|these times were} offered before.",
	"meet.ahead_item":                "time {n} on {when}",
	"profile.saved_years":            "Saved: I give your years of experience with your offer or your request.",
	"profile.tz_assumed":             "{zone} (assumed until you give yours with `tz:`)",
	"profile.current_no_tz":          "Meeting times are found within these hours, in {zone} time until you give your time zone: `/mentor profile tz:Europe/Paris`, for example. Change the hours with `/mentor profile hours:9-18`.",
	"profile.saved_no_tz":            "Saved. I will suggest meeting times within these hours, in {zone} time until you give your time zone: `/mentor profile tz:Europe/Paris`, for example.",
}

func init() {
	for k, v := range catalogTimesEN {
		addSentence(catalogEN, k, v)
	}
}
