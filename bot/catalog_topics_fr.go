package bot

// catalogTopicsFR holds the French sentences about topics: the managers'
// aliases and the suggestion made for a likely typo.
var catalogTopicsFR = map[string]string{
	"cmd.admin.topics.summary":     "ajouter, retirer ou lister les alias de sujets propres à l'espace de travail",
	"cmd.admin.topics.example":     "/mentor admin sujets alias conduite de projet = project management",
	"opt.alias":                    "l'écriture que tapent les membres, par exemple sre",
	"admin.topics.title":           "Alias de sujets",
	"admin.topics.intro":           "En plus des écritures courantes (k8s, golang, node.js…), cet espace de travail comprend :",
	"admin.topics.item":            "« {alias} » comme « {topic} »",
	"admin.topics.none":            "Cet espace de travail n'a pas encore d'alias de sujets à lui. Ajoutez-en un avec `/mentor admin sujets alias sre site reliability engineering`.",
	"admin.topics.added":           "Désormais, « {alias} » veut dire « {topic} », dans toutes les offres et demandes, y compris celles déjà faites.",
	"admin.topics.removed":         "« {alias} » n'est plus un alias.",
	"err.admin.topics_usage":       "Utilisez `/mentor admin sujets alias <alias> <sujet>`, `retirer <alias>` ou `lister`. Pour un alias de plusieurs mots, écrivez `alias conduite de projet = project management`.",
	"err.admin.topics_empty":       "Un alias et son sujet doivent chacun contenir au moins une lettre ou un chiffre.",
	"err.admin.topics_too_long":    "Un alias et son sujet font au plus {max} caractères chacun.",
	"err.admin.topics_too_many":    "Cet espace de travail a déjà {max} alias de sujets. Retirez-en d'abord un avec `/mentor admin sujets retirer <alias>`.",
	"err.admin.topics_self":        "« {alias} » et « {topic} » sont déjà le même sujet : il n'y a rien à ajouter.",
	"err.admin.topics_within":      "Pas besoin d'alias : une demande sur « {alias} » trouve déjà les mentors de « {topic} », un sujet qui le contient. (En alias, « {alias} » allongerait aussi tous les autres sujets qui contiennent ce mot.)",
	"err.admin.topics_builtin":     "« {alias} » est une des écritures courantes de « {usual} » : en alias, il ferait que chaque « {usual} » veuille dire « {topic} ». Choisissez un alias qui vous soit propre.",
	"err.admin.topics_cycle":       "« {alias} » ne peut pas vouloir dire « {topic} » : « {topic} » ramène déjà à « {alias} », et les alias tourneraient en rond.",
	"err.admin.topics_not_alias":   "« {alias} » n'est pas un alias de cet espace de travail. Tapez `/mentor admin sujets lister` pour les voir.",
	"request.waiting_topic":        "Votre demande sur «\u202f{topic}\u202f» est enregistrée et attend dans la file qu'un mentor propose ce sujet.",
	"request.suggest":              "Personne ne propose « {topic} ». Vouliez-vous dire « {suggestion} » ({mentors}) ?",
	"request.topic_changed":        "Votre demande porte désormais sur « {topic} ».",
	"btn.request_topic":            "Passer à « {topic} »",
	"count.mentors_one":            "1 mentor",
	"count.mentors":                "{count} mentors",
	"err.request_not_waiting":      "Votre demande n'attend plus de mentor : son sujet reste tel quel.",
	"err.request_withdrawn_button": "Ce bouton concerne une demande que vous avez retirée : rien n'a été modifié.",
	"err.request_topic_already":    "Votre demande porte déjà sur « {topic} » : il n'y a rien d'autre à changer.",

	// An alias given a new meaning, a built-in topic refused as an alias,
	// and a suggestion whose mentors all speak other languages.
	"admin.topics.replaced":              "Jusqu'ici, il voulait dire «\u202f{was}\u202f».",
	"err.admin.topics_builtin_topic":     "«\u202f{alias}\u202f» est un des sujets courants\u202f: en alias, il ferait que chaque «\u202f{usual}\u202f» veuille dire «\u202f{topic}\u202f». Choisissez un alias qui vous soit propre.",
	"request.suggest_languages_one":      "Personne ne propose «\u202f{topic}\u202f». Vouliez-vous dire «\u202f{suggestion}\u202f»\u202f? 1 mentor parlant {languages} le propose.",
	"request.suggest_languages":          "Personne ne propose «\u202f{topic}\u202f». Vouliez-vous dire «\u202f{suggestion}\u202f»\u202f? {count} mentors parlant {languages} le proposent.",
	"request.suggest_languages_many_one": "Personne ne propose «\u202f{topic}\u202f». Vouliez-vous dire «\u202f{suggestion}\u202f»\u202f? 1 mentor parlant {languages} le propose.",
	"request.suggest_languages_many":     "Personne ne propose «\u202f{topic}\u202f». Vouliez-vous dire «\u202f{suggestion}\u202f»\u202f? {count} mentors parlant {languages} le proposent.",

	// A broader topic than the request's, whose words are all among its
	// own, offered to the member instead (matching.Broader).
	"request.suggestion_full":        "{count|Ce mentor n'a|Ces mentors n'ont} pas de place libre pour l'instant : votre demande attendrait qu'une place se libère.",
	"request.suggestion_paused":      "{count|Ce mentor a|Ces mentors ont} mis {count|son|leur} offre en pause pour l'instant : votre demande attendrait {count|sa reprise|que l'un d'eux reprenne}.",
	"request.broader":                "Personne ne propose encore «\u202f{topic}\u202f». {count} {count|mentor propose|mentors proposent} «\u202f{suggestion}\u202f»\u202f: voulez-vous plutôt {count|lui|leur} adresser votre demande\u202f?",
	"request.broader_languages":      "Personne ne propose encore «\u202f{topic}\u202f». {count} {count|mentor parlant|mentors parlant} {languages} {count|propose|proposent} «\u202f{suggestion}\u202f»\u202f: voulez-vous plutôt {count|lui|leur} adresser votre demande\u202f?",
	"request.broader_languages_many": "Personne ne propose encore «\u202f{topic}\u202f». {count} {count|mentor parlant|mentors parlant} {languages} {count|propose|proposent} «\u202f{suggestion}\u202f»\u202f: voulez-vous plutôt {count|lui|leur} adresser votre demande\u202f?",

	// On Discord, a server (platformKey).
	"admin.topics.intro.discord":         "En plus des écritures courantes (k8s, golang, node.js…), ce serveur comprend\u202f:",
	"admin.topics.none.discord":          "Ce serveur n'a pas encore d'alias de sujets à lui. Ajoutez-en un avec `/mentor admin sujets alias sre site reliability engineering`.",
	"err.admin.topics_too_many.discord":  "Ce serveur a déjà {max} alias de sujets. Retirez-en d'abord un avec `/mentor admin sujets retirer <alias>`.",
	"err.admin.topics_not_alias.discord": "«\u202f{alias}\u202f» n'est pas un alias de ce serveur. Tapez `/mentor admin sujets lister` pour les voir.",
}

func init() {
	for k, v := range catalogTopicsFR {
		addSentence(catalogFR, k, v)
	}
}
