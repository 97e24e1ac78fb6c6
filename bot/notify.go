package bot

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"time"
)

// Notice is a plain message kept for a member because its first delivery
// failed: a job (JobNotice) sends it again until it is delivered.
type Notice struct {
	ID      string
	To      MemberID
	Message Message
	// MaybeSent: the failed delivery may have reached the member (the
	// platform took the request and did not answer: MaybeSent). The job
	// asks the platform first (Verifier) and sends only if not there.
	MaybeSent bool `json:",omitempty"`
}

const (
	// noticeRetry is how soon a failed notice is first tried again; later
	// tries follow the jobs' JobRetry.
	noticeRetry = time.Minute
	// noticeTTL is how long a notice is kept for delivery: after a week of
	// outage, the news it carries is stale.
	noticeTTL = 7 * 24 * time.Hour
)

// send sends a message to a member, built in their own language.
func (b *Bot) send(ctx context.Context, to MemberID, build func(Lang) Message) error {
	msg, err := b.compose(ctx, to, build)
	if err != nil {
		return err
	}
	return b.sendTo(ctx, to, msg)
}

// compose builds a message in the member's own language (the workspace's
// when they chose none), and says which in its Lang, so that an adapter
// writes its own words around it (a field's colon) the same way.
func (b *Bot) compose(ctx context.Context, to MemberID, build func(Lang) Message) (Message, error) {
	m, err := b.member(ctx, to)
	if err != nil {
		return Message{}, err
	}
	msg := build(m.Lang)
	if msg.Lang == "" {
		msg.Lang = m.Lang
	}
	return msg, nil
}

func (b *Bot) sendTo(ctx context.Context, to MemberID, msg Message) error {
	p, err := b.platform(to)
	if err != nil {
		return err
	}
	if err := p.Send(ctx, to, ownedBy(to, msg)); err != nil {
		b.log.Error("send failed", "to", to.String(), "code", string(ErrorCode(err)), "err", err)
		return err
	}
	return nil
}

// notify sends a plain notice (news that needs no answer: "your mentor
// accepted", "the pair has ended") to a member in their own language. If
// the platform cannot take it now, the notice is kept and a job sends it
// again until it is delivered: nothing the bot owes a member is dropped.
// A member who left (EGONE) is not retried.
func (b *Bot) notify(ctx context.Context, to MemberID, build func(Lang) Message) error {
	msg, err := b.compose(ctx, to, build)
	if err != nil {
		return err
	}
	msg = b.tagNotice(to, msg)
	err = b.sendTo(ctx, to, msg)
	if ErrorCode(err) == EUNAVAILABLE {
		b.keepNotice(ctx, to, msg, maybeSent(err))
	}
	return err
}

// tagNotice gives a notice a delivery key of its own, unless it has one:
// a hash of whom it goes to, what it says and when, so that a platform
// that can tell (Verifier) finds it when its delivery's outcome was
// unknown, and it is not sent twice.
func (b *Bot) tagNotice(to MemberID, msg Message) Message {
	if msg.Delivery != "" {
		return msg
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d", to.String(), msg.Title, msg.Text, b.clock.Now().UnixNano())
	msg.Delivery = "notice:" + strconv.FormatUint(h.Sum64(), 36)
	return msg
}

// keepNotice saves a notice the platform could not take, with the job
// that sends it again. The save outlives a cancelled ctx.
func (b *Bot) keepNotice(ctx context.Context, to MemberID, msg Message, maybe bool) {
	id, err := b.newID()
	if err == nil {
		keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		job := NewJob(b.clock.Now().Add(noticeRetry), JobNotice, id)
		err = b.store.delivery.SaveNotice(keep, Notice{ID: id, To: to, Message: msg, MaybeSent: maybe}, job, noticeTTL)
	}
	if err != nil {
		b.log.Error("notice lost", "to", to.String(), "code", string(ErrorCode(err)), "err", err)
		return
	}
	b.log.Warn("notice kept for a later try", "to", to.String(), "notice", id)
}

// runNotice sends a kept notice again, once, and forgets it when it is
// delivered, or when its member has left.
func runNotice(ctx context.Context, b *Bot, t Tenant, j Job) error {
	id := j.Part(0)
	n, err := b.store.delivery.GetNotice(ctx, t, id)
	if ErrorCode(err) == ENOTFOUND {
		return nil // delivered, or expired
	}
	if err != nil {
		return err
	}
	verify := b.verifier(n.To, n.Message.Delivery)
	if n.Message.Delivery == "" {
		verify = nil // kept before notices carried a key
	}
	if n.MaybeSent && verify != nil {
		// Its first delivery may have gone out: asked before it is sent.
		vctx, cancel := context.WithTimeout(ctx, sendBudget(b.lease())/2)
		sent, verr := verify(vctx)
		cancel()
		if verr == nil && sent {
			b.log.Info("notice found delivered; not sent again", "notice", id)
			return b.store.delivery.DeleteNotice(ctx, t, id)
		}
	}
	err = b.onceVerified(ctx, t, j.ID, b.lease(), func(ctx context.Context) error { return b.sendTo(ctx, n.To, n.Message) }, verify)
	if err == nil || ErrorCode(err) == EGONE {
		if derr := b.store.delivery.DeleteNotice(ctx, t, id); derr != nil {
			b.log.Warn("notice not forgotten", "notice", id, "code", string(ErrorCode(derr)))
		}
	}
	return err
}
