package bot_test

import (
	"strings"
	"testing"
)

// TestHelpOnCommandWords: help on a command's French word, as the French
// help advertises them, shows that command's help, as help on its English
// name does, in either language.
func TestHelpOnCommandWords(t *testing.T) {
	h := MustHarness(t)
	h.Run("fr", "lang fr")
	tests := []struct {
		name, user, text, title, want string
	}{
		{"FrenchWordFR", "fr", "aide propose", "/mentor offer", "proposer du mentorat sur des sujets"},
		{"FrenchRequestFR", "fr", "aide demande", "/mentor request", "demander un mentor sur un sujet"},
		{"FrenchStatusFR", "fr", "aide statut", "/mentor status", "voir votre offre, votre demande et vos binômes"},
		{"FrenchAccentsFR", "fr", "aide Témoignage", "/mentor testimonial", "écrire une phrase sur votre mentorat"},
		{"FrenchNoAccentsFR", "fr", "aide temoignage", "/mentor testimonial", "écrire une phrase sur votre mentorat"},
		{"EnglishNameFR", "fr", "aide offer", "/mentor offer", "proposer du mentorat sur des sujets"},
		{"HelpOnHelpFR", "fr", "aide aide", "/mentor help", "lister les commandes, ou en expliquer une"},
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
