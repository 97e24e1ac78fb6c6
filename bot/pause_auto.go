package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Members who stop answering: a member who lets Settings.Unanswered
// prompts in a row pass without a click (a proposal that expires, a
// check-in with no answer by the next one) is paused, and told once. Any
// click of theirs sets the count back to zero (HandleAction).

// ActionPauseResume is the Resume button of the message that tells a
// member they were paused; its value is the pause's At, in unix ms.
const ActionPauseResume = "pause.resume"

// DefaultUnanswered is the default of the unanswered setting, and
// maxUnanswered its largest value.
const (
	DefaultUnanswered = 3
	maxUnanswered     = 20
)

// answered sets the member's count of unanswered prompts back to zero.
// A failure is logged: the member may then be paused one prompt early.
func (b *Bot) answered(ctx context.Context, m MemberID) {
	if err := b.store.pauses.ClearUnanswered(ctx, m); err != nil {
		b.log.Warn("clear unanswered", "member", m.String(), "code", string(ErrorCode(err)))
	}
}

// unanswered counts one prompt the member let pass without a click, and
// pauses them when the count reaches the workspace's setting (0: never).
// Failures are logged: a prompt then goes uncounted.
func (b *Bot) unanswered(ctx context.Context, m MemberID) {
	limit := b.settings(ctx, m.Tenant()).Unanswered
	if limit <= 0 {
		return
	}
	n, err := b.store.pauses.AddUnanswered(ctx, m)
	if err != nil {
		b.log.Warn("count unanswered", "member", m.String(), "code", string(ErrorCode(err)))
		return
	}
	if n < limit {
		return
	}
	if err := b.autoPause(ctx, m); err != nil {
		b.log.Error("auto pause", "member", m.String(), "err", err)
	}
}

// EventAutoPaused counts a member the bot paused for leaving prompts
// unanswered: the digest says how many a week, even those who resumed
// before it.
const EventAutoPaused EventKind = "autopaused"

// autoPause pauses a member who stopped answering: their offer, if it
// takes requests, and their open request, with no date; and tells them
// once, with a Resume button. A member already paused, or with nothing
// to pause, is left as they are.
func (b *Bot) autoPause(ctx context.Context, m MemberID) error {
	return b.pauseByBot(ctx, m, false)
}

// pauseByBot is autoPause, or, unreachable, pauseUnreachable: a member
// the bot cannot write to is not told (the message could not reach them)
// nor counted among those who stopped answering; their home says why
// (renderHome), and on Discord their next command tells them their
// direct messages are closed.
func (b *Bot) pauseByBot(ctx context.Context, m MemberID, unreachable bool) error {
	if _, ok := b.pauseOf(ctx, m); ok {
		return nil
	}
	h, err := b.heldBy(ctx, m)
	if err != nil {
		return err
	}
	o, r, hasRequest := h.offer, h.request, h.hasRequest
	offer := h.hasOffer && !o.Paused
	if !offer && !hasRequest {
		return nil
	}
	p := Pause{Member: m, Offer: offer, Auto: true, Unreachable: unreachable, At: b.clock.Now().UTC()}
	if err := b.store.pauses.SetPause(ctx, p); err != nil {
		return err
	}
	if offer {
		o.Paused, o.Keys = true, topicKeys(o.Topics...)
		if err := b.store.offers.SaveOffer(ctx, o); err != nil {
			return err
		}
	}
	b.log.Info("auto paused", "member", m.String(), "unreachable", unreachable)
	b.homeChanged(m) // home_publish.go: the home shows the pause
	if unreachable {
		return nil
	}
	b.record(ctx, Event{Kind: EventAutoPaused, Member: m}) // the digest counts them by week
	at := strconv.FormatInt(p.At.UnixMilli(), 10)
	return b.deliver(ctx, "autopause:"+at, m, func(l Lang) Message {
		return Message{
			Text:    T(l, "pause.auto", "what", pausedWhat(l, offer, r.Topic, hasRequest)),
			Buttons: []Button{{Label: T(l, "btn.pause_resume"), ActionID: ActionPauseResume, Value: at, Style: StylePrimary}},
		}
	})
}

// resumeButton ends the pause the button was sent with. A pause already
// ended, or replaced by another, resumes nothing more.
func resumeButton(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	ms, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return Reply{}, Errorf(ESTALE, "err.unknown_button")
	}
	p, ok := b.pauseOf(ctx, who)
	if !ok || !p.At.Equal(time.UnixMilli(ms).UTC()) {
		return alreadyDone(T(lang, "pause.resumed_already")), nil
	}
	what, err := b.resume(ctx, who, p.At)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Replace: true, Message: Message{Text: resumedText(lang, what)}}, nil
}

// checkinLapses counts, when a pair's check-in round n > 1 is sent, the
// round before as unanswered by each member who did not answer it (nor
// its reminders). Called once the round is sent: a retried job counts
// again only if its run was cut after this.
func (b *Bot) checkinLapses(ctx context.Context, t Tenant, pair Pair, j Job) error {
	n := j.N(1)
	if j.Kind() != JobCheckin || n < 2 || b.settings(ctx, t).Unanswered <= 0 {
		return nil
	}
	answers, err := b.store.followups.CheckinAnswers(ctx, t, pair.ID)
	if err != nil {
		b.log.Warn("check-in answers", "pair", pair.ID, "code", string(ErrorCode(err)))
		return nil
	}
	prev := itoa(n - 1)
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		answeredPrev := false
		for round, by := range answers {
			if strings.TrimRight(round, "r") == prev && by[id.User] != "" {
				answeredPrev = true
			}
		}
		if !answeredPrev {
			b.unanswered(ctx, id)
		}
	}
	return nil
}

// autoPaused counts the workspace's members paused for not answering,
// and those paused because the bot could not write to them.
func autoPaused(pauses map[string]Pause) (unanswered, unreachable int) {
	for _, p := range pauses {
		switch {
		case p.Unreachable:
			unreachable++
		case p.Auto:
			unanswered++
		}
	}
	return unanswered, unreachable
}
