package discord_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordMemtextRender renders, for an English and a French reader,
// the messages that carry a member's goals and name: a member's text
// shows as typed wherever it stands, in a line of the text (alone, at a
// value's start or inside it) or as a field's value, while the catalog's
// own code spans in the same message stay code, in the reader's words.
func TestDiscordMemtextRender(t *testing.T) {
	const name = "`/mentor help`" // a display name, between parentheses
	const inside = "learn `/mentor admin settings` today"
	for _, tt := range []struct {
		lang      bot.Lang
		catalogs  string // the catalog's span, as the reader sees it
		progress  string
		forbidden []string // the member's commands in the reader's words
	}{
		{bot.English, "`/mentor status`", "not started", nil},
		{bot.French, "`/mentor statut`", "pas commencé", []string{"oublier", "réglages", "aide"}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			l := tt.lang
			item := func(n, goal string) string {
				return bot.T(l, "goals.item", "n", n, "goal", goal, "name", name, "progress", tt.progress)
			}
			msg := bot.Message{
				Title: bot.T(l, "goals.other_title", "topic", "go"),
				Text: strings.Join([]string{
					bot.T(l, "goals.other_set", "name", "Ada"),
					item("1", memtextBold), item("2", memtextForget), item("3", inside),
					bot.T(l, "goals.none"),
					memtextBold, // a line that is a member's alone (a charter's)
				}, "\n"),
				Fields: []bot.Field{
					{Label: bot.T(l, "field.goal"), Value: memtextBold},
					{Label: bot.T(l, "field.goal"), Value: memtextForget},
					{Label: bot.T(l, "field.goal"), Value: memtextSetting},
				},
			}
			raw, err := discord.RenderMessageIn(msg, testGuild, false, l)
			if err != nil {
				t.Fatal(err)
			}
			var m discordtest.Message
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			text := m.Text()
			esc := func(s string) string {
				return strings.NewReplacer("`", "\\`", "*", "\\*").Replace(s)
			}
			for _, want := range []string{
				"1. " + esc(memtextBold), "2. " + esc(memtextForget), "3. " + esc(inside),
				"(" + esc(name) + ")", "\n" + esc(memtextBold) + "\n", tt.catalogs,
			} {
				if !strings.Contains(text, want) {
					t.Errorf("got %q, want %q in it", text, want)
				}
			}
			// Three names and two goals in the text, two goals in fields.
			if strings.Count(text, "\\`") != 2*(3+2+2) {
				t.Errorf("got %q, want every backtick of the member's escaped, and only theirs", text)
			}
			for _, bad := range append([]string{"**Cliquez"}, tt.forbidden...) {
				if strings.Contains(text, bad) {
					t.Errorf("got %q, want no %q: the member's text is not the bot's", text, bad)
				}
			}
			var values []string
			for _, e := range m.Embeds {
				for _, f := range e.Fields {
					values = append(values, f.Value)
				}
			}
			if want := []string{esc(memtextBold), esc(memtextForget), esc(memtextSetting)}; strings.Join(values, "|") != strings.Join(want, "|") {
				t.Errorf("got field values %q, want %q: a value that is a member's shows as typed", values, want)
			}
		})
	}
}

// TestDiscordMemtextBotsOwnMarkup: what the bot itself writes keeps its
// markup in a field's value and in the text alike: a sentence of the
// catalog as a field's value keeps its code span, in the reader's words,
// and the catalog's heading is bold.
func TestDiscordMemtextBotsOwnMarkup(t *testing.T) {
	msg := bot.Message{
		Text:   bot.T(bot.French, "admin.stats.now") + "\n" + bot.T(bot.French, "goals.none"),
		Fields: []bot.Field{{Label: "x", Value: bot.T(bot.French, "goals.none"), Sentence: true}},
	}
	raw, err := discord.RenderMessageIn(msg, testGuild, false, bot.French)
	if err != nil {
		t.Fatal(err)
	}
	var m discordtest.Message
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text(), "**En ce moment**") || strings.Count(m.Text(), "`/mentor statut`") != 2 || strings.Contains(m.Text(), "\\`") {
		t.Errorf("got %q, want the catalog's heading bold and its spans code, in the text and the field", m.Text())
	}
}
