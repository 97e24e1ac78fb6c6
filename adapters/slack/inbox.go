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
	Handled(ctx context.Context, t bot.Tenant, key string) error
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
}

// member is whose delivery in is, in team.
func (in inbound) member(team string) bot.MemberID {
	switch {
	case in.Action != nil:
		return in.Action.Member
	case in.Command != nil:
		return in.Command.Member
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
// replica redelivers it.
func (a *Adapter) forget(ctx context.Context, team, key string) error {
	r, ok := a.h.(receiver)
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	return r.Handled(ctx, bot.Tenant{Platform: Platform, Workspace: team}, key)
}

// leftForRedelivery reports whether the delivery key, kept in Redis, was
// cut short by this replica's shutdown (cutShort) and so is left
// unanswered and unforgotten: its lease runs out and another replica
// handles it again, the core's redelivery being idempotent. Answering
// here would send the member the core's "I can't reach my database",
// untrue, and, had it reached Slack after all, the other replica's
// answer as well.
func (a *Adapter) leftForRedelivery(ctx context.Context, who bot.MemberID, key string) bool {
	if !cutShort(ctx) {
		return false
	}
	a.log.Warn("slack: work cut short by shutdown; left for another replica", "member", who.String(), "key", key)
	return true
}

// forgetBudget is how long a delivery whose reply went out keeps trying
// to be forgotten while Redis does not answer: under the lease after
// which another replica redelivers it (Options.KeptLease), which would
// answer the click a second time. 90 s for the default lease.
func (a *Adapter) forgetBudget() time.Duration { return a.opt.KeptLease * 3 / 4 }

// forgetLater returns what forgets a delivery once its reply went out: in
// the background, so that an outbound lane never waits on Redis. A
// forget that fails (Redis stopped for a while) is tried again, for up to
// forgetBudget, or until the adapter closes: else the delivery, kept,
// would be handled again after its lease, and its reply sent twice.
func (a *Adapter) forgetLater(team, key string) func() {
	if _, ok := a.h.(receiver); !ok {
		return nil
	}
	return func() {
		a.mu.Lock()
		if a.forgetsShut {
			// Closing: no new background work for Close to wait for.
			a.mu.Unlock()
			_ = a.forget(context.Background(), team, key)
			return
		}
		a.forgets.Add(1)
		a.mu.Unlock()
		go func() {
			defer a.forgets.Done()
			deadline := time.Now().Add(a.forgetBudget())
			wait := 250 * time.Millisecond
			err := a.forget(context.Background(), team, key)
			for err != nil && time.Now().Add(wait).Before(deadline) {
				select {
				case <-a.quitting:
					deadline = time.Time{} // closing: no more tries
					continue
				case <-time.After(wait):
				}
				err = a.forget(context.Background(), team, key)
				wait = min(2*wait, 8*time.Second)
			}
			if err != nil {
				a.log.Warn("slack: delivery handled but not forgotten", "team", team, "key", key, "code", string(bot.ErrorCode(err)))
			}
		}()
	}
}

// Redeliver implements bot.Redeliverer: it handles a click or a form that
// a replica acked and did not handle. Its trigger_id has expired, so a
// click that answers with a form gets the form's help instead; a form's
// answer goes to its response_url, the modal being long closed.
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
		a.reply(ctx, in.replyTo(in.Command.Member), bot.Reply{Message: r.Message, Lang: r.Lang})
	default:
		return bot.Wrap(bot.EINVALID, errors.New("empty inbound"), "slack: decode inbound")
	}
	return nil
}

var _ bot.Redeliverer = (*Adapter)(nil)
