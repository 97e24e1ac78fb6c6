package bot

// catalogPrograms2FR holds sentences of speed-mentoring registration, of a
// manager's round preview, of the call for mentors and of the charter,
// in French.
var catalogPrograms2FR = map[string]string{
	"event.registered_stranded_mentor": "Votre inscription à «\u202f{name}\u202f» comme mentor est enregistrée. Le premier tour commence le {when}.",
	"event.registered_stranded_mentee": "Votre inscription à «\u202f{name}\u202f» comme personne mentorée est enregistrée. Le premier tour commence le {when}.",
	"event.stranded_mentor":            "Mais aucune personne mentorée inscrite pour l'instant ne parle {languages}\u202f: en l'état, vous ne rencontreriez personne. D'autres personnes mentorées peuvent s'inscrire jusqu'au début du dernier tour\u202f: si l'une d'elles parle {languages}, je vous enverrai la salle de visioconférence de chaque rencontre.",
	"event.stranded_mentee":            "Mais aucun mentor inscrit pour l'instant ne parle {languages}\u202f: en l'état, vous ne rencontreriez personne. D'autres mentors peuvent s'inscrire jusqu'au début du dernier tour\u202f: si l'un d'eux parle {languages}, je vous enverrai la salle de visioconférence de chaque rencontre.",
}

func init() {
	for k, v := range catalogPrograms2FR {
		addSentence(catalogFR, k, v)
	}
}

var catalogPrograms2RoundFR = map[string]string{
	"round.broader_languages":      "Personne ne propose encore «\u202f{topic}\u202f»\u202f; {count} {count|mentor parlant|mentors parlant} {languages} {count|propose|proposent} «\u202f{broader}\u202f», un sujet plus large.",
	"round.broader_languages_many": "Personne ne propose encore «\u202f{topic}\u202f»\u202f; {count} {count|mentor parlant|mentors parlant} {languages} {count|propose|proposent} «\u202f{broader}\u202f», un sujet plus large.",
}

func init() {
	for k, v := range catalogPrograms2RoundFR {
		addSentence(catalogFR, k, v)
	}
}

var catalogPrograms2AnnounceFR = map[string]string{
	"announce.kind_text":        "Notre programme de mentorat cherche des mentors. {pitch} Si vous avez déjà été mentor ici, nous serions ravis de vous retrouver. Cliquez sur le bouton, ou tapez `/mentor propose` suivi de vos sujets et de `programme:{id}`, par exemple `/mentor propose go, reconversion programme:{id}`.",
	"announce.pitch.one-to-one": "Si vous avez quelques années d'expérience, ce que vous avez appris est exactement ce dont les nouveaux membres ont besoin\u202f: en mentorat individuel, vous accompagnez une personne mentorée tout au long du programme, par des échanges réguliers en ligne, à votre rythme.",
	"announce.pitch.flash":      "Si vous avez quelques années d'expérience, ce que vous avez appris est exactement ce dont les nouveaux membres ont besoin\u202f: en mentorat flash (Meet & Share), une seule courte séance avec chaque personne mentorée que vous rencontrez, en ligne, au moment qui vous convient.",
	"announce.pitch.peer":       "En mentorat entre pairs, des membres d'expérience comparable et d'expertises différentes s'aident mutuellement\u202f: des échanges réguliers tout au long du programme, en ligne, à votre rythme.",
	"announce.pitch.reverse":    "En mentorat inversé, un membre plus jeune ou moins expérimenté accompagne un membre plus expérimenté sur ce qu'il connaît le mieux, comme un nouvel outil ou une nouvelle pratique\u202f: des échanges réguliers tout au long du programme, en ligne, à votre rythme.",
}

func init() {
	for k, v := range catalogPrograms2AnnounceFR {
		addSentence(catalogFR, k, v)
	}
}

var catalogPrograms2CharterFR = map[string]string{
	"charter.intro_open_mentee": "Avant que votre binôme de l'événement de speed mentoring devienne officiel (avec {name} comme mentor), merci de lire et d'accepter la charte du programme\u202f:",
	"charter.intro_open_mentor": "Avant que votre binôme de l'événement de speed mentoring devienne officiel (en tant que mentor de {name}), merci de lire et d'accepter la charte du programme\u202f:",
}

func init() {
	for k, v := range catalogPrograms2CharterFR {
		addSentence(catalogFR, k, v)
	}
}
