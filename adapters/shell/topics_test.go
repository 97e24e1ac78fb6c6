package shell_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestTopicsTranscript plays, in English and in French, a manager adding,
// listing and removing topic aliases (and being refused one the bot
// already knows), then a mentee's typo: the suggestion, its button clicked
// by someone else (refused), then by the mentee, which sends the request
// to a mentor. Run with -update to rewrite the golden files.
func TestTopicsTranscript(t *testing.T) {
	for _, name := range []string{"topics_en", "topics_fr"} {
		t.Run(name, func(t *testing.T) { playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}}) })
	}
}
