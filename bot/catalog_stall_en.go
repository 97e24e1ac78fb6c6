package bot

// catalogStallEN holds the sentences of a pair that stalls (a check-in
// nobody answers, two "not yet"), of a pair that ends without ever
// meeting, and of a mentor's "no" to mentoring again, in English.
var catalogStallEN = map[string]string{
	"digest.stalled_silent_item":    "{mentor} and {mentee}, “{topic}”: no answer since {date}",
	"stall.title":                   "Your pair with {name} on “{topic}”",
	"stall.mentee_silent":           "Neither of you has answered my check-ins since {date}, so I take it you haven't been able to meet {name} yet. Would you like another mentor? End this pair below and I'll look for a new match on “{topic}”. If you are in touch after all, just answer the check-in.",
	"stall.mentee_notyet":           "You haven't been able to meet {name} on “{topic}” yet. Would you like another mentor? End this pair below and I'll look for a new match. If you'd rather give it more time, just answer the next check-in.",
	"ended.never_met_mentor":        "Your mentoring on “{topic}” has reached its end, and neither of you told me you met, so I've closed the pair as not having taken place rather than as completed. Would you like to mentor someone else?",
	"ended.never_met_mentee":        "Your mentoring on “{topic}” has reached its end, and neither of you told me you met, so I've closed the pair as not having taken place rather than as completed. Would you like a new match on “{topic}”?",
	"proposal.expired_mentor_named": "{name}'s request on “{topic}” waited too long for an answer, so it went back to the queue for another mentor. No worries!",
	"survey.again_no_paused":        "Noted: I've paused your offer, so no new request will come to you. If you change your mind, `/mentor resume` opens it again.",
}

func init() {
	for k, v := range catalogStallEN {
		addSentence(catalogEN, k, v)
	}
}
