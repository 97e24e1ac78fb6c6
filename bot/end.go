package bot

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/matching"
)

// Ending a pair at a member's own word: /mentor end, or the button of a
// pair in /mentor status. Nothing ends without a second click on "Yes, end
// the pair"; then it takes the path of "It's not working out" (endPair):
// both are told kindly and each is asked whether they want a new match.
// Every value is a pair ID.
const (
	ActionEndAsk     = "end.ask"     // asks "are you sure?"
	ActionEndConfirm = "end.confirm" // ends the pair
	ActionEndKeep    = "end.keep"    // keeps it
	// ActionEndDone closes a pair whose members met, as finished: it is
	// completed, its survey is sent at once, and nobody is barred from
	// meeting again (finishPair). Only a pair that met shows it.
	ActionEndDone = "end.done"
)

// endReason is Pair.EndReason for a pair a member ended with /mentor end.
const endReason = "member-ended"

// maxEndButtons bounds the pairs offered as buttons in one message (Slack
// and Discord take few buttons); the others are named in the command.
const maxEndButtons = 5

// runEnd asks the member to confirm the end of their pair in progress, or
// which one when they have several and did not name one (by the other
// member's name or the topic).
func runEnd(ctx context.Context, b *Bot, in *Invocation) (Reply, error) {
	var ov Overview
	if !in.Newcomer {
		var err error
		if ov, err = b.store.members.Overview(ctx, in.Member); err != nil {
			return Reply{}, err
		}
	}
	pairs, waiting := endable(ov.Pairs), charterPending(ov.Pairs)
	q := in.Text("pair")
	if q != "" {
		waiting = pairsNamed(in.Member, ov, waiting, q)
	}
	if len(pairs) == 0 {
		if len(waiting) > 0 {
			return notStarted(in.Lang, in.Member, ov, waiting[0])
		}
		return Reply{}, Errorf(ENOTFOUND, "end.none")
	}
	if q != "" {
		all := pairs
		if pairs = pairsNamed(in.Member, ov, pairs, q); len(pairs) == 0 {
			if len(waiting) > 0 {
				return notStarted(in.Lang, in.Member, ov, waiting[0])
			}
			return Reply{}, b.noPairNamed(ctx, in, ov, all, q)
		}
	}
	if len(pairs) == 1 {
		return Reply{Message: endChoiceMessage(in.Lang, pairs[0], otherName(in.Member, ov, pairs[0]))}, nil
	}
	msg := Message{Text: T(in.Lang, "end.choose", "pairs", plural(in.Lang, len(pairs), "end.pairs")),
		Buttons: endButtons(in.Lang, in.Member, ov, pairs)}
	if len(pairs) > maxEndButtons {
		msg.Text += "\n" + T(in.Lang, "end.more", "pairs", pairList(in.Lang, in.Member, ov, pairs))
	}
	return Reply{Message: msg}, nil
}

// noPairNamed is the error for /mentor end naming no pair in progress.
// A member named by a mention (which reaches the core as "@U…" from
// Slack or Discord) is named as the bot names members, not by their ID:
// from the bot's record of them, else the platform's directory, else
// "the member you named".
func (b *Bot) noPairNamed(ctx context.Context, in *Invocation, ov Overview, all []Pair, q string) error {
	pairs := pairList(in.Lang, in.Member, ov, all)
	user, isUser := parseUserRef(q)
	if !isUser || !strings.HasPrefix(strings.TrimSpace(q), "@") {
		return Errorf(ENOTFOUND, "end.no_match", "query", clip(q, 40), "pairs", pairs)
	}
	id := in.Member.Tenant().Member(user)
	name := ""
	if m, err := b.store.members.GetMember(ctx, id); err == nil {
		name = cleanText(m.Name, false)
	}
	if name == "" {
		name = b.profile(ctx, id).Name
	}
	if name == "" {
		return Errorf(ENOTFOUND, "end.no_match_someone", "pairs", pairs)
	}
	return Errorf(ENOTFOUND, "end.no_match_member", "name", clip(name, 40), "pairs", pairs)
}

// endable keeps the pairs a member can end: the active ones. A pair
// waiting for its charter ends with the charter's Decline button.
func endable(pairs []Pair) []Pair {
	var out []Pair
	for _, p := range pairs {
		if p.State == PairActive {
			out = append(out, p)
		}
	}
	return out
}

// charterPending keeps the pairs still waiting for their charter.
func charterPending(pairs []Pair) []Pair {
	var out []Pair
	for _, p := range pairs {
		if p.State == PairCharter {
			out = append(out, p)
		}
	}
	return out
}

// notStarted says that a pair waiting for its charter has not begun, with
// a button to cancel it: one that works also for a member who accepted the
// charter already, whose charter message has no button left.
func notStarted(lang Lang, me MemberID, ov Overview, p Pair) (Reply, error) {
	return Reply{Message: Message{
		Text:    T(lang, "end.not_started", "name", otherName(me, ov, p), "topic", p.Topic),
		Buttons: []Button{{Label: T(lang, "btn.charter_withdraw"), ActionID: ActionCharterWithdraw, Value: p.ID, Style: StyleDanger}},
	}}, nil
}

// pairsNamed keeps the pairs whose other member or topic is q: the other
// member's name, one word of it, their user ID or a mention of them, or
// the topic, compared as topics are (case and accents aside).
func pairsNamed(me MemberID, ov Overview, pairs []Pair, q string) []Pair {
	want := matching.NormalizeTopic(q)
	user, isUser := parseUserRef(q)
	var out []Pair
	for _, p := range pairs {
		other := p.Other(me)
		name := matching.NormalizeTopic(otherName(me, ov, p))
		switch {
		case isUser && user == other.User,
			want == name, want == matching.NormalizeTopic(p.Topic),
			want != "" && contains(strings.Fields(name), want):
			out = append(out, p)
		}
	}
	return out
}

// otherName is how the member's pair names the other member.
func otherName(me MemberID, ov Overview, p Pair) string {
	other := p.Other(me)
	if name := ov.Names[other.User]; name != "" {
		return name
	}
	return other.User
}

// pairList names pairs in a sentence: "Dan (“go”) and Eve (“rust”)".
func pairList(lang Lang, me MemberID, ov Overview, pairs []Pair) string {
	items := make([]string, len(pairs))
	for i, p := range pairs {
		items[i] = T(lang, "end.pair_item", "name", otherName(me, ov, p), "topic", p.Topic)
	}
	return andList(lang, items)
}

// endButtons are the "End the pair with …" buttons of the first
// maxEndButtons pairs.
func endButtons(lang Lang, me MemberID, ov Overview, pairs []Pair) []Button {
	var out []Button
	for _, p := range pairs[:min(len(pairs), maxEndButtons)] {
		out = append(out, Button{Label: T(lang, "btn.end_pair", "name", otherName(me, ov, p), "topic", p.Topic), ActionID: ActionEndAsk, Value: p.ID})
	}
	return out
}

// statusEndButtons are the buttons /mentor status shows under the pairs.
func statusEndButtons(lang Lang, me MemberID, ov Overview) []Button {
	return endButtons(lang, me, ov, endable(ov.Pairs))
}

// endChoiceMessage is /mentor end's "are you sure?": a pair whose members
// said they met may end as finished rather than as not working out, and
// the member says which; any other pair, endConfirmMessage.
func endChoiceMessage(lang Lang, p Pair, name string) Message {
	if !p.Met.IsZero() {
		return Message{
			Title: T(lang, "end.confirm_title"),
			Text:  T(lang, "end.confirm_met", "name", name, "topic", p.Topic),
			Buttons: []Button{
				{Label: T(lang, "btn.end_done"), ActionID: ActionEndDone, Value: p.ID, Style: StylePrimary},
				{Label: T(lang, "btn.end_not_working"), ActionID: ActionEndConfirm, Value: p.ID, Style: StyleDanger},
				{Label: T(lang, "btn.end_keep"), ActionID: ActionEndKeep, Value: p.ID},
			},
		}
	}
	return endConfirmMessage(lang, p, name)
}

// endConfirmMessage asks "are you sure?" before a pair ends as not
// working out (its first button, which the check-in's "It's not working
// out" and a low rating's offer re-aim at their own actions).
func endConfirmMessage(lang Lang, p Pair, name string) Message {
	return Message{
		Title: T(lang, "end.confirm_title"),
		Text:  T(lang, "end.confirm", "name", name, "topic", p.Topic),
		Buttons: []Button{
			{Label: T(lang, "btn.end_confirm"), ActionID: ActionEndConfirm, Value: p.ID, Style: StyleDanger},
			{Label: T(lang, "btn.end_keep"), ActionID: ActionEndKeep, Value: p.ID},
		},
	}
}

// endPairOf reads a pair that who may end: theirs, and still active.
func (b *Bot) endPairOf(ctx context.Context, who MemberID, pairID string) (Pair, error) {
	pair, err := b.store.pairs.GetPair(ctx, who.Tenant(), pairID)
	switch {
	case err != nil:
		return pair, charterError(err)
	case pair.Role(who) == "":
		return pair, Errorf(EFORBIDDEN, "err.not_your_button")
	case pair.State != PairActive:
		return pair, Errorf(ESTALE, "err.pair_over")
	}
	return pair, nil
}

// askEnd is a pair's End button: it asks for the confirmation.
func askEnd(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	msg, err := b.endQuestion(ctx, who, lang, pairID, endChoiceMessage)
	return Reply{Message: msg}, err
}

// endQuestion is "Are you sure?" about ending who's pair pairID (theirs,
// and still active), as ask words it.
func (b *Bot) endQuestion(ctx context.Context, who MemberID, lang Lang, pairID string, ask func(Lang, Pair, string) Message) (Message, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Message{}, err
	}
	other, err := b.member(ctx, pair.Other(who))
	if err != nil {
		return Message{}, err
	}
	return ask(lang, pair, other.displayName()), nil
}

// confirmEnd ends the pair, as "It's not working out" does.
func confirmEnd(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	b.log.Info("pair ended by a member", "pair", pair.ID, "member", who.String())
	return b.endPair(ctx, pair, who, endReason, lang)
}

// finishPair is "We've finished": a pair whose members met ends as
// completed, the way its last survey ends it (sendSurvey, at once rather
// than at its date): both are sent the survey, the mentor's slot is
// freed, and the two may be paired again when nobody else fits (the
// check-in's VerdictMet stands; no VerdictNever). The other member is
// told who closed it first. A meeting agreed ahead is cancelled, as
// endPair does.
func finishPair(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	if pair.Met.IsZero() {
		return Reply{}, Errorf(ESTALE, "err.unknown_button") // only a pair that met shows it
	}
	names, err := b.otherNames(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	agreed, ahead, err := b.cancelAheadFirst(ctx, pair)
	if err != nil {
		return Reply{}, err
	}
	other := pair.Other(who)
	if err := b.deliver(ctx, "finished:"+pair.ID, other, func(l Lang) Message {
		return Message{Text: T(l, "end.finished_other", "name", names[other.User], "topic", pair.Topic)}
	}); err != nil {
		b.log.Warn("finished: notice not delivered", "pair", pair.ID, "to", other.String(), "code", string(ErrorCode(err)))
	}
	stage := SurveyEnd
	if !pair.Relationship() {
		stage = SurveyFlash
	}
	ended, err := b.sendSurvey(ctx, pair, stage, names)
	switch {
	case ErrorCode(err) == ESTALE:
		// Ended meanwhile (a click on another replica): the job scheduled
		// first sends the meeting's cancellation.
	case err != nil:
		return Reply{}, err
	case ahead:
		if err := b.sendCancels(ctx, ended, agreed, cancelEnded); err != nil {
			b.log.Warn("cancellation not delivered yet, its job will retry", "pair", pair.ID, "code", string(ErrorCode(err)))
		}
	}
	b.log.Info("pair finished by a member", "pair", pair.ID, "member", who.String())
	return Reply{Replace: true, Message: Message{Text: T(lang, "end.finished", "name", names[who.User], "topic", pair.Topic)}}, nil
}

// keepPair is "No, keep it": nothing changes.
func keepPair(ctx context.Context, b *Bot, who MemberID, lang Lang, pairID string) (Reply, error) {
	pair, err := b.endPairOf(ctx, who, pairID)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Replace: true, Message: Message{Text: T(lang, "end.kept", "topic", pair.Topic)}}, nil
}
