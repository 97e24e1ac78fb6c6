package discord_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// The fuzz targets of the Discord adapter: the interaction decoder and
// the renderer. Seeds are the fake's payloads, and testdata/fuzz/<target>.

// FuzzTranslate: any interaction payload is decoded and translated
// without a panic; what it becomes is for a member of a guild.
func FuzzTranslate(f *testing.F) {
	f.Add(discordtest.Ping(testApp).JSON())
	f.Add(discordtest.Command(testApp, testGuild, "53908232506183680", "offer", discordtest.Option{Name: "topics", Value: "go"}).JSON())
	f.Add(discordtest.Command(testApp, testGuild, "53908232506183680", "status").WithoutGuild().JSON())
	f.Add([]byte(`{"type":3,"guild_id":"1","member":{"user":{"id":"2"}},"data":{"custom_id":"mb:1:proposal.accept:x","component_type":2}}`))
	f.Add([]byte(`{"type":5,"data":{"custom_id":"mb:1:form:offer","components":[{"type":1,"components":[{"type":4,"custom_id":"topics","value":"go"}]}]}}`))
	f.Add([]byte(`{"type":2,"data":{"options":[{"name":"admin","type":2,"options":[{"name":"charter","type":1,"options":[]}]}]}}`))
	f.Fuzz(func(t *testing.T, payload []byte) {
		_, c, a, err := discord.Translate(payload)
		if err != nil {
			return
		}
		if c != nil && c.Member.User == "" || a != nil && a.Member.User == "" {
			t.Fatalf("got a command %+v or click %+v from nobody", c, a)
		}
	})
}

// FuzzRender renders any message: it keeps to Discord's limits (content
// 2,000; embeds 10, description 4,096, 6,000 in all; fields 25 of 256
// and 1,024) and nothing a member wrote can ping anyone: no @everyone,
// @here or <@…> survives, and allowed_mentions parses nothing.
func FuzzRender(f *testing.F) {
	f.Add("Mentoring charter", "Be kind. @everyone @here <@123> <@&456> <#7> **bold**", "Goal", "@everyone", "Accept", uint8(3))
	f.Add("", strings.Repeat("é*_", 3000), strings.Repeat("x", 300), strings.Repeat("|", 1500), strings.Repeat("b", 100), uint8(30))
	f.Add("@here", "\n\n\n", "", "", "", uint8(0))
	f.Add("t", strings.Repeat("\\", 9000), "", "", "", uint8(1))
	f.Fuzz(func(t *testing.T, title, text, label, value, button string, n uint8) {
		m := bot.Message{Title: title, Text: text}
		for i := range int(n % 32) {
			m.Fields = append(m.Fields, bot.Field{Label: label, Value: value})
			if i < 25 {
				m.Buttons = append(m.Buttons, bot.Button{Label: button, ActionID: "a", Value: strings.Repeat("v", i%20+1)})
			}
		}
		raw, err := discord.RenderMessage(m, testGuild, false)
		if err != nil {
			return // too many buttons: refused, not sent
		}
		var got discordtest.Message
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatal(err)
		}
		MustWithinLimits(t, got)
		if !got.PingsNoneFromText() {
			t.Fatalf("got allowed_mentions %+v, want parse []", got.AllowedMentions)
		}
		for _, bad := range []string{"@everyone", "@here", "<@", "<#"} {
			if strings.Contains(got.Text(), bad) {
				t.Fatalf("got %q in the message, want it defused", bad)
			}
		}
	})
}
