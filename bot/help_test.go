package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestHelpOnCommandWords: help on a command's French word shows that
// command's help, as help on its English name does, in either language,
// titled with the command's name in the reader's language.
func TestHelpOnCommandWords(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text, title, want string
	}{
		{"FrenchWordFR", "fr", "aide propose", "/mentor propose", "proposer du mentorat sur des sujets"},
		{"FrenchRequestFR", "fr", "aide demande", "/mentor demande", "demander un mentor sur un sujet"},
		{"FrenchStatusFR", "fr", "aide statut", "/mentor statut", "voir votre offre, votre demande et vos binômes"},
		{"FrenchAccentsFR", "fr", "aide Témoignage", "/mentor témoignage", "écrire une phrase sur votre mentorat"},
		{"FrenchNoAccentsFR", "fr", "aide temoignage", "/mentor témoignage", "écrire une phrase sur votre mentorat"},
		{"EnglishNameFR", "fr", "aide offer", "/mentor propose", "proposer du mentorat sur des sujets"},
		{"HelpOnHelpFR", "fr", "aide aide", "/mentor aide", "lister les commandes, ou en expliquer une"},
		{"FrenchWordEN", "en", "help propose", "/mentor offer", "offer to mentor on some topics"},
		{"FrenchRequestEN", "en", "help demande", "/mentor request", "ask for a mentor on a topic"},
		{"EnglishNameEN", "en", "help status", "/mentor status", "show your offer, your request and your pairs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.Run(tt.user, tt.text)
			if r.Message.Title != tt.title || !strings.Contains(r.Message.Text, tt.want) {
				t.Fatalf("got %+v, want the help of %s containing %q", r.Message, tt.title, tt.want)
			}
		})
	}
}

// TestUnknownCommandSuggestion: a misspelled command is refused with the
// closest command word, French words included, as the member would type
// it: a French near-miss gets the French word, an English one the English
// name, and a tie the word of the member's language.
func TestUnknownCommandSuggestion(t *testing.T) {
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	en := func(cmd, s string) string {
		return "I don't know the command “" + cmd + "”. Did you mean `/mentor " + s + "`? Type `/mentor help` for the list."
	}
	fr := func(cmd, s string) string {
		return "Je ne connais pas la commande «\u202f" + cmd + "\u202f». Vouliez-vous dire `/mentor " + s + "`\u202f? Tapez `/mentor aide` pour la liste."
	}
	tests := []struct {
		name string
		lang bot.Lang
		text string
		want string
	}{
		{"FrenchNearMissFR", bot.French, "proposr go", fr("proposr", "propose")},
		{"FrenchRequestFR", bot.French, "demnde go", fr("demnde", "demande")},
		{"FrenchAccentsFR", bot.French, "temoignag", fr("temoignag", "témoignage")},
		{"EnglishNearMissFR", bot.French, "ofer go", fr("ofer", "propose")},
		{"TieFR", bot.French, "statu", fr("statu", "statut")},
		// "etat" and "état" both name status: the accented one is shown.
		{"AccentShownFR", bot.French, "stat", fr("stat", "statut")},
		// Nearest to a French word: an English reader is given the
		// command's English name (the French word would switch them to
		// French).
		{"FrenchNearMissEN", bot.English, "demnde go", en("demnde", "request")},
		{"EnglishNearMissEN", bot.English, "ofer go", en("ofer", "offer")},
		{"TieEN", bot.English, "statu", en("statu", "status")},
		// "comm" begins "comment" and its French word "commentaire":
		// one command, so still a unique prefix, given in the member's
		// language.
		{"PrefixOfOneCommandEN", bot.English, "comm", en("comm", "comment")},
		{"PrefixOfOneCommandFR", bot.French, "comm", fr("comm", "commentaire")},
		{"NothingCloseFR", bot.French, "xyzzy", "Je ne connais pas la commande «\u202fxyzzy\u202f». Tapez `/mentor aide` pour la liste."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustRefuse(t, b, tt.lang, tt.text, tt.want)
		})
	}
	// The help suggests the same way, the help of the command.
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	if r := h.Run("fr", "aide proposr"); r.Message.Text != fr("proposr", "aide propose") {
		t.Fatalf("got %q, want %q", r.Message.Text, fr("proposr", "aide propose"))
	}
	if r := h.Run("en", "help statu"); r.Message.Text != en("statu", "help status") {
		t.Fatalf("got %q, want %q", r.Message.Text, en("statu", "help status"))
	}
}

// TestHelpOptionLabels: a command's help labels its options as its
// language writes a label, a narrow no-break space before the colon in
// French.
func TestHelpOptionLabels(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text string
		want, notWant    []string
	}{
		{"French", "fr", "aide request",
			[]string{"\n    sujet\u202f: le sujet sur lequel vous voulez de l'aide", "\n    objectif\u202f: une phrase sur votre objectif", "\n    années\u202f: "},
			[]string{"sujet: ", "objectif: ", "type: "}},
		{"English", "en", "help request",
			[]string{"\n    topic: what you need help with", "\n    goal: ", "\n    years: "},
			[]string{"\u202f"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := h.Run(tt.user, tt.text)
			for _, w := range tt.want {
				MustContain(t, r, w)
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.Message.Text, w) {
					t.Fatalf("got %q, want no %q", r.Message.Text, w)
				}
			}
		})
	}
}
