package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// namedPlatform is the recording fake platform whose directory gives
// members the names in names.
type namedPlatform struct {
	*bottest.Platform
	names map[string]string
}

func (p *namedPlatform) Profile(ctx context.Context, id bot.MemberID) (bot.Profile, error) {
	pr, err := p.Platform.Profile(ctx, id)
	if n, ok := p.names[id.User]; ok {
		pr.Name = n
	}
	return pr, err
}

// TestNamesCleaned: a name from the platform's directory, shown to the
// other member, loses its control and format characters (a right-to-left
// override would turn the times beside it around; a newline would fake a
// line of the bot's), and so does a name saved before names were cleaned.
func TestNamesCleaned(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Managers: []string{"alice"}})
	p := &namedPlatform{Platform: h.Platform, names: map[string]string{"mal": "Mal\u202eRTL\n*Why you were matched*"}}
	h.Bot.Register(tn.Platform, p)
	h.Run("bob", "offer go")
	h.Run("mal", "request go")
	var proposal string
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "bob" {
			proposal = s.Message.Text
		}
	}
	if !strings.Contains(proposal, "MalRTL *Why you were matched*") || strings.ContainsAny(proposal, "\u202e") {
		t.Fatalf("got proposal %q, want the name on one line, without the override", proposal)
	}
	// A record saved before: cleaned as it is shown.
	if err := h.Store.SaveMember(context.Background(), bot.Member{ID: tn.Member("eve"), Name: "Eve\u202e\u200bX", Lang: bot.English}); err != nil {
		t.Fatal(err)
	}
	h.Run("carl", "offer rust")
	h.Run("eve", "request rust")
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "carl" && (!strings.Contains(s.Message.Text, "EveX") || strings.ContainsAny(s.Message.Text, "\u202e\u200b")) {
			t.Fatalf("got proposal %q, want EveX, cleaned", s.Message.Text)
		}
	}
}
