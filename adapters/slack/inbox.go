package slack

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// receiver is what the adapter uses, when its Handler offers it, to keep
// each click and form in Redis before acking it (bot.Bot.Receive): if
// this replica dies between the ack and the work, another replica
// redelivers it (Redeliver).
type receiver interface {
	Receive(ctx context.Context, who bot.MemberID, key string, data []byte) (bool, error)
	Handled(ctx context.Context, who bot.MemberID, key string) error
}

// receiveTimeout bounds the write before an ack: Slack allows 3 s. A
// Redis that does not answer in time leaves the delivery to memory.
const receiveTimeout = 300 * time.Millisecond

// inbound is a click or a form as kept before its ack: what it takes to
// handle it on any replica.
type inbound struct {
	Key         string
	Action      *bot.Action  `json:",omitempty"`
	Command     *bot.Command `json:",omitempty"`
	TriggerID   string       `json:",omitempty"`
	ResponseURL string       `json:",omitempty"`
	Channel     string       `json:",omitempty"`
	TS          string       `json:",omitempty"`
	// Reply is a reply kept in place of the delivery it answers
	// (keepReply): redelivered, it is sent, and nothing runs again.
	Reply *keptReply `json:",omitempty"`
}

// keptReply is the reply to a command or a click that Slack certainly
// took by no way, kept for another try.
type keptReply struct {
	Member  bot.MemberID
	Message bot.Message
	Replace bool `json:",omitempty"`
}

// member is whose delivery in is, in team.
func (in inbound) member(team string) bot.MemberID {
	switch {
	case in.Action != nil:
		return in.Action.Member
	case in.Command != nil:
		return in.Command.Member
	case in.Reply != nil:
		return in.Reply.Member
	}
	return bot.MemberID{Platform: Platform, Workspace: team}
}

func (in inbound) replyTo(who bot.MemberID) replyTo {
	return replyTo{member: who, responseURL: in.ResponseURL, channel: in.Channel, ts: in.TS}
}

// receive records in before its ack and reports whether to handle it
// (fresh: false for a replay) and whether it is kept in Redis, to be
// redelivered if it is not handled. When it cannot be recorded, it is
// handled from memory, deduplicated by this replica only.
func (a *Adapter) receive(team string, in inbound) (fresh, kept bool) {
	r, ok := a.h.(receiver)
	if !ok {
		return a.seen.add(team+"|"+in.Key, struct{}{}), false
	}
	data, err := json.Marshal(in)
	if err != nil {
		return true, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), receiveTimeout)
	defer cancel()
	fresh, err = r.Receive(ctx, in.member(team), in.Key, data)
	switch {
	case err != nil:
		a.log.Warn("slack: delivery kept in memory only", "team", team, "key", in.Key, "code", string(bot.ErrorCode(err)))
		return a.seen.add(team+"|"+in.Key, struct{}{}), false
	case !fresh:
		a.log.Info("slack: replayed delivery ignored", "team", team, "key", in.Key)
	}
	return fresh, fresh
}

// forget is one try at forgetting a delivery once handled, so that no
// replica redelivers it. who is the member it was kept for (receive):
// their index of deliveries kept loses it too, and nothing names them
// once it is handled.
func (a *Adapter) forget(ctx context.Context, who bot.MemberID, key string) error {
	r, ok := a.h.(receiver)
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	return r.Handled(ctx, who, key)
}

// leftForRedelivery reports whether the delivery key, kept in Redis, was
// cut short by this replica's shutdown (cutShort) while the core worked
// on it, and so is left unanswered and unforgotten: its lease runs out
// and another replica handles it again, the core's redelivery being
// idempotent. Answering here would send the member the core's "I can't
// reach my database", untrue, and, had it reached Slack after all, the
// other replica's answer as well. Work the core finished is never left:
// its reply goes out from here (handled).
func (a *Adapter) leftForRedelivery(ctx context.Context, who bot.MemberID, key string) bool {
	if !cutShort(ctx) {
		return false
	}
	a.log.Warn("slack: work cut short by shutdown; left for another replica", "member", who.String(), "key", key)
	return true
}

// handled follows the core's handling of the delivery key, kept in Redis
// if kept, and returns to, the reply's destination, with what keeps the
// reply should Slack take it by no way (keepReply). The kept delivery is
// forgotten now, before its reply goes out, not once Slack took the
// reply: a replica killed meanwhile, or stopping with the reply in
// flight, leaves nothing that another replica would run again and
// answer a second time, maybe differently ("Your offer is updated" after
// "You are now a mentor"). The reply is then sent once at most
// (outcome.go): a member would rather miss it than read it twice.
func (a *Adapter) handled(ctx context.Context, to replyTo, key string, kept bool) replyTo {
	if _, ok := a.h.(receiver); !ok {
		return to
	}
	if kept {
		a.forgetNow(ctx, to.member, key)
	}
	to.keep = a.keepReply(to, key)
	return to
}

// forgetNow forgets a delivery the core handled, before its reply goes
// out: one try, bounded as the write before an ack is (receiveTimeout),
// then, while Redis does not take it, in the background (forgetLater).
func (a *Adapter) forgetNow(ctx context.Context, who bot.MemberID, key string) {
	r, ok := a.h.(receiver)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), receiveTimeout)
	err := r.Handled(ctx, who, key)
	cancel()
	if err != nil {
		a.forgetLater(who, key)
	}
}

// forgetBudget is how long a handled delivery keeps trying to be
// forgotten while Redis does not answer: under the lease after which
// another replica redelivers it (Options.KeptLease), which would run it
// and answer it a second time. 90 s for the default lease.
func (a *Adapter) forgetBudget() time.Duration { return a.opt.KeptLease * 3 / 4 }

// forgetLater forgets a delivery in the background, so that neither a
// job nor an outbound lane waits on Redis. A forget that fails (Redis
// stopped for a while) is tried again, for up to forgetBudget, or until
// the adapter closes: else the delivery, kept, would be handled again
// after its lease, and answered twice.
func (a *Adapter) forgetLater(who bot.MemberID, key string) {
	if _, ok := a.h.(receiver); !ok {
		return
	}
	a.mu.Lock()
	if a.forgetsShut {
		// Closing: no new background work for Close to wait for.
		a.mu.Unlock()
		_ = a.forget(context.Background(), who, key)
		return
	}
	a.forgets.Add(1)
	a.mu.Unlock()
	go func() {
		defer a.forgets.Done()
		deadline := time.Now().Add(a.forgetBudget())
		wait := 250 * time.Millisecond
		err := a.forget(context.Background(), who, key)
		for err != nil && time.Now().Add(wait).Before(deadline) {
			select {
			case <-a.quitting:
				deadline = time.Time{} // closing: no more tries
				continue
			case <-time.After(wait):
			}
			err = a.forget(context.Background(), who, key)
			wait = min(2*wait, 8*time.Second)
		}
		if err != nil {
			a.log.Warn("slack: delivery handled but not forgotten", "team", who.Workspace, "key", key, "code", string(bot.ErrorCode(err)))
		}
	}()
}

// keepReply returns what keeps the reply to the delivery key when Slack
// certainly took it by no way (neither response_url nor a DM): in Redis,
// under a key of its own, as a delivery kept before its ack is. When its
// lease runs out, a replica sends it once more (Redeliver), the same
// reply, without running anything again. nil when the Handler keeps
// nothing.
func (a *Adapter) keepReply(to replyTo, key string) func(bot.Reply) bool {
	rc, ok := a.h.(receiver)
	if !ok {
		return nil
	}
	return func(r bot.Reply) bool {
		in := inbound{Key: "reply:" + key, Reply: &keptReply{Member: to.member, Message: r.Message, Replace: r.Replace},
			ResponseURL: to.responseURL, Channel: to.channel, TS: to.ts}
		data, err := json.Marshal(in)
		if err != nil {
			return false
		}
		ctx, cancel := context.WithTimeout(context.Background(), receiveTimeout)
		defer cancel()
		fresh, err := rc.Receive(ctx, to.member, in.Key, data)
		return err == nil && fresh
	}
}

// Redeliver implements bot.Redeliverer: it handles a click or a form that
// a replica acked and did not handle. Its trigger_id has expired, so a
// click that answers with a form gets the form's help instead; a form's
// answer goes to its response_url, the modal being long closed. A reply
// kept because Slack took it by no way (keepReply) is sent, as it was.
func (a *Adapter) Redeliver(ctx context.Context, t bot.Tenant, data []byte) error {
	var in inbound
	if err := json.Unmarshal(data, &in); err != nil {
		return bot.Wrap(bot.EINVALID, err, "slack: decode inbound")
	}
	switch {
	case in.Action != nil:
		if bot.IsAdminAction(in.Action.ActionID) {
			in.Action.IsAdmin = a.isAdmin(ctx, in.Action.Member)
		}
		a.runClick(ctx, *in.Action, "", in.replyTo(in.Action.Member), in.Key, true)
	case in.Command != nil:
		// A slash command is kept as typed (Text), a form by its name:
		// the core reads either.
		if bot.NeedsAdmin(*in.Command) {
			in.Command.IsAdmin = a.isAdmin(ctx, in.Command.Member)
		}
		r := a.h.HandleCommand(ctx, *in.Command)
		to := a.handled(ctx, in.replyTo(in.Command.Member), in.Key, true)
		a.reply(ctx, to, bot.Reply{Message: r.Message, Lang: r.Lang})
	case in.Reply != nil:
		// The core's work is done: only its reply, which Slack certainly
		// did not take, is owed. It is tried once more, and not kept
		// again: no core answer is asked afresh, which could differ.
		a.log.Warn("slack: kept reply sent again", "member", in.Reply.Member.String(), "key", in.Key)
		a.forgetNow(ctx, in.Reply.Member, in.Key)
		a.reply(ctx, in.replyTo(in.Reply.Member), bot.Reply{Message: in.Reply.Message, Replace: in.Reply.Replace})
	default:
		return bot.Wrap(bot.EINVALID, errors.New("empty inbound"), "slack: decode inbound")
	}
	return nil
}

var _ bot.Redeliverer = (*Adapter)(nil)
