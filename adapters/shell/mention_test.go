package shell_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestShellMentions: the shell names members the way its "as" command
// does, @bob or bob (and channels #general), which is already the core's
// form (bot.MemberRef, bot.ChannelRef): the member named is the one who
// acts as bob. Anything else is refused quoting it as typed, in the
// member's language; another platform's mention is not the shell's.
func TestShellMentions(t *testing.T) {
	var out bytes.Buffer
	sh := MustManagerShell(t, &out)
	ctx := context.Background()
	run := func(lines ...string) string {
		out.Reset()
		for _, l := range lines {
			sh.Line(ctx, l)
		}
		return out.String()
	}
	for _, tc := range []struct{ name, got, want string }{
		{"MemberOK", run("as alice", "/mentor admin managers add @bob", "as bob", "/mentor admin managers list"), "• Bob\n"},
		{"BareNameOK", run("as alice", "/mentor admin managers remove bob"), "no longer a manager"},
		{"ChannelOK", run("as alice", "/mentor admin digest-channel #managers"), bot.T(bot.English, "admin.digest_channel.set", "channel", "#managers")},
		{"ErrBadUser", run("/mentor admin managers add @b/b"), bot.T(bot.English, "err.admin.bad_user", "value", "@b/b")},
		{"ErrOtherPlatform", run("/mentor admin managers add <@bob>"), bot.T(bot.English, "err.admin.bad_user", "value", "<@bob>")},
		{"ErrBadChannel", run("/mentor admin digest-channel #a/b"), bot.T(bot.English, "err.admin.bad_channel", "value", "#a/b")},
		{"ErrBadUserFrench", run("/mentor lang fr", "/mentor admin managers add @b/b"), bot.T(bot.French, "err.admin.bad_user", "value", "@b/b")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(tc.got, tc.want) {
				t.Fatalf("got:\n%s\nwant it to contain %q", tc.got, tc.want)
			}
		})
	}
}
