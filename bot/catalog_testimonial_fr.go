package bot

// catalogTestimonialFR holds the sentences of the testimonials: the final
// survey's question, /mentor testimonial, the consent buttons and
// /mentor admin testimonials, in French.
var catalogTestimonialFR = map[string]string{
	"cmd.testimonial.summary":     "écrire une phrase sur votre mentorat, à la fin de votre dernier questionnaire",
	"cmd.testimonial.example":     "/mentor témoignage Grâce à Ada, j'ai livré mon premier service en un mois.",
	"opt.sentence":                "une phrase sur votre mentorat (300 caractères au plus)",
	"label.sentence":              "Votre phrase",
	"optname.sentence":            "la phrase",
	"form.testimonial.title":      "Votre témoignage",
	"btn.testimonial_write":       "Écrire un témoignage",
	"testimonial.ask":             "Une dernière chose : en une phrase, que vous a apporté votre mentorat sur « {topic} » ? Une fois la phrase écrite, vous choisissez si d'autres membres peuvent la lire dans la lettre d'information du réseau.",
	"testimonial.how":             "Tapez `/mentor témoignage` suivi de votre phrase.",
	"testimonial.saved":           "Merci, votre phrase sur « {topic} » est enregistrée.",
	"testimonial.left":            "Merci de terminer d'abord votre questionnaire sur «\u202f{topic}\u202f», avec ses boutons\u202f: je vous demande votre témoignage après sa dernière question. Il reste à répondre à\u202f: {questions}",
	"testimonial.replaced":        "Merci : cette phrase sur « {topic} » remplace celle que vous aviez écrite, alors choisissez à nouveau si elle peut être partagée.",
	"testimonial.consent":         "Pouvons-nous la partager avec d'autres membres ? Avec votre prénom, seulement si {name} accepte aussi d'afficher le sien ; sinon, elle est partagée sans nom. Tant que vous n'avez pas choisi, elle n'est pas partagée.",
	"btn.testimonial_anonymous":   "Oui, anonymement",
	"btn.testimonial_name":        "Oui, avec mon prénom",
	"btn.testimonial_no":          "Non, ne pas la partager",
	"testimonial.share.anonymous": "Merci : votre phrase pourra être partagée, sans votre nom.",
	"testimonial.share.name":      "Merci : votre phrase pourra être partagée avec votre prénom, {first}, si {name} accepte aussi d'afficher le sien ; sinon, sans nom.",
	"testimonial.share.no":        "C'est noté : votre phrase ne sera jamais partagée. Elle reste dans vos données jusqu'à ce que vous les effaciez avec `/mentor oublier`.",
	"testimonial.share_same":      "C'était déjà votre réponse.",
	"testimonial.share_changed":   "Votre nouvelle réponse remplace la précédente.",
	"err.testimonial_no_survey":   "Il n'y a pas encore de mentorat sur lequel témoigner : un témoignage vous est demandé à la fin du dernier questionnaire d'un mentorat.",
	"err.testimonial_gone":        "Les données de ce mentorat ont été effacées : il n'y a plus de phrase à écrire ni à partager à son sujet.",

	"testimonial.how_pair":      "Tapez `/mentor témoignage` suivi de votre phrase, puis `binôme:{pair}`\u202f: elle porte sur votre binôme avec {name} («\u202f{topic}\u202f»).",
	"testimonial.saved_pair":    "Merci, votre phrase sur votre binôme avec {name} («\u202f{topic}\u202f») est enregistrée.",
	"testimonial.replaced_pair": "Merci\u202f: cette phrase sur votre binôme avec {name} («\u202f{topic}\u202f») remplace celle que vous aviez écrite, alors choisissez à nouveau si elle peut être partagée.",
	"testimonial.no_match":      "Aucun de vos binômes arrivés au dernier questionnaire n'est avec «\u202f{query}\u202f»\u202f: les vôtres sont {pairs}. Après `binôme:`, donnez le prénom de l'autre membre ou le sujet.",
	"testimonial.choose":        "Votre phrase peut porter sur plusieurs binômes, avec {pairs}\u202f: lequel\u202f? Cliquez sur son bouton pour l'écrire dans un formulaire, ou tapez de nouveau votre phrase suivie de `binôme:` et du prénom de l'autre membre ou du sujet\u202f: `/mentor témoignage … binôme:{pair}`. Rien n'est enregistré d'ici là.",
	"btn.testimonial_pair":      "{name} («\u202f{topic}\u202f»)",
	"opt.testimonial_pair":      "le prénom de l'autre membre, ou le sujet, si votre phrase peut porter sur plusieurs binômes",
	"label.pair":                "Binôme (prénom ou sujet)",

	// Les questions d'un programme, pour un membre qui a plusieurs binômes
	// (program_questions.go).
	"answers.for_pair":   "Ces réponses portent sur votre binôme avec {name} («\u202f{topic}\u202f»).",
	"answers.saved_pair": "Merci\u202f: vos réponses aux questions de {program} pour votre binôme avec {name} («\u202f{topic}\u202f») sont enregistrées.",
	"answers.done_pair":  "Vous avez déjà répondu à ces questions pour votre binôme avec {name} («\u202f{topic}\u202f»). Merci\u202f!",
	"answers.others":     "Ces questions attendent aussi vos réponses pour {n|votre binôme|vos binômes} avec {pairs}\u202f: cliquez sur le bouton du binôme, puis répondez comme avant, dans son formulaire ou avec `/mentor réponses`.",
	"btn.answers_pair":   "{name} («\u202f{topic}\u202f»)",

	"cmd.admin.testimonials.summary": "lister les témoignages que les membres acceptent de partager, ou les envoyer en CSV ou Markdown",
	"cmd.admin.testimonials.example": "/mentor admin témoignages format:markdown",
	"opt.format":                     "csv ou markdown : les envoyer tous dans un fichier",
	"label.format":                   "Format",
	"optname.format":                 "le format",
	"admin.testimonials.none":        "Aucun témoignage ne peut encore être partagé : chaque membre en écrit un, s'il le souhaite, à la fin de son dernier questionnaire, et choisit s'il peut être partagé.",
	"admin.testimonials.none_in":     "Aucun témoignage de «\u202f{program}\u202f» ne peut encore être partagé.",
	"admin.testimonials.elsewhere":   "{n} {n|témoignage|témoignages} hors de ce programme {n|peut|peuvent} l'être\u202f: `/mentor admin témoignages` sans `programme:` {n|le montre|les montre}.",
	"admin.testimonials.title":       "{n} {n|témoignage|témoignages} à partager",
	"admin.testimonials.intro":       "Un prénom n'apparaît que si les deux membres du binôme ont accepté d'afficher le leur.",
	"admin.testimonials.quote":       "« {text} » — {by}",
	"admin.testimonials.by_name":     "{name}, {role} ({topic})",
	"admin.testimonials.role_mentor": "mentor",
	"admin.testimonials.role_mentee": "personne mentorée",
	"admin.testimonials.by_mentor":   "un mentor ({topic})",
	"admin.testimonials.by_mentee":   "une personne mentorée ({topic})",
	"admin.testimonials.more":        "… et {n} de plus : `/mentor admin témoignages format:csv` ou `format:markdown` les envoie tous.",
	"admin.testimonials.file_title":  "Témoignages mentorbot",
	"admin.testimonials.file":        "{n} {n|témoignage partageable|témoignages partageables}, {n|tel|tels} que les membres l'ont autorisé : un prénom seulement si les deux membres du binôme ont accepté d'afficher le leur.",
	"admin.testimonials.done":        "Vos témoignages arrivent ({n} dans le fichier).",
	"admin.testimonials.md_title":    "Ce que disent nos membres",
}

func init() {
	for k, v := range catalogTestimonialFR {
		addSentence(catalogFR, k, v)
	}
}
