package discord_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestRenderLongCharter renders a charter of bot.MaxCharterLen characters
// under its heading, as a member is asked to accept it (D9): every word
// of it arrives, in order, within Discord's limits.
func TestRenderLongCharter(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < bot.MaxCharterLen; i++ {
		switch {
		case i%12 == 0:
			b.WriteString("\n- **Rule** ")
		case i%5 == 0:
			b.WriteString("_listen_ ")
		default:
			b.WriteString("respect ")
		}
	}
	charter := []rune(strings.TrimSpace(b.String()))[:bot.MaxCharterLen-len("END")]
	text := "You and Bob are paired for go. Please read the programme's charter and accept it:\n\n" + string(charter) + "END"
	tests := []struct {
		name string
		msg  bot.Message
	}{
		{"Charter", bot.Message{Title: "Mentoring charter", Text: text, Fields: []bot.Field{{Label: "Version", Value: "3"}},
			Buttons: []bot.Button{{Label: "Accept", ActionID: bot.ActionCharterAccept, Value: "p1"}}}},
		{"Plain", bot.Message{Text: text}},
		{"AllEscaped", bot.Message{Title: "Mentoring charter", Text: strings.Repeat("*", 3900) + "END"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustRender(t, tt.msg)
			MustWithinLimits(t, m)
			var got strings.Builder
			got.WriteString(m.Content)
			for _, e := range m.Embeds {
				got.WriteString(e.Title + e.Description)
			}
			want := discord.EscapeMarkdown(tt.msg.Title + tt.msg.Text)
			if !strings.Contains(stripSpace(got.String()), stripSpace(want)) {
				t.Errorf("got %d characters of text, want all %d, in order, ending with END", len([]rune(got.String())), len([]rune(want)))
			}
		})
	}
}

func mustRender(tb testing.TB, msg bot.Message) discordtest.Message {
	tb.Helper()
	raw, err := discord.RenderMessage(msg, testGuild, false)
	if err != nil {
		tb.Fatal(err)
	}
	var m discordtest.Message
	if err := json.Unmarshal(raw, &m); err != nil {
		tb.Fatal(err)
	}
	return m
}

// MustWithinLimits fails unless m keeps to Discord's message limits:
// content 2,000; at most 10 embeds, each title 256 and description
// 4,096, fields 25 of 256 and 1,024; 6,000 across all embeds.
func MustWithinLimits(tb testing.TB, m discordtest.Message) {
	tb.Helper()
	n := utf8.RuneCountInString
	if n(m.Content) > 2000 || len(m.Embeds) > 10 {
		tb.Fatalf("got content of %d and %d embeds, want at most 2000 and 10", n(m.Content), len(m.Embeds))
	}
	total := 0
	for _, e := range m.Embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			tb.Fatalf("got an embed with title %d, description %d, %d fields, want at most 256, 4096, 25", n(e.Title), n(e.Description), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description)
		for _, f := range e.Fields {
			if n(f.Name) > 256 || n(f.Value) > 1024 {
				tb.Fatalf("got a field of %d and %d, want at most 256 and 1024", n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
	}
	if total > 6000 {
		tb.Fatalf("got %d characters across the embeds, want at most 6000", total)
	}
}

// stripSpace removes the spaces and line breaks where a long text may be
// split, and the bold marks of a title moved into the content.
func stripSpace(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
