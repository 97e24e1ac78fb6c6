package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// TestRenderLongTextCutsAtLines: a text longer than a section (the
// French help) is split where a line ends, when one ends in the
// section's second half, not at the section's last space mid-sentence.
func TestRenderLongTextCutsAtLines(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("Line %d: a sentence of a help that runs for a while & then ends here.", i))
	}
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	b := bot.New(bot.Config{}, inmem.New(clock.Now), clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	help := b.HandleCommand(context.Background(),
		bot.Command{Member: bot.MemberID{Platform: slack.Platform, Workspace: "T1", User: "U1"}, Text: "help", Locale: "fr"})
	for _, tt := range []struct {
		name     string
		text     string
		channels []string
	}{
		{"SeveralLines", strings.Join(lines, "\n"), nil},
		{"FrenchHelp", help.Message.Text, nil},
		// A message that names a channel has shorter sections
		// (sectionRoom): the help is cut elsewhere.
		{"FrenchHelpShorterSections", help.Message.Text, []string{"C0123456789"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var blocks []block
			if err := json.Unmarshal([]byte(slack.RenderJSON(bot.Message{Text: tt.text, Channels: tt.channels})), &blocks); err != nil {
				t.Fatal(err)
			}
			MustFitBlockKit(t, blocks)
			if len(blocks) < 2 {
				t.Fatalf("got %d blocks, want the text split over several", len(blocks))
			}
			// Each block ends, and the next starts, where a line of the
			// text does.
			whole := map[string]bool{}
			for _, l := range strings.Split(tt.text, "\n") {
				whole[strings.TrimSpace(l)] = true
			}
			for i := range blocks[:len(blocks)-1] {
				got := strings.TrimRight(blocks[i].Text.Text, "\n")
				last := slack.UnescapeText(got[strings.LastIndex(got, "\n")+1:])
				first, _, _ := strings.Cut(strings.TrimLeft(blocks[i+1].Text.Text, "\n"), "\n")
				first = slack.UnescapeText(first)
				if !whole[strings.TrimSpace(last)] || !whole[strings.TrimSpace(first)] {
					t.Errorf("got block %d ending %q and the next starting %q, want them cut where a line ends", i, last, first)
				}
			}
		})
	}
}
