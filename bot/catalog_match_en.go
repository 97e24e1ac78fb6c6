package bot

// catalogMatchEN holds the sentences of a manager's round (/mentor admin match)
// and of the fairness report, in English.
var catalogMatchEN = map[string]string{
	"cmd.admin.match.summary": "preview an optimal round of proposals for everyone waiting, then send or cancel it",
	"cmd.admin.match.example": "/mentor admin match",
	"request.proposed_later":  "Good news: a mentor who fits your request on “{topic}” can take it now, and I've asked them. I'll tell you as soon as they answer.",
	"round.discarded":         "This preview was discarded, so nothing was sent. Type `/mentor admin match` for a new one.",
	"round.title":             "A round of proposals: preview",
	"round.empty":             "Nobody is waiting for a mentor: there is no round to make.",
	"round.intro":             "This round would propose {pairs}, the best total fit for the {waiting} waiting:",
	"round.intro_none":        "This round would propose no pair. Waiting ({waiting}):",
	"round.pairs.one":         "{count} pair",
	"round.pairs.other":       "{count} pairs",
	"round.requests.one":      "{count} request",
	"round.requests.other":    "{count} requests",
	"round.proposals.one":     "{count} proposal",
	"round.proposals.other":   "{count} proposals",
	"round.pair":              "{mentee} with {mentor}, “{topic}”, score {score}: {why}",
	"round.reason_language":   "both speak {language}",
	"round.left":              "It would leave {requests} waiting:",
	"round.left_item":         "{mentee}, “{topic}”, {waited}: {why}",
	"round.left_taken":        "The mentors for “{topic}” are taken by other requests in this round (a better fit, a longer wait, or a tie).",
	"round.confirm":           "Nothing is sent until you click “Send these proposals”. If the requests or offers change before then, you will see the new round first.",
	"round.btn_send":          "Send these proposals",
	"round.btn_cancel":        "Cancel",
	"round.changed":           "The requests or offers changed since the preview, so nothing was sent. Here is the round as it is now.",
	"round.sending":           "This round is being sent right now, from another click.",
	"round.already_sent":      "This round was already sent. `/mentor admin match` shows the next one.",
	"round.sent":              "Sent {proposals}:",
	"round.sent_item":         "{mentee} with {mentor}, “{topic}”",
	"round.not_sent":          "Not sent ({proposals}); these requests wait for the next automatic sweep:",
	"round.not_waiting":       "(no longer waiting)",
	"round.not_proposed":      "(the mentor could not take it)",
	"round.cancelled":         "Preview discarded: nothing was sent.",
	"fair.title":              "Who the matching leaves out",
	"fair.window":             "Requests made from {from} to {to} ({weeks}), matched within {days} {days|day|days}:",
	"fair.weeks.one":          "{count} week",
	"fair.weeks.other":        "{count} weeks",
	"fair.none":               "No requests in these weeks.",
	"fair.all":                "All requests",
	"fair.by_lang":            "By language",
	"fair.by_region":          "By time zone",
	"fair.by_kind":            "By kind",
	"fair.group":              "{group} {value}",
	"fair.value":              "{matched} of {asked} ({percent}%)",
	"fair.unknown":            "not set",
	"fair.region.americas":    "Americas (UTC−12 to −3)",
	"fair.region.europe":      "Europe and Africa (UTC−2 to +3)",
	"fair.region.asia":        "Asia and Oceania (UTC+4 to +14)",
	"fair.region.unknown":     "time zone unknown",
	"fair.repeats":            "Re-pairings prevented by repeat avoidance",
	"fair.days.one":           "{count} day",
	"fair.days.other":         "{count} days",
	"fair.days_none":          "less than a day",
}

func init() {
	for k, v := range catalogMatchEN {
		addSentence(catalogEN, k, v)
	}
}
