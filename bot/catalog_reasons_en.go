package bot

// The sentences of the matcher's priority reasons (waiting time, a repeat
// pairing) and of a mentor's capacity with open proposals, in English.
var catalogReasonsEN = map[string]string{
	"waiting.paused":    "{count} {count|mentor offers|mentors offer} “{topic}”, but {count|their offer is|their offers are} paused for now.",
	"reason.waited":     "waiting for {days} {days|day|days}, so first in line",
	"reason.waited_one": "waiting for a day, so first in line",
	"reason.met_before": "you have met before: no other mentor could take it",

	"waiting.declined_next":   "Only a new mentor of this topic can take it now; meanwhile a manager can pair you by hand, or you can ask on a nearby topic after `/mentor cancel`.",
	"waiting.others":          "{count} other {count|mentor|mentors} for “{topic}” can't take it either.",
	"waiting.eligible":        "{count|A mentor who fits has|Mentors who fit have} a free slot now: I'll propose your request shortly, at my next look at the queue.",
	"waiting.eligible_theirs": "{count|A mentor who fits has|Mentors who fit have} a free slot now: the next look at the queue proposes it.",
	"waiting.language_theirs": "The {count|mentor|mentors} for “{topic}” {count|doesn't|don't} speak their language.",
	"waiting.timezone_theirs": "The {count|mentor|mentors} for “{topic}” {count|lives|live} too many hours away from them.",
	"opt.confirm":             "yes: pair two members the matcher will not pair again",

	"offer.over_capacity":    "You have more pairs and open proposals than your new capacity ({capacity}): they all stay, and no new request comes to you until you are under it.",
	"offer.capacity_pending": "{used} of {capacity} in use ({pending} awaiting your answer)",

	// A mentor the proposal could not be sent to (they left, or their
	// direct messages are closed), who offers the topic all the same.
	"waiting.unreachable": "I couldn't reach the {count|mentor|mentors} for “{topic}”: my direct message with your request didn't get through.",
}

func init() {
	for k, v := range catalogReasonsEN {
		addSentence(catalogEN, k, v)
	}
}
