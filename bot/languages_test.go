package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestReadingLanguageIsNoFilter: a member who reads French and gave no
// languages is not left waiting for a French-speaking mentor while
// English-speaking ones offer the topic: the reply says so and asks, with
// a button that widens the request. The button is the requester's only,
// and a second click changes nothing.
func TestReadingLanguageIsNoFilter(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("max", "offer go")
	h.Run("ann", "lang fr")
	h.Platform.Take()
	r := h.Run("ann", "request go")
	MustLines(t, r.Message.Text,
		"Aucun mentor parlant français ne propose encore «\u202fgo\u202f»\u202f; 2 mentors parlant anglais le proposent.",
		"Si un mentor parlant anglais vous convient aussi, cliquez sur le bouton\u202f: je chercherai de nouveau aussitôt.")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Accepter aussi\u202f: anglais" || r.Message.Buttons[0].ActionID != bot.ActionRequestLanguages {
		t.Fatalf("got buttons %+v, want one that widens the request to English", r.Message.Buttons)
	}
	MustInbox(t, h) // nobody was asked before ann says so
	click := func(by string) bot.Reply {
		b := r.Message.Buttons[0]
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
	}
	t.Run("EFORBIDDEN", func(t *testing.T) {
		if got := click("bob"); got.Message.Text != "This button is meant for someone else, so nothing was changed." || got.Replace {
			t.Fatalf("got %+v, want the click refused", got)
		}
		if got, _ := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann")); len(got.Languages) != 0 || got.State != bot.RequestWaiting {
			t.Fatalf("got %+v, want the request unchanged", got)
		}
	})
	t.Run("OK", func(t *testing.T) {
		got := click("ann")
		MustLines(t, got.Message.Text,
			"Votre demande sur «\u202fgo\u202f» accepte désormais aussi les mentors parlant anglais.",
			"C'est noté\u202f: j'ai sollicité un mentor qui correspond à votre demande sur «\u202fgo\u202f». Je vous préviens dès que j'ai sa réponse.")
		if !got.Replace {
			t.Errorf("got Replace false, want the question replaced")
		}
		if in := inbox(h); len(in) != 1 {
			t.Fatalf("got %q, want one mentor asked", in)
		}
		open, _ := h.Store.OpenRequest(context.Background(), h.Tenant.Member("ann"))
		if want := []bot.Lang{"fr", "en"}; !slices.Equal(open.Languages, want) {
			t.Fatalf("got languages %v, want %v", open.Languages, want)
		}
	})
	t.Run("ESTALE", func(t *testing.T) {
		if got := click("ann"); got.Message.Text != "Votre demande sur «\u202fgo\u202f» accepte déjà aussi les mentors parlant anglais\u202f: rien n'a changé. `/mentor statut` indique où elle en est." || got.Replace {
			t.Fatalf("got %+v", got)
		}
		MustInbox(t, h)
	})
}

// TestLanguageAskEnglish: the same question in English, for languages
// the member gave, with the singular for one mentor and the language
// names in the reader's language; a click after the request was
// cancelled changes nothing.
func TestLanguageAskEnglish(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go languages:de")
	h.Run("max", "offer rust")
	r := h.Run("ann", "request go languages:es,it")
	MustLines(t, r.Message.Text,
		"No mentor who speaks Spanish or Italian offers “go” yet; 1 German-speaking mentor does.",
		"If a mentor who speaks German suits you too, click the button: I'll look again at once.")
	if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Also accept German" {
		t.Fatalf("got buttons %+v", r.Message.Buttons)
	}
	h.Run("ann", "cancel")
	b := r.Message.Buttons[0]
	got := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("ann"), ActionID: b.ActionID, Value: b.Value})
	if got.Message.Text != "This button is about a request you withdrew, so nothing was changed." {
		t.Fatalf("got %q", got.Message.Text)
	}
}

// TestNoAskWhenAMentorSpeaks: with a mentor of the topic who speaks the
// member's language, however busy, languages are not what stands in the
// way, and nobody is asked to widen them.
func TestNoAskWhenAMentorSpeaks(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go languages:fr capacity:1")
	h.Run("max", "offer go")
	h.Run("bob", "request go languages:fr")
	r := h.Run("ann", "request go languages:fr")
	if len(r.Message.Buttons) != 0 {
		t.Fatalf("got %+v, want no language question", r.Message)
	}
	MustContain(t, r, "The mentor for “go” who could take it has no free slot right now.")
}

// TestNoAskWhenLanguageIsNotAll: widening the languages is not proposed
// when the mentors who speak others would not fit anyway (here, nobody is
// less senior for reverse mentoring, or the only mentor is paused).
func TestNoAskWhenLanguageIsNotAll(t *testing.T) {
	for name, offer := range map[string][]string{
		"NotLessSenior": {"offer python languages:en years:3 kinds:flash,reverse"},
		"Paused":        {"offer python languages:en", "pause"},
	} {
		t.Run(name, func(t *testing.T) {
			h := MustHarness(t)
			for _, c := range offer {
				h.Run("mia", c)
			}
			r := h.Run("ann", "request python languages:fr kind:reverse years:2")
			if len(r.Message.Buttons) != 0 {
				t.Fatalf("got %+v, want no language question", r.Message)
			}
		})
	}
}

// TestSpokenLanguages: languages: on a request sets the languages the
// member speaks, which their next offer takes; /mentor status shows the
// language they read and those they speak.
func TestSpokenLanguages(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "status"),
		"Langues\u202f: vous lisez les messages en français\u202f; pour le mentorat, vous parlez français tant que vous n'indiquez pas vos langues avec `langues:` (ou `languages:`) dans une offre ou une demande.")
	MustContain(t, h.Run("ann", "request go languages:fr,en"), "j'ai sollicité un mentor")
	MustContain(t, h.Run("ann", "status"),
		"Langues\u202f: vous lisez les messages en français\u202f; pour le mentorat, vous parlez français et anglais.")
	h.Run("ann", "offer python")
	if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("ann")); !slices.Equal(o.Languages, []bot.Lang{"fr", "en"}) {
		t.Fatalf("got offer languages %v, want the languages ann speaks", o.Languages)
	}
	h.Run("bob", "offer rust languages:en,de")
	MustContain(t, h.Run("bob", "status"), "Languages: you read English; you speak English and German for mentoring.")
}

// TestManagerPairSpeaksTrue: a manager's pair of a mentor whose offer
// does not fit says "you both speak" only of a language both speak, not
// of the language both read.
func TestManagerPairSpeaksTrue(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go languages:de")
	h.Run("ann", "request rust languages:es")
	MustContain(t, h.Run("alice", "admin pair @mia @ann rust confirm:yes"), "Done")
	pairs, _ := h.Store.PairsOf(context.Background(), h.Tenant.Member("ann"))
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want one", len(pairs))
	}
	for _, r := range pairs[0].Reasons {
		if r.Code == "language" {
			t.Fatalf("got reasons %+v, want no shared language claimed", pairs[0].Reasons)
		}
	}
}

// TestLanguageAskAfterDecline: when the only mentor who speaks the
// member's language declines, the member is asked, in the message that
// says their request waits again, whether mentors who speak another
// language suit them too.
func TestLanguageAskAfterDecline(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go languages:fr")
	h.Run("max", "offer go")
	h.Run("ann", "lang fr")
	MustContain(t, h.Run("ann", "request go"), "j'ai sollicité un mentor")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	msgs := h.Platform.To("ann")
	ask := msgs[len(msgs)-1]
	MustLines(t, ask.Text,
		"Aucun autre mentor parlant français ne propose «\u202fgo\u202f»\u202f; 1 mentor parlant anglais le propose.",
		"Si un mentor parlant anglais vous convient aussi, cliquez sur le bouton\u202f: je chercherai de nouveau aussitôt.")
	h.Platform.Take()
	got := h.Click("ann", "ann", bot.ActionRequestLanguages)
	MustContain(t, got, "j'ai sollicité un mentor")
	if in := inbox(h); len(in) != 1 || in[0][:4] != "max:" {
		t.Fatalf("got %q, want max asked", in)
	}
}

// TestOfferFollowsReadingLanguage: an offer made without languages takes
// the language its mentor reads, and follows it when it changes, until
// the mentor gives languages; it then meets the waiting requests it now
// fits.
func TestOfferFollowsReadingLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go")
	h.Run("ann", "lang fr")
	h.Run("ann", "request go") // asked about English; waits
	h.Platform.Take()
	h.Run("mia", "lang fr")
	if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("mia")); !slices.Equal(o.Languages, []bot.Lang{"fr"}) {
		t.Fatalf("got %v, want mia's offer in French, the language she now reads", o.Languages)
	}
	if in := inbox(h); len(in) != 2 || in[0][:4] != "mia:" || in[1][:4] != "ann:" {
		t.Fatalf("got %q, want ann's request proposed to mia, and ann told", in)
	}
	h.Run("max", "offer go languages:en")
	h.Run("max", "lang fr")
	if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("max")); !slices.Equal(o.Languages, []bot.Lang{"en"}) {
		t.Fatalf("got %v, want the languages max gave kept", o.Languages)
	}
}

// TestFrenchWordsAnsweredInFrench: a newcomer without a locale who types
// a French command word is answered in French and recorded as reading
// it; a member who chose English is not switched.
func TestFrenchWordsAnsweredInFrench(t *testing.T) {
	h := MustHarness(t)
	r := h.Run("nina", "demande python objectif:apprendre")
	if !strings.HasPrefix(r.Message.Text, "Votre demande sur «\u202fpython\u202f» est enregistrée.") {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := h.Run("nina", "status"); !strings.Contains(r.Message.Text, "vous lisez les messages en français") {
		t.Fatalf("nina's status: %q", r.Message.Text)
	}
	h.Run("max", "lang en")
	if r := h.Run("max", "propose go"); !strings.HasPrefix(r.Message.Text, "Thank you! You are now a mentor") {
		t.Fatalf("max chose English: got %q", r.Message.Text)
	}
}

// TestLangAloneSaysWhich: "/mentor lang" without a language says which
// one is spoken and how to change it, rather than asking for one.
func TestLangAloneSaysWhich(t *testing.T) {
	h := MustHarness(t)
	if r := h.Run("bob", "lang"); r.Message.Text != "I speak English with you. To change it: `/mentor lang fr`." {
		t.Fatalf("got %q", r.Message.Text)
	}
	h.Run("bob", "lang fr")
	if r := h.Run("bob", "langue"); r.Message.Text != "Je vous parle en français. Pour changer\u202f: `/mentor langue en`." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestPauseTwice: a second /mentor pause says the offer is paused
// already.
func TestPauseTwice(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("bob", "pause")
	if r := h.Run("bob", "pause"); r.Message.Text != "Your offer is already paused: I send you no new requests until you type `/mentor resume`." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestOfferTypoAsked: a mentor who offers a typo of a well-known topic is
// asked whether they meant it, with the command that changes it; the
// offer is kept as typed.
func TestOfferTypoAsked(t *testing.T) {
	h := MustHarness(t)
	r := h.Run("bob", "offer kubernete, réseaux")
	MustContain(t, r, "Did you mean “kubernetes”? Mentees who type “kubernetes” would only be offered “kubernete” as a guess. To change it: `/mentor offer remove:kubernete add:kubernetes`.")
	h.Run("ann", "lang fr")
	r = h.Run("ann", "propose pyhton")
	MustContain(t, r, "Vouliez-vous dire «\u202fpython\u202f»\u202f?")
	if r := h.Run("bob", "offer add:go"); strings.Contains(r.Message.Text, "Did you mean") {
		t.Fatalf("asked again about a topic not typed now: %q", r.Message.Text)
	}
}

// TestStatusSaysRequestLanguage: a request's own language (language: on
// it) is shown under it, since the line on the member's languages does
// not say it.
func TestStatusSaysRequestLanguage(t *testing.T) {
	h := MustHarness(t)
	h.Run("dave", "offer go languages:en")
	h.Run("erin", "request go language:fr")
	MustContain(t, h.Run("erin", "status"), "Your request: “go”, waiting for a mentor\n    This request asks for a mentor who speaks French.")
	h.Run("ann", "lang fr")
	h.Run("ann", "demande go langue:en")
	MustContain(t, h.Run("ann", "statut"), "Cette demande cherche un mentor qui parle anglais.")
}

// TestAdminFrenchWordsInFrench: a manager who chose no language and types
// a French word after admin reads French, and its help too.
func TestAdminFrenchWordsInFrench(t *testing.T) {
	h := MustAdminHarness(t)
	MustContain(t, h.Run("alice", "admin aide"), "Seuls les responsables du programme")
	if r := h.Run("alice", "aide admin événements"); r.Message.Title != "/mentor admin événements" {
		t.Fatalf("got %+v", r.Message)
	}
}

// TestRequestSameTopicAgain: asking again on the topic of one's open
// request says nothing changed and how to change it.
func TestRequestSameTopicAgain(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "request python")
	r := h.Run("carol", "request Python language:en kind:flash")
	if r.Message.Text != "You already have a request on “python” (waiting for a mentor): nothing was changed. To change its language, kind or goal, withdraw it with `/mentor cancel`, then ask again." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestOfferReplacedSaysWhatWent: a topics list replaces an offer's
// topics; the reply names the ones that went and how to keep them.
func TestOfferReplacedSaysWhatWent(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go, rust")
	MustContain(t, h.Run("bob", "offer python"), "No longer offered: go and rust (a list of topics replaces the one before). To keep them too: `/mentor offer add:go, rust`.")
	if r := h.Run("bob", "offer add:go"); strings.Contains(r.Message.Text, "No longer offered") {
		t.Fatalf("add: said topics went: %q", r.Message.Text)
	}
	h.Run("bob", "lang fr")
	MustContain(t, h.Run("bob", "propose java"), "Vous ne proposez plus\u202f: python et go (une liste de sujets remplace la précédente). Pour les garder aussi\u202f: `/mentor propose ajouter:python, go`.")
}
