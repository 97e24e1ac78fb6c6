package bot

// catalogPrivacyFR holds the sentences of /mentor forget and /mentor
// export-me, and what the other member of a pair hears when a member's data
// is erased, in French.
var catalogPrivacyFR = map[string]string{
	"cmd.forget.summary":    "effacer tout ce que le bot conserve sur vous (après confirmation)",
	"cmd.forget.example":    "/mentor oublier",
	"cmd.export-me.summary": "recevoir tout ce que le bot conserve sur vous, dans un fichier",
	"cmd.export-me.example": "/mentor mes-données",
	"forget.nothing":        "Je ne conserve rien sur vous : il n'y a rien à effacer.",
	"forget.confirm_title":  "Effacer toutes vos données ?",
	"forget.confirm":        "Cela efface votre profil, votre offre et vos demandes, vos binômes, vos réponses aux points d'étape et aux questionnaires, et vos acceptations de la charte. Si vous êtes en binôme, l'autre personne apprendra que votre binôme est terminé. C'est définitif. Pour en garder une copie avant, utilisez `/mentor mes-données`.",
	"btn.forget_confirm":    "Oui, tout effacer",
	"btn.forget_keep":       "Non, garder mes données",
	"forget.done":           "C'est fait : tout ce que je conservais sur vous est effacé. Les chiffres du programme comptent toujours votre participation, sans votre nom. Merci d'y avoir pris part.",
	"forget.already":        "Vos données sont déjà effacées\u202f: je ne conserve plus rien sur vous, il n'y a donc plus rien à faire.",
	"forget.kept":           "Très bien : rien n'a été effacé.",
	"forget.ended_mentor":   "La personne que vous accompagniez a quitté le programme : votre binôme sur « {topic} » est terminé. Merci pour le temps que vous avez donné. Souhaitez-vous accompagner une autre personne ?",
	"forget.ended_mentee":   "Votre mentor a quitté le programme : votre binôme sur « {topic} » est terminé. Souhaitez-vous un nouveau binôme sur « {topic} » ?",
	"forget.charter_mentor": "La personne mentorée a quitté le programme : le binôme sur « {topic} » est annulé. Merci d'avoir offert votre temps.",
	"forget.charter_mentee": "Votre mentor a quitté le programme : le binôme sur « {topic} » est annulé. Pas d'inquiétude : votre demande retourne dans la file, pour le prochain mentor qui correspondra.",
	"forget.former_member":  "un ancien membre",
	"exportme.title":        "Vos données mentorbot",
	"exportme.file":         "Voici tout ce que je conserve sur vous, dans un fichier JSON. Il contient des données personnelles : conservez-le en lieu sûr.",
	"exportme.done":         "Vos données arrivent, dans un fichier en message privé.",

	// The file could not be sent to the member who asked for it: they
	// have not left, the platform could not write to them.
	"err.exportme_no_dm":         "Je n'ai pas pu vous envoyer le fichier en message privé\u202f: rien n'a été envoyé. Vérifiez que mentorbot peut vous écrire en message privé, puis tapez à nouveau `/mentor mes-données`.",
	"err.exportme_no_dm.discord": "Je n'ai pas pu vous envoyer le fichier en message privé\u202f: vos messages privés me sont fermés. Pour les ouvrir, ouvrez le menu de ce serveur, choisissez Paramètres de confidentialité et activez les messages privés, puis tapez à nouveau `/mentor mes-données`.",
}

func init() {
	for k, v := range catalogPrivacyFR {
		addSentence(catalogFR, k, v)
	}
}
