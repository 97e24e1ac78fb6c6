package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFrenchTypoAnsweredInFrench: a member who chose no language and
// mistypes a French command word (« demnde ») is answered in French, with
// the French word to type, as if they had typed it right; a tie between
// an English and a French word goes to English ("statu"); a member who
// chose English, or whose client is in English, is answered in English.
func TestFrenchTypoAnsweredInFrench(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Run("dmitri", "demnde go"), "Je ne connais pas la commande «\u202fdemnde\u202f». Vouliez-vous dire `/mentor demande`\u202f?")
	MustContain(t, h.Run("dmitri", "statu"), "Did you mean `/mentor status`?")
	MustContain(t, h.Run("dmitri", "reqest go"), "Did you mean `/mentor request`?")
	h.Run("erin", "lang en")
	MustContain(t, h.Run("erin", "demnde go"), "I don't know the command “demnde”. Did you mean `/mentor request`?")
	// A client set in English: the typo is too weak a sign.
	r := h.Bot.HandleCommand(context.Background(), bot.Command{Member: h.Tenant.Member("fay"), Text: "ofrir go", Locale: "en-US"})
	MustContain(t, r, "Did you mean `/mentor offer`?")
	// A newcomer whose command carries no locale (a Slack slash command),
	// and whose platform profile says English, is answered in English.
	h.Platform.Locales["gus"] = "en-US"
	MustContain(t, h.Run("gus", "demnde go"), "I don't know the command “demnde”. Did you mean `/mentor request`?")
}
