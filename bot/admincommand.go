package bot

import (
	"strings"
	"sync"
)

// NeedsAdmin reports whether handling c may need to know whether the
// platform makes its member an administrator of the workspace
// (Command.IsAdmin): a managers' command (CommandSpec.Admin), refused or
// not, and the managers' help ("/mentor help admin", "aide « admin »",
// "help commande: admin"). Adapters for which that answer costs a call
// (Slack's users.info) ask only then, and so read c as HandleCommand
// does: by its name, or by its text in the same grammar (French words,
// case, accents, quotes, options), rather than with a copy of it that
// could disagree and leave a manager refused. Like IsAdminAction, it
// needs no Bot: every Bot has the same command table.
func NeedsAdmin(c Command) bool { return grammar().needsAdmin(c) }

// grammar is a Bot that only reads commands (NeedsAdmin): the command
// table, no store and no platform.
var grammar = sync.OnceValue(func() *Bot { return &Bot{commands: commandTable()} })

// needsAdmin is NeedsAdmin for b's command table. It resolves and
// checks c as HandleCommand does: HandleCommand asks mustManage for an
// Admin command even when its options are mistyped (a member who is no
// manager learns that first), and runHelp, once the values are valid,
// for the help named "admin" (adminHelp). The language only words
// errors, which are not kept.
func (b *Bot) needsAdmin(c Command) bool {
	if c.Name == "" {
		// A typed command other than help is told by its name: its
		// options, the most of the parsing, need not be read.
		if spec, _, err := b.parseCommand(English, c.Text); err != nil || spec.Name != "help" {
			return spec.Admin
		}
	}
	spec, values, err := b.resolve(c, English)
	switch {
	case spec.Admin:
		return true
	case err != nil || spec.Name != "help":
		return false
	}
	in := &Invocation{Lang: English, Spec: spec, Values: values}
	return in.validate() == nil && helpTopic(in.Text("command")) == "admin"
}

// helpTopic is the command /mentor help is asked about, as runHelp reads
// it: lower case, spaces collapsed ("Admin  stats" is "admin stats").
func helpTopic(v string) string {
	return strings.Join(strings.Fields(strings.ToLower(v)), " ")
}
