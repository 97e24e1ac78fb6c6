package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// TestEveryMatchReason: one instance of each reason a proposal or an
// introduction gives, with its exact sentence in English and French; ""
// where nothing true can be said.
func TestEveryMatchReason(t *testing.T) {
	tests := []struct {
		name   string
		reason matching.Reason
		mentor string // "" for the mentor's proposal, a name for the introduction
		en, fr string
	}{
		{"TopicExact", matching.Reason{Code: matching.ReasonTopic, Detail: "go", Exact: true}, "",
			"you offer “go”", "vous proposez «\u202fgo\u202f»"},
		{"TopicRelated", matching.Reason{Code: matching.ReasonTopic, Detail: "kubernetes operators"}, "",
			"you offer “kubernetes operators”, a related topic", "vous proposez «\u202fkubernetes operators\u202f», un sujet voisin"},
		{"IntroTopicExact", matching.Reason{Code: matching.ReasonTopic, Detail: "go", Exact: true}, "Mia",
			"Mia offers “go”", "Mia propose «\u202fgo\u202f»"},
		{"IntroTopicRelated", matching.Reason{Code: matching.ReasonTopic, Detail: "rust"}, "Mia",
			"Mia offers “rust”, a related topic", "Mia propose «\u202frust\u202f», un sujet voisin"},
		{"Language", matching.Reason{Code: matching.ReasonLanguage, Detail: "fr"}, "",
			"you both speak French", "français en commun"},
		{"LanguageNoneListed", matching.Reason{Code: matching.ReasonLanguage}, "", "", ""},
		{"TimeZoneSame", matching.Reason{Code: matching.ReasonTimeZone, Hours: 0}, "",
			"same time zone", "même fuseau horaire"},
		{"TimeZoneApart", matching.Reason{Code: matching.ReasonTimeZone, Hours: 3}, "",
			"3 hours apart", "3\u00a0h de décalage"},
		{"TimeZoneUnknown", matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}, "", "", ""},
		{"TimeZoneUnknownIntro", matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}, "Mia", "", ""},
		{"Kind", matching.Reason{Code: matching.ReasonKind, Detail: "one-to-one"}, "",
			"you offer one-to-one mentoring", "vous proposez le mentorat individuel"},
		{"IntroKind", matching.Reason{Code: matching.ReasonKind, Detail: "flash"}, "Mia",
			"Mia offers flash mentoring (Meet & Share)", "Mia propose le mentorat flash (Meet & Share)"},
		{"ExperienceSimilar", matching.Reason{Code: matching.ReasonExperience, Detail: matching.ExperienceSimilar, Years: 6}, "",
			"similar experience (6 years)", "expérience comparable (6 ans)"},
		{"ExperienceSimilarBoth", matching.Reason{Code: matching.ReasonExperience, Detail: matching.ExperienceSimilar, Years: 6, MenteeYears: 4}, "",
			"similar experience (4 and 6 years)", "expérience comparable (4 et 6 ans)"},
		{"ExperienceJunior", matching.Reason{Code: matching.ReasonExperience, Detail: matching.ExperienceJunior, Years: 2}, "",
			"less senior, as reverse mentoring requires", "moins d'ancienneté, comme le veut le mentorat inversé"},
		{"ExperienceSenior", matching.Reason{Code: matching.ReasonExperience, Detail: matching.ExperienceSenior, Years: 12}, "",
			"12 years of experience", "12 ans d'expérience"},
		{"Waited", matching.Reason{Code: matching.ReasonWaited, Days: 3}, "",
			"waiting for 3 days, so first in line", "en attente depuis 3 jours, donc en tête de file"},
		{"WaitedOneDay", matching.Reason{Code: matching.ReasonWaited, Days: 1}, "",
			"waiting for a day, so first in line", "en attente depuis un jour, donc en tête de file"},
		{"WaitedIntro", matching.Reason{Code: matching.ReasonWaited, Days: 3}, "Mia", "", ""},
		{"MetBefore", matching.Reason{Code: matching.ReasonMetBefore}, "",
			"you have met before: no other mentor could take it", "vous avez déjà formé un binôme ensemble\u202f: aucun autre mentor ne pouvait la prendre"},
	}
	codes := map[matching.ReasonCode]bool{}
	for _, tt := range tests {
		codes[tt.reason.Code] = true
		t.Run(tt.name, func(t *testing.T) {
			if got := bot.ReasonText(bot.English, tt.reason, tt.mentor); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
			if got := bot.ReasonText(bot.French, tt.reason, tt.mentor); got != tt.fr {
				t.Errorf("fr: got %q, want %q", got, tt.fr)
			}
		})
	}
	for _, c := range []matching.ReasonCode{matching.ReasonTopic, matching.ReasonLanguage, matching.ReasonTimeZone,
		matching.ReasonKind, matching.ReasonExperience, matching.ReasonWaited, matching.ReasonMetBefore} {
		if !codes[c] {
			t.Errorf("reason %q has no row", c)
		}
	}
}

// TestEveryWaitingReason: one explanation for each reason a request
// waits, with the exact sentence the mentee reads and the one a manager
// reads, in English and French. The first reason that applies wins, in
// the order of the rows.
func TestEveryWaitingReason(t *testing.T) {
	tests := []struct {
		name           string
		why            matching.Explanation
		en, fr         string
		enTheirs, frTh string
	}{
		{"Eligible", matching.Explanation{Eligible: 1, NoCapacity: 2},
			"A mentor who fits has a free slot now: I'll propose your request shortly, at my next look at the queue.",
			"Un mentor qui vous correspond a une place libre\u202f: je lui propose votre demande sous peu, au prochain passage sur la file d'attente.",
			"A mentor who fits has a free slot now: the next look at the queue proposes it.",
			"Un mentor qui lui correspond a une place libre\u202f: le prochain passage sur la file d'attente propose la demande."},
		{"EligibleTwo", matching.Explanation{Eligible: 2},
			"Mentors who fit have a free slot now: I'll propose your request shortly, at my next look at the queue.",
			"Des mentors qui vous correspondent ont une place libre\u202f: je leur propose votre demande sous peu, au prochain passage sur la file d'attente.",
			"Mentors who fit have a free slot now: the next look at the queue proposes it.",
			"Des mentors qui lui correspondent ont une place libre\u202f: le prochain passage sur la file d'attente propose la demande."},
		{"NoCapacity", matching.Explanation{NoCapacity: 1, NoLanguage: 1, Self: 1},
			"The mentor for “go” who could take it has no free slot right now.", "Le mentor de «\u202fgo\u202f» qui pourrait la prendre n'a pas de place libre pour le moment.",
			"The mentor for “go” who could take it has no free slot right now.", "Le mentor de «\u202fgo\u202f» qui pourrait la prendre n'a pas de place libre pour le moment."},
		{"NoLanguage", matching.Explanation{NoLanguage: 2, TooFar: 1},
			"The mentors for “go” don't share your language.", "Les mentors de «\u202fgo\u202f» ne parlent pas votre langue.",
			"The mentors for “go” don't speak their language.", "Les mentors de «\u202fgo\u202f» ne parlent pas sa langue."},
		{"TooFar", matching.Explanation{TooFar: 1, KindMismatch: 1},
			"The mentor for “go” lives too many hours away.", "Le mentor de «\u202fgo\u202f» a trop d'heures de décalage avec vous.",
			"The mentor for “go” lives too many hours away from them.", "Le mentor de «\u202fgo\u202f» a trop d'heures de décalage avec cette personne."},
		{"KindMismatch", matching.Explanation{KindMismatch: 1, NotLessSenior: 1},
			"The mentor for “go” doesn't offer this kind of mentoring.", "Le mentor de «\u202fgo\u202f» ne propose pas cette forme de mentorat.",
			"The mentor for “go” doesn't offer this kind of mentoring.", "Le mentor de «\u202fgo\u202f» ne propose pas cette forme de mentorat."},
		{"NotLessSenior", matching.Explanation{NotLessSenior: 2, Excluded: 1},
			"No mentor for “go” is less senior than you, as reverse mentoring needs.",
			"Aucun mentor de «\u202fgo\u202f» n'a moins d'expérience que vous, comme le demande le mentorat inversé.",
			"No mentor for “go” is less senior than them, as reverse mentoring needs.",
			"Aucun mentor de «\u202fgo\u202f» n'a moins d'expérience que cette personne, comme le demande le mentorat inversé."},
		{"PausedOne", matching.Explanation{Paused: 1, NoLanguage: 1, NoTopic: 2},
			"1 mentor offers “go”, but their offer is paused for now.", "1 mentor propose «\u202fgo\u202f», mais son offre est en pause pour le moment.",
			"1 mentor offers “go”, but their offer is paused for now.", "1 mentor propose «\u202fgo\u202f», mais son offre est en pause pour le moment."},
		{"PausedTwo", matching.Explanation{Paused: 2, Excluded: 1},
			"2 mentors offer “go”, but their offers are paused for now.", "2 mentors proposent «\u202fgo\u202f», mais leurs offres sont en pause pour le moment.",
			"2 mentors offer “go”, but their offers are paused for now.", "2 mentors proposent «\u202fgo\u202f», mais leurs offres sont en pause pour le moment."},
		{"Excluded", matching.Explanation{Excluded: 1, Self: 1},
			"The mentor for “go” has already been asked about this request.", "Le mentor de «\u202fgo\u202f» a déjà été sollicité pour cette demande.",
			"The mentor for “go” has already been asked about this request.", "Le mentor de «\u202fgo\u202f» a déjà été sollicité pour cette demande."},
		{"ExcludedAndNotAgain", matching.Explanation{Excluded: 1, NotAgain: 1},
			"The mentor for “go” has already been asked about this request.", "Le mentor de «\u202fgo\u202f» a déjà été sollicité pour cette demande.",
			"The mentor for “go” has already been asked about this request.", "Le mentor de «\u202fgo\u202f» a déjà été sollicité pour cette demande."},
		{"NotAgain", matching.Explanation{NotAgain: 1, Self: 1},
			"The mentor for “go” is someone with whom a proposal or a pair of yours did not work out before, and I don't pair you with them again on my own. A manager can still pair you by hand.",
			"Le mentor de «\u202fgo\u202f» est une personne avec qui une de vos propositions ou un de vos binômes n'a pas abouti, et je ne vous remets pas en relation de moi-même. Une personne responsable du programme peut encore vous mettre en relation à la main.",
			"The mentor for “go” is someone with whom a proposal or a pair of theirs did not work out before: not paired again automatically (a manager can, with `/mentor admin pair`).",
			"Le mentor de «\u202fgo\u202f» est une personne avec qui une de ses propositions ou un de ses binômes n'a pas abouti\u202f: pas de nouvelle mise en relation automatique (une personne responsable peut la faire avec `/mentor admin binôme`)."},
		{"Self", matching.Explanation{Self: 1, NoTopic: 4},
			"Nobody but you offers “go” yet.", "Personne d'autre que vous ne propose encore «\u202fgo\u202f».",
			"Nobody but them offers “go” yet.", "Personne d'autre que cette personne ne propose encore «\u202fgo\u202f»."},
		{"NoTopic", matching.Explanation{NoTopic: 3},
			"Nobody offers “go” yet.", "Personne ne propose encore «\u202fgo\u202f».",
			"Nobody offers “go” yet.", "Personne ne propose encore «\u202fgo\u202f»."},
		{"NoMentor", matching.Explanation{},
			"Nobody offers “go” yet.", "Personne ne propose encore «\u202fgo\u202f».",
			"Nobody offers “go” yet.", "Personne ne propose encore «\u202fgo\u202f»."},
	}
	// The rows whose first reason is about some of the topic's mentors
	// only: the others are said not to take it either.
	others := map[string]string{"NoCapacity": "1", "NoLanguage": "1", "TooFar": "1", "KindMismatch": "1", "PausedOne": "1", "PausedTwo": "1", "ExcludedAndNotAgain": "1"}
	// The rows where every mentor of the topic was asked: the mentee is
	// told what can still happen.
	declined := map[string]bool{"Excluded": true, "ExcludedAndNotAgain": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, fr, enNext, frNext := "", "", "", ""
			if n := others[tt.name]; n != "" {
				en = " " + n + " other mentor for “go” can't take it either."
				fr = " " + n + " autre mentor de «\u202fgo\u202f» ne peut pas la prendre non plus."
			}
			if declined[tt.name] {
				enNext = " Only a new mentor of this topic can take it now; meanwhile a manager can pair you by hand, or you can ask on a nearby topic after `/mentor cancel`."
				frNext = " Seul un nouveau mentor de ce sujet peut désormais la prendre\u202f; d'ici là, une personne responsable peut vous mettre en relation à la main, ou vous pouvez demander un sujet voisin après `/mentor annuler`."
			}
			for _, c := range []struct{ got, want string }{
				{bot.WaitingReason(bot.English, "go", tt.why), tt.en + en + enNext},
				{bot.WaitingReason(bot.French, "go", tt.why), tt.fr + fr + frNext},
				{bot.WaitingReasonOf(bot.English, "go", tt.why), tt.enTheirs + en},
				{bot.WaitingReasonOf(bot.French, "go", tt.why), tt.frTh + fr},
			} {
				if c.got != c.want {
					t.Errorf("got %q, want %q", c.got, c.want)
				}
			}
		})
	}
}

// TestStatusReasonInDefaultLanguage: a mentee who never chose a language
// speaks the workspace's; /mentor status explains their wait as the
// request did (a French-only mentor does not share it), not as "nobody
// offers" the topic.
func TestStatusReasonInDefaultLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("bob", "offer python languages:fr")
	if r := h.Run("carol", "request python"); !strings.Contains(r.Message.Text, "1 French-speaking mentor does") {
		t.Fatalf("request: got %q", r.Message.Text)
	}
	r := h.Run("carol", "status")
	if !strings.Contains(r.Message.Text, "The mentor for “python” doesn't share your language.") || strings.Contains(r.Message.Text, "Nobody offers") {
		t.Fatalf("status: got %q", r.Message.Text)
	}
}
