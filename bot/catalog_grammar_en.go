package bot

// catalogGrammarEN holds the sentences of the command grammar, in English:
// option names inside sentences, unknown options, checked values and the
// partial update of an offer.
var catalogGrammarEN = map[string]string{
	"err.verb_suggest":    "I don't know “{word}” after `/mentor {command}`. Did you mean `/mentor {suggestion}`? {usage}",
	"err.option_colon":    "Did you mean `{name}:{value}`? An option is written with a colon after its name.",
	"err.option_no_value": "Give `{name}:` a value after its colon: {help}.",
	"err.option_in_value": "For {option}, `{word}:` doesn't belong in the value: it is an option of its own, to give separately.",
	// The name of each option inside a sentence (see errorText).
	"optname.command":          "the command",
	"optname.topics":           "the topics",
	"optname.capacity":         "the number of mentees at once",
	"optname.languages":        "the languages",
	"optname.kinds":            "the kinds of mentoring",
	"optname.tz":               "the time zone",
	"optname.years":            "the years of experience",
	"optname.add":              "the topics to add",
	"optname.remove":           "the topics to remove",
	"optname.topic":            "the topic",
	"optname.kind":             "the kind of mentoring",
	"optname.language":         "the language",
	"optname.goal":             "the goal",
	"optname.lang":             "the language",
	"optname.pair":             "the pair",
	"optname.text":             "the text",
	"optname.mentor":           "the mentor",
	"optname.mentee":           "the mentee",
	"optname.confirm":          "the confirmation",
	"optname.channel":          "the channel",
	"optname.action":           "what to do",
	"optname.user":             "the member",
	"optname.alias":            "the alias",
	"optname.proposal-timeout": "the time a mentor has to answer",
	"optname.charter-timeout":  "the time to accept the charter",
	"optname.checkin-after":    "the time before the first check-in",
	"optname.checkin-reminder": "the time before a check-in reminder",
	"optname.survey-after":     "the time before the survey",
	"optname.program-length":   "the length of a one-to-one relationship",
	"optname.checkin-every":    "the time between check-ins",
	"optname.escalate-after":   "the wait before the managers are told",
	"optname.max-tz-hours":     "the largest time difference",
	"optname.default-lang":     "the workspace's language",
	"optname.digest-channel":   "the digest's channel",

	"opt.add":      "topics to add to your offer; the others stay",
	"opt.remove":   "topics to take out of your offer; the others stay",
	"label.add":    "Topics to add",
	"label.remove": "Topics to remove",
	"field.years":  "Years of experience",

	"err.option_unknown":         "I don't know the option `{word}:`. The options of `/mentor {command}` are: {options}.",
	"err.option_twice":           "You gave `{name}:` twice (“{first}” and “{second}”): give it once.",
	"err.option_unknown_suggest": "I don't know the option `{word}:`. Did you mean `{suggestion}:`? The options of `/mentor {command}` are: {options}.",
	"err.bad_language":           "I don't know the language “{value}”. Write a code like fr or es, or a name like French or Spanish.",
	"err.bad_language_suggest":   "I don't know the language “{value}”. Did you mean {suggestion}? Write a code like fr or es, or a name like French or Spanish.",
	"err.offer_not_offered":      "You don't offer “{topic}”, so I changed nothing. Your topics are still {topics}.",
	"err.offer_none_to_remove":   "You have no offer yet, so there is nothing to remove. To offer your help: `/mentor offer <topics>`.",
	"err.offer_no_topic_left":    "An offer keeps at least one topic. To stop receiving requests for a while, type `/mentor pause`.",
	"err.offer_add_remove":       "You asked both to add “{topic}” and to remove it, so I changed nothing. Give it once: without `remove:` to keep it, or only after `remove:` to take it out.",
	"err.offer_add_remove_as":    "“{topic}” and “{removed}” are the same topic, which you asked both to add and to remove, so I changed nothing. Give it once: without `remove:` to keep it, or only after `remove:` to take it out.",

	"offer.current":    "Your offer: {topics}. Change only what you want, for example `/mentor offer capacity:3` or `/mentor offer add:rust remove:go`.",
	"err.one_language": "Give one language here, for example `language:es`; to give several, use `languages:`.",
}

func init() {
	for k, v := range catalogGrammarEN {
		addSentence(catalogEN, k, v)
	}
}
