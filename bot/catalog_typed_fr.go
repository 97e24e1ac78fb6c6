package bot

// catalogTypedFR holds the sentences of what members and managers type
// (commands, settings, programs), in French.
var catalogTypedFR = map[string]string{
	"admin.digest_channel.was_off": "Aucun canal des responsables n'était choisi\u202f: aucun bilan n'était publié, rien ne change. Pour en recevoir un, choisissez un canal avec `/mentor admin canal-bilan #canal`.",
	"err.date_no_such_day":         "La date «\u202f{value}\u202f» n'existe pas\u202f: {month} n'a que {days} jours.",
	"program.created_no_channel":   "Programme «\u202f{name}\u202f» créé (`{id}`), du {start} au {end}. Les membres le rejoignent avec `programme:{id}` dans `/mentor propose` et `/mentor demande`. Aucun canal des responsables n'est choisi\u202f: je ne peux donc pas y publier sa vague de lancement pour que vous la vérifiiez. Ses demandes attendent jusqu'au {start}, puis sont proposées aux mentors comme d'habitude, dans la journée. Pour vérifier la vague d'abord, tapez `/mentor admin vague programme:{id}` le {start}, ou choisissez un canal d'ici là avec `/mentor admin canal-bilan #canal`.",
}

func init() {
	for k, v := range catalogTypedFR {
		addSentence(catalogFR, k, v)
	}
}
