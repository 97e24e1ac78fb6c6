package bot

// catalogShellFR holds what the terminal (shell) adapter itself says, in
// French: its help, its notes and the frame of each message.
var catalogShellFR = map[string]string{
	"shell.welcome":         "Terminal mentorbot. Vous êtes {name}. Tapez `:help` pour l'aide.",
	"shell.help":            "  `as NOM`         agir comme le membre NOM (lettres, chiffres, - et _)\n  `/mentor …`      lancer une commande, par exemple `/mentor aide`\n  `click N`        cliquer sur le bouton [N]. Les numéros de boutons sont communs à tout le terminal : chaque membre peut cliquer sur n'importe quel numéro, et le bot répond si ce bouton lui est destiné ou non.\n  `:advance 3j`    avancer l'horloge (s, m, h, j) en exécutant dans l'ordre ce qui tombe en chemin : le suivi (rappels, points d'étape, questionnaires, délais), la recherche, toutes les heures, d'un mentor pour chaque demande en attente et le bilan hebdomadaire dans le canal des responsables (à choisir avec `/mentor admin canal-bilan` ; le lundi à 9 h, sauf si le réglage `horaire-bilan` dit autre chose)\n  `:quit`          quitter (avec le Redis intégré, rien n'est conservé)\n\nVotre fuseau horaire et vos années d'expérience accompagnent votre offre ou votre demande, par exemple : `/mentor propose go fuseau:Europe/Paris années:12`",
	"shell.unknown":         "Commande inconnue : {command}. Seul /mentor est installé ici.",
	"shell.unknown_own":     "Le terminal n'a pas de commande {command}\u202f: tapez `:help` pour voir ses commandes.",
	"shell.as_usage":        "Utilisation : `as NOM`, où NOM est fait de lettres, de chiffres, de - ou de _ (32 au plus).",
	"shell.now":             "Vous êtes maintenant {name}.",
	"shell.click_usage":     "Utilisation : `click N`, où N est un numéro de bouton comme [2].",
	"shell.not_a_menu":      "[{n}] est un bouton, pas un menu : tapez `click {n}` seul pour l'activer.",
	"shell.button_gone":     "Le bouton [{n}] était sur un message mis à jour depuis\u202f: ses boutons ont disparu.",
	"shell.no_button":       "Il n'y a pas de bouton [{n}].",
	"shell.no_clock":        "L'horloge ne peut pas avancer ici.",
	"shell.advance_too_far": "C'est trop loin d'un coup : `:advance` avance l'horloge de {days} jours au plus (chaque heure exécute les tâches planifiées du bot). Avancez par étapes, comme `:advance 30j`.",
	"shell.advance_usage":   "Utilisation : `:advance 3j` (une durée positive : 90m, 12h, 3j).",
	"shell.advanced":        "L'horloge avance de {duration}.",
	"shell.replaced":        "(le message sur lequel vous avez cliqué est mis à jour : ses boutons ont disparu)",
	"shell.form":            "(un formulaire s'ouvrirait ici ; dans le terminal, tapez plutôt les options)",
	"shell.to_you":          "[à {name}, en privé]",
	"shell.to":              "[à {name}]",
	"shell.together":        "[à {names}, ensemble]",
	"shell.and":             "{first} et {second}",
	"shell.in":              "[dans #{channel}]",
	"shell.edited_in":       "[dans #{channel}, modifié\u202f: ses boutons ont disparu]",
	"shell.file":            "(fichier : {path})",
	"shell.days.one":        "{count} jour",
	"shell.days.other":      "{count} jours",
	"shell.hours.one":       "{count} heure",
	"shell.hours.other":     "{count} heures",
	"shell.minutes.one":     "{count} minute",
	"shell.minutes.other":   "{count} minutes",
	"shell.seconds.one":     "{count} seconde",
	"shell.seconds.other":   "{count} secondes",
	"shell.days.1":          "un jour",
	"shell.hours.1":         "une heure",
	"shell.minutes.1":       "une minute",
	"shell.seconds.1":       "une seconde",
	"shell.duration_and":    "{first} et {second}",
	"shell.field":           "{label} : {value}",
}

func init() {
	for k, v := range catalogShellFR {
		addSentence(catalogFR, k, v)
	}
}
