package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

func TestParse(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	tests := []struct {
		name, text, cmd string
		values          map[string]string
		key             string // expected error key, "" for none
	}{
		{"Empty", "", "help", map[string]string{}, ""},
		{"Prefix", "/mentor status", "status", map[string]string{}, ""},
		{"Positional", "offer go, k8s", "offer", map[string]string{"topics": "go, k8s"}, ""},
		{"Options", "offer go capacity:3 tz:Europe/Paris", "offer", map[string]string{"topics": "go", "capacity": "3", "tz": "Europe/Paris"}, ""},
		{"CaseInsensitive", "OFFER go Capacity:3", "offer", map[string]string{"topics": "go", "capacity": "3"}, ""},
		{"GoalWithSpacesAndColon", "request k8s goal:learn this: fast, please kind:peer", "request",
			map[string]string{"topic": "k8s", "goal": "learn this: fast, please", "kind": "peer"}, ""},
		{"URLIsText", "request go goal:see https://go.dev", "request", map[string]string{"topic": "go", "goal": "see https://go.dev"}, ""},
		{"Quoted", `request go goal:"ship it"`, "request", map[string]string{"topic": "go", "goal": "ship it"}, ""},
		{"NamedPositional", "offer topics:go, rust", "offer", map[string]string{"topics": "go, rust"}, ""},
		{"Misspelled", "ofer go", "", nil, "err.unknown_command_suggest"},
		{"Unknown", "xyzzy", "", nil, "err.unknown_command"},
		{"MisspelledOption", "offer go capcity:3", "", nil, "err.option_unknown_suggest"},
		{"FrenchNames", "offer développement années:10 capacité:3 fuseau:Europe/Paris", "offer",
			map[string]string{"topics": "développement", "years": "10", "capacity": "3", "tz": "Europe/Paris"}, ""},
		{"FrenchNamesWithoutAccents", "offer go annees:10 capacite:3 langues:fr types:peer", "offer",
			map[string]string{"topics": "go", "years": "10", "capacity": "3", "languages": "fr", "kinds": "peer"}, ""},
		{"FrenchNamesAnyCase", "request Type:peer LANGUE:fr Objectif:apprendre Sujet:rust", "request",
			map[string]string{"topic": "rust", "kind": "peer", "language": "fr", "goal": "apprendre"}, ""},
		{"FrenchCommand", "demande go objectif:livrer un service", "request", map[string]string{"topic": "go", "goal": "livrer un service"}, ""},
		{"FrenchCommandAnyCase", "Propose go capacité:2", "offer", map[string]string{"topics": "go", "capacity": "2"}, ""},
		{"FrenchCommandAccents", "état", "status", map[string]string{}, ""},
		{"LanguageCommand", "language fr", "lang", map[string]string{"lang": "fr"}, ""},
		{"Ans", "offer go ans:5", "offer", map[string]string{"topics": "go", "years": "5"}, ""},
		{"NamedFrenchPositional", "offer sujets:go, rust", "offer", map[string]string{"topics": "go, rust"}, ""},
		{"AddRemove", "offer ajouter:rust retirer:go add:python", "offer", map[string]string{"add": "rust, python", "remove": "go"}, ""},
		{"ListTwice", "offer go sujets:rust langues:fr languages:en", "offer", map[string]string{"topics": "go, rust", "languages": "fr, en"}, ""},
		{"Twice", "offer go capacity:1 capacity:5", "", nil, "err.option_twice"},
		{"TwiceEnglishAndFrench", "offer go capacity:1 capacité:5", "", nil, "err.option_twice"},
		{"TwicePositionalAndNamed", "request go sujet:rust", "", nil, "err.option_twice"},
		{"TwiceFreeText", "goals first:a first:b", "", nil, "err.option_twice"},
		{"AdminFrench", "admin pair @U1 mentoré:@U2 sujet:go type:peer", "admin pair",
			map[string]string{"mentor": "@U1", "mentee": "@U2", "topic": "go", "kind": "peer"}, ""},
		{"AdminSettingFrench", "admin settings délai-proposition:3d fuseau:UTC", "admin settings",
			map[string]string{"proposal-timeout": "3d", "tz": "UTC"}, ""},
		{"UnknownOptionRefused", "offer go level:senior", "", nil, "err.option_unknown"},
		{"UnknownOptionInTopic", "request go level:senior", "", nil, "err.option_unknown"},
		{"UnknownOptionNoOptions", "status foo:bar", "", nil, "err.unexpected_text"},
		{"FreeTextKeepsWords", "request go goal:learn this: fast note:now kind:peer", "request",
			map[string]string{"topic": "go", "goal": "learn this: fast note:now", "kind": "peer"}, ""},
		{"FreeTextPositionalKeepsWords", "comment note: great, merci", "comment", map[string]string{"text": "note: great, merci"}, ""},
		{"FreeTextFrenchName", "comment texte:remarque: super", "comment", map[string]string{"text": "remarque: super"}, ""},
		{"CharterText", "admin charter langue:fr texte:Article 1: on se respecte", "admin charter",
			map[string]string{"lang": "fr", "text": "Article 1: on se respecte"}, ""},
		{"AfterNoBreakSpace", "offer go\u00a0capacité:3", "offer", map[string]string{"topics": "go", "capacity": "3"}, ""},
		{"TimeIsNoOption", "request go goal:meet at 10:30", "request", map[string]string{"topic": "go", "goal": "meet at 10:30"}, ""},
		{"UnexpectedText", "status please", "", nil, "err.unexpected_text"},
		{"TooLong", "offer " + strings.Repeat("x", bot.MaxTextLen), "", nil, "err.text_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, values, err := b.Parse(tt.text)
			if tt.key != "" {
				var e *bot.Error
				if !asError(err, &e) || e.Key != tt.key {
					t.Fatalf("got error %v, want key %s", err, tt.key)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if spec.Name != tt.cmd {
				t.Fatalf("got command %q, want %q", spec.Name, tt.cmd)
			}
			if len(values) != len(tt.values) {
				t.Fatalf("got %v, want %v", values, tt.values)
			}
			for k, v := range tt.values {
				if values[k] != v {
					t.Fatalf("got %s=%q, want %q", k, values[k], v)
				}
			}
		})
	}
}

func asError(err error, target **bot.Error) bool {
	e, ok := err.(*bot.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]string{"3d": "72h0m0s", "90m": "1h30m0s", "1.5d": "36h0m0s", "2d12h": "60h0m0s", "3j": "72h0m0s", "2j12h": "60h0m0s"} {
		d, err := bot.ParseDuration(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDuration(%q): got %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "3x"} {
		if _, err := bot.ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q): got no error, want one", in)
		}
	}
}

// TestParseUnknownOption: a word: that is no option is refused with the
// command's options, named in the member's language, and the closest one.
func TestParseUnknownOption(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	tests := []struct {
		name string
		lang bot.Lang
		text string
		want string
	}{
		{"English", bot.English, "offer go level:senior",
			"I don't know the option `level:`. The options of `/mentor offer` are: `topics:`, `capacity:`, `languages:`, `kinds:`, `tz:`, `years:`, `add:`, `remove:`, `program:`, `hours:`."},
		{"French", bot.French, "offer go niveau:senior",
			"Je ne connais pas l'option `niveau:`. Les options de `/mentor propose` sont\u202f: `sujets:`, `capacité:`, `langues:`, `types:`, `fuseau:`, `années:`, `ajouter:`, `retirer:`, `programme:`, `heures:`."},
		{"SuggestFrench", bot.French, "offer go capacté:3",
			"Je ne connais pas l'option `capacté:`. Vouliez-vous dire `capacité:`\u202f? Les options de `/mentor propose` sont\u202f: `sujets:`, `capacité:`, `langues:`, `types:`, `fuseau:`, `années:`, `ajouter:`, `retirer:`, `programme:`, `heures:`."},
		{"EmptyEnglish", bot.English, "offer go languages: capacity:2",
			"`languages:` has no value: give it one, or leave it out. For example: `/mentor offer go, kubernetes, career change capacity:2 languages:en,fr tz:Europe/Paris years:12 kinds:flash,one-to-one`"},
		{"EmptyFrench", bot.French, "offer go langues:",
			"`langues:` n'a pas de valeur\u202f: donnez-lui-en une, ou retirez-le. Par exemple\u202f: `/mentor propose go, kubernetes, reconversion capacité:2 langues:fr,en fuseau:Europe/Paris années:12 types:flash,individuel`"},
		// The command's example has no pair: it would show nothing of
		// the option: what it takes is said instead.
		{"EmptyNotInExample", bot.English, "meet pair:",
			"`pair:` has no value: give it one (the other member's name, or the topic, when you have several pairs), or leave it out."},
		{"EmptyNotInExampleFrench", bot.French, "rdv binôme:",
			"`binôme:` n'a pas de valeur\u202f: donnez-lui-en une (le nom de l'autre membre, ou le sujet, si vous avez plusieurs binômes), ou retirez-le."},
		{"SuggestEnglish", bot.English, "offer go yeras:3",
			"I don't know the option `yeras:`. Did you mean `years:`? The options of `/mentor offer` are: `topics:`, `capacity:`, `languages:`, `kinds:`, `tz:`, `years:`, `add:`, `remove:`, `program:`, `hours:`."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustRefuse(t, b, tt.lang, tt.text, tt.want)
		})
	}
}

// TestHelpFrenchWords: each French word the French help names is a
// command word the parser understands, and the help names them.
func TestHelpFrenchWords(t *testing.T) {
	for _, w := range bot.HelpFrenchWords() {
		if !bot.IsFrenchCommand(w) {
			t.Errorf("the help names %q, which the parser does not know", w)
		}
	}
	h := MustHarness(t)
	h.Run("ann", "lang fr")
	// The French help names the commands in French, and says the English
	// names work too.
	MustContain(t, h.Run("ann", "aide"), "• /mentor propose — ")
	MustContain(t, h.Run("ann", "aide"), "Les commandes se tapent aussi en anglais\u202f: offer, request, status")
	if r := h.Run("bob", "help"); strings.Contains(r.Message.Text, "typed in French") {
		t.Errorf("the English help names the French words: %q", r.Message.Text)
	}
}

// mustRefuse parses text as a member reading lang would type it, and
// fails unless the parser refuses it with the sentence want.
func mustRefuse(t *testing.T, b *bot.Bot, lang bot.Lang, text, want string) {
	t.Helper()
	_, _, err := b.ParseIn(lang, text)
	var e *bot.Error
	if !asError(err, &e) {
		t.Fatalf("got error %v, want a refusal", err)
	}
	if got := bot.T(lang, e.Key, e.Args...); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestFrenchAdminWords: a manager may type the French word of a
// managers' command after "admin", accents optional.
func TestFrenchAdminWords(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	for typed, want := range map[string]string{
		"admin aide": "admin help", "admin programme créer x": "admin program", "admin besoins x": "admin needs",
		"admin canal-bilan #x": "admin digest-channel", "admin paramètres": "admin settings", "admin réglages": "admin settings",
		"admin événements": "admin events", "admin binôme @a @b go": "admin pair", "admin témoignages": "admin testimonials",
	} {
		spec, _, err := b.ParseIn(bot.French, typed)
		if spec.Name != want {
			t.Errorf("%q: got %q (%v), want %q", typed, spec.Name, err, want)
		}
	}
}
