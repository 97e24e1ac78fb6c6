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
	lang := Option{Name: "lang", French: "langue", Type: OptChoice, Choices: langNames()}
	settings := make([]Option, len(settingNames))
	for i, n := range settingNames {
		settings[i] = Option{Name: n, French: settingFrench[n], Type: OptText, MaxLength: 100}
	}
	return []CommandSpec{
		{Name: "admin help", Admin: true, run: runAdminHelp},
		{Name: "admin stats", Admin: true, run: runAdminStats},
		{Name: "admin match", Admin: true, run: runAdminMatch},
		{Name: "admin pair", Admin: true, Positional: "mentor", run: runAdminPair, Options: []Option{
			// In text ("@ada @grace go"), mentor holds the rest of the line.
			{Name: "mentor", Type: OptUser, MaxLength: 200, Required: true},
			{Name: "mentee", French: "mentoré", Aliases: []string{"mentorée"}, Type: OptUser, MaxLength: 100},
			withHelp(optTopic, "opt.pair_topic"),
			optKind(kinds),
			// Pairs two members the matcher will not pair again.
			{Name: "confirm", French: "confirmer", Type: OptChoice, Choices: []string{"yes"}},
		}},
		{Name: "admin charter", Admin: true, Positional: "text", run: runAdminCharter, Options: []Option{
			lang,
			{Name: "text", French: "texte", FreeText: true, Type: OptText, MaxLength: MaxCharterLen, Multiline: true},
		}},
		{Name: "admin export", Admin: true, run: runAdminExport},
		{Name: "admin announce", Admin: true, Positional: "channel", run: runAdminAnnounce, Options: []Option{
			withRequired(channel),
			{Name: "lang", French: "langue", Type: OptChoice, Choices: append(langNames(), langBoth)},
		}},
		{Name: "admin settings", Admin: true, run: runAdminSettings, Options: settings, parseError: unknownSetting},
		{Name: "admin digest-channel", Admin: true, Positional: "channel", run: runAdminDigestChannel, Options: []Option{channel}},
		{Name: "admin managers", Admin: true, Positional: "action", run: runAdminManagers, Options: []Option{
			{Name: "action", Type: OptText, MaxLength: 120},
			{Name: "user", French: "membre", Type: OptUser, MaxLength: 100},
		}},
		{Name: "admin topics", Admin: true, Positional: "action", run: runAdminTopics, Options: []Option{
			// In text ("alias sre site reliability engineering"), action holds the rest of the line.
			{Name: "action", Type: OptText, MaxLength: 2*MaxTopicLen + 20},
			{Name: "alias", Type: OptText, MaxLength: MaxTopicLen},
			optTopic,
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
}

// mustManage returns EFORBIDDEN unless id is a manager of its workspace:
// named in Config.Managers, an administrator according to the platform
// (platformAdmin, from Command.IsAdmin), or added by a manager.
func (b *Bot) mustManage(ctx context.Context, id MemberID, platformAdmin bool) error {
	if platformAdmin || b.configManager(id) {
		return nil
	}
	ok, err := b.store.IsManager(ctx, id)
	if err != nil {
		return err
	}
	if !ok {
		return Errorf(EFORBIDDEN, "err.forbidden") // logged by fail, with the member's ID
	}
	return nil
}

// configManager reports whether Config.Managers names id, either in full
// ("platform:workspace:user") or by its user ID alone.
func (b *Bot) configManager(id MemberID) bool {
	for _, m := range b.cfg.Managers {
		m = strings.TrimSpace(m)
		if m != "" && (m == id.User || m == id.String()) {
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
		return runAdminHelp(ctx, b, in)
	case EFORBIDDEN:
		return Reply{Message: Message{Text: T(in.Lang, "admin.help.not_manager")}}, nil
	}
	return Reply{}, err
}

// runAdminHelp lists the managers' commands.
func runAdminHelp(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	var lines []string
	for _, c := range b.commands {
		if c.Admin {
			lines = append(lines, commandHelp(in.Lang, c, false))
		}
	}
	return Reply{Message: Message{Title: T(in.Lang, "admin.help.title"), Text: T(in.Lang, "admin.help.intro") + "\n\n" + strings.Join(lines, "\n")}}, nil
}

// withHelp returns o described by the catalog entry key instead of its own.
func withHelp(o Option, key string) Option {
	o.Help = key
	return o
}
