package bot

// The sentences of the reasons a request waits that the matcher tells
// apart (the mentee is the topic's only mentor, reverse mentoring with
// no less senior mentor), and of the languages a member speaks, in
// English.
var catalogLanguagesEN = map[string]string{
	"waiting.self":                   "Nobody but you offers “{topic}” yet.",
	"waiting.self_theirs":            "Nobody but them offers “{topic}” yet.",
	"waiting.not_less_senior":        "No mentor for “{topic}” is less senior than you, as reverse mentoring needs.",
	"waiting.not_less_senior_theirs": "No mentor for “{topic}” is less senior than them, as reverse mentoring needs.",
}

func init() {
	for k, v := range catalogLanguagesEN {
		catalogEN[k] = v
	}
}
