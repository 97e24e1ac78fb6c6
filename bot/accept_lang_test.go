package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

func TestAcceptLang(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   bot.Lang
	}{
		{"", bot.English},
		{"fr", bot.French},
		{"fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", bot.French},
		{"fr-CA", bot.French},
		{"en-GB,fr;q=0.5", bot.English},
		{"de-DE,fr;q=0.5", bot.French},
		{"de-DE", bot.English},
		{"en;q=0.2,fr;q=0.9", bot.French},
		{"*", bot.English},
		{"not a ;; header", bot.English},
	} {
		if got := bot.AcceptLang(tt.header); got != tt.want {
			t.Errorf("AcceptLang(%q): got %s, want %s", tt.header, got, tt.want)
		}
	}
}
