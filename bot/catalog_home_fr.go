package bot

// catalogHomeFR holds the sentences of a member's home (home*.go), in
// French.
var catalogHomeFR = map[string]string{
	"home.paused_until":        "en pause jusqu'au {date}",
	"home.request_paused":      "En pause jusqu'au {date}.",
	"home.request_paused_open": "En pause\u202f: je ne la propose à personne tant que vous n'avez pas repris.",
	"home.no_meeting":          "Pas encore de rendez-vous convenu.",
	"home.meeting":             "Prochain rendez-vous\u202f: le {when}",
	"home.last_meeting":        "Dernier rendez-vous convenu\u202f: le {when}. `/mentor rendez-vous` propose de nouveaux créneaux.",
	"home.checkin":             "Prochain point d'étape\u202f: le {date}",
	"home.goals":               "Objectifs\u202f:",
	"home.goal_by":             "{goal} ({name})\u202f: {progress}",
	"home.goal.not-started":    "pas commencé",
	"home.goal.in-progress":    "en cours",
	"home.goal.done":           "atteint",
	"home.request_how":         "Tapez `/mentor demande` suivi de votre sujet, par exemple `/mentor demande kubernetes`.",
	"home.profile_how":         "Réglez votre fuseau horaire et vos heures de travail avec `/mentor profil`, par exemple `/mentor profil fuseau:Europe/Paris heures:9h-18h`.",
	"btn.home_offer_change":    "Modifier mon offre",
	"btn.home_request":         "Demander un mentor",
	"btn.home_pause":           "Mettre en pause",
	"btn.home_resume":          "Reprendre",
	"btn.home_profile":         "Mon fuseau horaire et mes horaires",
}

func init() {
	for k, v := range catalogHomeFR {
		addSentence(catalogFR, k, v)
	}
}
