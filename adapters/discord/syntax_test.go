package discord_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// shownName is a registered command or option as a client of lang shows it.
func shownName(lang bot.Lang, c command) string {
	if fr, ok := c.LocalName["fr"]; ok && lang == bot.French {
		return fr
	}
	return c.Name
}

// TestDiscordCommandsFrenchNames: a French client shows the subcommands
// by the French names the French catalog writes ("/mentor propose",
// "/mentor admin besoins"), as it shows their options' French names; no
// two siblings share a name in either language.
func TestDiscordCommandsFrenchNames(t *testing.T) {
	specs := bot.New(bot.Config{}, nil, nil, nil, nil).Commands()
	root := MustCommands(t, specs)
	admin, _ := root.option("admin")
	for _, tt := range []struct {
		parent command
		name   string
		want   string
	}{
		{root, "offer", "propose"}, {root, "request", "demande"}, {root, "lang", "langue"},
		{root, "testimonial", "témoignage"}, {root, "answers", "réponses"}, {root, "export-me", "mes-données"},
		{admin, "needs", "besoins"}, {admin, "program", "programme"}, {admin, "pair", "binôme"},
		{admin, "settings", "réglages"}, {admin, "event", "événement"}, {admin, "events", "événements"},
	} {
		sub, ok := tt.parent.option(tt.name)
		if !ok || sub.LocalName["fr"] != tt.want {
			t.Errorf("%s %s: got French name %q, want %q", tt.parent.Name, tt.name, sub.LocalName["fr"], tt.want)
		}
	}
	if pause, _ := root.option("pause"); pause.LocalName != nil {
		t.Errorf("pause: got French names %v, want none (the same word)", pause.LocalName)
	}
	var unique func(c command)
	unique = func(c command) {
		for _, lang := range bot.Langs {
			seen := map[string]bool{}
			for _, o := range c.Options {
				if n := shownName(lang, o); seen[n] {
					t.Errorf("/%s: two options named %q in %s", c.Name, n, lang)
				} else {
					seen[n] = true
				}
				if !regexp.MustCompile(`^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$`).MatchString(shownName(lang, o)) {
					t.Errorf("/%s: %q is no Discord name", c.Name, shownName(lang, o))
				}
			}
		}
		for _, o := range c.Options {
			unique(o)
		}
	}
	unique(root)
}

// TestDiscordCatalogCommandsExist: every command the catalogs write, as
// Discord shows it to a reader of that catalog's language, names a
// subcommand and options that /mentor has, as a client in that language
// shows them: "/mentor propose sujets:go capacité:2", never "/mentor
// offer go" (where would "go" go?) nor a subcommand a French client does
// not have.
func TestDiscordCatalogCommandsExist(t *testing.T) {
	root := MustCommands(t, bot.New(bot.Config{}, nil, nil, nil, nil).Commands())
	span := regexp.MustCompile("`(/mentor [^`]*)`")
	option := regexp.MustCompile(`(?:^| )([\p{L}_'-]+):`)
	for _, lang := range bot.Langs {
		for _, key := range bot.CatalogKeys(lang) {
			s := bot.T(lang, key)
			typed := []string{}
			for _, m := range span.FindAllStringSubmatch(s, -1) {
				typed = append(typed, m[1])
			}
			if strings.HasSuffix(key, ".example") && key != "help.example" {
				typed = append(typed, s)
			}
			for _, c := range typed {
				if strings.Contains(c, "{command}") || strings.Contains(c, "{suggestion}") || strings.Contains(c, "{typed}") || c == "/mentor …" {
					continue // a command, or options, filled in: any of them
				}
				shown, ok := discord.DiscordCommand(lang, c)
				if !ok {
					t.Errorf("%s %s: %q not read as a command", lang, key, c)
					continue
				}
				sub, rest := findSub(lang, root, strings.TrimPrefix(shown, "/mentor "))
				if sub == nil {
					t.Errorf("%s %s: %q (for %q) names no subcommand of /mentor", lang, key, shown, c)
					continue
				}
				if i := option.FindStringIndex(rest); strings.TrimSpace(rest) != "" && (i == nil || i[0] != 0) {
					if key != "admin.settings.how" { // "nom:valeur": any setting
						t.Errorf("%s %s: %q has a value %q before any option's name", lang, key, shown, rest)
					}
				}
				for _, m := range option.FindAllStringSubmatch(rest, -1) {
					found := false
					for _, o := range sub.Options {
						found = found || shownName(lang, o) == m[1]
					}
					if !found && key != "admin.settings.how" && !strings.Contains(c, "{typed}") {
						t.Errorf("%s %s: %q names option %q, which %s does not show", lang, key, shown, m[1], sub.Name)
					}
				}
			}
		}
	}
}

// findSub returns the subcommand s starts with, as a client of lang
// shows it, and the text after it.
func findSub(lang bot.Lang, root command, s string) (*command, string) {
	parent := root
	for {
		word, rest, _ := strings.Cut(s, " ")
		var next *command
		for i := range parent.Options {
			if shownName(lang, parent.Options[i]) == word {
				next = &parent.Options[i]
			}
		}
		switch {
		case next == nil:
			return nil, ""
		case next.Type == 1:
			return next, rest
		}
		parent, s = *next, rest
	}
}

// TestDiscordCommandShape: a command as typed is shown with every value
// after its option's name, named in the reader's language, or in the
// language the command is written in; what cannot be read keeps its
// text.
func TestDiscordCommandShape(t *testing.T) {
	for _, tt := range []struct {
		lang        bot.Lang
		typed, want string
	}{
		{bot.French, "/mentor offer go, kubernetes capacité:2", "/mentor propose sujets:go, kubernetes capacité:2"},
		{bot.English, "/mentor offer go, kubernetes capacity:2", "/mentor offer topics:go, kubernetes capacity:2"},
		{bot.French, "/mentor offer go, reconversion programme:mentorat-2027", "/mentor propose sujets:go, reconversion programme:mentorat-2027"},
		{bot.English, "/mentor offer go, reconversion programme:mentorat-2027", "/mentor propose sujets:go, reconversion programme:mentorat-2027"},
		{bot.French, "/mentor request kubernetes type:individuel", "/mentor demande sujet:kubernetes type:individuel"},
		{bot.French, "/mentor lang fr", "/mentor langue langue:fr"},
		{bot.French, "/mentor langue en", "/mentor langue langue:en"},
		{bot.French, "/mentor end Dan", "/mentor terminer binôme:Dan"},
		{bot.French, "/mentor comment Très utile, merci !", "/mentor commentaire texte:Très utile, merci !"},
		{bot.French, "/mentor propose <sujets>", "/mentor propose sujets:<sujets>"},
		{bot.French, "/mentor pause jusqu'au:2027-01-10", "/mentor pause jusqu-au:2027-01-10"},
		{bot.French, `/mentor admin program créer "Mentorat 2027" type:individuel début:2027-01-15`, "/mentor admin programme action:créer nom:Mentorat 2027 type:individuel début:2027-01-15"},
		{bot.French, "/mentor admin topics alias conduite de projet = project management", "/mentor admin sujets action:alias alias:conduite de projet sujet:project management"},
		{bot.French, "/mentor admin managers ajouter @ada", "/mentor admin responsables action:ajouter membre:@ada"},
		{bot.French, "/mentor admin pair @mentor @mentoré kubernetes", "/mentor admin binôme mentor:@mentor mentoré:@mentoré sujet:kubernetes"},
		{bot.French, `/mentor admin needs "Mentorat 2027" mp:oui sujets:go, kubernetes`, "/mentor admin besoins programme:Mentorat 2027 mp:oui sujets:go, kubernetes"},
		{bot.French, "/mentor admin settings nom:valeur", "/mentor admin réglages nom:valeur"},
		{"", "/mentor status", "/mentor status"},
	} {
		if got, ok := discord.DiscordCommand(tt.lang, tt.typed); !ok || got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.typed, got, tt.want)
		}
	}
	for _, typed := range []string{"/mentor {command}", "/mentor frob x", "/mentor …"} {
		if got, ok := discord.DiscordCommand(bot.French, typed); ok {
			t.Errorf("%q: got %q, want it left as it is", typed, got)
		}
	}
}

// TestDiscordMessagesShowDiscordCommands: the catalog's commands in a
// message are shown in Discord's shape for its reader, in replies, in
// DMs (in the language the core writes to that member in) and in
// sentences of the adapter's own; a member's own backticks are not.
func TestDiscordMessagesShowDiscordCommands(t *testing.T) {
	t.Run("Render", func(t *testing.T) {
		m := bot.Message{Text: bot.T(bot.French, "survey.become_next") + "\nmon `code` à moi", Lang: bot.French}
		raw, err := discord.RenderMessage(m, testGuild, false)
		if err != nil {
			t.Fatal(err)
		}
		got := decodeMessage(t, raw).Text()
		if !strings.Contains(got, "`/mentor propose sujets:<sujets>`") || !strings.Contains(got, "\\`code\\`") {
			t.Errorf("got %q, want the catalog's command in Discord's shape, the member's as typed", got)
		}
	})
	h := MustHarness(t)
	t.Run("ReplyInFrench", func(t *testing.T) {
		p := discordtest.Command(testApp, h.Guild, mentor1, "lang").WithLocale("fr")
		MustEphemeral(t, h.Client.Send(t, p), "Pour changer\u202f: `/mentor langue langue:en`")
	})
	t.Run("DMInTheMembersLanguage", func(t *testing.T) {
		MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "lang", discordtest.Option{Name: "lang", Value: "fr"})), "français")
		p := discordtest.Command(testApp, h.Guild, mentor2, "admin managers",
			discordtest.Option{Name: "action", Value: "add"}, discordtest.Option{Name: "user", Value: mentee}).AsServerManager()
		h.Client.Send(t, p)
		dms := h.REST.DMs(mentee)
		if len(dms) == 0 || !strings.Contains(dms[len(dms)-1].Text(), "`/mentor admin aide`") {
			t.Fatalf("got DMs %+v, want the welcome in French, naming /mentor admin aide", dms)
		}
	})
	t.Run("AdaptersOwnSentence", func(t *testing.T) {
		r := h.Client.Send(t, discordtest.Command(testApp, h.Guild, "x y", "offer").WithLocale("fr"))
		MustEphemeral(t, r, "`/mentor aide`")
	})
	t.Run("ChannelPostInTwoLanguages", func(t *testing.T) {
		m := bot.Message{Text: "Type `/mentor offer go, career change program:x`.\nTapez `/mentor offer go, reconversion programme:x`.", Lang: bot.English}
		raw, err := discord.RenderMessage(m, testGuild, false)
		if err != nil {
			t.Fatal(err)
		}
		got := decodeMessage(t, raw).Text()
		if !strings.Contains(got, "`/mentor offer topics:go, career change program:x`") || !strings.Contains(got, "`/mentor propose sujets:go, reconversion programme:x`") {
			t.Errorf("got %q, want each command in its own language", got)
		}
	})
}

// TestDiscordHelpShowsDiscordCommands: the help's commands and examples
// are shown as a Discord client in the reader's language has them, with
// the values in named fields, and the French help no longer says that
// the commands may be typed in French (Discord takes no typed words).
func TestDiscordHelpShowsDiscordCommands(t *testing.T) {
	h := MustHarness(t)
	ex := bot.T(bot.French, "help.example") + " /mentor "
	fr := MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "help").WithLocale("fr")), "propose").Text()
	for _, want := range []string{
		"• /mentor propose — ", ex + "propose sujets:go, kubernetes, reconversion capacité:2",
		ex + "langue langue:fr", ex + "terminer binôme:Dan", ex + "commentaire texte:Très utile, merci",
	} {
		if !strings.Contains(fr, want) {
			t.Errorf("French help: want %q in %q", want, fr)
		}
	}
	if strings.Contains(fr, "se tapent aussi en français") || !strings.Contains(fr, "les commandes et leurs options s'y affichent en français") {
		t.Errorf("French help: got %q, want Discord's sentence on French names", fr)
	}
	if strings.Contains(fr, "s'écrivent `nom:valeur`") || !strings.Contains(fr, "dans le champ de la commande qui porte son nom") {
		t.Errorf("French help: got %q, want Discord's sentence on options", fr)
	}
	en := MustEphemeral(t, h.Client.Command(t, mentee, "help"), "offer").Text()
	if !strings.Contains(en, "example: /mentor offer topics:go, kubernetes") || !strings.Contains(en, "example: /mentor lang lang:fr") {
		t.Errorf("English help: got %q, want its examples with named values", en)
	}
	one := MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "help", discordtest.Option{Name: "command", Value: "offer"}).WithLocale("fr")), "sujets")
	if len(one.Embeds) == 0 || one.Embeds[0].Title != "/mentor propose" {
		t.Errorf("got %+v, want the help titled /mentor propose", one.Embeds)
	}
	admin := MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentor2, "admin help").WithLocale("fr").AsServerManager()), "responsables").Text()
	for _, want := range []string{
		ex + "admin programme action:créer nom:Mentorat 2027 type:individuel",
		ex + "admin sujets action:alias alias:conduite de projet sujet:project management",
		ex + "admin responsables action:ajouter membre:@ada",
		ex + "admin binôme mentor:@mentor mentoré:@mentoré sujet:kubernetes",
		ex + "admin besoins programme:Mentorat 2027 mp:oui sujets:go, kubernetes",
	} {
		if !strings.Contains(admin, want) {
			t.Errorf("managers' help: want %q in %q", want, admin)
		}
	}
}

// TestDiscordChannelLinkedOnce: a channel the message names twice (two
// events in one channel) is linked once per mention, never wrapped twice
// ("<<#ID>>"); linking again changes nothing, and a longer number that
// starts like the channel is not a link to it.
func TestDiscordChannelLinkedOnce(t *testing.T) {
	text := "• A, dans #777 ; • B, dans #777.\n\\#777 et #7770"
	want := "• A, dans <#777> ; • B, dans <#777>.\n<#777> et #7770"
	got := discord.ChannelLinks(text, []string{"777", "777"})
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if again := discord.ChannelLinks(got, []string{"777"}); again != want {
		t.Errorf("linked twice: got %q, want %q", again, want)
	}
	raw, err := discord.RenderMessage(bot.Message{Text: "dans " + bot.ChannelText("777") + " ; dans " + bot.ChannelText("777"),
		Channels: []string{"777", "777"}}, testGuild, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeMessage(t, raw).Text(); got != "dans <#777> ; dans <#777>" {
		t.Errorf("got %q, want each mention linked once", got)
	}
}

// TestDiscordMentionsQuiet: the members a plain reply is about follow it
// as a quiet line (Discord's subtext, as Slack's context block), not as
// a bare mention alone on the last line; above an embed, or pinging in
// an introduction, they stay mentions.
func TestDiscordMentionsQuiet(t *testing.T) {
	ada := bot.MemberID{Platform: discord.Platform, Workspace: testGuild, User: "53908232506183680"}
	render := func(m bot.Message, ping bool) discordtest.Message {
		raw, err := discord.RenderMessage(m, testGuild, ping)
		if err != nil {
			t.Fatal(err)
		}
		return decodeMessage(t, raw)
	}
	if got := render(bot.Message{Text: "Ada is now a manager of the program.", Mentions: []bot.MemberID{ada}}, false).Content; got != "Ada is now a manager of the program.\n\n-# <@53908232506183680>" {
		t.Errorf("got %q, want the mention as a quiet line", got)
	}
	if got := render(bot.Message{Text: "Introduction", Mentions: []bot.MemberID{ada}}, true).Content; got != "Introduction\n\n<@53908232506183680>" {
		t.Errorf("got %q, want the ping as a mention", got)
	}
	if got := render(bot.Message{Mentions: []bot.MemberID{ada}}, false).Content; got != "<@53908232506183680>" {
		t.Errorf("got %q, want the mention alone when there is no text", got)
	}
}

// TestDiscordEmbedWithoutTitle: a reply with fields and no title (an
// offer's confirmation) is an embed that sends no title at all, which
// Discord shows as the text and its fields: nothing empty shows.
func TestDiscordEmbedWithoutTitle(t *testing.T) {
	raw, err := discord.RenderMessage(bot.Message{Text: "Thanks! You are now a mentor for: go.",
		Fields: []bot.Field{{Label: "Places", Value: "0 of 2 taken"}}}, testGuild, false)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Embeds []map[string]json.RawMessage `json:"embeds"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatal(err)
	}
	if len(body.Embeds) != 1 || body.Embeds[0]["title"] != nil || body.Embeds[0]["description"] == nil {
		t.Errorf("got %s, want one embed with a description and no title key", raw)
	}
}

// decodeMessage reads a rendered message's JSON.
func decodeMessage(tb testing.TB, raw []byte) discordtest.Message {
	tb.Helper()
	var m discordtest.Message
	if err := json.Unmarshal(raw, &m); err != nil {
		tb.Fatal(err)
	}
	return m
}
