package bot

// The sentences of the reasons a request waits that the matcher tells
// apart (the mentee is the topic's only mentor, reverse mentoring with
// no less senior mentor), and of the languages a member speaks, in
// French.
var catalogLanguagesFR = map[string]string{
	"waiting.self":                   "Personne d'autre que vous ne propose encore «\u202f{topic}\u202f».",
	"waiting.self_theirs":            "Personne d'autre que cette personne ne propose encore «\u202f{topic}\u202f».",
	"waiting.not_again":              "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» {count|est une personne|sont des personnes} avec qui une de vos propositions ou un de vos binômes n'a pas abouti, et je ne vous remets pas en relation de moi-même. Une personne responsable du programme peut encore vous mettre en relation à la main.",
	"waiting.not_again_theirs":       "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» {count|est une personne|sont des personnes} avec qui une de ses propositions ou un de ses binômes n'a pas abouti\u202f: pas de nouvelle mise en relation automatique (une personne responsable peut la faire avec `/mentor admin binôme`).",
	"waiting.paired":                 "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» {count|forme|forment} déjà un binôme avec vous sur ce sujet, et je ne propose pas deux fois le même binôme.",
	"waiting.paired_theirs":          "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» {count|forme|forment} déjà un binôme avec cette personne sur ce sujet\u202f: le même binôme n'est pas proposé deux fois.",
	"waiting.not_less_senior":        "Aucun mentor de «\u202f{topic}\u202f» n'a moins d'expérience que vous, comme le demande le mentorat inversé.",
	"waiting.not_less_senior_theirs": "Aucun mentor de «\u202f{topic}\u202f» n'a moins d'expérience que cette personne, comme le demande le mentorat inversé.",

	"langs.or":                          " ou ",
	"langs.and":                         " et ",
	"langs.gap_none_one":                "Aucun mentor parlant {languages} ne propose encore «\u202f{topic}\u202f»",
	"langs.gap_none_many":               "Aucun mentor parlant {languages} ne propose encore «\u202f{topic}\u202f»",
	"langs.gap_none_other_one":          "Aucun autre mentor parlant {languages} ne propose «\u202f{topic}\u202f»",
	"langs.gap_none_other_many":         "Aucun autre mentor parlant {languages} ne propose «\u202f{topic}\u202f»",
	"langs.gap_others":                  "{count} mentors parlant {languages} le proposent.",
	"langs.gap_others_one":              "1 mentor parlant {languages} le propose.",
	"langs.gap_others_many":             "{count} mentors parlant {languages} le proposent.",
	"langs.gap_others_many_one":         "1 mentor parlant {languages} le propose.",
	"langs.ask":                         "Si un mentor parlant {languages} vous convient aussi, cliquez sur le bouton\u202f: je chercherai de nouveau aussitôt.",
	"btn.request_languages":             "Accepter aussi\u202f: {languages}",
	"request.languages_changed":         "Votre demande sur «\u202f{topic}\u202f» accepte désormais aussi les mentors parlant {languages}.",
	"err.request_languages_widened":     "Votre demande sur «\u202f{topic}\u202f» accepte déjà aussi les mentors parlant {languages}\u202f: rien n'a changé. `/mentor statut` indique où elle en est.",
	"err.request_not_waiting_languages": "Votre demande n'attend plus de mentor\u202f: ses langues restent inchangées.",
	"waiting.language_asked":            "{count|Le mentor|Les mentors} de «\u202f{topic}\u202f» ne {count|parle|parlent} pas la langue voulue pour cette demande.",
	"status.request_languages":          "Cette demande cherche un mentor qui parle {languages}.",
	"status.languages":                  "Langues\u202f: vous lisez les messages en {reading}\u202f; pour le mentorat, vous parlez {spoken}.",
	"status.languages_default":          "Langues\u202f: vous lisez les messages en {reading}\u202f; pour le mentorat, vous parlez {spoken} tant que vous n'indiquez pas vos langues avec `langues:` (ou `languages:`) dans une offre ou une demande.",
}

func init() {
	for k, v := range catalogLanguagesFR {
		addSentence(catalogFR, k, v)
	}
}
