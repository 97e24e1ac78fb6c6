package bot

// catalogJoiningFR holds the sentences of joining a program from a form,
// and of moving a request to the program where its mentors are
// (waiting_programs.go, form_request.go), in French.
var catalogJoiningFR = map[string]string{
	"waiting.program_in":    "{count|Un mentor propose|Des mentors proposent} « {topic} », mais seulement dans {programs} pour l'instant.",
	"waiting.program_move":  "{count|Ce mentor est|Ces mentors sont} dans {programs}\u202f: pour y déplacer votre demande, tapez `/mentor annuler`, puis {commands}.",
	"escalate.text_program": "La demande de {name} sur «\u202f{topic}\u202f»{program} attend un mentor depuis {days} {days|jour|jours}. {count|Le mentor|Les mentors} de ce sujet qui {count|pourrait|pourraient} la prendre {count|est|sont} dans {programs}, pas dans {here}\u202f: {name} peut y déplacer sa demande avec `/mentor annuler`, puis {commands}\u202f; vous pouvez aussi former le binôme vous-même avec `/mentor admin binôme`.",
	"program.default_id":    "défaut",

	"form.request.program": "{programs}, ou vide pour {current}",

	"label.program_questions":           "Questions propres (facultatif)",
	"form.program.charter_no_questions": "La charte\u202f; ses questions propres vont dans le champ questions de la commande, faute de place ici",
}

func init() {
	for k, v := range catalogJoiningFR {
		addSentence(catalogFR, k, v)
	}
}
