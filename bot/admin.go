package bot

import (
	"context"
	"strings"
)

// MaxCharterLen bounds a charter text set by a manager.
const MaxCharterLen = 4000

// adminCommands are the managers' rows of the command table: grouped
// under "admin", refused with EFORBIDDEN to anyone who is not a manager.
func adminCommands(kinds []string) []CommandSpec {
	channel := Option{Name: "channel", French: "canal", Aliases: []string{"salon"}, Type: OptChannel, MaxLength: 100}
	settings := make([]Option, len(settingNames))
	for i, n := range settingNames {
		settings[i] = Option{Name: n, French: settingFrench[n], Type: OptText, MaxLength: 100}
		switch n {
		case "kinds":
			// Listed in the help in the reader's words; Settings.Set
			// reads them, so that a bad one gets the setting's error.
			settings[i].Choices, settings[i].ChoiceFrench = kinds, kindFrench
			settings[i].Help = "opt.setting_kinds"
		case "tz":
			settings[i].Help = "opt.setting_tz"
		case "digest-schedule", "charter-url", "meet-url", "intro-channel":
			settings[i].Help = "opt.setting_" + n
		}
		// A mention of a channel reaches the core as ChannelRef.
		settings[i].NamesChannel = n == "digest-channel" || n == "intro-channel"
	}
	return []CommandSpec{
		// "/mentor admin help settings" explains one command, as
		// "/mentor help admin settings" does.
		{Name: "admin help", Admin: true, Positional: "command", run: runAdminHelp, Options: []Option{
			{Name: "command", French: "commande", Type: OptText, MaxLength: 40},
		}},
		{Name: "admin stats", Admin: true, run: runAdminStats},
		{Name: "admin match", Admin: true, run: runAdminMatch, Options: []Option{optProgram}},
		{Name: "admin program", Admin: true, Positional: "action", run: runAdminProgram, Options: programOptions(kinds)},
		{Name: "admin invite-mentors", Admin: true, Positional: "program", run: runAdminInviteMentors, Options: []Option{
			{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen + 2, Help: "opt.invite_program"},
			{Name: "members", French: "membres", Type: OptList, MaxLength: 2000, NamesMember: true, Help: "opt.invite_members"},
			{Name: "years", French: "années", Aliases: []string{"ans"}, Type: OptInt, Min: 0, Max: 70, Help: "opt.invite_years"},
			{Name: "confirm", French: "confirmer", Type: OptChoice, Choices: []string{"yes"}, ChoiceFrench: map[string]string{"yes": "oui"}, Help: "opt.invite_confirm"},
		}},
		{Name: "admin report", Admin: true, Positional: "program", run: runAdminReport, Options: []Option{
			{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen + 2, Help: "opt.report_program"},
		}},
		{Name: "admin pair", Admin: true, Positional: "mentor", run: runAdminPair, Options: []Option{
			// In text ("@ada @grace go"), mentor holds the rest of the line.
			{Name: "mentor", Type: OptUser, MaxLength: 200, Required: true},
			{Name: "mentee", French: "mentoré", Aliases: []string{"mentorée"}, Type: OptUser, MaxLength: 100},
			withHelp(optTopic, "opt.pair_topic"),
			optKind(kinds),
			// Pairs two members the matcher will not pair again.
			{Name: "confirm", French: "confirmer", Type: OptChoice, Choices: []string{"yes"}, ChoiceFrench: map[string]string{"yes": "oui"}},
		}},
		{Name: "admin charter", Admin: true, Positional: "text", run: runAdminCharter, Options: []Option{
			{Name: "lang", French: "langue", Type: OptChoice, Choices: langNames(), Help: "opt.charter_lang"},
			{Name: "text", French: "texte", FreeText: true, Type: OptText, MaxLength: MaxCharterLen, Multiline: true, Help: "opt.charter_text"},
		}},
		{Name: "admin export", Admin: true, run: runAdminExport},
		// The shareable testimonials, listed, or as a file (admin_testimonials.go).
		{Name: "admin testimonials", Admin: true, Positional: "format", run: runAdminTestimonials, Options: []Option{
			{Name: "format", Type: OptChoice, Choices: []string{"csv", "markdown"}, ChoiceAliases: map[string][]string{"markdown": {"md"}}},
			{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen + 2, Help: "opt.testimonials_program"},
		}},
		{Name: "admin announce", Admin: true, Positional: "channel", run: runAdminAnnounce, Options: []Option{
			channel,
			{Name: "lang", French: "langue", Type: OptChoice, Choices: append(langNames(), langBoth), Help: "opt.announce_lang",
				ChoiceFrench: map[string]string{langBoth: "les-deux"}, ChoiceAliases: map[string][]string{langBoth: {"bilingual", "bilingue", "deux"}}},
			{Name: "program", French: "programme", Type: OptText, MaxLength: MaxProgramNameLen + 2, Help: "opt.announce_program"},
			{Name: "years", French: "années", Aliases: []string{"ans"}, Type: OptText, MaxLength: 12, Help: "opt.announce_years"},
			{Name: "confirm", French: "confirmer", Type: OptChoice, Choices: []string{"yes"}, ChoiceFrench: map[string]string{"yes": "oui"}, Help: "opt.announce_confirm"},
		}},
		{Name: "admin settings", Admin: true, run: runAdminSettings, Options: settings, parseError: unknownSetting},
		{Name: "admin digest-channel", Admin: true, Positional: "channel", run: runAdminDigestChannel, Options: []Option{channel}},
		{Name: "admin managers", Admin: true, Positional: "action", run: runAdminManagers, Options: []Option{
			{Name: "action", Type: OptText, MaxLength: 120, Help: "opt.managers_action"},
			{Name: "user", French: "membre", Type: OptUser, MaxLength: 100},
		}},
		speedCommand(),
		eventsCommand(),
		{Name: "admin topics", Admin: true, Positional: "action", run: runAdminTopics, Options: []Option{
			// In text ("alias sre site reliability engineering"), action holds the rest of the line.
			{Name: "action", Type: OptText, MaxLength: 2*MaxTopicLen + 20, Help: "opt.topics_action"},
			{Name: "alias", Type: OptText, MaxLength: MaxTopicLen},
			withHelp(optTopic, "opt.alias_topic"),
		}},
	}
}

// settingFrench names the settings for French-speaking managers, as
// options of /mentor admin settings.
var settingFrench = map[string]string{
	"proposal-timeout": "délai-proposition", "charter-timeout": "délai-charte",
	"checkin-after": "premier-point", "checkin-reminder": "relance-point",
	"survey-after": "délai-questionnaire", "program-length": "durée-programme",
	"checkin-every": "fréquence-points", "escalate-after": "alerte-après",
	"kinds": "types", "max-tz-hours": "écart-fuseaux-max", "default-lang": "langue-défaut",
	"tz": "fuseau", "digest-channel": "canal-bilan",
	"unanswered": "sans-réponse", "digest-schedule": "horaire-bilan",
	"charter-url": "lien-charte", "meet-url": "lien-visio", "intro-channel": "canal-présentations",
}

// mustManage returns EFORBIDDEN unless id is a manager of its workspace:
// named in Config.Managers, an administrator according to the platform
// (platformAdmin, from Command.IsAdmin), or added by a manager.
func (b *Bot) mustManage(ctx context.Context, id MemberID, platformAdmin bool) error {
	if platformAdmin || b.configManager(id) {
		return nil
	}
	ok, err := b.store.managers.IsManager(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(EFORBIDDEN, "err.forbidden") // logged by fail, with the member's ID
	}
	return nil
}

// configManager reports whether Config.Managers names id: in full
// ("platform:workspace:user"), by workspace ("workspace:user"), or by
// its user ID alone (configManagerIn).
func (b *Bot) configManager(id MemberID) bool {
	for _, m := range b.cfg.Managers {
		if user, ok := configManagerIn(m, id.Tenant()); ok && user == id.User {
			return true
		}
	}
	return false
}

// adminHelp answers "/mentor help admin": the managers' commands to a
// manager; to anyone else, who could not run them, what they are for and
// whom to ask. It records nothing: help is read-only.
func (b *Bot) adminHelp(ctx context.Context, in *Invocation) (Reply, error) {
	err := b.mustManage(ctx, in.Member, in.IsAdmin)
	switch ErrorCode(err) {
	case "":
		return b.adminCommandsHelp(in.Lang), nil
	case EFORBIDDEN:
		return Reply{Message: Message{Text: T(in.Lang, "admin.help.not_manager")}}, nil
	}
	return Reply{}, err
}

// runAdminHelp lists the managers' commands, or explains the one named
// ("settings" or "admin settings").
func runAdminHelp(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	name := strings.Join(strings.Fields(strings.ToLower(in.Text("command"))), " ")
	if name == "" {
		return b.adminCommandsHelp(in.Lang), nil
	}
	if !strings.HasPrefix(name, "admin ") {
		name = "admin " + name
	}
	c, ok := b.commandNamed(name) // "aide événements": the French word names it as it runs it
	if !ok {
		return Reply{}, b.unknownCommand(in.Lang, name)
	}
	return Reply{Message: Message{Title: "/mentor " + c.NameIn(in.Lang), Text: commandHelp(in.Lang, c, true)}}, nil
}

// adminCommandsHelp lists the managers' commands.
func (b *Bot) adminCommandsHelp(lang Lang) Reply {
	var lines []string
	var english []string
	for _, c := range b.commands {
		if c.Admin {
			lines = append(lines, commandHelp(lang, c, false))
			english = append(english, strings.TrimPrefix(c.Name, "admin "))
		}
	}
	text := T(lang, "admin.help.intro") + "\n\n" + strings.Join(lines, "\n")
	if lang == French {
		// As the members' help says it (runHelp).
		text += "\n\n" + T(lang, "help.french_words", "words", strings.Join(english, ", "))
	}
	return Reply{Message: Message{Title: T(lang, "admin.help.title"), Text: text}}
}

// platformKey is key in the words of t's platform: key + "." + the
// platform's name ("err.program.default.discord", which says server where
// Slack says workspace) when the catalog has that sentence, else key.
func platformKey(t Tenant, key string) string {
	if k := key + "." + t.Platform; HasKey(English, k) {
		return k
	}
	return key
}

// withHelp returns o described by the catalog entry key instead of its own.
func withHelp(o Option, key string) Option {
	o.Help = key
	return o
}
