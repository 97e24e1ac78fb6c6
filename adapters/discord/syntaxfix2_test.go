package discord_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordFix2ValuesInReadersWords: a value that names a command or a
// verb is shown in the reader's words, as the help gives them: the
// help's `command` option names the command by its French name for a
// French reader ("commande:propose", the managers' "commande:réglages"),
// and a program's action is « liste », not "list".
func TestDiscordFix2ValuesInReadersWords(t *testing.T) {
	for _, tt := range []struct {
		lang        bot.Lang
		typed, want string
	}{
		{bot.French, "/mentor help offer", "/mentor aide commande:propose"},
		{bot.English, "/mentor help offer", "/mentor help command:offer"},
		{bot.French, "/mentor admin help settings", "/mentor admin aide commande:réglages"},
		{bot.English, "/mentor admin help settings", "/mentor admin help command:settings"},
		{bot.French, "/mentor admin program list", "/mentor admin programme action:lister"},
		{bot.English, "/mentor admin program list", "/mentor admin program action:list"},
		{bot.French, "/mentor admin managers remove @ada", "/mentor admin responsables action:retirer membre:@ada"},
		{bot.French, "/mentor campaigns on", "/mentor campaigns choix:oui"},
	} {
		got, ok := discord.DiscordCommand(tt.lang, tt.typed)
		if tt.typed == "/mentor campaigns on" {
			tt.want = strings.Replace(tt.want, "campaigns", localFrench("campaigns"), 1)
		}
		if !ok || got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.typed, got, tt.want)
		}
	}
	for _, key := range []string{"err.report.which", "err.recruit.which"} {
		got := discord.ShowIn(bot.French, bot.T(bot.French, key))
		if !strings.Contains(got, "`/mentor admin programme action:lister`") {
			t.Errorf("%s: got %q, want the action named « liste »", key, got)
		}
	}
	help := discord.ShowIn(bot.French, "• /mentor help — x\n    "+bot.T(bot.French, "help.example")+" "+bot.T(bot.French, "cmd.help.example"))
	if !strings.HasSuffix(help, "/mentor aide commande:propose") {
		t.Errorf("help's example: got %q, want commande:propose", help)
	}
}

// localFrench is the French name a French client shows for a member's
// command (the core's, as Discord takes it).
func localFrench(name string) string {
	for _, c := range bot.New(bot.Config{}, nil, nil, nil, nil).Commands() {
		if c.Name == name {
			return strings.ReplaceAll(c.NameIn(bot.French), "'", "-")
		}
	}
	return name
}

// TestDiscordFix2ApostropheNames: an option whose French name holds an
// apostrophe ("jusqu'au") is named as Discord has it ("jusqu-au")
// wherever a code span names it, and in the help's line for it, not
// only in the rewritten commands.
func TestDiscordFix2ApostropheNames(t *testing.T) {
	for _, s := range []string{
		bot.T(bot.French, "err.pause_bad_until", "value", "demain"),
		bot.T(bot.French, "opt.until"),
		bot.T(bot.French, "pause.request_goes_on"),
	} {
		got := discord.ShowIn(bot.French, s)
		if strings.Contains(got, "jusqu'au:") || !strings.Contains(got, "`jusqu-au:") && !strings.Contains(got, " jusqu-au:") {
			t.Errorf("got %q, want every jusqu'au: as jusqu-au:", got)
		}
	}
	line := "• /mentor pause — x\n    " + bot.T(bot.French, "help.option", "name", "jusqu'au", "help", bot.T(bot.French, "opt.until"))
	got := discord.ShowIn(bot.French, line)
	if !strings.Contains(got, "\n    jusqu-au\u202f: ") || strings.Contains(got, "jusqu'au") {
		t.Errorf("help's option line: got %q, want it named jusqu-au", got)
	}
	// A word that is no option's name, or a line not the help's, stays.
	for _, s := range []string{"Tapez `/mentor help`.\naujourd'hui : rien", "Tapez `/mentor help`.\n    aujourd'hui\u202f: rien"} {
		if got := discord.ShowIn(bot.French, s); !strings.Contains(got, "aujourd'hui") {
			t.Errorf("got %q, want %q left as it is", got, s)
		}
	}
}

// TestDiscordFix2NoInvisibleCharactersInSpans: a code span is written as
// it is, placeholders as "<sujets>", with no zero-width space in it
// (Discord shows a span's text as it is: nothing there reads as a
// mention); outside spans, mentions are still defused.
func TestDiscordFix2NoInvisibleCharactersInSpans(t *testing.T) {
	for _, lang := range bot.Langs {
		for _, key := range []string{"survey.become_next", "err.admin.topics_usage"} {
			got := discord.ShowIn(lang, bot.T(lang, key))
			if strings.Contains(got, "\u200b") || !strings.Contains(got, ":<") {
				t.Errorf("%s %s: got %q, want its placeholders as <…>, without zero-width spaces", lang, key, got)
			}
		}
	}
	if got := discord.EscapeMarkdown("<@123> @everyone"); got != "<\u200b@123> @\u200beveryone" {
		t.Errorf("got %q, want mentions outside spans defused", got)
	}
}

// TestDiscordFix2FragmentsAsCommands: the typed-shape fragments that
// follow a command in its sentence ("`retirer <alias>` ou `lister`"),
// which name no field on Discord, are shown as that command in named
// form, in the command's language; a fragment on another line, or one
// that starts with no verb of the command, is not.
func TestDiscordFix2FragmentsAsCommands(t *testing.T) {
	for _, tt := range []struct {
		lang bot.Lang
		want string
	}{
		{bot.French, "Utilisez `/mentor admin sujets action:alias alias:<alias> sujet:<sujet>`, `/mentor admin sujets action:retirer alias:<alias>` ou `/mentor admin sujets action:lister`. " +
			"Pour un alias de plusieurs mots, écrivez `/mentor admin sujets action:alias alias:conduite de projet sujet:project management`."},
		{bot.English, "Use `/mentor admin topics action:alias alias:<alias> topic:<topic>`, `/mentor admin topics action:remove alias:<alias>` or `/mentor admin topics action:list`. " +
			"For an alias of several words, write `/mentor admin topics action:alias alias:conduite de projet topic:project management`."},
	} {
		if got := discord.ShowIn(tt.lang, bot.T(tt.lang, "err.admin.topics_usage")); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
	got := discord.ShowIn(bot.French, bot.T(bot.French, "err.admin.managers_usage"))
	if !strings.Contains(got, "`/mentor admin responsables action:retirer membre:@membre`") {
		t.Errorf("managers' usage: got %q, want the removal as a command", got)
	}
	// The help of admin program's action lists its verbs: the values of
	// its field, not commands.
	help := "• /mentor admin program — x\n    " + bot.T(bot.French, "help.example") + " " + bot.T(bot.French, "cmd.admin.program.example") +
		"\n    " + bot.T(bot.French, "help.option", "name", "action", "help", bot.T(bot.French, "opt.program_action"))
	if got := discord.ShowIn(bot.French, help); !strings.Contains(got, "action\u202f: `créer`, `lister`, `voir` ou `clore`") {
		t.Errorf("admin program's help: got %q, want its verbs as they are", got)
	}
}

// TestDiscordFix2OneOptionName: on Discord a client shows an option by
// one name, in its language: « avec `langues:` (ou `languages:`) » loses
// its aside; an aside that is no other name of the option stays.
func TestDiscordFix2OneOptionName(t *testing.T) {
	s := bot.T(bot.French, "status.languages_default", "reading", "français", "spoken", "français")
	got := discord.ShowIn(bot.French, s)
	if strings.Contains(got, "languages") || !strings.Contains(got, "avec `langues:` dans une offre") {
		t.Errorf("got %q, want « avec `langues:` dans une offre »", got)
	}
	if got := discord.ShowIn(bot.French, "Tapez `/mentor help` avec `langues:` (ou `capacity:`)."); !strings.Contains(got, "(ou `capacity:`)") {
		t.Errorf("got %q, want an aside naming another option kept", got)
	}
}

// TestDiscordFix2NoQuotesInFields: a value in a field needs no quotes,
// so on Discord the digest schedule's help, its hint and its field's
// description ask for none, and an option's value written alone in a
// span shows without them.
func TestDiscordFix2NoQuotesInFields(t *testing.T) {
	for _, lang := range bot.Langs {
		for _, key := range []string{"admin.settings.hint.digest-schedule", "opt.setting_digest-schedule"} {
			got := discord.ShowIn(lang, bot.T(lang, key))
			if strings.Contains(got, `"`) || strings.Contains(got, "guillemets") || strings.Contains(got, "quotes") {
				t.Errorf("%s %s: got %q, want no quotes asked for", lang, key, got)
			}
		}
	}
	if got := discord.ShowIn(bot.French, bot.T(bot.French, "admin.settings.hint.digest-schedule")); !strings.Contains(got, "`horaire-bilan:lundi 9h`") {
		t.Errorf("got %q, want `horaire-bilan:lundi 9h`", got)
	}
	if got := discord.ShowIn(bot.English, "Type `/mentor help`, or `digest-schedule:\"0 9 * * 1\"`."); !strings.Contains(got, "`digest-schedule:0 9 * * 1`") {
		t.Errorf("got %q, want the value out of its quotes", got)
	}
	root := MustCommands(t, bot.New(bot.Config{}, nil, nil, nil, nil).Commands())
	admin, _ := root.option("admin")
	settings, _ := admin.option("settings")
	schedule, ok := settings.option("digest-schedule")
	if !ok || strings.Contains(schedule.Description, `"`) || strings.Contains(schedule.Localized["fr"], `"`) || strings.Contains(schedule.Localized["fr"], "guillemets") {
		t.Errorf("digest-schedule's field: got %q / %q, want no quotes asked for", schedule.Description, schedule.Localized["fr"])
	}
}
