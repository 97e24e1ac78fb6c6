package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordPlainSpans: Discord renders no markdown in a text input's
// placeholder nor in a command's or option's description, so the
// catalog's code spans are plain text there, not `9h-18h` with its
// backticks showing.
func TestDiscordPlainSpans(t *testing.T) {
	t.Run("Placeholders", func(t *testing.T) {
		h := MustHarness(t)
		for _, lang := range []string{"en-US", "fr"} {
			for _, command := range []string{"profile", "offer", "request"} {
				p := discordtest.Command(testApp, h.Guild, mentee, command).WithLocale(lang)
				form := h.Client.Send(t, p)
				if form.Type != discordtest.Modal {
					t.Fatalf("%s %s: got response %d, want a modal", lang, command, form.Type)
				}
				for _, in := range form.Data.Inputs() {
					if strings.Contains(in.Placeholder, "`") {
						t.Errorf("%s %s: got placeholder %q for %s, want no backticks", lang, command, in.Placeholder, in.CustomID)
					}
					if lang == "fr" && in.CustomID == "hours" && !strings.Contains(in.Placeholder, " 9h-18h, 9h30-17h, 10-16 lun-jeu (du lundi") {
						t.Errorf("%s: got hours placeholder %q, want its examples as plain text", command, in.Placeholder)
					}
				}
			}
		}
	})
	t.Run("Descriptions", func(t *testing.T) {
		root := MustCommands(t, bot.New(bot.Config{}, nil, nil, nil, nil).Commands())
		var walk func(path string, c command)
		walk = func(path string, c command) {
			path += " " + c.Name
			for _, d := range []string{c.Description, c.Localized["fr"]} {
				if strings.Contains(d, "`") {
					t.Errorf("%s: got description %q, want no backticks", path, d)
				}
			}
			for _, o := range c.Options {
				walk(path, o)
			}
		}
		walk("", root)
		admin, _ := root.option("admin")
		program, _ := admin.option("program")
		if action, _ := program.option("action"); action.Description != "create, list, show or close, then the program's name" || action.Localized["fr"] != "créer, lister, voir ou clore, puis le nom du programme" {
			t.Errorf("got admin program action described as %q / %q, want its choices as plain text", action.Description, action.Localized["fr"])
		}
		if needs, _ := admin.option("needs"); !strings.HasSuffix(needs.Description, "; results shows the answers") {
			t.Errorf("got admin needs described as %q, want results as plain text", needs.Description)
		}
	})
	t.Run("MembersBackticksStay", func(t *testing.T) {
		form := &bot.Form{Command: "offer", Title: "t", Fields: []bot.FormField{{Name: "a", Label: "a", Placeholder: "which `xyzzy` do you use?"}}}
		raw, err := discord.Modal(form, testGuild)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), "which `xyzzy` do you use?") {
			t.Errorf("got %s, want a member's backticks as typed", raw)
		}
	})
}
