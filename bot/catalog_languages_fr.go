package bot

// The sentences of the reasons a request waits that the matcher tells
// apart (the mentee is the topic's only mentor, reverse mentoring with
// no less senior mentor), and of the languages a member speaks, in
// French.
var catalogLanguagesFR = map[string]string{
	"waiting.self":                   "Personne d'autre que vous ne propose encore «\u202f{topic}\u202f».",
	"waiting.self_theirs":            "Personne d'autre que cette personne ne propose encore «\u202f{topic}\u202f».",
	"waiting.not_less_senior":        "Aucun mentor de «\u202f{topic}\u202f» n'a moins d'expérience que vous, comme le demande le mentorat inversé.",
	"waiting.not_less_senior_theirs": "Aucun mentor de «\u202f{topic}\u202f» n'a moins d'expérience que cette personne, comme le demande le mentorat inversé.",
}

func init() {
	for k, v := range catalogLanguagesFR {
		catalogFR[k] = v
	}
}
