package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// PairStore holds the pairs: formed by a manager, confirmed by the charter,
// ended (charter.go, admin_pair.go, end.go), and the workspace's charter
// text.
type PairStore interface {
	// GetPair returns a pair, or ENOTFOUND.
	GetPair(ctx context.Context, t Tenant, id string) (Pair, error)

	// PairsOf returns the member's pairs, newest first.
	PairsOf(ctx context.Context, m MemberID) ([]Pair, error)

	// SetPairThread records the conversation the pair's messages go on
	// in (Pair.Thread). ENOTFOUND if the pair is gone.
	SetPairThread(ctx context.Context, pair Pair, thread string) error

	// AcceptCharter records that by accepted charter version for the pair
	// (and on their member record, with the time). When both have accepted,
	// the pair becomes active with Official set to at. EFORBIDDEN if by is
	// not in the pair, ESTALE if the pair is not waiting for charters or by
	// already accepted. The jobs onOfficial returns for the pair are
	// scheduled in the same step, only if this acceptance makes it official.
	AcceptCharter(ctx context.Context, t Tenant, pairID string, by MemberID, version int, at time.Time, onOfficial func(Pair) []Job) (Pair, error)

	// DeclineCharter cancels a pair waiting for charters, frees the mentor's
	// slot and puts the request back to waiting, excluding this mentor.
	// EFORBIDDEN and ESTALE as for AcceptCharter.
	// A zero by is the clock: the charter timed out. out is written in the
	// same step (only if the pair is cancelled).
	DeclineCharter(ctx context.Context, t Tenant, pairID string, by MemberID, out Outbox) (Pair, error)

	// EndPair ends an active pair (completed, or cancelled when it is not
	// working out), freeing the mentor's slot. ESTALE if it is not active.
	EndPair(ctx context.Context, t Tenant, pairID string, state PairState, reason string, at time.Time) (Pair, error)

	// GetCharter returns the tenant's charter, or ENOTFOUND if none was set.
	GetCharter(ctx context.Context, t Tenant) (Charter, error)

	// SetCharter stores text for one language as a new version and returns it.
	SetCharter(ctx context.Context, t Tenant, lang Lang, text string, at time.Time) (Charter, error)

	// FormPair makes the pair a manager chose, in the charter state, for
	// request r, and takes a slot of the mentor whatever their capacity
	// (the manager's call). r is either the mentee's open request as read,
	// with State waiting (ESTALE if it is no longer waiting), or a new
	// request with State paired, stored as such beside the mentee's open
	// request, if any, which stays as it is (a manager's pair on another
	// topic). beside is the ID of that open request as the caller read it,
	// empty if none: when the mentee's open request is another one by then
	// (they filed one meanwhile), nothing is stored (ESTALE), so that a
	// mentee is never paired on a topic beside a request of their own
	// they were not told about. jobs are scheduled in the same step. It
	// returns the pair as stored.
	FormPair(ctx context.Context, r Request, beside string, pair Pair, jobs []Job) (Pair, error)
}

// DefaultCharterVersion is the version of the charter that ships with the
// bot; a charter set by managers starts at version 2.
const DefaultCharterVersion = 1

// charter returns the tenant's current charter version and its text in lang.
// A language the managers never set keeps its built-in text: setting the
// charter in English leaves French members reading the French one, never
// a French title over an English text.
func (b *Bot) charter(ctx context.Context, t Tenant, lang Lang) (int, string, error) {
	c, err := b.store.pairs.GetCharter(ctx, t)
	if ErrorCode(err) == ENOTFOUND {
		return DefaultCharterVersion, T(lang, "charter.default"), nil
	}
	if err != nil {
		return 0, "", err
	}
	return c.Version, charterText(c, lang), nil
}

// charterText is the charter's text in lang: the managers' if they set
// one, else the built-in one.
func charterText(c Charter, lang Lang) string {
	if text := c.Text[lang]; text != "" {
		return text
	}
	return T(lang, "charter.default")
}

// startCharter asks each member of a new pair to accept the charter, as
// plan says (charterPlan). A member who already accepted the current
// version is recorded as accepting it for this pair at once; when both
// have, the pair is introduced.
func (b *Bot) startCharter(ctx context.Context, pair Pair, plan charterPlan) {
	t := pair.Mentor.Tenant()
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		ask, ok := plan[id]
		if !ok {
			continue // its member or charter could not be read: logged; the charter send job retries
		}
		if !ask.due {
			p, err := b.store.pairs.AcceptCharter(ctx, t, pair.ID, id, ask.version, b.clock.Now().UTC(), b.officialJobs(ctx, t, pair.ID))
			if err == nil && p.State == PairActive {
				b.madeOfficial(ctx, p)
			}
			continue
		}
		// Sent at once; the pair's charter send job retries a failure.
		other := b.charterOther(ctx, pair, id)
		_ = b.deliver(ctx, JobCharterSend+":"+pair.ID, id, func(l Lang) Message {
			return charterMessageTo(l, pair, id, other, ask.version, ask.text)
		})
	}
}

// madeOfficial does what a pair needs once both charters are accepted:
// its request's goal becomes the mentee's first goal, counted in the
// managers' figures from now on (seedGoal), and the introduction goes.
func (b *Bot) madeOfficial(ctx context.Context, pair Pair) {
	b.seedGoal(ctx, pair)
	b.introduce(ctx, pair)
}

// charterFor returns the charter a member of pair is asked to accept, in
// their language, and whether they are asked: not when they accepted its
// current version already, unless the pair's program has a charter of
// its own, which is accepted for each of its pairs.
func (b *Bot) charterFor(ctx context.Context, pair Pair, m Member) (version int, text string, due bool, err error) {
	version, text, err = b.charter(ctx, pair.Mentor.Tenant(), m.Lang)
	if err != nil {
		return 0, "", true, err
	}
	own := b.programCharter(ctx, pair, m.Lang)
	return version, text + own, m.CharterVersion < version || own != "", nil
}

// charterAsk is what a member of a new pair is asked: the charter's
// version and text in their language, and whether they are asked at all.
type charterAsk struct {
	version int
	text    string
	due     bool
}

// charterPlan is, for each member of a new pair, what they are asked
// (charterFor), read once: the messages that form the pair say what comes
// next from it, and startCharter acts on it. A member who could not be
// read is absent, and counts as asked.
type charterPlan map[MemberID]charterAsk

// isDue reports whether id is asked to accept the charter.
func (p charterPlan) isDue(id MemberID) bool {
	a, ok := p[id]
	return !ok || a.due
}

// charterPlan reads what each member of a new pair is asked.
func (b *Bot) charterPlan(ctx context.Context, pair Pair) charterPlan {
	plan := charterPlan{}
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		m, err := b.member(ctx, id)
		if err != nil {
			b.log.Error("charter: member", "pair", pair.ID, "err", err)
			continue
		}
		version, text, due, err := b.charterFor(ctx, pair, m)
		if err != nil {
			b.log.Error("charter: text", "pair", pair.ID, "err", err)
			continue
		}
		plan[id] = charterAsk{version: version, text: text, due: due}
	}
	return plan
}

// charterStep says to a member of a new pair what comes before their
// introduction: the charter, the other member's acceptance of it, or
// nothing more.
func charterStep(l Lang, pair Pair, plan charterPlan, me MemberID, otherName string) string {
	switch {
	case plan.isDue(me):
		return T(l, "charter.step_due")
	case plan.isDue(pair.Other(me)):
		return T(l, "charter.step_other", "name", otherName)
	}
	return T(l, "charter.step_none")
}

// charterMessage asks a member to accept the charter. Its Accept button
// carries the version it shows ("<pair>:<version>"): a click accepts that
// version, the text the member read, or none if the charter changed since
// (acceptCharter).
func charterMessage(lang Lang, pair Pair, version int, text string) Message {
	return Message{
		Title:  T(lang, "charter.title"),
		Text:   T(lang, "charter.intro", "topic", pair.Topic) + "\n\n" + text,
		Fields: []Field{{Label: T(lang, "field.version"), Value: itoa(version)}},
		Buttons: []Button{
			{Label: T(lang, "btn.charter_accept"), ActionID: ActionCharterAccept, Value: pair.ID + ":" + itoa(version), Style: StylePrimary},
			{Label: T(lang, "btn.charter_decline"), ActionID: ActionCharterDecline, Value: pair.ID, Style: StyleDanger},
		},
	}
}

// charterMessageTo is charterMessage as member me of pair reads it,
// other naming the other member. A pair from a speed-mentoring event on
// no topic of its own (OpenTopic) names them, and the role: a mentee who
// goes on with two mentors after one event would otherwise read two
// identical charters, not knowing which pair each one makes official. A
// pair on a topic is named by it, as charterMessage says. other "" (the
// member could not be read) gives charterMessage.
func charterMessageTo(lang Lang, pair Pair, me MemberID, other string, version int, text string) Message {
	msg := charterMessage(lang, pair, version, text)
	if role := pair.Role(me); pair.Topic == OpenTopic && other != "" && role != "" {
		msg.Text = T(lang, "charter.intro_open_"+role, "name", other) + "\n\n" + text
	}
	return msg
}

// charterOther is the name of the other member of pair, as me reads it in
// the charter (charterMessageTo): read only for a pair on OpenTopic, ""
// for another pair, or when the member cannot be read.
func (b *Bot) charterOther(ctx context.Context, pair Pair, me MemberID) string {
	if pair.Topic != OpenTopic {
		return ""
	}
	m, err := b.member(ctx, pair.Other(me))
	if err != nil {
		return ""
	}
	return m.displayName()
}

// acceptCharter records the member's acceptance of the version its
// button showed; the second one makes the pair official and sends the
// introduction. A button whose version is no longer the current one
// records nothing: the member is shown the charter as it now stands, to
// accept it (charterChanged). A button sent before buttons carried their
// version (value "<pair>") accepts the current version, as it always did:
// the version a pair's charter was sent with is not recorded.
func acceptCharter(ctx context.Context, b *Bot, who MemberID, lang Lang, value string) (Reply, error) {
	t := who.Tenant()
	pairID, shown, err := charterButton(value)
	if err != nil {
		return Reply{}, err
	}
	version, text, err := b.charter(ctx, t, lang)
	if err != nil {
		return Reply{}, err
	}
	if shown != 0 && shown != version {
		return b.charterChanged(ctx, who, lang, pairID, version, text)
	}
	now := b.clock.Now().UTC()
	pair, err := b.store.pairs.AcceptCharter(ctx, t, pairID, who, version, now, b.officialJobs(ctx, t, pairID))
	if err != nil {
		return Reply{}, b.charterRefused(ctx, who, pairID, err)
	}
	// The date in the reader's time zone (the workspace's without one):
	// accepted at 03:32 on 8 December in Tokyo is the 8th there.
	shownAt := now
	if me, err := b.member(ctx, who); err == nil {
		loc, _ := b.zoneOf(ctx, me)
		shownAt = now.In(loc)
	}
	reply := Reply{Replace: true, Message: Message{Text: T(lang, "charter.accepted", "version", itoa(version), "date", Date(lang, shownAt))}}
	if pair.State == PairActive {
		b.madeOfficial(ctx, pair)
		reply.Message.Text += "\n" + T(lang, "charter.both")
	} else {
		other, _ := b.member(ctx, pair.Other(who))
		reply.Message.Text += "\n" + T(lang, "charter.waiting_other", "name", other.displayName())
	}
	for _, line := range b.acceptElsewhere(ctx, who, lang, pairID, version, now) {
		reply.Message.Text += "\n" + line
	}
	return reply, nil
}

// acceptElsewhere records who's acceptance of version for their other
// pairs still waiting for it (two proposals accepted before either
// charter was): a member accepts a version once, as startCharter asks
// no one who accepted it already. A pair whose program has a charter of
// its own is accepted on its own message. It returns a line for each
// pair accepted, in lang; a pair introduced by it is introduced.
func (b *Bot) acceptElsewhere(ctx context.Context, who MemberID, lang Lang, done string, version int, now time.Time) []string {
	pairs, err := b.store.pairs.PairsOf(ctx, who)
	if err != nil {
		b.log.Error("charter: other pairs", "member", who.String(), "err", err)
		return nil // their charter messages still ask them
	}
	t := who.Tenant()
	var lines []string
	for _, p := range pairs {
		if p.ID == done || p.State != PairCharter || p.Accepted(who) || b.programCharter(ctx, p, lang) != "" {
			continue
		}
		p, err := b.store.pairs.AcceptCharter(ctx, t, p.ID, who, version, now, b.officialJobs(ctx, t, p.ID))
		if err != nil {
			continue // cancelled or accepted meanwhile: nothing to say
		}
		other, _ := b.member(ctx, p.Other(who))
		key := "charter.also_waiting"
		if p.State == PairActive {
			b.madeOfficial(ctx, p)
			key = "charter.also_both"
		}
		lines = append(lines, T(lang, key, "name", other.displayName(), "topic", p.Topic))
	}
	return lines
}

// charterButton reads the value of a charter's Accept button: the pair,
// and the version shown (0 on a button sent before it carried one).
func charterButton(value string) (pairID string, version int, err error) {
	pairID, v, ok := strings.Cut(value, ":")
	if !ok {
		return value, 0, nil
	}
	version, err = strconv.Atoi(v)
	if err != nil || version < DefaultCharterVersion || pairID == "" {
		return "", 0, Errorf(ESTALE, "err.unknown_button")
	}
	return pairID, version, nil
}

// charterChanged answers an Accept whose charter version (shown) is no
// longer current: nothing is recorded, and the member reads that the
// charter changed, then the charter as it now stands (version, text) with
// a fresh Accept button, in place of the message they clicked. A member
// outside the pair, or one whose pair no longer waits for their
// acceptance, is told so as an acceptance would be.
func (b *Bot) charterChanged(ctx context.Context, who MemberID, lang Lang, pairID string, version int, text string) (Reply, error) {
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if err != nil {
		return Reply{}, charterError(err)
	}
	switch {
	case pair.Role(who) == "":
		return Reply{}, Errorf(EFORBIDDEN, "err.not_your_button")
	case pair.State != PairCharter || pair.Accepted(who):
		return Reply{}, b.charterRefused(ctx, who, pairID, Errorf(ESTALE, "err.charter_done"))
	}
	msg := charterMessageTo(lang, pair, who, b.charterOther(ctx, pair, who), version, text+b.programCharter(ctx, pair, lang))
	msg.Text = T(lang, "charter.changed") + "\n\n" + msg.Text
	return Reply{Replace: true, Message: msg}, nil
}

// declineCharter is the charter's Decline button: it cancels the pair
// kindly and puts the request back in the queue, without the mentor who
// was in this pair. A member who accepted the charter already clicked a
// stale button (the message lost its buttons when they accepted): nothing
// changes, and the reply says how to cancel, /mentor end.
func declineCharter(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	if err != nil {
		return Reply{}, charterError(err)
	}
	switch {
	case pair.State == PairCharter && pair.Accepted(who):
		return Reply{}, Errorf(ESTALE, "err.charter_accepted")
	case pair.State != PairCharter:
		return Reply{}, b.charterRefused(ctx, who, pairID, Errorf(ESTALE, "err.charter_done"))
	}
	return b.cancelCharter(ctx, who, lang, pairID, "charter.declined_", "charter.cancelled_")
}

// withdrawCharter is /mentor end's button on a pair waiting for its
// charter: it cancels the pair as Decline does, whether or not the member
// accepted the charter, and says so as a cancellation.
func withdrawCharter(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	return b.cancelCharter(ctx, who, lang, pairID, "charter.withdrew_", "charter.withdrawn_")
}

// cancelCharter cancels a pair waiting for its charter at who's wish and
// tells both, with the keys mine and theirs (suffixed by the role of who
// reads them).
func (b *Bot) cancelCharter(ctx context.Context, who MemberID, lang Lang, pairID, mine, theirs string) (Reply, error) {
	t := who.Tenant()
	// Read first: the notices name the other member, and nothing is
	// cancelled if they cannot be read.
	before, err := b.store.pairs.GetPair(ctx, t, pairID)
	if err != nil {
		return Reply{}, charterError(err)
	}
	names, err := b.otherNames(ctx, before)
	if err != nil {
		return Reply{}, err
	}
	pair, err := b.store.pairs.DeclineCharter(ctx, t, pairID, who, Outbox{})
	if err != nil {
		return Reply{}, charterError(err)
	}
	b.charterCancelled(ctx, pair)
	b.remember(ctx, pair.Mentee, pair.Mentor, VerdictNever)
	// Unread (the store failing): the usual sentence, as before.
	left, hasLeft, _ := b.leftOpen(ctx, pair)
	// The request goes on first, so that the mentee's sentence says what
	// came of it: another mentor asked at once, or the wait.
	var q requeued
	if !hasLeft {
		q = b.proposeOn(ctx, t, pair.Request)
	}
	// The mentee's sentence: another mentor was asked, or their request
	// is back in the queue and why it waits, in one message (in their own
	// reply when they cancelled; before, a mentee whose mentor cancelled
	// got the "back in the queue" notice and then a second one saying it
	// again), or, when they have another one open (a manager's pair on
	// another topic), the pair's own was withdrawn and that one still
	// waits.
	sentence := func(l Lang, prefix string, m MemberID) Message {
		key := prefix + pair.Role(m)
		switch {
		case m != pair.Mentee:
			return Message{Text: T(l, key, "name", names[m.User], "topic", pair.Topic)}
		case hasLeft:
			return Message{Text: T(l, key+"_left", "name", names[m.User], "topic", pair.Topic, "request", left.Topic)}
		case q.asked():
			return Message{Text: T(l, key+"_next", "name", names[m.User], "topic", pair.Topic)}
		case m == pair.Mentee:
			return q.waiting(l, T(l, key, "name", names[m.User], "topic", pair.Topic))
		}
		return Message{Text: T(l, key, "name", names[m.User], "topic", pair.Topic)}
	}
	other := pair.Other(who)
	_ = b.notify(ctx, other, func(l Lang) Message { return sentence(l, theirs, other) })
	b.freed(ctx, pair.Mentor)
	return Reply{Replace: true, Message: sentence(lang, mine, who)}, nil
}

// requeued is what came of a request that went back to waiting and was
// proposed again at once (proposeOn): ok is false when it no longer
// waits or could not be proposed (logged).
type requeued struct {
	r      Request
	mentee Member
	res    proposeResult
	ok     bool
	full   bool // gapFull, for the language ask
}

// proposeOn proposes request id, back to waiting, to the next mentor who
// fits, without a word to the mentee yet: the caller says what came of it
// (asked, waiting, tell).
func (b *Bot) proposeOn(ctx context.Context, t Tenant, id string) requeued {
	r, mentee, res, ok := b.proposeAgain(ctx, t, id)
	q := requeued{r: r, mentee: mentee, res: res, ok: ok}
	if ok && !res.proposed && res.paused == nil {
		q.full = b.gapFull(ctx, r, mentee, res.gap)
	}
	return q
}

// asked reports whether another mentor was asked.
func (q requeued) asked() bool { return q.ok && q.res.proposed }

// waiting is lead, the sentence that says the request is back in the
// queue, followed by why it waits when that is known: the mentee's
// pause, the language ask with its button, or the matcher's reason.
func (q requeued) waiting(l Lang, lead string) Message {
	switch {
	case !q.ok || q.res.proposed:
		return Message{Text: lead}
	case q.res.paused != nil:
		return Message{Text: lead + "\n" + T(l, "charter.requeue_paused")}
	case q.res.gap.Gap():
		return languageAskFull(l, lead, q.r, requestLanguages(q.r, q.mentee), q.res.gap, q.full)
	}
	return Message{Text: lead + "\n" + q.res.reason(l, q.r.Topic)}
}

// leftOpen is the mentee's open request when it is not the pair's: a
// cancelled charter then withdraws the pair's request and leaves that one
// as it is (DeclineCharter), so the mentee is told it still waits rather
// than that their request is back in the queue. The error is the store's,
// never "none".
func (b *Bot) leftOpen(ctx context.Context, pair Pair) (Request, bool, error) {
	open, err := b.store.requests.OpenRequest(ctx, pair.Mentee)
	switch {
	case ErrorCode(err) == ENOTFOUND:
		return Request{}, false, nil
	case err != nil:
		return Request{}, false, err
	case open.ID == "" || open.ID == pair.Request:
		return Request{}, false, nil
	}
	return open, true, nil
}

// officialJobs returns the jobs scheduled when the pair pairID becomes
// official now. A pair of a program runs to the program's end (programEnd).
func (b *Bot) officialJobs(ctx context.Context, t Tenant, pairID string) func(Pair) []Job {
	s, now := b.settings(ctx, t), b.clock.Now().UTC()
	end := b.programEnd(ctx, t, pairID)
	return func(p Pair) []Job { return officialJobs(s, p, now, end) }
}

// programEnd is when the program of pair pairID ends (its end job runs),
// zero for a pair of the default program or one that cannot be read now
// (it then follows the workspace's program-length, as before programs).
func (b *Bot) programEnd(ctx context.Context, t Tenant, pairID string) time.Time {
	pair, err := b.store.pairs.GetPair(ctx, t, pairID)
	if err != nil {
		return time.Time{}
	}
	id, err := b.pairProgram(ctx, t, pair)
	if err != nil || id == DefaultProgram {
		return time.Time{}
	}
	p, err := b.store.programs.GetProgram(ctx, t, id)
	if err != nil {
		return time.Time{}
	}
	return p.endsAt(b.workspaceLoc(ctx, t))
}

// charterKeys are the delivery keys of every message that asks id, a
// member of pair, to accept its charter, each with Accept and Decline:
// the charter (startCharter, and its send job) and its reminder.
func charterKeys(pair Pair, id MemberID) []string {
	return []string{JobCharterSend + ":" + pair.ID + ":" + id.User, JobCharterRemind + ":" + pair.ID + ":" + id.User}
}

// charterCancelled follows a pair's cancellation over its charter: it is
// counted for the managers (a pair formed that never started), and the
// charter's messages are replaced.
func (b *Bot) charterCancelled(ctx context.Context, pair Pair) {
	b.record(ctx, Event{Kind: EventCharterCancelled, Member: pair.Mentor, Other: pair.Mentee, Ref: pair.ID, Topic: pair.Topic})
	b.retractCharter(ctx, pair)
}

// retractCharter retracts, where the platform can (retract), every
// charter message of a pair just cancelled over its charter, for both
// members: their buttons no longer invite an answer. The message the
// member clicked to cancel it is replaced by the click's reply after.
func (b *Bot) retractCharter(ctx context.Context, pair Pair) {
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		for _, key := range charterKeys(pair, id) {
			b.retract(ctx, id, key, func(l Lang) Message {
				return Message{Text: T(l, "charter.cancelled_here", "topic", pair.Topic)}
			})
		}
	}
}

// charterRefused turns a store refusal of a click on a charter's button
// into the sentence the clicker needs (charterError): on the charter of a
// pair cancelled over its charter (neverStarted), not "you have already
// answered", which a member who never answered would not understand, but
// why it was cancelled, as far as the pair tells it. The store does not
// keep who declined it (the clicker may have, on another copy of the
// charter, or with /mentor end's button): the sentence says the charter
// was not accepted by both, true whoever it was. Neither is the pair's
// program's end, which cancels as the clock does, taken for a charter not
// accepted in time.
func (b *Bot) charterRefused(ctx context.Context, who MemberID, pairID string, err error) error {
	if ErrorCode(err) != ESTALE {
		return charterError(err)
	}
	t := who.Tenant()
	pair, gerr := b.store.pairs.GetPair(ctx, t, pairID)
	if gerr != nil || pair.Role(who) == "" || !neverStarted(pair) {
		return charterError(err)
	}
	other, merr := b.member(ctx, pair.Other(who))
	if merr != nil {
		return charterError(err)
	}
	key := "err.charter_cancelled"
	if pair.EndReason == "charter-timeout" && !b.programOver(ctx, t, pair) {
		key = "err.charter_cancelled_timeout"
	}
	return Errorf(ESTALE, key, "name", other.displayName(), "topic", pair.Topic)
}

// programOver reports whether pair belongs to a program that is closed:
// its end cancels the pairs still waiting for their charter.
func (b *Bot) programOver(ctx context.Context, t Tenant, pair Pair) bool {
	id, err := b.pairProgram(ctx, t, pair)
	if err != nil || id == DefaultProgram {
		return false
	}
	p, err := b.store.programs.GetProgram(ctx, t, id)
	return err == nil && p.State == ProgramClosed
}

func charterError(err error) error {
	switch ErrorCode(err) {
	case ENOTFOUND:
		return Errorf(ESTALE, "err.unknown_button")
	case EFORBIDDEN:
		return Errorf(EFORBIDDEN, "err.not_your_button")
	case ESTALE:
		return Errorf(ESTALE, "err.charter_done")
	}
	return err
}
