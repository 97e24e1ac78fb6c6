package bot

// catalogTopicsEN holds the English sentences about topics: the managers'
// aliases and the suggestion made for a likely typo.
var catalogTopicsEN = map[string]string{
	"cmd.admin.topics.summary": "add, remove or list the workspace's own topic aliases",
	"cmd.admin.topics.example": "/mentor admin topics alias sre site reliability engineering",
	"opt.alias":                "the spelling members type, for example sre",

	"admin.topics.title":   "Topic aliases",
	"admin.topics.intro":   "Besides the usual spellings (k8s, golang, node.js…), this workspace reads:",
	"admin.topics.item":    "“{alias}” as “{topic}”",
	"admin.topics.none":    "This workspace has no topic aliases of its own yet. Add one with `/mentor admin topics alias sre site reliability engineering`.",
	"admin.topics.added":   "From now on, “{alias}” means “{topic}”, in every offer and request, including those already made.",
	"admin.topics.removed": "“{alias}” is no longer an alias.",

	"err.admin.topics_usage":     "Use `/mentor admin topics alias <alias> <topic>`, `remove <alias>` or `list`. For an alias of several words, write `alias conduite de projet = project management`.",
	"err.admin.topics_empty":     "An alias and its topic each need at least one letter or digit.",
	"err.admin.topics_too_long":  "An alias and its topic take at most {max} characters each.",
	"err.admin.topics_too_many":  "This workspace already has {max} topic aliases. Remove one first with `/mentor admin topics remove <alias>`.",
	"err.admin.topics_self":      "“{alias}” and “{topic}” are already the same topic, so there is nothing to add.",
	"err.admin.topics_within":    "No alias is needed: a request on “{alias}” already finds the mentors of “{topic}”, a topic that contains it. (As an alias, “{alias}” would also turn every other topic with that word into a longer one.)",
	"err.admin.topics_builtin":   "“{alias}” is one of the usual spellings of “{usual}”: as an alias, it would make every “{usual}” mean “{topic}”. Choose an alias of your own.",
	"err.admin.topics_cycle":     "“{alias}” can't mean “{topic}”: “{topic}” already leads back to “{alias}”, and the aliases would go round in circles.",
	"err.admin.topics_not_alias": "“{alias}” is not one of this workspace's aliases. Type `/mentor admin topics list` to see them.",

	"request.waiting_topic":        "Your request on “{topic}” is saved, and waits in the queue for a mentor who offers this topic.",
	"request.suggest":              "Nobody offers “{topic}”. Did you mean “{suggestion}” ({mentors})?",
	"request.topic_changed":        "Your request is now on “{topic}”.",
	"btn.request_topic":            "Change to “{topic}”",
	"count.mentors_one":            "1 mentor",
	"count.mentors":                "{count} mentors",
	"err.request_not_waiting":      "Your request is no longer waiting for a mentor, so its topic stays as it is.",
	"err.request_withdrawn_button": "This button is about a request you withdrew, so nothing was changed.",
	"err.request_topic_already":    "Your request is already on “{topic}”: nothing more to change.",

	// An alias given a new meaning, a built-in topic refused as an alias,
	// and a suggestion whose mentors all speak other languages.
	"admin.topics.replaced":              "It meant “{was}” until now.",
	"err.admin.topics_builtin_topic":     "“{alias}” is one of the usual topics: as an alias, it would make every “{usual}” mean “{topic}”. Choose an alias of your own.",
	"request.suggest_languages_one":      "Nobody offers “{topic}”. Did you mean “{suggestion}”? 1 {languages}-speaking mentor offers it.",
	"request.suggest_languages":          "Nobody offers “{topic}”. Did you mean “{suggestion}”? {count} {languages}-speaking mentors offer it.",
	"request.suggest_languages_many_one": "Nobody offers “{topic}”. Did you mean “{suggestion}”? 1 mentor who speaks {languages} offers it.",
	"request.suggest_languages_many":     "Nobody offers “{topic}”. Did you mean “{suggestion}”? {count} mentors who speak {languages} offer it.",

	// A broader topic than the request's, whose words are all among its
	// own, offered to the member instead (matching.Broader).
	"request.suggestion_full":        "{count|This mentor has|These mentors have} no free place right now: your request would wait for one.",
	"request.suggestion_paused":      "{count|This mentor has|These mentors have} paused their offer for now: your request would wait until {count|they resume|one of them resumes}.",
	"request.broader":                "Nobody offers “{topic}” yet. {count} {count|mentor offers|mentors offer} “{suggestion}”: ask them instead?",
	"request.broader_languages":      "Nobody offers “{topic}” yet. {count} {languages}-speaking {count|mentor offers|mentors offer} “{suggestion}”: ask them instead?",
	"request.broader_languages_many": "Nobody offers “{topic}” yet. {count} {count|mentor who speaks|mentors who speak} {languages} {count|offers|offer} “{suggestion}”: ask them instead?",

	// On Discord, a server (platformKey).
	"admin.topics.intro.discord":         "Besides the usual spellings (k8s, golang, node.js…), this server reads:",
	"admin.topics.none.discord":          "This server has no topic aliases of its own yet. Add one with `/mentor admin topics alias sre site reliability engineering`.",
	"err.admin.topics_too_many.discord":  "This server already has {max} topic aliases. Remove one first with `/mentor admin topics remove <alias>`.",
	"err.admin.topics_not_alias.discord": "“{alias}” is not one of this server's aliases. Type `/mentor admin topics list` to see them.",
}

func init() {
	for k, v := range catalogTopicsEN {
		addSentence(catalogEN, k, v)
	}
}
