package bot

// catalogReportFR holds the sentences of a program's end-of-program report
// (/mentor admin report), in French.
var catalogReportFR = map[string]string{
	"cmd.admin.report.summary": "le bilan de fin d'un programme : binômes, satisfaction, renouvellement, sujets, graphique, CSV",
	"cmd.admin.report.example": "/mentor admin rapport programme:\"Mentorat 2027\"",
	"opt.report_program":       "le programme dont faire le bilan, tel que `/mentor admin programme lister` le nomme",
	"err.report.which":         "Quel programme ? Écrivez `/mentor admin rapport programme:` suivi de son nom, tel que `/mentor admin programme lister` l'affiche.",

	"digest.waiting_held":      "La demande attend la vague de lancement de « {name} », le {start}.",
	"report.title":             "Bilan de fin de programme : {name}",
	"report.period":            "Du {start} au {end}.",
	"report.compared":          "Entre parenthèses, le programme précédent : {name}.",
	"report.trend":             "{value} ({before})",
	"report.pairs":             "Binômes qui ont commencé (charte acceptée)",
	"report.met":               "Binômes qui se sont rencontrés",
	"report.completed":         "Binômes allés au bout du programme",
	"report.rating":            "Satisfaction à la fin",
	"report.rating_value":      "{rating}/5 ({count} {count|réponse|réponses})",
	"report.answered":          "Personnes mentorées dont le mentor a répondu aux questions",
	"report.answered_value":    "{yes} % oui, {partly} % en partie ({count} {count|réponse|réponses})",
	"report.renewal":           "Mentors qui reviennent au programme suivant",
	"report.no_next":           "pas encore de programme suivant",
	"report.became":            "Personnes mentorées devenues mentors",
	"report.first_meeting":     "Délai avant une première rencontre (médiane)",
	"report.topics":            "Équilibre des sujets",
	"report.topic":             "{topic} {count} ({percent} %)",
	"report.topics_more":       "{count} {count|autre sujet|autres sujets}",
	"report.share":             "{part} sur {whole} ({percent} %)",
	"report.no_answer":         "aucune réponse pour l'instant",
	"report.no_meeting":        "aucune rencontre pour l'instant",
	"report.no_topic":          "aucun binôme pour l'instant",
	"report.no_pairs":          "Aucun binôme n'a été formé dans ce programme.",
	"report.chart_title":       "{name} : binômes, rencontres et notes par semaine",
	"report.file_png":          "Le graphique de {name}, semaine par semaine.",
	"report.file_csv":          "Les chiffres de {name}, pour un tableur.",
	"opt.testimonials_program": "seulement les témoignages de ce programme",
	"report.coming":            "Son bilan de fin de programme arrivera ici le {date}, une fois les questionnaires finaux remplis ; `/mentor admin rapport programme:{id}` l'affiche à tout moment.",
}

func init() {
	for k, v := range catalogReportFR {
		addSentence(catalogFR, k, v)
	}
}
