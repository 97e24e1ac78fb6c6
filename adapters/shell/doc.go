// Package shell is the zero-setup terminal adapter: one person plays
// several members of a workspace and drives the bot by typing. It is also
// the end-to-end test harness of the core: a transcript test feeds it
// lines and compares what it prints.
//
// Input, one per line:
//
//	as alice                 act as member "alice" from now on
//	/mentor offer go, k8s    run a /mentor command as the current member
//	click 2                  click button [2] as the current member
//	:advance 3d              move the clock forward (when it is settable)
//	:help                    this list; :quit or Ctrl-D ends
//
// A command names a member as "as" does, @alice or alice (a shell
// member's name is their user ID), and a channel as #general: that is
// already the core's form (bot.MemberRef, bot.ChannelRef), so the shell
// rewrites nothing, and Slack's or Discord's mention syntax is not the
// shell's.
//
// Messages the bot sends to members are printed with their recipient;
// replies only the current member sees are marked "(only you)".
package shell
