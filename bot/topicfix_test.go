package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestOfferKnownTopicIsNoTypo: an offer of a topic the workspace knows
// (in the built-in vocabulary, one of its aliases, or offered or
// requested by someone else) is never called a typo; a real typo still
// is.
func TestOfferKnownTopicIsNoTypo(t *testing.T) {
	h := MustAdminHarness(t)
	noTypo := func(t *testing.T, r bot.Reply) {
		t.Helper()
		if strings.Contains(r.Message.Text, "Did you mean") || strings.Contains(r.Message.Text, "Vouliez-vous dire") {
			t.Fatalf("got %q, want no typo note", r.Message.Text)
		}
	}
	t.Run("Vocabulary", func(t *testing.T) {
		noTypo(t, h.Run("carol", "offer project management"))
		h.Run("bob", "lang fr")
		noTypo(t, h.Run("bob", "offer gestion de projet, project management"))
	})
	t.Run("TypoOK", func(t *testing.T) {
		MustContain(t, h.Run("erin", "offer kubernetis"), "Did you mean “kubernetes”?")
	})
	t.Run("OfferedByOthers", func(t *testing.T) {
		noTypo(t, h.Run("frank", "offer kubernetis"))
	})
	t.Run("RequestedByOthers", func(t *testing.T) {
		h.Run("ann", "request postgresq")
		noTypo(t, h.Run("gina", "offer postgresq"))
		MustContain(t, h.Run("hugo", "offer kafkaa"), "Did you mean “kafka”?")
	})
	t.Run("WorkspaceAlias", func(t *testing.T) {
		MustContain(t, h.Run("ivan", "offer kubernetos"), "Did you mean “kubernetes”?")
		h.Run("ivan", "offer remove:kubernetos add:go")
		h.Run("alice", "admin topics alias kbo = kubernetos")
		noTypo(t, h.Run("ivan", "offer add:kubernetos"))
		h.Run("alice", "admin topics alias dockerr = docker")
		noTypo(t, h.Run("jill", "offer dockerr"))
	})
}

// TestRequestTypoOtherLanguage: a typo whose right spelling is offered
// only by mentors of another language gets a suggestion that says so
// truthfully; its button leads to the language question. Mentors of
// another kind are still left out: the button must lead somewhere.
func TestRequestTypoOtherLanguage(t *testing.T) {
	t.Run("English", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		h.Run("bob", "offer kubernetes")
		h.Platform.Take()
		r := h.Run("dan", "request kubernete")
		MustLines(t, r.Message.Text,
			"Your request on “kubernete” is saved, and waits in the queue for a mentor who offers this topic.",
			"Nobody offers “kubernete”. Did you mean “kubernetes”? 1 French-speaking mentor offers it.")
		if len(r.Message.Buttons) != 1 || r.Message.Buttons[0].Label != "Change to “kubernetes”" {
			t.Fatalf("got buttons %+v, want one to change the topic", r.Message.Buttons)
		}
		got := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("dan"), ActionID: r.Message.Buttons[0].ActionID, Value: r.Message.Buttons[0].Value})
		MustLines(t, got.Message.Text,
			"Your request is now on “kubernetes”.",
			"No English-speaking mentor offers “kubernetes” yet; 1 French-speaking mentor does.",
			"If a mentor who speaks French suits you too, click the button: I'll look again at once.")
		if len(got.Message.Buttons) != 1 || got.Message.Buttons[0].Label != "Also accept French" {
			t.Fatalf("got buttons %+v, want the language question's", got.Message.Buttons)
		}
	})
	t.Run("SeveralLanguages", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes languages:fr")
		h.Run("m2", "offer kubernetes languages:de")
		h.Run("m3", "offer kubernetes languages:de")
		r := h.Run("dan", "request kubernete")
		MustLines(t, r.Message.Text, "Nobody offers “kubernete”. Did you mean “kubernetes”? 3 mentors who speak German or French offer it.")
	})
	t.Run("French", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes")
		h.Run("m2", "offer kubernetes")
		h.Run("dan", "lang fr")
		h.Platform.Take()
		r := h.Run("dan", "request kubernete")
		MustLines(t, r.Message.Text, "Personne ne propose «\u202fkubernete\u202f». Vouliez-vous dire «\u202fkubernetes\u202f»\u202f? 2 mentors parlant anglais le proposent.")
	})
	t.Run("SameLanguageFirst", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes languages:fr")
		h.Run("m2", "offer kubernetes")
		r := h.Run("dan", "request kubernete")
		MustLines(t, r.Message.Text, "Nobody offers “kubernete”. Did you mean “kubernetes” (1 mentor)?")
	})
	t.Run("OtherKindLeftOut", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("m1", "offer kubernetes languages:fr kinds:peer")
		r := h.Run("dan", "request kubernete")
		if len(r.Message.Buttons) != 0 || strings.Contains(r.Message.Text, "Did you mean") {
			t.Fatalf("got %q with buttons %+v, want no suggestion", r.Message.Text, r.Message.Buttons)
		}
	})
}

// TestRequestNarrowerOfferNoMatch: a mentor qualifies when they offer the
// request's topic or one whose words include it, never one of fewer words
// that means something else; the instant proposal and the sweep agree.
func TestRequestNarrowerOfferNoMatch(t *testing.T) {
	for _, tc := range []struct{ offer, request string }{
		{"networks, data", "social networks"},
		{"networks, data", "big data"},
		{"réseaux", "réseaux sociaux"},
		{"Développement", "développement web"},
		{"APIs", "API REST"},
	} {
		t.Run(tc.request, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "offer "+tc.offer+" capacity:9")
			h.Platform.Take()
			r := h.Run("dan", "request "+tc.request)
			if strings.Contains(r.Message.Text, "I've asked a mentor") {
				t.Fatalf("got %q, want the request to wait", r.Message.Text)
			}
			MustTick(t, h, 2*day) // the sweep, and a round when bob changes his offer
			h.Run("bob", "offer capacity:8")
			for _, line := range inbox(h) {
				if strings.HasPrefix(line, "bob:") {
					t.Fatalf("got %q, want no proposal to bob", line)
				}
			}
		})
	}
	t.Run("WiderOfferOK", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer dev web")
		h.Platform.Take()
		MustContain(t, h.Run("dan", "request web"), "I've asked a mentor")
	})
}

// TestAliasBuiltinTopicRefused: a built-in topic cannot become the alias
// of another, in English and in French.
func TestAliasBuiltinTopicRefused(t *testing.T) {
	h := MustAdminHarness(t)
	if r := h.Run("alice", "admin topics alias python = go"); r.Message.Text != "“python” is one of the usual topics: as an alias, it would make every “python” mean “go”. Choose an alias of your own." {
		t.Fatalf("got %q", r.Message.Text)
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin topics alias Python = rust"); r.Message.Text != "«\u202fPython\u202f» est un des sujets courants\u202f: en alias, il ferait que chaque «\u202fpython\u202f» veuille dire «\u202frust\u202f». Choisissez un alias qui vous soit propre." {
		t.Fatalf("got %q", r.Message.Text)
	}
	if got := h.Bot.Synonyms(context.Background(), h.Tenant).Normalize("python"); got != "python" {
		t.Fatalf("got python read as %q, want it unchanged", got)
	}
}

// TestAliasReplacedSaysSo: an alias given a new meaning says what it
// meant before, in English and in French; the same meaning again says
// there is nothing to add.
func TestAliasReplacedSaysSo(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin topics alias sre site reliability engineering")
	if r := h.Run("alice", "admin topics alias sre devops"); r.Message.Text != "From now on, “sre” means “devops”, in every offer and request, including those already made. It meant “site reliability engineering” until now." {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := h.Run("alice", "admin topics alias sre devops"); r.Message.Text != "“sre” already means “devops”, so there is nothing to add." {
		t.Fatalf("got %q", r.Message.Text)
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin topics alias SRE fiabilité"); r.Message.Text != "Désormais, «\u202fSRE\u202f» veut dire «\u202ffiabilité\u202f», dans toutes les offres et demandes, y compris celles déjà faites. Jusqu'ici, il voulait dire «\u202fdevops\u202f»." {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestOfferTopicCountBeforeLength: too many topics is said as such, however
// long the list; a topic too long is named.
func TestOfferTopicCountBeforeLength(t *testing.T) {
	h := MustHarness(t)
	many := make([]string, 150)
	for i := range many {
		many[i] = fmt.Sprintf("topic%d", i)
	}
	list := strings.Join(many, ", ")
	if r := h.Run("bob", "offer "+list); r.Message.Text != "Please offer at most 10 topics." {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := h.Run("bob", "offer go add:"+list); r.Message.Text != "Please offer at most 10 topics." {
		t.Fatalf("add: got %q", r.Message.Text)
	}
	long := strings.Repeat("x", 70)
	MustContain(t, h.Run("bob", "offer go, "+long), "is too long for a topic: each takes 60 characters at most")
	h.Run("bob", "lang fr")
	if r := h.Run("bob", "offer "+list); r.Message.Text != "Proposez au plus 10 sujets, s'il vous plaît." {
		t.Fatalf("got %q", r.Message.Text)
	}
}
