package bot

// catalogRecruitFR holds the sentences of recruitment (recruit.go): past
// mentors re-invited to a new program, mentees invited to mentor in turn,
// in French.
var catalogRecruitFR = map[string]string{
	"cmd.admin.invite-mentors.summary": "inviter à devenir mentors les personnes mentorées au mentorat réussi, ou les membres nommés",
	"cmd.admin.invite-mentors.example": "/mentor admin inviter-mentors programme:mentorat-2027 années:5",
	"opt.invite_program":               "le programme où ils deviendraient mentors",
	"opt.invite_members":               "les membres à inviter, au lieu de ceux dont le mentorat s'est bien passé",
	"opt.invite_years":                 "le nombre minimal d'années d'expérience des personnes invitées (5 par défaut)",
	"opt.invite_confirm":               "oui\u202f: envoyer de nouveau l'invitation à qui l'a déjà reçue pour ce programme",
	"optname.members":                  "les membres",
	"err.recruit.which":                "Quel programme ? Écrivez `/mentor admin inviter-mentors programme:` suivi de son nom, tel que `/mentor admin programme lister` l'affiche.",
	"err.recruit.no_members":           "Je ne trouve pas {names} dans cet espace de travail\u202f: je n'ai donc encore invité personne. Mentionnez chaque membre (tapez @ puis choisissez son nom) ou donnez son identifiant, puis renvoyez la commande.",
	"err.recruit.no_members.discord":   "Je ne trouve pas {names} sur ce serveur\u202f: je n'ai donc encore invité personne. Mentionnez chaque membre (tapez @ puis choisissez son nom) ou donnez son identifiant, puis renvoyez la commande.",

	"recruit.reinvite_will":           "Les mentors des binômes précédents, s'il y en a, reçoivent maintenant une réinvitation personnelle ; le cas échéant, un message vous en montrera l'avancement.",
	"recruit.reinvite_count":          "Je réinvite {count} {count|mentor|mentors} des binômes précédents à rejoindre «\u202f{name}\u202f», chacun par un message personnel. Je vous montre l'avancement dans un message privé.",
	"recruit.reinvite_opted_out":      "Je ne réinvite pas {n} autre{n||s} {n|mentor|mentors} des binômes précédents, qui {n|a|ont} refusé ces messages.",
	"recruit.reinvite_none_opted_out": "Aucun mentor des binômes précédents à réinviter\u202f: {n} {n|mentor a|mentors ont} refusé ces messages, et il n'y en a pas d'autre.",
	"recruit.reinvite_title":          "De nouveau mentor dans {name} ?",
	"recruit.reinvite":                "Vous avez accompagné {count} {count|personne|personnes} dans «\u202f{program}\u202f»{satisfaction}. Merci ! Souhaitez-vous de nouveau être mentor dans «\u202f{name}\u202f», du {start} au {end} ?",
	"recruit.reinvite_here":           "Vous avez accompagné {count} {count|personne|personnes} ici{satisfaction}. Merci ! Souhaitez-vous de nouveau être mentor dans «\u202f{name}\u202f», du {start} au {end} ?",
	"recruit.satisfaction":            " (satisfaction : {rating}/5)",
	"btn.reinvite_yes":                "Oui, mêmes sujets",
	"btn.reinvite_change":             "Changer mes sujets",
	"btn.reinvite_no":                 "Pas cette fois",
	"recruit.change_how":              "Modifiez vos sujets dans le formulaire ; votre offre reste dans «\u202f{name}\u202f».",
	"recruit.form_how":                "Indiquez dans le formulaire les sujets sur lesquels vous pourriez accompagner quelqu'un, et votre offre rejoint «\u202f{name}\u202f». Ou tapez `/mentor propose SUJETS programme:{id}`.",
	"recruit.reinvite_no":             "Merci de me l'avoir dit. Votre offre reste telle quelle ; si vous changez d'avis, `/mentor propose programme:{id}` la place dans «\u202f{name}\u202f».",
	"recruit.reinvite_yes":            "Merci\u202f: vous êtes mentor dans «\u202f{name}\u202f».",
	"recruit.reinvite_answered":       "Vous avez déjà répondu à cette invitation à rejoindre «\u202f{name}\u202f»\u202f: rien n'a changé. `/mentor statut` montre votre offre et ses programmes\u202f; `/mentor propose programme:{id}` la place dans «\u202f{name}\u202f» si elle n'y est pas encore.",
	"recruit.closed":                  "Le programme « {name} » est clos : il ne prend plus d'offres.",
	"recruit.already_in":              "Vous êtes déjà mentor dans «\u202f{name}\u202f»\u202f: rien n'a changé. `/mentor statut` montre votre offre et ses programmes.",
	"recruit.already_in_change":       "Vous êtes déjà mentor dans «\u202f{name}\u202f»\u202f: modifiez vos sujets dans le formulaire\u202f; votre offre reste dans «\u202f{name}\u202f».",

	"recruit.giveback_title":          "Devenir mentor à votre tour dans {name} ?",
	"recruit.giveback_well":           "Votre mentorat sur « {topic} » s'est bien passé, et vous pourriez à votre tour accompagner quelqu'un. Souhaitez-vous être mentor dans «\u202f{name}\u202f», du {start} au {end} ?",
	"recruit.giveback_well_years":     "Votre mentorat sur « {topic} » s'est bien passé, et avec {years} {years|an|ans} d'expérience vous pourriez à votre tour accompagner quelqu'un. Souhaitez-vous être mentor dans «\u202f{name}\u202f», du {start} au {end} ?",
	"recruit.giveback_chosen":         "{manager} pense que vous feriez un bon mentor. Souhaitez-vous être mentor dans «\u202f{name}\u202f», du {start} au {end} ?",
	"recruit.a_manager":               "Une personne qui anime le programme",
	"btn.giveback_yes":                "Oui, je serai mentor",
	"btn.giveback_no":                 "Pas maintenant",
	"recruit.giveback_no":             "Merci de me l'avoir dit. Si vous changez d'avis, `/mentor propose` fait de vous un mentor à tout moment.",
	"recruit.giveback_yes":            "Merci\u202f: votre offre fait partie de «\u202f{name}\u202f».",
	"recruit.giveback_already":        "Merci\u202f: votre offre fait partie de «\u202f{name}\u202f». Elle en faisait déjà partie\u202f: rien n'a changé.",
	"recruit.giveback_answered":       "Vous avez déjà répondu à cette invitation à devenir mentor dans «\u202f{name}\u202f»\u202f: rien n'a changé. `/mentor propose programme:{id}` fait de vous un mentor dans ce programme à tout moment.",
	"recruit.giveback_started":        "J'invite {count} {count|membre|membres} à devenir {count|mentor|mentors} dans «\u202f{name}\u202f», par un message personnel. Je vous montre l'avancement dans un message privé.",
	"recruit.giveback_none":           "Personne à inviter : parmi les personnes mentorées dont le mentorat s'est bien passé (rencontre faite, note de 4 ou 5), aucune n'a au moins {years} {years|an|ans} d'expérience sans être déjà mentor. Nommez des membres avec `membres:` pour les inviter quand même.",
	"recruit.giveback_invited_before": "J'ai déjà invité {names} à devenir mentor dans «\u202f{name}\u202f» (le {date}) : je ne {count|l'invite|les invite} donc pas de nouveau ; ajoutez `confirmer:oui` pour le faire.",
	"recruit.giveback_in_already":     "Pas d'invitation pour {names}, qui {count|propose|proposent} déjà {count|son|leur} aide dans «\u202f{name}\u202f».",

	"opt.announce_program":          "le programme auquel l'appel est destiné : les offres le rejoignent",
	"opt.announce_years":            "envoyer l'appel en message privé aux membres ayant au moins ce nombre d'années d'expérience, par exemple 5+",
	"opt.announce_confirm":          "oui\u202f: envoyer de nouveau l'appel à qui l'a déjà reçu",
	"err.announce.years":            "« {value} » n'est pas un nombre d'années : écrivez `années:5+` pour 5 ans ou plus.",
	"err.announce.where":            "Où publier l'appel ? Nommez un canal (`/mentor admin annonce #general`), ou ajoutez `années:5+` pour l'envoyer en message privé aux membres expérimentés.",
	"admin.announce.nobody":         "Personne à qui l'envoyer : aucun membre sans offre n'a au moins {years} {years|an|ans} d'expérience.",
	"admin.announce.again":          "Cet appel a déjà été envoyé, ou est en cours d'envoi, à certains de ces membres (envoi commencé le {date}). Ajoutez `confirmer:oui` pour l'envoyer de nouveau.",
	"admin.announce.dm_started":     "J'envoie votre appel à mentors à {count} {count|membre|membres} ayant au moins {years} {years|an|ans} d'expérience, chacun en message privé dans sa langue. Je vous montre l'avancement dans un message privé.",
	"admin.announce.dm_started_all": "J'envoie votre appel à mentors à {count} {count|membre|membres}, chacun en message privé dans sa langue. Je vous montre l'avancement dans un message privé.",
	"admin.announce.reinvited":      "{names} {count|a|ont} déjà reçu, ou {count|reçoit|reçoivent} en ce moment, une réinvitation personnelle à rejoindre «\u202f{name}\u202f».",
	"announce.program":              "«\u202f{name}\u202f» se déroule du {start} au {end}.",
	"announce.program_text":         "Notre programme de mentorat cherche des mentors. Si vous avez quelques années d'expérience, ce que vous avez appris est exactement ce dont les nouveaux membres ont besoin\u202f: une courte séance ou quelques échanges sur quelques mois, en ligne, à votre rythme. Si vous avez déjà été mentor ici, nous serions ravis de vous retrouver. Cliquez sur le bouton, ou tapez `/mentor propose` suivi de vos sujets et de `programme:{id}`, par exemple `/mentor propose go, reconversion programme:{id}`.",

	"campaign.progress.title.reinvite": "Réinvitations des anciens mentors à {program}",
	"campaign.progress.done.reinvite":  "Terminé. Celles et ceux qui ont dit oui sont comptés dans `/mentor admin programme voir \"{program}\"`.",
	"campaign.progress.title.giveback": "Invitations à devenir mentor dans {program}",
	"campaign.progress.title.call":     "Appel à mentors, en message privé",
}

func init() {
	for k, v := range catalogRecruitFR {
		catalogFR[k] = v
	}
}
