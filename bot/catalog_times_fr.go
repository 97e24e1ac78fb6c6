package bot

// catalogTimesFR holds the sentences of meeting times found outside
// working hours or offered again, of the times still ahead, and of a
// profile without a time zone, in French.
var catalogTimesFR = map[string]string{
	"meet.no_overlap_outside":        "Vos heures de travail ne se recoupent jamais dans la semaine qui vient\u202f: ces créneaux sont les plus proches, en dehors de vos heures de travail respectives.",
	"meet.no_overlap_within":         "Vos heures de travail ne se recoupent jamais dans la semaine qui vient\u202f: ces créneaux sont les plus proches, dans les heures de travail de {in} mais en dehors de celles de {out}.",
	"meet.no_overlap_within_partly":  "Vos heures de travail ne se recoupent jamais dans la semaine qui vient\u202f: ces créneaux sont les plus proches\u202f: ils tombent tous dans les heures de travail de {in}, mais pas tous dans celles de {out}.",
	"meet.no_overlap_outside_partly": "Vos heures de travail ne se recoupent jamais dans la semaine qui vient\u202f: ces créneaux sont les plus proches\u202f: ils ne tombent pas tous dans les heures de travail de {partly}, et aucun ne tombe dans celles de {out}.",
	"meet.still_ahead":               "Encore à venir\u202f: {times}.",
	"meet.repeated":                  "Je n'ai pas d'autre créneau à proposer dans la semaine qui vient\u202f: {k|le créneau|les créneaux} {times} {k|a déjà été proposé|ont déjà été proposés}.",
	"meet.repeated_all":              "Je n'ai pas d'autre créneau à proposer dans la semaine qui vient\u202f: {k|ce créneau a déjà été proposé|ces créneaux ont déjà été proposés}.",
	"meet.ahead_item":                "le créneau {n} du {when}",
	"profile.saved_years":            "C'est enregistré\u202f: j'indique vos années d'expérience avec votre offre ou votre demande.",
	"profile.tz_assumed":             "{zone} (en attendant que vous indiquiez le vôtre avec `fuseau:`)",
	"profile.current_no_tz":          "Je cherche les créneaux de rendez-vous dans ces heures, dans le fuseau {zone} tant que vous n'avez pas indiqué votre fuseau horaire\u202f: `/mentor profil fuseau:Europe/Paris`, par exemple. Pour changer les heures\u202f: `/mentor profil heures:9h-18h`.",
	"profile.saved_no_tz":            "C'est enregistré. Je proposerai des créneaux dans ces heures, dans le fuseau {zone} tant que vous n'avez pas indiqué votre fuseau horaire\u202f: `/mentor profil fuseau:Europe/Paris`, par exemple.",
}

func init() {
	for k, v := range catalogTimesFR {
		addSentence(catalogFR, k, v)
	}
}
