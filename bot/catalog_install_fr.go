package bot

// catalogInstallFR holds the sentences of installing the app on a
// workspace: the pages of the Slack install by OAuth ("oauth.") and the answer
// where it is not installed or lacks a permission ("install."), in
// French. Keys sorted.
var catalogInstallFR = map[string]string{
	"install.welcome": "Merci d'avoir installé mentorbot. Comme c'est vous qui l'avez installé, vous êtes responsable du programme dans cet espace de travail. Pour commencer\u202f:\n" +
		"1. Invitez `@mentorbot` dans le canal des responsables et choisissez-le pour le bilan hebdomadaire\u202f: `/mentor admin canal-bilan #equipe-mentorat`\n" +
		"2. Donnez le fuseau horaire du programme, pour le bilan et les rendez-vous\u202f: `/mentor admin réglages fuseau:{tz}`\n" +
		"3. Lancez l'appel à mentors, en français et en anglais\u202f: `/mentor admin annonce #general langue:les-deux`\n" +
		"Les membres tapent ensuite `/mentor propose` ou `/mentor demande`. `/mentor admin aide` liste les commandes des responsables.",
	"install.welcome_title":      "mentorbot est installé",
	"install.missing_permission": "Slack ne m'autorise pas à faire cela dans cet espace de travail\u202f: rien n'a été envoyé. Un administrateur de l'espace de travail peut y remédier en réinstallant mentorbot.",
	"install.not_installed":      "mentorbot n'est pas installé dans cet espace de travail\u202f: il ne peut pas répondre ici. Demandez à un administrateur de l'espace de travail de l'ajouter à Slack.",
	"oauth.again":                "Recommencer l'installation",
	"oauth.denied":               "Vous avez annulé l'installation\u202f: rien n'a été installé. Vous pouvez installer mentorbot à tout moment depuis le même lien.",
	"oauth.done":                 "mentorbot est maintenant installé dans l'espace de travail {workspace}.",
	"oauth.done_help":            "Tapez {command} dans n'importe quelle conversation pour découvrir ce qu'il fait.",
	"oauth.done_home":            "Ouvrir mentorbot dans Slack",
	"oauth.done_manager":         "Comme c'est vous qui l'avez installé, vous êtes responsable du programme dans cet espace de travail.",
	"oauth.expired":              "Ce lien d'installation a expiré (il n'est valable que {minutes} minutes)\u202f: rien n'a été installé. Recommencez l'installation.",
	"oauth.failed":               "L'installation n'a pas pu être enregistrée\u202f: rien n'a été installé. Réessayez dans quelques minutes.",
	"oauth.forged":               "Ce lien d'installation n'est pas valable\u202f: rien n'a été installé. Recommencez depuis le lien d'installation.",
	"oauth.org_wide":             "mentorbot ne peut pas être installé sur toute une organisation Enterprise Grid à la fois\u202f: rien n'a été installé. Installez-le plutôt sur chaque espace de travail de l'organisation, l'un après l'autre.",
	"oauth.other_browser":        "Cette installation a été commencée dans un autre navigateur, ou votre navigateur n'a pas gardé son cookie\u202f: rien n'a été installé. Recommencez depuis le lien d'installation, dans ce navigateur.",
	"oauth.slack_error_unknown":  "Slack n'a pas terminé l'installation, sans en donner la raison\u202f: rien n'a été installé. Réessayez dans quelques minutes.",
	"oauth.slack_error":          "Slack n'a pas terminé l'installation ({error})\u202f: rien n'a été installé. Réessayez dans quelques minutes.",
	"oauth.title_done":           "mentorbot est installé",
	"oauth.title_refused":        "mentorbot n'a pas été installé",
	"oauth.used":                 "Ce lien d'installation a déjà servi\u202f: rien de plus n'a été installé. Pour installer mentorbot à nouveau, recommencez depuis le lien d'installation.",
}

func init() {
	for k, v := range catalogInstallFR {
		addSentence(catalogFR, k, v)
	}
}
