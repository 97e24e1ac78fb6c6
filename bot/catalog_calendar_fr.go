package bot

// catalogCalendarFR holds the sentences about a member's meetings across
// their pairs (meeting_taken.go) and about a pair whose member left the
// workspace or asked to be forgotten (forget.go), in French.
var catalogCalendarFR = map[string]string{
	// The names of the files sent to a member (the calendar's, their data),
	// which Slack shows as their titles.
	"file.export_me":   "mentorbot-mes-donnees-{date}.json",
	"file.ics_meeting": "rendez-vous-mentorat-{when}.ics",
	"file.ics_cancel":  "annulation-{when}.ics",
	"meettaken.yours":  "Vous avez déjà un autre rendez-vous de mentorat le {busy}, qui chevauche le créneau {n}, {when}\u202f: je n'ai pas noté ce créneau, pour ne pas vous donner deux rendez-vous à la même heure.",
	"meettaken.theirs": "{name} a déjà un autre rendez-vous de mentorat pendant le créneau {n}, {when}\u202f: ce créneau ne peut pas être retenu, je ne l'ai donc pas noté.",
	"meettaken.still":  "Vous pouvez encore choisir {times}, ou cliquer sur «\u202fProposer d'autres créneaux\u202f» pour en avoir de nouveaux.",

	"meetleft.cancel":                "Votre rendez-vous, le {when}, est annulé\u202f: le binôme a pris fin.",
	"meetleft.ics_summary":           "Mentorat\u202f: {topic}",
	"opentopic.meetleft.ics_summary": "Séance de mentorat",

	"forget.left_ended_mentor":                   "La personne que vous accompagniez a quitté l'espace de travail, et donc le programme\u202f: votre binôme sur «\u202f{topic}\u202f» est terminé. Merci pour le temps que vous avez donné. Souhaitez-vous accompagner une autre personne\u202f?",
	"forget.left_ended_mentor.discord":           "La personne que vous accompagniez a quitté le serveur, et donc le programme\u202f: votre binôme sur «\u202f{topic}\u202f» est terminé. Merci pour le temps que vous avez donné. Souhaitez-vous accompagner une autre personne\u202f?", // platformKey
	"forget.left_ended_mentee":                   "Votre mentor a quitté l'espace de travail, et donc le programme\u202f: votre binôme sur «\u202f{topic}\u202f» est terminé. Souhaitez-vous un nouveau binôme sur «\u202f{topic}\u202f»\u202f?",
	"forget.left_ended_mentee.discord":           "Votre mentor a quitté le serveur, et donc le programme\u202f: votre binôme sur «\u202f{topic}\u202f» est terminé. Souhaitez-vous un nouveau binôme sur «\u202f{topic}\u202f»\u202f?", // platformKey
	"opentopic.forget.left_ended_mentee":         "Votre mentor a quitté l'espace de travail, et donc le programme\u202f: votre binôme de l'événement de speed mentoring est terminé. Souhaitez-vous un nouveau binôme\u202f?",
	"opentopic.forget.left_ended_mentee.discord": "Votre mentor a quitté le serveur, et donc le programme\u202f: votre binôme de l'événement de speed mentoring est terminé. Souhaitez-vous un nouveau binôme\u202f?",
	"forget.left_charter_mentor":                 "La personne mentorée a quitté l'espace de travail, et donc le programme\u202f: le binôme sur «\u202f{topic}\u202f» est annulé. Merci d'avoir offert votre temps.",
	"forget.left_charter_mentor.discord":         "La personne mentorée a quitté le serveur, et donc le programme\u202f: le binôme sur «\u202f{topic}\u202f» est annulé. Merci d'avoir offert votre temps.", // platformKey
	"forget.left_charter_mentee":                 "Votre mentor a quitté l'espace de travail, et donc le programme\u202f: le binôme sur «\u202f{topic}\u202f» est annulé. Pas d'inquiétude\u202f: votre demande retourne dans la file, pour le prochain mentor qui correspondra.",
	"forget.left_charter_mentee.discord":         "Votre mentor a quitté le serveur, et donc le programme\u202f: le binôme sur «\u202f{topic}\u202f» est annulé. Pas d'inquiétude\u202f: votre demande retourne dans la file, pour le prochain mentor qui correspondra.", // platformKey
}

func init() {
	for k, v := range catalogCalendarFR {
		addSentence(catalogFR, k, v)
	}
}
