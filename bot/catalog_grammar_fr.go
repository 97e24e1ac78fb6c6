package bot

// catalogGrammarFR holds the sentences of the command grammar, in French.
var catalogGrammarFR = map[string]string{
	"err.verb_suggest":         "Je ne connais pas «\u202f{word}\u202f» après `/mentor {command}`. Vouliez-vous dire `/mentor {suggestion}`\u202f? {usage}",
	"err.option_colon":         "Vouliez-vous dire `{name}:{value}`\u202f? Une option s'écrit avec deux-points après son nom.",
	"err.option_no_value":      "Donnez une valeur à `{name}:` après ses deux-points\u202f: {help}.",
	"err.option_in_value":      "Pour {option}, `{word}:` n'a pas sa place dans la valeur\u202f: c'est une option à part entière, à indiquer à part.",
	"optname.command":          "la commande",
	"optname.topics":           "les sujets",
	"optname.capacity":         "le nombre de places",
	"optname.languages":        "les langues",
	"optname.kinds":            "les formes de mentorat",
	"optname.tz":               "le fuseau horaire",
	"optname.years":            "les années d'expérience",
	"optname.add":              "les sujets à ajouter",
	"optname.remove":           "les sujets à retirer",
	"optname.topic":            "le sujet",
	"optname.kind":             "la forme de mentorat",
	"optname.language":         "la langue",
	"optname.goal":             "l'objectif",
	"optname.lang":             "la langue",
	"optname.pair":             "le binôme",
	"optname.text":             "le texte",
	"optname.mentor":           "le mentor",
	"optname.mentee":           "la personne mentorée",
	"optname.confirm":          "la confirmation",
	"optname.channel":          "le canal",
	"optname.action":           "l'action",
	"optname.user":             "le membre",
	"optname.alias":            "l'alias",
	"optname.proposal-timeout": "le délai de réponse d'un mentor",
	"optname.charter-timeout":  "le délai pour accepter la charte",
	"optname.checkin-after":    "le délai avant le premier point d'étape",
	"optname.checkin-reminder": "le délai avant la relance d'un point d'étape",
	"optname.survey-after":     "le délai avant le questionnaire",
	"optname.program-length":   "la durée d'un mentorat individuel",
	"optname.checkin-every":    "l'intervalle entre deux points d'étape",
	"optname.escalate-after":   "l'attente avant de prévenir les responsables",
	"optname.max-tz-hours":     "le décalage horaire maximal",
	"optname.default-lang":     "la langue de l'espace de travail",
	"optname.digest-channel":   "le canal du bilan hebdomadaire",

	"opt.add":      "des sujets à ajouter à votre offre, sans retaper les autres",
	"opt.remove":   "des sujets à retirer de votre offre, les autres restent",
	"label.add":    "Sujets à ajouter",
	"label.remove": "Sujets à retirer",
	"field.years":  "Années d'expérience",

	"err.option_unknown":         "Je ne connais pas l'option `{word}:`. Les options de `/mentor {command}` sont\u202f: {options}.",
	"err.option_twice":           "Vous avez donné `{name}:` deux fois («\u202f{first}\u202f» et «\u202f{second}\u202f»)\u202f: ne donnez cette option qu'une fois.",
	"err.option_unknown_suggest": "Je ne connais pas l'option `{word}:`. Vouliez-vous dire `{suggestion}:`\u202f? Les options de `/mentor {command}` sont\u202f: {options}.",
	"err.bad_language":           "Je ne connais pas la langue «\u202f{value}\u202f». Écrivez un code comme fr ou es, ou un nom comme français ou espagnol.",
	"err.bad_language_suggest":   "Je ne connais pas la langue «\u202f{value}\u202f». Vouliez-vous dire {suggestion}\u202f? Écrivez un code comme fr ou es, ou un nom comme français ou espagnol.",
	"err.offer_not_offered":      "Vous ne proposez pas «\u202f{topic}\u202f»\u202f: je n'ai rien changé. Vos sujets restent {topics}.",
	"err.offer_none_to_remove":   "Vous n'avez pas encore d'offre\u202f: il n'y a rien à retirer. Pour proposer votre aide\u202f: `/mentor propose <sujets>`.",
	"err.offer_no_topic_left":    "Une offre garde au moins un sujet. Pour ne plus recevoir de demandes pendant un temps, tapez `/mentor pause`.",
	"err.offer_add_remove":       "Vous demandez à la fois d'ajouter «\u202f{topic}\u202f» et de le retirer\u202f: je n'ai rien changé. Indiquez-le une seule fois, sans `retirer:` pour le garder, ou seulement après `retirer:` pour l'enlever.",
	"err.offer_add_remove_as":    "«\u202f{topic}\u202f» et «\u202f{removed}\u202f» sont le même sujet, que vous demandez à la fois d'ajouter et de retirer\u202f: je n'ai rien changé. Indiquez-le une seule fois, sans `retirer:` pour le garder, ou seulement après `retirer:` pour l'enlever.",

	"offer.current":    "Votre offre\u202f: {topics}. Changez seulement ce que vous voulez, par exemple `/mentor propose capacité:3` ou `/mentor propose ajouter:rust retirer:go`.",
	"err.one_language": "Une seule langue ici, par exemple `langue:espagnol` ; pour en donner plusieurs, utilisez `langues:`.",
}

func init() {
	for k, v := range catalogGrammarFR {
		addSentence(catalogFR, k, v)
	}
}
