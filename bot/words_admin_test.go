package bot_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestChoicesInReadersWords: a choice is shown to each reader in their
// language, in the help and in the refusal of a bad value, and every
// name of it is understood whatever the member's language.
func TestChoicesInReadersWords(t *testing.T) {
	ctx := context.Background()
	t.Run("HelpListsEveryChoice", func(t *testing.T) {
		// Each option with choices names every one of them, as the
		// reader types it, in its line of help ("confirmer: oui").
		h := MustAdminHarness(t)
		for _, c := range h.Bot.Commands() {
			for _, o := range c.Options {
				for _, lang := range []bot.Lang{bot.English, bot.French} {
					help := bot.T(lang, o.HelpKey())
					for _, choice := range o.ChoicesIn(lang) {
						if !strings.Contains(help, choice) {
							t.Errorf("%s %s %s: got %q, want the choice %q", lang, c.Name, o.Name, help, choice)
						}
					}
				}
			}
		}
	})
	t.Run("ConfirmOuiOK", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "lang fr")
		h.Run("bob", "offer rust capacity:1")
		h.Run("dan", "request rust")
		h.Click("bob", "bob", bot.ActionProposalAccept) // bob is full
		h.Run("erin", "lang fr")
		if r := h.Run("alice", "admin pair @bob @erin rust confirmer:non"); r.Message.Text != "«\u202fnon\u202f» n'est pas une valeur possible pour la confirmation. Choisissez parmi\u202f: oui." {
			t.Fatalf("got %q, want oui offered", r.Message.Text)
		}
		if r := h.Run("alice", "admin pair @bob @erin rust confirmer:oui"); !strings.HasPrefix(r.Message.Text, "C'est fait") {
			t.Fatalf("got %q, want the pair made", r.Message.Text)
		}
		if pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member("erin")); len(pairs) != 1 {
			t.Fatalf("got %d pairs, want erin paired", len(pairs))
		}
	})
	t.Run("FrenchKindsOK", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("erin", "lang fr")
		for _, typed := range []string{"entre-pairs", "entre pairs", "pairs", "Entre_Pairs"} {
			if r := h.Run("erin", "request python type:"+typed); !strings.Contains(r.Message.Text, "python") {
				t.Fatalf("type:%s: got %q, want the request saved", typed, r.Message.Text)
			}
			if req, err := h.Store.OpenRequest(ctx, h.Tenant.Member("erin")); err != nil || req.Kind != "peer" {
				t.Fatalf("type:%s: got %+v, %v, want a peer request", typed, req, err)
			}
			h.Run("erin", "cancel")
		}
		want := "«\u202ftout\u202f» n'est pas une valeur possible pour la forme de mentorat. Choisissez parmi\u202f: flash, individuel, entre pairs, inversé."
		if r := h.Run("erin", "request python type:tout"); r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
		h.Run("erin", "offer go types:flash,inversé,entre-pairs")
		if o, err := h.Store.GetOffer(ctx, h.Tenant.Member("erin")); err != nil || len(o.Kinds) != 3 || o.Kinds[1] != "reverse" || o.Kinds[2] != "peer" {
			t.Fatalf("got %+v, %v, want flash, reverse and peer", o.Kinds, err)
		}
	})
	t.Run("AnnounceLesDeuxOK", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("alice", "lang fr")
		h.Run("alice", "admin announce general langue:les-deux")
		if posts := h.Posting.Posts(); len(posts) != 1 || posts[0].Message.Title != "Become a mentor / Devenez mentor" {
			t.Fatalf("got %+v, want one bilingual call", posts)
		}
		want := "«\u202fxx\u202f» n'est pas une valeur possible pour la langue. Choisissez parmi\u202f: en, fr, les-deux."
		if r := h.Run("alice", "admin announce general langue:xx"); r.Message.Text != want {
			t.Fatalf("got %q, want %q", r.Message.Text, want)
		}
	})
}

// TestKindNamesInFrench: French readers see the kinds of mentoring by
// their French names wherever they are listed or exemplified.
func TestKindNamesInFrench(t *testing.T) {
	english := regexp.MustCompile(`\b(one-to-one|peer|reverse)\b`)
	for _, key := range []string{"opt.kind", "opt.kinds", "cmd.offer.example", "cmd.request.example", "cmd.admin.settings.example", "opt.setting_kinds"} {
		if fr := bot.T(bot.French, key); english.MatchString(fr) {
			t.Errorf("%s: got %q, want French kind names", key, fr)
		}
	}
}

// TestAdminSettingsWords: settings are refused, shown and read in the
// manager's words: French names, what a setting takes, durations and
// kinds as French readers write them.
func TestAdminSettingsWords(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	for _, tc := range []struct{ text, want string }{
		{"admin settings délai-proposition:abc", "«\u202fabc\u202f» n'est pas une valeur valable pour `délai-proposition:`. Donnez un nombre avec son unité, jours ou heures, par exemple 3j (3 jours) ou 12h."},
		{"admin settings types:tout", "«\u202ftout\u202f» n'est pas une valeur valable pour `types:`. Choisissez parmi\u202f: flash, individuel, entre pairs, inversé, séparés par des virgules."},
		{"admin settings langue-défaut:de", "«\u202fde\u202f» n'est pas une valeur valable pour `langue-défaut:`. Choisissez en ou fr."},
		{"admin settings fuseau:Mars/X", "«\u202fMars/X\u202f» n'est pas une valeur valable pour `fuseau:`. Donnez un fuseau horaire comme Europe/Paris, UTC ou UTC+2."},
		{"admin settings écart-fuseaux-max:99", "«\u202f99\u202f» n'est pas une valeur valable pour `écart-fuseaux-max:`. Donnez un nombre d'heures de 0 à 12 (0\u202f: sans limite)."},
	} {
		if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
			t.Errorf("%s: got %q, want %q", tc.text, r.Message.Text, tc.want)
		}
	}
	r := h.Run("alice", "admin settings types:flash,individuel délai-proposition:3 jours relance-point:36h")
	fields := map[string]string{}
	for _, f := range r.Message.Fields {
		fields[f.Label] = f.Value
	}
	if fields["types"] != "flash, individuel" || fields["délai-proposition"] != "3 jours" || fields["relance-point"] != "36 heures" || fields["délai-charte"] != "3 jours (par défaut)" {
		t.Fatalf("got %+v, want kinds and durations in French words", fields)
	}
	// No channel is « aucun », not « (aucun) (par défaut) »; a zero gap
	// reads as what it means, no limit.
	if fields["canal-bilan"] != "aucun (par défaut)" || fields["écart-fuseaux-max"] != "sans limite (par défaut)" {
		t.Fatalf("got canal-bilan %q and écart-fuseaux-max %q, want « aucun (par défaut) » and « sans limite (par défaut) »", fields["canal-bilan"], fields["écart-fuseaux-max"])
	}
	if help := h.Run("alice", "help admin settings").Message.Text; strings.Contains(help, "3d") || strings.Contains(help, "2d") {
		t.Fatalf("got %q, want durations written 3j for French readers", help)
	}
}

// TestAdminCharterReadingLanguage: without langue:, the charter text is
// set in the language the manager reads, and the reply says so.
func TestAdminCharterReadingLanguage(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("alice", "lang fr")
	r := h.Run("alice", "admin charter texte:Bonjour")
	if !strings.Contains(r.Message.Text, "Sans `langue:`, c'est le texte en français") {
		t.Fatalf("got %q, want the language said", r.Message.Text)
	}
	c, err := h.Store.GetCharter(ctx, h.Tenant)
	if err != nil || c.Text[bot.French] != "Bonjour" || c.Text[bot.English] != "" {
		t.Fatalf("got %+v, %v, want the French text set and the English one untouched", c.Text, err)
	}
	if how := h.Run("alice", "admin charter").Message.Text; !strings.Contains(how, "`/mentor admin charte langue:fr texte:…`") {
		t.Fatalf("got %q, want the French option names", how)
	}
}

// TestRequestLanguageAny: language: takes any language, for this request
// only, by code or name in either language; it takes one.
func TestRequestLanguageAny(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	for _, typed := range []string{"language:es", "langue:espagnol", "language:Spanish"} {
		h.Run("erin", "request go "+typed)
		req, err := h.Store.OpenRequest(ctx, h.Tenant.Member("erin"))
		if err != nil || len(req.Languages) != 1 || req.Languages[0] != "es" {
			t.Fatalf("%s: got %+v, %v, want a request in Spanish", typed, req.Languages, err)
		}
		h.Run("erin", "cancel")
	}
	if r := h.Run("erin", "request go language:es,fr"); r.Message.Text != "Give one language here, for example `language:es`; to give several, use `languages:`." {
		t.Fatalf("got %q, want one language asked for", r.Message.Text)
	}
}

// TestAdminHelpDescriptions: each admin option is described for its own
// command, and the managers' sub-commands are named in the reader's
// language in the help, its example and the hints alike.
func TestAdminHelpDescriptions(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ text, want, not string }{
		{"help admin charter", "text: the charter's new text in that language", "your comment"},
		{"help admin settings", "tz: the program's time zone", "your time zone"},
		{"help admin topics", "topic: the topic the alias stands for", "what you need help with"},
		{"help admin managers", "action: add, remove or list", "alias"},
	} {
		if help := h.Run("alice", tc.text).Message.Text; !strings.Contains(help, tc.want) || strings.Contains(help, tc.not) {
			t.Errorf("%s: got %q, want %q and not %q", tc.text, help, tc.want, tc.not)
		}
	}
	h.Run("alice", "lang fr")
	for _, tc := range []struct{ text, want string }{
		{"help admin charter", "texte\u202f: le nouveau texte de la charte dans cette langue"},
		{"help admin settings", "fuseau\u202f: le fuseau horaire du programme"},
		{"help admin topics", "sujet\u202f: le sujet que désigne l'alias"},
		{"help admin managers", "action\u202f: ajouter, retirer ou lister"},
		{"help admin managers", "/mentor admin responsables ajouter @ada"},
		{"admin managers foo", "`/mentor admin responsables ajouter @membre`, `retirer @membre` ou `lister`"},
		{"admin topics alias", "`retirer <alias>` ou `lister`"},
	} {
		if got := h.Run("alice", tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.text, got, tc.want)
		}
	}
	h.Run("alice", "admin managers ajouter @dan")
	if got := h.Run("alice", "admin managers lister").Message.Text; !strings.Contains(got, "Dan") {
		t.Fatalf("got %q, want dan listed", got)
	}
	if got := h.Run("alice", "admin managers retirer @dan").Message.Text; !strings.Contains(got, "n'est plus responsable") {
		t.Fatalf("got %q, want dan removed", got)
	}
}

// TestAdminHelpPointers: "/mentor admin help settings" explains the
// command, and an unknown managers' command points to their help.
func TestAdminHelpPointers(t *testing.T) {
	h := MustAdminHarness(t)
	if r := h.Run("alice", "admin help settings"); r.Message.Title != "/mentor admin settings" {
		t.Fatalf("got %+v, want the help of admin settings", r.Message)
	}
	if r := h.Run("alice", "admin foo"); r.Message.Text != "I don't know the managers' command “admin foo”. Type `/mentor admin help` for the list." {
		t.Fatalf("got %q", r.Message.Text)
	}
	if r := h.Run("alice", "admin help setings"); !strings.Contains(r.Message.Text, "Did you mean `/mentor admin settings`? Type `/mentor admin help` for the list.") {
		t.Fatalf("got %q", r.Message.Text)
	}
}

// TestFrenchUngendered: where a member's gender is unknown, no French
// sentence makes a word agree with them (FRENCH.md: turn the sentence).
func TestFrenchUngendered(t *testing.T) {
	gendered := regexp.MustCompile(`vous seul\b|être accompagné\b|vous seule\b|\btous (les )?deux\b|\btoutes deux\b|l'une? et l'autre|^ouverte? aux\b|n'est pas un responsable`)
	for _, k := range bot.CatalogKeys(bot.French) {
		if fr := bot.T(bot.French, k); gendered.MatchString(fr) {
			t.Errorf("%s: got %q, want a sentence with nothing to agree", k, fr)
		}
	}
}

// TestDurationSettingsGiveAnExample: every duration setting's description
// ends with an example written as the reader types it (3d, 3j).
func TestDurationSettingsGiveAnExample(t *testing.T) {
	example := map[bot.Lang]*regexp.Regexp{
		bot.English: regexp.MustCompile(`, like \d+d$`),
		bot.French:  regexp.MustCompile(`, par ex\. \d+j$`),
	}
	for _, name := range []string{"proposal-timeout", "charter-timeout", "checkin-after", "checkin-reminder", "survey-after", "program-length", "checkin-every", "escalate-after"} {
		for l, re := range example {
			if d := bot.T(l, "opt."+name); !re.MatchString(d) {
				t.Errorf("%s %s: got %q, want it to end with an example like %s", l, name, d, re)
			}
		}
	}
}

// TestDurationSettingsBounded: a duration a manager could only mean by
// mistake (a proposal that expires within the second, a check-in a year
// away) is refused with the range, in their words, and nothing changes.
func TestDurationSettingsBounded(t *testing.T) {
	h := MustAdminHarness(t)
	for _, tc := range []struct{ text, want string }{
		{"admin settings proposal-timeout:1s", "`proposal-timeout:` takes a duration from 1 hour to 30 days: “1s” is outside it."},
		{"admin settings proposal-timeout:400d", "`proposal-timeout:` takes a duration from 1 hour to 30 days: “400d” is outside it."},
		{"admin settings proposal-timeout:0h", "`proposal-timeout:` takes a duration from 1 hour to 30 days: “0h” is outside it."},
		{"admin settings checkin-every:2h", "`checkin-every:` takes a duration from 1 day to 180 days: “2h” is outside it."},
	} {
		if r := h.Run("alice", tc.text); r.Message.Text != tc.want {
			t.Errorf("%s: got %q, want %q", tc.text, r.Message.Text, tc.want)
		}
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin settings délai-proposition:45j"); r.Message.Text != "`délai-proposition:` accepte une durée de 1 heure à 30 jours\u202f: «\u202f45j\u202f» en sort." {
		t.Errorf("got %q", r.Message.Text)
	}
	for _, f := range h.Run("alice", "admin settings").Message.Fields {
		if f.Label == "délai-proposition" && !strings.Contains(f.Value, "par défaut") {
			t.Errorf("a refused value was kept: %q", f.Value)
		}
	}
}

// TestDurationBoundsOnlyForManagers: the bounds are a manager's guard
// against a typo; the operator's environment (a load test's seconds) and
// values stored before them still load.
func TestDurationBoundsOnlyForManagers(t *testing.T) {
	var s bot.Settings
	for name, v := range map[string]string{"checkin-after": "20s", "program-length": "90s", "proposal-timeout": "45m"} {
		if err := s.Set(name, v); err != nil {
			t.Errorf("Set(%s, %s): %v", name, v, err)
		}
	}
}
