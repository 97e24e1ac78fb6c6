package slack

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
)

// A click's reply that replaces the clicked message (chat.update) can be
// sent twice without the member seeing it twice: the second update writes
// what the first wrote. Such a reply is kept in Redis in the place of the
// click it answers (bot.Bot.Rekeep), in one write, before it goes out, and
// forgotten once Slack took it (or may have: outcome.go). A replica
// killed between the core's work and Slack's answer then leaves the reply
// kept, not the click: after the lease another replica sends that same
// reply (Redeliver), and runs nothing again. Before, the click was
// forgotten before its reply went out, and such a reply was lost
// (mentorload's kill fault lost 4 in a run).

// rekeeper is what the adapter uses, when its Handler offers it, to keep
// a reply in the place of the delivery it answers.
type rekeeper interface {
	Rekeep(ctx context.Context, t bot.Tenant, key string, data []byte) (bool, error)
}

// keepInPlace keeps r, the reply to the click kept under key, in the
// click's place, when r replaces the clicked message. It returns to with
// what forgets it once Slack took it (done), and false when r is no
// such reply or Redis did not take it: the caller then forgets the click
// now and sends the reply once at most (handled).
func (a *Adapter) keepInPlace(ctx context.Context, to replyTo, key string, r bot.Reply) (replyTo, bool) {
	rk, ok := a.h.(rekeeper)
	if !ok || !r.Replace || r.Form != nil || to.channel == "" || to.ts == "" {
		return to, false
	}
	in := inbound{Key: key, Reply: &keptReply{Member: to.member, Message: r.Message, Replace: true},
		ResponseURL: to.responseURL, Channel: to.channel, TS: to.ts}
	data, err := json.Marshal(in)
	if err != nil {
		return to, false
	}
	team := to.member.Workspace
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), receiveTimeout)
	kept, err := rk.Rekeep(wctx, bot.Tenant{Platform: Platform, Workspace: team}, key, data)
	cancel()
	if err != nil || !kept {
		return to, false
	}
	who := to.member
	to.done = func() { a.forgetLater(who, key) }
	// Slack took it by no way: it stays kept, in place, and goes again
	// after the lease.
	to.keep = func(bot.Reply) bool { return true }
	return to, true
}
