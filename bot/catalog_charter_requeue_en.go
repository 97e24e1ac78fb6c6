package bot

// catalogCharterRequeueEN holds what a mentee reads when their pair is
// cancelled over its charter and their request went on at once to
// another mentor (cancelCharter), in English.
var catalogCharterRequeueEN = map[string]string{
	"charter.declined_mentee_next":  "You declined the charter, so your pair with {name} on “{topic}” is cancelled. I've asked another mentor who fits your request, and I'll tell you as soon as they answer; withdraw it with `/mentor cancel` if you no longer need it.",
	"charter.withdrew_mentee_next":  "You cancelled your pair with {name} on “{topic}” before it started. I've asked another mentor who fits your request, and I'll tell you as soon as they answer; withdraw it with `/mentor cancel` if you no longer need it.",
	"charter.cancelled_mentee_next": "{name} did not accept the charter, so your pair on “{topic}” is cancelled. Don't worry: I've asked another mentor who fits your request, and I'll tell you as soon as they answer.",
	"charter.withdrawn_mentee_next": "{name} cancelled your pair on “{topic}” before it started. Don't worry: I've asked another mentor who fits your request, and I'll tell you as soon as they answer.",
	"charter.requeue_paused":        "Nobody is proposed to it until your pause ends.",
}

func init() {
	for k, v := range catalogCharterRequeueEN {
		addSentence(catalogEN, k, v)
	}
}
