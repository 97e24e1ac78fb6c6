package bot

// The sentences of the reasons a request waits that the matcher tells
// apart (the mentee is the topic's only mentor, reverse mentoring with
// no less senior mentor), and of the languages a member speaks, in
// English.
var catalogLanguagesEN = map[string]string{
	"waiting.self":                   "Nobody but you offers “{topic}” yet.",
	"waiting.self_theirs":            "Nobody but them offers “{topic}” yet.",
	"waiting.not_again":              "The {count|mentor|mentors} for “{topic}” {count|is someone|are people} with whom a proposal or a pair of yours did not work out before, and I don't pair you with them again on my own. A manager can still pair you by hand.",
	"waiting.not_again_theirs":       "The {count|mentor|mentors} for “{topic}” {count|is someone|are people} with whom a proposal or a pair of theirs did not work out before: not paired again automatically (a manager can, with `/mentor admin pair`).",
	"waiting.paired":                 "{count|The mentor|The mentors} for “{topic}” already {count|has|have} a pair with you on this topic, and I don't propose the same pair twice.",
	"waiting.paired_theirs":          "{count|The mentor|The mentors} for “{topic}” already {count|has|have} a pair with them on this topic: the same pair is not proposed twice.",
	"waiting.not_less_senior":        "No mentor for “{topic}” is less senior than you, as reverse mentoring needs.",
	"waiting.not_less_senior_theirs": "No mentor for “{topic}” is less senior than them, as reverse mentoring needs.",

	"langs.or":                          " or ",
	"langs.and":                         " and ",
	"langs.gap_none_one":                "No {languages}-speaking mentor offers “{topic}” yet",
	"langs.gap_none_many":               "No mentor who speaks {languages} offers “{topic}” yet",
	"langs.gap_none_other_one":          "No other {languages}-speaking mentor offers “{topic}”",
	"langs.gap_none_other_many":         "No other mentor who speaks {languages} offers “{topic}”",
	"langs.gap_others":                  "{count} {languages}-speaking mentors do.",
	"langs.gap_others_one":              "1 {languages}-speaking mentor does.",
	"langs.gap_others_many":             "{count} mentors who speak {languages} do.",
	"langs.gap_others_many_one":         "1 mentor who speaks {languages} does.",
	"langs.ask":                         "If a mentor who speaks {languages} suits you too, click the button: I'll look again at once.",
	"btn.request_languages":             "Also accept {languages}",
	"request.languages_changed":         "Your request on “{topic}” now also accepts mentors who speak {languages}.",
	"err.request_languages_widened":     "Your request on “{topic}” already accepts mentors who speak {languages} too: nothing changed. `/mentor status` says where it stands.",
	"err.request_not_waiting_languages": "Your request is no longer waiting for a mentor, so its languages stay as they are.",
	"waiting.language_asked":            "The {count|mentor|mentors} for “{topic}” {count|doesn't|don't} speak the language this request asks for.",
	"status.request_languages":          "This request asks for a mentor who speaks {languages}.",
	"status.languages":                  "Languages: you read {reading}; you speak {spoken} for mentoring.",
	"status.languages_default":          "Languages: you read {reading}; for mentoring, you speak {spoken} until you give your languages with `languages:` on an offer or a request.",
}

func init() {
	for k, v := range catalogLanguagesEN {
		addSentence(catalogEN, k, v)
	}
}
