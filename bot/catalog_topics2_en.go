package bot

// catalogTopics2EN holds the English sentences of an alias added again
// and of a request's own languages told to a manager who pairs.
var catalogTopics2EN = map[string]string{
	"admin.topics.already":             "“{alias}” already means “{topic}”, so there is nothing to add.",
	"admin.topics.already_as":          "“{alias}” is read as the alias “{first}”, which already means “{topic}”, so there is nothing to add.",
	"admin.pair.warn_language_request": "{mentee}'s request asks for a mentor who speaks {mentee_languages}, and {mentor} speaks {mentor_languages}. Both speak {shared}: pair them if {mentee} is happy with mentoring in {shared}",
	"langs.ask_full":                   "If a mentor who speaks {languages} suits you too, click the button: your request will be proposed as soon as a place is free.",
}

func init() {
	for k, v := range catalogTopics2EN {
		addSentence(catalogEN, k, v)
	}
}
